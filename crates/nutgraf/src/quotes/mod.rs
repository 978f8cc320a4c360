//! Who said what: attributed statements in an article and their speakers.
//!
//! [`quotes`] finds direct quotations (`"…," he said`), indirect speech (`X said that
//! …`, `according to X, …`) and mixed forms (`X said the plan "is dead" for now`), each
//! with the speaker mention as written, the speaker it resolves to, the cue and the
//! kind. Everything is rules over the text; nothing is downloaded.
//!
//! The way through the module:
//! - [`marks`] pairs quotation marks into regions, one paragraph at a time;
//! - [`tokens`] turns each paragraph into items (words, punctuation, whole quotations)
//!   and cuts it into sentences outside quotations;
//! - [`lexicon`] holds the cue words and the other word lists;
//! - [`cues`] reads each cue's frame (speaker before or after, appositives, content
//!   before/after, continuations over sentences and paragraphs);
//! - [`mentions`] reads the noun phrase of a speaker;
//! - [`resolve`] finds people and organisations and resolves pronouns and short names.
//!
//! All offsets are character offsets (Unicode scalar values) into `article.text`,
//! end-exclusive. Work is linear in the text (bounded look-around per item).

pub mod cues;
pub mod lexicon;
pub mod marks;
pub mod mentions;
pub mod resolve;
pub mod tokens;

use crate::deadline::Deadline;
use crate::Error;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::sentences::Span;
use marks::Region;
use tokens::Paragraph;

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Kind {
    /// In quotation marks.
    Direct,
    /// Reported in the writer's words.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

impl Kind {
    /// The kind's name as the JSON contract writes it: `direct`, `indirect`, `mixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// What was said (the spans joined by ` … ` when the cue splits the quote).
    pub content: String,
    /// Start of the first span.
    pub content_start: usize,
    /// End of the last span.
    pub content_end: usize,
    /// The parts of the content, `[[start, end], …]` (one for a contiguous quote).
    pub content_spans: Vec<[usize; 2]>,
    /// The speaker as written near the quote ("he", "Mr. Toner", "the officials").
    pub speaker_mention: Option<String>,
    /// Start of the mention.
    pub speaker_mention_start: Option<usize>,
    /// End of the mention.
    pub speaker_mention_end: Option<usize>,
    /// The mention resolved to the fullest name the article gives.
    pub speaker: Option<String>,
    /// Who the speaker is, when the article says ("the acting deputy spokesman").
    pub speaker_description: Option<String>,
    /// The words that attribute ("said", "told reporters", "according to", ":").
    pub cue: Option<String>,
    /// Direct, indirect or mixed.
    pub kind: Kind,
}

/// Splits the text into regions and paragraphs (lines) of items with sentences.
pub(crate) fn parse(chars: &[char]) -> (Vec<Region>, Vec<Paragraph>) {
    let regions = marks::regions(chars);
    let mut paras = Vec::new();
    let mut start = 0;
    let mut r = 0;
    let n = chars.len();
    while start < n {
        let mut end = start;
        while end < n && chars[end] != '\n' {
            end += 1;
        }
        while r < regions.len() && regions[r].open < start {
            r += 1;
        }
        let mut p = tokens::paragraph(chars, start, end, &regions, r);
        if !p.items.is_empty() {
            p.sentences = tokens::sentences(chars, &regions, &p.items);
            paras.push(p);
        }
        start = end + 1;
    }
    (regions, paras)
}

fn slice(chars: &[char], span: Span) -> String {
    chars[span.start..span.end].iter().collect()
}

/// Share of the content's non-space characters inside quotation marks.
fn quoted_share(chars: &[char], regions: &[Region], spans: &[Span]) -> (usize, usize) {
    let mut inside = 0;
    let mut total = 0;
    for &Span { start: s, end: e } in spans {
        total += chars[s..e].iter().filter(|c| !c.is_whitespace()).count();
        let first = regions.partition_point(|r| r.outer_end() <= s);
        for r in regions[first..].iter().take_while(|r| r.open < e) {
            let a = r.open.max(s);
            let b = r.outer_end().min(e);
            if a < b {
                inside += chars[a..b].iter().filter(|c| !c.is_whitespace()).count();
            }
        }
    }
    (inside, total)
}

/// The attributed statements of an article, in text order.
pub fn quotes(article: &Article) -> Vec<Quote> {
    quotes_in_text(&article.text)
}

/// The attributed statements of a text (paragraphs at line breaks).
pub fn quotes_in_text(text: &str) -> Vec<Quote> {
    // Without a deadline nothing can time out.
    quotes_until(text, Deadline::NONE).unwrap_or_default()
}

/// [`quotes_in_text`], giving up with [`Error::TimedOut`] once `deadline` has passed
/// (checked between the stages).
pub(crate) fn quotes_until(text: &str, deadline: Deadline) -> Result<Vec<Quote>, Error> {
    let chars: Vec<char> = text.chars().collect();
    let (regions, paras) = parse(&chars);
    deadline.check()?;
    let drafts = cues::attribute(&chars, &regions, &paras);
    deadline.check()?;
    if drafts.is_empty() {
        return Ok(Vec::new());
    }
    let entities = resolve::Entities::build(&chars, &paras);
    deadline.check()?;
    // Descriptions given anywhere for a speaker carry over to the speaker's other quotes.
    let mut resolved = Vec::with_capacity(drafts.len());
    let mut descriptions: HashMap<String, String> = HashMap::new();
    for d in &drafts {
        let r = d.mention.map(|m| {
            let m = d.antecedent.unwrap_or(m);
            let text = slice(&chars, m);
            entities.resolve(&text, m.start)
        });
        if let (Some((_, Some(key))), Some(desc)) = (&r, d.description) {
            descriptions
                .entry(key.clone())
                .or_insert_with(|| slice(&chars, desc));
        }
        resolved.push(r);
    }
    let mut out = Vec::with_capacity(drafts.len());
    for (d, r) in drafts.iter().zip(resolved) {
        let mut spans = d.spans.clone();
        spans.sort_unstable_by_key(|sp| (sp.start, sp.end));
        spans.dedup();
        let (Some(first), Some(last)) = (spans.first().copied(), spans.last().copied()) else {
            continue;
        };
        let content = spans
            .iter()
            .map(|&sp| slice(&chars, sp))
            .collect::<Vec<_>>()
            .join(" … ");
        let (inside, total) = quoted_share(&chars, &regions, &spans);
        let kind = if d.direct || (total > 0 && inside * 10 >= total * 8) {
            Kind::Direct
        } else if inside > 0 {
            Kind::Mixed
        } else {
            Kind::Indirect
        };
        // A short paraphrase before its speaker (`Win in a walk, he said`) or after a
        // colon is more often a headline or a label than a statement.
        let words = spans
            .iter()
            .map(|sp| {
                chars[sp.start..sp.end]
                    .split(|c| c.is_whitespace())
                    .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
                    .count()
            })
            .sum::<usize>();
        let after_content = d.mention.is_some_and(|m| m.start >= last.end);
        if kind == Kind::Indirect && words < 6 && (after_content || d.cue == ":") {
            continue;
        }
        let (speaker, key) = match r {
            Some((s, k)) => (Some(s), k),
            None => (None, None),
        };
        let speaker_description = d
            .description
            .map(|desc| slice(&chars, desc))
            .or_else(|| key.and_then(|k| descriptions.get(&k).cloned()));
        out.push(Quote {
            content,
            content_start: first.start,
            content_end: last.end,
            content_spans: spans.iter().map(|sp| [sp.start, sp.end]).collect(),
            speaker_mention: d.mention.map(|m| slice(&chars, m)),
            speaker_mention_start: d.mention.map(|m| m.start),
            speaker_mention_end: d.mention.map(|m| m.end),
            speaker,
            speaker_description,
            cue: (!d.cue.is_empty()).then(|| d.cue.clone()),
            kind,
        });
    }
    out.sort_by_key(|q| q.content_start);
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
