//! A digest: everything nutgraf knows about a page, as one document. The CLI's
//! `digest`, `batch` and the HTTP service all produce it.

use serde::{Deserialize, Serialize};

use crate::Article;

/// What to put in a digest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DigestOptions {}

/// Everything read from one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// The article.
    pub article: Article,
}

/// Builds the digest of an article.
pub fn digest(article: Article, _options: &DigestOptions) -> Digest {
    Digest { article }
}
