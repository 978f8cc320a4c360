//! Choosing: the best-scoring container, or the ancestor holding it together with
//! several close runners-up (a story split into sections that each score like a story;
//! Readability's "alternative candidates" rule).

use super::scoring::Figures;
use crate::html::dom::{Dom, Tag};

/// A runner-up scores at least this share of the best score (Readability: 0.75).
const RUNNER_UP_RATIO: f32 = 0.75;
/// At most this many runners-up are considered (Readability: the top 5 candidates).
const MAX_RUNNERS_UP: usize = 5;
/// An ancestor holding at least this many runners-up holds the story (Readability: 3).
const MIN_RUNNERS_UP: usize = 3;

/// The node with the best final score (the first one on a tie).
pub(super) fn best(fig: &Figures) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in fig.score.iter().enumerate() {
        if !s.is_finite() {
            continue;
        }
        if best.is_none_or(|b| s > fig.score[b]) {
            best = Some(i);
        }
    }
    best
}

/// Several strong candidates under one ancestor: the story is split into sections
/// (each scoring like a story of its own); take the ancestor holding them, unless that
/// ancestor is boilerplate.
pub(super) fn split_story_ancestor(dom: &Dom, fig: &Figures, top: usize) -> usize {
    let score = &fig.score;
    let best_score = score[top];
    let mut alts: Vec<usize> = (1..score.len())
        .filter(|&i| {
            i != top
                && score[i] >= RUNNER_UP_RATIO * best_score
                && !dom.contains(i, top)
                && !dom.contains(top, i)
        })
        .collect();
    alts.sort_by(|a, b| score[*b].total_cmp(&score[*a]));
    alts.truncate(MAX_RUNNERS_UP);
    if alts.len() < MIN_RUNNERS_UP {
        return top;
    }
    let mut p = dom.nodes[top].parent;
    while p != 0 && dom.nodes[p].tag != Tag::Body {
        if alts.iter().filter(|&&a| dom.contains(p, a)).count() >= MIN_RUNNERS_UP {
            return if fig.bad[p] { top } else { p };
        }
        p = dom.nodes[p].parent;
    }
    top
}
