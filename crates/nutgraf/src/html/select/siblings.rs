//! Siblings: which children of the story container's parent join it (Readability's
//! sibling rule, plus siblings with running text of their own and the story's lead).

use super::scoring::Figures;
use crate::html::blocks::RawBlock;
use crate::html::dom::{Dom, Tag};
use crate::html::hints::{lead_hint, NEG};

/// A sibling joins when it scores at least this share of the story container's score...
/// (Readability: 0.2)
const SIBLING_SCORE_RATIO: f32 = 0.2;
/// ...and at least this much (Readability: 10).
const MIN_SIBLING_SCORE: f32 = 10.0;
/// A sibling named like the story container gets this share of the container's score
/// as a bonus (Readability: 0.2).
const SIMILAR_SIBLING_BONUS: f32 = 0.2;
/// A sibling holding at least this many characters of running text joins...
const OWN_TEXT_MIN_CHARS: u32 = 250;
/// ...when less of its text than this sits inside links.
const OWN_TEXT_MAX_LINK_DENSITY: f32 = 0.2;
/// A `<p>` sibling longer than this (in characters) joins on few links, a shorter one
/// only without links and ending a sentence (Readability: 80).
const P_LONG_CHARS: u32 = 80;
/// Link density under which a long `<p>` sibling joins (Readability: 0.25).
const P_LONG_MAX_LINK_DENSITY: f32 = 0.25;
/// A lead before the story container has at least this many characters...
const LEAD_MIN_CHARS: u32 = 50;
/// ...and less of its text than this inside links.
const LEAD_MAX_LINK_DENSITY: f32 = 0.2;

/// Whether the last block owned by `owner` ends a sentence.
fn ends_sentence(raw: &[RawBlock], owner: usize) -> bool {
    raw.iter()
        .rfind(|b| b.owner == owner)
        .is_some_and(|b| b.text.ends_with(['.', '!', '?', '"', '”']))
}

/// Whether a sibling is named like the story container: same tag, and the same
/// class/id or the same first class.
fn similar(dom: &Dom, c: usize, top: usize) -> bool {
    let (node, top) = (&dom.nodes[c], &dom.nodes[top]);
    let first_class = |h: &str| h.split_ascii_whitespace().next().map(str::to_string);
    node.tag == top.tag
        && !top.hint.is_empty()
        && (node.hint == top.hint || first_class(&node.hint) == first_class(&top.hint))
}

/// The story container and the siblings that belong to the story, in document order.
pub(super) fn story_roots(dom: &Dom, raw: &[RawBlock], fig: &Figures, top: usize) -> Vec<usize> {
    let top_score = fig.score[top].max(0.0);
    let thresh = (top_score * SIBLING_SCORE_RATIO).max(MIN_SIBLING_SCORE);
    let parent = dom.nodes[top].parent;
    let mut roots = Vec::new();
    let mut c = parent + 1;
    while c < dom.nodes[parent].end {
        let node = &dom.nodes[c];
        let next = node.end;
        if c == top {
            roots.push(c);
        } else if node.tag != Tag::Text && fig.chars[c] > 0 {
            let mut bonus = 0.0;
            if similar(dom, c, top) {
                bonus = top_score * SIMILAR_SIBLING_BONUS;
            }
            let s = if fig.score[c].is_finite() {
                fig.score[c]
            } else {
                0.0
            };
            let ld = fig.link_density(c);
            let take = if s + bonus >= thresh {
                true
            } else if fig.good[c] >= OWN_TEXT_MIN_CHARS && ld < OWN_TEXT_MAX_LINK_DENSITY {
                // a sibling holding running text of its own
                true
            } else if node.tag == Tag::P {
                let len = fig.chars[c];
                (len > P_LONG_CHARS && ld < P_LONG_MAX_LINK_DENSITY)
                    || (len <= P_LONG_CHARS && ld == 0.0 && ends_sentence(raw, c))
            } else {
                false
            };
            // The story's lead ("teaser", "intro", "standfirst") often sits just before
            // the body container, under a name that elsewhere marks teasers.
            let lead = c < top
                && ld < LEAD_MAX_LINK_DENSITY
                && fig.chars[c] >= LEAD_MIN_CHARS
                && lead_hint(&node.hint);
            if (take && fig.flags[c] & NEG == 0) || lead {
                roots.push(c);
            }
        }
        c = next;
    }
    roots
}
