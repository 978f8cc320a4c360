//! nutgraf reads news pages the way an editor does.
//!
//! The data flows one way through the modules:
//! [`page`] (bytes → decoded text, HTML or plain) → [`blocks`] (DOM or text lines →
//! typed blocks) → [`article`] (blocks + metadata → [`Article`]) → [`sentences`].
//!
//! ```
//! let html = r#"<html><head><title>Dam opens early | Valley Post</title></head>
//! <body><nav><a href="/">Home</a></nav><article><h1>Dam opens early</h1>
//! <p>The new dam on the Vell river opened two weeks early on Monday, officials said.</p>
//! <p>Engineers credited a dry spring for the quick progress on the final wall.</p>
//! </article></body></html>"#;
//! let article = nutgraf::read(html.as_bytes(), &nutgraf::Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Dam opens early"));
//! assert_eq!(article.paragraphs.len(), 2);
//! ```
#![forbid(unsafe_code)]

pub mod article;
pub mod blocks;
pub mod digest;
pub mod dump;
pub mod error;
pub mod highlights;
pub mod html;
pub mod page;
pub mod quotes;
pub mod sentences;

pub use article::{Article, Dateline};
pub use digest::{digest, Digest, DigestOptions};
pub use error::Error;
pub use highlights::{highlights, Highlight, HighlightOptions, Order};
pub use page::InputFormat;
pub use quotes::{quotes, Kind as QuoteKind, Quote};
pub use sentences::Span;

/// A sample news page (an invented story with realistic page chrome), built into the
/// binary so that `nutgraf digest --example` works on a fresh machine.
pub const EXAMPLE_HTML: &str = include_str!("../data/example.html");

/// Options for [`read`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force the input format instead of detecting it.
    pub format: Option<InputFormat>,
    /// A `Content-Type` header that came with the bytes (its charset wins over detection).
    pub content_type: Option<String>,
}

/// Reads a page (raw bytes in any charset) into an [`Article`].
pub fn read(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    let decoded = page::decode(bytes, options.content_type.as_deref())?;
    read_str(&decoded.text, options.format)
}

/// Reads already-decoded page text into an [`Article`].
pub fn read_str(text: &str, format: Option<InputFormat>) -> Result<Article, Error> {
    let format = format.unwrap_or_else(|| page::detect_format(text));
    match format {
        InputFormat::Html => html::read_html(text),
        InputFormat::Dump => dump::read_dump(text),
        InputFormat::Article => Ok(article::from_plain_article(text)),
    }
}
