//! Paragraphs as items: words, punctuation, and whole quoted regions (one item each),
//! cut into sentences at end punctuation outside quotes.

use super::lexicon::{cue_at, Form};
use super::marks::Region;
use crate::lexicon::abbreviations::{ABBREVIATIONS, MORE_ABBREVIATIONS};
use crate::lexicon::people::SUBJECT_PRONOUNS;

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A word (letters, digits, inner apostrophes, hyphens and abbreviation dots).
    Word,
    /// One punctuation character (or `--`).
    Punct(char),
    /// A quoted region (index into the region list), marks included.
    Quote(usize),
}

/// One item of a paragraph; `start..end` are character offsets into the text.
#[derive(Debug, Clone)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub kind: ItemKind,
    /// Lowercased word (empty for other items).
    pub lower: String,
    /// The word begins with an uppercase letter.
    pub cap: bool,
}

impl Item {
    pub fn is_word(&self) -> bool {
        self.kind == ItemKind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == ItemKind::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            ItemKind::Quote(r) => Some(r),
            _ => None,
        }
    }
}

/// A paragraph: its character range and items, with sentences as item ranges.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub items: Vec<Item>,
    pub sentences: Vec<(usize, usize)>,
}

/// Abbreviations whose dot does not end a sentence (lowercase, without the dot),
/// besides the lexicon's ([`ABBREVIATIONS`], [`MORE_ABBREVIATIONS`]): `Atty.`, `No.`,
/// `D.C.` and the AP abbreviations of the states.
const OWN_ABBREVIATIONS: &[&str] = &[
    "atty", "no", "d.c", "ark", "ala", "ariz", "calif", "colo", "conn", "del", "fla", "ga", "ill",
    "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

fn is_abbreviation(lower: &str) -> bool {
    let single_initial = lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic);
    single_initial
        || ABBREVIATIONS.contains(&lower)
        || MORE_ABBREVIATIONS.contains(&lower)
        || OWN_ABBREVIATIONS.contains(&lower)
        || (lower.contains('.')
            && !lower.ends_with('.')
            && lower.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// Splits `chars[start..end]` (one line) into items.
pub fn paragraph(
    chars: &[char],
    start: usize,
    end: usize,
    regions: &[Region],
    first_region: usize,
) -> Paragraph {
    let mut items = Vec::new();
    let mut i = start;
    let mut r = first_region;
    while i < end {
        // Skip regions that ended before here.
        while r < regions.len() && regions[r].open < i {
            r += 1;
        }
        if r < regions.len() && regions[r].open == i {
            let re = regions[r].outer_end().min(end).max(i + 1);
            items.push(Item {
                start: i,
                end: re,
                kind: ItemKind::Quote(r),
                lower: String::new(),
                cap: false,
            });
            i = re;
            r += 1;
            continue;
        }
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < end {
                let d = chars[j];
                if d.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next = chars.get(j + 1).copied().filter(|_| j + 1 < end);
                let joins = match d {
                    '\'' | '’' | '-' | '‑' => next.is_some_and(char::is_alphanumeric),
                    '.' => {
                        next.is_some_and(char::is_alphabetic)
                            && chars.get(j + 2).is_some_and(|c| *c == '.')
                    }
                    ',' => {
                        next.is_some_and(|c| c.is_ascii_digit()) && chars[j - 1].is_ascii_digit()
                    }
                    _ => false,
                };
                // `.` inside `U.S.` / `3.5`
                let joins = joins
                    || (d == '.'
                        && next.is_some_and(|c| c.is_ascii_digit())
                        && chars[j - 1].is_ascii_digit());
                if !joins {
                    break;
                }
                j += 1;
            }
            // A region opening inside what would be the word is not part of it.
            if r < regions.len() && regions[r].open > i && regions[r].open < j {
                j = regions[r].open;
            }
            let word: String = chars[i..j].iter().collect();
            let lower = word.to_lowercase();
            // Abbreviation dot: part of the word.
            if j < end && chars[j] == '.' && is_abbreviation(&lower) {
                j += 1;
            }
            items.push(Item {
                start: i,
                end: j,
                kind: ItemKind::Word,
                lower,
                cap: c.is_uppercase(),
            });
            i = j;
            continue;
        }
        let mut j = i + 1;
        let mut p = c;
        if c == '-' && j < end && chars[j] == '-' {
            j += 1;
            p = '—';
        } else if c == '–' || c == '―' {
            p = '—';
        }
        items.push(Item {
            start: i,
            end: j,
            kind: ItemKind::Punct(p),
            lower: String::new(),
            cap: false,
        });
        i = j;
    }
    Paragraph {
        start,
        end,
        items,
        sentences: Vec::new(),
    }
}

/// How the text inside a region ends: `Some('.')` for `"We won."`, `Some('?')`,
/// `Some('!')`, or `None` when it does not end a sentence.
pub fn region_end_punct(chars: &[char], region: &Region) -> Option<char> {
    let mut k = region.inner_end();
    while k > region.inner_start() {
        let c = chars[k - 1];
        if c.is_whitespace() {
            k -= 1;
            continue;
        }
        return matches!(c, '.' | '!' | '?' | '…').then_some(c);
    }
    None
}

/// Whether an item ends a sentence or a clause (`.`, `!`, `?`, `…`, `;`).
pub fn is_end_punct(it: &Item) -> bool {
    matches!(it.kind, ItemKind::Punct('.' | '!' | '?' | '…' | ';'))
}

/// Sentences of a paragraph as item ranges; splits only outside quotations.
pub fn sentences(chars: &[char], regions: &[Region], items: &[Item]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    let n = items.len();
    for m in 0..n {
        let next = items.get(m + 1);
        let next_opens = next.is_none_or(|it| it.cap || it.quote().is_some() || it.is_punct('('));
        let split = match items[m].kind {
            ItemKind::Punct('.' | '!' | '?' | '…') => next_opens,
            // `… in the U.S. He says …`: an abbreviation that ends the sentence.
            ItemKind::Word if items[m].lower.ends_with('.') && items[m].lower.len() > 2 => next
                .is_some_and(|x| {
                    x.cap
                        && (SUBJECT_PRONOUNS.contains(&x.lower.as_str())
                            || matches!(x.lower.as_str(), "the" | "but" | "and" | "in"))
                }),
            ItemKind::Quote(r) => {
                let end = region_end_punct(chars, &regions[r]);
                // `"We won." He left.` splits; `"Won?" he asked.` and `"Won!" Smith
                // said.` do not (a period inside is the writer's end of sentence).
                end.is_some()
                    && next_opens
                    && next.is_some()
                    && !(m + 1..(m + 7).min(n)).any(|k| {
                        let cue = cue_at(items, k).is_some_and(|c| c.form != Form::Ing)
                            || items[k].lower == "according";
                        // After a period inside the marks, only `"…." Trump said.` goes on;
                        // `"…?" He answered, "…"` is a new sentence.
                        let new_sentence = items[m + 1].cap
                            && SUBJECT_PRONOUNS.contains(&items[m + 1].lower.as_str())
                            && items.get(k + 1).is_some_and(|x| !is_end_punct(x));
                        let quote_between = (m + 1..k).any(|t| items[t].quote().is_some());
                        cue && !new_sentence
                            && !quote_between
                            && (end != Some('.') || items.get(k + 1).is_none_or(is_end_punct))
                    })
            }
            _ => false,
        };
        if split || m + 1 == n {
            out.push((s, m + 1));
            s = m + 1;
        }
    }
    out
}
