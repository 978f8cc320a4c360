//! The pass over the whole article: every paragraph's sentences are read for frames
//! (`sentence_frames`), and what a single sentence cannot settle is settled across
//! sentences and paragraphs here:
//! - a quotation that runs on into the next paragraph, and quotation-only sentences and
//!   paragraphs after a direct quote (`"…," he said. "More."` and the `he added`
//!   paragraphs after);
//! - `— Name` lines under a quotation, and `“…” ― Name` letters;
//! - a colon frame (`He declared:`) whose quotation is the next paragraph;
//! - transcript lines (`transcript`);
//! - quotations nobody claimed, given to the subject of their sentence or the last
//!   speaker.

use super::super::marks::Region;
use super::super::mentions::np_after;
use super::super::tokens::{Item, ItemKind, Paragraph};
use super::frame::clause_subject;
use super::patterns::{is_title, possessive_owner};
use super::sentence::sentence_frames;
use super::spans::Ctx;
use super::Draft;
use crate::sentences::Span;

/// Whether a quotation-only paragraph joins the direct quote that ends the paragraph
/// before it.
const APPEND_NEXT_PARAGRAPH: bool = true;

/// Fewest words of an unclaimed quotation reported without a cue.
const UNCLAIMED_MIN_WORDS: usize = 6;

/// The pass over an article's paragraphs and what it carries from one to the next.
pub(super) struct Pass<'a> {
    pub(super) chars: &'a [char],
    pub(super) regions: &'a [Region],
    paras: &'a [Paragraph],
    /// The drafts so far, in the order found.
    pub(super) out: Vec<Draft>,
    /// Regions a draft holds.
    pub(super) claimed: Vec<bool>,
    /// The draft a running quotation belongs to: (region that continues, draft index).
    pub(super) running: Option<(usize, usize)>,
    /// The speaker an unattributed quotation goes to: (draft index, paragraph).
    last_speaker: Option<(usize, usize)>,
    /// The draft of the transcript line in the paragraph before, if any.
    pub(super) transcript: Option<usize>,
}

/// All drafts of an article, in text order.
pub fn attribute(chars: &[char], regions: &[Region], paras: &[Paragraph]) -> Vec<Draft> {
    let mut pass = Pass {
        chars,
        regions,
        paras,
        out: Vec::new(),
        claimed: vec![false; regions.len()],
        running: None,
        last_speaker: None,
        transcript: None,
    };
    for (pi, para) in paras.iter().enumerate() {
        pass.paragraph(pi, para);
    }
    pass.unclaimed()
}

impl Pass<'_> {
    /// One paragraph: a transcript line, a `— Name` line, or its sentences' frames with
    /// the quotations that carry on from the paragraph before.
    fn paragraph(&mut self, pi: usize, para: &Paragraph) {
        // Transcript lines (`PENCE: …`) and the quoted paragraphs that carry them on.
        if self.transcript_line(pi, para) {
            return;
        }
        let ctx = Ctx {
            chars: self.chars,
            regions: self.regions,
            items: &para.items,
            para: pi,
        };
        let first_new = self.out.len();
        // A quotation running on from the last paragraph.
        let mut skip_to = self.running_on(&ctx, para);
        if self.dash_line(&ctx, pi, para) || self.dash_letter(&ctx, para) {
            return;
        }
        if let Some(n) = self.colon_waiting(&ctx, pi, para) {
            skip_to = n;
        }
        for &(s, e) in para.sentences.iter().skip(skip_to) {
            self.sentence(&ctx, pi, para, first_new, s, e);
        }
        self.remember(&ctx, pi, para, first_new);
    }

    /// A quotation running on from the last paragraph: a first sentence of quotations
    /// only joins its draft. How many sentences it took (0 or 1).
    fn running_on(&mut self, ctx: &Ctx, para: &Paragraph) -> usize {
        let regions = self.regions;
        let mut skip_to = 0;
        if let Some((r, di)) = self.running.take() {
            if regions[r].continues {
                if let Some(first) = para.items.first().and_then(Item::quote) {
                    // The whole first sentence (if only quotes) joins the draft.
                    let (s0, e0) = para.sentences.first().copied().unwrap_or((0, 0));
                    let only_quotes = para.items[s0..e0]
                        .iter()
                        .all(|x| x.quote().is_some() || matches!(x.kind, ItemKind::Punct(_)));
                    if only_quotes {
                        if let Some(sp) = ctx.span(s0, e0) {
                            self.out[di].spans.push(sp);
                        }
                        for x in para.items[s0..e0].iter().filter_map(Item::quote) {
                            self.claimed[x] = true;
                            self.out[di].regions.push(x);
                        }
                        skip_to = 1;
                        if regions[first].continues && para.items[s0..e0].len() == 1 {
                            self.running = Some((first, di));
                        }
                    }
                }
            }
        }
        skip_to
    }

    /// `"…"` then a paragraph `— Sanders.` / `-President Obama, tweeting …`: the
    /// speaker of the quotation before. Whether the paragraph was taken.
    fn dash_line(&mut self, ctx: &Ctx, pi: usize, para: &Paragraph) -> bool {
        let (chars, regions, paras) = (self.chars, self.regions, self.paras);
        if pi > 0
            && para.items.len() <= 24
            && para
                .items
                .first()
                .is_some_and(|x| x.is_punct('—') || x.is_punct('-'))
        {
            if let Some(name) =
                np_after(&para.items, 1, para.items.len()).filter(|n| para.items[n.0].cap)
            {
                let prev = &paras[pi - 1];
                let rs: Vec<usize> = prev.items.iter().filter_map(Item::quote).collect();
                let whole_quote = prev
                    .items
                    .iter()
                    .all(|x| x.quote().is_some() || matches!(x.kind, ItemKind::Punct(_)));
                if whole_quote && !rs.is_empty() {
                    let pctx = Ctx {
                        chars,
                        regions,
                        items: &prev.items,
                        para: pi - 1,
                    };
                    // The quotation may already be held by an inherited draft: take it over.
                    self.out.retain(|d| {
                        !(d.cue.is_empty() && d.regions.iter().any(|r| rs.contains(r)))
                    });
                    if let Some(sp) = pctx.span(0, prev.items.len()) {
                        let mut d = ctx.draft(vec![sp], Some(name), None, "—".into(), rs.clone());
                        d.para = pi - 1;
                        self.out.push(d);
                        for &r in &rs {
                            self.claimed[r] = true;
                        }
                        return true;
                    }
                }
            }
        }
        false
    }

    /// `“…” ― Name` in one paragraph (letters, readers' comments): the name after the
    /// dash is the speaker of the quotation before it. Whether the paragraph was taken.
    fn dash_letter(&mut self, ctx: &Ctx, para: &Paragraph) -> bool {
        if let Some(d) = para
            .items
            .iter()
            .rposition(|x| x.is_punct('—') || x.is_punct('-'))
            .filter(|&d| d > 0 && para.items.len() - d <= 8)
        {
            let before = &para.items[..d];
            let rs: Vec<usize> = before.iter().filter_map(Item::quote).collect();
            let only_quotes = before
                .iter()
                .all(|x| x.quote().is_some() || matches!(x.kind, ItemKind::Punct(_)));
            let name = np_after(&para.items, d + 1, para.items.len())
                .filter(|n| para.items[n.0].cap)
                .filter(|n| {
                    para.items[n.1..]
                        .iter()
                        .all(|x| matches!(x.kind, ItemKind::Punct(_)))
                });
            if let (true, false, Some(name)) = (only_quotes, rs.is_empty(), name) {
                if !rs.iter().any(|&r| self.claimed[r]) {
                    if let Some(sp) = ctx.span(0, d) {
                        self.out.retain(|dr| {
                            !(dr.cue.is_empty() && dr.regions.iter().any(|r| rs.contains(r)))
                        });
                        self.out.push(ctx.draft(
                            vec![sp],
                            Some(name),
                            None,
                            "—".into(),
                            rs.clone(),
                        ));
                        for &r in &rs {
                            self.claimed[r] = true;
                        }
                        return true;
                    }
                }
            }
        }
        false
    }

    /// A colon frame (`He declared:`) waiting for this paragraph takes its quotations;
    /// the sentences it took.
    fn colon_waiting(&mut self, ctx: &Ctx, pi: usize, para: &Paragraph) -> Option<usize> {
        let mut skip_to = None;
        if let Some(prev) = self.out.last() {
            if prev.spans.is_empty() && prev.para + 1 == pi {
                let di = self.out.len() - 1;
                if let Some(&(s0, _)) = para.sentences.first() {
                    if para.items.get(s0).and_then(Item::quote).is_some() {
                        let e_all = para.items.len();
                        if let Some(sp) = ctx.span(0, e_all) {
                            self.out[di].spans.push(sp);
                            for x in para.items.iter().filter_map(Item::quote) {
                                self.claimed[x] = true;
                                self.out[di].regions.push(x);
                            }
                            skip_to = Some(para.sentences.len());
                            if let Some(r) = para.items.last().and_then(Item::quote) {
                                self.running = Some((r, di));
                            }
                        }
                    }
                }
            }
        }
        skip_to
    }

    /// The frames of the sentence `s..e`, the quotations left over after them, or a
    /// sentence of quotations only given to the draft before or the last speaker.
    fn sentence(
        &mut self,
        ctx: &Ctx,
        pi: usize,
        para: &Paragraph,
        first_new: usize,
        s: usize,
        e: usize,
    ) {
        let before = self.out.len();
        sentence_frames(ctx, s, e, &mut self.out);
        if self.out.len() > before {
            // Quotations left over at the end of a sentence with a direct quote
            // (`…," Briggs said in Santa Monica, Calif. "The reality …"`) join it.
            let last = self.out.len() - 1;
            if !self.out[last].regions.is_empty() {
                let held: Vec<usize> = self.out[before..]
                    .iter()
                    .flat_map(|d| d.regions.iter().copied())
                    .collect();
                let end = self.out[last].spans.last().map_or(0, |sp| sp.end);
                for t in s..e {
                    if let Some(r) = para.items[t].quote() {
                        if !held.contains(&r)
                            && !self.claimed[r]
                            && para.items[t].start >= end
                            && ctx.words_in(t, t + 1) >= 3
                        {
                            if let Some(sp) = ctx.span(t, t + 1) {
                                self.out[last].spans.push(sp);
                                self.out[last].regions.push(r);
                            }
                        }
                    }
                }
            }
        }
        if self.out.len() == before {
            // No cue: quotation-only sentence after a direct quote in this paragraph
            // joins it; otherwise an unattributed quotation at a paragraph start
            // goes to the last speaker.
            let only_quotes = para.items[s..e]
                .iter()
                .all(|x| x.quote().is_some() || matches!(x.kind, ItemKind::Punct(_)))
                && para.items[s..e].iter().any(|x| x.quote().is_some());
            if !only_quotes {
                return;
            }
            let rs: Vec<usize> = para.items[s..e].iter().filter_map(Item::quote).collect();
            if rs.iter().any(|&r| self.claimed[r]) {
                return;
            }
            let Some(sp) = ctx.span(s, e) else { return };
            let holder = (first_new.max(self.out.len().saturating_sub(3))..self.out.len())
                .rev()
                .find(|&d| !self.out[d].regions.is_empty());
            if let Some(di) = holder {
                self.out[di].spans.push(sp);
                self.out[di].regions.extend(rs.iter().copied());
            } else if let Some((ld, _)) = self.last_speaker.filter(|&(ld, lp)| {
                APPEND_NEXT_PARAGRAPH
                    && lp + 1 == pi
                    && !self.out[ld].regions.is_empty()
                    && ld + 1 == self.out.len()
            }) {
                // A paragraph of quotation after one that ended with a direct quote
                // goes on with it.
                self.out[ld].spans.push(sp);
                self.out[ld].regions.extend(rs.iter().copied());
            } else if let Some((ld, lp)) = self.last_speaker {
                if pi <= lp + 1 && ctx.words_in(s, e) >= 4 {
                    let mut d = ctx.draft(vec![sp], None, None, String::new(), rs.clone());
                    d.mention = self.out[ld].mention;
                    d.description = None;
                    self.out.push(d);
                }
            }
            for &r in &rs {
                self.claimed[r] = true;
            }
        }
        for d in &self.out[before..] {
            for &r in &d.regions {
                self.claimed[r] = true;
            }
        }
    }

    /// After a paragraph: remember the speaker and a quotation that runs on.
    fn remember(&mut self, ctx: &Ctx, pi: usize, para: &Paragraph, first_new: usize) {
        let regions = self.regions;
        // The speaker an unattributed quotation goes to: who was last quoted directly
        // or said something.
        if let Some(di) = (first_new..self.out.len()).rev().find(|&d| {
            self.out[d].mention.is_some()
                && (!self.out[d].regions.is_empty()
                    || matches!(
                        self.out[d].cue.split(' ').next(),
                        Some("said" | "says" | "told" | "added")
                    ))
        }) {
            self.last_speaker = Some((di, pi));
        }
        if self.running.is_none() {
            if let Some(r) = para.items.last().and_then(Item::quote) {
                if regions[r].continues {
                    if let Some(di) = (first_new..self.out.len())
                        .rev()
                        .find(|&d| self.out[d].regions.contains(&r))
                    {
                        self.running = Some((r, di));
                    } else if let Some((ld, _)) = self.last_speaker {
                        // An unattributed opening paragraph of a long quotation.
                        let (s0, e0) = para.sentences.last().copied().unwrap_or((0, 0));
                        if let Some(sp) = ctx.span(s0, e0) {
                            let mut d = ctx.draft(vec![sp], None, None, String::new(), vec![r]);
                            d.mention = self.out[ld].mention;
                            self.out.push(d);
                            self.running = Some((r, self.out.len() - 1));
                        }
                    }
                }
            }
        }
    }

    /// The pass's last step over the whole article, then the drafts with content.
    fn unclaimed(mut self) -> Vec<Draft> {
        let (chars, regions, paras) = (self.chars, self.regions, self.paras);
        // Quotations nobody claimed (`he yelled "…" at`, `a threat: "…"`): a direct quote of
        // the subject of their sentence, when they are long enough not to be scare quotes.
        // A quotation that opens its sentence goes to the last speaker quoted directly in
        // this paragraph or the one before.
        let mut quoted: Vec<(usize, usize, Span)> = self
            .out
            .iter()
            .filter(|d| !d.regions.is_empty())
            .filter_map(|d| Some((d.para, d.spans.first()?.start, d.mention?)))
            .collect();
        quoted.sort_unstable_by_key(|&(p, s, m)| (p, s, m.start, m.end));
        let mut extra = Vec::new();
        for (pi, para) in paras.iter().enumerate() {
            let ctx = Ctx {
                chars,
                regions,
                items: &para.items,
                para: pi,
            };
            for &(s, e) in &para.sentences {
                for t in s..e {
                    let Some(r) = para.items[t].quote() else {
                        continue;
                    };
                    if self.claimed[r] {
                        continue;
                    }
                    if let Some(owner) = possessive_owner(&para.items, s, t) {
                        // `Romney's "47 percent" comment`, `Clinton's slogan is "I'm with her."`
                        if let Some(sp) = ctx.span(t, t + 1) {
                            self.claimed[r] = true;
                            extra.push(ctx.draft(
                                vec![sp],
                                Some(owner),
                                None,
                                String::new(),
                                vec![r],
                            ));
                        }
                        continue;
                    }
                    if ctx.words_in(t, t + 1) < UNCLAIMED_MIN_WORDS || is_title(chars, &regions[r])
                    {
                        continue;
                    }
                    let Some(sp) = ctx.span(t, t + 1) else {
                        continue;
                    };
                    if t > s {
                        if let Some(subject) = clause_subject(&para.items, s, t) {
                            self.claimed[r] = true;
                            extra.push(ctx.draft(
                                vec![sp],
                                Some(subject),
                                None,
                                String::new(),
                                vec![r],
                            ));
                        }
                        continue;
                    }
                    let before = quoted.partition_point(|q| (q.0, q.1) < (pi, sp.start));
                    if let Some(&(qp, _, mention)) = before.checked_sub(1).map(|b| &quoted[b]) {
                        if qp + 1 >= pi {
                            self.claimed[r] = true;
                            let mut d = ctx.draft(vec![sp], None, None, String::new(), vec![r]);
                            d.mention = Some(mention);
                            extra.push(d);
                        }
                    }
                }
            }
        }
        self.out.extend(extra);
        self.out.retain(|d| !d.spans.is_empty());
        self.out
    }
}
