//! [`Options`]: how to read a page and how many highlights to write — one type for
//! [`read`](crate::read), [`read_str`](crate::read_str), [`digest`](crate::digest()) and
//! [`highlights`](crate::highlights()).

use std::time::{Duration, Instant};

use crate::highlights::Order;
use crate::page::InputFormat;

/// How to read a page and what to put in its digest.
///
/// Every field has a default that suits most pages; build one with [`Options::new`] and
/// the setters:
///
/// ```
/// use nutgraf::{InputFormat, Options, Order};
/// let options = Options::new()
///     .format(InputFormat::Html)
///     .content_type("text/html; charset=windows-1252".to_string())
///     .sentences(2)
///     .order(Order::Score);
/// assert_eq!(options.sentences, Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Force the input format instead of detecting it.
    pub format: Option<InputFormat>,
    /// A `Content-Type` header that came with the bytes (its charset wins over detection).
    /// Only [`read`](crate::read) looks at it: [`read_str`](crate::read_str) gets text.
    pub content_type: Option<String>,
    /// Number of generated highlights; `None` means 3 (fewer when the article has fewer
    /// sentences to choose from or a budget runs out).
    pub sentences: Option<usize>,
    /// Word budget for the highlights (whitespace-separated words), never exceeded.
    pub words: Option<usize>,
    /// Character budget for the highlights (their texts added up), never exceeded.
    pub chars: Option<usize>,
    /// Order of the highlights: as they stand in the article (default) or best first.
    pub order: Order,
    /// When the work must stop: past it, [`read`](crate::read),
    /// [`digest`](crate::digest()) and [`highlights`](crate::highlights()) give up with
    /// [`Error::TimedOut`](crate::Error::TimedOut). Checked between the stages of the
    /// work and inside its long loops (HTML parsing in chunks, the highlights' units),
    /// so a stage overruns it by at most a fraction of its own time.
    pub deadline: Option<Instant>,
}

impl Options {
    /// The defaults: detect the format and charset, let the summarizer pick the length.
    pub fn new() -> Self {
        Self::default()
    }

    /// Forces the input format (`None`: detect it).
    #[must_use]
    pub fn format(mut self, format: impl Into<Option<InputFormat>>) -> Self {
        self.format = format.into();
        self
    }

    /// The `Content-Type` header that came with the bytes (`None`: none came).
    #[must_use]
    pub fn content_type(mut self, content_type: impl Into<Option<String>>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// Number of generated highlights (`None`: 3).
    #[must_use]
    pub fn sentences(mut self, sentences: impl Into<Option<usize>>) -> Self {
        self.sentences = sentences.into();
        self
    }

    /// Word budget for the highlights (`None`: no budget).
    #[must_use]
    pub fn words(mut self, words: impl Into<Option<usize>>) -> Self {
        self.words = words.into();
        self
    }

    /// Character budget for the highlights (`None`: no budget).
    #[must_use]
    pub fn chars(mut self, chars: impl Into<Option<usize>>) -> Self {
        self.chars = chars.into();
        self
    }

    /// Order of the highlights.
    #[must_use]
    pub fn order(mut self, order: Order) -> Self {
        self.order = order;
        self
    }

    /// Stop the work at this instant (`None`: no limit).
    #[must_use]
    pub fn deadline(mut self, deadline: impl Into<Option<Instant>>) -> Self {
        self.deadline = deadline.into();
        self
    }

    /// Stop the work once `limit` has passed from now (sets [`Options::deadline`]).
    #[must_use]
    pub fn timeout(self, limit: Duration) -> Self {
        self.deadline(Instant::now().checked_add(limit))
    }
}
