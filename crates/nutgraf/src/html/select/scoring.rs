//! Scoring: per-node figures of the page, which blocks vote, and the points each vote
//! gives to the containers above it (Readability's paragraph scoring and
//! `_initializeNode` weights, with the changes listed in [`super`]).

use crate::html::blocks::RawBlock;
use crate::html::dom::{Dom, Tag};
use crate::html::hints::{hint_flags, NEG, POS, SNEG, SPOS};

/// A block of at least this many characters is running text (prose)...
pub(super) const PROSE_MIN_CHARS: usize = 60;
/// ...when less of its text than this sits inside links.
pub(super) const PROSE_MAX_LINK_DENSITY: f32 = 0.2;

/// Blocks shorter than this (in characters) do not vote (Readability: 25).
const MIN_VOTER_CHARS: usize = 25;
/// Blocks with more of their text inside links than this do not vote.
const MAX_VOTER_LINK_DENSITY: f32 = 0.5;
/// Every vote starts with this many points (Readability: 1).
const BASE_POINTS: f32 = 1.0;
/// A vote gains a point per this many characters... (Readability: 100)
const CHARS_PER_POINT: f32 = 100.0;
/// ...up to this many points (Readability: 3).
const MAX_LENGTH_POINTS: f32 = 3.0;
/// A vote reaches this many levels of containers (Readability: 5).
const VOTE_LEVELS: usize = 5;
/// The first container gets the whole vote...
const FIRST_LEVEL_DIVISOR: f32 = 1.0;
/// ...the next one half of it...
const SECOND_LEVEL_DIVISOR: f32 = 2.0;
/// ...and level `l` above those a share of 1 / (`l` × this).
const LEVEL_DIVISOR_FACTOR: f32 = 3.0;

/// Start score of a generic container (`div`, `article`, `section`, `main`).
const CONTAINER_TAG_WEIGHT: f32 = 5.0;
/// Start score of `pre`, `td` and `blockquote`.
const TEXT_TAG_WEIGHT: f32 = 3.0;
/// Start score of lists, list items, `address` and `form`.
const LIST_TAG_WEIGHT: f32 = -3.0;
/// Start score of headings and `th`.
const HEADING_TAG_WEIGHT: f32 = -5.0;
/// Start score of `nav`, `aside` and `footer` (not in Readability).
const CHROME_TAG_WEIGHT: f32 = -25.0;
/// Added for a positive class/id hint, taken for a negative one (Readability: 25 for the
/// class and 25 for the id).
const HINT_WEIGHT: f32 = 25.0;
/// Added for `itemprop="articleBody"` (not in Readability).
const ARTICLE_BODY_WEIGHT: f32 = 40.0;

/// Per-node figures of one page, computed once.
pub(super) struct Figures {
    /// Characters of text under each node.
    pub chars: Vec<u32>,
    /// Characters inside links under each node.
    pub links: Vec<u32>,
    /// Class/id verdicts of each node.
    pub flags: Vec<u8>,
    /// Characters of running text under each node.
    pub prose: Vec<u32>,
    /// Half the page's running text: a node holding more is the story.
    pub majority: u32,
    /// Nodes inside boilerplate (their blocks do not vote).
    pub bad: Vec<bool>,
    /// Characters of running text under each node, outside boilerplate.
    pub good: Vec<u32>,
    /// Final score of each node (`NEG_INFINITY`: never scored).
    pub score: Vec<f32>,
}

impl Figures {
    /// Share of a node's text that sits inside links.
    pub fn link_density(&self, i: usize) -> f32 {
        if self.chars[i] == 0 {
            0.0
        } else {
            self.links[i] as f32 / self.chars[i] as f32
        }
    }
}

fn class_weight(dom: &Dom, flags: &[u8], i: usize) -> f32 {
    let n = &dom.nodes[i];
    let mut w = 0.0;
    if flags[i] & NEG != 0 {
        w -= HINT_WEIGHT;
    }
    if flags[i] & POS != 0 {
        w += HINT_WEIGHT;
    }
    if n.itemprop.as_deref() == Some("articlebody") {
        w += ARTICLE_BODY_WEIGHT;
    }
    w
}

fn tag_weight(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Section | Tag::Main => CONTAINER_TAG_WEIGHT,
        Tag::Pre | Tag::Td | Tag::Blockquote => TEXT_TAG_WEIGHT,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            LIST_TAG_WEIGHT
        }
        Tag::H(_) | Tag::Th => HEADING_TAG_WEIGHT,
        Tag::Nav | Tag::Aside | Tag::Footer => CHROME_TAG_WEIGHT,
        _ => 0.0,
    }
}

/// Elements whose own text scores the element itself (other owners pass their
/// vote to their parent first).
fn is_container(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Div
            | Tag::Article
            | Tag::Section
            | Tag::Main
            | Tag::Body
            | Tag::Block
            | Tag::Td
            | Tag::Blockquote
            | Tag::Header
            | Tag::Footer
            | Tag::Aside
            | Tag::Form
            | Tag::Figure
            | Tag::Dd
    )
}

/// Adds every node's figure to its parent's, children first (the arena is in
/// document order, so a parent comes before its children).
fn sum_up(dom: &Dom, v: &mut [u32]) {
    for i in (1..v.len()).rev() {
        let p = dom.nodes[i].parent;
        v[p] += v[i];
    }
}

/// Per-node subtree totals: (chars, link chars).
fn totals(dom: &Dom, blocks: &[RawBlock]) -> (Vec<u32>, Vec<u32>) {
    let n = dom.nodes.len();
    let mut chars = vec![0u32; n];
    let mut links = vec![0u32; n];
    for b in blocks {
        chars[b.owner] += b.chars as u32;
        links[b.owner] += b.link_chars as u32;
    }
    sum_up(dom, &mut chars);
    sum_up(dom, &mut links);
    (chars, links)
}

fn is_prose(b: &RawBlock) -> bool {
    b.chars >= PROSE_MIN_CHARS && b.link_density() < PROSE_MAX_LINK_DENSITY
}

/// Characters of running text under each node, counting only the blocks `counts` lets in.
fn prose_under(dom: &Dom, raw: &[RawBlock], counts: impl Fn(&RawBlock) -> bool) -> Vec<u32> {
    let mut prose = vec![0u32; dom.nodes.len()];
    for b in raw {
        if counts(b) && is_prose(b) {
            prose[b.owner] += b.chars as u32;
        }
    }
    sum_up(dom, &mut prose);
    prose
}

/// Nodes inside boilerplate: under `nav`/`aside`/`footer` or a strongly negative
/// class/id, unless a `main`, an `articleBody` or a strong body name lies between, or
/// the node holds most of the page's running text (malformed markup can nest the
/// story inside a promo box).
fn boilerplate_nodes(dom: &Dom, flags: &[u8], holds_majority: impl Fn(usize) -> bool) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut bad = vec![false; n];
    for i in 1..n {
        let node = &dom.nodes[i];
        let resets = node.tag == Tag::Main
            || node.itemprop.as_deref() == Some("articlebody")
            || flags[i] & SPOS != 0;
        let own = matches!(node.tag, Tag::Nav | Tag::Aside | Tag::Footer)
            || (node.tag != Tag::Body && flags[i] & SNEG != 0);
        bad[i] = (bad[node.parent] || own) && !resets && !holds_majority(i);
    }
    bad
}

/// Commas of a text: ASCII, fullwidth, ideographic and Arabic.
fn commas(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

/// Points of one vote: a base, its commas and its length.
fn points(b: &RawBlock) -> f32 {
    BASE_POINTS + commas(&b.text) as f32 + (b.chars as f32 / CHARS_PER_POINT).min(MAX_LENGTH_POINTS)
}

/// Share of a vote that the container `level` steps up gets.
fn level_divisor(level: usize) -> f32 {
    match level {
        0 => FIRST_LEVEL_DIVISOR,
        1 => SECOND_LEVEL_DIVISOR,
        l => l as f32 * LEVEL_DIVISOR_FACTOR,
    }
}

/// Raw scores: blocks of text vote for the containers above them (`NaN`: no vote
/// reached the node). Blocks under boilerplate do not vote, unless no block could.
fn vote(dom: &Dom, raw: &[RawBlock], flags: &[u8], bad: &[bool]) -> Vec<f32> {
    let voters = raw
        .iter()
        .filter(|b| !bad[b.owner] && b.chars >= MIN_VOTER_CHARS)
        .count();
    let mut score = vec![f32::NAN; dom.nodes.len()];
    let init = |score: &mut Vec<f32>, i: usize| {
        if score[i].is_nan() {
            score[i] = tag_weight(dom.nodes[i].tag) + class_weight(dom, flags, i);
        }
    };
    for b in raw {
        if b.chars < MIN_VOTER_CHARS
            || b.link_density() > MAX_VOTER_LINK_DENSITY
            || (voters > 0 && bad[b.owner])
        {
            continue;
        }
        let s = points(b);
        let owner_tag = dom.nodes[b.owner].tag;
        let mut node = if is_container(owner_tag) && owner_tag != Tag::Td {
            b.owner
        } else {
            dom.nodes[b.owner].parent
        };
        for level in 0..VOTE_LEVELS {
            init(&mut score, node);
            score[node] += s / level_divisor(level);
            let p = dom.nodes[node].parent;
            if p == node {
                break;
            }
            node = p;
        }
    }
    score
}

/// Measures and scores the page: every node's figures and final score (raw score
/// scaled by the share of its text outside links, as in Readability).
pub(super) fn measure(dom: &Dom, raw: &[RawBlock]) -> Figures {
    let (chars, links) = totals(dom, raw);
    let flags = hint_flags(dom);
    let prose = prose_under(dom, raw, |_| true);
    let majority = prose[0] / 2;
    let holds_majority = |i: usize| majority > 0 && prose[i] > majority;
    let bad = boilerplate_nodes(dom, &flags, holds_majority);
    let good = prose_under(dom, raw, |b| !bad[b.owner]);
    let raw_score = vote(dom, raw, &flags, &bad);
    let mut fig = Figures {
        chars,
        links,
        flags,
        prose,
        majority,
        bad,
        good,
        score: Vec::new(),
    };
    fig.score = raw_score
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            if s.is_nan() || i == 0 {
                f32::NEG_INFINITY
            } else {
                s * (1.0 - fig.link_density(i))
            }
        })
        .collect();
    fig
}
