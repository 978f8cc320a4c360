//! The input readers of `nutgraf batch`, as a library so that the fuzz targets (and
//! tests) reach exactly the code the binary runs: [`jsonl`] turns JSONL bytes into
//! records, [`warc`] reads WARC files (plain or gzip). Both yield [`Record`]s and never
//! stop early on a bad record: a record that cannot be taken apart is a
//! [`Record::Bad`], and damage that ends an input (a cut gzip stream, a broken WARC
//! file, an I/O error) is one [`Record::Broken`] after every record read before it.
//!
//! The `nutgraf` binary (`src/main.rs`) is the rest of the command line.
#![forbid(unsafe_code)]

pub mod jsonl;
mod record;
pub mod warc;

pub use record::Record;
