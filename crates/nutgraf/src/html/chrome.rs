//! Chrome and boilerplate decisions on single blocks: chrome lines (timestamps,
//! credits, calls to action), teaser headings ("Related stories") and the teasers under
//! them, boilerplate containers between a block and its story container, link lists.
//! `decide` gives each block its [`Decision`].

use super::blocks::RawBlock;
use super::dom::{Dom, Tag};
use super::hints::{NEG, POS, SNEG};
use crate::blocks::BlockKind;
use crate::lexicon::calendar::MONTH_STEMS;
use crate::lexicon::chrome::{LINK_LIST_HEADINGS, TEASER_LABELS};

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

/// A block with more of its text inside links than this is a link list.
const LINKS_MAX_DENSITY: f32 = 0.7;
/// A short block ([`LINKS_SHORT_CHARS`]) with more of its text inside links than this
/// is a link list.
const LINKS_SHORT_DENSITY: f32 = 0.5;
/// Blocks under this many characters count as short for [`LINKS_SHORT_DENSITY`].
const LINKS_SHORT_CHARS: usize = 100;
/// After a teaser heading, the story resumes with a paragraph of at least this many words...
const RESUME_MIN_WORDS: usize = 30;
/// ...and less of its text inside links than this.
const RESUME_MAX_LINK_DENSITY: f32 = 0.1;

/// Decides one block; `placement` says whether it is inside the article (None: outside)
/// and if so whether a boilerplate container lies between.
pub(crate) fn decide(
    b: &RawBlock,
    skipping: &mut bool,
    placement: impl FnOnce() -> Option<bool>,
) -> Decision {
    match placement() {
        None => return Decision::OutsideArticle,
        // A credit line often sits in a "credit" box; assembly files it under credits.
        Some(_) if crate::article::is_credit_line(&b.text) => return Decision::Kept,
        Some(true) => return Decision::Boilerplate,
        Some(false) => {}
    }
    let d = b.link_density();
    if d > LINKS_MAX_DENSITY || (d > LINKS_SHORT_DENSITY && b.chars < LINKS_SHORT_CHARS) {
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
        let resumes = b.kind == BlockKind::Paragraph
            && b.text.split_whitespace().count() >= RESUME_MIN_WORDS
            && d < RESUME_MAX_LINK_DENSITY;
        if !resumes {
            return Decision::Teaser;
        }
        *skipping = false;
    }
    Decision::Kept
}

/// Per-node figures of a page that the block filter consults.
#[derive(Clone, Copy)]
pub(crate) struct Totals<'a> {
    /// Class/id verdicts ([`super::hints::hint_flags`]).
    pub flags: &'a [u8],
    /// Characters of text under each node.
    pub chars: &'a [u32],
    /// Characters inside links under each node.
    pub links: &'a [u32],
    /// Characters of running text under each node.
    pub prose: &'a [u32],
    /// Half the page's running text: a node holding more is the story.
    pub majority: u32,
}

/// A suspect container (a weak negative hint and no positive one) is boilerplate when
/// more of its text than this sits inside links...
const SUSPECT_MAX_LINK_DENSITY: f32 = 0.3;
/// ...or when it holds fewer characters than this.
const SUSPECT_MIN_CHARS: u32 = 100;

/// Whether some element from `owner` up to (excluding) `root` is boilerplate.
pub(crate) fn boilerplate_between(dom: &Dom, t: &Totals<'_>, root: usize, owner: usize) -> bool {
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
            if links[i] as f32 / c > SUSPECT_MAX_LINK_DENSITY || chars[i] < SUSPECT_MIN_CHARS {
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

/// Only blocks of at most this many words can be chrome lines.
const CHROME_MAX_WORDS: usize = 14;
/// Lines of at most this many words are judged by a timestamp or any call to action;
/// longer ones only when they start with the call to action.
const CHROME_SHORT_WORDS: usize = 8;
/// A timestamp has at least this many digits.
const TIMESTAMP_MIN_DIGITS: usize = 4;
/// A timestamp marker word may run this many bytes past the marker
/// ("posted" in "postedon", "jan" in "january").
const MARKER_MAX_EXTRA: usize = 6;
/// Only lines of at most this many words can be teaser headings.
const TEASER_HEADING_MAX_WORDS: usize = 7;

/// Whether a short block is page chrome rather than story text: a date/time stamp,
/// a photo credit, a call to action. Only blocks of a few words are judged.
pub fn chrome_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > CHROME_MAX_WORDS {
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
    if words <= CHROME_SHORT_WORDS && looks_like_timestamp(&lower) {
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
        && (words <= CHROME_SHORT_WORDS
            || lower.starts_with(
                CTA.iter()
                    .find(|c| lower.contains(*c))
                    .copied()
                    .unwrap_or(""),
            ))
}

fn looks_like_timestamp(lower: &str) -> bool {
    let digits = lower.chars().filter(|c| c.is_ascii_digit()).count();
    if digits < TIMESTAMP_MIN_DIGITS {
        return false;
    }
    // Besides the English month stems (`jan` … `dec`).
    const MARKERS: &[&str] = &[
        "posted",
        "updated",
        "published",
        "am",
        "pm",
        "uhr",
        "veröffentlicht",
        "aktualisiert",
    ];
    let has_marker = lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        MARKERS
            .iter()
            .chain(MONTH_STEMS)
            .any(|m| w.starts_with(m) && w.len() <= m.len() + MARKER_MAX_EXTRA)
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
    if text.split_whitespace().count() > TEASER_HEADING_MAX_WORDS {
        return false;
    }
    let l = text
        .trim()
        .trim_end_matches([':', '.', '…', '»', '›', '>', ' '])
        .to_lowercase();
    // Besides the lexicon's teaser labels and link-list headings.
    const HEADS: &[&str] = &[
        "more on this",
        "also read",
        "share this",
        "share",
        "contact",
        "auch interessant",
        "das könnte sie auch",
        "lesen sie mehr",
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
        "a lire aussi",
        "sur le même sujet",
        "voir aussi",
        "articles similaires",
        "leia também",
        "leia mais",
        "veja também",
        "veja mais",
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
        "相关文章",
        "相關文章",
        "관련기사",
        "관련 기사",
    ];
    TEASER_LABELS
        .iter()
        .chain(LINK_LIST_HEADINGS)
        .chain(HEADS)
        .any(|h| l == *h || (l.starts_with(h) && l[h.len()..].starts_with([' ', ':'])))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "The county board voted on Tuesday to repave the old mill road, a project residents have asked for since the spring floods, and work should begin in May.";

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
}
