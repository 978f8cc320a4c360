//! A digest: everything nutgraf knows about a page, as one document. The CLI's
//! `digest`, `batch` and the HTTP service all produce it.

use serde::Serialize;

use crate::deadline::Deadline;
use crate::highlights::Highlight;
use crate::quotes::{quotes_until, Quote};
use crate::{Article, Error, Options};

/// Everything read from one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Digest {
    /// The article.
    pub article: Article,
    /// Generated highlights: sentences of `article.text`, with their offsets.
    pub highlights: Vec<Highlight>,
    /// Who said what, with offsets into `article.text`.
    pub quotes: Vec<Quote>,
}

/// Builds the digest of an article; `options` sets the highlights' length and order.
///
/// The only error is [`Error::TimedOut`], when `options` sets a deadline.
pub fn digest(article: Article, options: &Options) -> Result<Digest, Error> {
    let highlights = crate::highlights(&article, options)?;
    let quotes = quotes_until(&article.text, Deadline::new(options.deadline))?;
    Ok(Digest {
        article,
        highlights,
        quotes,
    })
}
