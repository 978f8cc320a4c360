//! Words that introduce reported speech or thought, with their inflections, and the
//! other word lists the cue reader ([`super::cues`]) and the sentence cutter use.
//!
//! Every list is hand-made from reading news copy; none is taken from a dictionary.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::tokens::Item;
use crate::lexicon::calendar::WEEKDAYS;
use crate::lexicon::people::SUBJECT_PRONOUNS;

/// Which inflection a cue word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `say`, `tell`: needs a plural subject or an auxiliary before it.
    Base,
    /// `says`.
    Third,
    /// `said`, `told`.
    Past,
    /// `saying`: after a comma, the subject is the clause's.
    Ing,
}

/// How a cue verb behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A verb of saying (`said`, `argued`).
    Speech,
    /// Takes a listener before the content (`told reporters`, `warned voters`).
    Tell,
    /// Also used otherwise (`continued to rise`, `added 5,000 jobs`): only counts with
    /// `that`, a colon or a quotation after it, or closing a sentence after its content.
    Weak,
    /// Thought rather than speech (`believes`, `thinks`).
    Belief,
}

/// A word found in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub form: Form,
    pub class: Class,
}

/// Verbs of saying (the `Speech` class).
const SPEECH: &str = "say state claim announce tweet explain insist argue note \
    acknowledge admit reply suggest comment confirm predict promise vow \
    complain boast joke quip testify reiterate concede stress emphasize allege assert \
    contend remark reveal recount lament retort shout yell plead muse exclaim \
    blog text speculate theorize opine insinuate swear whisper mutter \
    proclaim scoff grumble";
/// Verbs that take a listener before the content (the `Tell` class).
const TELL: &str = "tell ask warn urge assure remind inform caution reassure";
/// Verbs that are cues only in some shapes (the `Weak` class).
const WEAK: &str = "add continue conclude agree recall report observe counter answer \
    maintain repeat estimate charge write respond mention pledge post declare deny email";
/// Verbs of thought (the `Belief` class).
const BELIEF: &str = "believe think fear worry doubt";

/// Forms that are more often something else (`a thought`).
const NOT_CUES: &[&str] = &["thought", "state", "states"];

/// Irregular or consonant-doubling forms: lemma, third person, past, -ing.
const IRREGULAR: &[(&str, &str, &str, &str)] = &[
    ("say", "says", "said", "saying"),
    ("tell", "tells", "told", "telling"),
    ("write", "writes", "wrote", "writing"),
    ("think", "thinks", "thought", "thinking"),
    ("swear", "swears", "swore", "swearing"),
    ("admit", "admits", "admitted", "admitting"),
    ("quip", "quips", "quipped", "quipping"),
    ("blog", "blogs", "blogged", "blogging"),
    ("counter", "counters", "countered", "countering"),
    ("answer", "answers", "answered", "answering"),
    ("mutter", "mutters", "muttered", "muttering"),
    ("text", "texts", "texted", "texting"),
];

fn inflect(lemma: &str) -> [String; 4] {
    if let Some(&(l, s, d, g)) = IRREGULAR.iter().find(|e| e.0 == lemma) {
        return [l.into(), s.into(), d.into(), g.into()];
    }
    let stem_e = lemma.strip_suffix('e');
    let (third, past, ing) = if let Some(stem) = stem_e {
        (
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        )
    } else if let Some(stem) = lemma
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        )
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        (
            format!("{lemma}es"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        )
    } else {
        (
            format!("{lemma}s"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        )
    };
    [lemma.to_owned(), third, past, ing]
}

static LEXICON: LazyLock<HashMap<String, Cue>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    // Later lists do not override earlier ones: Speech > Tell > Weak > Belief.
    for (list, class) in [
        (SPEECH, Class::Speech),
        (TELL, Class::Tell),
        (WEAK, Class::Weak),
        (BELIEF, Class::Belief),
    ] {
        for lemma in list.split_whitespace() {
            let forms = inflect(lemma);
            for (word, form) in
                forms
                    .into_iter()
                    .zip([Form::Base, Form::Third, Form::Past, Form::Ing])
            {
                map.entry(word).or_insert(Cue { form, class });
            }
        }
    }
    map
});

/// The cue behind a lowercased word, if it is one.
pub fn lookup(word: &str) -> Option<Cue> {
    if NOT_CUES.contains(&word) {
        return None;
    }
    LEXICON.get(word).copied()
}

/// Capitalized words that start a description rather than a name.
pub(crate) const DETERMINERS_CAP: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "who", "which",
];

/// Capitalized words before a colon that are labels, not speakers, besides the
/// subject pronouns: see [`is_not_speaker`].
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "update",
    "updated",
    "photo",
    "photos",
    "watch",
    "related",
    "read",
    "editor",
    "q",
    "a",
    "source",
    "sources",
    "correction",
    "video",
    "image",
    "caption",
    "credit",
    "warning",
    "breaking",
    "exclusive",
    "subscribe",
    "advertisement",
    "also",
    "topics",
    "tags",
    "share",
    "bottom",
    "the",
    "in",
    "on",
    "at",
    "for",
    "and",
    "but",
    "this",
    "that",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "here",
    "there",
    "question",
    "answer",
    "example",
    "background",
    "translation",
    "disclosure",
    "name",
    "age",
    "city",
    "job",
    "pay",
    "title",
    "location",
    "date",
    "place",
];

/// Whether a lowercase word before a colon is a label or a pronoun, not a speaker.
pub(crate) fn is_not_speaker(w: &str) -> bool {
    NOT_SPEAKERS.contains(&w) || SUBJECT_PRONOUNS.contains(&w)
}

/// Third-person verb forms that are also plural nouns.
pub(crate) const NOUNISH: &[&str] = &[
    "states",
    "reports",
    "claims",
    "calls",
    "notes",
    "posts",
    "comments",
    "remarks",
    "promises",
    "texts",
    "charges",
    "answers",
    "counters",
    "quotes",
    "tweets",
    "emails",
    "blogs",
    "jokes",
    "vows",
    "pledges",
    "fears",
    "doubts",
    "worries",
    "estimates",
    "reveals",
    "mentions",
    "tells",
    "questions",
    "stresses",
    "warns",
    "insists",
    "adds",
];

/// Time and manner words between a cue and its content (`said again`), besides the
/// weekdays (`said Tuesday`): see [`is_time_word`].
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "recently",
    "earlier",
    "later",
    "again",
    "also",
    "repeatedly",
    "privately",
    "publicly",
    "afterward",
    "afterwards",
    "then",
    "previously",
    "once",
    "bluntly",
    "flatly",
    "simply",
    "frequently",
    "often",
    "late",
    "early",
    "separately",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
];

/// Whether a lowercase word is a time or manner word that may stand between a cue and
/// its content.
pub(crate) fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || WEEKDAYS.contains(&w)
}

/// Words that open a time or place phrase after a cue (`said in a statement, …`).
pub(crate) const PREPS: &[&str] = &[
    "in", "on", "at", "during", "to", "via", "through", "from", "after", "before", "with", "last",
    "this", "earlier", "while", "when", "before", "about", "of", "for",
];

/// Verb forms after which a bare clause is the content: `said the deal was off`.
pub(crate) const BARE_OK: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "argued",
    "argues",
    "argue",
    "suggested",
    "suggests",
    "suggest",
    "noted",
    "notes",
    "explained",
    "explains",
    "revealed",
    "reveals",
    "urged",
    "urges",
    "reported",
    "reports",
    "insisted",
    "insists",
    "insist",
    "vowed",
    "vows",
    "recalled",
    "recalls",
    "added",
    "adds",
    "wrote",
    "writes",
    "predicted",
    "predicts",
    "contended",
    "contends",
    "asserted",
    "asserts",
    "maintained",
    "maintains",
    "stressed",
    "stresses",
    "conceded",
    "concedes",
    "confirmed",
    "confirms",
    "testified",
    "warned",
    "warns",
    "boasted",
    "boasts",
    "complained",
    "complains",
    "claimed",
    "claims",
    "claim",
    "promised",
    "promises",
    "admitted",
    "admits",
    "answered",
    "replied",
    "countered",
    "acknowledged",
    "acknowledges",
];

/// Things that say something: `a statement saying …`.
pub(crate) const MEDIUM_NOUNS: &[&str] = &[
    "statement",
    "tweet",
    "tweets",
    "email",
    "e-mail",
    "letter",
    "post",
    "release",
    "message",
    "video",
    "ad",
    "advertisement",
    "note",
    "memo",
    "interview",
    "op-ed",
    "column",
    "speech",
    "report",
    "filing",
    "motion",
    "lawsuit",
    "complaint",
    "petition",
    "ruling",
    "order",
    "opinion",
    "editorial",
    "sign",
    "signs",
    "banner",
    "banners",
    "poster",
    "text",
    "texts",
    "call",
    "remarks",
    "comments",
    "appearance",
    "address",
];

/// Verbs that name something with a quoted label: `called him "a total stiff"`.
pub(crate) const NAMING: &[&str] = &[
    "called",
    "calls",
    "call",
    "calling",
    "dubbed",
    "dubs",
    "dubbing",
    "labeled",
    "labelled",
    "labels",
    "labeling",
    "branded",
    "brands",
    "branding",
    "termed",
    "terms",
    "described",
    "describes",
    "describing",
    "deemed",
    "nicknamed",
];

/// Words that open an introductory phrase before the subject.
pub(crate) const INTRO_WORDS: &[&str] = &[
    "back",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "moments",
    "later",
    "earlier",
    "last",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "over",
    "when",
    "while",
    "as",
    "with",
    "without",
    "despite",
    "for",
    "from",
    "by",
    "of",
    "although",
    "though",
    "because",
    "if",
    "once",
    "speaking",
    "asked",
    "meanwhile",
    "still",
    "then",
    "now",
    "today",
    "yesterday",
    "tonight",
    "separately",
];

/// Verb-like words that never introduce speech in the pattern cues.
pub(crate) const STOP_VERBS: &[&str] = &[
    "was",
    "has",
    "does",
    "is",
    "seemed",
    "appeared",
    "included",
    "reads",
    "follows",
    "continued",
    "ended",
    "started",
    "happened",
    "lasted",
    "remained",
    "things",
    "years",
    "times",
    "days",
    "weeks",
    "months",
    "includes",
    "stated",
];

/// Nouns for what someone said: `his "47 percent" comment`.
pub(crate) const SAID_NOUNS: &[&str] = &[
    "comment",
    "comments",
    "remark",
    "remarks",
    "line",
    "slogan",
    "phrase",
    "catchphrase",
    "motto",
    "refrain",
    "mantra",
    "tweet",
    "statement",
    "quip",
    "promise",
    "pledge",
    "words",
    "message",
    "claim",
    "charge",
    "description",
    "label",
    "nickname",
    "joke",
    "question",
];

/// The cue of the word at `k`, reading its neighbours: `said than done` is none,
/// `pointed out` is one.
pub(crate) fn cue_at(items: &[Item], k: usize) -> Option<Cue> {
    let it = &items[k];
    if !it.is_word() || it.cap {
        return None;
    }
    if items.get(k + 1).is_some_and(|x| x.lower == "than") {
        // `easier said than done`
        return None;
    }
    if items.get(k + 1).is_some_and(|x| x.lower == "out") {
        // `points out`, `pointed out`
        let form = match it.lower.as_str() {
            "point" => Some(Form::Base),
            "points" => Some(Form::Third),
            "pointed" => Some(Form::Past),
            "pointing" => Some(Form::Ing),
            _ => None,
        };
        if let Some(form) = form {
            return Some(Cue {
                form,
                class: Class::Speech,
            });
        }
    }
    lookup(&it.lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(lookup("said").map(|c| c.form), Some(Form::Past));
        assert_eq!(lookup("argues").map(|c| c.form), Some(Form::Third));
        assert_eq!(lookup("denied").map(|c| c.form), Some(Form::Past));
        assert_eq!(lookup("stressing").map(|c| c.form), Some(Form::Ing));
        assert_eq!(lookup("told").map(|c| c.class), Some(Class::Tell));
        assert_eq!(lookup("added").map(|c| c.class), Some(Class::Weak));
        assert_eq!(lookup("table"), None);
    }
}
