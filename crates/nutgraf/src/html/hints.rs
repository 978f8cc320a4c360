//! Class/id word hints: what the words of an element's `class` and `id` say about it
//! (boilerplate for sure, suspect, article content, the article body itself).
//!
//! The word lists live here, together with the small hint lists that the selection and
//! role steps consult (a story's lead, a highlights box).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::dom::Dom;

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

/// Verdict bit: boilerplate for sure (a `STRONG_NEG` word or a boilerplate token).
pub(crate) const SNEG: u8 = 1;
/// Verdict bit: boilerplate, surely or possibly (any negative word).
pub(crate) const NEG: u8 = 2;
/// Verdict bit: article content (a `WEAK_POS` or `STRONG_POS` word).
pub(crate) const POS: u8 = 4;
/// Verdict bit: the article body itself (a `STRONG_POS` word).
pub(crate) const SPOS: u8 = 8;
/// Word bit: a comments box, boilerplate even under a body name.
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
#[cfg(test)]
fn strong_negative(hint: &str) -> bool {
    hint_verdict(hint) & SNEG != 0
}

/// Whether a class/id hint marks boilerplate, surely or possibly.
#[cfg(test)]
fn negative_hint(hint: &str) -> bool {
    hint_verdict(hint) & NEG != 0
}

/// Whether a class/id hint names the article body itself (`article-body`, `entry-content`).
#[cfg(test)]
fn strong_positive(hint: &str) -> bool {
    hint_verdict(hint) & SPOS != 0
}

/// Whether a class/id hint marks article content.
#[cfg(test)]
fn positive_hint(hint: &str) -> bool {
    hint_verdict(hint) & POS != 0
}

/// Class/id verdicts for every node, computed once per page.
pub(crate) fn hint_flags(dom: &Dom) -> Vec<u8> {
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

/// Whether a class/id names a story's lead paragraph.
pub(crate) fn lead_hint(hint: &str) -> bool {
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

/// Whether a class/id names a box of the page's own highlights (key points, takeaways).
pub(crate) fn highlights_hint(hint: &str) -> bool {
    [
        "highlight",
        "key-points",
        "keypoints",
        "takeaway",
        "tldr",
        "summary-list",
        "bullet-summary",
    ]
    .iter()
    .any(|h| hint.contains(h))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
