//! Page input: raw bytes → decoded text, and the input format (HTML or plain text).
//!
//! [`decode`] picks a charset in this order:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which is stripped;
//! 2. the `charset` parameter of the `Content-Type` header, if one was given;
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
//!    declaration in the first 4 KB (a byte-level prescan, like browsers do);
//! 4. UTF-8 if the bytes are valid UTF-8, otherwise a guess by [`chardetng`].
//!
//! Declared labels are resolved with the WHATWG rules of [`encoding_rs`], so a page that
//! declares ISO-8859-1 is read as windows-1252 (which it almost always really is).
//! Invalid byte sequences become U+FFFD; decoding never panics.
//!
//! Before decoding, the first few KB are checked for signs of binary data (NUL bytes,
//! control characters, well-known file signatures), which is reported as [`Error::Binary`].
use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::Error;

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// An HTML page.
    Html,
    /// A page dumped as text (w3m, lynx, copy-paste), chrome included.
    Dump,
    /// Already-clean article text: kept whole.
    Article,
}

/// Decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (without a byte order mark).
    pub text: String,
    /// Name of the charset used, as `encoding_rs` spells it (`"UTF-8"`, `"windows-1252"`, …).
    pub encoding: &'static str,
    /// Whether invalid byte sequences were replaced with U+FFFD.
    pub had_errors: bool,
}

/// How many leading bytes are checked for binary data.
const BINARY_SNIFF_LEN: usize = 8 * 1024;
/// How many leading bytes are searched for a `<meta>` charset declaration.
const META_PRESCAN_LEN: usize = 4 * 1024;
/// How many bytes at most are fed to the charset detector.
const DETECT_LEN: usize = 1024 * 1024;
/// How many leading bytes [`detect_format`] looks at.
const FORMAT_SNIFF_LEN: usize = 4 * 1024;

/// Decodes the bytes of a page into text.
///
/// `content_type` is the HTTP `Content-Type` header that came with the bytes, if any; its
/// charset wins over a `<meta>` declaration in the page and over detection (a byte order
/// mark still wins over it).
///
/// # Errors
///
/// [`Error::Empty`] if there is no text (or only whitespace); [`Error::Binary`] if the bytes
/// look like a binary file rather than a page or text.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<Decoded, Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return finish(encoding, body, bom_len);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| resolve_label(label, false));
    // A UTF-16 document without a byte order mark is full of NUL bytes: only check those
    // after decoding.
    // A UTF-16 label on bytes without a single NUL byte in their head is wrong (UTF-16
    // text of any script has NULs or is not text at all): the bytes win over the label.
    let declared = declared.filter(|&e| !is_utf16(e) || has_nul_in_head(bytes));
    let utf16 = declared.is_some_and(is_utf16);
    if !utf16 {
        if let Some(reason) = binary_reason(bytes) {
            return Err(Error::Binary { reason });
        }
    }
    let encoding = match declared.or_else(|| prescan_meta(bytes)) {
        Some(encoding) => encoding,
        // Valid UTF-8 needs no decoding (nor a second validation).
        None => match std::str::from_utf8(bytes) {
            Ok(text) => {
                if text.trim().is_empty() {
                    return Err(Error::Empty);
                }
                return Ok(Decoded {
                    text: text.to_owned(),
                    encoding: UTF_8.name(),
                    had_errors: false,
                });
            }
            Err(_) => detect_charset(bytes),
        },
    };
    finish(encoding, bytes, 0)
}

/// Whether an encoding is one of the two UTF-16s.
fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// Whether the first [`DETECT_LEN`] bytes hold a NUL byte.
fn has_nul_in_head(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(DETECT_LEN)]).is_some()
}

/// Decodes `body` (which starts `offset` bytes into the input) and checks the result.
fn finish(encoding: &'static Encoding, body: &[u8], offset: usize) -> Result<Decoded, Error> {
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if encoding == UTF_16LE || encoding == UTF_16BE {
        if let Some(reason) = binary_reason_in_text(&text, offset) {
            return Err(Error::Binary { reason });
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    })
}

/// Whether a byte is a control character that does not occur in text.
fn is_suspicious_control(b: u8) -> bool {
    // Tab, line feed, form feed, carriage return are text; ESC (0x1b) occurs in
    // ISO-2022-JP text and terminal dumps.
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b)) || b == 0x7f
}

/// Whether `count` suspicious characters among `total` make the input binary.
fn too_many_controls(count: usize, total: usize) -> bool {
    // More than 5 % of the sample, and more than a couple of stray characters.
    count >= 4 && count * 20 > total
}

/// Well-known signatures of binary files that can reach a page reader by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an ELF executable"),
];

/// Why the bytes look binary, if they do.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    for (signature, what) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(format!("starts with the signature of {what}"));
        }
    }
    let sample = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    // `contains` is a fast scan; look for the position only when there is one.
    if sample.contains(&0) {
        let offset = sample.iter().position(|&b| b == 0).unwrap_or(0);
        return Some(format!("NUL byte at offset {offset}"));
    }
    let count = sample.iter().filter(|&&b| is_suspicious_control(b)).count();
    if too_many_controls(count, sample.len()) {
        let first = sample
            .iter()
            .position(|&b| is_suspicious_control(b))
            .unwrap_or(0);
        return Some(format!(
            "{count} control bytes in the first {} bytes, the first at offset {first}",
            sample.len()
        ));
    }
    None
}

/// Why decoded UTF-16 text looks binary, if it does. `offset` is where the text started
/// in the input (after the byte order mark).
fn binary_reason_in_text(text: &str, offset: usize) -> Option<String> {
    let mut count = 0;
    let mut total = 0;
    let mut first = None;
    for (i, c) in text.chars().take(BINARY_SNIFF_LEN / 2).enumerate() {
        total += 1;
        if c == '\0' {
            // Two bytes per character in the BMP, which is where a NUL lives.
            let at = offset + 2 * i;
            return Some(format!("NUL character at offset {at} (UTF-16)"));
        }
        if u8::try_from(u32::from(c)).is_ok_and(is_suspicious_control) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    if too_many_controls(count, total) {
        let first = offset + 2 * first.unwrap_or(0);
        return Some(format!(
            "{count} control characters in the first {total} UTF-16 characters, the first at offset {first}"
        ));
    }
    None
}

/// The `charset` parameter of a `Content-Type` value.
fn charset_param(content_type: &str) -> Option<&[u8]> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then_some(value.as_bytes())
    })
}

/// Resolves a charset label to an encoding, with the HTML rules for labels found in
/// `<meta>`: UTF-16 there means UTF-8 (the page was readable as ASCII to find the
/// declaration) and x-user-defined means windows-1252. Labels that map to the
/// "replacement" encoding (ISO-2022-KR and the like) are ignored, as are unknown ones.
fn resolve_label(label: &[u8], from_meta: bool) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label)?;
    if encoding == REPLACEMENT {
        return None;
    }
    if from_meta {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            return Some(UTF_8);
        }
        if encoding == X_USER_DEFINED {
            return Some(WINDOWS_1252);
        }
    }
    Some(encoding)
}

/// Whether `haystack` starts with `needle`, ASCII case-insensitively (`needle` lowercase).
fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len()
        && haystack
            .iter()
            .zip(needle)
            .all(|(h, n)| h.to_ascii_lowercase() == *n)
}

/// Position of `needle` in `haystack`, ASCII case-insensitively (`needle` lowercase, not
/// empty).
fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut from = 0;
    while from + needle.len() <= haystack.len() {
        let at = from
            + haystack[from..=haystack.len() - needle.len()]
                .iter()
                .position(|b| b.to_ascii_lowercase() == *first)?;
        if starts_with_ci(&haystack[at..], needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Position of the next `b` in `haystack` from `from` on.
fn find_byte(haystack: &[u8], from: usize, b: u8) -> Option<usize> {
    let rest = haystack.get(from..)?;
    // `contains` is a fast scan; most text has no `<` at all.
    if !rest.contains(&b) {
        return None;
    }
    rest.iter().position(|&x| x == b).map(|p| p + from)
}

/// The encoding declared by a `<meta>` tag in the first [`META_PRESCAN_LEN`] bytes.
fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_LEN)];
    let mut i = 0;
    while let Some(at) = find_byte(head, i, b'<') {
        let rest = &head[at..];
        if rest.starts_with(b"<!--") {
            // Skip the comment; one left open runs to the end of the prescan.
            i = find_ci(&head[at + 4..], b"-->")? + at + 7;
            continue;
        }
        if starts_with_ci(rest, b"<meta")
            && rest
                .get(5)
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
        {
            let end = find_byte(head, at, b'>').unwrap_or(head.len());
            if let Some(encoding) = charset_in_meta(&head[at + 5..end]) {
                return Some(encoding);
            }
            i = end;
            continue;
        }
        i = at + 1;
    }
    None
}

/// The encoding named by a `charset=` inside the attributes of one `<meta>` tag, whether
/// it is the `charset` attribute or part of a `content` attribute.
fn charset_in_meta(tag: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(p) = find_ci(&tag[from..], b"charset") {
        let mut j = from + p + b"charset".len();
        from = j;
        while tag.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if tag.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while tag
            .get(j)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'"' || b == b'\'')
        {
            j += 1;
        }
        let start = j;
        while tag.get(j).is_some_and(|&b| {
            !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
        }) {
            j += 1;
        }
        if let Some(encoding) = resolve_label(&tag[start..j], true) {
            return Some(encoding);
        }
    }
    None
}

/// Whether the bytes are UTF-8, allowing one multi-byte sequence cut off at the very end
/// (as happens when a download is truncated).
fn is_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The encoding of undeclared bytes: UTF-8 if they are valid UTF-8, else a guess.
fn detect_charset(bytes: &[u8]) -> &'static Encoding {
    if is_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(DETECT_LEN)];
    detector.feed(sample, true);
    detector.guess(None, false)
}

/// Tags whose presence near the top of a document says it is HTML. `a` only counts when
/// followed by `href`.
const HTML_TAGS: &[&[u8]] = &[
    b"html", b"head", b"body", b"div", b"p", b"a", b"meta", b"title", b"span", b"script", b"style",
    b"link", b"ul", b"ol", b"li", b"br", b"img", b"table", b"tr", b"td", b"h1", b"h2", b"h3",
    b"nav", b"header", b"footer", b"article", b"section", b"form", b"iframe",
];

/// Detects whether decoded page text is HTML or plain text. Never returns
/// [`InputFormat::Article`]: clean article text cannot be told from a text dump.
///
/// HTML if, after leading whitespace, a byte order mark and comments, the text starts with
/// `<!doctype html`, `<html`, `<head` or `<body` (or an XML declaration followed by an
/// `<html>` element), or if the first 4 KB after those hold several well-known HTML tags
/// (`<div`, `<p>`, `<a href`, `<meta`, `<title>`, closing tags…), which one or two tags
/// mentioned in prose do not make. Looks at a few KB at most, so it is cheap.
pub fn detect_format(text: &str) -> InputFormat {
    let bytes = text.as_bytes();
    let (start, skipped_markup) = skip_preamble(bytes);
    let rest = &bytes[start..bytes.len().min(start + FORMAT_SNIFF_LEN)];
    // A document that opens with a whole `<style>` or `<script>` element is markup,
    // whatever follows it.
    if skipped_markup || starts_like_html(rest) {
        return InputFormat::Html;
    }
    if starts_with_ci(rest, b"<?xml")
        && (find_ci(rest, b"<html").is_some() || find_ci(rest, b"<!doctype html").is_some())
    {
        return InputFormat::Html;
    }
    if has_many_tags(rest) {
        return InputFormat::Html;
    }
    InputFormat::Dump
}

/// Elements skipped at the start of a document when telling HTML from text: a page may
/// open with a style sheet or a script before any other tag.
const LEADING_RAW_ELEMENTS: [(&[u8], &[u8]); 2] =
    [(b"<style", b"</style"), (b"<script", b"</script")];

/// Length of the leading whitespace, byte order marks, `<!-- comments -->` and whole
/// `<style>`/`<script>` elements, and whether one of those elements was among them.
fn skip_preamble(text: &[u8]) -> (usize, bool) {
    let mut i = 0;
    let mut markup = false;
    loop {
        let rest = &text[i..];
        if rest.first().is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        } else if rest.starts_with("\u{feff}".as_bytes()) {
            i += 3;
        } else if rest.starts_with(b"<!--") {
            match find_ci(&rest[4..], b"-->") {
                Some(p) => i += 4 + p + 3,
                None => return (text.len(), markup),
            }
        } else if let Some(len) = raw_element_len(rest) {
            i += len;
            markup = true;
        } else {
            return (i, markup);
        }
    }
}

/// The length of a whole `<style …>…</style>` or `<script …>…</script>` element at the
/// start of `rest` (up to the end of its closing tag), if `rest` starts with one.
fn raw_element_len(rest: &[u8]) -> Option<usize> {
    LEADING_RAW_ELEMENTS.iter().find_map(|(open, close)| {
        let after = rest.get(open.len()).copied()?;
        if !starts_with_ci(rest, open) || !(after == b'>' || after.is_ascii_whitespace()) {
            return None;
        }
        let end = find_ci(rest, close)?;
        let gt = memchr::memchr(b'>', &rest[end..])?;
        Some(end + gt + 1)
    })
}

/// Whether the text (after its preamble) opens with a doctype or a document element.
fn starts_like_html(rest: &[u8]) -> bool {
    if starts_with_ci(rest, b"<!doctype") {
        let after = &rest[b"<!doctype".len()..];
        let spaces = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
        return starts_with_ci(&after[spaces..], b"html");
    }
    [b"<html".as_slice(), b"<head", b"<body"]
        .iter()
        .any(|tag| starts_with_ci(rest, tag))
}

/// Whether `head` holds enough well-known HTML tags (opening or closing) to be HTML
/// rather than text that mentions a tag or two.
fn has_many_tags(head: &[u8]) -> bool {
    let mut hits = 0u32;
    let mut kinds = 0u64;
    let mut i = 0;
    while let Some(at) = find_byte(head, i, b'<') {
        i = at + 1;
        let mut name_start = at + 1;
        let closing = head.get(name_start) == Some(&b'/');
        if closing {
            name_start += 1;
        }
        let name_end = head[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(head.len(), |p| p + name_start);
        let name = &head[name_start..name_end];
        if name.is_empty() || name.len() > 7 {
            continue;
        }
        let Some(kind) = HTML_TAGS.iter().position(|t| name.eq_ignore_ascii_case(t)) else {
            continue;
        };
        let after = &head[name_end..];
        let ends_name = after
            .first()
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/');
        if !ends_name {
            continue;
        }
        if name.eq_ignore_ascii_case(b"a") && !closing {
            let spaces = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if spaces == 0 || !starts_with_ci(&after[spaces..], b"href") {
                continue;
            }
        }
        hits += 1;
        kinds |= 1 << kind;
        let distinct = kinds.count_ones();
        if hits >= 4 || (hits >= 3 && distinct >= 2) {
            return true;
        }
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use encoding_rs::{EUC_KR, ISO_8859_2, KOI8_R, SHIFT_JIS, WINDOWS_1251};

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, used, errors) = encoding.encode(text);
        assert_eq!(used, encoding);
        assert!(!errors);
        bytes.into_owned()
    }

    const FRENCH: &str = "Le café de la gare a rouvert ses portes après trois années de \
        travaux. « C'est très émouvant », a déclaré la propriétaire, qui a hérité du lieu \
        de sa grand-mère. Les habitués étaient déjà là à l'aube, pressés de goûter à \
        nouveau le crème et les croissants réputés dans toute la région.";
    const RUSSIAN: &str = "В понедельник в Москве открылась новая станция метро. По словам \
        мэра города, строительство заняло меньше двух лет, а пассажиры уже оценили \
        удобные переходы и просторные платформы. Жители района давно ждали этого события.";
    const JAPANESE: &str = "東京都は月曜日、新しい防災計画を発表した。計画では、大規模な地震\
        に備えて避難所の数を増やし、住民への情報提供を強化するとしている。知事は記者会見で\
        「都民の安全を最優先に考えた」と述べた。";
    const KOREAN: &str = "서울시는 월요일 새로운 대중교통 계획을 발표했다. 시장은 기자회견에서 \
        버스 노선을 확대하고 지하철 운행 시간을 늘리겠다고 말했다. 시민들은 이번 발표를 \
        대체로 환영하는 분위기다.";

    #[test]
    fn plain_utf8() {
        let d = decode(FRENCH.as_bytes(), None).unwrap();
        assert_eq!(d.text, FRENCH);
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.had_errors);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice("Grüße".as_bytes());
        let d = decode(&bytes, Some("text/html; charset=windows-1252")).unwrap();
        assert_eq!(d.text, "Grüße");
        assert_eq!(d.encoding, "UTF-8");
    }

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = if little {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for unit in text.encode_utf16() {
            let pair = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn utf16_with_bom_is_not_binary() {
        let html = "<html><body><p>Привет, мир — 東京</p></body></html>";
        let d = decode(&utf16(html, true), None).unwrap();
        assert_eq!(d.text, html);
        assert_eq!(d.encoding, "UTF-16LE");
        let d = decode(&utf16(html, false), Some("text/html; charset=utf-8")).unwrap();
        assert_eq!(d.text, html);
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_declared_in_header_without_bom() {
        let bytes: Vec<u8> = utf16("Hello, world", true)[2..].to_vec();
        let d = decode(&bytes, Some("text/plain; charset=UTF-16LE")).unwrap();
        assert_eq!(d.text, "Hello, world");
    }

    #[test]
    fn utf16_bom_then_nuls_is_binary() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend_from_slice(&[b'a', 0, 0, 0, b'b', 0]);
        let err = decode(&bytes, None).unwrap_err();
        assert!(matches!(err, Error::Binary { .. }), "{err}");
        assert!(
            err.to_string().contains("NUL character at offset 4"),
            "{err}"
        );
    }

    #[test]
    fn header_charset_windows_1252() {
        let bytes = encode(WINDOWS_1252, FRENCH);
        let d = decode(&bytes, Some("text/html; charset=\"Windows-1252\"")).unwrap();
        assert_eq!(d.text, FRENCH);
        assert_eq!(d.encoding, "windows-1252");
        assert!(!d.had_errors);
    }

    #[test]
    fn detected_windows_1252() {
        let bytes = encode(WINDOWS_1252, FRENCH);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, FRENCH);
    }

    #[test]
    fn iso_8859_1_declared_but_cp1252() {
        // Curly quotes, a euro sign and an ellipsis: bytes 0x80-0x9f, C1 controls in real
        // ISO-8859-1, characters in windows-1252.
        let bytes = b"<p>\x93Prices rose 5 \x80 \x85\x94 she said.</p>";
        let d = decode(bytes, Some("text/html;charset=ISO-8859-1")).unwrap();
        assert_eq!(d.text, "<p>\u{201c}Prices rose 5 € …\u{201d} she said.</p>");
        assert_eq!(d.encoding, "windows-1252");
        let html = b"<meta http-equiv=Content-Type content='text/html; charset=latin1'>\x93x\x94";
        let d = decode(html, None).unwrap();
        assert!(d.text.ends_with("\u{201c}x\u{201d}"));
    }

    #[test]
    fn detected_shift_jis() {
        let bytes = encode(SHIFT_JIS, JAPANESE);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "Shift_JIS");
        assert_eq!(d.text, JAPANESE);
    }

    #[test]
    fn meta_shift_jis() {
        let mut bytes = b"<html><head><meta charset=\"shift_jis\"></head><body>".to_vec();
        bytes.extend(encode(SHIFT_JIS, JAPANESE));
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "Shift_JIS");
        assert!(d.text.contains(JAPANESE));
    }

    #[test]
    fn detected_euc_kr() {
        let bytes = encode(EUC_KR, KOREAN);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "EUC-KR");
        assert_eq!(d.text, KOREAN);
    }

    #[test]
    fn detected_russian_koi8_r_and_windows_1251() {
        // chardetng names KOI8-U, a superset that decodes Russian the same way.
        let d = decode(&encode(KOI8_R, RUSSIAN), None).unwrap();
        assert!(matches!(d.encoding, "KOI8-R" | "KOI8-U"), "{}", d.encoding);
        assert_eq!(d.text, RUSSIAN);
        let d = decode(&encode(WINDOWS_1251, RUSSIAN), None).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.text, RUSSIAN);
    }

    #[test]
    fn meta_http_equiv_windows_1251() {
        let mut bytes = b"<!DOCTYPE html>\n<!-- <meta charset=\"koi8-r\"> -->\n<HTML><HEAD>\
            <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; Charset = 'Windows-1251'\">\
            </HEAD><BODY>"
            .to_vec();
        bytes.extend(encode(WINDOWS_1251, RUSSIAN));
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains(RUSSIAN));
    }

    #[test]
    fn meta_tolerates_spaces_quotes_and_unknown_labels() {
        let page = |meta: &str| {
            let mut bytes = format!("<html><head>{meta}</head><body>").into_bytes();
            bytes.extend(encode(KOI8_R, RUSSIAN));
            decode(&bytes, None).unwrap().encoding
        };
        assert_eq!(page("<meta charset = ' KOI8-R '>"), "KOI8-R");
        assert_eq!(page("<meta\ncharset=koi8-r/>"), "KOI8-R");
        assert_eq!(
            page("<meta charset=\"no-such-charset\"><meta charset=\"koi8-r\">"),
            "KOI8-R"
        );
        // A meta that says UTF-16 means UTF-8 (the page was readable as ASCII).
        assert_eq!(page("<meta charset=utf-16>"), "UTF-8");
    }

    #[test]
    fn meta_beyond_prescan_is_ignored() {
        let mut bytes = format!("<html><head><!-- {} -->", "x".repeat(5000)).into_bytes();
        bytes.extend_from_slice(b"<meta charset=iso-8859-2></head><body>");
        bytes.extend(encode(WINDOWS_1251, RUSSIAN));
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1251");
    }

    #[test]
    fn header_wins_over_meta() {
        let mut bytes = b"<html><head><meta charset=\"iso-8859-2\"></head><body>".to_vec();
        bytes.extend(encode(WINDOWS_1251, RUSSIAN));
        let d = decode(&bytes, Some("text/html; charset=windows-1251")).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains(RUSSIAN));
        // Without the header, the meta is believed.
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, ISO_8859_2.name());
        // A header without a charset, or with an unknown one, falls through to the meta.
        let d = decode(&bytes, Some("text/html")).unwrap();
        assert_eq!(d.encoding, "ISO-8859-2");
        let d = decode(&bytes, Some("text/html; charset=bogus")).unwrap();
        assert_eq!(d.encoding, "ISO-8859-2");
    }

    #[test]
    fn meta_wins_over_detection() {
        let mut bytes = b"<meta charset=windows-1252>".to_vec();
        bytes.extend_from_slice("déjà".as_bytes());
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.ends_with("dÃ©jÃ\u{a0}"));
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        let bytes = b"caf\xc3\xa9 and \xff\xfe broken \xc3";
        let d = decode(bytes, Some("text/plain; charset=utf-8")).unwrap();
        assert!(d.had_errors);
        assert_eq!(d.text, "café and \u{fffd}\u{fffd} broken \u{fffd}");
    }

    #[test]
    fn truncated_utf8_is_still_utf8() {
        let mut bytes = FRENCH.as_bytes().to_vec();
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.had_errors);
        assert!(d.text.starts_with(FRENCH));
    }

    #[test]
    fn nul_is_binary() {
        let mut bytes = b"<html>".repeat(30);
        bytes[123] = 0;
        let err = decode(&bytes, None).unwrap_err();
        assert!(matches!(err, Error::Binary { .. }));
        assert!(err.to_string().contains("NUL byte at offset 123"), "{err}");
    }

    #[test]
    fn control_garbage_is_binary() {
        let bytes: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
            .collect();
        let err = decode(&bytes, None).unwrap_err();
        assert!(matches!(err, Error::Binary { .. }), "{err}");
        assert!(err.to_string().contains("control bytes"), "{err}");
    }

    #[test]
    fn signatures_are_binary() {
        for bytes in [
            &b"\x1f\x8b\x08\x00abc"[..],
            b"%PDF-1.7\n",
            b"\x89PNG\r\n\x1a\n....",
        ] {
            let err = decode(bytes, Some("text/html; charset=utf-8")).unwrap_err();
            assert!(err.to_string().contains("signature"), "{err}");
        }
    }

    #[test]
    fn a_few_controls_are_text() {
        let text = "Line one\x0cpage two\tcolumn\r\nbell\x07 and \x1b[1mbold\x1b[0m";
        let d = decode(text.as_bytes(), None).unwrap();
        assert_eq!(d.text, text);
    }

    #[test]
    fn empty_inputs() {
        assert!(matches!(decode(b"", None), Err(Error::Empty)));
        assert!(matches!(decode(b"  \n\t\r\n ", None), Err(Error::Empty)));
        assert!(matches!(
            decode(b"\xef\xbb\xbf \n", None),
            Err(Error::Empty)
        ));
        assert!(matches!(decode(&[0xff, 0xfe], None), Err(Error::Empty)));
    }

    #[test]
    fn charset_param_parsing() {
        assert_eq!(
            charset_param("text/html; Charset=\"UTF-8\""),
            Some(&b"UTF-8"[..])
        );
        assert_eq!(
            charset_param("text/html;foo=bar; charset = koi8-r ;x=y"),
            Some(&b"koi8-r"[..])
        );
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset="), None);
    }

    #[test]
    fn detects_html_documents() {
        for text in [
            "<!DOCTYPE html><html><body>x</body></html>",
            "\u{feff}  \n<!doctype  HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
            "<!-- generated --><!-- twice -->\n<html lang=en>",
            "<HEAD><TITLE>x</TITLE>",
            "<body>hello",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "Some header text\n<div class=x><p>One</p><a href=\"/\">Home</a></div>",
            "<p>One.</p>\n<p>Two.</p>",
        ] {
            assert_eq!(detect_format(text), InputFormat::Html, "{text}");
        }
    }

    #[test]
    fn looks_past_leading_style_and_script_elements() {
        let css = format!(
            "<style>{}</style>",
            "body { margin: 0 } .x { color: red }\n".repeat(200)
        );
        let js = format!(
            "<script type=\"text/javascript\">{}</script>",
            "var a = 1;\n".repeat(600)
        );
        for text in [
            format!("{css}\n<div class=story><p>Dam opens early.</p></div>"),
            format!("\u{feff}\n<!-- cached -->\n{js}\n{css}\nDam opens early."),
            format!("  <STYLE media=all>{css}</STYLE><title>Dam</title>"),
            "<script>if (a < b) { go(); }</script><h1>Dam opens early</h1>".to_string(),
        ] {
            assert_eq!(detect_format(&text), InputFormat::Html, "{}", &text[..60]);
        }
        // Not a whole element: text that merely starts with the tag's name.
        for text in [
            "<styles of news writing> are many.\n\nThe dam opened.",
            "<script",
        ] {
            assert_eq!(detect_format(text), InputFormat::Dump, "{text}");
        }
    }

    #[test]
    fn a_utf16_label_on_bytes_without_nul_is_not_believed() {
        let page = "<html><body><p>Caf\u{e9} na pra\u{e7}a</p></body></html>";
        for label in ["text/html; charset=utf-16", "text/html; charset=UTF-16BE"] {
            let d = decode(page.as_bytes(), Some(label)).unwrap();
            assert_eq!(d.text, page, "{label}");
            assert_eq!(d.encoding, "UTF-8");
        }
        // Real UTF-16 with the label is still decoded as such.
        let d = decode(&utf16(page, false), Some("text/html; charset=utf-16le")).unwrap();
        assert_eq!(d.text, page);
    }

    #[test]
    fn detects_text() {
        let late = format!(
            "Dam opens early\n\nThe new dam opened on Monday.\n\n{}\nEditors wrote the \
             <html> tag on a whiteboard.",
            "More text about the dam. ".repeat(20)
        );
        for text in [
            "Dam opens early\n\nThe new dam on the Vell river opened two weeks early.",
            late.as_str(),
            "Use the <p> element for paragraphs, he said.",
            "a < b and c > d; x <a y",
            "<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>",
            "",
            "<!-- never closed",
        ] {
            assert_eq!(detect_format(text), InputFormat::Dump, "{text}");
        }
        // Tags far beyond the sniffed head do not count.
        let far = format!("{}<div><p>x</p></div>", "word ".repeat(1000));
        assert_eq!(detect_format(&far), InputFormat::Dump);
    }

    proptest::proptest! {
        #[test]
        fn decode_never_panics(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2048),
            ct in proptest::option::of(proptest::prop_oneof![
                "[ -~]{0,40}",
                "text/html; ?charset=(utf-8|UTF-16|utf-16be|shift_jis|koi8-r|iso-2022-kr|x-user-defined|gb18030|bogus)",
            ]),
        ) {
            if let Ok(d) = decode(&bytes, ct.as_deref()) {
                let _ = detect_format(&d.text);
            }
        }

        #[test]
        fn decode_text_like_never_panics(
            prefix in "(\u{feff}|<!--|<meta charset=(utf-8|utf-16|koi8-r|euc-jp|replacement|bogus)>)?",
            body in proptest::collection::vec(0x20u8..=0xff, 0..2048),
        ) {
            let mut bytes = prefix.into_bytes();
            bytes.extend(body);
            if let Ok(d) = decode(&bytes, None) {
                proptest::prop_assert!(!d.text.trim().is_empty());
                let _ = detect_format(&d.text);
            }
        }

        #[test]
        fn detect_format_never_panics(text in "\\PC{0,300}") {
            let _ = detect_format(&text);
        }

        #[test]
        fn utf8_text_round_trips(text in "[a-zA-Zéü€日本 .,\n]{1,200}") {
            proptest::prop_assume!(!text.trim().is_empty());
            let d = decode(text.as_bytes(), None).unwrap();
            proptest::prop_assert_eq!(d.text, text);
            proptest::prop_assert_eq!(d.encoding, "UTF-8");
        }
    }
}
