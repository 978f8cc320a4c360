//! Features of the candidate units: what the model knows about each sentence.
//!
//! Every feature is declared once, in [`FEATURES`]: its name beside the expression that
//! computes its value from a unit's [`UnitStats`]. [`FEATURE_NAMES`], the values of
//! [`UnitFeatures::values`] and the weights of [`Model`](super::Model) (checked at
//! compile time against `weights.rs`) all follow that one table, in its order.
//!
//! The article is analysed once ([`analyze`]): its units' words are lowercased and the
//! content words (no function words, no single letters) interned, which gives a
//! within-article IDF (a word in every sentence weighs little), a term-frequency
//! centroid, the lead's and the headline's words, and the first unit that mentions each
//! word. Each unit's statistics are then computed from those ([`ArticleStats::unit`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::units::{byte_to_char_spans, is_stopword, unit_spans, words, ATTRIBUTION_VERBS};
use super::{Candidates, Unit};
use crate::article::Article;
use crate::deadline::Deadline;
use crate::Error;

/// Number of features per unit.
pub const N_FEATURES: usize = 55;

/// A feature: its name, and its value for a unit.
type Feature = (&'static str, fn(&UnitStats<'_>) -> f64);

/// 1 when `b` holds, else 0.
fn flag(b: bool) -> f64 {
    f64::from(u8::from(b))
}

/// The table of features, in the order of the model's weights.
///
/// A conditional logit learns only from differences between the units of one article,
/// so nothing that is the same for all of them is a feature on its own (no constant, no
/// "the article opens with a wire dateline", no "the text is lowercased"): such facts
/// enter through their interactions with position, length and names.
const FEATURES: [Feature; N_FEATURES] = [
    // Position: the first units, `1/(i+1)`, relative.
    ("pos0", |u| flag(u.k == 0)),
    ("pos1", |u| flag(u.k == 1)),
    ("pos2", |u| flag(u.k == 2)),
    ("pos3", |u| flag(u.k == 3)),
    ("pos4_5", |u| flag(u.k == 4 || u.k == 5)),
    ("pos6_9", |u| flag((6..10).contains(&u.k))),
    ("rel_pos", |u| {
        if u.n > 1 {
            u.k as f64 / (u.n as f64 - 1.0)
        } else {
            0.0
        }
    }),
    // Length in words.
    ("log_words", |u| u.log_words()),
    // Also the first length band: `len_lt8` was the same feature and is merged here.
    ("short", |u| flag(u.words < 8)),
    ("long", |u| flag(u.words > 45)),
    // Content: how central, how new, how close to the headline.
    ("centroid", |u| u.centroid),
    ("degree", |u| u.degree),
    ("first_mention", |u| u.first_mention),
    ("headline", |u| u.headline),
    ("names", |u| u.names as f64 / u.tokens),
    ("numbers", |u| flag(u.numbers > 0)),
    // Form: quotation, question, page chrome.
    ("quote", |u| {
        flag(u.text.contains(['"', '“', '”']) || u.text.starts_with(['\'', '‘']))
    }),
    ("question", |u| {
        flag(
            u.text
                .trim_end_matches(['"', '\'', '”', '’', ')', ' '])
                .ends_with('?'),
        )
    }),
    ("chrome", |u| flag(is_chrome(&u.lower))),
    ("lead_sim", |u| u.lead_sim),
    ("inv_pos", |u| 1.0 / (u.k as f64 + 1.0)),
    ("pos0_log_words", |u| flag(u.k == 0) * u.log_words()),
    ("words_10_20", |u| flag((10..=20).contains(&u.words))),
    ("words_20_30", |u| flag((21..=30).contains(&u.words))),
    // A wire dateline (`LONDON (CNN) --`) in the first unit: such stories come with
    // shorter highlights.
    ("wire_log_words", |u| flag(u.wire) * u.log_words()),
    ("wire_inv_pos", |u| flag(u.wire) / (u.k as f64 + 1.0)),
    // Also the first wire position: `wire_pos0` was the same feature and is merged here.
    ("dateline", |u| flag(u.k == 0 && u.wire)),
    ("caption", |u| flag(is_caption(&u.lower))),
    ("max_sim", |u| u.max_sim),
    ("density", |u| u.content as f64 / u.tokens),
    ("pronoun_start", |u| {
        flag(matches!(
            u.first_word(),
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
        ))
    }),
    ("conj_start", |u| {
        flag(matches!(
            u.first_word(),
            "but" | "and" | "however" | "so" | "yet" | "also" | "meanwhile" | "instead"
        ))
    }),
    ("first_person", |u| flag(u.first_person)),
    ("attribution", |u| flag(u.attribution)),
    ("lead3_sim", |u| u.lead3_sim),
    ("specificity", |u| u.specificity),
    // Position bands.
    ("pos4", |u| flag(u.k == 4)),
    ("pos5", |u| flag(u.k == 5)),
    ("pos6", |u| flag(u.k == 6)),
    ("pos7", |u| flag(u.k == 7)),
    ("pos8", |u| flag(u.k == 8)),
    ("pos9", |u| flag(u.k == 9)),
    ("pos10_14", |u| flag((10..15).contains(&u.k))),
    ("pos15_19", |u| flag((15..20).contains(&u.k))),
    ("wire_pos1", |u| flag(u.wire) * flag(u.k == 1)),
    ("wire_pos2", |u| flag(u.wire) * flag(u.k == 2)),
    ("wire_pos3", |u| flag(u.wire) * flag(u.k == 3)),
    // Length bands.
    ("len_8_12", |u| flag((8..=12).contains(&u.words))),
    ("len_13_17", |u| flag((13..=17).contains(&u.words))),
    ("len_18_22", |u| flag((18..=22).contains(&u.words))),
    ("len_23_27", |u| flag((23..=27).contains(&u.words))),
    ("len_28_35", |u| flag((28..=35).contains(&u.words))),
    ("len_36_45", |u| flag((36..=45).contains(&u.words))),
    // Text with (almost) no capitals: names and sentence starts cannot be seen.
    ("lower_pos0", |u| flag(u.lowercase_text) * flag(u.k == 0)),
    ("lower_names", |u| {
        flag(u.lowercase_text) * u.names as f64 / u.tokens
    }),
];

/// Names of the features, in the order of [`Model::weights`](super::Model::weights) and
/// [`UnitFeatures::values`].
pub const FEATURE_NAMES: [&str; N_FEATURES] = {
    let mut names = [""; N_FEATURES];
    let mut i = 0;
    while i < N_FEATURES {
        names[i] = FEATURES[i].0;
        i += 1;
    }
    names
};

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

/// What a unit's features are computed from.
#[derive(Debug)]
struct UnitStats<'a> {
    /// Index of the unit in the article.
    k: usize,
    /// Units in the article.
    n: usize,
    /// The unit's text.
    text: &'a str,
    /// The unit's text, lowercased.
    lower: String,
    /// Whitespace-separated words.
    words: usize,
    /// Words (runs of letters and digits), at least 1.
    tokens: f64,
    /// Capitalized words other than the first.
    names: usize,
    /// Words holding a digit.
    numbers: usize,
    /// Distinct content words.
    content: usize,
    /// A first-person word (`i`, `we`, `my` …).
    first_person: bool,
    /// A reporting verb (`said`, `told` …).
    attribution: bool,
    /// Cosine with the article's TF-IDF centroid.
    centroid: f64,
    /// Mean cosine with the other units.
    degree: f64,
    /// Highest cosine with another unit.
    max_sim: f64,
    /// Cosine with the first unit (0 for the first unit itself).
    lead_sim: f64,
    /// Highest cosine with another of the first three units.
    lead3_sim: f64,
    /// Share of the headline's content weight that the unit holds.
    headline: f64,
    /// Weight (log frequency) of the recurring words this unit mentions first, as a
    /// share of all recurring words'.
    first_mention: f64,
    /// Mean within-article IDF of the content words, relative to the highest possible.
    specificity: f64,
    /// The article opens with a wire dateline.
    wire: bool,
    /// The article's text has (almost) no capitals.
    lowercase_text: bool,
}

impl UnitStats<'_> {
    /// `ln(1 + words)`.
    fn log_words(&self) -> f64 {
        (1.0 + self.words as f64).ln()
    }

    /// The first word, lowercased, without surrounding punctuation.
    fn first_word(&self) -> &str {
        self.lower
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
    }
}

/// Splits the article into candidate units and computes their features.
pub(super) fn analyze(article: &Article, deadline: Deadline) -> Result<Candidates, Error> {
    let text = article.text.as_str();
    let pieces = unit_spans(article);
    deadline.check()?;
    let lowered = lowercase_words(text, &pieces);
    let (vocabulary, words_of) = intern(&lowered);
    deadline.check()?;
    let stats = ArticleStats::new(article, &pieces, vocabulary, words_of);
    deadline.check()?;
    // Only the first units are candidates (see MAX_CANDIDATE_UNITS); the article-wide
    // statistics above still count every unit.
    let candidates = &pieces[..pieces.len().min(MAX_CANDIDATE_UNITS)];
    let char_spans = byte_to_char_spans(text, candidates);
    let units = candidates
        .iter()
        .zip(char_spans)
        .enumerate()
        .map(|(k, (&(b0, b1), (c0, c1)))| {
            if k % DEADLINE_EVERY_UNITS == 0 {
                deadline.check()?;
            }
            let u = stats.unit(k, &text[b0..b1]);
            Ok(Unit {
                byte_start: b0,
                byte_end: b1,
                content: stats.units[k].ids.clone(),
                features: UnitFeatures {
                    start: c0,
                    end: c1,
                    words: u.words,
                    values: FEATURES.map(|(_, value)| value(&u)),
                },
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Candidates {
        units,
        idf: stats.idf,
    })
}

/// Units (sentences or their pieces) that may become highlights: the first ones of the
/// article. News puts its story first; the cap keeps the cost of a huge text linear.
/// No article of the evaluation sets comes near it (the longest has about 1,500).
pub const MAX_CANDIDATE_UNITS: usize = 2_000;

/// Units a candidate is compared with for its centrality: all of them up to this many,
/// an even sample of this many beyond (see `ArticleStats::centrality`).
const MAX_COMPARED_UNITS: usize = 2_000;

/// Candidate units analysed between two looks at the deadline.
const DEADLINE_EVERY_UNITS: usize = 256;

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

/// Content word → id.
type WordMap<'a> = HashMap<&'a str, u32, BuildHasherDefault<Fnv>>;

/// One unit's words, lowercased into one string (the arena the word map borrows from),
/// with their ranges and whether they are capitalized (other than the first word).
type Lowered = (String, Vec<(std::ops::Range<usize>, bool)>);

fn lowercase_words(text: &str, pieces: &[(usize, usize)]) -> Vec<Lowered> {
    let mut arena: Vec<Lowered> = Vec::with_capacity(pieces.len());
    for &(b0, b1) in pieces {
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
    arena
}

/// The words of one unit, counted.
#[derive(Debug)]
struct UnitWords {
    /// Distinct content-word ids, sorted.
    ids: Vec<u32>,
    /// Words (runs of letters and digits).
    tokens: usize,
    /// Capitalized words other than the first.
    names: usize,
    /// Words holding a digit.
    numbers: usize,
    /// A first-person word.
    first_person: bool,
    /// A reporting verb.
    attribution: bool,
}

/// The article's content words.
#[derive(Debug)]
struct Vocabulary<'a> {
    /// Word → id.
    map: WordMap<'a>,
    /// Per word id: the number of units that hold it.
    df: Vec<u32>,
    /// Per word id: its total frequency.
    tf: Vec<u32>,
}

/// Interns the content words of every unit and counts them.
fn intern(lowered: &[Lowered]) -> (Vocabulary<'_>, Vec<UnitWords>) {
    let mut map: WordMap = WordMap::default();
    let mut units = Vec::with_capacity(lowered.len());
    let mut df: Vec<u32> = Vec::new();
    let mut tf: Vec<u32> = Vec::new();
    for (buf, ws) in lowered {
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
        units.push(UnitWords {
            ids,
            tokens: ws.len(),
            names,
            numbers,
            first_person,
            attribution,
        });
    }
    (Vocabulary { map, df, tf }, units)
}

/// What the units' statistics are measured against: the article's vocabulary, centroid,
/// lead, headline.
#[derive(Debug)]
struct ArticleStats {
    /// The units' words.
    units: Vec<UnitWords>,
    /// Units in the article, at least 1, as a float.
    nf: f64,
    /// Per word id: total frequency.
    tf: Vec<u32>,
    /// Per word id: within-article IDF, `ln(1 + units / units holding it)`.
    idf: Vec<f64>,
    /// Per word id: term frequency × IDF, for words seen more than once.
    centroid: Vec<f64>,
    centroid_norm: f64,
    /// Content words of the headline.
    title_ids: Vec<u32>,
    title_weight: f64,
    /// Per word id: the first unit that holds it.
    first_unit: Vec<usize>,
    /// Weight of all recurring words (to normalize the "first mention" feature).
    total_mention_weight: f64,
    /// Per unit: IDF norm of its content words.
    norms: Vec<f64>,
    wire: bool,
    lowercase_text: bool,
}

impl ArticleStats {
    fn new(
        article: &Article,
        pieces: &[(usize, usize)],
        vocabulary: Vocabulary<'_>,
        units: Vec<UnitWords>,
    ) -> Self {
        let text = article.text.as_str();
        let Vocabulary { map, df, tf } = vocabulary;
        let nf = pieces.len().max(1) as f64;
        // Within-article IDF: words in every sentence weigh little.
        let idf: Vec<f64> = df.iter().map(|&d| (1.0 + nf / f64::from(d)).ln()).collect();
        // Centroid: term frequency × IDF, only words seen more than once.
        let centroid: Vec<f64> = tf
            .iter()
            .zip(&idf)
            .map(|(&t, &w)| if t > 1 { f64::from(t) * w } else { 0.0 })
            .collect();
        let centroid_norm = centroid.iter().map(|c| c * c).sum::<f64>().sqrt();
        let title_ids = title_ids(article, &map);
        let title_weight: f64 = title_ids.iter().map(|&i| idf[i as usize]).sum();
        let mut first_unit = vec![usize::MAX; tf.len()];
        for (k, u) in units.iter().enumerate() {
            for &i in &u.ids {
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
        let norms: Vec<f64> = units
            .iter()
            .map(|u| {
                u.ids
                    .iter()
                    .map(|&i| idf[i as usize] * idf[i as usize])
                    .sum::<f64>()
                    .sqrt()
            })
            .collect();
        ArticleStats {
            units,
            nf,
            tf,
            idf,
            centroid,
            centroid_norm,
            title_ids,
            title_weight,
            first_unit,
            total_mention_weight,
            norms,
            wire: opens_with_wire_dateline(text, pieces),
            lowercase_text: is_lowercase_text(text),
        }
    }

    /// Unit `k`'s mean and greatest similarity to the other units (the "degree" of
    /// LexRank-style centrality). Compared with every other unit in an article of up to
    /// [`MAX_COMPARED_UNITS`] units; in a longer one with that many units spread evenly
    /// over it, the mean taken over those, so the cost per unit stays bounded.
    fn centrality(&self, k: usize) -> (f64, f64) {
        let n = self.units.len();
        if n <= 1 || self.norms[k] <= 0.0 {
            return (0.0, 0.0);
        }
        let ids = &self.units[k].ids;
        let similarity = |j: usize| {
            intersect_weight(ids, &self.units[j].ids, &self.idf) / (self.norms[k] * self.norms[j])
        };
        let compared = |j: &usize| *j != k && self.norms[*j] > 0.0;
        if n <= MAX_COMPARED_UNITS {
            let (sum, max) = (0..n)
                .filter(compared)
                .map(similarity)
                .fold((0.0, 0.0), |(s, m): (f64, f64), x| (s + x, m.max(x)));
            return (sum / (self.nf - 1.0), max);
        }
        let sample = (0..MAX_COMPARED_UNITS).map(|i| i * n / MAX_COMPARED_UNITS);
        let (sum, max, count) = sample
            .filter(compared)
            .map(similarity)
            .fold((0.0, 0.0, 0usize), |(s, m, c): (f64, f64, usize), x| {
                (s + x, m.max(x), c + 1)
            });
        (sum / count.max(1) as f64, max)
    }

    /// The statistics of unit `k`, whose text is `text`.
    fn unit<'a>(&self, k: usize, text: &'a str) -> UnitStats<'a> {
        let w = &self.units[k];
        let ids = &w.ids;
        let idf = &self.idf;
        let n = self.units.len();
        let nf = self.nf;
        let centroid = if self.centroid_norm > 0.0 && !ids.is_empty() {
            let dot: f64 = ids
                .iter()
                .map(|&i| self.centroid[i as usize] * idf[i as usize])
                .sum();
            let norm: f64 = ids
                .iter()
                .map(|&i| idf[i as usize] * idf[i as usize])
                .sum::<f64>()
                .sqrt();
            dot / (norm * self.centroid_norm)
        } else {
            0.0
        };
        let lead_sim = match self.units.first() {
            Some(lead) if k > 0 => cosine(ids, &lead.ids, idf),
            _ => 0.0,
        };
        let headline = if self.title_weight > 0.0 {
            intersect_weight(ids, &self.title_ids, idf) / self.title_weight
        } else {
            0.0
        };
        let (degree, max_sim) = self.centrality(k);
        let first_mention: f64 = ids
            .iter()
            .filter(|&&i| self.first_unit[i as usize] == k && self.tf[i as usize] > 1)
            .map(|&i| f64::from(self.tf[i as usize]).ln())
            .sum::<f64>()
            / self.total_mention_weight;
        let lead3_sim = (0..n.min(3))
            .filter(|&j| j != k)
            .map(|j| cosine(ids, &self.units[j].ids, idf))
            .fold(0.0, f64::max);
        let specificity = if ids.is_empty() {
            0.0
        } else {
            ids.iter().map(|&i| idf[i as usize]).sum::<f64>() / (ids.len() as f64 * (1.0 + nf).ln())
        };
        UnitStats {
            k,
            n,
            text,
            lower: text.to_lowercase(),
            words: text.split_whitespace().count(),
            tokens: w.tokens.max(1) as f64,
            names: w.names,
            numbers: w.numbers,
            content: ids.len(),
            first_person: w.first_person,
            attribution: w.attribution,
            centroid,
            degree,
            max_sim,
            lead_sim,
            lead3_sim,
            headline,
            first_mention,
            specificity,
            wire: self.wire,
            lowercase_text: self.lowercase_text,
        }
    }
}

/// Content-word ids of the article's headline, sorted.
fn title_ids(article: &Article, map: &WordMap<'_>) -> Vec<u32> {
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
}

/// Whether the first unit holds a wire-style dateline (`LONDON (CNN) --`, `kathmandu,
/// nepal (cnn)`) in its first 120 bytes.
fn opens_with_wire_dateline(text: &str, pieces: &[(usize, usize)]) -> bool {
    pieces.first().is_some_and(|&(b0, b1)| {
        let head = &text[b0..b1];
        let cut = (0..=head.len().min(120))
            .rev()
            .find(|&i| head.is_char_boundary(i))
            .unwrap_or(0);
        has_wire_dateline(&head[..cut])
    })
}

/// Whether the text has (almost) no capitals (under 1 in 200 letters of its first 4,000
/// characters).
fn is_lowercase_text(text: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().take(4000) {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters > 0 && upper * 200 < letters
}

/// Sum of the squared weights of the words that `a` and `b` (sorted ids) share.
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

/// Cosine of two sets of word ids (sorted) with word weights `w`.
pub(super) fn cosine(a: &[u32], b: &[u32], w: &[f64]) -> f64 {
    let na: f64 = a.iter().map(|&i| w[i as usize] * w[i as usize]).sum();
    let nb: f64 = b.iter().map(|&i| w[i as usize] * w[i as usize]).sum();
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    intersect_weight(a, b, w) / (na.sqrt() * nb.sqrt())
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

/// Photo-caption markers (`(pictured)`, `(left)` …): captions restate the story's
/// main facts.
pub(super) fn is_caption(lower: &str) -> bool {
    const PATTERNS: &[&str] = &[
        "pictured", "(shown", "(left", "(right", "(above", "(below", "(centre", "(center", "(top",
        "(bottom", "(inset", "(file",
    ];
    PATTERNS.iter().any(|p| lower.contains(p))
}
