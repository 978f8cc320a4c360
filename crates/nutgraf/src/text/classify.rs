//! What one logical line of a dump looks like on its own: how much running text it
//! holds, whether it ends a sentence, whether it is page chrome.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::lines::is_cjk;

/// What a line's text alone says about it, computed once per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Words (a CJK character counts as half a word).
    pub weight: usize,
    /// Page chrome.
    pub chrome: bool,
    /// How strongly it ends the article before it (see [`barrier`]).
    pub barrier: i64,
    /// A date or time stamp.
    pub dateish: bool,
}

/// Computes a line's [`Features`].
pub fn features(text: &str) -> Features {
    let weight = weight(text);
    let legal_hint = || {
        ["ookie", "rivacy", "erms of", "contacted"]
            .iter()
            .any(|h| text.contains(h))
    };
    if weight > 90 || weight > 25 && !text.starts_with('[') && !legal_hint() {
        return Features {
            weight,
            chrome: false,
            barrier: 0,
            dateish: false,
        };
    }
    let lower = text.trim().to_lowercase();
    Features {
        weight,
        chrome: chrome_lower(text.trim(), &lower, weight),
        barrier: barrier_lower(&lower, weight),
        dateish: dateish_lower(&lower),
    }
}

/// How many words a line holds (a CJK character counts as half a word).
pub fn weight(text: &str) -> usize {
    if text.is_ascii() {
        let mut words = 0;
        let mut in_word = false;
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += usize::from(b.is_ascii_alphanumeric());
            }
        }
        return words;
    }
    let mut words = 0;
    let mut cjk = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            if c.is_alphanumeric() {
                words += 1;
            }
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

static CHROME_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(ANYWHERE).expect("chrome words form a valid automaton"));

/// Whether a short line is page chrome: navigation, sharing, subscription and cookie
/// prompts, media notes, image placeholders, copyright footers.
pub fn is_chrome(text: &str, weight: usize) -> bool {
    chrome_lower(text.trim(), &text.trim().to_lowercase(), weight)
}

fn chrome_lower(t: &str, lower: &str, weight: usize) -> bool {
    if t.is_empty() {
        return true;
    }
    if t.starts_with('[') && (t.ends_with(']') || t.contains("]")) && weight <= 12 {
        // image alt texts, form fields and buttons: "[logo]", "[        ]Search"
        return true;
    }
    if weight <= 90 && is_legal_boilerplate(lower) {
        return true;
    }
    if weight > 25 {
        return false;
    }
    if lower.contains('©')
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
    {
        return true;
    }
    if lower.contains("://") || lower.starts_with("www.") {
        return weight <= 8;
    }
    if CHROME_WORDS.is_match(lower) {
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
fn is_legal_boilerplate(lower: &str) -> bool {
    (lower.contains("cookie")
        && [
            "website",
            "browser",
            "consent",
            "experience",
            "analytics",
            "our site",
        ]
        .iter()
        .any(|w| lower.contains(w)))
        || (lower.contains("privacy policy") || lower.contains("terms of"))
            && (lower.contains("agree") || lower.contains("accept") || lower.contains("consent"))
        || lower.contains("can be contacted with any questions")
}

/// How strongly a short label line ends what came before it: a comments section ends
/// an article for good, "Related stories" or a copyright footer very likely.
pub fn barrier(text: &str, weight: usize) -> i64 {
    barrier_lower(&text.trim().to_lowercase(), weight)
}

fn barrier_lower(lower: &str, weight: usize) -> i64 {
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
    let counted = lower.starts_with(|c: char| c.is_ascii_digit())
        && ["comment", "response", "repl", "thought"]
            .iter()
            .any(|w| lower.contains(w));
    if (COMMENTS.contains(&bare) || bare.ends_with(" comments") && weight <= 3) && weight <= 8
        || counted
    {
        return 1000;
    }
    const ENDS: &[&str] = &[
        "related articles",
        "related stories",
        "related posts",
        "related news",
        "related content",
        "you may also like",
        "you might also like",
        "more from",
        "more stories",
        "more news",
        "recommended",
        "recommended for you",
        "read next",
        "up next",
        "most popular",
        "most read",
        "trending",
        "trending news",
        "trending now",
        "about the author",
        "tell us what you think",
        "what do you think",
        "latest news",
        "top stories",
        "don't miss",
        "das könnte sie auch interessieren",
        "相关新闻",
        "相关阅读",
        "関連記事",
    ];
    if weight > 8 {
        return 0;
    }
    if ENDS.contains(&bare) || lower.starts_with('©') || lower.starts_with("copyright") {
        return 60;
    }
    // Labels of teaser boxes that often sit between paragraphs.
    const TEASERS: &[&str] = &[
        "related",
        "read more",
        "read also",
        "see also",
        "mehr zum thema",
        "lesen sie auch",
        "lire aussi",
        "à lire aussi",
        "leer más",
        "lee también",
    ];
    if TEASERS.contains(&bare) {
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

/// Whether a line is a date or time stamp ("Nov. 19, 2019 8:03 am ET", "2024-03-05").
pub fn is_dateish(text: &str) -> bool {
    dateish_lower(&text.to_lowercase())
}

fn dateish_lower(lower: &str) -> bool {
    if !lower.bytes().any(|b| b.is_ascii_digit()) || lower.len() > 120 {
        return false;
    }
    const MONTHS: &[&str] = &[
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
    if has_digit && lower.contains(" ago") {
        return true;
    }
    has_digit
        && (lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| MONTHS.contains(&w))
            || lower.contains("年") && lower.contains("月")
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
