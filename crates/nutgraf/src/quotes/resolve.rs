//! Who a mention is: people and organisations named in the article (capitalized
//! runs, titles, first full mentions), their gender from titles and pronoun agreement,
//! and the resolution of pronouns, short names and common nouns to the fullest name.

use std::collections::{HashMap, HashSet};

use super::tokens::{Item, Paragraph};
use crate::lexicon::calendar::{MONTHS, WEEKDAYS};
use crate::lexicon::people::{COURTESY_TITLES, PERSONAL_PRONOUNS};

/// Titles before a name besides the courtesy titles (see [`is_title`]); they are not
/// part of the name but mark a person.
const TITLES: &[&str] = &[
    "sen",
    "sen.",
    "rep",
    "rep.",
    "gov",
    "gov.",
    "president",
    "secretary",
    "senator",
    "governor",
    "representative",
    "speaker",
    "gen",
    "gen.",
    "general",
    "judge",
    "justice",
    "mayor",
    "chairman",
    "chairwoman",
    "sheriff",
    "attorney",
    "prof",
    "prof.",
    "professor",
    "rev",
    "rev.",
    "lt",
    "lt.",
    "col",
    "col.",
    "sgt",
    "sgt.",
    "capt",
    "capt.",
    "former",
    "vice",
    "sens.",
    "reps.",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "leader",
    "chief",
    "minister",
    "prime",
    "ambassador",
    "commissioner",
    "director",
    "adviser",
    "advisor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lady",
    "first",
    "pope",
    "king",
    "queen",
    "prince",
    "democrat",
    "republican",
    "gop",
    "majority",
    "minority",
    "house",
    "senate",
    "state",
    "deputy",
    "acting",
    "u.s.",
    "presidential",
    "democratic",
];
/// Words that make a capitalized run an organisation or a place, not a person.
const ORG_WORDS: &[&str] = &[
    "university",
    "college",
    "school",
    "department",
    "party",
    "committee",
    "inc",
    "inc.",
    "news",
    "times",
    "post",
    "journal",
    "association",
    "council",
    "court",
    "foundation",
    "institute",
    "center",
    "centre",
    "agency",
    "bureau",
    "office",
    "campaign",
    "house",
    "senate",
    "congress",
    "ministry",
    "company",
    "corp",
    "corp.",
    "group",
    "church",
    "bank",
    "fund",
    "commission",
    "service",
    "network",
    "administration",
    "republicans",
    "democrats",
    "states",
    "county",
    "city",
    "state",
    "street",
    "avenue",
    "river",
    "lake",
    "mountain",
    "project",
    "union",
    "board",
    "police",
    "army",
    "navy",
    "force",
    "guard",
    "club",
    "press",
    "media",
    "tv",
    "radio",
    "magazine",
    "review",
    "gazette",
    "tribune",
    "herald",
    "airport",
    "hospital",
    "museum",
    "library",
    "park",
    "bridge",
    "hall",
    "tower",
];

/// Title words that say nothing about the role, besides the courtesy titles (see
/// [`is_role`]).
const NOT_ROLES: &[&str] = &[
    "former",
    "vice",
    "first",
    "u.s.",
    "state",
    "house",
    "senate",
    "majority",
    "minority",
    "deputy",
    "acting",
    "lady",
    "prime",
    "democrat",
    "republican",
    "gop",
    "presidential",
    "democratic",
];
const MALE: &[&str] = &[
    "mr",
    "mr.",
    "congressman",
    "chairman",
    "spokesman",
    "king",
    "prince",
];
const FEMALE: &[&str] = &[
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "lady",
    "queen",
];
/// Capitalized words that begin sentences or name times, not people, besides the
/// pronouns, weekdays and months (see [`is_not_name`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "its",
    "there",
    "here",
    "what",
    "why",
    "how",
    "who",
    "where",
    "still",
    "yet",
    "now",
    "then",
    "however",
    "meanwhile",
    "also",
    "both",
    "with",
    "from",
    "by",
    "to",
    "of",
    "not",
    "no",
    "yes",
    "one",
    "last",
    "next",
    "since",
    "though",
    "although",
    "because",
    "even",
    "just",
    "all",
    "some",
    "many",
    "most",
    "more",
    "my",
    "your",
    "said",
    "says",
    "according",
];

/// Whether a lowercase word is a title before a name.
fn is_title(w: &str) -> bool {
    COURTESY_TITLES.contains(&w) || TITLES.contains(&w)
}

/// Whether a lowercase title word says something about the role.
fn is_role(w: &str) -> bool {
    !COURTESY_TITLES.contains(&w) && !NOT_ROLES.contains(&w)
}

/// Whether a lowercase capitalized word is no name.
fn is_not_name(w: &str) -> bool {
    NOT_NAMES.contains(&w)
        || PERSONAL_PRONOUNS.contains(&w)
        || WEEKDAYS.contains(&w)
        || MONTHS.contains(&w)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A name as the article writes it (without titles or possessive).
#[derive(Debug, Clone)]
struct Name {
    start: usize,
    words: Vec<String>,
    person: bool,
}

impl Name {
    fn key(&self) -> String {
        self.words
            .last()
            .map(|w| w.to_lowercase())
            .unwrap_or_default()
    }
}

/// People and organisations of an article.
#[derive(Debug, Default)]
pub struct Entities {
    names: Vec<Name>,
    /// Fullest name per key (last word, lowercased).
    full: HashMap<String, usize>,
    gender: HashMap<String, Gender>,
    /// The first person named with a role title (`mayor` → `ostrow`).
    roles: HashMap<String, String>,
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn word_text(chars: &[char], it: &Item) -> String {
    chars[it.start..it.end].iter().collect()
}

/// What [`Entities::build`] gathers while it reads the paragraphs.
struct Scan {
    names: Vec<Name>,
    /// Pronoun votes per key: (male, female).
    votes: HashMap<String, (u32, u32)>,
    /// Genders a title gives (`Mrs.`).
    title_gender: HashMap<String, Gender>,
    /// The last person named, with the paragraph and sentence where it was named:
    /// a pronoun votes for its gender only in the same sentence.
    last_person: Option<String>,
    last_at: (usize, usize),
    /// Keys known to be people.
    person_keys: HashSet<String>,
    roles: HashMap<String, String>,
}

impl Scan {
    /// A lowercase pronoun votes for the gender of the last person named.
    fn pronoun(&mut self, w: &str) {
        match w {
            "he" | "him" | "his" | "himself" => {
                if let Some(p) = &self.last_person {
                    self.votes.entry(p.clone()).or_default().0 += 1;
                }
            }
            "she" | "her" | "hers" | "herself" => {
                if let Some(p) = &self.last_person {
                    self.votes.entry(p.clone()).or_default().1 += 1;
                }
            }
            _ => {}
        }
    }

    /// A capitalized pronoun (`He`, `Her`) votes the same way.
    fn capitalized_pronoun(&mut self, w: &str) {
        if let Some(p) = &self.last_person {
            let v = self.votes.entry(p.clone()).or_default();
            if w.starts_with('h') && w != "her" {
                v.0 += 1;
            } else {
                v.1 += 1;
            }
        }
    }

    /// The capitalized run at `k` (`at` is its paragraph and sentence): a name, with
    /// the title and role words before it. Returns where the run ends.
    fn name_run(&mut self, chars: &[char], items: &[Item], k: usize, at: (usize, usize)) -> usize {
        // A capitalized run (with joiners like `al-`, `de`, `of`? no: names only).
        let mut e = k;
        while e < items.len()
            && items[e].is_word()
            && (items[e].cap
                || (e > k
                    && matches!(
                        items[e].lower.as_str(),
                        "de" | "van" | "von" | "bin" | "al" | "la" | "da" | "del"
                    )))
        {
            e += 1;
            if strip_possessive(&items[e - 1].lower) != items[e - 1].lower {
                break;
            }
        }
        let mut words: Vec<String> = Vec::new();
        let mut titled = None;
        let mut person = false;
        let mut role_words: Vec<&str> = Vec::new();
        if k > 0
            && items[k - 1].is_word()
            && !items[k - 1].cap
            && is_title(items[k - 1].lower.as_str())
        {
            // `spokesman Mark Toner`
            role_words.push(items[k - 1].lower.as_str());
        }
        for x in &items[k..e] {
            let lw = x.lower.as_str();
            if words.is_empty() && is_not_name(lw) {
                continue;
            }
            if words.is_empty() && is_title(lw) {
                person = true;
                role_words.push(lw);
                if MALE.contains(&lw) {
                    titled = Some(Gender::Male);
                } else if FEMALE.contains(&lw) {
                    titled = Some(Gender::Female);
                }
                continue;
            }
            words.push(strip_possessive(&word_text(chars, x)).to_owned());
        }
        if !words.is_empty() {
            let key = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            let org = words
                .iter()
                .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
            let person = !org && (person || words.len() >= 2 || self.person_keys.contains(&key));
            if person {
                self.person_keys.insert(key.clone());
            }
            let name = Name {
                start: items[k].start,
                person,
                words,
            };
            if let Some(g) = titled {
                self.title_gender.insert(key.clone(), g);
            }
            for r in role_words {
                if is_role(r) {
                    self.roles
                        .entry(r.trim_end_matches('.').to_owned())
                        .or_insert_with(|| key.clone());
                }
            }
            if name.person {
                self.last_person = Some(key);
                self.last_at = at;
            }
            self.names.push(name);
        }
        e
    }

    /// The fullest name per key and the genders the votes and titles give.
    fn entities(self) -> Entities {
        let mut full: HashMap<String, usize> = HashMap::new();
        for (i, n) in self.names.iter().enumerate() {
            let key = n.key();
            let better = full
                .get(&key)
                .is_none_or(|&j| self.names[j].words.len() < n.words.len());
            if better {
                full.insert(key, i);
            }
        }
        let mut gender: HashMap<String, Gender> = HashMap::new();
        for (key, (m, f)) in self.votes {
            if m > f {
                gender.insert(key, Gender::Male);
            } else if f > m {
                gender.insert(key, Gender::Female);
            }
        }
        gender.extend(self.title_gender);
        Entities {
            roles: self.roles,
            names: self.names,
            full,
            gender,
        }
    }
}

impl Entities {
    /// Finds names in the paragraphs (outside quotations) and votes genders.
    pub fn build(chars: &[char], paras: &[Paragraph]) -> Self {
        let mut scan = Scan {
            names: Vec::new(),
            votes: HashMap::new(),
            title_gender: HashMap::new(),
            last_person: None,
            last_at: (usize::MAX, usize::MAX),
            person_keys: HashSet::new(),
            roles: HashMap::new(),
        };
        for (pi, para) in paras.iter().enumerate() {
            let items = &para.items;
            let mut k = 0;
            while k < items.len() {
                let it = &items[k];
                if !it.is_word() {
                    k += 1;
                    continue;
                }
                let sentence = para.sentences.partition_point(|sp| sp.1 <= k);
                if scan.last_at != (pi, sentence) {
                    scan.last_person = None;
                }
                let w = it.lower.as_str();
                if !it.cap {
                    scan.pronoun(w);
                    k += 1;
                    continue;
                }
                if matches!(w, "he" | "his" | "him") || matches!(w, "she" | "her") {
                    scan.capitalized_pronoun(w);
                    k += 1;
                    continue;
                }
                let e = scan.name_run(chars, items, k, (pi, sentence));
                k = e.max(k + 1);
            }
        }
        scan.entities()
    }

    fn fullest(&self, key: &str) -> Option<String> {
        self.full.get(key).map(|&i| self.names[i].words.join(" "))
    }

    fn is_person(&self, key: &str) -> bool {
        self.full.get(key).is_some_and(|&i| self.names[i].person) || self.gender.contains_key(key)
    }

    /// The fullest name for a mention `text` at character `start`, and the key of the
    /// person it resolved to.
    pub fn resolve(&self, text: &str, start: usize) -> (String, Option<String>) {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        if lower.len() == 1 {
            let want = match lower[0].as_str() {
                "he" | "him" => Some(Some(Gender::Male)),
                "she" | "her" => Some(Some(Gender::Female)),
                _ => None,
            };
            if let Some(want) = want {
                let end = self.names.partition_point(|n| n.start < start);
                for n in self.names[..end].iter().rev().take(40) {
                    let key = n.key();
                    if !self.is_person(&key) {
                        continue;
                    }
                    let g = self.gender.get(&key).copied();
                    if g.is_some() && g != want {
                        continue;
                    }
                    let name = self.fullest(&key).unwrap_or_else(|| n.words.join(" "));
                    return (name, Some(key));
                }
                return (text.to_owned(), None);
            }
        }
        // The last capitalized run is the name: `State Department spokesman Mark Toner`.
        let mut end = words.len();
        while end > 0
            && (!words[end - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || is_not_name(lower[end - 1].as_str()))
        {
            end -= 1;
        }
        if end == 0 {
            // `the mayor` → the person the article titles Mayor.
            if let Some(key) = lower.last().and_then(|h| self.roles.get(h.as_str())) {
                if let Some(full) = self.fullest(key) {
                    return (full, Some(key.clone()));
                }
            }
            return (text.strip_prefix("the ").unwrap_or(text).to_owned(), None);
        }
        let last = strip_possessive(&lower[end - 1]).to_owned();
        if let Some(full) = self.fullest(&last) {
            return (full, Some(last));
        }
        (text.to_owned(), Some(last))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::parse;
    use super::*;

    fn ents(text: &str) -> Entities {
        let chars: Vec<char> = text.chars().collect();
        let (_regions, paras) = parse(&chars);
        Entities::build(&chars, &paras)
    }

    #[test]
    fn short_name_and_pronoun() {
        let text = "Senator Ada Quill spoke first. Then Bo Rennick arrived and he waved.\n\nQuill said she was glad.";
        let e = ents(text);
        assert_eq!(e.resolve("Quill", 70).0, "Ada Quill");
        let she = text.chars().count() - 9;
        assert_eq!(e.resolve("she", she).0, "Ada Quill");
        assert_eq!(e.resolve("he", 60).0, "Bo Rennick");
    }
}
