//! Cues and their frames: for each cue (`said`, `according to`, a headline colon), the
//! speaker mention and the content it attributes.
//!
//! A sentence is read as items (words, punctuation, whole quotations). Three frames:
//! - *after the content*: `CONTENT, he said.` / `"A," said X, "B."` / `"A," X, the
//!   spokesman, said.` — the content is what precedes the attribution in the sentence,
//!   plus what follows it after a comma;
//! - *before the content*: `X said (that) CONTENT` / `X told reporters: "…"` /
//!   `According to X, CONTENT`;
//! - *headline*: `Smith: "We will win"` at the start of a paragraph.
//!
//! Quotation-only sentences after a direct quote, and paragraphs that continue an
//! open quotation, join the quote before them.

use super::lexicon::{
    self, cue_at, Class, Form, BARE_OK, DETERMINERS_CAP, INTRO_WORDS, MEDIUM_NOUNS, NAMING,
    NOT_SPEAKERS, NOUNISH, PREPS, SAID_NOUNS, STOP_VERBS, TIME_WORDS,
};
use super::marks::Region;
use super::mentions::{np_after, np_before, plausible_speaker, skip_between_back, PRONOUNS};
use super::tokens::{is_end_punct, region_end_punct, Item, ItemKind, Paragraph};

/// An attribution before resolution; all positions are character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub spans: Vec<(usize, usize)>,
    pub mention: Option<(usize, usize)>,
    pub description: Option<(usize, usize)>,
    pub cue: String,
    /// Paragraph index.
    pub para: usize,
    /// Regions this draft holds (to extend it over continued quotations).
    pub regions: Vec<usize>,
    /// What a relative `who` mention stands for.
    pub antecedent: Option<(usize, usize)>,
    /// Direct speech whatever the quotation marks say (a transcript line).
    pub direct: bool,
}

/// Whether a quotation-only paragraph joins the direct quote that ends the paragraph
/// before it.
const APPEND_NEXT_PARAGRAPH: bool = true;

/// Fewest words of an unclaimed quotation reported without a cue.
const UNCLAIMED_MIN_WORDS: usize = 6;

/// Longest content, in items, that a frame takes after its cue.
const MAX_CONTENT_ITEMS: usize = 200;

/// Everything the frame finder needs about one paragraph.
struct Ctx<'a> {
    chars: &'a [char],
    regions: &'a [Region],
    items: &'a [Item],
    para: usize,
}

impl Ctx<'_> {
    /// Character spans of items `a..b`, trimmed of edge punctuation and quote marks.
    fn span(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
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
            .then_some((start, end))
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
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

    fn chars_span(&self, (a, b): (usize, usize)) -> (usize, usize) {
        (self.items[a].start, self.items[b - 1].end)
    }

    fn text(&self, a: usize, b: usize) -> String {
        if a >= b {
            return String::new();
        }
        self.chars[self.items[a].start..self.items[b - 1].end]
            .iter()
            .collect()
    }

    fn regions_in(&self, a: usize, b: usize) -> Vec<usize> {
        self.items[a..b].iter().filter_map(Item::quote).collect()
    }

    /// After the cue (and inverted subject): listener, time and place phrases.
    /// Returns (end of the cue phrase, start of the content).
    fn complements(&self, mut i: usize, e: usize, class: Class) -> (usize, usize) {
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
            if TIME_WORDS.contains(&w) {
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
    fn content_stop(&self, a: usize, e: usize) -> usize {
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

    fn draft(
        &self,
        spans: Vec<(usize, usize)>,
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

/// One sentence's frames. `cursor` is where unclaimed content starts.
fn sentence_frames(ctx: &Ctx, s: usize, e: usize, out: &mut Vec<Draft>) {
    let items = ctx.items;
    // Effective end: without the closing punctuation.
    let mut e_eff = e;
    while e_eff > s && is_end_punct(&items[e_eff - 1]) {
        e_eff -= 1;
    }
    let mut cursor = s;
    let mut last_subject: Option<(usize, usize)> = None;
    let mut k = s;
    while k < e_eff {
        let it = &items[k];
        // Headline style: `Name: content` at the start of a paragraph or after a dash.
        if it.is_punct(':') && k > cursor && k + 1 < e_eff {
            let mut a = k;
            while a > cursor && k - a < 5 && items[a - 1].is_word() && items[a - 1].cap {
                a -= 1;
            }
            let starts = (a == 0 && s == 0)
                || (a > 0 && (items[a - 1].is_punct('—') || items[a - 1].is_punct('-')));
            let shouting = items[a..k]
                .iter()
                .all(|x| ctx.chars[x.start..x.end].iter().all(|c| !c.is_lowercase()));
            let named = a < k && !NOT_SPEAKERS.contains(&items[a].lower.as_str()) && !shouting;
            if starts && named {
                let whole = s == 0
                    && (ctx.items.get(k + 1).is_some_and(|x| x.quote().is_some())
                        || e == ctx.items.len());
                let end = if whole { ctx.items.len() } else { e };
                let regions = ctx.regions_in(k + 1, end);
                if let Some(sp) = ctx.span(k + 1, end) {
                    out.push(ctx.draft(vec![sp], Some((a, k)), None, ":".into(), regions));
                    return;
                }
            }
        }
        if it.is_word()
            && it.lower == "according"
            && items.get(k + 1).is_some_and(|x| x.lower == "to")
        {
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
                    if subj.1 < e_eff
                        && items[subj.1].is_punct(',')
                        && ctx.words_in(subj.1, e_eff) >= 2
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
                    continue;
                }
                if subj.1 < e_eff && items[subj.1].is_punct(',') {
                    let a = subj.1 + 1;
                    let stop = ctx.content_stop(a, e_eff);
                    if let Some(sp) = ctx.span(a, stop) {
                        out.push(ctx.draft(
                            vec![sp],
                            Some(subj),
                            None,
                            cue,
                            ctx.regions_in(a, stop),
                        ));
                        cursor = stop;
                        k = stop;
                        continue;
                    }
                }
            }
            k += 2;
            continue;
        }
        if let Some((draft, next, subject)) = naming_frame(ctx, s, e_eff, cursor, k, last_subject) {
            out.push(draft);
            last_subject = Some(subject);
            cursor = next;
            k = next.max(k + 1);
            continue;
        }
        if k == s
            && it.cap
            && matches!(
                it.lower.as_str(),
                "said" | "says" | "added" | "wrote" | "asked"
            )
        {
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
                        out.push(ctx.draft(
                            vec![sp],
                            Some(n),
                            None,
                            ctx.text(k, k + 1),
                            ctx.regions_in(a, e),
                        ));
                        return;
                    }
                }
            }
        }
        let Some(cue) = cue_at(items, k).or_else(|| pattern_cue(items, s, e_eff, k)) else {
            k += 1;
            continue;
        };
        match frame(ctx, s, e_eff, cursor, k, cue, last_subject) {
            Some((draft, next, subject)) => {
                out.push(draft);
                last_subject = Some(subject);
                cursor = next;
                k = next.max(k + 1);
            }
            None => k += 1,
        }
    }
}

/// `X called Y "…"`: the object and the quoted label are the content.
fn naming_frame(
    ctx: &Ctx,
    s: usize,
    e: usize,
    cursor: usize,
    k: usize,
    last_subject: Option<(usize, usize)>,
) -> Option<(Draft, usize, (usize, usize))> {
    let items = ctx.items;
    let it = &items[k];
    if !it.is_word() || it.cap || !NAMING.contains(&it.lower.as_str()) {
        return None;
    }
    // The quoted label within a few words, with only words before it.
    let q = (k + 1..(k + 7).min(e)).find(|&t| !items[t].is_word())?;
    if items[q].quote().is_none() || items[k + 1].lower == "for" || items[k + 1].lower == "on" {
        return None;
    }
    let j = skip_between_back(items, s, k);
    let subject = if it.lower.ends_with("ing")
        || (j > s && matches!(items[j - 1].lower.as_str(), "and" | "but"))
    {
        last_subject.or_else(|| clause_subject(items, s, j.saturating_sub(1).max(s)))
    } else {
        np_before(items, cursor.max(s), j).filter(|n| plausible_speaker(items, *n))
    }?;
    let sp = ctx.span(k + 1, q + 1)?;
    let d = ctx.draft(
        vec![sp],
        Some(subject),
        None,
        ctx.text(k, k + 1),
        vec![items[q].quote()?],
    );
    Some((d, q + 1, subject))
}

/// A verb outside the lexicon that the sentence shape makes a cue: `X gloated: "…"`
/// and `"…," X quipped.`
fn pattern_cue(items: &[Item], s: usize, e: usize, k: usize) -> Option<lexicon::Cue> {
    let it = &items[k];
    if !it.is_word() || it.cap || it.lower.chars().count() < 4 {
        return None;
    }
    if k > s
        && (s..k).rev().take(3).any(|t| {
            matches!(
                items[t].lower.as_str(),
                "been" | "be" | "is" | "was" | "are" | "were" | "being"
            )
        })
    {
        return None;
    }
    // `-s` forms only right after a name or pronoun (`pay rates: "…"` is a noun).
    let third = it.lower.ends_with('s')
        && !it.lower.ends_with("ss")
        && k > s
        && (items[k - 1].cap || PRONOUNS.contains(&items[k - 1].lower.as_str()));
    let verbish = it.lower.ends_with("ed") || third;
    if !verbish || STOP_VERBS.contains(&it.lower.as_str()) {
        return None;
    }
    let colon_quote = items.get(k + 1).is_some_and(|x| x.is_punct(':'))
        && items.get(k + 2).is_some_and(|x| x.quote().is_some())
        // `Clinton seemed irritated: "…," she wrote.`: the attribution after wins.
        && !(k + 3..(k + 7).min(items.len())).any(|t| cue_at(items, t).is_some());
    let closing = k + 1 == e && k > s + 1 && {
        // `"…," NP verbed.` with a short subject.
        let lo = k.saturating_sub(6).max(s);
        (lo..k).any(|t| {
            items[t].quote().is_some()
                && (t + 1..k).all(|u| items[u].is_word() || items[u].is_punct(','))
        })
    };
    // `"…," beamed Donald Hartley`
    let inverted_shape = it.lower.ends_with("ed")
        && k > s
        && items[k - 1].quote().is_some()
        && items
            .get(k + 1)
            .is_some_and(|x| x.cap && !DETERMINERS_CAP.contains(&x.lower.as_str()));
    (colon_quote || closing || inverted_shape).then_some(lexicon::Cue {
        form: lexicon::Form::Past,
        class: Class::Speech,
    })
}

/// The subject of the clause that starts at `s`: the first noun phrase followed by a
/// word, after leading conjunctions and an introductory phrase (`Before the vote, …`).
fn clause_subject(items: &[Item], s: usize, k: usize) -> Option<(usize, usize)> {
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

/// A quotation in title case is a title (`"The Nightly Show with Larry Wilmore"`).
fn is_title(chars: &[char], region: &Region) -> bool {
    let inner = &chars[region.inner_start()..region.inner_end()];
    let words: Vec<&[char]> = inner
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphabetic()))
        .collect();
    let caps = words
        .iter()
        .filter(|w| {
            w.iter()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_uppercase())
        })
        .count();
    !words.is_empty() && caps * 10 >= words.len() * 7
}

fn is_possessive(it: &Item) -> bool {
    it.is_word()
        && (it.lower.ends_with("'s")
            || it.lower.ends_with("’s")
            || it.lower.ends_with("s'")
            || it.lower.ends_with("s’"))
}

/// The owner of a quotation named by a possessive: `Romney's "47 percent" comment` or
/// `Clinton's campaign slogan is "I'm with her."`; the possessive name's item range.
fn possessive_owner(items: &[Item], s: usize, t: usize) -> Option<(usize, usize)> {
    let owner_at = |p: usize| -> Option<(usize, usize)> {
        let it = &items[p];
        if !is_possessive(it)
            || !(it.cap || PRONOUNS.contains(&it.lower.trim_end_matches(['\'', '’', 's'])))
        {
            return None;
        }
        let mut a = p;
        while a > s && items[a - 1].is_word() && items[a - 1].cap && p - a < 4 {
            a -= 1;
        }
        Some((a, p + 1))
    };
    // `X's "Q" comment`
    if t > s
        && items
            .get(t + 1)
            .is_some_and(|x| SAID_NOUNS.contains(&x.lower.as_str()))
    {
        if let Some(o) = owner_at(t - 1) {
            return Some(o);
        }
    }
    // `her remark that "Q"`
    if t >= s + 3
        && items[t - 1].lower == "that"
        && SAID_NOUNS.contains(&items[t - 2].lower.as_str())
    {
        let p = t - 3;
        if matches!(items[p].lower.as_str(), "his" | "her" | "their") {
            return Some((p, p + 1));
        }
        if let Some(o) = owner_at(p) {
            return Some(o);
        }
    }
    // `X's (campaign) slogan is "Q"` / `X's words: "Q"`
    if t >= s + 3
        && (matches!(items[t - 1].lower.as_str(), "is" | "was") || items[t - 1].is_punct(':'))
    {
        let n = t - 2;
        if SAID_NOUNS.contains(&items[n].lower.as_str()) {
            for p in (n.saturating_sub(2).max(s)..n).rev() {
                if let Some(o) = owner_at(p) {
                    return Some(o);
                }
            }
        }
    }
    None
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

/// The frame of one verb cue at `k`. Returns the draft, where the next content may
/// start, and the subject (item range).
fn frame(
    ctx: &Ctx,
    s: usize,
    e: usize,
    cursor: usize,
    k: usize,
    cue: lexicon::Cue,
    last_subject: Option<(usize, usize)>,
) -> Option<(Draft, usize, (usize, usize))> {
    let items = ctx.items;
    if cue.form == Form::Ing {
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
        return Some((d, stop, subject));
    }
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
        return Some((d, stop, subject));
    }
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
        if let Some(&(n, d)) = pick {
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
        subject = Some(n);
        inverted = true;
        after = n.1;
        // `said Mark Toner, the acting spokesman.`
        if after < e && items[after].is_punct(',') {
            let stop = (after + 1..e).find(|&t| !items[t].is_word()).unwrap_or(e);
            if stop > after + 1 && (stop == e || items[stop].is_punct(',')) && stop - after <= 12 {
                description = Some((after + 1, stop));
                after = stop;
            }
        }
    }
    let subject = subject?;
    if cue.form == Form::Third && NOUNISH.contains(&items[k].lower.as_str()) && !inverted {
        // `many Asian states`, `the reports`: a plural noun, unless a name or pronoun
        // comes right before and the next item can start content.
        let before = &items[subject.1 - 1];
        let ok_subject = before.cap
            || PRONOUNS.contains(&before.lower.as_str())
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
            return None;
        }
    }
    if cue.form == Form::Base && !inverted {
        let plural = items[subject.0..subject.1].last().is_some_and(|x| {
            matches!(x.lower.as_str(), "they" | "we" | "i" | "you") || x.lower.ends_with('s')
        });
        if !plural && j == k {
            return None;
        }
    }
    let (cue_end, mut a) = ctx.complements(after, e, cue.class);
    if a == usize::MAX {
        return None;
    }
    let cue_text = if inverted {
        ctx.text(k, k + 1)
    } else {
        ctx.text(k, cue_end.max(k + 1))
    };
    let mut subject = subject;
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
    let subject = subject;
    let first = if inverted { k } else { subject.0 };
    // Content before the attribution.
    let (before_end, sep) =
        if first > cursor && (items[first - 1].is_punct(',') || items[first - 1].is_punct('—')) {
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
            return None;
        }
        let mut d = ctx.draft(spans, Some(subject), description, cue_text, regions);
        d.antecedent = antecedent.map(|a| ctx.chars_span(a));
        return Some((d, next, subject));
    }
    if inverted {
        return None;
    }
    // Content after the attribution.
    let starts_quote = a < e && items[a].quote().is_some();
    let that_or_colon = a > cue_end && (items[a - 1].lower == "that" || items[a - 1].is_punct(':'));
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

/// All drafts of an article, in text order.
/// A transcript line, `PENCE: Well, look …` or `"WALLACE: Let's start …`: the speaker
/// label (one to three words in capitals, at least two letters) and where the statement
/// starts and ends (character offsets), for a paragraph `start..end`.
fn transcript_label(
    chars: &[char],
    start: usize,
    end: usize,
) -> Option<((usize, usize), (usize, usize))> {
    let mut i = start;
    while i < end && chars[i].is_whitespace() {
        i += 1;
    }
    if i < end && matches!(chars[i], '"' | '“') {
        i += 1;
    }
    let label_start = i;
    let colon = (i..end.min(i + 40)).find(|&k| chars[k] == ':')?;
    let label = &chars[label_start..colon];
    let letters = label.iter().filter(|c| c.is_alphabetic()).count();
    let words = label
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .count();
    let ok = letters >= 2
        && (1..=3).contains(&words)
        && label.first().is_some_and(|c| c.is_uppercase())
        && label
            .iter()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    if !ok {
        return None;
    }
    let mut s = colon + 1;
    while s < end && chars[s].is_whitespace() {
        s += 1;
    }
    let mut e = end;
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    // A statement of at least three words.
    let words_after = chars[s..e]
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count();
    (words_after >= 3).then_some(((label_start, colon), (s, e)))
}

/// A paragraph that carries on the last transcript line: it opens with a quotation mark
/// and is not a stage direction (`"(CROSSTALK.)`). The statement's character span.
fn transcript_continuation(chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    let mut i = start;
    while i < end && chars[i].is_whitespace() {
        i += 1;
    }
    if !(i < end && matches!(chars[i], '"' | '“')) {
        return None;
    }
    i += 1;
    while i < end && chars[i].is_whitespace() {
        i += 1;
    }
    if i >= end || chars[i] == '(' {
        return None;
    }
    let mut e = end;
    while e > i && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    Some((i, e))
}

/// Regions whose opening mark lies in `start..end`.
fn regions_in(regions: &[Region], start: usize, end: usize) -> Vec<usize> {
    let first = regions.partition_point(|r| r.open < start);
    (first..regions.len())
        .take_while(|&r| regions[r].open < end)
        .collect()
}

pub fn attribute(chars: &[char], regions: &[Region], paras: &[Paragraph]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let mut claimed = vec![false; regions.len()];
    // The draft a running quotation belongs to: (region that continues, draft index).
    let mut running: Option<(usize, usize)> = None;
    let mut last_speaker: Option<(usize, usize)> = None; // (draft index, paragraph)
                                                         // The draft of the transcript line in the paragraph before, if any.
    let mut transcript: Option<usize> = None;
    for (pi, para) in paras.iter().enumerate() {
        // Transcript lines (`PENCE: …`) and the quoted paragraphs that carry them on.
        let open_transcript = transcript.take();
        // (Not in the first paragraph, where `NEW DELHI: …` is a dateline.)
        let label = (pi > 0)
            .then(|| transcript_label(chars, para.start, para.end))
            .flatten()
            .filter(|((a, b), _)| {
                let l: String = chars[*a..*b].iter().collect::<String>().to_lowercase();
                !NOT_SPEAKERS.contains(&l.trim())
            });
        if let Some((label, content)) = label {
            let rs = regions_in(regions, para.start, para.end);
            for &r in &rs {
                claimed[r] = true;
            }
            running = None;
            out.push(Draft {
                spans: vec![content],
                mention: Some(label),
                description: None,
                cue: ":".into(),
                para: pi,
                regions: rs,
                antecedent: None,
                direct: true,
            });
            transcript = Some(out.len() - 1);
            continue;
        }
        if let Some(di) = open_transcript {
            if let Some(sp) = transcript_continuation(chars, para.start, para.end) {
                let rs = regions_in(regions, para.start, para.end);
                for &r in &rs {
                    claimed[r] = true;
                }
                running = None;
                out[di].spans.push(sp);
                out[di].regions.extend(rs);
                transcript = Some(di);
                continue;
            }
        }
        let ctx = Ctx {
            chars,
            regions,
            items: &para.items,
            para: pi,
        };
        let first_new = out.len();
        // A quotation running on from the last paragraph.
        let mut skip_to = 0;
        if let Some((r, di)) = running.take() {
            if regions[r].continues {
                if let Some(first) = para.items.first().and_then(Item::quote) {
                    // The whole first sentence (if only quotes) joins the draft.
                    let (s0, e0) = para.sentences.first().copied().unwrap_or((0, 0));
                    let only_quotes = para.items[s0..e0]
                        .iter()
                        .all(|x| x.quote().is_some() || matches!(x.kind, ItemKind::Punct(_)));
                    if only_quotes {
                        if let Some(sp) = ctx.span(s0, e0) {
                            out[di].spans.push(sp);
                        }
                        for x in para.items[s0..e0].iter().filter_map(Item::quote) {
                            claimed[x] = true;
                            out[di].regions.push(x);
                        }
                        skip_to = 1;
                        if regions[first].continues && para.items[s0..e0].len() == 1 {
                            running = Some((first, di));
                        }
                    }
                }
            }
        }
        // `"…"` then a paragraph `— Sanders.` / `-President Obama, tweeting …`: the
        // speaker of the quotation before.
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
                    out.retain(|d| !(d.cue.is_empty() && d.regions.iter().any(|r| rs.contains(r))));
                    if let Some(sp) = pctx.span(0, prev.items.len()) {
                        let mut d = ctx.draft(vec![sp], Some(name), None, "—".into(), rs.clone());
                        d.para = pi - 1;
                        out.push(d);
                        for &r in &rs {
                            claimed[r] = true;
                        }
                        continue;
                    }
                }
            }
        }
        // `“…” ― Name` in one paragraph (letters, readers' comments): the name after the
        // dash is the speaker of the quotation before it.
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
                if !rs.iter().any(|&r| claimed[r]) {
                    if let Some(sp) = ctx.span(0, d) {
                        out.retain(|dr| {
                            !(dr.cue.is_empty() && dr.regions.iter().any(|r| rs.contains(r)))
                        });
                        out.push(ctx.draft(vec![sp], Some(name), None, "—".into(), rs.clone()));
                        for &r in &rs {
                            claimed[r] = true;
                        }
                        continue;
                    }
                }
            }
        }
        // A colon frame waiting for this paragraph.
        if let Some(prev) = out.last() {
            if prev.spans.is_empty() && prev.para + 1 == pi {
                let di = out.len() - 1;
                if let Some(&(s0, _)) = para.sentences.first() {
                    if para.items.get(s0).and_then(Item::quote).is_some() {
                        let e_all = para.items.len();
                        if let Some(sp) = ctx.span(0, e_all) {
                            out[di].spans.push(sp);
                            for x in para.items.iter().filter_map(Item::quote) {
                                claimed[x] = true;
                                out[di].regions.push(x);
                            }
                            skip_to = para.sentences.len();
                            if let Some(r) = para.items.last().and_then(Item::quote) {
                                running = Some((r, di));
                            }
                        }
                    }
                }
            }
        }
        for &(s, e) in para.sentences.iter().skip(skip_to) {
            let before = out.len();
            sentence_frames(&ctx, s, e, &mut out);
            if out.len() > before {
                // Quotations left over at the end of a sentence with a direct quote
                // (`…," Briggs said in Santa Monica, Calif. "The reality …"`) join it.
                let last = out.len() - 1;
                if !out[last].regions.is_empty() {
                    let held: Vec<usize> = out[before..]
                        .iter()
                        .flat_map(|d| d.regions.iter().copied())
                        .collect();
                    let end = out[last].spans.last().map_or(0, |sp| sp.1);
                    for t in s..e {
                        if let Some(r) = para.items[t].quote() {
                            if !held.contains(&r)
                                && !claimed[r]
                                && para.items[t].start >= end
                                && ctx.words_in(t, t + 1) >= 3
                            {
                                if let Some(sp) = ctx.span(t, t + 1) {
                                    out[last].spans.push(sp);
                                    out[last].regions.push(r);
                                }
                            }
                        }
                    }
                }
            }
            if out.len() == before {
                // No cue: quotation-only sentence after a direct quote in this paragraph
                // joins it; otherwise an unattributed quotation at a paragraph start
                // goes to the last speaker.
                let only_quotes = para.items[s..e]
                    .iter()
                    .all(|x| x.quote().is_some() || matches!(x.kind, ItemKind::Punct(_)))
                    && para.items[s..e].iter().any(|x| x.quote().is_some());
                if !only_quotes {
                    continue;
                }
                let rs: Vec<usize> = para.items[s..e].iter().filter_map(Item::quote).collect();
                if rs.iter().any(|&r| claimed[r]) {
                    continue;
                }
                let Some(sp) = ctx.span(s, e) else { continue };
                let holder = (first_new.max(out.len().saturating_sub(3))..out.len())
                    .rev()
                    .find(|&d| !out[d].regions.is_empty());
                if let Some(di) = holder {
                    out[di].spans.push(sp);
                    out[di].regions.extend(rs.iter().copied());
                } else if let Some((ld, _)) = last_speaker.filter(|&(ld, lp)| {
                    APPEND_NEXT_PARAGRAPH
                        && lp + 1 == pi
                        && !out[ld].regions.is_empty()
                        && ld + 1 == out.len()
                }) {
                    // A paragraph of quotation after one that ended with a direct quote
                    // goes on with it.
                    out[ld].spans.push(sp);
                    out[ld].regions.extend(rs.iter().copied());
                } else if let Some((ld, lp)) = last_speaker {
                    if pi <= lp + 1 && ctx.words_in(s, e) >= 4 {
                        let mut d = ctx.draft(vec![sp], None, None, String::new(), rs.clone());
                        d.mention = out[ld].mention;
                        d.description = None;
                        out.push(d);
                    }
                }
                for &r in &rs {
                    claimed[r] = true;
                }
            }
            for d in &out[before..] {
                for &r in &d.regions {
                    claimed[r] = true;
                }
            }
        }
        // Remember the speaker and a quotation that runs on.
        // The speaker an unattributed quotation goes to: who was last quoted directly
        // or said something.
        if let Some(di) = (first_new..out.len()).rev().find(|&d| {
            out[d].mention.is_some()
                && (!out[d].regions.is_empty()
                    || matches!(
                        out[d].cue.split(' ').next(),
                        Some("said" | "says" | "told" | "added")
                    ))
        }) {
            last_speaker = Some((di, pi));
        }
        if running.is_none() {
            if let Some(r) = para.items.last().and_then(Item::quote) {
                if regions[r].continues {
                    if let Some(di) = (first_new..out.len())
                        .rev()
                        .find(|&d| out[d].regions.contains(&r))
                    {
                        running = Some((r, di));
                    } else if let Some((ld, _)) = last_speaker {
                        // An unattributed opening paragraph of a long quotation.
                        let (s0, e0) = para.sentences.last().copied().unwrap_or((0, 0));
                        if let Some(sp) = ctx.span(s0, e0) {
                            let mut d = ctx.draft(vec![sp], None, None, String::new(), vec![r]);
                            d.mention = out[ld].mention;
                            out.push(d);
                            running = Some((r, out.len() - 1));
                        }
                    }
                }
            }
        }
        let _ = PRONOUNS;
    }
    // Quotations nobody claimed (`he yelled "…" at`, `a threat: "…"`): a direct quote of
    // the subject of their sentence, when they are long enough not to be scare quotes.
    // A quotation that opens its sentence goes to the last speaker quoted directly in
    // this paragraph or the one before.
    let mut quoted: Vec<(usize, usize, (usize, usize))> = out
        .iter()
        .filter(|d| !d.regions.is_empty())
        .filter_map(|d| Some((d.para, d.spans.first()?.0, d.mention?)))
        .collect();
    quoted.sort_unstable();
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
                if claimed[r] {
                    continue;
                }
                if let Some(owner) = possessive_owner(&para.items, s, t) {
                    // `Romney's "47 percent" comment`, `Clinton's slogan is "I'm with her."`
                    if let Some(sp) = ctx.span(t, t + 1) {
                        claimed[r] = true;
                        extra.push(ctx.draft(vec![sp], Some(owner), None, String::new(), vec![r]));
                    }
                    continue;
                }
                if ctx.words_in(t, t + 1) < UNCLAIMED_MIN_WORDS || is_title(chars, &regions[r]) {
                    continue;
                }
                let Some(sp) = ctx.span(t, t + 1) else {
                    continue;
                };
                if t > s {
                    if let Some(subject) = clause_subject(&para.items, s, t) {
                        claimed[r] = true;
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
                let before = quoted.partition_point(|q| (q.0, q.1) < (pi, sp.0));
                if let Some(&(qp, _, mention)) = before.checked_sub(1).map(|b| &quoted[b]) {
                    if qp + 1 >= pi {
                        claimed[r] = true;
                        let mut d = ctx.draft(vec![sp], None, None, String::new(), vec![r]);
                        d.mention = Some(mention);
                        extra.push(d);
                    }
                }
            }
        }
    }
    out.extend(extra);
    out.retain(|d| !d.spans.is_empty());
    out
}
