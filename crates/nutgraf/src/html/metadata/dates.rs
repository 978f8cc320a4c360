//! Date strings in many formats → ISO 8601.

/// Month names (lower-case, accents kept) in the languages the pages use, with
/// their month number. Abbreviations are matched by prefix (see [`month_of`]).
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish / Portuguese / Italian
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
];

/// Month number of a (possibly abbreviated, possibly dotted) month word.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 || w.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    for &(name, n) in MONTHS {
        if name == w {
            return Some(n);
        }
    }
    // Abbreviations: "Mar", "Sept", "Okt", "déc", "Dez".
    let len = w.chars().count();
    if len <= 5 {
        for &(name, n) in MONTHS {
            if name.starts_with(&w) {
                return Some(n);
            }
        }
        let abbr = match w.as_str() {
            "okt" => Some(10),
            "dez" => Some(12),
            "mrz" => Some(3),
            "sept" => Some(9),
            _ => None,
        };
        if abbr.is_some() {
            return abbr;
        }
    }
    None
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `YYYY-MM-DD` when the parts make a plausible publication date.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1995..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year_of(s: &str) -> Option<i32> {
    if s.len() == 4 {
        num(s).and_then(|n| i32::try_from(n).ok())
    } else {
        None
    }
}

/// Parses a date value from a machine-readable field (meta content, JSON-LD,
/// `datetime` attribute). ISO datetimes are kept as given; other formats become
/// `YYYY-MM-DD`.
pub(crate) fn parse_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(iso) = parse_iso(s) {
        return Some(iso);
    }
    // Compact 20240305 (optionally followed by a time).
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 8 || (digits.len() >= 12 && digits.len() <= 14) {
        let y = year_of(&digits[0..4])?;
        let m = num(&digits[4..6])?;
        let d = num(&digits[6..8])?;
        if let Some(v) = ymd(y, m, d) {
            return Some(v);
        }
    }
    find_date_in_text(s)
}

/// `YYYY-MM-DD` prefix, optionally with a time; the whole ISO string is returned when
/// it is a clean ISO datetime, the date part otherwise.
fn parse_iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/' || sep == b'.') || b[7] != sep {
        return None;
    }
    let y = year_of(s.get(0..4)?)?;
    let m = num(s.get(5..7)?)?;
    let d = num(s.get(8..10)?)?;
    let date = ymd(y, m, d)?;
    if b.len() > 10 && b[10].is_ascii_digit() {
        return None;
    }
    if sep == b'-' && b.len() > 11 && (b[10] == b'T' || b[10] == b' ') {
        let rest = &s[11..];
        let clean = rest.len() >= 5
            && rest.as_bytes()[0].is_ascii_digit()
            && rest.as_bytes()[2] == b':'
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z'));
        if clean {
            return Some(format!("{date}T{rest}"));
        }
    }
    Some(date)
}

/// Finds the first date in free text ("March 3, 2024", "3. März 2024", "03.03.2024",
/// "Mon, 04 Mar 2024 10:00:00 GMT", "2024-03-05"). Ambiguous numeric forms like
/// "03/04/2024" are only accepted when one part cannot be a month.
pub(crate) fn find_date_in_text(text: &str) -> Option<String> {
    let mut found = None;
    scan_dates(text, |d| {
        found = Some(d);
        false
    });
    found
}

/// Calls `f` with every date of `text` in order (same formats as
/// [`find_date_in_text`]) until it returns `false`.
pub(crate) fn scan_dates(text: &str, mut f: impl FnMut(String) -> bool) {
    scan_dates_limit(text, 400, |d, _| f(d));
}

/// [`scan_dates`] over at most `max_tokens` words; `f` also gets the byte offset
/// of the date in `text`.
pub(crate) fn scan_dates_limit(
    text: &str,
    max_tokens: usize,
    mut f: impl FnMut(String, usize) -> bool,
) {
    // Tokens: runs of alphanumerics; we also remember the separator that follows.
    let mut tokens: Vec<(&str, char)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            tokens.push((&text[st..i], c));
        }
        if tokens.len() > max_tokens {
            break;
        }
    }
    if let Some(st) = start {
        if tokens.len() <= max_tokens {
            tokens.push((&text[st..], ' '));
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        let (found, used) = date_at(&tokens, i);
        if let Some(d) = found {
            let offset = (tokens[i].0.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            if !f(d, offset) {
                return;
            }
            i += used.max(1);
        } else {
            i += 1;
        }
    }
}

/// The date that starts at token `i`, with the number of tokens it spans.
fn date_at(tokens: &[(&str, char)], i: usize) -> (Option<String>, usize) {
    let (t, sep) = tokens[i];
    let next = |k: usize| tokens.get(i + k).map(|x| x.0);
    // CJK: 2024年3月5日
    if let Some(v) = cjk_date(t) {
        return (Some(v), 1);
    }
    // Numeric: Y-M-D or D.M.Y / D/M/Y / M/D/Y
    if let Some(y) = year_of(t) {
        if matches!(sep, '-' | '/' | '.') {
            if let (Some(m), Some(d)) = (next(1).and_then(num), next(2).and_then(num)) {
                if tokens[i + 1].1 == sep && next(1).is_some_and(|x| x.len() <= 2) {
                    if let Some(v) = ymd(y, m, d) {
                        return (Some(v), 3);
                    }
                }
            }
        }
        return (None, 1);
    }
    if let Some(a) = num(t) {
        if t.len() <= 2 && matches!(sep, '.' | '/' | '-') {
            if let (Some(bv), Some(ytok)) = (next(1).and_then(num), next(2)) {
                let sep2 = tokens[i + 1].1;
                if sep2 == sep && next(1).is_some_and(|x| x.len() <= 2) {
                    if let Some(y) = year_of(ytok) {
                        let v = if sep == '.' || a > 12 {
                            ymd(y, bv, a)
                        } else if bv > 12 {
                            ymd(y, a, bv)
                        } else {
                            None
                        };
                        if v.is_some() {
                            return (v, 3);
                        }
                    } else if sep == '.'
                        && t.len() == 2
                        && ytok.len() == 2
                        && tokens[i + 2].1 != '.'
                        && !tokens[i + 2].1.is_alphanumeric()
                    {
                        // 06.11.23
                        if let Some(yy) = num(ytok).and_then(|n| i32::try_from(n).ok()) {
                            let v = ymd(2000 + yy, bv, a);
                            if v.is_some() {
                                return (v, 3);
                            }
                        }
                    }
                }
            }
        }
        // D [.] Month [de] Y
        if t.len() <= 2 {
            let mut k = 1;
            if next(k).is_some_and(|w| w.eq_ignore_ascii_case("de")) {
                k += 1;
            }
            if let Some(m) = next(k).and_then(month_of) {
                k += 1;
                if next(k).is_some_and(|w| w.eq_ignore_ascii_case("de")) {
                    k += 1;
                }
                if let Some(y) = next(k).and_then(year_of) {
                    if let Some(v) = ymd(y, m, a) {
                        return (Some(v), k + 1);
                    }
                }
            }
        }
        return (None, 1);
    }
    // Month D[,] Y  or Month Y? (no day: not enough for a date)
    if let Some(m) = month_of(t) {
        if let Some(d) = next(1).and_then(|x| {
            let x = x
                .trim_end_matches("st")
                .trim_end_matches("nd")
                .trim_end_matches("rd")
                .trim_end_matches("th");
            if x.len() <= 2 {
                num(x)
            } else {
                None
            }
        }) {
            if let Some(y) = next(2).and_then(year_of) {
                if let Some(v) = ymd(y, m, d) {
                    return (Some(v), 3);
                }
            }
        }
    }
    (None, 1)
}

/// `2024年3月5日` (one token, since CJK characters are alphabetic).
fn cjk_date(t: &str) -> Option<String> {
    let (y, rest) = t.split_once('年')?;
    let y = y.get(y.len().checked_sub(4)?..)?;
    let (m, rest) = rest.split_once('月')?;
    let d: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if !rest[d.len()..].starts_with('日') {
        return None;
    }
    ymd(year_of(y)?, num(m)?, num(&d)?)
}

/// A date in a URL path: `/2024/03/05/`, `/2024-03-05/`, `/20240305/`.
pub(crate) fn date_from_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let segs: Vec<&str> = path.split('/').collect();
    for i in 0..segs.len() {
        if let Some(y) = year_of(segs[i]) {
            let m = segs
                .get(i + 1)
                .and_then(|s| (s.len() == 2).then(|| num(s)).flatten());
            let d = segs.get(i + 2).and_then(|s| {
                let head: String = s.chars().take_while(char::is_ascii_digit).collect();
                (head.len() == 2 && (s.len() == 2 || !s.as_bytes()[2].is_ascii_digit()))
                    .then(|| num(&head))
                    .flatten()
            });
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(v) = ymd(y, m, d) {
                    return Some(v);
                }
            }
        }
        let seg = segs[i];
        if let Some(head) = seg.get(..10) {
            if head.as_bytes().get(4) == Some(&b'-') {
                if let Some(v) = parse_iso(head) {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// Day number of a `YYYY-MM-DD` prefix (days since 1970-01-01, proleptic Gregorian).
pub(crate) fn day_number(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Does an ISO datetime carry an explicit offset other than UTC (`+01:00`,
/// `-0300`)? Its date is then already the local date.
pub(crate) fn has_local_offset(iso: &str) -> bool {
    let Some(time) = iso.get(11..) else {
        return false;
    };
    let Some(pos) = time.rfind(['+', '-']) else {
        return false;
    };
    let off = &time[pos + 1..];
    off.bytes().any(|b| b.is_ascii_digit() && b != b'0')
}
