//! Trims of a chosen unit: what is cut from its start or end before it is written as a
//! highlight, keeping one contiguous span of the text.
//!
//! Trims change only the written span, never the unit's features or score, so the
//! fitted weights stand whatever trims are on. Each trim is a bit of [`Model::trim`]
//! (`nutgraf-lab cnndm-eval --trim BITS` measures any combination); see [`Model`] for the figures
//! behind the shipped choice.

use super::features::is_caption;
use super::units::{count_words, ATTRIBUTION_VERBS};
#[cfg(doc)]
use super::Model;

/// Trim: a highlight starts after a wire dateline (`LONDON, England (CNN) -- `).
pub const TRIM_DATELINE: u32 = 1;
/// Trim: a trailing photo-caption parenthetical (`(pictured)`, `(left)`) is dropped.
pub const TRIM_PAREN: u32 = 2;
/// Trim: a trailing attribution (`, police said.`, `,' he said.`) is dropped.
pub const TRIM_ATTRIBUTION: u32 = 4;

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’')
}

/// The part of a unit (byte range relative to `slice`) that is written as a highlight,
/// after the trims in `flags`: still one contiguous span, never fewer than 5 words.
pub(super) fn trim_span(slice: &str, flags: u32) -> (usize, usize) {
    let (mut s, mut e) = (0, slice.len());
    if flags & TRIM_DATELINE != 0 {
        // `LONDON, England (CNN) -- Text`, `Washington (CNN)Text`, `(cnn) text`.
        let head_end = (0..=slice.len().min(100))
            .rev()
            .find(|&i| slice.is_char_boundary(i))
            .unwrap_or(0);
        let head = slice[..head_end].to_ascii_lowercase();
        if let Some(i) = head.find("(cnn)") {
            let rest = &slice[i + 5..];
            let t = rest.trim_start();
            let t = t
                .strip_prefix("--")
                .or_else(|| t.strip_prefix('—'))
                .or_else(|| t.strip_prefix('–'))
                .map_or(t, str::trim_start);
            let ns = slice.len() - t.len();
            if count_words(&slice[ns..e]) >= 5 {
                s = ns;
            }
        }
    }
    if flags & TRIM_PAREN != 0 {
        // `... solar activity (shown).`
        let body = slice[s..e].trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        if body.ends_with(')') {
            if let Some(open) = body.rfind('(') {
                let inner = body[open + 1..body.len() - 1].to_lowercase();
                if is_caption(&format!("({inner}")) && count_words(&inner) <= 4 {
                    let ne = s + body[..open].trim_end().len();
                    if count_words(&slice[s..ne]) >= 5 {
                        e = ne;
                    }
                }
            }
        }
    }
    if flags & TRIM_ATTRIBUTION != 0 {
        // `..., police said.` / `...,' he said.` / `... , he said .`
        let body = slice[s..e].trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        if let Some(comma) = body.rfind(',') {
            let after = &body[comma + 1..];
            let quoted = after.trim_start().starts_with(is_quote);
            let tail = after.trim_start().trim_start_matches(is_quote);
            let n = count_words(tail);
            let verb = tail.split_whitespace().any(|w| {
                ATTRIBUTION_VERBS
                    .binary_search(&w.to_lowercase().as_str())
                    .is_ok()
            });
            let clean = !tail.contains(['"', '“', '”', ',', '(', ';', ':', '?', '!']);
            if (1..=8).contains(&n) && verb && clean {
                let ne = if quoted {
                    // Keep the closing quote.
                    let lead = after.len() - after.trim_start().len();
                    let q = after.trim_start();
                    let ql = q.len() - q.trim_start_matches(is_quote).len();
                    s + comma + 1 + lead + ql
                } else {
                    s + body[..comma].trim_end().len()
                };
                if count_words(&slice[s..ne]) >= 5 {
                    e = ne;
                }
            }
        }
    }
    (s, e.max(s))
}
