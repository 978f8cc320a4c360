//! Highlights: a few sentences of the article that together tell the story, like a
//! news desk's "story highlights" bullets.
//!
//! The summary is **extractive**: every highlight is a span of [`Article::text`]
//! (`text == article.text[start..end]` in characters) and no word is invented. The page's
//! own highlights ([`Article::highlights_given`]) are never copied.
//!
//! # How sentences are chosen
//!
//! 1. **Units** (`units.rs`). The article's sentences ([`Article::sentences`]). A very
//!    long sentence is cut further at sentence punctuation that the splitter did not
//!    take (lowercased text, where `. the` does not look like a sentence end), then at
//!    `;`. A unit still longer than [`MAX_UNIT_WORDS`] words cannot be a highlight.
//! 2. **Features** of every unit (`features.rs`, [`FEATURE_NAMES`]): position (first,
//!    `1/(i+1)`, relative), length, centrality of its content words (cosine with the
//!    article's term-frequency centroid, where a word's weight falls with the share of
//!    sentences that hold it, a TF-IDF within the article), similarity to the lead,
//!    overlap with the headline, names and numbers, quotation and question marks, and
//!    page chrome ("Scroll down for video"), a wire dateline (`(CNN)`) and its
//!    interactions with position and length, photo-caption markers, the highest
//!    similarity to another unit and to the first three, the share of content words, how
//!    specific they are (within-article IDF), the first word (a pronoun, a conjunction),
//!    first-person words, reporting verbs, position and length bands, and, when the whole
//!    text is lowercased, position and names.
//! 3. **Score** (`model.rs`): a linear model over the features ([`Model::score`]). The
//!    weights are those of a **conditional logit over the article's sentences**: the
//!    probability that unit `i` of an article is a highlight is `exp(w·xᵢ) / Σⱼ
//!    exp(w·xⱼ)` over that article's units, and the weights maximize the log-probability
//!    of the units of the greedy ROUGE oracle against editors' highlights
//!    (`nutgraf-lab fit-highlights`, which writes `weights.rs`). Only differences between
//!    units of one article matter to such a model, so what is the same for every unit of
//!    an article (a constant, "the article opens with a wire dateline") is no feature of
//!    its own: it enters only through interactions with position, length or names.
//! 4. **Selection** (`select.rs`): **greedy, with a redundancy penalty** — repeatedly the
//!    unit with the best score less [`Model::redundancy`] × its highest cosine
//!    similarity (content words, within-article IDF) to a unit already chosen, until the
//!    sentence count or the word/character budget is reached (maximal marginal
//!    relevance). Fragments under [`MIN_UNIT_WORDS`] words are skipped when the article
//!    has enough longer units. A budget is never exceeded: units that do not fit are
//!    skipped.
//! 5. **Trims** of a chosen unit (`trim.rs`), keeping one contiguous span of the text
//!    ([`Model::trim`]): a wire dateline before the story (`LONDON (CNN) -- `) and a
//!    trailing attribution (`, police said.`), each shipped because it raised ROUGE on
//!    dev; a trailing photo-caption parenthetical (`(pictured)`) is available but did not
//!    (the measurements are in `model.rs`).

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::deadline::Deadline;
use crate::Error;

mod features;
mod model;
mod select;
mod trim;
mod units;
mod weights;

pub use features::{UnitFeatures, FEATURE_NAMES, N_FEATURES};
pub use model::Model;
pub use trim::{TRIM_ATTRIBUTION, TRIM_DATELINE, TRIM_PAREN};

/// A unit longer than this many words is never a highlight.
pub const MAX_UNIT_WORDS: usize = 150;

/// Units of fewer words than this are chosen only when the article has too few longer
/// ones.
pub const MIN_UNIT_WORDS: usize = 4;

/// Highlights written when [`HighlightOptions::sentences`] is `None`.
const DEFAULT_SENTENCES: usize = 3;

/// In which order highlights are returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// As they stand in the article.
    #[default]
    Article,
    /// Best first.
    Score,
}

/// How many highlights to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HighlightOptions {
    /// Number of sentences; `None` means 3, whatever the article's length and also when
    /// a budget is given. Fewer are written when the article has fewer eligible units or
    /// the budget runs out.
    pub sentences: Option<usize>,
    /// Budget in words (whitespace-separated), never exceeded.
    pub words: Option<usize>,
    /// Budget in characters (the highlights' texts added up), never exceeded.
    pub chars: Option<usize>,
    /// Article order (default) or best first.
    pub order: Order,
}

/// One generated highlight: a span of the article's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Highlight {
    /// The text, exactly `article.text[start..end]` (characters).
    pub text: String,
    /// First character in `article.text`.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The model's score for this sentence (higher is better), after the redundancy
    /// penalty at the time it was chosen.
    pub score: f64,
}

/// Writes the article's highlights with the shipped [`Model`].
///
/// Returns no highlights when the article has no sentence short enough (see
/// [`MAX_UNIT_WORDS`]) or none that fits the budget.
/// (The library's [`crate::highlights()`] is this with a deadline; the unit tests call
/// this form.)
#[cfg(test)]
pub fn highlights(article: &Article, opts: &HighlightOptions) -> Vec<Highlight> {
    highlights_with(article, opts, &Model::default())
}

/// Writes the article's highlights with a given model.
pub fn highlights_with(
    article: &Article,
    opts: &HighlightOptions,
    model: &Model,
) -> Vec<Highlight> {
    let candidates = Candidates::new(article);
    select::select(article, &candidates, opts, model)
}

/// The candidate units of an article with their features, computed once so that several
/// models or options can choose from them (for fitting and benchmarks).
#[derive(Debug, Clone)]
pub struct Candidates {
    units: Vec<Unit>,
    /// Per content-word id: weight in similarity computations.
    idf: Vec<f64>,
}

/// One candidate unit.
#[derive(Debug, Clone)]
struct Unit {
    /// First byte in `article.text`.
    byte_start: usize,
    /// One past the last byte.
    byte_end: usize,
    /// Distinct content-word ids, sorted.
    content: Vec<u32>,
    features: UnitFeatures,
}

impl Candidates {
    /// Splits the article into candidate units and computes their features.
    pub fn new(article: &Article) -> Self {
        // Without a deadline nothing can time out; the fallback is never taken.
        Self::new_until(article, Deadline::NONE).unwrap_or_else(|_| Candidates {
            units: Vec::new(),
            idf: Vec::new(),
        })
    }

    /// [`Candidates::new`], giving up with [`Error::TimedOut`] once `deadline` has passed.
    pub(crate) fn new_until(article: &Article, deadline: Deadline) -> Result<Self, Error> {
        features::analyze(article, deadline)
    }

    /// The units' spans and features, in article order.
    pub fn features(&self) -> impl Iterator<Item = &UnitFeatures> + '_ {
        self.units.iter().map(|u| &u.features)
    }

    /// Chooses highlights among the candidates. `article` must be the one the candidates
    /// were made from.
    pub fn choose(
        &self,
        article: &Article,
        opts: &HighlightOptions,
        model: &Model,
    ) -> Vec<Highlight> {
        select::select(article, self, opts, model)
    }
}

/// The first `n` candidate units of the article (the "Lead-n" baseline over the same
/// units the summarizer chooses from: the article's sentences, over-long ones cut as
/// described in the module documentation), as highlights with score 0.
pub fn lead(article: &Article, n: usize) -> Vec<Highlight> {
    Candidates::new(article)
        .units
        .iter()
        .take(n)
        .map(|u| Highlight {
            text: article.text[u.byte_start..u.byte_end].to_string(),
            start: u.features.start,
            end: u.features.end,
            score: 0.0,
        })
        .collect()
}

/// The candidate units of an article and their features (for fitting the model).
pub fn features(article: &Article) -> Vec<UnitFeatures> {
    Candidates::new(article)
        .units
        .into_iter()
        .map(|u| u.features)
        .collect()
}

#[cfg(test)]
mod tests;
