//! Climbing: from the chosen container up to the ancestor that holds the whole story —
//! first by score (Readability's rule), then by running text (an article split into one
//! container per paragraph, or into parts separated by ads).

use super::scoring::Figures;
use crate::html::dom::{Dom, Tag};

/// While climbing by score, stop at an ancestor scoring under the chosen container's
/// score divided by this (Readability: 3).
const CLIMB_SCORE_DIVISOR: f32 = 3.0;
/// Climb to a parent holding at least this many times the running text...
const GROWTH_RATIO: f32 = 1.5;
/// ...when less of the parent's text than this sits inside links.
const GROWTH_MAX_LINK_DENSITY: f32 = 0.25;

/// Climbs while the parent holds comparable content (article split in parts): up to
/// the first scored ancestor that beats the last score, stopping at one that falls
/// under a third of the start.
pub(super) fn by_score(dom: &Dom, fig: &Figures, mut top: usize) -> usize {
    let score = &fig.score;
    let mut last = score[top];
    let threshold = last / CLIMB_SCORE_DIVISOR;
    let mut p = dom.nodes[top].parent;
    while p != 0 && dom.nodes[p].tag != Tag::Body {
        if score[p].is_finite() {
            if score[p] < threshold {
                break;
            }
            if score[p] > last {
                top = p;
                break;
            }
            last = score[p];
        }
        p = dom.nodes[p].parent;
    }
    top
}

/// Climbs while the parent holds nothing but the container's text (an only child, as
/// far as text goes) or clearly more running text of the same kind; never into
/// boilerplate or `<body>`.
pub(super) fn by_text(dom: &Dom, fig: &Figures, mut top: usize) -> usize {
    loop {
        let p = dom.nodes[top].parent;
        if p == 0 || dom.nodes[p].tag == Tag::Body || fig.bad[p] {
            break;
        }
        let only_child = fig.chars[p] == fig.chars[top];
        let grows = fig.good[p] as f32 >= GROWTH_RATIO * fig.good[top] as f32
            && fig.link_density(p) < GROWTH_MAX_LINK_DENSITY;
        if only_child || grows {
            top = p;
        } else {
            break;
        }
    }
    top
}
