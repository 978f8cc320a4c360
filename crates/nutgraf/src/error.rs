//! The one error type of the library.

/// What went wrong reading a page.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input held no bytes (or only whitespace).
    #[error("the input is empty")]
    Empty,
    /// The input looks like a binary file rather than a page or text.
    #[error("the input looks like binary data, not a web page or text ({reason})")]
    Binary {
        /// Why it was judged binary.
        reason: String,
    },
    /// The time limit of [`Options::deadline`](crate::Options::deadline) ran out before
    /// the work was done; what was done is dropped.
    #[error("the time limit ran out before the page was read")]
    TimedOut,
    /// The page was read but no article text could be found in it.
    #[error("no article text found in the page ({reason})")]
    NoArticle {
        /// What the extractor saw instead.
        reason: String,
    },
}
