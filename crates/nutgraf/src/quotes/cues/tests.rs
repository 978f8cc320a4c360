//! One invented sentence per rule of the cue reader.
