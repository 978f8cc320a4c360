//! Quotation marks: which characters are marks, and how they pair into quoted regions.
//!
//! Pairing is done one paragraph (line) at a time, so a stray mark can never shift the
//! pairs of later paragraphs. Straight marks (`"`, `''`) are paired by their shape
//! (space before and a letter after opens, a letter before and a space after closes);
//! curly marks and guillemets nest. A single `‘…’` or `'…'` pair only counts when the
//! closing mark is not inside a word, so `don't`, `today’s`, `the '90s` and `Jones'`
//! are apostrophes. An opening double mark left open at the end of a paragraph runs
//! on into the next paragraph when that one opens with a mark too (the news convention
//! for quotes of several paragraphs); otherwise the quote ends with its paragraph.

/// A quoted region: the marks are at `open .. open + open_len` and
/// `close .. close + close_len` (for a quote closed by the end of its paragraph,
/// `close` is that end and `close_len` is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Position of the opening mark.
    pub open: usize,
    /// Length of the opening mark (2 for `''`).
    pub open_len: usize,
    /// Position of the closing mark (or the paragraph end).
    pub close: usize,
    /// Length of the closing mark (0 when the paragraph end closed the quote).
    pub close_len: usize,
    /// The quote runs on into the next paragraph.
    pub continues: bool,
}

impl Region {
    /// First character inside the marks.
    pub fn inner_start(&self) -> usize {
        self.open + self.open_len
    }
    /// One past the last character inside the marks.
    pub fn inner_end(&self) -> usize {
        self.close
    }
    /// One past the closing mark.
    pub fn outer_end(&self) -> usize {
        self.close + self.close_len
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `"` and `''`: the same character opens and closes.
    Straight,
    /// `“ ” „ ‟ « »`.
    Curly,
    /// `‘ ’`.
    SingleCurly,
    /// `'` used as a single quotation mark.
    SingleStraight,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    pos: usize,
    len: usize,
}

/// Deepest nesting followed; deeper marks are ignored (bounded work on mark soup).
const MAX_DEPTH: usize = 8;

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn opens_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„' | '"'
                )
        }
    }
}

fn letter(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphabetic)
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Quoted regions of `chars`, in order, not nested (only outermost quotes).
pub fn regions(chars: &[char]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = chars.len();
    while start < n {
        let mut end = start;
        while end < n && chars[end] != '\n' {
            end += 1;
        }
        if end > start {
            paragraph(chars, start, end, &mut out);
        }
        start = end + 1;
    }
    out
}

/// Next non-space character position at or after `i` (crossing blank lines).
fn next_visible(chars: &[char], mut i: usize) -> Option<usize> {
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn starts_with_open_double(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some('“' | '„' | '‟' | '«' | '"') => true,
        Some('\'') => chars.get(i + 1) == Some(&'\''),
        _ => false,
    }
}

/// Pairs the marks of one paragraph `[start, end)`; returns whether a double quote
/// runs on into the next paragraph.
fn paragraph(chars: &[char], start: usize, end: usize, out: &mut Vec<Region>) -> bool {
    let mut p = Pairing {
        chars,
        start,
        end,
        stack: Vec::new(),
        out,
    };
    let mut i = start;
    while i < end {
        let c = chars[i];
        let prev = if i > start { p.at(i - 1) } else { None };
        let mut width = 1;
        match c {
            '"' | '\'' | '`' if c != '\'' || p.at(i + 1) == Some('\'') || c == '"' => {
                width = p.straight(i, c, prev);
            }
            '“' | '„' | '‟' | '«' => p.curly_open(i, c, prev),
            '”' | '»' => {
                if let Some(k) = p.innermost(Family::Curly) {
                    p.close(k, i, 1);
                } else if let Some(k) = p.innermost(Family::Straight) {
                    // A ” closing a straight " (mixed typography).
                    p.close(k, i, 1);
                }
            }
            '‘' => {
                let next = p.at(i + 1);
                if !alnum(prev) && letter(next) && p.stack.len() < MAX_DEPTH {
                    p.stack.push(Open {
                        family: Family::SingleCurly,
                        pos: i,
                        len: 1,
                    });
                }
            }
            '’' => {
                let next = p.at(i + 1);
                if !alnum(next) && !is_space(prev) {
                    if let Some(k) = p.innermost(Family::SingleCurly) {
                        p.close(k, i, 1);
                    }
                }
            }
            '\'' => p.single_straight(i, prev),
            _ => {}
        }
        i += width;
    }
    p.finish()
}

/// The marks of one paragraph being paired: the marks still open (innermost last) and
/// the regions found.
struct Pairing<'c, 'o> {
    chars: &'c [char],
    start: usize,
    end: usize,
    stack: Vec<Open>,
    out: &'o mut Vec<Region>,
}

impl Pairing<'_, '_> {
    /// The character at `k`, if it is in the paragraph.
    fn at(&self, k: usize) -> Option<char> {
        if k >= self.start && k < self.end {
            Some(self.chars[k])
        } else {
            None
        }
    }

    /// The innermost open mark of a family.
    fn innermost(&self, family: Family) -> Option<usize> {
        self.stack.iter().rposition(|o| o.family == family)
    }

    /// The open mark `k` is closed at `close`; marks opened inside it are dropped.
    fn close(&mut self, k: usize, close: usize, close_len: usize) {
        let open = self.stack[k];
        self.stack.truncate(k);
        self.region(open, close, close_len);
    }

    /// A region from `open` to `close`, kept when it is outermost.
    fn region(&mut self, open: Open, close: usize, close_len: usize) {
        if self.stack.is_empty() {
            self.out.push(Region {
                open: open.pos,
                open_len: open.len,
                close,
                close_len,
                continues: false,
            });
        }
    }

    /// A straight double mark at `i`: `"`, `''` or ` `` `; returns its width.
    fn straight(&mut self, i: usize, c: char, prev: Option<char>) -> usize {
        let chars = self.chars;
        let start = self.start;
        if c == '`' {
            // ``…'' as some papers print it: `` always opens.
            let mut width = 1;
            if self.at(i + 1) == Some('`') {
                width = 2;
                if self.stack.len() < MAX_DEPTH {
                    self.stack.push(Open {
                        family: Family::Straight,
                        pos: i,
                        len: 2,
                    });
                }
            }
            return width;
        }
        let width = if c == '"' { 1 } else { 2 };
        let next = self.at(i + width);
        let looks_open = opens_before(prev) && !is_space(next);
        // `… of 'Clinton,' "`: a closer after a single quote and a space.
        let after_single = is_space(prev)
            && i >= start + 2
            && matches!(chars[i - 2], '\'' | '’' | ',' | '.' | '!' | '?')
            && !alnum(next);
        let looks_close = (!is_space(prev) && !alnum(next)) || after_single;
        let open_idx = self.innermost(Family::Straight);
        let fresh = Open {
            family: Family::Straight,
            pos: i,
            len: width,
        };
        match open_idx {
            Some(k) if looks_open && !looks_close => {
                // A clear opener while one is open: the earlier mark was stray.
                self.stack.truncate(k);
                self.stack.push(fresh);
            }
            Some(k) if looks_close => self.close(k, i, width),
            None if looks_close
                && !looks_open
                && self.stack.last().is_some_and(|o| o.family == Family::Curly) =>
            {
                // A straight " closing a curly “ (mixed typography).
                if let Some(open) = self.stack.pop() {
                    self.region(open, i, width);
                }
            }
            None if looks_open && self.stack.len() < MAX_DEPTH => self.stack.push(fresh),
            _ => {}
        }
        width
    }

    /// An opening curly mark or guillemet at `i` (`“` may close a `„` instead).
    fn curly_open(&mut self, i: usize, c: char, prev: Option<char>) {
        let chars = self.chars;
        let next = self.at(i + 1);
        // `„…“`: a “ that closes a „ (German style), or a “ used as a closer.
        let top = self.stack.last().copied();
        let closes = c == '“'
            && top.is_some_and(|o| o.family == Family::Curly)
            && !is_space(prev)
            && !alnum(next)
            && top.is_some_and(|o| chars[o.pos] == '„' || is_space(next));
        if closes {
            if let Some(k) = self.innermost(Family::Curly) {
                self.close(k, i, 1);
            }
        } else if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open {
                family: Family::Curly,
                pos: i,
                len: 1,
            });
        }
    }

    /// A single straight mark at `i` used as a quotation mark, not an apostrophe.
    fn single_straight(&mut self, i: usize, prev: Option<char>) {
        let next = self.at(i + 1);
        if !alnum(prev) && letter(next) && opens_before(prev) {
            if self.stack.len() < MAX_DEPTH {
                self.stack.push(Open {
                    family: Family::SingleStraight,
                    pos: i,
                    len: 1,
                });
            }
        } else if !alnum(next) && !is_space(prev) {
            if let Some(k) = self.innermost(Family::SingleStraight) {
                self.close(k, i, 1);
            }
        }
    }

    /// At the paragraph end: whatever is still open, the outermost double mark decides.
    /// Returns whether it runs on into the next paragraph.
    fn finish(self) -> bool {
        let Pairing {
            chars,
            end,
            stack,
            out,
            ..
        } = self;
        let Some(first) = stack
            .iter()
            .position(|o| matches!(o.family, Family::Straight | Family::Curly))
        else {
            return false;
        };
        let open = stack[first];
        // A lone closing-shaped mark at the very end is no quote.
        let inner_words = chars[open.pos + open.len..end]
            .split(|c| c.is_whitespace())
            .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
            .count();
        if inner_words == 0 {
            return false;
        }
        let continues = next_visible(chars, end).is_some_and(|k| starts_with_open_double(chars, k));
        // Trim trailing spaces so the region ends at the paragraph's last character.
        let mut close = end;
        while close > open.pos + open.len && chars[close - 1].is_whitespace() {
            close -= 1;
        }
        out.push(Region {
            open: open.pos,
            open_len: open.len,
            close,
            close_len: 0,
            continues,
        });
        continues
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        regions(&chars)
            .iter()
            .map(|r| chars[r.inner_start()..r.inner_end()].iter().collect())
            .collect()
    }

    #[test]
    fn every_style() {
        assert_eq!(quoted(r#"He said "we won" today."#), ["we won"]);
        assert_eq!(quoted("He said “we won” today."), ["we won"]);
        assert_eq!(quoted("He said ‘we won’ today."), ["we won"]);
        assert_eq!(quoted("Er sagte „wir siegen“ heute."), ["wir siegen"]);
        assert_eq!(quoted("Il a dit «nous gagnons» hier."), ["nous gagnons"]);
        assert_eq!(
            quoted("Il a dit « nous gagnons » hier."),
            [" nous gagnons "]
        );
        assert_eq!(quoted("He said ''we won'' today."), ["we won"]);
        assert_eq!(quoted("He said ``we won'' today."), ["we won"]);
        assert_eq!(quoted("He said 'we won' today."), ["we won"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quoted("We don't know; it's the '90s again, at Jones' farm.").is_empty());
        assert!(quoted("Today’s vote, the ’90s, the Joneses’ dog.").is_empty());
        assert_eq!(
            quoted("He said “today’s vote isn’t over” and left."),
            ["today’s vote isn’t over"]
        );
    }

    #[test]
    fn nested_marks_give_the_outer_quote() {
        assert_eq!(
            quoted("“She told me ‘go home’ twice,” he said."),
            ["She told me ‘go home’ twice,"]
        );
    }

    #[test]
    fn stray_mark_is_resynchronized_per_paragraph() {
        let text = "A stray \" mark here and more.\n\nShe said \"yes\" and \"no\".";
        assert_eq!(quoted(text), ["yes", "no"]);
    }

    #[test]
    fn quote_running_over_paragraphs() {
        let text = "“We will build it.\n\n“And we will pay for it,” she said.";
        let chars: Vec<char> = text.chars().collect();
        let r = regions(&chars);
        assert_eq!(r.len(), 2);
        assert!(r[0].continues);
        assert!(!r[1].continues);
    }
}
