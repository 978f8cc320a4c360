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
pub mod options;
pub mod page;
pub mod quotes;
pub mod sentences;

pub use article::{Article, Dateline};
pub use digest::{digest, Digest};
pub use error::Error;
pub use highlights::{Highlight, Order};
pub use options::Options;
pub use page::InputFormat;
pub use quotes::{quotes, Kind as QuoteKind, Quote};
pub use sentences::Span;

/// A sample news page (an invented story with realistic page chrome), built into the
/// binary so that `nutgraf digest --example` works on a fresh machine.
pub const EXAMPLE_HTML: &str = include_str!("../data/example.html");

/// Reads a page (raw bytes in any charset) into an [`Article`].
pub fn read(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    let decoded = page::decode(bytes, options.content_type.as_deref())?;
    read_str(&decoded.text, options)
}

/// Reads already-decoded page text into an [`Article`] (`options.content_type` plays no
/// part: the text is decoded already).
///
/// Pass `&Options`; see [`AsOptions`] for the other form accepted for now.
pub fn read_str(text: &str, options: impl AsOptions) -> Result<Article, Error> {
    let format = options
        .input_format()
        .unwrap_or_else(|| page::detect_format(text));
    match format {
        InputFormat::Html => html::read_html(text),
        InputFormat::Dump => dump::read_dump(text),
        InputFormat::Article => Ok(article::from_plain_article(text)),
    }
}

/// What [`read_str`] takes: `&Options`.
///
/// Transitional: a bare `Option<InputFormat>` (the former second argument) is accepted
/// too, so that callers not yet moved to [`Options`] (the unit tests of
/// [`highlights`](mod@highlights)) still build. Drop the `Option<InputFormat>` impl, and
/// this trait for `&Options`, once they are.
#[doc(hidden)]
pub trait AsOptions {
    /// The input format to force, if any.
    fn input_format(&self) -> Option<InputFormat>;
}

impl AsOptions for &Options {
    fn input_format(&self) -> Option<InputFormat> {
        self.format
    }
}

impl AsOptions for Option<InputFormat> {
    fn input_format(&self) -> Option<InputFormat> {
        *self
    }
}

/// Generated highlights of an article: a few of its own sentences that tell the story,
/// as many as `options` asks for (its input format and content type play no part).
pub fn highlights(article: &Article, options: &Options) -> Vec<Highlight> {
    highlights::highlights(article, &highlight_options(options))
}

/// The summarizer's own options, taken from [`Options`].
fn highlight_options(options: &Options) -> highlights::HighlightOptions {
    highlights::HighlightOptions {
        sentences: options.sentences,
        words: options.words,
        chars: options.chars,
        order: options.order,
    }
}
