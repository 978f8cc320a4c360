//! nutgraf reads news pages the way an editor does.
//!
//! A page comes in as HTML, as the text a browser or scraper left of it (`w3m -dump`
//! style), or as clean article text. nutgraf gives back:
//!
//! - [`read`] / [`read_str`]: the [`Article`]: headline, authors, outlet, dateline,
//!   date, body paragraphs, tags, the page's own highlights, its sentences; page
//!   chrome, teasers and comments dropped.
//! - [`highlights`]: a few of the article's own sentences that tell the story.
//! - [`quotes`]: who said what, direct, indirect or mixed, with the speaker resolved.
//! - [`digest`]: all three as one [`Digest`] (what the CLI's `digest`, `batch` and the
//!   HTTP service write).
//!
//! All take one [`Options`]; errors are one [`Error`]. Offsets ([`Span`],
//! [`Highlight`], [`Quote`]) count characters (Unicode scalar values) of
//! [`Article::text`]. The contract types are `#[non_exhaustive]`: fields may be added,
//! never renamed. ARCHITECTURE.md walks the data's way through the private modules.
//!
//! ```
//! let html = r#"<html><head><title>Dam opens early | Valley Post</title></head>
//! <body><nav><a href="/">Home</a></nav><article><h1>Dam opens early</h1>
//! <p>The new dam on the Vell river opened two weeks early on Monday, officials said.</p>
//! <p>Engineers credited a dry spring for the quick progress on the final wall.</p>
//! <p>“We were lucky with the weather,” said Mara Quist, the site's chief engineer.</p>
//! </article></body></html>"#;
//! let options = nutgraf::Options::new();
//! let article = nutgraf::read(html.as_bytes(), &options).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Dam opens early"));
//! assert_eq!(article.paragraphs.len(), 3);
//!
//! let digest = nutgraf::digest(article, &options).unwrap();
//! assert!(!digest.highlights.is_empty());
//! assert!(digest.quotes.iter().any(|q| q.speaker.as_deref() == Some("Mara Quist")));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Items that only the lab (`nutgraf-lab`, through the `_internal` feature) uses look
// dead when the feature is off. In the workspace build the lab turns the feature on, so
// that is where the compiler reports code that is really dead.
#![cfg_attr(not(feature = "_internal"), allow(dead_code, unused_imports))]

mod article;
mod blocks;
mod deadline;
mod digest;
mod dump;
mod error;
mod highlights;
mod html;
mod lexicon;
mod options;
mod page;
mod quotes;
mod sentences;

#[cfg(feature = "_internal")]
#[doc(hidden)]
pub mod internal;

use deadline::Deadline;

pub use article::{Article, Dateline};
pub use digest::{digest, Digest};
pub use error::Error;
pub use highlights::{Highlight, Order, MAX_UNIT_WORDS as MAX_HIGHLIGHT_WORDS};
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
pub fn read_str(text: &str, options: &Options) -> Result<Article, Error> {
    let deadline = Deadline::new(options.deadline);
    deadline.check()?;
    let format = options.format.unwrap_or_else(|| page::detect_format(text));
    match format {
        InputFormat::Html => html::read_html(text, deadline),
        InputFormat::Dump => dump::read_dump(text, deadline),
        InputFormat::Article => {
            let article = article::from_plain_article(text);
            deadline.check()?;
            Ok(article)
        }
    }
}

/// Generated highlights of an article: a few of its own sentences that tell the story,
/// as many as `options` asks for (its input format and content type play no part).
///
/// The only error is [`Error::TimedOut`], when `options` sets a deadline.
pub fn highlights(article: &Article, options: &Options) -> Result<Vec<Highlight>, Error> {
    let deadline = Deadline::new(options.deadline);
    deadline.check()?;
    let candidates = highlights::Candidates::new_until(article, deadline)?;
    Ok(candidates.choose(
        article,
        &highlight_options(options),
        &highlights::Model::default(),
    ))
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
