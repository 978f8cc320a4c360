//! A digest: everything nutgraf knows about a page, as one document. The CLI's
//! `digest`, `batch` and the HTTP service all produce it.

use serde::{Deserialize, Serialize};

use crate::highlights::{highlights, Highlight, HighlightOptions, Order};
use crate::quotes::{quotes, Quote};
use crate::Article;

/// What to put in a digest (the HTTP service takes it as `"options"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DigestOptions {
    /// Number of generated highlights (default: chosen by the summarizer).
    pub sentences: Option<usize>,
    /// Word budget for the highlights, never exceeded.
    pub words: Option<usize>,
    /// Character budget for the highlights, never exceeded.
    pub chars: Option<usize>,
    /// Order of the highlights: `article` (default) or `score`.
    pub order: Order,
}

impl DigestOptions {
    /// The summarizer's options.
    pub fn highlight_options(&self) -> HighlightOptions {
        HighlightOptions {
            sentences: self.sentences,
            words: self.words,
            chars: self.chars,
            order: self.order,
        }
    }
}

/// Everything read from one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// The article.
    pub article: Article,
    /// Generated highlights: sentences of `article.text`, with their offsets.
    pub highlights: Vec<Highlight>,
    /// Who said what, with offsets into `article.text`.
    pub quotes: Vec<Quote>,
}

/// Builds the digest of an article.
pub fn digest(article: Article, options: &DigestOptions) -> Digest {
    let highlights = highlights(&article, &options.highlight_options());
    let quotes = quotes(&article);
    Digest {
        article,
        highlights,
        quotes,
    }
}
