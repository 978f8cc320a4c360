//! Text-dump lines: line endings, the dumper's wrap width, and re-joining the lines it
//! wrapped into logical lines (paragraphs, list items).

/// One logical line of a dump: a paragraph or list item with its wrapped lines re-joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text, without indentation or list marker, inner whitespace collapsed.
    pub text: String,
    /// Columns of indentation before the text or its list marker.
    pub indent: usize,
    /// Whether the line is a list item (`  • `, `      □ `, `  * `, `  1. `).
    pub bullet: bool,
    /// Whether a blank line (or the start of the dump) comes right before it.
    pub blank_before: bool,
}

/// Splits on `\r\n`, `\r` and `\n`; a form feed ends the line and adds a blank one.
pub fn split_raw(input: &str) -> Vec<&str> {
    if input.is_empty() {
        return Vec::new();
    }
    // `\r` and form feed are 0x0D and 0x0C; a check that vectorises.
    if !input.bytes().fold(false, |acc, b| acc | (b & 0xfe == 0x0c)) {
        // Lines are short: a plain loop beats searching for each `\n`.
        let mut out = Vec::with_capacity(input.len() / 32);
        let mut start = 0;
        for (i, &b) in input.as_bytes().iter().enumerate() {
            if b == b'\n' {
                out.push(&input[start..i]);
                start = i + 1;
            }
        }
        if start < input.len() {
            out.push(&input[start..]);
        }
        return out;
    }
    let mut out = Vec::new();
    let bytes = input.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&input[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&input[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            0x0c => {
                out.push(&input[start..i]);
                out.push("");
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < input.len() {
        out.push(&input[start..]);
    }
    out
}

/// Whether a character is written without spaces between words (Han, kana, Hangul,
/// CJK punctuation and full-width forms).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3040..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Columns a terminal gives a character (wide East Asian characters take two).
fn char_width(c: char) -> usize {
    if (c as u32) < 0x1100 {
        1
    } else if is_cjk(c) {
        2
    } else {
        1
    }
}

/// Columns a string takes on a terminal.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char_width).sum()
}

/// The column at which the dumper wrapped, when the dump looks wrapped: the widest line,
/// provided several lines come close to it (one long line alone proves nothing).
pub fn wrap_width(widths: &[usize]) -> Option<usize> {
    let max = widths.iter().copied().max()?;
    if max < 30 {
        return None;
    }
    let near = widths.iter().filter(|&&w| w + 12 >= max).count();
    (near >= 3).then_some(max)
}

const MARKERS: &[char] = &[
    '•', '□', '◦', '▪', '■', '●', '‣', '○', '*', '-', '+', '·', '–',
];

/// Indentation (columns), whether the line carries a list marker, the text column,
/// and the text after it.
fn parse_marker(line: &str) -> (usize, bool, usize, &str) {
    let indent = line
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    let body = &line[indent..];
    let mut chars = body.char_indices();
    if let Some((_, c)) = chars.next() {
        if MARKERS.contains(&c) {
            let after = &body[c.len_utf8()..];
            if after.is_empty() || after.starts_with(' ') {
                let text = after.trim_start();
                let col = indent + width(&body[..body.len() - text.len()]);
                return (indent, true, col, text);
            }
        }
        if indent >= 1 && c.is_ascii_digit() {
            let digits = body.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &body[digits..];
            if digits <= 3 && (rest.starts_with(". ") || rest.starts_with(") ")) {
                let text = rest[1..].trim_start();
                let col = indent + width(&body[..body.len() - text.len()]);
                return (indent, true, col, text);
            }
        }
    }
    (indent, false, indent, body)
}

fn first_word_width(s: &str) -> usize {
    match s.chars().next() {
        Some(c) if is_cjk(c) => char_width(c),
        _ => width(s.split([' ', '\t']).next().unwrap_or("")),
    }
}

fn push_collapsed(out: &mut String, s: &str) {
    if !s.contains("  ") && !s.contains('\t') {
        out.push_str(s);
        return;
    }
    let mut first = true;
    for w in s.split_whitespace() {
        if !first {
            out.push(' ');
        }
        out.push_str(w);
        first = false;
    }
}

/// Turns a dump into logical lines, re-joining the lines the dumper wrapped: a line is
/// a wrapped one when the next line's first word would not have fitted after it.
pub fn logical_lines(input: &str) -> Vec<Line> {
    let mut raw = split_raw(input);
    for line in &mut raw {
        *line = line.trim_end();
    }
    let widths: Vec<usize> = raw.iter().map(|l| width(l)).collect();
    let wrap = wrap_width(&widths);
    let mut out = Vec::with_capacity(raw.len() / 2);
    let mut pieces: Vec<&str> = Vec::new();
    let mut blank_before = true;
    let mut i = 0;
    while i < raw.len() {
        let line = raw[i];
        // Lines are trimmed at the end: a blank one is empty.
        if line.is_empty() {
            blank_before = true;
            i += 1;
            continue;
        }
        let (indent, bullet, col, content) = parse_marker(line);
        // The wrapped lines that continue this one. The text built from them ends with
        // the last character of the last piece (pieces end in no whitespace).
        pieces.clear();
        pieces.push(content);
        let mut last = content;
        let mut cur_w = widths[i];
        if let Some(wrap) = wrap {
            while i + 1 < raw.len() {
                let next = raw[i + 1];
                let (nind, nbullet, _, ncontent) = parse_marker(next);
                if ncontent.is_empty() || nbullet || nind != col {
                    break;
                }
                let cjk = last.chars().next_back().is_some_and(is_cjk)
                    || ncontent.chars().next().is_some_and(is_cjk);
                let need = cur_w + usize::from(!cjk) + first_word_width(ncontent);
                if need <= wrap {
                    break;
                }
                pieces.push(ncontent);
                last = ncontent;
                cur_w = widths[i + 1];
                i += 1;
            }
        }
        let mut text = String::with_capacity(pieces.iter().map(|p| p.len() + 1).sum::<usize>());
        push_collapsed(&mut text, content);
        let mut prev = content;
        for &piece in &pieces[1..] {
            let both_cjk = prev.chars().next_back().is_some_and(is_cjk)
                && piece.chars().next().is_some_and(is_cjk);
            if !both_cjk {
                text.push(' ');
            }
            push_collapsed(&mut text, piece);
            prev = piece;
        }
        out.push(Line {
            text,
            indent,
            bullet,
            blank_before,
        });
        blank_before = false;
        i += 1;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        assert_eq!(split_raw("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_raw("a\x0cb"), vec!["a", "", "b"]);
        assert_eq!(split_raw(""), Vec::<&str>::new());
    }

    #[test]
    fn rejoins_wrapped_lines() {
        let para = "word ".repeat(60);
        let mut dump = String::new();
        let mut line = String::new();
        for w in para.split_whitespace() {
            if line.len() + 1 + w.len() > 40 {
                dump.push_str(&line);
                dump.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        dump.push_str(&line);
        dump.push_str("\nShort line.\n");
        let lines = logical_lines(&dump);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].text.split(' ').count(), 60);
        assert_eq!(lines[1].text, "Short line.");
    }

    #[test]
    fn rejoins_cjk_without_space() {
        let text = "東京都は月曜日、新しい防災計画を発表した。".repeat(8);
        let chars: Vec<char> = text.chars().collect();
        let dump: String = chars
            .chunks(20)
            .map(|c| c.iter().collect::<String>() + "\n")
            .collect();
        let lines = logical_lines(&dump);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, text);
    }

    #[test]
    fn bullets_and_their_continuations() {
        let lines = logical_lines("  • One\n  • Two\n      □ Three\n");
        assert!(lines.iter().all(|l| l.bullet));
        assert_eq!(lines[2].text, "Three");
    }
}
