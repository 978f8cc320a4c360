//! Main-content extraction: arena DOM → text blocks → the article's blocks.
//!
//! 1. Every run of text between block-level boundaries becomes a block, remembering the
//!    block element that owns it and how much of its text sits inside links.
//! 2. Blocks that look like running text (long enough, commas, few links) give points
//!    to the containers above them, weighted by distance, tag and class/id hints.
//! 3. The best container wins; its siblings join when they score close to it or look
//!    like paragraphs of the same story (articles are often split by ads and teasers).
//! 4. Inside the chosen containers, boilerplate sub-containers (share bars, related
//!    stories, captions, newsletters) and link lists are dropped.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::dom::{Dom, Tag};
use crate::blocks::{Block, BlockKind};

/// A block of text with what the scorer needs to know about it.
#[derive(Debug, Clone)]
pub struct RawBlock {
    /// Normalized text.
    pub text: String,
    /// The block element owning the text.
    pub owner: usize,
    /// Characters (non-whitespace) of text.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Block kind for output.
    pub kind: BlockKind,
}

impl RawBlock {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

fn kind_of(tag: Tag) -> BlockKind {
    match tag {
        Tag::H(l) => BlockKind::Heading(l),
        Tag::Li | Tag::Dt | Tag::Dd => BlockKind::ListItem,
        Tag::Blockquote => BlockKind::Quote,
        Tag::Td | Tag::Th | Tag::Tr => BlockKind::TableRow,
        Tag::Pre => BlockKind::Preformatted,
        _ => BlockKind::Paragraph,
    }
}

fn owner_of(dom: &Dom, mut i: usize) -> (usize, bool) {
    let mut in_link = false;
    loop {
        let p = dom.nodes[i].parent;
        if p == i {
            return (i, in_link);
        }
        let t = dom.nodes[p].tag;
        if t == Tag::A {
            in_link = true;
        }
        if t.is_block() {
            return (p, in_link);
        }
        i = p;
    }
}

struct Builder {
    blocks: Vec<RawBlock>,
    owner: usize,
    buf: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
    pending_breaks: usize,
}

impl Builder {
    fn push_text(&mut self, t: &str, in_link: bool) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if !self.buf.is_empty() {
                if self.pending_breaks >= 2 {
                    // <br><br>: a paragraph break inside one element
                    self.flush_keep_owner();
                } else if self.pending_space || self.pending_breaks == 1 {
                    self.buf.push(' ');
                }
            }
            self.pending_space = false;
            self.pending_breaks = 0;
            self.buf.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn flush_keep_owner(&mut self) {
        if self.chars > 0 {
            let text = std::mem::take(&mut self.buf);
            self.blocks.push(RawBlock {
                text,
                owner: self.owner,
                chars: self.chars,
                link_chars: self.link_chars,
                kind: BlockKind::Paragraph,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = false;
        self.pending_breaks = 0;
    }
}

/// Splits the arena into text blocks in document order.
pub fn raw_blocks(dom: &Dom) -> Vec<RawBlock> {
    let mut b = Builder {
        blocks: Vec::new(),
        owner: usize::MAX,
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        pending_space: false,
        pending_breaks: 0,
    };
    for (i, node) in dom.nodes.iter().enumerate() {
        match node.tag {
            Tag::Text => {
                let (owner, in_link) = owner_of(dom, i);
                if owner != b.owner {
                    b.flush_keep_owner();
                    b.owner = owner;
                }
                b.push_text(&node.text, in_link);
            }
            Tag::Br => {
                let (owner, _) = owner_of(dom, i);
                if owner == b.owner {
                    b.pending_breaks += 1;
                }
            }
            t if t.is_block() => {
                b.flush_keep_owner();
                b.owner = i;
            }
            _ => {}
        }
    }
    b.flush_keep_owner();
    for block in &mut b.blocks {
        block.kind = kind_of(dom.nodes[block.owner].tag);
    }
    b.blocks
}

/// Words of class/id hints that mark boilerplate wherever they appear
/// (`share-bar`, `related-stories`, `comment-list`).
const STRONG_NEG: &[&str] = &[
    "comment",
    "disqus",
    "share",
    "sharing",
    "social",
    "newsletter",
    "related",
    "recommend",
    "outbrain",
    "taboola",
    "promo",
    "advert",
    "cookie",
    "consent",
    "gdpr",
    "dsgvo",
    "breadcrumb",
    "caption",
    "byline",
    "author-bio",
    "authorbio",
    "subscri",
    "signup",
    "sign-up",
    "login",
    "print",
    "skip",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "tag-list",
    "taglist",
    "more-stories",
    "read-more",
    "readmore",
    "read-next",
    "readnext",
    "most-read",
    "mostread",
];

/// Words that make a container suspect: penalized when scoring, dropped inside the
/// article only when their text looks like chrome (links, little text).
const WEAK_NEG: &[&str] = &[
    "widget",
    "sidebar",
    "menu",
    "meta",
    "tools",
    "toolbar",
    "footer",
    "banner",
    "pagination",
    "pager",
    "hidden",
    "contact",
    "credit",
    "timestamp",
    "dateline",
    "popular",
    "trending",
    "teaser",
    "jump",
    "keywords",
    "topics",
    "masthead",
    "sponsor",
    "shopping",
    "rating",
    "navbar",
    "navigation",
    "combx",
    "footnote",
];

/// Tokens (whole words of a hint) that mark boilerplate.
fn neg_token(w: &str) -> bool {
    matches!(
        w,
        "ad" | "ads" | "adv" | "advert" | "dfp" | "nav" | "tags" | "aside" | "extra"
    )
}

/// Class tokens that describe a page layout, not the element (`has-sidebar`).
fn layout_modifier(token: &str) -> bool {
    token.starts_with("has-")
        || token.starts_with("no-")
        || token.starts_with("with-")
        || token.starts_with("is-")
        || token.starts_with("js-")
        || token.starts_with("page-")
        || token.starts_with("single")
        || token.starts_with("non-")
        // taxonomy terms a CMS stamps on a post ("category-no-newsletter", "tag-share")
        || token.starts_with("category-")
        || token.starts_with("cat-")
        || (token.starts_with("tag-") && token != "tag-list" && token != "tag-cloud")
        || token.starts_with("type-")
        || token.starts_with("status-")
        || token.starts_with("format-")
        || token.starts_with("term-")
        || token.ends_with("-enabled")
        || token.ends_with("-active")
        || token.ends_with("-open")
        || token.ends_with("-visible")
}

/// Words of class/id hints that name the article body itself (`article-body`).
const STRONG_POS: &[&str] = &[
    "article-body",
    "article__body",
    "articlebody",
    "article_body",
    "story-body",
    "story__body",
    "storybody",
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "article-content",
    "article__content",
    "articlecontent",
    "story-content",
    "article-text",
    "articletext",
    "story-text",
    "body-text",
    "bodytext",
];

/// Words of class/id hints that suggest article content.
const WEAK_POS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "rich-text",
    "richtext",
];

const SNEG: u8 = 1;
const NEG: u8 = 2;
const POS: u8 = 4;
const SPOS: u8 = 8;
const COMMENT: u8 = 16;

/// One automaton over every hint word, built once: class/id matching runs for every
/// element of every page, and a naive `contains` per word was a quarter of all time.
static HINT_WORDS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for (list, kind) in [
        (STRONG_NEG, SNEG),
        (WEAK_NEG, NEG),
        (STRONG_POS, SPOS),
        (WEAK_POS, POS),
    ] {
        for w in list {
            words.push(w);
            kinds.push(if *w == "comment" {
                SNEG | COMMENT
            } else {
                kind
            });
        }
    }
    // The word lists are constants: building cannot fail.
    #[allow(clippy::expect_used)]
    let ac = AhoCorasick::new(&words).expect("hint words form a valid automaton");
    (ac, kinds)
});

/// What the words of one class/id token say.
fn token_bits(token: &str) -> u8 {
    let (ac, kinds) = &*HINT_WORDS;
    let mut bits = 0;
    for m in ac.find_overlapping_iter(token) {
        bits |= kinds[m.pattern().as_usize()];
    }
    if token
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(neg_token)
    {
        bits |= SNEG;
    }
    bits
}

/// Bits of a BEM token: its block by the usual rules, its modifiers by whole words.
fn modifier_bits(block: &str, modifiers: &str) -> u8 {
    let mut bits = token_bits(block);
    for m in modifiers.split("--").filter(|m| !m.is_empty()) {
        let words: Vec<&str> = m.split(['-', '_']).filter(|w| !w.is_empty()).collect();
        for (j, w) in words.iter().enumerate() {
            if *w == "hidden" && j > 0 {
                continue;
            }
            if STRONG_NEG.contains(w) || neg_token(w) {
                bits |= SNEG;
            } else if WEAK_NEG.contains(w) {
                bits |= NEG;
            }
        }
    }
    bits
}

/// Verdicts for a whole hint (`SNEG`, `NEG`, `POS`, `SPOS` bits).
pub fn hint_verdict(hint: &str) -> u8 {
    let mut f = 0;
    for t in hint.split_ascii_whitespace() {
        let bits = token_bits(t);
        f |= bits & (POS | SPOS);
        if layout_modifier(t) {
            continue;
        }
        // A BEM modifier (`node--promoted`, `field--label-hidden`) says what state an
        // element is in or how it looks: there only whole words count
        // (`node--view-mode-teaser`), not parts of words (`promo` in `promoted`), and a
        // hidden part (`label-hidden`) does not hide the element.
        let bits = match t.find("--") {
            Some(i) if i > 0 => modifier_bits(&t[..i], &t[i..]),
            _ => bits,
        };
        if bits & SNEG != 0 {
            f |= NEG;
            if bits & COMMENT != 0 || bits & SPOS == 0 {
                f |= SNEG;
            }
        }
        if bits & NEG != 0 {
            f |= NEG;
        }
    }
    f
}

/// Whether a class/id hint marks boilerplate for sure (`share-bar`, `related`, `ad-slot`).
pub fn strong_negative(hint: &str) -> bool {
    hint_verdict(hint) & SNEG != 0
}

/// Whether a class/id hint marks boilerplate, surely or possibly.
pub fn negative_hint(hint: &str) -> bool {
    hint_verdict(hint) & NEG != 0
}

/// Whether a class/id hint names the article body itself (`article-body`, `entry-content`).
pub fn strong_positive(hint: &str) -> bool {
    hint_verdict(hint) & SPOS != 0
}

/// Whether a class/id hint marks article content.
pub fn positive_hint(hint: &str) -> bool {
    hint_verdict(hint) & POS != 0
}

/// Class/id verdicts for every node, computed once per page.
fn hint_flags(dom: &Dom) -> Vec<u8> {
    dom.nodes
        .iter()
        .map(|n| {
            if n.hint.is_empty() {
                0
            } else {
                hint_verdict(&n.hint)
            }
        })
        .collect()
}

fn class_weight(dom: &Dom, flags: &[u8], i: usize) -> f32 {
    let n = &dom.nodes[i];
    let mut w = 0.0;
    if flags[i] & NEG != 0 {
        w -= 25.0;
    }
    if flags[i] & POS != 0 {
        w += 25.0;
    }
    if n.itemprop.as_deref() == Some("articlebody") {
        w += 40.0;
    }
    w
}

fn tag_weight(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Section | Tag::Main => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H(_) | Tag::Th => -5.0,
        Tag::Nav | Tag::Aside | Tag::Footer => -25.0,
        _ => 0.0,
    }
}

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

/// Per-node subtree totals: (chars, link chars).
fn totals(dom: &Dom, blocks: &[RawBlock]) -> (Vec<u32>, Vec<u32>) {
    let n = dom.nodes.len();
    let mut chars = vec![0u32; n];
    let mut links = vec![0u32; n];
    for b in blocks {
        chars[b.owner] += b.chars as u32;
        links[b.owner] += b.link_chars as u32;
    }
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent;
        chars[p] += chars[i];
        links[p] += links[i];
    }
    (chars, links)
}

/// The result of content selection.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Chosen blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Owners of chosen blocks (parallel to `blocks`).
    pub owners: Vec<usize>,
    /// The chosen containers.
    pub roots: Vec<usize>,
    /// What became of each raw block (parallel to the raw blocks; empty when no
    /// container was chosen).
    pub decisions: Vec<Decision>,
}

/// Picks the article's blocks.
pub fn select(dom: &Dom, raw: &[RawBlock]) -> Selection {
    let n = dom.nodes.len();
    let (chars, links) = totals(dom, raw);
    let flags = hint_flags(dom);
    let ld = |i: usize| -> f32 {
        if chars[i] == 0 {
            0.0
        } else {
            links[i] as f32 / chars[i] as f32
        }
    };
    // Blocks under boilerplate containers (comments, related stories) never vote.
    // A container holding most of the page's running text is never boilerplate, whatever
    // its class says (malformed markup can nest the story inside a promo box).
    let mut prose = vec![0u32; n];
    for b in raw {
        if b.chars >= 60 && b.link_density() < 0.2 {
            prose[b.owner] += b.chars as u32;
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent;
        prose[p] += prose[i];
    }
    let majority = prose[0] / 2;
    let holds_majority = |i: usize| majority > 0 && prose[i] > majority;
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
    let voters = raw
        .iter()
        .filter(|b| !bad[b.owner] && b.chars >= 25)
        .count();
    let mut score = vec![f32::NAN; n];
    let init = |score: &mut Vec<f32>, i: usize| {
        if score[i].is_nan() {
            score[i] = tag_weight(dom.nodes[i].tag) + class_weight(dom, &flags, i);
        }
    };
    for b in raw {
        if b.chars < 25 || b.link_density() > 0.5 || (voters > 0 && bad[b.owner]) {
            continue;
        }
        let commas = b
            .text
            .chars()
            .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
            .count();
        let s = 1.0 + commas as f32 + (b.chars as f32 / 100.0).min(3.0);
        let owner_tag = dom.nodes[b.owner].tag;
        let mut node = if is_container(owner_tag) && owner_tag != Tag::Td {
            b.owner
        } else {
            dom.nodes[b.owner].parent
        };
        for level in 0..5 {
            init(&mut score, node);
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[node] += s / div;
            let p = dom.nodes[node].parent;
            if p == node {
                break;
            }
            node = p;
        }
    }
    let mut final_score = vec![f32::NEG_INFINITY; n];
    let mut best: Option<usize> = None;
    for i in 0..n {
        if score[i].is_nan() || i == 0 {
            continue;
        }
        final_score[i] = score[i] * (1.0 - ld(i));
        if best.is_none_or(|b| final_score[i] > final_score[b]) {
            best = Some(i);
        }
    }
    let Some(mut top) = best else {
        return Selection {
            blocks: Vec::new(),
            owners: Vec::new(),
            roots: Vec::new(),
            decisions: Vec::new(),
        };
    };
    // Several strong candidates under one ancestor: the story is split into sections
    // (each scoring like a story of its own); take the ancestor holding them.
    {
        let best_score = final_score[top];
        let mut alts: Vec<usize> = (1..n)
            .filter(|&i| {
                i != top
                    && final_score[i] >= 0.75 * best_score
                    && !dom.contains(i, top)
                    && !dom.contains(top, i)
            })
            .collect();
        alts.sort_by(|a, b| final_score[*b].total_cmp(&final_score[*a]));
        alts.truncate(5);
        if alts.len() >= 3 {
            let mut p = dom.nodes[top].parent;
            while p != 0 && dom.nodes[p].tag != Tag::Body {
                if alts.iter().filter(|&&a| dom.contains(p, a)).count() >= 3 {
                    if !bad[p] {
                        top = p;
                    }
                    break;
                }
                p = dom.nodes[p].parent;
            }
        }
    }
    // Climb while the parent holds comparable content (article split in parts).
    let mut last = final_score[top];
    let threshold = last / 3.0;
    let mut p = dom.nodes[top].parent;
    while p != 0 && dom.nodes[p].tag != Tag::Body {
        if final_score[p].is_finite() {
            if final_score[p] < threshold {
                break;
            }
            if final_score[p] > last {
                top = p;
                break;
            }
            last = final_score[p];
        }
        p = dom.nodes[p].parent;
    }
    // Climb while the parent holds clearly more running text of the same kind (a story
    // split into one container per paragraph, or parts separated by ads).
    let mut good = vec![0u32; n];
    for b in raw {
        if !bad[b.owner] && b.chars >= 60 && b.link_density() < 0.2 {
            good[b.owner] += b.chars as u32;
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent;
        good[p] += good[i];
    }
    loop {
        let p = dom.nodes[top].parent;
        if p == 0 || dom.nodes[p].tag == Tag::Body || bad[p] {
            break;
        }
        let only_child = chars[p] == chars[top];
        let grows = good[p] as f32 >= 1.5 * good[top] as f32 && ld(p) < 0.25;
        if only_child || grows {
            top = p;
        } else {
            break;
        }
    }

    // Siblings that belong to the story.
    let top_score = final_score[top].max(0.0);
    let thresh = (top_score * 0.2).max(10.0);
    let parent = dom.nodes[top].parent;
    let mut roots = Vec::new();
    let mut c = parent + 1;
    while c < dom.nodes[parent].end {
        let node = &dom.nodes[c];
        let next = node.end;
        if c == top {
            roots.push(c);
        } else if node.tag != Tag::Text && chars[c] > 0 {
            let mut bonus = 0.0;
            let first_class = |h: &str| h.split_ascii_whitespace().next().map(str::to_string);
            let similar = node.tag == dom.nodes[top].tag
                && !dom.nodes[top].hint.is_empty()
                && (node.hint == dom.nodes[top].hint
                    || first_class(&node.hint) == first_class(&dom.nodes[top].hint));
            if similar {
                bonus = top_score * 0.2;
            }
            let s = if final_score[c].is_finite() {
                final_score[c]
            } else {
                0.0
            };
            let take = if s + bonus >= thresh {
                true
            } else if good[c] >= 250 && ld(c) < 0.2 {
                // a sibling holding running text of its own
                true
            } else if node.tag == Tag::P {
                let len = chars[c];
                let d = ld(c);
                (len > 80 && d < 0.25) || (len <= 80 && d == 0.0 && ends_sentence(raw, c))
            } else {
                false
            };
            // The story's lead ("teaser", "intro", "standfirst") often sits just before
            // the body container, under a name that elsewhere marks teasers.
            let lead = c < top && ld(c) < 0.2 && chars[c] >= 50 && lead_hint(&node.hint);
            if (take && flags[c] & NEG == 0) || lead {
                roots.push(c);
            }
        }
        c = next;
    }

    let mut out = Selection {
        blocks: Vec::new(),
        owners: Vec::new(),
        roots: roots.clone(),
        decisions: Vec::with_capacity(raw.len()),
    };
    // After a teaser heading ("Related stories"), skip until the story resumes with a
    // real paragraph.
    let totals = Totals {
        flags: &flags,
        chars: &chars,
        links: &links,
        prose: &prose,
        majority,
    };
    let mut skipping = false;
    for b in raw {
        let decision = decide(b, &mut skipping, || {
            let root = roots.iter().copied().find(|&r| dom.contains(r, b.owner))?;
            Some(boilerplate_between(dom, &totals, root, b.owner))
        });
        out.decisions.push(decision);
        if decision == Decision::Kept {
            out.blocks.push(Block {
                kind: b.kind,
                text: b.text.clone(),
            });
            out.owners.push(b.owner);
        }
    }
    out
}

/// Why a block was kept or dropped (for `--explain`-style debugging and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Part of the article.
    Kept,
    /// Outside every chosen container.
    OutsideArticle,
    /// Inside a boilerplate container (share bar, related stories, caption...).
    Boilerplate,
    /// Mostly link text.
    Links,
    /// A chrome line (timestamp, credit, call to action).
    Chrome,
    /// A teaser heading, or a teaser under one.
    Teaser,
}

/// Decides one block; `placement` says whether it is inside the article (None: outside)
/// and if so whether a boilerplate container lies between.
fn decide(b: &RawBlock, skipping: &mut bool, placement: impl FnOnce() -> Option<bool>) -> Decision {
    match placement() {
        None => return Decision::OutsideArticle,
        // A credit line often sits in a "credit" box; assembly files it under credits.
        Some(_) if crate::article::is_credit_line(&b.text) => return Decision::Kept,
        Some(true) => return Decision::Boilerplate,
        Some(false) => {}
    }
    let d = b.link_density();
    if d > 0.7 || (d > 0.5 && b.chars < 100) {
        return Decision::Links;
    }
    if teaser_heading(&b.text) {
        *skipping = true;
        return Decision::Teaser;
    }
    if chrome_line(&b.text) {
        return Decision::Chrome;
    }
    if *skipping {
        let resumes =
            b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() >= 30 && d < 0.1;
        if !resumes {
            return Decision::Teaser;
        }
        *skipping = false;
    }
    Decision::Kept
}

fn ends_sentence(raw: &[RawBlock], owner: usize) -> bool {
    raw.iter()
        .rfind(|b| b.owner == owner)
        .is_some_and(|b| b.text.ends_with(['.', '!', '?', '"', '”']))
}

/// Whether a class/id names a story's lead paragraph.
fn lead_hint(hint: &str) -> bool {
    [
        "teaser",
        "lead",
        "intro",
        "standfirst",
        "summary",
        "abstract",
        "excerpt",
        "dek",
        "subtitle",
        "subheadline",
        "deck",
        "chapo",
        "kicker-text",
    ]
    .iter()
    .any(|w| hint.contains(w))
}

/// Per-node figures of a page that the block filter consults.
#[derive(Clone, Copy)]
struct Totals<'a> {
    flags: &'a [u8],
    chars: &'a [u32],
    links: &'a [u32],
    prose: &'a [u32],
    majority: u32,
}

/// Whether some element from `owner` up to (excluding) `root` is boilerplate.
fn boilerplate_between(dom: &Dom, t: &Totals<'_>, root: usize, owner: usize) -> bool {
    let Totals {
        flags,
        chars,
        links,
        prose,
        majority,
    } = *t;
    let mut i = owner;
    while i != root {
        let node = &dom.nodes[i];
        match node.tag {
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Figcaption | Tag::Figure | Tag::Form => {
                return true
            }
            _ => {}
        }
        if majority > 0 && prose[i] > majority {
            // the story itself, whatever its class says
            return false;
        }
        if flags[i] & SNEG != 0 {
            return true;
        }
        if flags[i] & NEG != 0 && flags[i] & POS == 0 {
            let c = chars[i].max(1) as f32;
            if links[i] as f32 / c > 0.3 || chars[i] < 100 {
                return true;
            }
        }
        let p = node.parent;
        if p == i {
            break;
        }
        i = p;
    }
    false
}

/// Whether a short block is page chrome rather than story text: a date/time stamp,
/// a photo credit, a call to action. Only blocks of a few words are judged.
pub fn chrome_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > 14 {
        return false;
    }
    let lower = text.to_lowercase();
    if text.contains('©')
        || lower.starts_with("photo:")
        || lower.starts_with("image:")
        || lower.starts_with("credit:")
    {
        return true;
    }
    if words <= 8 && looks_like_timestamp(&lower) {
        return true;
    }
    const CTA: &[&str] = &[
        "share this",
        "share it",
        "share on",
        "follow us",
        "follow @",
        "subscribe",
        "sign up for",
        "click here",
        "read more",
        "advertisement",
        "tell us what you think",
        "leave a comment",
        "comments",
        "all rights reserved",
        "copyright",
        "this slideshow requires",
        "newsletter",
        "anzeige",
        "werbung",
        "publicidad",
        "publicité",
    ];
    CTA.iter().any(|c| lower.contains(c))
        && (words <= 8
            || lower.starts_with(
                CTA.iter()
                    .find(|c| lower.contains(*c))
                    .copied()
                    .unwrap_or(""),
            ))
}

fn looks_like_timestamp(lower: &str) -> bool {
    let digits = lower.chars().filter(|c| c.is_ascii_digit()).count();
    if digits < 4 {
        return false;
    }
    const MARKERS: &[&str] = &[
        "posted",
        "updated",
        "published",
        "am",
        "pm",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "uhr",
        "veröffentlicht",
        "aktualisiert",
    ];
    let has_marker = lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        MARKERS
            .iter()
            .any(|m| w.starts_with(m) && w.len() <= m.len() + 6)
    });
    let iso = lower.as_bytes().windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
    });
    let dotted = lower.as_bytes().windows(10).any(|w| {
        w[..2].iter().all(u8::is_ascii_digit)
            && w[2] == b'.'
            && w[3..5].iter().all(u8::is_ascii_digit)
            && w[5] == b'.'
            && w[6..10].iter().all(u8::is_ascii_digit)
    });
    has_marker || iso || dotted
}

/// Whether a short line announces teasers, contacts or sharing rather than story:
/// "Related stories", "Lesen Sie auch", "Veja também:", "Contact:".
pub fn teaser_heading(text: &str) -> bool {
    if text.split_whitespace().count() > 7 {
        return false;
    }
    let l = text
        .trim()
        .trim_end_matches([':', '.', '…', '»', '›', '>', ' '])
        .to_lowercase();
    const HEADS: &[&str] = &[
        "related",
        "more stories",
        "more from",
        "more on this",
        "read more",
        "read also",
        "read next",
        "also read",
        "see also",
        "you may also like",
        "you might also like",
        "recommended",
        "most read",
        "most popular",
        "trending",
        "more news",
        "latest news",
        "share this",
        "share",
        "contact",
        "auch interessant",
        "das könnte sie auch",
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "mehr zu",
        "weitere themen",
        "weitere artikel",
        "weitere informationen",
        "weitere nachrichten",
        "kontakt",
        "ähnliche artikel",
        "verwandte artikel",
        "empfehlungen",
        "das könnte dich auch",
        "meistgelesen",
        "teilen",
        "lire aussi",
        "à lire aussi",
        "a lire aussi",
        "sur le même sujet",
        "voir aussi",
        "articles similaires",
        "leia também",
        "leia mais",
        "veja também",
        "veja mais",
        "lee también",
        "ver también",
        "te puede interesar",
        "noticias relacionadas",
        "artículos relacionados",
        "leggi anche",
        "potrebbe interessarti",
        "czytaj także",
        "czytaj też",
        "zobacz także",
        "zobacz też",
        "читайте также",
        "похожие статьи",
        "по теме",
        "関連記事",
        "相关文章",
        "相關文章",
        "관련기사",
        "관련 기사",
    ];
    HEADS
        .iter()
        .any(|h| l == *h || (l.starts_with(h) && l[h.len()..].starts_with([' ', ':'])))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn article_text(html: &str) -> String {
        let doc = scraper::Html::parse_document(html);
        let dom = Dom::from_html(&doc);
        let raw = raw_blocks(&dom);
        let sel = select(&dom, &raw);
        sel.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    const PARA: &str = "The county board voted on Tuesday to repave the old mill road, a project residents have asked for since the spring floods, and work should begin in May.";

    #[test]
    fn hints() {
        assert!(strong_negative("share-bar"));
        assert!(strong_negative("related-stories"));
        assert!(strong_negative("ad-slot top"));
        assert!(strong_negative("comment_content"));
        assert!(
            !strong_negative("entry-content-read-more"),
            "body name wins"
        );
        assert!(!strong_negative("has-sidebar"), "layout modifier");
        assert!(!strong_negative("category-no-newsletter"), "taxonomy term");
        assert!(!strong_negative("non-ad-column"));
        assert!(!strong_negative("header"));
        assert!(negative_hint("sidebar-widget"));
        assert!(positive_hint("story-body"));
        assert!(strong_positive("article__body"));
        assert!(!negative_hint(""));
        // BEM modifiers describe a state; only the block names the element.
        assert!(!negative_hint("node node--type-article node--promoted"));
        assert!(!negative_hint("field field--label-hidden field__item"));
        assert!(negative_hint("sidebar--left"));
        assert!(strong_negative("promo--wide"));
        assert!(negative_hint("node node--view-mode-teaser"));
        assert!(strong_negative("card--related"));
    }

    #[test]
    fn chrome_lines() {
        assert!(chrome_line("Posted: Fri 6:45 PM, Feb 16, 2018 |"));
        assert!(chrome_line("Marcus Poe 2019-11-20 17:27:46"));
        assert!(chrome_line(
            "A cyclist rides past a plant. © Wire Agency / Ana Ruiz"
        ));
        assert!(chrome_line("Like this story? Share it with a friend!"));
        assert!(chrome_line("Advertisement"));
        assert!(!chrome_line(PARA));
        assert!(!chrome_line("The vote was 7-2."));
    }

    #[test]
    fn teaser_headings() {
        assert!(teaser_heading("Related stories"));
        assert!(teaser_heading("Lesen Sie auch:"));
        assert!(teaser_heading("Veja também"));
        assert!(teaser_heading("関連記事"));
        assert!(!teaser_heading(
            "Relatedness of the two cases was disputed by the defense"
        ));
        assert!(!teaser_heading(PARA));
    }

    #[test]
    fn picks_the_story_and_drops_chrome() {
        let html = format!(
            r##"<html><body>
            <nav><a href="/">Home</a> <a href="/n">News</a></nav>
            <div class="sidebar"><p>{PARA} Sidebar copy.</p></div>
            <article><div class="story-body">
              <p>{PARA}</p>
              <div class="share-tools"><a href="#">Share on Facebook</a></div>
              <p>{PARA} Second.</p>
              <aside class="related"><a href="/x">Another story entirely</a></aside>
              <p>{PARA} Third.</p>
            </div></article>
            <section class="comments"><p>{PARA} A reader wrote this.</p></section>
            <footer><p>All rights reserved, the Example Gazette, since forever.</p></footer>
            </body></html>"##
        );
        let text = article_text(&html);
        assert!(
            text.contains("Second.") && text.contains("Third."),
            "{text}"
        );
        for junk in [
            "Sidebar copy",
            "Share on",
            "Another story",
            "A reader wrote",
            "All rights",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn keeps_every_part_of_a_split_story() {
        let html = format!(
            r#"<html><body><main>
            <div class="article-body"><p>{PARA} One.</p><p>{PARA} Two.</p></div>
            <div class="ad-slot">Advertisement</div>
            <div class="article-body"><p>{PARA} Three.</p><p>{PARA} Four.</p></div>
            </main></body></html>"#
        );
        let text = article_text(&html);
        for part in ["One.", "Two.", "Three.", "Four."] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
        assert!(!text.contains("Advertisement"));
    }

    #[test]
    fn per_paragraph_boxes_are_one_story() {
        let mut html = String::from(r#"<html><body><div class="collection">"#);
        for i in 0..6 {
            html.push_str(&format!(
                r#"<div class="card"><div class="card-content card-article"><p>{PARA} Part {i}.</p></div></div>"#
            ));
        }
        html.push_str("</div></body></html>");
        let text = article_text(&html);
        for i in 0..6 {
            assert!(
                text.contains(&format!("Part {i}.")),
                "part {i} missing: {text}"
            );
        }
    }

    #[test]
    fn teaser_section_is_skipped_until_the_story_resumes() {
        let html = format!(
            r#"<html><body><article>
            <p>{PARA} One.</p>
            <h3>Read more</h3>
            <p>Short teaser for another story</p>
            <p>{PARA} {PARA} Resumed.</p>
            </article></body></html>"#
        );
        let text = article_text(&html);
        assert!(
            text.contains("Resumed.") && !text.contains("Short teaser"),
            "{text}"
        );
    }
}
