//! HTML pages: DOM → blocks and metadata.
pub mod metadata;

use crate::{Article, Error};

/// Reads an HTML page.
pub fn read_html(_html: &str) -> Result<Article, Error> {
    Err(Error::NoArticle { reason: "not yet".into() })
}
