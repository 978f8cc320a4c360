//! The paragraph a frame is read in (`Ctx`) and the helpers over its items: item
//! ranges to trimmed character spans, word counts, where a cue phrase ends and where the
//! content after it stops.
//!
//! Item ranges are `(first, end)` pairs of item indices; character spans are
//! `Span`s.

use super::super::lexicon::{cue_at, is_time_word, Class, Form, PREPS};
use super::super::marks::Region;
use super::super::mentions::{np_after, np_before, plausible_speaker, skip_between_back};
use super::super::tokens::{is_end_punct, Item, ItemKind};
use super::patterns::pattern_cue;
use super::Draft;
use crate::sentences::Span;

/// Longest content, in items, that a frame takes after its cue.
const MAX_CONTENT_ITEMS: usize = 200;

/// Everything the frame finder needs about one paragraph.
pub(super) struct Ctx<'a> {
    pub(super) chars: &'a [char],
    pub(super) regions: &'a [Region],
    pub(super) items: &'a [Item],
    pub(super) para: usize,
}

impl Ctx<'_> {
    /// Character spans of items `a..b`, trimmed of edge punctuation and quote marks.
    pub(super) fn span(&self, mut a: usize, mut b: usize) -> Option<Span> {
        let items = self.items;
        while a < b && matches!(items[a].kind, ItemKind::Punct(_)) {
            a += 1;
        }
        while b > a && matches!(items[b - 1].kind, ItemKind::Punct(_)) {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        let start = match items[a].kind {
            ItemKind::Quote(r) => self.regions[r].inner_start(),
            _ => items[a].start,
        };
        let mut end = match items[b - 1].kind {
            ItemKind::Quote(r) => self.regions[r].inner_end(),
            _ => items[b - 1].end,
        };
        while end > start
            && (self.chars[end - 1].is_whitespace()
                || matches!(self.chars[end - 1], ',' | ';' | ':' | '—' | '-'))
        {
            end -= 1;
        }
        let mut start = start;
        while start < end && self.chars[start].is_whitespace() {
            start += 1;
        }
        (start < end && self.chars[start..end].iter().any(|c| c.is_alphanumeric()))
            .then_some(Span { start, end })
    }

    /// Words in items `a..b`, counting the words inside quotations.
    pub(super) fn words_in(&self, a: usize, b: usize) -> usize {
        self.items[a..b]
            .iter()
            .map(|it| match it.kind {
                ItemKind::Word => 1,
                ItemKind::Quote(r) => {
                    let reg = &self.regions[r];
                    self.chars[reg.inner_start()..reg.inner_end()]
                        .split(|c| c.is_whitespace())
                        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
                        .count()
                }
                ItemKind::Punct(_) => 0,
            })
            .sum()
    }

    /// The characters of the item range `a..b`, untrimmed.
    pub(super) fn chars_span(&self, (a, b): (usize, usize)) -> Span {
        Span {
            start: self.items[a].start,
            end: self.items[b - 1].end,
        }
    }

    /// The text of items `a..b`, as written.
    pub(super) fn text(&self, a: usize, b: usize) -> String {
        if a >= b {
            return String::new();
        }
        self.chars[self.items[a].start..self.items[b - 1].end]
            .iter()
            .collect()
    }

    /// The quotations among items `a..b`.
    pub(super) fn regions_in(&self, a: usize, b: usize) -> Vec<usize> {
        self.items[a..b].iter().filter_map(Item::quote).collect()
    }

    /// After the cue (and inverted subject): listener, time and place phrases.
    /// Returns (end of the cue phrase, start of the content).
    pub(super) fn complements(&self, mut i: usize, e: usize, class: Class) -> (usize, usize) {
        let items = self.items;
        if class == Class::Tell && i < e && items[i].is_word() && items[i].lower != "that" {
            if let Some((a, b)) = np_after(items, i, e) {
                // A listener is short (`reporters`, `The Washington Post`, `him`); `told a
                // tale of two parties` is no speech.
                let named = items[a..b].iter().filter(|x| !x.cap).count() <= 2;
                let closes = b >= e || matches!(items[b].kind, ItemKind::Punct(_));
                if (b - a <= 5 && named) || closes {
                    i = b;
                } else {
                    return (i, usize::MAX);
                }
            }
        }
        let mut guard = 0;
        while i < e && guard < 4 {
            guard += 1;
            let it = &items[i];
            if !it.is_word() {
                break;
            }
            let w = it.lower.as_str();
            if is_time_word(w) {
                i += 1;
                continue;
            }
            if PREPS.contains(&w) {
                let limit = (i + 9).min(e);
                let stop = (i + 1..limit).find(|&t| {
                    let x = &items[t];
                    x.is_punct(',') || x.is_punct(':') || x.lower == "that" || is_end_punct(x)
                });
                let stop = stop.or((limit == e).then_some(e));
                match stop {
                    Some(t) if !(i + 1..t).any(|q| cue_at(items, q).is_some()) => {
                        i = t;
                        continue;
                    }
                    _ => break,
                }
            }
            break;
        }
        // `in Madison, Wisconsin, that …`
        if i + 3 < e
            && items[i].is_punct(',')
            && items[i + 1].cap
            && items[i + 2].is_punct(',')
            && items[i + 3].lower == "that"
        {
            i += 2;
        }
        let cue_end = i;
        if i < e && (items[i].lower == "that" || items[i].is_punct(',') || items[i].is_punct(':')) {
            i += 1;
        }
        (cue_end, i)
    }

    /// Where the content of a before-frame stops: at a following `, adding …`,
    /// `, according to …` or the sentence end.
    pub(super) fn content_stop(&self, a: usize, e: usize) -> usize {
        let items = self.items;
        // Bounded look-ahead: a content runs at most this many items (quotations count
        // as one), which keeps long runs of cues linear.
        let e = e.min(a + MAX_CONTENT_ITEMS);
        for m in a + 1..e {
            let comma_quote = items[m - 1].quote().is_some_and(|r| {
                let reg = &self.regions[r];
                self.chars[reg.inner_start()..reg.inner_end()]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| *c == ',')
            });
            let joint = items[m - 1].is_punct(',')
                || comma_quote
                || (items[m].is_word()
                    && matches!(
                        items[m].lower.as_str(),
                        "but" | "whereas" | "while" | "although" | "though"
                    )
                    && items[m - 1].is_punct(','));
            if comma_quote && cue_at(items, m).is_some_and(|c| c.form == Form::Ing) {
                // `"…should be wrapped up by Cleveland," referring to …`
                return m;
            }
            if m > a + 1 && items[m].is_word() && matches!(items[m].lower.as_str(), "and" | "but") {
                // `a woman asked for a photo and Clinton said, "…"`
                let to = (m + 6).min(e);
                if let Some(v) =
                    (m + 2..to).find(|&t| cue_at(items, t).is_some_and(|c| c.form != Form::Ing))
                {
                    let j = skip_between_back(items, m + 1, v);
                    if np_before(items, m + 1, j).is_some_and(|n| n.0 == m + 1 && items[n.0].cap) {
                        return m;
                    }
                }
            }
            if m > a + 1
                && matches!(items[m].lower.as_str(), "but" | "and")
                && items.get(m + 1).is_some_and(|_| {
                    cue_at(items, m + 1).is_some_and(|c| {
                        matches!(c.form, Form::Past | Form::Third) && c.class != Class::Belief
                    })
                })
            {
                // `she respects X but argues that …`: the next statement.
                return m;
            }
            if items[m - 1].is_punct(',') {
                if cue_at(items, m).is_some_and(|c| c.form == Form::Ing) {
                    return m - 1;
                }
                if items[m].lower == "according" {
                    return m - 1;
                }
            }
            if joint {
                // `…, but six in 10 said …` / `…, Lewandowski said …`: another attribution.
                let from = if items[m].is_punct(',') { m + 1 } else { m };
                let m = if comma_quote { m + 1 } else { m };
                let to = (from + 12).min(e);
                if let Some(v) = (from..to).find(|&t| {
                    cue_at(items, t).is_some_and(|c| c.form != Form::Ing)
                        || pattern_cue(items, from, e, t).is_some()
                }) {
                    let j = skip_between_back(items, from, v);
                    if j == from + 1 && matches!(items[from].lower.as_str(), "but" | "and") {
                        // `…, but said, "…"`: the same subject's next statement.
                        return m - 1;
                    }
                    if let Some(n) = np_before(items, from, j) {
                        if n.0 <= from + 1 && plausible_speaker(items, n) {
                            // `asserted X: "Q," he claimed.`: the quotation is the next
                            // speaker's.
                            if comma_quote
                                && m >= a + 3
                                && matches!(items[m - 3].kind, ItemKind::Punct(_))
                            {
                                return m - 3;
                            }
                            return m - 1;
                        }
                    }
                }
            }
        }
        e
    }

    /// A draft of `spans` (characters), with the mention and description given as item
    /// ranges.
    pub(super) fn draft(
        &self,
        spans: Vec<Span>,
        mention: Option<(usize, usize)>,
        description: Option<(usize, usize)>,
        cue: String,
        regions: Vec<usize>,
    ) -> Draft {
        Draft {
            spans,
            mention: mention.map(|m| self.chars_span(m)),
            description: description.map(|d| self.chars_span(d)),
            cue,
            para: self.para,
            regions,
            direct: false,
            antecedent: None,
        }
    }
}
