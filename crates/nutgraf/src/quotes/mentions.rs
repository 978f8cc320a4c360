//! Speaker mentions: the noun phrase before or after a cue, appositives, pronouns.

use super::tokens::Item;
use crate::lexicon::calendar::WEEKDAYS;
use crate::lexicon::people::PERSONAL_PRONOUNS;

/// Words that may stand between a subject and its verb (`he also said`, `has said`).
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "then",
    "previously",
    "once",
    "repeatedly",
    "recently",
    "reportedly",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "never",
    "again",
    "further",
    "since",
    "earlier",
    "first",
    "simply",
    "just",
    "privately",
    "publicly",
    "flatly",
    "long",
    "frequently",
    "often",
    "quickly",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
    "had",
    "been",
    "is",
    "was",
    "are",
    "were",
    "still",
    "already",
    "even",
    "ultimately",
    "always",
    "separately",
    "specifically",
    "explicitly",
    "openly",
    "n't",
    "didn't",
    "doesn't",
    "hasn't",
    "haven't",
    "won't",
    "wouldn't",
    "herself",
    "himself",
    "themselves",
    "itself",
    "pointedly",
    "bluntly",
    "firmly",
];

/// Determiners and possessives: they start a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "another", "some", "many", "several", "both", "all", "most", "two", "three", "four", "five",
    "other", "few", "each", "every", "one", "no",
];

/// Words that end a noun phrase when walking back from a verb, besides the weekdays
/// (see [`is_stop`]).
const STOP: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "and",
    "but",
    "or",
    "nor",
    "as",
    "if",
    "when",
    "while",
    "because",
    "after",
    "before",
    "since",
    "so",
    "than",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "into",
    "about",
    "over",
    "under",
    "during",
    "against",
    "what",
    "how",
    "why",
    "where",
    "said",
    "says",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "not",
    "there",
    "here",
    "yet",
    "though",
    "although",
    "until",
    "unless",
    "also",
    "then",
    "now",
    "however",
    "instead",
    "meanwhile",
    "later",
    "today",
    "yesterday",
    "tonight",
    "him",
    "them",
    "me",
    "us",
    "whether",
    "says",
    "told",
    "week",
    "month",
    "year",
    "ago",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "just",
    "even",
    "only",
    "still",
    "again",
    "once",
    "already",
    "last",
    "next",
];

/// Prepositions: a pronoun after one is an object.
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "for", "with", "from", "by", "about", "of", "into", "over", "against",
    "like", "than", "without", "toward", "towards", "upon",
];

/// Words that may join the parts of a name or a noun phrase.
const JOINERS: &[&str] = &[
    "of", "for", "from", "al", "de", "van", "von", "bin", "la", "le", "da", "del", "du",
];

/// Whether a lowercase word ends a noun phrase when walking back from a verb.
fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || WEEKDAYS.contains(&w)
}

fn lower_in(item: &Item, list: &[&str]) -> bool {
    item.is_word() && list.contains(&item.lower.as_str())
}

/// Skips words like `also`, `has` backwards from `hi` (exclusive); returns the new end.
pub fn skip_between_back(items: &[Item], lo: usize, mut hi: usize) -> usize {
    let mut n = 0;
    while hi > lo && n < 4 {
        let it = &items[hi - 1];
        let w = it.lower.as_str();
        if it.is_word() && !it.cap && (BETWEEN.contains(&w) || w.ends_with("ly")) {
            hi -= 1;
            n += 1;
        } else if it.is_word()
            && hi >= lo + 2
            && (TIME_NOUNS.contains(&w) || WEEKDAYS.contains(&w))
            && matches!(
                items[hi - 2].lower.as_str(),
                "last" | "this" | "on" | "late" | "early" | "earlier"
            )
        {
            // `Beck, …, last week said`, `Smith on Tuesday said`
            hi -= 2;
            n += 2;
        } else {
            break;
        }
    }
    hi
}

const TIME_NOUNS: &[&str] = &[
    "week", "month", "year", "night", "weekend", "spring", "summer", "fall", "winter",
];

/// The noun phrase that ends at `hi` (exclusive), not reaching before `lo`.
/// A parenthesis right before `hi` (`Sen. Ann Roe (D-Vt.) said`) belongs to it.
pub fn np_before(items: &[Item], lo: usize, hi: usize) -> Option<(usize, usize)> {
    if hi <= lo {
        return None;
    }
    if items[hi - 1].is_punct(')') {
        let open = (hi.saturating_sub(10).max(lo)..hi - 1)
            .rev()
            .find(|&t| items[t].is_punct('('))?;
        let (s, _) = np_before_plain(items, lo, open)?;
        return Some((s, hi));
    }
    np_before_plain(items, lo, hi)
}

fn np_before_plain(items: &[Item], lo: usize, hi: usize) -> Option<(usize, usize)> {
    if hi <= lo {
        return None;
    }
    let last = &items[hi - 1];
    if !last.is_word() {
        return None;
    }
    if PERSONAL_PRONOUNS.contains(&last.lower.as_str()) {
        // `included on it told …`: an object pronoun is no subject.
        let after_prep = hi - 1 > lo
            && items[hi - 2].is_word()
            && PREPOSITIONS.contains(&items[hi - 2].lower.as_str());
        return (!after_prep).then_some((hi - 1, hi));
    }
    if is_stop(last.lower.as_str()) || DETERMINERS.contains(&last.lower.as_str()) {
        return None;
    }
    // `Editor's note`, `North Korea's claim`: a possessive is no subject.
    if last.lower.ends_with("'s")
        || last.lower.ends_with("’s")
        || last.lower.ends_with('\'')
        || last.lower.ends_with('’')
    {
        return None;
    }
    let mut k = hi;
    let mut lowercase = 0;
    let mut words = 0;
    while k > lo && words < 9 {
        let it = &items[k - 1];
        if !it.is_word() {
            break;
        }
        let w = it.lower.as_str();
        if DETERMINERS.contains(&w) {
            k -= 1;
            // `a spokesman for the campaign`: go on over the joiner.
            if k >= lo + 2
                && words < 6
                && lower_in(&items[k - 1], &["of", "for", "at", "from"])
                && items[k - 2].is_word()
                && !is_stop(items[k - 2].lower.as_str())
            {
                k -= 1;
                words += 1;
                continue;
            }
            break;
        }
        if w == "and" && it.is_word() && k - 1 > lo && items[k - 2].cap && items[k].cap {
            // `Edward Dovere and Gabriel Debenedetti wrote`
            k -= 1;
            words += 1;
            continue;
        }
        if PERSONAL_PRONOUNS.contains(&w) || is_stop(w) {
            // A sentence-initial capitalized function word ends the phrase too.
            break;
        }
        if JOINERS.contains(&w) {
            // `spokesman for the campaign`, `Secretary of State`: only between words.
            if k - 1 == lo {
                break;
            }
            k -= 1;
            words += 1;
            continue;
        }
        if !it.cap {
            lowercase += 1;
            if lowercase > 4 {
                break;
            }
        }
        k -= 1;
        words += 1;
    }
    // Do not start on a joiner.
    while k < hi && lower_in(&items[k], JOINERS) {
        k += 1;
    }
    (k < hi).then_some((k, hi))
}

/// The noun phrase that starts at `lo`, not reaching `hi`.
pub fn np_after(items: &[Item], lo: usize, hi: usize) -> Option<(usize, usize)> {
    if lo >= hi || !items[lo].is_word() {
        return None;
    }
    let first = items[lo].lower.as_str();
    if PERSONAL_PRONOUNS.contains(&first) {
        return Some((lo, lo + 1));
    }
    if is_stop(first) {
        return None;
    }
    let mut k = lo;
    let mut words = 0;
    while k < hi && words < 9 {
        let it = &items[k];
        if !it.is_word() {
            break;
        }
        let w = it.lower.as_str();
        if k > lo && (is_stop(w) || DETERMINERS.contains(&w) || PERSONAL_PRONOUNS.contains(&w)) {
            break;
        }
        // `The mayor defended …`: a verb ends the phrase.
        if k > lo && !it.cap && (w.ends_with("ed") || super::lexicon::lookup(w).is_some()) {
            break;
        }
        k += 1;
        words += 1;
    }
    while k > lo && lower_in(&items[k - 1], JOINERS) {
        k -= 1;
    }
    (k > lo).then_some((lo, k))
}

/// Heads of phrases that never speak (times, amounts, places in a sentence).
const NOT_SPEAKER_HEADS: &[&str] = &[
    "week",
    "weeks",
    "year",
    "years",
    "day",
    "days",
    "time",
    "times",
    "month",
    "months",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "dollars",
    "million",
    "billion",
    "hour",
    "hours",
    "minute",
    "minutes",
    "way",
    "thing",
    "things",
    "fact",
    "point",
    "lot",
    "part",
    "end",
    "case",
    "kind",
    "sort",
    "number",
    "one",
    "what",
    "something",
    "nothing",
    "anything",
    "everything",
    "much",
    "more",
    "less",
    "even",
    "back",
    "later",
    "earlier",
    "moments",
    "now",
    "then",
];

/// Whether a phrase can name a speaker: a capitalized word, a pronoun, or a noun
/// phrase whose head is not a time, amount or filler word.
pub fn plausible_speaker(items: &[Item], (s, e): (usize, usize)) -> bool {
    let Some(head) = items[s..e].last() else {
        return false;
    };
    let h = head.lower.as_str();
    if NOT_SPEAKER_HEADS.contains(&h) {
        return false;
    }
    if head.cap || PERSONAL_PRONOUNS.contains(&h) {
        return true;
    }
    head.is_word()
        && h.chars().any(char::is_alphabetic)
        && !h.ends_with("ly")
        && !h.ends_with("ing")
        && !NOT_SPEAKER_HEADS.contains(&h)
        && !is_stop(h)
}
