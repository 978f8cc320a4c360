//! Removes the bodies of `<script>` and `<style>` elements before parsing.
//!
//! Half the bytes of a typical news page are scripts and styles, which html5ever must
//! still tokenize character by character although nothing of them reaches the article.
//! Cutting them out first nearly halves parse time. Written by hand because it is a
//! narrow, lossless-for-us rewrite no HTML crate offers: only raw-text element bodies go,
//! JSON-LD scripts (page metadata) stay, comments are skipped over untouched, and an
//! unclosed element is left as it was for the parser to handle.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

const OPEN: usize = 0; // "<script"
const STYLE: usize = 1; // "<style"
const COMMENT: usize = 2; // "<!--"

#[allow(clippy::expect_used)] // constant patterns: building cannot fail
static STARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(["<script", "<style", "<!--"])
        .expect("valid patterns")
});

#[allow(clippy::expect_used)]
static ENDS: LazyLock<[AhoCorasick; 2]> = LazyLock::new(|| {
    let b = |p: &str| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build([p])
            .expect("valid pattern")
    };
    [b("</script"), b("</style")]
});

/// The page with script and style bodies removed (JSON-LD kept).
pub fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already accounted for in `out`
    let mut pos = 0;
    while let Some(m) = STARTS.find(&html[pos..]) {
        let start = pos + m.start();
        let after = pos + m.end();
        let kind = m.pattern().as_usize();
        if kind == COMMENT {
            pos = html[after..]
                .find("-->")
                .map_or(html.len(), |i| after + i + 3);
            continue;
        }
        // The tag name must end here: "<scripts" or "<styled" are other elements.
        match bytes.get(after) {
            Some(b) if b.is_ascii_whitespace() || *b == b'>' || *b == b'/' => {}
            _ => {
                pos = after;
                continue;
            }
        }
        let Some(gt) = html[after..].find('>').map(|i| after + i) else {
            break;
        };
        let tag = html[start..gt].to_ascii_lowercase();
        let keep = kind == OPEN && tag.contains("json");
        // A client-side template holding the article's HTML (some blog platforms ship
        // the post that way): let the parser see it as an ordinary element.
        let template = kind == OPEN
            && (tag.contains("text/template") || tag.contains("text/html"))
            && html[gt + 1..].trim_start().starts_with('<');
        let end_finder = &ENDS[if kind == STYLE { 1 } else { 0 }];
        let Some(close) = end_finder.find(&html[gt + 1..]).map(|m| gt + 1 + m.start()) else {
            break;
        };
        if template && close > gt + 1 {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            o.push_str(&html[copied..start]);
            o.push_str("<div class=\"template\">");
            o.push_str(&html[gt + 1..close]);
            o.push_str("</div><script>");
            copied = close;
        } else if !keep && close > gt + 1 {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            o.push_str(&html[copied..=gt]);
            copied = close;
        }
        pos = close + 2;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_raw_text;

    #[test]
    fn removes_script_and_style_bodies() {
        let page = "<p>a</p><script>var x = '<p>no</p>';</script><STYLE type=x>p{}</Style><p>b</p>";
        assert_eq!(
            strip_raw_text(page),
            "<p>a</p><script></script><STYLE type=x></Style><p>b</p>"
        );
    }

    #[test]
    fn keeps_json_ld_comments_and_lookalikes() {
        let page = r#"<script type="application/ld+json">{"a":1}</script><!-- <script> --><p>x</p><scripture>y</scripture>"#;
        assert_eq!(strip_raw_text(page), page);
    }

    #[test]
    fn opens_templates() {
        let page = "<div><script type='text/template'><p>Story</p></script></div>";
        assert_eq!(
            strip_raw_text(page),
            "<div><div class=\"template\"><p>Story</p></div><script></script></div>"
        );
    }

    #[test]
    fn leaves_unclosed_elements_alone() {
        for page in [
            "<p>a</p><script>never closed",
            "<style",
            "<script src=x",
            "<!-- open",
        ] {
            assert_eq!(strip_raw_text(page), page);
        }
    }

    #[test]
    fn multibyte_text_survives() {
        let page = "<p>日本語</p><script>ü</script><p>Ünïcödé</p>";
        assert_eq!(
            strip_raw_text(page),
            "<p>日本語</p><script></script><p>Ünïcödé</p>"
        );
    }
}

/// Deepest element nesting handed to the parser. Real pages stay far below it.
pub const MAX_PARSE_DEPTH: usize = 512;

/// Elements that never have content, and elements whose end tag may be left out:
/// neither kind is counted as nesting.
fn uncounted(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"option"
            | b"optgroup"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"script"
            | b"style"
    )
}

/// Drops start and end tags nested deeper than [`MAX_PARSE_DEPTH`].
///
/// html5ever handles each start tag in time proportional to the open elements, so a
/// hostile page of 100,000 nested `<div>`s takes minutes to parse. Tags past the cap are
/// removed (their text stays, flattened into the deepest kept element). Written by hand
/// because it must run before any parser; it is a tag-level approximation that only
/// changes pages nested deeper than any real page.
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize; // open tags removed and not yet closed
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = html[lt..].find("-->").map_or(bytes.len(), |e| lt + e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = lt + 1;
            continue;
        }
        let Some(gt) = bytes[name_start..].iter().position(|&b| b == b'>') else {
            break;
        };
        let end = name_start + gt + 1;
        let mut buf = [0u8; 10];
        let raw_name = &bytes[name_start..name_start + name_len];
        let name: &[u8] = if name_len <= buf.len() {
            buf[..name_len].copy_from_slice(raw_name);
            buf[..name_len].make_ascii_lowercase();
            &buf[..name_len]
        } else {
            raw_name // longer than any uncounted name: counted either way
        };
        let self_closing = bytes[end - 2] == b'/';
        let mut drop_tag = false;
        if !uncounted(name) && !self_closing {
            if closing {
                if dropped > 0 {
                    dropped -= 1;
                    drop_tag = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if depth >= MAX_PARSE_DEPTH {
                dropped += 1;
                drop_tag = true;
            } else {
                depth += 1;
            }
        }
        if drop_tag {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod nesting_tests {
    use super::{cap_nesting, MAX_PARSE_DEPTH};

    #[test]
    fn ordinary_pages_are_untouched() {
        let page =
            "<html><body><div><p>a<p>b<br><img src=x><div class=y>c</div></div></body></html>";
        assert!(matches!(cap_nesting(page), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let n = MAX_PARSE_DEPTH + 100;
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let capped = cap_nesting(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_PARSE_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_PARSE_DEPTH);
        assert!(capped.contains("deep text"));
    }

    #[test]
    fn odd_markup_does_not_panic() {
        for page in [
            "<", "</", "<div", "<!--", "<a/>", "</>", "<div/>", "< div>", "<é>",
        ] {
            let _ = cap_nesting(page);
        }
    }
}
