//! One sentence's frames: the sentence is read item by item, and each cue found makes a
//! frame. Headline colons (`Name: content`), `according to X`, naming verbs (`called it
//! "a farce"`) and a sentence that opens with its verb (`Said Comey, "…"`) are read here;
//! verb cues go to [`frame`].

use super::super::lexicon::{cue_at, is_not_speaker};
use super::super::mentions::np_after;
use super::super::tokens::is_end_punct;
use super::frame::{frame, Found};
use super::patterns::{naming_frame, pattern_cue};
use super::spans::Ctx;
use super::Draft;
use crate::lexicon::speech::QUOTE_VERBS;

/// A sentence being read: its items `s..e`, `e_eff` without the closing punctuation,
/// where unclaimed content starts (`cursor`), the item at hand (`k`) and the subject of
/// the last frame.
#[derive(Clone, Copy)]
struct Walk<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: usize,
    e: usize,
    e_eff: usize,
    cursor: usize,
    k: usize,
    last_subject: Option<(usize, usize)>,
}

/// One sentence's frames. `cursor` is where unclaimed content starts.
pub(super) fn sentence_frames(ctx: &Ctx, s: usize, e: usize, out: &mut Vec<Draft>) {
    let items = ctx.items;
    // Effective end: without the closing punctuation.
    let mut e_eff = e;
    while e_eff > s && is_end_punct(&items[e_eff - 1]) {
        e_eff -= 1;
    }
    let mut w = Walk {
        ctx,
        s,
        e,
        e_eff,
        cursor: s,
        k: s,
        last_subject: None,
    };
    while w.k < e_eff {
        let k = w.k;
        let it = &items[k];
        // Headline style: `Name: content` at the start of a paragraph or after a dash.
        if it.is_punct(':') && k > w.cursor && k + 1 < e_eff {
            if let Some(d) = w.headline_colon() {
                out.push(d);
                return;
            }
        }
        if it.is_word()
            && it.lower == "according"
            && items.get(k + 1).is_some_and(|x| x.lower == "to")
        {
            (w.cursor, w.k) = w.according_to(out);
            continue;
        }
        if let Some(found) = naming_frame(ctx, s, e_eff, w.cursor, k, w.last_subject) {
            w.take(found, out);
            continue;
        }
        if k == s && it.cap && QUOTE_VERBS.contains(&it.lower.as_str()) {
            if let Some(d) = w.said_first() {
                out.push(d);
                return;
            }
        }
        let Some(cue) = cue_at(items, k).or_else(|| pattern_cue(items, s, e_eff, k)) else {
            w.k += 1;
            continue;
        };
        match frame(ctx, s, e_eff, w.cursor, k, cue, w.last_subject) {
            Some(found) => w.take(found, out),
            None => w.k += 1,
        }
    }
}

impl Walk<'_, '_> {
    /// Keeps a frame and reads on after its content.
    fn take(&mut self, (draft, next, subject): Found, out: &mut Vec<Draft>) {
        out.push(draft);
        self.last_subject = Some(subject);
        self.cursor = next;
        self.k = next.max(self.k + 1);
    }

    /// `Name: content` with the colon at `k`, at the start of a paragraph or after a
    /// dash; the content runs to the end of the paragraph when it opens with a quotation.
    fn headline_colon(&self) -> Option<Draft> {
        let Walk {
            ctx,
            s,
            e,
            cursor,
            k,
            ..
        } = *self;
        let items = ctx.items;
        let mut a = k;
        while a > cursor && k - a < 5 && items[a - 1].is_word() && items[a - 1].cap {
            a -= 1;
        }
        let starts = (a == 0 && s == 0)
            || (a > 0 && (items[a - 1].is_punct('—') || items[a - 1].is_punct('-')));
        let shouting = items[a..k]
            .iter()
            .all(|x| ctx.chars[x.start..x.end].iter().all(|c| !c.is_lowercase()));
        let named = a < k && !is_not_speaker(items[a].lower.as_str()) && !shouting;
        if starts && named {
            let whole = s == 0
                && (ctx.items.get(k + 1).is_some_and(|x| x.quote().is_some())
                    || e == ctx.items.len());
            let end = if whole { ctx.items.len() } else { e };
            let regions = ctx.regions_in(k + 1, end);
            if let Some(sp) = ctx.span(k + 1, end) {
                return Some(ctx.draft(vec![sp], Some((a, k)), None, ":".into(), regions));
            }
        }
        None
    }

    /// `According to X, CONTENT` and `CONTENT, according to X`, with `according` at `k`.
    /// Returns the new cursor and where to read on.
    fn according_to(&self, out: &mut Vec<Draft>) -> (usize, usize) {
        let Walk {
            ctx,
            e_eff,
            mut cursor,
            mut k,
            ..
        } = *self;
        let items = ctx.items;
        // The source runs to the next comma (`According to early results of exit
        // polls conducted by Edison Research, …`), or is a noun phrase.
        let to_comma = (k + 2..(k + 22).min(e_eff))
            .find(|&t| items[t].is_punct(','))
            .filter(|&c| c > k + 2);
        let source = to_comma
            .map(|c| (k + 2, c))
            .or_else(|| np_after(items, k + 2, e_eff));
        if let Some(subj) = source {
            let before_end = if k > cursor && items[k - 1].is_punct(',') {
                k - 1
            } else {
                k
            };
            let cue = ctx.text(k, k + 2);
            if ctx.words_in(cursor, before_end) >= 2 {
                // `…, and he will be part of it, according to X`: the last clause.
                let from = (cursor + 1..before_end)
                    .rev()
                    .find(|&t| {
                        (items[t].is_punct(';'))
                            || (items[t - 1].is_punct(',')
                                && matches!(items[t].lower.as_str(), "and" | "but"))
                    })
                    .map_or(cursor, |t| t + 1);
                let mut spans = vec![];
                spans.extend(ctx.span(from, before_end));
                let mut regions = ctx.regions_in(from, before_end);
                // `X is, according to Y, Z`: the rest of the sentence too.
                if subj.1 < e_eff && items[subj.1].is_punct(',') && ctx.words_in(subj.1, e_eff) >= 2
                {
                    spans.extend(ctx.span(subj.1 + 1, e_eff));
                    regions.extend(ctx.regions_in(subj.1 + 1, e_eff));
                    cursor = e_eff;
                } else {
                    cursor = subj.1;
                }
                if !spans.is_empty() {
                    out.push(ctx.draft(spans, Some(subj), None, cue, regions));
                }
                k = cursor.max(k + 2);
                return (cursor, k);
            }
            if subj.1 < e_eff && items[subj.1].is_punct(',') {
                let a = subj.1 + 1;
                let stop = ctx.content_stop(a, e_eff);
                if let Some(sp) = ctx.span(a, stop) {
                    out.push(ctx.draft(vec![sp], Some(subj), None, cue, ctx.regions_in(a, stop)));
                    cursor = stop;
                    k = stop;
                    return (cursor, k);
                }
            }
        }
        (cursor, k + 2)
    }

    /// `Said Comey, "…"`: a sentence that opens with its verb (at `k`, the sentence
    /// start) and the speaker.
    fn said_first(&self) -> Option<Draft> {
        let Walk {
            ctx, e, e_eff, k, ..
        } = *self;
        let items = ctx.items;
        // `Said Comey, "…"`
        if let Some(n) = np_after(items, k + 1, e_eff) {
            if n.1 + 1 < e_eff && (items[n.1].is_punct(',') || items[n.1].is_punct(':')) {
                let mut a = n.1 + 1;
                if items[a].lower == "who" {
                    // `Said Dorothy Poynter, who grew up with Ali, "…"`
                    if let Some(c) = (a + 1..e_eff).find(|&t| items[t].is_punct(',')) {
                        a = c + 1;
                    }
                }
                if let Some(sp) = ctx.span(a, e) {
                    return Some(ctx.draft(
                        vec![sp],
                        Some(n),
                        None,
                        ctx.text(k, k + 1),
                        ctx.regions_in(a, e),
                    ));
                }
            }
        }
        None
    }
}
