//! Words that introduce reported speech or thought, with their inflections.

use std::collections::HashMap;
use std::sync::LazyLock;

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

const SPEECH: &str = "say state claim announce tweet explain insist argue note \
    acknowledge admit reply suggest comment confirm predict promise vow \
    complain boast joke quip testify reiterate concede stress emphasize allege assert \
    contend remark reveal recount lament retort shout yell plead muse exclaim \
    blog text speculate theorize opine insinuate swear whisper mutter \
    proclaim scoff grumble";
const TELL: &str = "tell ask warn urge assure remind inform caution reassure";
const WEAK: &str = "add continue conclude agree recall report observe counter answer \
    maintain repeat estimate charge write respond mention pledge post declare deny email";
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
