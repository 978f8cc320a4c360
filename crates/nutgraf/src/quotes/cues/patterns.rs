//! Cues that are shapes rather than words of the lexicon: a verb made a cue by the
//! sentence around it (`X gloated: "…"`, `"…," X quipped.`), a naming verb with a quoted
//! label (`X called Y "…"`), and a quotation owned by a possessive (`Romney's "47
//! percent" comment`); and the test that tells a quoted title from a statement.

use super::super::lexicon::{self, cue_at, Class, DETERMINERS_CAP, NAMING, SAID_NOUNS, STOP_VERBS};
use super::super::marks::Region;
use super::super::mentions::{np_before, plausible_speaker, skip_between_back};
use super::super::tokens::Item;
use super::frame::{clause_subject, Found};
use super::spans::Ctx;
use crate::lexicon::people::PERSONAL_PRONOUNS;

/// `X called Y "…"`: the object and the quoted label are the content.
pub(super) fn naming_frame(
    ctx: &Ctx,
    s: usize,
    e: usize,
    cursor: usize,
    k: usize,
    last_subject: Option<(usize, usize)>,
) -> Option<Found> {
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
pub(super) fn pattern_cue(items: &[Item], s: usize, e: usize, k: usize) -> Option<lexicon::Cue> {
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
        && (items[k - 1].cap || PERSONAL_PRONOUNS.contains(&items[k - 1].lower.as_str()));
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

/// A quotation in title case is a title (`"The Nightly Show with Larry Wilmore"`).
pub(super) fn is_title(chars: &[char], region: &Region) -> bool {
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

/// A word in the possessive (`Romney's`, `voters'`).
fn is_possessive(it: &Item) -> bool {
    it.is_word()
        && (it.lower.ends_with("'s")
            || it.lower.ends_with("’s")
            || it.lower.ends_with("s'")
            || it.lower.ends_with("s’"))
}

/// The owner of a quotation named by a possessive: `Romney's "47 percent" comment` or
/// `Clinton's campaign slogan is "I'm with her."`; the possessive name's item range.
pub(super) fn possessive_owner(items: &[Item], s: usize, t: usize) -> Option<(usize, usize)> {
    let owner_at = |p: usize| -> Option<(usize, usize)> {
        let it = &items[p];
        if !is_possessive(it)
            || !(it.cap || PERSONAL_PRONOUNS.contains(&it.lower.trim_end_matches(['\'', '’', 's'])))
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
