//! Highlights: a few sentences of the article that together tell the story, like a
//! news desk's "story highlights" bullets.
//!
//! The summary is **extractive**: every highlight is a span of [`Article::text`]
//! (`text == article.text[start..end]` in characters) and no word is invented. The page's
//! own highlights ([`Article::highlights_given`]) are never copied.
//!
//! # How sentences are chosen
//!
//! 1. **Units.** The article's sentences ([`Article::sentences`]). A very long sentence
//!    is cut further at sentence punctuation that the splitter did not take (lowercased
//!    text, where `. the` does not look like a sentence end), then at `;`. A unit still
//!    longer than [`MAX_UNIT_WORDS`] words cannot be a highlight.
//! 2. **Features** of every unit ([`FEATURE_NAMES`]): position (first, `1/(i+1)`,
//!    relative), length, centrality of its content words (cosine with the article's
//!    term-frequency centroid, where a word's weight falls with the share of sentences
//!    that hold it, a TF-IDF within the article), similarity to the lead, overlap with
//!    the headline, names and numbers, quotation and question marks, and page chrome
//!    ("Scroll down for video"), a wire dateline (`(CNN)`) and its interactions with
//!    position and length, photo-caption markers, the highest similarity to another
//!    unit and to the first three, the share of content words, how specific they are
//!    (within-article IDF), the first word (a pronoun, a conjunction), first-person
//!    words, reporting verbs, position and length bands, and whether the whole text is
//!    lowercased.
//! 3. **Score**: a linear model over the features ([`Model::score`]), fitted on news
//!    articles with editors' highlights (`examples/fit_highlights.rs`: a conditional
//!    logit that puts each article's probability mass on the units of the greedy ROUGE
//!    oracle; the weights live in [`Model::default`]).
//! 4. **Selection**: greedily the best unit, less a penalty for content-word overlap
//!    with the units already chosen, until the sentence count or the word/character
//!    budget is reached. Fragments under [`MIN_UNIT_WORDS`] words are skipped when the
//!    article has enough longer units. A budget is never exceeded: units that do not fit
//!    are skipped.
//! 5. **Trims** of a chosen unit, keeping one contiguous span of the text ([`Model::trim`]):
//!    a wire dateline before the story (`LONDON (CNN) -- `) and a trailing attribution
//!    (`, police said.`), each shipped because it raised ROUGE on dev; a trailing
//!    photo-caption parenthetical (`(pictured)`) is available but did not (the
//!    measurements are noted at the shipped setting).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// A unit longer than this many words is never a highlight.
pub const MAX_UNIT_WORDS: usize = 150;

/// Units of fewer words than this are chosen only when the article has too few longer
/// ones.
pub const MIN_UNIT_WORDS: usize = 4;

/// Units of more words than this are cut further at sentence punctuation.
const SPLIT_ABOVE_WORDS: usize = 55;

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
    /// Number of sentences; `None` picks 3 or 4 by the article's length.
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

/// Number of features per unit.
pub const N_FEATURES: usize = 60;

/// Names of the features, in the order of [`Model::weights`] and [`UnitFeatures::values`].
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bias",
    "pos0",
    "pos1",
    "pos2",
    "pos3",
    "pos4_5",
    "pos6_9",
    "rel_pos",
    "log_words",
    "short",
    "long",
    "centroid",
    "degree",
    "first_mention",
    "headline",
    "names",
    "numbers",
    "quote",
    "question",
    "chrome",
    "lead_sim",
    "inv_pos",
    "pos0_log_words",
    "words_10_20",
    "words_20_30",
    "wire",
    "wire_log_words",
    "wire_inv_pos",
    "dateline",
    "caption",
    "max_sim",
    "density",
    "pronoun_start",
    "conj_start",
    "first_person",
    "attribution",
    "lead3_sim",
    "specificity",
    "pos4",
    "pos5",
    "pos6",
    "pos7",
    "pos8",
    "pos9",
    "pos10_14",
    "pos15_19",
    "wire_pos0",
    "wire_pos1",
    "wire_pos2",
    "wire_pos3",
    "len_lt8",
    "len_8_12",
    "len_13_17",
    "len_18_22",
    "len_23_27",
    "len_28_35",
    "len_36_45",
    "lower_text",
    "lower_pos0",
    "lower_names",
];

/// A fitted scoring model: one weight per feature and the redundancy penalty.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Weights in the order of [`FEATURE_NAMES`].
    pub weights: [f64; N_FEATURES],
    /// Score penalty per unit of cosine similarity to an already chosen unit.
    pub redundancy: f64,
    /// With no sentence count given: 4 sentences when the article has at least this many
    /// words, else 3.
    pub long_article_words: usize,
    /// Which trims to apply to a chosen unit's span (bits of [`TRIM_DATELINE`],
    /// [`TRIM_PAREN`], [`TRIM_ATTRIBUTION`]).
    pub trim: u32,
}

/// Trim: a highlight starts after a wire dateline (`LONDON, England (CNN) -- `).
pub const TRIM_DATELINE: u32 = 1;
/// Trim: a trailing photo-caption parenthetical (`(pictured)`, `(left)`) is dropped.
pub const TRIM_PAREN: u32 = 2;
/// Trim: a trailing attribution (`, police said.`, `,' he said.`) is dropped.
pub const TRIM_ATTRIBUTION: u32 = 4;

impl Model {
    /// The model's score of a unit with these feature values (before the redundancy
    /// penalty).
    pub fn score(&self, x: &[f64; N_FEATURES]) -> f64 {
        x.iter().zip(&self.weights).map(|(a, w)| a * w).sum()
    }
}

impl Default for Model {
    fn default() -> Self {
        Model {
            weights: FITTED_WEIGHTS,
            redundancy: FITTED_REDUNDANCY,
            long_article_words: FITTED_LONG_ARTICLE_WORDS,
            trim: SHIPPED_TRIM,
        }
    }
}

// Fitted by
// `HL_METHOD=clogit HL_ALPHA=10 HL_ORACLE_N=4 cargo run --release -p nutgraf --example fit_highlights -- dev.jsonl`
// on 451 CNN/DailyMail articles (sentences from the lowercase-aware splitter): a
// conditional logit (per article, a softmax over its units) whose targets are the units
// of the greedy extractive oracle (up to 4 units, each raising rouge1 + rouge2 F1), L2
// strength 10 on standardized features, then the redundancy penalty by grid search on
// mean ROUGE. Held-out (5-fold, folds fitted from scratch, mean over 10 partitions):
// R1/R2/RLsum 39.89/17.88/36.56 against Lead-3 38.61/16.94/35.24 with the same
// splitter; in-sample 40.37/18.29/37.02. Coordinate ascent on ROUGE itself (what shipped
// before) fits its training articles better but held out it scored 39.1–39.5: it
// overfits. The headline weight is set by hand (those articles have no headline).
const FITTED_WEIGHTS: [f64; N_FEATURES] = [
    0.00,  // bias
    -0.83, // pos0
    1.24,  // pos1
    1.27,  // pos2
    1.07,  // pos3
    0.56,  // pos4_5
    0.42,  // pos6_9
    -0.46, // rel_pos
    0.36,  // log_words
    0.25,  // short
    -0.35, // long
    2.35,  // centroid
    -5.49, // degree
    0.77,  // first_mention
    0.30,  // headline (set by hand: the fitting articles have no headline)
    0.15,  // names
    0.22,  // numbers
    -0.31, // quote
    -0.63, // question
    -0.97, // chrome
    -0.17, // lead_sim
    0.94,  // inv_pos
    0.33,  // pos0_log_words
    0.01,  // words_10_20
    0.03,  // words_20_30
    0.00,  // wire
    -0.13, // wire_log_words
    0.96,  // wire_inv_pos
    -0.45, // dateline
    0.19,  // caption
    -1.09, // max_sim
    0.65,  // density
    -0.17, // pronoun_start
    0.17,  // conj_start
    -0.46, // first_person
    0.01,  // attribution
    0.61,  // lead3_sim
    -2.73, // specificity
    0.54,  // pos4
    0.53,  // pos5
    0.34,  // pos6
    0.23,  // pos7
    0.61,  // pos8
    0.28,  // pos9
    0.40,  // pos10_14
    0.05,  // pos15_19
    -0.45, // wire_pos0
    -0.67, // wire_pos1
    -0.19, // wire_pos2
    -0.98, // wire_pos3
    0.25,  // len_lt8
    0.36,  // len_8_12
    0.18,  // len_13_17
    0.10,  // len_18_22
    -0.29, // len_23_27
    -0.24, // len_28_35
    -0.39, // len_36_45
    0.00,  // lower_text
    -0.03, // lower_pos0
    0.00,  // lower_names
];
const FITTED_REDUNDANCY: f64 = 3.00;
const FITTED_LONG_ARTICLE_WORDS: usize = usize::MAX;
// Trims change only the written span, not the features, so the fitted weights stand. On
// dev with the shipped model (`cnndm_eval --trim B`, in-sample; with `--model` and the
// fold models of `fit_highlights dev.jsonl FOLDS.json`, held out): R1/R2/RLsum with no
// trim 40.28/18.23/36.87 (held out 39.94/17.84/36.51), dateline 40.31/18.26/36.90,
// attribution tail 40.35/18.28/36.97, both (shipped) 40.38/18.31/37.00 (held out
// 40.02/17.89/36.61); adding the caption parenthetical 40.39/18.31/37.01 (+0.01, within
// noise), so that one stays measured but not shipped.
const SHIPPED_TRIM: u32 = TRIM_DATELINE | TRIM_ATTRIBUTION;

/// A candidate highlight with its features.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFeatures {
    /// First character in `article.text`.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Words (whitespace-separated) in the unit.
    pub words: usize,
    /// Feature values in the order of [`FEATURE_NAMES`].
    pub values: [f64; N_FEATURES],
}

/// Writes the article's highlights with the shipped [`Model`].
///
/// Returns no highlights when the article has no sentence short enough (see
/// [`MAX_UNIT_WORDS`]) or none that fits the budget.
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
    select(article, &candidates, opts, model)
}

/// The candidate units of an article with their features, computed once so that several
/// models or options can choose from them (for fitting and benchmarks).
#[derive(Debug, Clone)]
pub struct Candidates {
    units: Vec<Unit>,
    /// Words in the whole article.
    total_words: usize,
    /// Per content-word id: weight in similarity computations.
    idf: Vec<f64>,
}

impl Candidates {
    /// Splits the article into candidate units and computes their features.
    pub fn new(article: &Article) -> Self {
        analyze(article)
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
        select(article, self, opts, model)
    }
}

/// The first `n` candidate units of the article (the "Lead-n" baseline over the same
/// units the summarizer chooses from: the article's sentences, over-long ones cut as
/// described in the module documentation), as highlights with score 0.
pub fn lead(article: &Article, n: usize) -> Vec<Highlight> {
    let analysis = analyze(article);
    analysis
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
    analyze(article)
        .units
        .into_iter()
        .map(|u| u.features)
        .collect()
}

// ---------------------------------------------------------------------------------------

/// A fast, deterministic hasher for interned words (FNV-1a).
#[derive(Debug, Default, Clone, Copy)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordMap<'a> = HashMap<&'a str, u32, BuildHasherDefault<Fnv>>;

#[derive(Debug, Clone)]
struct Unit {
    byte_start: usize,
    byte_end: usize,
    /// Distinct content-word ids, sorted.
    content: Vec<u32>,
    features: UnitFeatures,
}

/// Converts char spans to byte spans in one pass (spans in order, non-overlapping).
fn char_to_byte_spans(
    text: &str,
    spans: impl Iterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().enumerate().peekable();
    let mut to_byte = |target: usize| -> usize {
        while let Some(&(ci, (bi, _))) = it.peek() {
            if ci >= target {
                return bi;
            }
            it.next();
        }
        text.len()
    };
    for (s, e) in spans {
        let (s, e) = (s.min(e), e);
        let b0 = to_byte(s);
        let b1 = to_byte(e);
        out.push((b0, b1.max(b0)));
    }
    out
}

// Written for this module: English function words plus the reporting verbs of news.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "like",
    "ll",
    "m",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "people",
    "re",
    "s",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "time",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "ve",
    "very",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
];

/// Whether a word (lowercase) is a function word that carries no content.
fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// Words of a text: maximal runs of alphanumeric characters, with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if c.is_alphanumeric() {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// Splits one over-long unit (byte range) at sentence punctuation the splitter did not
/// take, then at semicolons; pieces of fewer than 6 words are not cut off.
fn split_long(text: &str, b0: usize, b1: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[b0..b1];
    if slice.split_whitespace().count() <= SPLIT_ABOVE_WORDS {
        out.push((b0, b1));
        return;
    }
    let mut cuts_sentence = Vec::new();
    let mut cuts_semi = Vec::new();
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?' | b';') {
            // Closing quotes/brackets stay with the sentence.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            if j < bytes.len() && bytes[j].is_ascii_whitespace() {
                let prev_word = slice[..i]
                    .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
                    .next()
                    .unwrap_or("");
                let abbreviation = c == b'.'
                    && (prev_word.chars().count() <= 1
                        || prev_word.contains('.')
                        || matches!(
                            prev_word.to_ascii_lowercase().as_str(),
                            "mr" | "mrs"
                                | "ms"
                                | "dr"
                                | "st"
                                | "jr"
                                | "sr"
                                | "vs"
                                | "no"
                                | "gov"
                                | "sen"
                                | "rep"
                                | "gen"
                                | "lt"
                                | "col"
                                | "sgt"
                                | "capt"
                                | "prof"
                                | "inc"
                                | "co"
                                | "corp"
                                | "ltd"
                                | "jan"
                                | "feb"
                                | "aug"
                                | "sept"
                                | "oct"
                                | "nov"
                                | "dec"
                                | "mt"
                                | "ft"
                        ));
                if !abbreviation {
                    if c == b';' {
                        cuts_semi.push(j);
                    } else {
                        cuts_sentence.push(j);
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let cut_at = |cuts: &[usize], out: &mut Vec<(usize, usize)>, recurse: bool| {
        let mut start = 0;
        let mut pieces = Vec::new();
        for &c in cuts {
            let before = slice[start..c].split_whitespace().count();
            let after = slice[c..].split_whitespace().count();
            if before >= 6 && after >= 6 {
                pieces.push((start, c));
                start = c;
            }
        }
        pieces.push((start, slice.len()));
        for (s, e) in pieces {
            let piece = &slice[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            let (s, e) = (b0 + s + lead, b0 + e - trail);
            if s >= e {
                continue;
            }
            if recurse {
                split_semis(text, s, e, out);
            } else {
                out.push((s, e));
            }
        }
    };
    if cuts_sentence.is_empty() && cuts_semi.is_empty() {
        out.push((b0, b1));
    } else {
        cut_at(&cuts_sentence, out, true);
    }
}

/// Cuts a still over-long piece at `; `.
fn split_semis(text: &str, b0: usize, b1: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[b0..b1];
    if slice.split_whitespace().count() <= SPLIT_ABOVE_WORDS {
        out.push((b0, b1));
        return;
    }
    let mut start = 0;
    for (i, _) in slice.match_indices("; ") {
        let cut = i + 1;
        if slice[start..cut].split_whitespace().count() >= 6
            && slice[cut..].split_whitespace().count() >= 6
        {
            let piece = slice[start..cut].trim();
            if !piece.is_empty() {
                let s =
                    b0 + start + (slice[start..cut].len() - slice[start..cut].trim_start().len());
                out.push((s, s + piece.len()));
            }
            start = cut;
        }
    }
    let piece = &slice[start..];
    let lead = piece.len() - piece.trim_start().len();
    let s = b0 + start + lead;
    let e = b0 + start + piece.trim_end().len();
    if s < e {
        out.push((s, e));
    }
}

/// Photo-caption markers (`(pictured)`, `(left)` …): captions restate the story's
/// main facts.
fn is_caption(lower: &str) -> bool {
    const PATTERNS: &[&str] = &[
        "pictured", "(shown", "(left", "(right", "(above", "(below", "(centre", "(center", "(top",
        "(bottom", "(inset", "(file",
    ];
    PATTERNS.iter().any(|p| lower.contains(p))
}

/// Words of a piece of text, counted as whitespace-separated runs holding a letter or digit.
fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Reporting verbs that mark an attribution tail (`, police said.`).
const ATTRIBUTION_VERBS: &[&str] = &[
    "according",
    "added",
    "adds",
    "admitted",
    "announced",
    "claimed",
    "confirmed",
    "emerged",
    "explained",
    "insisted",
    "reported",
    "reports",
    "revealed",
    "said",
    "says",
    "stated",
    "told",
    "warned",
    "wrote",
];

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’')
}

/// The part of a unit (byte range relative to `slice`) that is written as a highlight,
/// after the trims in `flags`: still one contiguous span, never fewer than 5 words.
fn trim_span(slice: &str, flags: u32) -> (usize, usize) {
    let (mut s, mut e) = (0, slice.len());
    if flags & TRIM_DATELINE != 0 {
        // `LONDON, England (CNN) -- Text`, `Washington (CNN)Text`, `(cnn) text`.
        let head_end = (0..=slice.len().min(100))
            .rev()
            .find(|&i| slice.is_char_boundary(i))
            .unwrap_or(0);
        let head = slice[..head_end].to_ascii_lowercase();
        if let Some(i) = head.find("(cnn)") {
            let rest = &slice[i + 5..];
            let t = rest.trim_start();
            let t = t
                .strip_prefix("--")
                .or_else(|| t.strip_prefix('—'))
                .or_else(|| t.strip_prefix('–'))
                .map_or(t, str::trim_start);
            let ns = slice.len() - t.len();
            if count_words(&slice[ns..e]) >= 5 {
                s = ns;
            }
        }
    }
    if flags & TRIM_PAREN != 0 {
        // `... solar activity (shown).`
        let body = slice[s..e].trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        if body.ends_with(')') {
            if let Some(open) = body.rfind('(') {
                let inner = body[open + 1..body.len() - 1].to_lowercase();
                if is_caption(&format!("({inner}")) && count_words(&inner) <= 4 {
                    let ne = s + body[..open].trim_end().len();
                    if count_words(&slice[s..ne]) >= 5 {
                        e = ne;
                    }
                }
            }
        }
    }
    if flags & TRIM_ATTRIBUTION != 0 {
        // `..., police said.` / `...,' he said.` / `... , he said .`
        let body = slice[s..e].trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        if let Some(comma) = body.rfind(',') {
            let after = &body[comma + 1..];
            let quoted = after.trim_start().starts_with(is_quote);
            let tail = after.trim_start().trim_start_matches(is_quote);
            let n = count_words(tail);
            let verb = tail.split_whitespace().any(|w| {
                ATTRIBUTION_VERBS
                    .binary_search(&w.to_lowercase().as_str())
                    .is_ok()
            });
            let clean = !tail.contains(['"', '“', '”', ',', '(', ';', ':', '?', '!']);
            if (1..=8).contains(&n) && verb && clean {
                let ne = if quoted {
                    // Keep the closing quote.
                    let lead = after.len() - after.trim_start().len();
                    let q = after.trim_start();
                    let ql = q.len() - q.trim_start_matches(is_quote).len();
                    s + comma + 1 + lead + ql
                } else {
                    s + body[..comma].trim_end().len()
                };
                if count_words(&slice[s..ne]) >= 5 {
                    e = ne;
                }
            }
        }
    }
    (s, e.max(s))
}

/// Whether the start of a story holds a wire dateline: `(CNN)`, `(AP)`, `(Reuters)`
/// … in brackets (any case).
fn has_wire_dateline(head: &str) -> bool {
    const WIRES: &[&str] = &["(cnn)", "(ap)", "(reuters)", "(afp)", "(upi)", "(ew.com)"];
    let lower = head.to_ascii_lowercase();
    WIRES.iter().any(|w| lower.contains(w))
}

/// Patterns of page furniture that survive extraction inside running text.
fn is_chrome(lower: &str) -> bool {
    const PATTERNS: &[&str] = &[
        "scroll down",
        "click here",
        "read more",
        "follow us",
        "sign up",
        "subscribe",
        "watch the video",
        "watch video",
        "share this",
        "newsletter",
        "all rights reserved",
        "copyright",
        "e-mail to a friend",
        "@",
        "http",
        "www.",
    ];
    PATTERNS.iter().any(|p| lower.contains(p))
}

fn analyze(article: &Article) -> Candidates {
    let text = article.text.as_str();
    let byte_spans = char_to_byte_spans(
        text,
        article
            .sentences
            .iter()
            .map(|s| (s.start.min(s.end), s.end)),
    );
    let mut pieces = Vec::with_capacity(byte_spans.len() + 4);
    for (b0, b1) in byte_spans {
        if b0 < b1 && b1 <= text.len() {
            split_long(text, b0, b1, &mut pieces);
        }
    }

    // Intern content words; count the units each appears in and its total frequency.
    let mut map: WordMap = WordMap::default();
    let mut unit_words: Vec<(usize, Vec<u32>, usize, usize, usize)> =
        Vec::with_capacity(pieces.len());
    // First pass: each unit's words, lowercased into one string per unit (the arena the
    // word map borrows from), with their ranges and whether they are capitalized.
    type Lowered = (String, Vec<(std::ops::Range<usize>, bool)>);
    let mut arena: Vec<Lowered> = Vec::with_capacity(pieces.len());
    for &(b0, b1) in &pieces {
        let slice = &text[b0..b1];
        let mut buf = String::with_capacity(slice.len());
        let mut ranges = Vec::new();
        for (i, (_, w)) in words(slice).enumerate() {
            let start = buf.len();
            if w.is_ascii() {
                buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                buf.extend(w.chars().flat_map(char::to_lowercase));
            }
            let capital = i > 0
                && w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
            ranges.push((start..buf.len(), capital));
        }
        arena.push((buf, ranges));
    }
    let mut df: Vec<u32> = Vec::new();
    let mut tf: Vec<u32> = Vec::new();
    // Per unit: a first-person word, a reporting verb.
    let mut person_flags: Vec<(bool, bool)> = Vec::with_capacity(arena.len());
    for (k, (buf, ws)) in arena.iter().enumerate() {
        let mut ids = Vec::new();
        let mut names = 0usize;
        let mut numbers = 0usize;
        let (mut first_person, mut attribution) = (false, false);
        for (range, capital) in ws {
            let w = &buf[range.clone()];
            if *capital {
                names += 1;
            }
            first_person |= matches!(w, "i" | "we" | "my" | "our" | "me" | "us");
            attribution |= matches!(w.len(), 4..=9) && ATTRIBUTION_VERBS.contains(&w);
            if w.bytes().any(|c| c.is_ascii_digit()) {
                numbers += 1;
            }
            if is_stopword(w) || (w.chars().count() < 2 && !w.chars().all(|c| c.is_ascii_digit())) {
                continue;
            }
            let next = map.len() as u32;
            let id = *map.entry(w).or_insert(next);
            if id as usize == tf.len() {
                tf.push(0);
                df.push(0);
            }
            tf[id as usize] += 1;
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            df[id as usize] += 1;
        }
        unit_words.push((k, ids, ws.len(), names, numbers));
        person_flags.push((first_person, attribution));
    }
    let n = pieces.len();
    let nf = n.max(1) as f64;
    // Within-article IDF: words in every sentence weigh little.
    let idf: Vec<f64> = df.iter().map(|&d| (1.0 + nf / f64::from(d)).ln()).collect();
    // Centroid: term frequency × IDF, only words seen more than once.
    let centroid: Vec<f64> = tf
        .iter()
        .zip(&idf)
        .map(|(&t, &w)| if t > 1 { f64::from(t) * w } else { 0.0 })
        .collect();
    let centroid_norm = centroid.iter().map(|c| c * c).sum::<f64>().sqrt();

    let title_ids: Vec<u32> = {
        let mut ids: Vec<u32> = article
            .title
            .as_deref()
            .map(|t| {
                words(t)
                    .filter_map(|(_, w)| {
                        let l: String = w.chars().flat_map(char::to_lowercase).collect();
                        map.get(l.as_str()).copied()
                    })
                    .collect()
            })
            .unwrap_or_default();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let title_weight: f64 = title_ids.iter().map(|&i| idf[i as usize]).sum();

    let total_words: usize = pieces
        .iter()
        .map(|&(b0, b1)| text[b0..b1].split_whitespace().count())
        .sum();

    let lead_ids: Vec<u32> = unit_words.first().map(|u| u.1.clone()).unwrap_or_default();
    // The unit where each content word first appears, and the weight of all words that
    // recur (to normalize the "first mention" feature).
    let mut first_unit = vec![usize::MAX; tf.len()];
    for (k, u) in unit_words.iter().enumerate() {
        for &i in &u.1 {
            if first_unit[i as usize] == usize::MAX {
                first_unit[i as usize] = k;
            }
        }
    }
    let total_mention_weight: f64 = tf
        .iter()
        .filter(|&&t| t > 1)
        .map(|&t| f64::from(t).ln())
        .sum::<f64>()
        .max(1.0);

    let norms: Vec<f64> = unit_words
        .iter()
        .map(|u| {
            u.1.iter()
                .map(|&i| idf[i as usize] * idf[i as usize])
                .sum::<f64>()
                .sqrt()
        })
        .collect();
    // Char offsets of the pieces: one pass.
    let char_spans = byte_to_char_spans(text, &pieces);

    // A wire-style dateline in the first unit (`LONDON (CNN) --`, `kathmandu, nepal
    // (cnn)`): such stories come with shorter highlights.
    let wire = pieces.first().is_some_and(|&(b0, b1)| {
        let head = &text[b0..b1];
        let cut = (0..=head.len().min(120))
            .rev()
            .find(|&i| head.is_char_boundary(i))
            .unwrap_or(0);
        has_wire_dateline(&head[..cut])
    });
    let wiref = f64::from(u8::from(wire));
    // Text with (almost) no capitals: names and sentence starts cannot be seen.
    let lowerf = {
        let (mut upper, mut letters) = (0usize, 0usize);
        for c in text.chars().take(4000) {
            if c.is_alphabetic() {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
        }
        f64::from(u8::from(letters > 0 && upper * 200 < letters))
    };
    let mut units = Vec::with_capacity(n);
    for (k, ((b0, b1), (c0, c1))) in pieces.iter().zip(char_spans).enumerate() {
        let (_, ids, n_tokens, names, numbers) = &unit_words[k];
        let slice = &text[*b0..*b1];
        let n_words = slice.split_whitespace().count();
        let lower = slice.to_lowercase();
        let centroid_sim = if centroid_norm > 0.0 && !ids.is_empty() {
            let dot: f64 = ids
                .iter()
                .map(|&i| centroid[i as usize] * idf[i as usize])
                .sum();
            let norm: f64 = ids
                .iter()
                .map(|&i| idf[i as usize] * idf[i as usize])
                .sum::<f64>()
                .sqrt();
            dot / (norm * centroid_norm)
        } else {
            0.0
        };
        let lead_sim = if k == 0 {
            0.0
        } else {
            cosine(ids, &lead_ids, &idf)
        };
        let headline = if title_weight > 0.0 {
            intersect_weight(ids, &title_ids, &idf) / title_weight
        } else {
            0.0
        };
        let kf = k as f64;
        let tokens = (*n_tokens).max(1) as f64;
        let trimmed = slice.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
        let (degree, max_sim) = if n > 1 && norms[k] > 0.0 {
            let (sum, max) = unit_words
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k && norms[j] > 0.0)
                .map(|(j, o)| intersect_weight(ids, &o.1, &idf) / (norms[k] * norms[j]))
                .fold((0.0, 0.0), |(s, m): (f64, f64), x| (s + x, m.max(x)));
            (sum / (nf - 1.0), max)
        } else {
            (0.0, 0.0)
        };
        let first_mention: f64 = ids
            .iter()
            .filter(|&&i| first_unit[i as usize] == k && tf[i as usize] > 1)
            .map(|&i| f64::from(tf[i as usize]).ln())
            .sum::<f64>()
            / total_mention_weight;
        let first_word = lower
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        let lead3_sim = (0..n.min(3))
            .filter(|&j| j != k)
            .map(|j| cosine(ids, &unit_words[j].1, &idf))
            .fold(0.0, f64::max);
        let specificity = if ids.is_empty() {
            0.0
        } else {
            ids.iter().map(|&i| idf[i as usize]).sum::<f64>() / (ids.len() as f64 * (1.0 + nf).ln())
        };
        let (first_person, attribution) = person_flags[k];
        let values = [
            1.0,
            f64::from(u8::from(k == 0)),
            f64::from(u8::from(k == 1)),
            f64::from(u8::from(k == 2)),
            f64::from(u8::from(k == 3)),
            f64::from(u8::from(k == 4 || k == 5)),
            f64::from(u8::from((6..10).contains(&k))),
            if n > 1 { kf / (nf - 1.0) } else { 0.0 },
            (1.0 + n_words as f64).ln(),
            f64::from(u8::from(n_words < 8)),
            f64::from(u8::from(n_words > 45)),
            centroid_sim,
            degree,
            first_mention,
            headline,
            *names as f64 / tokens,
            f64::from(u8::from(*numbers > 0)),
            f64::from(u8::from(
                slice.contains(['"', '“', '”']) || slice.starts_with(['\'', '‘']),
            )),
            f64::from(u8::from(trimmed.ends_with('?'))),
            f64::from(u8::from(is_chrome(&lower))),
            lead_sim,
            1.0 / (kf + 1.0),
            f64::from(u8::from(k == 0)) * (1.0 + n_words as f64).ln(),
            f64::from(u8::from((10..=20).contains(&n_words))),
            f64::from(u8::from((21..=30).contains(&n_words))),
            wiref,
            wiref * (1.0 + n_words as f64).ln(),
            wiref / (kf + 1.0),
            f64::from(u8::from(k == 0 && wire)),
            f64::from(u8::from(is_caption(&lower))),
            max_sim,
            ids.len() as f64 / tokens,
            f64::from(u8::from(matches!(
                first_word,
                "he" | "she"
                    | "it"
                    | "they"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "this"
                    | "these"
                    | "those"
                    | "that"
                    | "there"
            ))),
            f64::from(u8::from(matches!(
                first_word,
                "but" | "and" | "however" | "so" | "yet" | "also" | "meanwhile" | "instead"
            ))),
            f64::from(u8::from(first_person)),
            f64::from(u8::from(attribution)),
            lead3_sim,
            specificity,
            f64::from(u8::from(k == 4)),
            f64::from(u8::from(k == 5)),
            f64::from(u8::from(k == 6)),
            f64::from(u8::from(k == 7)),
            f64::from(u8::from(k == 8)),
            f64::from(u8::from(k == 9)),
            f64::from(u8::from((10..15).contains(&k))),
            f64::from(u8::from((15..20).contains(&k))),
            wiref * f64::from(u8::from(k == 0)),
            wiref * f64::from(u8::from(k == 1)),
            wiref * f64::from(u8::from(k == 2)),
            wiref * f64::from(u8::from(k == 3)),
            f64::from(u8::from(n_words < 8)),
            f64::from(u8::from((8..=12).contains(&n_words))),
            f64::from(u8::from((13..=17).contains(&n_words))),
            f64::from(u8::from((18..=22).contains(&n_words))),
            f64::from(u8::from((23..=27).contains(&n_words))),
            f64::from(u8::from((28..=35).contains(&n_words))),
            f64::from(u8::from((36..=45).contains(&n_words))),
            lowerf,
            lowerf * f64::from(u8::from(k == 0)),
            lowerf * *names as f64 / tokens,
        ];
        units.push(Unit {
            byte_start: *b0,
            byte_end: *b1,
            content: ids.clone(),
            features: UnitFeatures {
                start: c0,
                end: c1,
                words: n_words,
                values,
            },
        });
    }
    Candidates {
        units,
        total_words,
        idf,
    }
}

fn byte_to_char_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Spans are in order and non-overlapping: count characters incrementally.
    let mut out = Vec::with_capacity(spans.len());
    let mut last_byte = 0usize;
    let mut last_char = 0usize;
    for &(b0, b1) in spans {
        last_char += text[last_byte..b0].chars().count();
        let c0 = last_char;
        let c1 = c0 + text[b0..b1].chars().count();
        last_byte = b1;
        last_char = c1;
        out.push((c0, c1));
    }
    out
}

fn intersect_weight(a: &[u32], b: &[u32], w: &[f64]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let x = w[a[i] as usize];
                s += x * x;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn cosine(a: &[u32], b: &[u32], w: &[f64]) -> f64 {
    let na: f64 = a.iter().map(|&i| w[i as usize] * w[i as usize]).sum();
    let nb: f64 = b.iter().map(|&i| w[i as usize] * w[i as usize]).sum();
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    intersect_weight(a, b, w) / (na.sqrt() * nb.sqrt())
}

fn normalize_for_compare(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn select(
    article: &Article,
    analysis: &Candidates,
    opts: &HighlightOptions,
    model: &Model,
) -> Vec<Highlight> {
    let text = article.text.as_str();
    let count = opts
        .sentences
        .unwrap_or(if analysis.total_words >= model.long_article_words {
            4
        } else {
            3
        });
    if count == 0 {
        return Vec::new();
    }
    let given: Vec<String> = article
        .highlights_given
        .iter()
        .map(|g| normalize_for_compare(g))
        .filter(|g| !g.is_empty())
        .collect();
    let base: Vec<f64> = analysis
        .units
        .iter()
        .map(|u| model.score(&u.features.values))
        .collect();
    // Fragments ("But", a stray "Scroll down") are not highlights unless the article has
    // too few full units to fill the count.
    let min_words = if analysis
        .units
        .iter()
        .filter(|u| (MIN_UNIT_WORDS..=MAX_UNIT_WORDS).contains(&u.features.words))
        .count()
        >= count
    {
        MIN_UNIT_WORDS
    } else {
        1
    };
    let mut eligible: Vec<bool> = analysis
        .units
        .iter()
        .map(|u| {
            let w = u.features.words;
            if w < min_words || w > MAX_UNIT_WORDS {
                return false;
            }
            if given.is_empty() {
                return true;
            }
            let norm = normalize_for_compare(&text[u.byte_start..u.byte_end]);
            !norm.is_empty() && !given.contains(&norm)
        })
        .collect();
    let mut chosen: Vec<(usize, f64)> = Vec::new();
    let mut words_used = 0usize;
    let mut chars_used = 0usize;
    while chosen.len() < count {
        let mut best: Option<(usize, f64)> = None;
        for (k, unit) in analysis.units.iter().enumerate() {
            if !eligible[k] {
                continue;
            }
            let max_sim = chosen
                .iter()
                .map(|&(j, _)| cosine(&unit.content, &analysis.units[j].content, &analysis.idf))
                .fold(0.0, f64::max);
            let s = base[k] - model.redundancy * max_sim;
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((k, s));
            }
        }
        let Some((k, s)) = best else { break };
        eligible[k] = false;
        let u = &analysis.units[k];
        let w = u.features.words;
        let c = u.features.end - u.features.start;
        if opts.words.is_some_and(|b| words_used + w > b)
            || opts.chars.is_some_and(|b| chars_used + c > b)
        {
            continue;
        }
        words_used += w;
        chars_used += c;
        chosen.push((k, s));
    }
    if opts.order == Order::Article {
        chosen.sort_by_key(|&(k, _)| k);
    }
    chosen
        .into_iter()
        .map(|(k, s)| {
            let u = &analysis.units[k];
            let slice = &text[u.byte_start..u.byte_end];
            let (t0, t1) = if model.trim == 0 {
                (0, slice.len())
            } else {
                trim_span(slice, model.trim)
            };
            Highlight {
                text: slice[t0..t1].to_string(),
                start: u.features.start + slice[..t0].chars().count(),
                end: u.features.end - slice[t1..].chars().count(),
                score: s,
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::{read_str, InputFormat};
    use proptest::prelude::*;

    fn plain(text: &str) -> Article {
        read_str(text, Some(InputFormat::Article)).unwrap()
    }

    fn slice(a: &Article, h: &Highlight) -> String {
        a.text.chars().skip(h.start).take(h.end - h.start).collect()
    }

    const STORY: &str =
        "The city council of Marlow voted 7-2 on Monday to close the Elm Street library, \
ending a year of protests by parents and teachers. \
The library, opened in 1911, drew 40,000 visitors last year. \
Council member Rosa Delgado said the budget left no choice. \
\"We cannot keep every door open,\" she said. \
Parents plan to appeal the vote at the county board next month. \
Why would a city close its oldest library? \
The branch's books will move to the new central library on Harbor Road. \
A group of teachers has offered to run a reading room in the old building.";

    #[test]
    fn stopwords_are_sorted() {
        // binary_search in is_stopword needs this.
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        let words = [
            "a",
            "according",
            "said",
            "the",
            "told",
            "year",
            "years",
            "you",
            "yours",
        ];
        for w in words {
            assert!(is_stopword(w), "{w}");
        }
        assert!(!is_stopword("library"));
    }

    #[test]
    fn default_is_three_sentences_of_the_text() {
        let a = plain(STORY);
        let hl = highlights(&a, &HighlightOptions::default());
        assert_eq!(hl.len(), 3);
        for h in &hl {
            assert_eq!(slice(&a, h), h.text);
        }
        assert!(hl.windows(2).all(|w| w[0].start < w[1].start));
    }

    #[test]
    fn order_by_score() {
        let a = plain(STORY);
        let opts = HighlightOptions {
            order: Order::Score,
            ..HighlightOptions::default()
        };
        let hl = highlights(&a, &opts);
        assert_eq!(hl.len(), 3);
        assert!(hl.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn budgets_are_never_exceeded() {
        let a = plain(STORY);
        for budget in [0, 10, 20, 30, 45, 80, 500] {
            let opts = HighlightOptions {
                sentences: Some(5),
                words: Some(budget),
                ..HighlightOptions::default()
            };
            let hl = highlights(&a, &opts);
            let used: usize = hl.iter().map(|h| h.text.split_whitespace().count()).sum();
            assert!(used <= budget, "{used} > {budget}");
            let opts = HighlightOptions {
                sentences: Some(5),
                chars: Some(budget * 5),
                ..HighlightOptions::default()
            };
            let hl = highlights(&a, &opts);
            let used: usize = hl.iter().map(|h| h.text.chars().count()).sum();
            assert!(used <= budget * 5, "{used} > {}", budget * 5);
        }
    }

    #[test]
    fn issue_4_given_highlights_are_not_copied() {
        let mut a = plain(STORY);
        let first = highlights(&a, &HighlightOptions::default());
        a.highlights_given = vec![first[0].text.to_uppercase()];
        let again = highlights(&a, &HighlightOptions::default());
        assert!(again.iter().all(|h| h.start != first[0].start));
    }

    #[test]
    fn issue_4_zero_one_two_sentences() {
        assert!(highlights(&Article::default(), &HighlightOptions::default()).is_empty());
        let one = plain("A bridge opened.");
        assert_eq!(highlights(&one, &HighlightOptions::default()).len(), 1);
        let two = plain("A bridge opened on Friday in Lenton. Cars crossed it all weekend.");
        let hl = highlights(&two, &HighlightOptions::default());
        assert_eq!(hl.len(), 2);
        let none = HighlightOptions {
            sentences: Some(0),
            ..HighlightOptions::default()
        };
        assert!(highlights(&two, &none).is_empty());
    }

    #[test]
    fn issue_4_fragments_are_not_highlights() {
        // "But" and "Watch." are units of their own; with enough full sentences they are
        // never chosen, whatever the model thinks of their position.
        let text = "Rain closed the harbour road in Penmoor on Friday morning. But. \
Watch. Fishing boats stayed tied up for a second day. The council said the road would \
open again by Sunday night. Shops on the quay closed early as the water rose.";
        let a = plain(text);
        let hl = highlights(&a, &HighlightOptions::default());
        assert_eq!(hl.len(), 3);
        for h in &hl {
            assert!(h.text.split_whitespace().count() >= 4, "{:?}", h.text);
        }
        // With too few full sentences, short ones still fill the count.
        let short = plain("Rain fell. Roads closed. Boats stayed in the harbour all day.");
        assert_eq!(highlights(&short, &HighlightOptions::default()).len(), 3);
    }

    #[test]
    fn issue_4_one_huge_sentence_is_not_a_highlight() {
        let text = "word ".repeat(50_000);
        let a = plain(text.trim());
        let hl = highlights(&a, &HighlightOptions::default());
        assert!(hl.is_empty());
    }

    #[test]
    fn issue_4_lowercase_text_is_cut_into_sentences() {
        let text = STORY.to_lowercase();
        let a = plain(&text);
        let hl = highlights(&a, &HighlightOptions::default());
        assert_eq!(hl.len(), 3);
        for h in &hl {
            assert_eq!(slice(&a, h), h.text);
            assert!(
                h.text.split_whitespace().count() <= SPLIT_ABOVE_WORDS,
                "{}",
                h.text
            );
        }
    }

    #[test]
    fn issue_4_all_caps_text() {
        let text = STORY.to_uppercase();
        let a = plain(&text);
        let hl = highlights(&a, &HighlightOptions::default());
        assert_eq!(hl.len(), 3);
        for h in &hl {
            assert_eq!(slice(&a, h), h.text);
        }
    }

    #[test]
    fn issue_4_trims_keep_one_span() {
        let all = TRIM_DATELINE | TRIM_PAREN | TRIM_ATTRIBUTION;
        let cases = [
            (
                "LONDON, England (CNN) -- The bridge over the Thames was closed on Monday.",
                "The bridge over the Thames was closed on Monday.",
            ),
            (
                "Washington (CNN)Nearly 60 senators signed the letter on Friday.",
                "Nearly 60 senators signed the letter on Friday.",
            ),
            (
                "The filmmaker created an amazing video of the sun (pictured).",
                "The filmmaker created an amazing video of the sun",
            ),
            (
                "The airport will stay closed until Friday, police said.",
                "The airport will stay closed until Friday",
            ),
            (
                "'We cannot keep every door open at the library,' she said.",
                "'We cannot keep every door open at the library,'",
            ),
            (
                "Two men were arrested at the scene, according to police.",
                "Two men were arrested at the scene",
            ),
            // Too little would remain, or the tail is not an attribution.
            ("It closed, police said.", "It closed, police said."),
            (
                "The vote passed, ending a year of protests.",
                "The vote passed, ending a year of protests.",
            ),
        ];
        for (text, want) in cases {
            let (s, e) = trim_span(text, all);
            assert_eq!(&text[s..e], want);
            assert_eq!(trim_span(text, 0), (0, text.len()));
        }
        let a = plain(
            "NEW YORK (CNN) -- The city council of Marlow voted to close the library, officials said. \
The library drew 40,000 visitors. Parents plan to appeal the vote next month.",
        );
        for h in highlights(&a, &HighlightOptions::default()) {
            assert_eq!(slice(&a, &h), h.text);
            assert!(!h.text.contains("CNN") && !h.text.contains("officials said"));
        }
    }

    #[test]
    fn lead_is_the_first_units() {
        let a = plain(STORY);
        let l = lead(&a, 2);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].start, a.sentences[0].start);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn highlights_are_spans_of_the_text(
            text in "([A-Za-zé\"'0-9]{1,9}[ .,;!?\n]{1,3}){0,80}",
            n in 0usize..6,
            words in proptest::option::of(0usize..60),
            chars in proptest::option::of(0usize..300),
        ) {
            let a = plain(&text);
            let opts = HighlightOptions { sentences: Some(n), words, chars, order: Order::Article };
            let hl = highlights(&a, &opts);
            prop_assert!(hl.len() <= n);
            let mut used_w = 0;
            let mut used_c = 0;
            for h in &hl {
                prop_assert_eq!(slice(&a, h), h.text.clone());
                prop_assert!(h.score.is_finite());
                used_w += h.text.split_whitespace().count();
                used_c += h.text.chars().count();
            }
            if let Some(w) = words { prop_assert!(used_w <= w); }
            if let Some(c) = chars { prop_assert!(used_c <= c); }
            prop_assert!(hl.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }
}
