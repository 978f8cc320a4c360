//! The frame of one verb cue (`said`, `told reporters`, `saying`): who speaks and what
//! they said.
//!
//! [`frame`] reads a cue in phases, each a function over the cue's place ([`Frame`]):
//! 1. *-ing cue*: `…, saying (that) CONTENT`, the subject is the clause's;
//! 2. *conjoined subject*: `X did not name anyone, but told supporters, "…"`;
//! 3. *subject search*: before the verb (`Smith said`, `Smith, the mayor, said`,
//!    `…, who said`) or after it (`"…," said Smith`), then whether the cue is a verb at
//!    all (`the reports`, `they say`);
//! 4. *content before*: `CONTENT, he said.` and `"A," he said, "B."`;
//! 5. *content after*: `X said (that) CONTENT`, `X told reporters: "…"`.
//!
//! Also here: the subject of a clause ([`clause_subject`]), which `-ing` cues,
//! conjoined verbs and unclaimed quotations borrow.

use super::super::lexicon::{
    self, cue_at, Class, Form, BARE_OK, DETERMINERS_CAP, INTRO_WORDS, MEDIUM_NOUNS, NOUNISH,
};
use super::super::mentions::{np_after, np_before, plausible_speaker, skip_between_back};
use super::super::tokens::{is_end_punct, region_end_punct, Item, ItemKind};
use super::spans::Ctx;
use super::Draft;
use crate::lexicon::people::PERSONAL_PRONOUNS;

/// What a frame yields: the draft, where the next content may start, and the subject
/// (item range).
pub(super) type Found = (Draft, usize, (usize, usize));

/// The subject of the clause that starts at `s`: the first noun phrase followed by a
/// word, after leading conjunctions and an introductory phrase (`Before the vote, …`).
pub(super) fn clause_subject(items: &[Item], s: usize, k: usize) -> Option<(usize, usize)> {
    let mut a = s;
    while a < k
        && items[a].is_word()
        && matches!(
            items[a].lower.as_str(),
            "but" | "and" | "so" | "still" | "yet" | "instead" | "then"
        )
    {
        a += 1;
    }
    // A subject is followed by its verb, or by a comma when it is a name with an
    // appositive (`Huma Abedin, vice chairwoman …, emailed`).
    let usable = |sub: &(usize, usize)| {
        sub.1 < k
            && (items[sub.1].is_word() || (items[sub.1].is_punct(',') && items[sub.0].cap))
            && plausible_speaker(items, *sub)
    };
    let intro = items.get(a).is_some_and(|x| {
        INTRO_WORDS.contains(&x.lower.as_str()) || (x.is_word() && x.lower.ends_with("ing"))
    });
    let found = np_after(items, a, k)
        .map(|sub| name_then_verb(items, sub))
        .filter(usable);
    if found.is_some() && !intro {
        return found;
    }
    // After an introductory phrase that ends with a comma (`Speaking in Salem, New
    // Hampshire, Trump went after Bush`): the first phrase followed by a verb.
    (a..k.min(a + 24))
        .filter(|&t| items[t].is_punct(','))
        .take(3)
        .find_map(|c| {
            np_after(items, c + 1, k)
                .map(|sub| name_then_verb(items, sub))
                .filter(|sub| sub.1 < k && items[sub.1].is_word() && plausible_speaker(items, *sub))
        })
}

/// `Trump shot back in …`: a phrase that starts with a name ends before the first
/// lowercase word that is followed by another lowercase word or punctuation.
fn name_then_verb(items: &[Item], (s, e): (usize, usize)) -> (usize, usize) {
    if !items[s].cap || DETERMINERS_CAP.contains(&items[s].lower.as_str()) {
        return (s, e);
    }
    for t in s + 1..e {
        if !items[t].cap
            && !matches!(
                items[t].lower.as_str(),
                "of" | "for" | "de" | "al" | "van" | "von" | "bin"
            )
        {
            let next_cap = items.get(t + 1).is_some_and(|x| x.cap);
            if !next_cap {
                return (s, t);
            }
        }
    }
    (s, e)
}

/// One verb cue in its sentence: the sentence's items `s..e` (without the closing
/// punctuation), where unclaimed content starts (`cursor`), the cue at `k`, and the
/// subject of the sentence's frame before, if any.
#[derive(Clone, Copy)]
struct Frame<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: usize,
    e: usize,
    cursor: usize,
    k: usize,
    cue: lexicon::Cue,
    last_subject: Option<(usize, usize)>,
}

/// A subject and its description (item ranges).
type Named = ((usize, usize), Option<(usize, usize)>);

/// The speaker a subject search found (item ranges).
struct Speaker {
    subject: (usize, usize),
    description: Option<(usize, usize)>,
    /// The subject follows the verb (`said Smith`).
    inverted: bool,
    /// What a relative `who` subject stands for.
    antecedent: Option<(usize, usize)>,
    /// The first item after the verb (and after an inverted subject and its description).
    after: usize,
}

/// The frame of one verb cue at `k`. Returns the draft, where the next content may
/// start, and the subject (item range).
pub(super) fn frame(
    ctx: &Ctx,
    s: usize,
    e: usize,
    cursor: usize,
    k: usize,
    cue: lexicon::Cue,
    last_subject: Option<(usize, usize)>,
) -> Option<Found> {
    let f = Frame {
        ctx,
        s,
        e,
        cursor,
        k,
        cue,
        last_subject,
    };
    if cue.form == Form::Ing {
        return f.ing_cue();
    }
    let items = ctx.items;
    // Subject before the verb (with an appositive), or after it (inverted).
    let j = skip_between_back(items, s, k);
    if cue.form == Form::Past
        && (j..k).any(|t| {
            matches!(
                items[t].lower.as_str(),
                "is" | "was" | "are" | "were" | "been" | "be"
            )
        })
    {
        // `they were announced`, `was told`: passive.
        return None;
    }
    if j > s && matches!(items[j - 1].lower.as_str(), "and" | "but") && items[j - 1].is_word() {
        return f.conjoined_subject(j);
    }
    let speaker = f.subject_search(j)?;
    let (cue_end, a) = ctx.complements(speaker.after, e, cue.class);
    if a == usize::MAX {
        return None;
    }
    let cue_text = if speaker.inverted {
        ctx.text(k, k + 1)
    } else {
        ctx.text(k, cue_end.max(k + 1))
    };
    let subject = f.whole_clause_subject(&speaker);
    if let Some(found) = f.content_before(&speaker, subject, cue_end, &cue_text) {
        return found;
    }
    if speaker.inverted {
        return None;
    }
    f.content_after(&speaker, subject, cue_end, a, cue_text)
}

impl Frame<'_, '_> {
    /// Phase 1, -ing cue.
    fn ing_cue(&self) -> Option<Found> {
        let Frame {
            ctx,
            s,
            e,
            k,
            cue,
            last_subject,
            ..
        } = *self;
        let items = ctx.items;
        // `…, saying (that) CONTENT`, `issued a statement saying …`, `began by saying …`:
        // the subject is the clause's.
        let after_comma = k > s
            && (items[k - 1].is_punct(',')
                || items[k - 1].quote().is_some_and(|r| {
                    let reg = &ctx.regions[r];
                    ctx.chars[reg.inner_start()..reg.inner_end()]
                        .iter()
                        .rev()
                        .find(|c| !c.is_whitespace())
                        .is_some_and(|c| *c == ',')
                }));
        let after_link = k > s
            && items[k - 1].is_word()
            && (MEDIUM_NOUNS.contains(&items[k - 1].lower.as_str())
                || matches!(
                    items[k - 1].lower.as_str(),
                    "by" | "before" | "after" | "while" | "when" | "also"
                ));
        if !after_comma && !after_link {
            return None;
        }
        let subject = last_subject.or_else(|| clause_subject(items, s, k))?;
        let (cue_end, a) = ctx.complements(k + 1, e, cue.class);
        if a == usize::MAX {
            return None;
        }
        let stop = ctx.content_stop(a, e);
        if ctx.words_in(a, stop) < 2 {
            return None;
        }
        // Bare content only after the plain verbs of saying; others need `that`, a
        // colon or a quotation (`emphasizing those words` is no statement).
        let introduced = (a > cue_end
            && (items[a - 1].lower == "that"
                || items[a - 1].is_punct(':')
                || items[a - 1].is_punct(',')))
            || items[a].quote().is_some();
        let plain = matches!(
            items[k].lower.as_str(),
            "saying"
                | "telling"
                | "arguing"
                | "noting"
                | "claiming"
                | "insisting"
                | "explaining"
                | "writing"
                | "asking"
        );
        if !introduced && !plain {
            return None;
        }
        if cue.class == Class::Belief && !(a..stop).any(|t| items[t].quote().is_some()) {
            return None;
        }
        let sp = ctx.span(a, stop)?;
        let d = ctx.draft(
            vec![sp],
            Some(subject),
            None,
            ctx.text(k, cue_end),
            ctx.regions_in(a, stop),
        );
        Some((d, stop, subject))
    }

    /// Phase 2, conjoined subject: the verb follows `and`/`but` (`…, but told
    /// supporters, "…"`), so the subject is the clause's.
    fn conjoined_subject(&self, j: usize) -> Option<Found> {
        let Frame {
            ctx,
            s,
            e,
            k,
            cue,
            last_subject,
            ..
        } = *self;
        let items = ctx.items;
        // `Carson did not name anyone, but told supporters, "…"`: the clause's subject.
        let subject = last_subject.or_else(|| clause_subject(items, s, j - 1))?;
        let (cue_end, a) = ctx.complements(k + 1, e, cue.class);
        if a == usize::MAX {
            return None;
        }
        let intro = a > cue_end;
        let starts_quote = a < e && items[a].quote().is_some();
        if !(intro
            || starts_quote
            || matches!(
                items[k].lower.as_str(),
                "said" | "says" | "say" | "told" | "tells"
            ))
        {
            return None;
        }
        let stop = ctx.content_stop(a, e);
        if ctx.words_in(a, stop) < 2 {
            return None;
        }
        let sp = ctx.span(a, stop)?;
        let d = ctx.draft(
            vec![sp],
            Some(subject),
            None,
            ctx.text(k, cue_end.max(k + 1)),
            ctx.regions_in(a, stop),
        );
        Some((d, stop, subject))
    }

    /// Phase 3, subject search: the subject before the verb `k` (which the words up to
    /// `j` separate from it), or after it; `None` when there is no plausible speaker or
    /// the cue is no verb here.
    fn subject_search(&self, j: usize) -> Option<Speaker> {
        let Frame {
            ctx,
            s,
            cursor,
            k,
            last_subject,
            ..
        } = *self;
        let items = ctx.items;
        let mut subject = None;
        let mut description = None;
        let mut inverted = false;
        let mut antecedent = None;
        if j >= s + 3 && items[j - 1].lower == "who" && items[j - 2].is_punct(',') {
            // `…, said Beck, who said …` / `Smith, who …`: the relative pronoun, standing
            // for the phrase before the comma.
            subject = Some((j - 1, j));
            antecedent = last_subject
                .filter(|l| l.1 <= j - 2 && l.1 + 3 >= j - 2)
                .or_else(|| np_before(items, s, j - 2));
        } else if j > s && items[j - 1].is_punct(',') {
            if let Some((n, d)) = self.appositive(j) {
                subject = Some(n);
                description = d;
            }
        } else if let Some(n) = np_before(items, s, j) {
            if plausible_speaker(items, n) && n.0 >= cursor {
                subject = Some(n);
            }
        }
        let mut after = if items.get(k + 1).is_some_and(|x| x.lower == "out")
            && items[k].lower.starts_with("point")
        {
            k + 2
        } else {
            k + 1
        };
        if subject.is_none() {
            // Inverted: `"…," said Smith` / `…, says the report.`
            let ((n, d), next) = self.inverted_subject(j, after)?;
            subject = Some(n);
            inverted = true;
            after = next;
            if d.is_some() {
                description = d;
            }
        }
        let subject = subject?;
        if !self.verb_fits(j, subject, inverted) {
            return None;
        }
        Some(Speaker {
            subject,
            description,
            inverted,
            antecedent,
            after,
        })
    }

    /// `Name, description, said` / `Name, who …, said` (the verb after `j`, which follows
    /// a comma): the subject and its description.
    fn appositive(&self, j: usize) -> Option<Named> {
        let Frame { ctx, s, cursor, .. } = *self;
        let items = ctx.items;
        // `Name, description, said` / `Name, who …, said`
        let c2 = j - 1;
        let lo = c2.saturating_sub(24).max(s);
        let commas: Vec<usize> = (lo..c2)
            .rev()
            .take_while(|&t| items[t].quote().is_none())
            .filter(|&t| items[t].is_punct(','))
            .take(4)
            .collect();
        // Candidates from the nearest comma back; one that opens the clause (at the
        // sentence start or right after a quotation) wins: `Mr. Slinker, whose start-up,
        // Paradata, uses data, said`.
        let mut candidates = Vec::new();
        for &c1 in &commas {
            if c1 + 1 >= c2 {
                continue;
            }
            let who = matches!(items[c1 + 1].lower.as_str(), "who" | "whose");
            let d_is_name = items[c1 + 1].cap
                && !DETERMINERS_CAP.contains(&items[c1 + 1].lower.as_str())
                && (c1 + 1..c2).all(|t| items[t].is_word());
            if let Some(n) = np_before(items, s, c1) {
                let n_named = items[n.0..n.1].iter().any(|x| x.cap);
                if d_is_name && !n_named {
                    // `One pastor, Darran Whiting of Liberty Baptist, said`
                    candidates.push(((c1 + 1, c2), Some(n)));
                } else if n_named || (who && plausible_speaker(items, n)) {
                    candidates.push((n, (!who).then_some((c1 + 1, c2))));
                }
            }
        }
        let opens_clause = |n: &(usize, usize)| {
            n.0 == s.max(cursor) || (n.0 > s && items[n.0 - 1].quote().is_some())
        };
        let pick = candidates
            .iter()
            .find(|(n, _)| opens_clause(n))
            .or(candidates.first());
        pick.copied()
    }

    /// `"…," said Smith` / `said Mark Toner, the acting spokesman.`: the subject after
    /// the verb, its description, and the item after both. The verb's next item is
    /// `after`.
    fn inverted_subject(&self, j: usize, after: usize) -> Option<(Named, usize)> {
        let Frame {
            ctx, s, e, k, cue, ..
        } = *self;
        let items = ctx.items;
        let opens = k == s
            || items[k - 1].is_punct(',')
            || items[k - 1].quote().is_some()
            || items[k - 1].is_punct('—');
        if !opens || k != j || (cue.class == Class::Tell && items[k].lower != "asked") {
            return None;
        }
        let n = np_after(items, after, e)?;
        if !plausible_speaker(items, n) {
            return None;
        }
        let mut after = n.1;
        let mut description = None;
        // `said Mark Toner, the acting spokesman.`
        if after < e && items[after].is_punct(',') {
            let stop = (after + 1..e).find(|&t| !items[t].is_word()).unwrap_or(e);
            if stop > after + 1 && (stop == e || items[stop].is_punct(',')) && stop - after <= 12 {
                description = Some((after + 1, stop));
                after = stop;
            }
        }
        Some(((n, description), after))
    }

    /// Whether the cue word is a verb with this subject: a `-s` form that is also a
    /// plural noun (`the reports`) needs a name or pronoun before it, a base form
    /// (`say`) a plural subject or an auxiliary.
    fn verb_fits(&self, j: usize, subject: (usize, usize), inverted: bool) -> bool {
        let Frame { ctx, s, k, cue, .. } = *self;
        let items = ctx.items;
        if cue.form == Form::Third && NOUNISH.contains(&items[k].lower.as_str()) && !inverted {
            // `many Asian states`, `the reports`: a plural noun, unless a name or pronoun
            // comes right before and the next item can start content.
            let before = &items[subject.1 - 1];
            let ok_subject = before.cap
                || PERSONAL_PRONOUNS.contains(&before.lower.as_str())
                || items.get(k + 1).is_some_and(|x| x.is_punct(':'));
            let ok_next = items.get(k + 1).is_some_and(|x| {
                (x.is_word()
                    && !matches!(
                        x.lower.as_str(),
                        "of" | "for" | "and" | "or" | "in" | "on" | "from" | "about"
                    ))
                    || x.quote().is_some()
                    || x.is_punct(':')
            });
            let post = subject.0 > s
                && (items[subject.0 - 1].quote().is_some() || items[subject.0 - 1].is_punct(','))
                && items.get(k + 1).is_none_or(is_end_punct);
            if !ok_subject || !(ok_next || post) {
                return false;
            }
        }
        if cue.form == Form::Base && !inverted {
            let plural = items[subject.0..subject.1].last().is_some_and(|x| {
                matches!(x.lower.as_str(), "they" | "we" | "i" | "you") || x.lower.ends_with('s')
            });
            if !plural && j == k {
                return false;
            }
        }
        true
    }

    /// `"…," the Vermont senator and presidential candidate told ABC.`: the whole clause
    /// between a quotation and the verb is the speaker.
    fn whole_clause_subject(&self, speaker: &Speaker) -> (usize, usize) {
        let Frame { ctx, cursor, .. } = *self;
        let items = ctx.items;
        let inverted = speaker.inverted;
        let mut subject = speaker.subject;
        if !inverted
            && subject.0 > cursor
            && !items[subject.0 - 1].is_punct(',')
            && items[subject.0 - 1].quote().is_none()
        {
            // `"…," the Vermont senator and presidential candidate told ABC.`: the whole
            // clause between the quotation and the verb is the speaker.
            let lo = subject.0.saturating_sub(12).max(cursor);
            if let Some(q) = (lo..subject.0).rev().find(|&t| !items[t].is_word()) {
                let plain = (q + 1..subject.0).all(|t| {
                    items[t].is_word()
                        && !matches!(
                            items[t].lower.as_str(),
                            "as" | "and"
                                | "but"
                                | "or"
                                | "while"
                                | "when"
                                | "because"
                                | "if"
                                | "so"
                                | "than"
                                | "which"
                                | "that"
                                | "who"
                        )
                });
                if items[q].quote().is_some() && q + 1 < subject.0 && plain {
                    subject = (q + 1, subject.1);
                }
            }
        }
        subject
    }

    /// Phase 4, content before the attribution (`CONTENT, he said.`), with what follows
    /// it after a comma (`"A," he said, "B."`). `None` when the content is not before
    /// the cue; `Some(None)` when it is, but there is no frame.
    fn content_before(
        &self,
        speaker: &Speaker,
        subject: (usize, usize),
        cue_end: usize,
        cue_text: &str,
    ) -> Option<Option<Found>> {
        let Frame {
            ctx,
            e,
            cursor,
            k,
            cue,
            ..
        } = *self;
        let items = ctx.items;
        let Speaker {
            description,
            inverted,
            antecedent,
            ..
        } = *speaker;
        let first = if inverted { k } else { subject.0 };
        // Content before the attribution.
        let (before_end, sep) = if first > cursor
            && (items[first - 1].is_punct(',') || items[first - 1].is_punct('—'))
        {
            (first - 1, true)
        } else if first > cursor && items[first - 1].quote().is_some() {
            (first, true)
        } else {
            (first, false)
        };
        let quote_before = sep && before_end > cursor && items[before_end - 1].quote().is_some();
        let closed = cue_end >= e
            || matches!(items[cue_end].kind, ItemKind::Punct(',' | ':' | '—' | ';'))
            || quote_before;
        let after_quote = cue_end + 1 < e
            && matches!(items[cue_end].kind, ItemKind::Punct(',' | ':'))
            && items[cue_end + 1].quote().is_some();
        let before_quote = (cursor..before_end).any(|t| items[t].quote().is_some());
        // `When asked why, Tyler said, "We …"`: the quotation after is the content.
        let pre_instead = after_quote && !before_quote;
        if sep
            && closed
            && !pre_instead
            && ctx.words_in(cursor, before_end) >= 1
            && (cursor..before_end).any(|t| items[t].is_word() || items[t].quote().is_some())
        {
            let mut from = cursor;
            if quote_before && before_end >= cursor + 2 {
                // `In her speech, she declared: "…," she said.`: the quotation only.
                let q = before_end - 1;
                let one_quote = !(cursor..q).any(|t| items[t].quote().is_some());
                if (one_quote
                    && matches!(
                        items[q - 1].kind,
                        ItemKind::Punct(':' | '.' | '!' | '?' | ';' | '—')
                    ))
                    || items[q - 1].quote().is_some()
                {
                    from = q;
                }
            }
            let mut spans = Vec::new();
            spans.extend(ctx.span(from, before_end));
            let mut regions = ctx.regions_in(from, before_end);
            let mut next = cue_end.max(subject.1);
            if cue_end < e && matches!(items[cue_end].kind, ItemKind::Punct(',' | ':' | '—')) {
                let a2 = cue_end + 1;
                let stop = ctx.content_stop(a2, e);
                let has_cue = (a2..stop).any(|t| {
                    cue_at(items, t).is_some_and(|c| c.form != Form::Base)
                        || items[t].lower == "according"
                });
                // `"A," he said, "B."` or `The plan, he said, is dead.`; not `…," he said,
                // without elaborating`.
                let fits = a2 < stop
                    && if items[a2].quote().is_some() {
                        true
                    } else {
                        !quote_before
                            && items[a2].is_word()
                            && !items[a2].cap
                            && !matches!(
                                items[a2].lower.as_str(),
                                "who"
                                    | "which"
                                    | "whose"
                                    | "where"
                                    | "when"
                                    | "as"
                                    | "while"
                                    | "without"
                                    | "after"
                                    | "before"
                                    | "because"
                                    | "though"
                                    | "although"
                                    | "and"
                                    | "but"
                            )
                    };
                if fits && !has_cue && ctx.words_in(a2, stop) >= 1 {
                    spans.extend(ctx.span(a2, stop));
                    regions.extend(ctx.regions_in(a2, stop));
                    next = stop;
                }
            }
            if spans.is_empty() || (cue.class == Class::Belief && regions.is_empty()) {
                return Some(None);
            }
            let mut d = ctx.draft(
                spans,
                Some(subject),
                description,
                cue_text.to_owned(),
                regions,
            );
            d.antecedent = antecedent.map(|a| ctx.chars_span(a));
            return Some(Some((d, next, subject)));
        }
        None
    }

    /// Phase 5, content after the attribution (`X said (that) CONTENT`), which starts at
    /// item `a`.
    fn content_after(
        &self,
        speaker: &Speaker,
        subject: (usize, usize),
        cue_end: usize,
        mut a: usize,
        cue_text: String,
    ) -> Option<Found> {
        let Frame { ctx, e, k, cue, .. } = *self;
        let items = ctx.items;
        let Speaker {
            description,
            antecedent,
            ..
        } = *speaker;
        // Content after the attribution.
        let starts_quote = a < e && items[a].quote().is_some();
        let that_or_colon =
            a > cue_end && (items[a - 1].lower == "that" || items[a - 1].is_punct(':'));
        if matches!(cue.class, Class::Weak) && !that_or_colon && !starts_quote {
            return None;
        }
        // A bare clause (no `that`, colon or quotation) counts only after the verbs that
        // usually take one: `announced the plan` or `acknowledged the appeal` are objects.
        let bare = !that_or_colon && !starts_quote;
        if bare
            && !(a..e.min(a + 40)).any(|t| items[t].quote().is_some())
            && !BARE_OK.contains(&items[k].lower.as_str())
        {
            return None;
        }
        if cue_end > k + 1 && a == cue_end && !starts_quote && cue.class != Class::Tell {
            // `said on Tuesday the deal…` is fine, but `said in the past …` started the content.
        }
        let mut stop = ctx.content_stop(a, e);
        if cue.class == Class::Belief && !(a..stop).any(|t| items[t].quote().is_some()) {
            // Beliefs are not statements, unless they quote someone.
            return None;
        }
        let ends_inside = starts_quote
            && items[a]
                .quote()
                .is_some_and(|r| region_end_punct(ctx.chars, &ctx.regions[r]).is_some());
        if starts_quote
            && a + 1 < stop
            && (ends_inside
                || ((items[a + 1].is_punct(',')
                    || items[a + 1].is_punct(';')
                    || items[a + 1].lower == "and")
                    && !items[a + 1..stop].iter().any(|x| x.quote().is_some())))
        {
            // `wrote to followers, "It's time," and shared a link`: the quotation only.
            stop = a + 1;
        }
        if antecedent.is_some() {
            // `Trump, who said last week that X, issued …`: the relative clause ends at a comma.
            if let Some(c) = (a + 1..stop).find(|&t| items[t].is_punct(',')) {
                stop = c;
            }
        }
        if !starts_quote
            && stop > a + 1
            && items[stop - 1].quote().is_some()
            && items[stop - 2].is_punct(',')
        {
            // `said on Monday, in reference to her child, "Next summer …"`: the quotation.
            let q = stop - 1;
            let has_that = items[a..q].iter().any(|x| x.lower == "that");
            if !has_that && ctx.words_in(q, stop) >= 2 * ctx.words_in(a, q - 1) {
                a = q;
            }
        }
        let words = ctx.words_in(a, stop);
        if words < 2 && !(starts_quote && words >= 1) {
            if a >= e && a > 0 && items[a - 1].is_punct(':') {
                // `He declared:` and the quotation follows in the next paragraph.
                let d = ctx.draft(Vec::new(), Some(subject), description, cue_text, Vec::new());
                return Some((d, e, subject));
            }
            return None;
        }
        let sp = ctx.span(a, stop)?;
        let mut d = ctx.draft(
            vec![sp],
            Some(subject),
            description,
            cue_text,
            ctx.regions_in(a, stop),
        );
        d.antecedent = antecedent.map(|a| ctx.chars_span(a));
        Some((d, stop, subject))
    }
}
