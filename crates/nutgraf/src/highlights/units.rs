//! Candidate units: the article's sentences, over-long ones cut further, and the words
//! they are made of.
//!
//! A unit is a byte span of [`Article::text`](crate::Article::text). Sentences come from
//! the article's splitter ([`Article::sentences`](crate::Article::sentences)); one of more
//! than [`SPLIT_ABOVE_WORDS`] words is cut again at sentence punctuation that the
//! splitter did not take (lowercased text, where `. the` does not look like a sentence
//! end), then at `; `.

use crate::article::Article;
use crate::lexicon::abbreviations::ABBREVIATIONS;

/// Units of more words than this are cut further at sentence punctuation.
pub(super) const SPLIT_ABOVE_WORDS: usize = 55;

/// The article's candidate units as byte spans of its text, in order.
pub(super) fn unit_spans(article: &Article) -> Vec<(usize, usize)> {
    let text = article.text.as_str();
    let byte_spans = char_to_byte_spans(
        text,
        article
            .sentences
            .iter()
            .map(|s| (s.start.min(s.end), s.end)),
    );
    let mut pieces = Vec::with_capacity(byte_spans.len() + 4);
    for (b0, b1) in byte_spans {
        if b0 < b1 && b1 <= text.len() {
            split_long(text, b0, b1, &mut pieces);
        }
    }
    pieces
}

/// Converts char spans to byte spans in one pass (spans in order, non-overlapping).
fn char_to_byte_spans(
    text: &str,
    spans: impl Iterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().enumerate().peekable();
    let mut to_byte = |target: usize| -> usize {
        while let Some(&(ci, (bi, _))) = it.peek() {
            if ci >= target {
                return bi;
            }
            it.next();
        }
        text.len()
    };
    for (s, e) in spans {
        let (s, e) = (s.min(e), e);
        let b0 = to_byte(s);
        let b1 = to_byte(e);
        out.push((b0, b1.max(b0)));
    }
    out
}

/// Converts byte spans to char spans in one pass (spans in order, non-overlapping).
pub(super) fn byte_to_char_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Spans are in order and non-overlapping: count characters incrementally.
    let mut out = Vec::with_capacity(spans.len());
    let mut last_byte = 0usize;
    let mut last_char = 0usize;
    for &(b0, b1) in spans {
        last_char += text[last_byte..b0].chars().count();
        let c0 = last_char;
        let c1 = c0 + text[b0..b1].chars().count();
        last_byte = b1;
        last_char = c1;
        out.push((c0, c1));
    }
    out
}

// Written for this module: English function words plus the reporting verbs of news.
pub(super) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "like",
    "ll",
    "m",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "people",
    "re",
    "s",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "time",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "ve",
    "very",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
];

/// Whether a word (lowercase) is a function word that carries no content.
pub(super) fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// Words of a text: maximal runs of alphanumeric characters, with their byte ranges.
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if c.is_alphanumeric() {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// Words of a piece of text, counted as whitespace-separated runs holding a letter or digit.
pub(super) fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Splits one over-long unit (byte range) at sentence punctuation the splitter did not
/// take, then at semicolons; pieces of fewer than 6 words are not cut off.
fn split_long(text: &str, b0: usize, b1: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[b0..b1];
    if slice.split_whitespace().count() <= SPLIT_ABOVE_WORDS {
        out.push((b0, b1));
        return;
    }
    let mut cuts_sentence = Vec::new();
    let mut cuts_semi = Vec::new();
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?' | b';') {
            // Closing quotes/brackets stay with the sentence.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            if j < bytes.len() && bytes[j].is_ascii_whitespace() {
                let prev_word = slice[..i]
                    .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
                    .next()
                    .unwrap_or("");
                let abbreviation = c == b'.'
                    && (prev_word.chars().count() <= 1 || prev_word.contains('.') || {
                        let w = prev_word.to_ascii_lowercase();
                        ABBREVIATIONS.contains(&w.as_str()) || w == "no"
                    });
                if !abbreviation {
                    if c == b';' {
                        cuts_semi.push(j);
                    } else {
                        cuts_sentence.push(j);
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let cut_at = |cuts: &[usize], out: &mut Vec<(usize, usize)>, recurse: bool| {
        let mut start = 0;
        let mut pieces = Vec::new();
        for &c in cuts {
            let before = slice[start..c].split_whitespace().count();
            let after = slice[c..].split_whitespace().count();
            if before >= 6 && after >= 6 {
                pieces.push((start, c));
                start = c;
            }
        }
        pieces.push((start, slice.len()));
        for (s, e) in pieces {
            let piece = &slice[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            let (s, e) = (b0 + s + lead, b0 + e - trail);
            if s >= e {
                continue;
            }
            if recurse {
                split_semis(text, s, e, out);
            } else {
                out.push((s, e));
            }
        }
    };
    if cuts_sentence.is_empty() && cuts_semi.is_empty() {
        out.push((b0, b1));
    } else {
        cut_at(&cuts_sentence, out, true);
    }
}

/// Cuts a still over-long piece at `; `.
fn split_semis(text: &str, b0: usize, b1: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[b0..b1];
    if slice.split_whitespace().count() <= SPLIT_ABOVE_WORDS {
        out.push((b0, b1));
        return;
    }
    let mut start = 0;
    for (i, _) in slice.match_indices("; ") {
        let cut = i + 1;
        if slice[start..cut].split_whitespace().count() >= 6
            && slice[cut..].split_whitespace().count() >= 6
        {
            let piece = slice[start..cut].trim();
            if !piece.is_empty() {
                let s =
                    b0 + start + (slice[start..cut].len() - slice[start..cut].trim_start().len());
                out.push((s, s + piece.len()));
            }
            start = cut;
        }
    }
    let piece = &slice[start..];
    let lead = piece.len() - piece.trim_start().len();
    let s = b0 + start + lead;
    let e = b0 + start + piece.trim_end().len();
    if s < e {
        out.push((s, e));
    }
}

/// Reporting verbs that mark an attribution tail (`, police said.`).
pub(super) const ATTRIBUTION_VERBS: &[&str] = &[
    "according",
    "added",
    "adds",
    "admitted",
    "announced",
    "claimed",
    "confirmed",
    "emerged",
    "explained",
    "insisted",
    "reported",
    "reports",
    "revealed",
    "said",
    "says",
    "stated",
    "told",
    "warned",
    "wrote",
];
