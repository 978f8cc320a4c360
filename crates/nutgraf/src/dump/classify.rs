//! What one logical line of a dump looks like on its own: how much running text it
//! holds, whether it ends a sentence, whether it is page chrome.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::lines::is_cjk;
use crate::lexicon::calendar::MONTH_STEMS;
use crate::lexicon::chrome::{LINK_LIST_HEADINGS, TEASER_LABELS};

/// What a line's text alone says about it, computed once per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Words (a CJK character counts as half a word).
    pub weight: usize,
    /// Page chrome.
    pub chrome: bool,
    /// How strongly it ends the article before it (see `barrier_found`).
    pub barrier: i64,
    /// A date or time stamp.
    pub dateish: bool,
}

/// Computes a line's [`Features`], lowercasing into `buf` (reused across lines to save
/// allocations).
pub(crate) fn features_with(text: &str, buf: &mut String) -> Features {
    let weight = weight(text);
    if weight > 90 || weight > 25 && !text.starts_with('[') && !LEGAL_HINTS.is_match(text) {
        return Features {
            weight,
            chrome: false,
            barrier: 0,
            dateish: false,
        };
    }
    let t = text.trim();
    lowercase_into(t, buf);
    let lower = buf.as_str();
    let found = Found::scan(lower);
    Features {
        weight,
        chrome: chrome_found(t, lower, weight, found),
        barrier: barrier_found(lower, weight, found),
        dateish: dateish_found(lower, found),
    }
}

/// Hints that a long line may be legal boilerplate (see [`is_legal_boilerplate`]).
static LEGAL_HINTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(["ookie", "rivacy", "erms of", "contacted"])
        .expect("legal hints form a valid automaton")
});

/// `text.to_lowercase()`, written into `buf`.
fn lowercase_into(text: &str, buf: &mut String) {
    buf.clear();
    if text.is_ascii() {
        buf.push_str(text);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&text.to_lowercase());
    }
}

/// How many words a line holds (a CJK character counts as half a word).
pub fn weight(text: &str) -> usize {
    // A word starts at a character after a boundary (the start, whitespace or a CJK
    // character) and counts when it starts with a letter or digit.
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let first = bytes.first().is_some_and(u8::is_ascii_alphanumeric);
        let rest: usize = bytes
            .iter()
            .zip(&bytes[1.min(bytes.len())..])
            .map(|(a, b)| usize::from(a.is_ascii_whitespace() & b.is_ascii_alphanumeric()))
            .sum();
        return usize::from(first) + rest;
    }
    let mut words = 0;
    let mut cjk = 0;
    let mut boundary = true;
    for c in text.chars() {
        if c.is_ascii() {
            let b = c as u8;
            words += usize::from(boundary & b.is_ascii_alphanumeric());
            // `char::is_whitespace` on ASCII (it includes the vertical tab).
            boundary = matches!(b, b'\t'..=b'\r' | b' ');
        } else if is_cjk(c) {
            cjk += 1;
            boundary = true;
        } else if c.is_whitespace() {
            boundary = true;
        } else {
            words += usize::from(boundary && c.is_alphanumeric());
            boundary = false;
        }
    }
    words + cjk / 2
}

/// Whether the line ends like a sentence (closing quotes and brackets aside).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches([
        '"', '\'', '”', '’', '»', '«', ')', ']', '」', '』', '）', ' ',
    ]);
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', ';'])
}

const ANYWHERE: &[&str] = &[
    "skip to",
    "click to play",
    "click here",
    "cookie",
    "subscribe",
    "sign up for",
    "sign in",
    "log in",
    "newsletter",
    "advertisement",
    "continue reading",
    "read more",
    "read full",
    "share this",
    "share on",
    "share via",
    "follow us",
    "privacy policy",
    "terms of use",
    "terms of service",
    "image copyright",
    "image caption",
    "media caption",
    "getty images",
    "(photo",
    "photo:",
    "photograph:",
    "credit...",
    "image:",
    "video:",
    "watch:",
    "listen to",
    "download the",
    "our app",
    "enable javascript",
    "your browser",
    "back to top",
    "related articles",
    "related stories",
    "recommended for you",
    "most popular",
    "most read",
    "trending",
    "leave a comment",
    "comments",
    "loading",
    "werbung",
    "anzeige",
    "teilen",
    "abonnieren",
    "mehr zum thema",
    "publicité",
    "partager",
    "lire aussi",
    "关注",
    "分享",
    "广告",
    "シェア",
    "広告",
];

/// Substrings the checks below look for, besides [`ANYWHERE`]; their indexes in the
/// combined automaton are `ANYWHERE.len() + ` the `X_*` constants.
const EXTRA: &[&str] = &[
    "cookie",
    "website",
    "browser",
    "consent",
    "experience",
    "analytics",
    "our site",
    "privacy policy",
    "terms of",
    "agree",
    "accept",
    "can be contacted with any questions",
    "©",
    "all rights reserved",
    "://",
    " ago",
    "年",
    "月",
    "comment",
    "response",
    "repl",
    "thought",
];
const X_COOKIE: u32 = 0;
const X_WEBSITE: u32 = 1;
const X_OUR_SITE: u32 = 6;
const X_PRIVACY_POLICY: u32 = 7;
const X_TERMS_OF: u32 = 8;
const X_AGREE: u32 = 9;
const X_ACCEPT: u32 = 10;
const X_CONSENT: u32 = 3;
const X_CONTACTED: u32 = 11;
const X_COPYRIGHT_SIGN: u32 = 12;
const X_ALL_RIGHTS: u32 = 13;
const X_URL: u32 = 14;
const X_AGO: u32 = 15;
const X_YEAR: u32 = 16;
const X_MONTH: u32 = 17;
const X_COMMENT: u32 = 18;
const X_THOUGHT: u32 = 21;

/// [`ANYWHERE`] followed by [`EXTRA`], searched in one pass.
static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(ANYWHERE.iter().chain(EXTRA))
        .expect("chrome words form a valid automaton")
});

/// Which of the [`WORDS`] occur in a (lowercased) line.
#[derive(Debug, Clone, Copy)]
struct Found(u128);

impl Found {
    fn scan(lower: &str) -> Found {
        let mut bits = 0u128;
        for m in WORDS.find_overlapping_iter(lower) {
            bits |= 1u128 << m.pattern().as_u32();
        }
        Found(bits)
    }

    /// Whether `EXTRA[x]` occurs.
    fn has(self, x: u32) -> bool {
        self.0 >> (ANYWHERE.len() as u32 + x) & 1 == 1
    }

    /// Whether the extras `from..=to` include one that occurs.
    fn any(self, from: u32, to: u32) -> bool {
        (from..=to).any(|x| self.has(x))
    }

    /// Whether one of [`ANYWHERE`] occurs.
    fn anywhere(self) -> bool {
        self.0 & ((1u128 << ANYWHERE.len()) - 1) != 0
    }
}

/// Whether a short line is page chrome: navigation, sharing, subscription and cookie
/// prompts, media notes, image placeholders, copyright footers. (The reader gets it
/// from [`features_with`]; this entry serves the table of cases.)
#[cfg(test)]
fn is_chrome(text: &str, weight: usize) -> bool {
    let lower = text.trim().to_lowercase();
    chrome_found(text.trim(), &lower, weight, Found::scan(&lower))
}

fn chrome_found(t: &str, lower: &str, weight: usize, found: Found) -> bool {
    if t.is_empty() {
        return true;
    }
    if t.starts_with('[') && (t.ends_with(']') || t.contains("]")) && weight <= 12 {
        // image alt texts, form fields and buttons: "[logo]", "[        ]Search"
        return true;
    }
    if weight <= 90 && is_legal_boilerplate(found) {
        return true;
    }
    if weight > 25 {
        return false;
    }
    if found.has(X_COPYRIGHT_SIGN) || lower.starts_with("copyright") || found.has(X_ALL_RIGHTS) {
        return true;
    }
    if found.has(X_URL) || lower.starts_with("www.") {
        return weight <= 8;
    }
    if found.anywhere() {
        return true;
    }
    const WHOLE: &[&str] = &[
        "share",
        "tweet",
        "email",
        "e-mail",
        "print",
        "menu",
        "search",
        "home",
        "close",
        "next",
        "previous",
        "more",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "instagram",
        "youtube",
        "copy link",
        "link copied",
        "save",
        "comment",
        "top",
        "navigation",
        "sections",
        "open",
        "toggle",
        "login",
        "register",
        "sign up",
        "play",
        "pause",
        "mute",
        "replay",
        "video",
        "audio",
        "photos",
        "gallery",
        "close menu",
        "view comments",
        "show more",
        "load more",
        "see more",
        "back",
        "accept",
        "reject",
        "ok",
        "yes",
        "no",
        "español",
        "english",
        "deutsch",
        "français",
    ];
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if WHOLE.contains(&bare) {
        return true;
    }
    // "1 of 12", "Photo 3/12", "02:15" (video lengths)
    let digits = t.chars().filter(char::is_ascii_digit).count();
    weight <= 4 && digits > 0 && digits * 2 >= t.chars().filter(|c| !c.is_whitespace()).count()
}

/// Cookie banners and terms: chrome even when they run long.
fn is_legal_boilerplate(found: Found) -> bool {
    // "website", "browser", "consent", "experience", "analytics", "our site"
    (found.has(X_COOKIE) && found.any(X_WEBSITE, X_OUR_SITE))
        || (found.has(X_PRIVACY_POLICY) || found.has(X_TERMS_OF))
            && (found.has(X_AGREE) || found.has(X_ACCEPT) || found.has(X_CONSENT))
        || found.has(X_CONTACTED)
}

fn barrier_found(lower: &str, weight: usize, found: Found) -> i64 {
    if weight > 16 {
        return 0;
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphabetic());
    const COMMENTS: &[&str] = &[
        "comments",
        "comment",
        "responses",
        "replies",
        "leave a reply",
        "leave a comment",
        "post a comment",
        "add a comment",
        "join the discussion",
        "join the conversation",
        "discussion",
        "reader comments",
        "kommentare",
        "commentaires",
        "comentarios",
        "评论",
        "コメント",
    ];
    // "comment", "response", "repl", "thought"
    let counted =
        lower.starts_with(|c: char| c.is_ascii_digit()) && found.any(X_COMMENT, X_THOUGHT);
    if (COMMENTS.contains(&bare) || bare.ends_with(" comments") && weight <= 3) && weight <= 8
        || counted
    {
        return 1000;
    }
    // Besides the lexicon's link-list headings.
    const ENDS: &[&str] = &[
        "related articles",
        "related stories",
        "related posts",
        "related news",
        "related content",
        "recommended for you",
        "up next",
        "trending news",
        "trending now",
        "about the author",
        "tell us what you think",
        "what do you think",
        "top stories",
        "don't miss",
        "das könnte sie auch interessieren",
        "相关新闻",
        "相关阅读",
    ];
    if weight > 8 {
        return 0;
    }
    if LINK_LIST_HEADINGS.contains(&bare)
        || ENDS.contains(&bare)
        || lower.starts_with('©')
        || lower.starts_with("copyright")
    {
        return 60;
    }
    // Labels of teaser boxes that often sit between paragraphs, besides the lexicon's.
    const TEASERS: &[&str] = &["leer más"];
    if TEASER_LABELS.contains(&bare) || TEASERS.contains(&bare) {
        return 20;
    }
    0
}

/// Whether a short line reads like a headline: a few words, not a sentence with a
/// full stop, starting with a capital (or a CJK character).
pub fn is_headline_like(text: &str, weight: usize) -> bool {
    if !(2..=30).contains(&weight) {
        return false;
    }
    let t = text.trim();
    if t.ends_with('.') && !t.ends_with("...") || t.ends_with(':') || t.ends_with(',') {
        return false;
    }
    t.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_cjk(c) || !c.is_lowercase())
}

fn dateish_found(lower: &str, found: Found) -> bool {
    if lower.len() > 120 || !lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // Besides the English month stems (`jan` … `dec`).
    const MARKERS: &[&str] = &[
        "januar",
        "februar",
        "märz",
        "mai",
        "juni",
        "juli",
        "okt",
        "dez",
        "updated",
        "published",
        "veröffentlicht",
        "aktualisiert",
    ];
    let words = lower.split_whitespace().count();
    if words > 10 {
        return false;
    }
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    if has_digit && found.has(X_AGO) {
        return true;
    }
    has_digit
        && (lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| MONTH_STEMS.contains(&w) || MARKERS.contains(&w))
            || found.has(X_YEAR) && found.has(X_MONTH)
            || lower.chars().all(|c| {
                c.is_ascii_digit() || " .:/-,".contains(c) || c.is_alphabetic() && words <= 3
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights() {
        assert_eq!(weight("Crews battled drifts on Sunday."), 5);
        assert_eq!(weight("東京都は月曜日"), 3);
        assert_eq!(weight("— --"), 0);
    }

    #[test]
    fn found_matches_naive_search() {
        let samples = [
            "we use cookies on our website to improve your experience",
            "read the privacy policy and terms of use; you agree and accept",
            "posted 3 hours ago · 12 comments · 4 replies · 2 thoughts",
            "2024年3月5日 广告 分享",
            "© 2024 all rights reserved https://example.com",
            "can be contacted with any questions",
            "plain words here",
            "",
        ];
        for s in samples {
            let found = Found::scan(s);
            for (i, p) in ANYWHERE.iter().chain(EXTRA).enumerate() {
                assert_eq!(found.0 >> i & 1 == 1, s.contains(p), "{s:?} {p:?}");
            }
        }
        assert!(ANYWHERE.len() + EXTRA.len() <= 128);
        for (x, p) in [
            (X_COOKIE, "cookie"),
            (X_WEBSITE, "website"),
            (X_CONSENT, "consent"),
            (X_OUR_SITE, "our site"),
            (X_PRIVACY_POLICY, "privacy policy"),
            (X_TERMS_OF, "terms of"),
            (X_AGREE, "agree"),
            (X_ACCEPT, "accept"),
            (X_CONTACTED, "can be contacted with any questions"),
            (X_COPYRIGHT_SIGN, "©"),
            (X_ALL_RIGHTS, "all rights reserved"),
            (X_URL, "://"),
            (X_AGO, " ago"),
            (X_YEAR, "年"),
            (X_MONTH, "月"),
            (X_COMMENT, "comment"),
            (X_THOUGHT, "thought"),
        ] {
            assert_eq!(EXTRA[x as usize], p);
        }
    }

    #[test]
    fn weight_matches_simple_count() {
        fn simple(text: &str) -> usize {
            let mut words = 0;
            let mut cjk = 0;
            let mut in_word = false;
            for c in text.chars() {
                if is_cjk(c) {
                    cjk += 1;
                    in_word = false;
                } else if c.is_whitespace() && !(text.is_ascii() && c == '\x0b') {
                    in_word = false;
                } else if !in_word {
                    in_word = true;
                    words += usize::from(c.is_alphanumeric());
                }
            }
            words + cjk / 2
        }
        for t in [
            "Crews battled drifts on Sunday.",
            "“Quoted,” he said — twice. 3 km",
            "東京都は月曜日 and 12 more\u{a0}words\x0bhere",
            "a\x0bb c",
            "a\x0bb ü",
            "  -- ... ¿Qué?  ",
        ] {
            assert_eq!(weight(t), simple(t), "{t:?}");
        }
    }

    #[test]
    fn chrome() {
        for t in [
            "Skip to main content",
            "Click to play",
            "Share",
            "Subscribe now",
            "We use cookies to improve your experience.",
            "© 2024 Example News",
            "[logo]",
            "1 of 12",
        ] {
            assert!(is_chrome(t, weight(t)), "{t}");
        }
        for t in [
            "Crews battled drifts up to ten feet deep on Sunday.",
            "Storm closes pass",
        ] {
            assert!(!is_chrome(t, weight(t)), "{t}");
        }
    }
}
