//! The [`Article`]: the output contract of `nutgraf read`.

use serde::{Deserialize, Serialize};

use crate::sentences::{self, Span};

/// Where the story was filed from, as its dateline says (`DENVER (Example News) --`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place (`DENVER`, `LONDON`, `Springfield, Ill.`).
    pub place: String,
    /// The outlet named in the dateline, if any (`Reuters`, `AP`).
    pub outlet: Option<String>,
}

/// A news article as read from a page. Field names and meanings are a stable contract
/// (see README "JSON contract"): fields may be added, never renamed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// The headline, without the site name.
    pub title: Option<String>,
    /// Author names (no "By", no outlet, no dates).
    pub authors: Vec<String>,
    /// The publication or site.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`2024-03-05` or `2024-03-05T10:00:00+01:00`).
    pub published: Option<String>,
    /// The dateline, when the story has one.
    pub dateline: Option<Dateline>,
    /// Topic tags.
    pub tags: Vec<String>,
    /// The page's own highlights ("story highlights" bullets), when it shows them.
    pub highlights_given: Vec<String>,
    /// Body paragraphs, in reading order.
    pub paragraphs: Vec<String>,
    /// `paragraphs` joined by `"\n\n"`; all offsets point into this.
    pub text: String,
    /// Sentences of `text`, as character offsets (end-exclusive).
    pub sentences: Vec<Span>,
    /// Language (BCP 47 tag as the page declares it, e.g. `en`, `de-DE`), if known.
    pub language: Option<String>,
    /// Credit lines ("Sam Poe reported from Denver.", "Contributing: ...").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
}

impl Article {
    /// Sets `paragraphs`, and derives `text` and `sentences` from them.
    pub fn set_paragraphs(&mut self, paragraphs: Vec<String>) {
        self.text = paragraphs.join("\n\n");
        self.paragraphs = paragraphs;
        self.sentences = sentences::split(&self.text);
    }
}

/// Already-clean article text: everything is kept, paragraphs break at blank lines,
/// and `text` is the input unchanged so that offsets point into what the user gave.
pub fn from_plain_article(input: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in input.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    Article {
        paragraphs,
        text: input.to_string(),
        sentences: sentences::split(input),
        ..Article::default()
    }
}
