//! Cues and their frames: for each cue (`said`, `according to`, a headline colon), the
//! speaker mention and the content it attributes.
//!
//! A sentence is read as items (words, punctuation, whole quotations). Three frames:
//! - *after the content*: `CONTENT, he said.` / `"A," said X, "B."` / `"A," X, the
//!   spokesman, said.` — the content is what precedes the attribution in the sentence,
//!   plus what follows it after a comma;
//! - *before the content*: `X said (that) CONTENT` / `X told reporters: "…"` /
//!   `According to X, CONTENT`;
//! - *headline*: `Smith: "We will win"` at the start of a paragraph.
//!
//! Quotation-only sentences after a direct quote, and paragraphs that continue an
//! open quotation, join the quote before them.
//!
//! The module's parts:
//! - `spans`: the paragraph being read (`Ctx`) and its span helpers;
//! - `sentence`: one sentence read item by item (headline colons, `according to`);
//! - `frame`: the frame of one verb cue, in phases;
//! - `patterns`: cues that are sentence shapes rather than words of the lexicon;
//! - `transcript`: `NAME: …` transcript lines;
//! - `attribute`: the pass over all paragraphs, which carries quotations across them.

mod attribute;
mod frame;
mod patterns;
mod sentence;
mod spans;
mod transcript;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

pub use attribute::attribute;

use crate::sentences::Span;

/// An attribution before resolution; all positions are character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub spans: Vec<Span>,
    pub mention: Option<Span>,
    pub description: Option<Span>,
    pub cue: String,
    /// Paragraph index.
    pub para: usize,
    /// Regions this draft holds (to extend it over continued quotations).
    pub regions: Vec<usize>,
    /// What a relative `who` mention stands for.
    pub antecedent: Option<Span>,
    /// Direct speech whatever the quotation marks say (a transcript line).
    pub direct: bool,
}
