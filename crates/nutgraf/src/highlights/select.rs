//! Selection: greedily the best unit, less a penalty for overlap with the units already
//! chosen, until the sentence count or a budget is reached; then the chosen units are
//! trimmed and written as highlights.

use super::features::cosine;
use super::trim::trim_span;
use super::{
    Candidates, Highlight, HighlightOptions, Model, Order, DEFAULT_SENTENCES, MAX_UNIT_WORDS,
    MIN_UNIT_WORDS,
};
use crate::article::Article;

/// Chooses the highlights of `article` among its `candidates` with `model`.
pub(super) fn select(
    article: &Article,
    candidates: &Candidates,
    opts: &HighlightOptions,
    model: &Model,
) -> Vec<Highlight> {
    let count = opts.sentences.unwrap_or(DEFAULT_SENTENCES);
    if count == 0 {
        return Vec::new();
    }
    let base: Vec<f64> = candidates
        .units
        .iter()
        .map(|u| model.score(&u.features.values))
        .collect();
    let eligible = eligible(article, candidates, count);
    let mut chosen = choose_greedily(candidates, opts, model, &base, eligible, count);
    if opts.order == Order::Article {
        chosen.sort_by_key(|&(k, _)| k);
    }
    write(article, candidates, model, chosen)
}

/// Which units may be chosen: not over [`MAX_UNIT_WORDS`] words, not under
/// [`MIN_UNIT_WORDS`] when the article has at least `count` units that long (fragments
/// such as "But" or a stray "Scroll down" are not highlights unless the article has too
/// few full units to fill the count), and not one of the page's own highlights.
fn eligible(article: &Article, candidates: &Candidates, count: usize) -> Vec<bool> {
    let text = article.text.as_str();
    let given: Vec<String> = article
        .highlights_given
        .iter()
        .map(|g| normalize_for_compare(g))
        .filter(|g| !g.is_empty())
        .collect();
    let min_words = if candidates
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
    candidates
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
        .collect()
}

/// Greedy selection: repeatedly the eligible unit with the best score less
/// `model.redundancy` × its highest similarity to a unit already chosen. A unit that
/// would overrun a budget is skipped. Returns the chosen units' indices with their
/// scores at the time they were chosen, best first.
fn choose_greedily(
    candidates: &Candidates,
    opts: &HighlightOptions,
    model: &Model,
    base: &[f64],
    mut eligible: Vec<bool>,
    count: usize,
) -> Vec<(usize, f64)> {
    let units = &candidates.units;
    let mut chosen: Vec<(usize, f64)> = Vec::new();
    let mut words_used = 0usize;
    let mut chars_used = 0usize;
    while chosen.len() < count {
        let mut best: Option<(usize, f64)> = None;
        for (k, unit) in units.iter().enumerate() {
            if !eligible[k] {
                continue;
            }
            let max_sim = chosen
                .iter()
                .map(|&(j, _)| cosine(&unit.content, &units[j].content, &candidates.idf))
                .fold(0.0, f64::max);
            let s = base[k] - model.redundancy * max_sim;
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((k, s));
            }
        }
        let Some((k, s)) = best else { break };
        eligible[k] = false;
        let u = &units[k];
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
    chosen
}

/// The chosen units as highlights, after the model's trims.
fn write(
    article: &Article,
    candidates: &Candidates,
    model: &Model,
    chosen: Vec<(usize, f64)>,
) -> Vec<Highlight> {
    let text = article.text.as_str();
    chosen
        .into_iter()
        .map(|(k, s)| {
            let u = &candidates.units[k];
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

/// Letters and digits of a text, lowercased (to recognize the page's own highlights).
fn normalize_for_compare(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
