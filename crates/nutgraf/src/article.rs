//! The [`Article`] (the output contract of `nutgraf read`) and the one assembly step
//! that both HTML and text inputs go through: typed blocks + page metadata → Article.

use serde::{Deserialize, Serialize};

use crate::blocks::{Block, BlockKind};
use crate::lexicon::calendar::MONTH_STEMS;
use crate::sentences::{self, Span};

/// Where the story was filed from, as its dateline says (`DENVER (Example News) --`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The place (`DENVER`, `LONDON`, `PELL CREEK, Colo.`).
    pub place: String,
    /// The outlet named in the dateline, if any (`Reuters`, `AP`).
    pub outlet: Option<String>,
}

/// A news article as read from a page. Field names and meanings are a stable contract
/// (see README "JSON contract"): fields may be added, never renamed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// The headline, without the site name.
    pub title: Option<String>,
    /// Author names (no "By", no outlet, no dates).
    pub authors: Vec<String>,
    /// The publication or site.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`2024-03-05` or `2024-03-05T10:00:00+01:00`).
    pub published: Option<String>,
    /// The dateline, when the story has one.
    pub dateline: Option<Dateline>,
    /// Topic tags.
    pub tags: Vec<String>,
    /// The page's own highlights ("story highlights" bullets), when it shows them.
    pub highlights_given: Vec<String>,
    /// Body paragraphs, in reading order.
    pub paragraphs: Vec<String>,
    /// `paragraphs` joined by `"\n\n"`; all offsets point into this.
    pub text: String,
    /// Sentences of `text`, as character offsets (end-exclusive). The first sentence
    /// starts after the dateline prefix, when there is one.
    pub sentences: Vec<Span>,
    /// Language (BCP 47 tag as the page declares it, e.g. `en`, `de-DE`), if known.
    pub language: Option<String>,
    /// Credit lines ("Sam Poe reported from Denver.", "Contributing: ...").
    #[serde(default)]
    pub credits: Vec<String>,
}

/// What the page says about itself outside the body (from `<meta>`, JSON-LD, a byline).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageInfo {
    /// Headline.
    pub title: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Site or publication.
    pub outlet: Option<String>,
    /// ISO 8601 date.
    pub published: Option<String>,
    /// Language tag.
    pub language: Option<String>,
    /// Topic tags.
    pub tags: Vec<String>,
    /// The page's own summary (`og:description`), when it gives one.
    pub description: Option<String>,
}

/// Assembles an article from typed blocks (in reading order) and page metadata.
pub fn assemble(blocks: &[Block], info: PageInfo) -> Article {
    let mut article = Article {
        title: info.title,
        authors: info.authors,
        outlet: info.outlet,
        published: info.published,
        language: info.language,
        tags: info.tags,
        ..Article::default()
    };
    let mut paragraphs: Vec<String> = Vec::new();
    for block in blocks {
        let text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        match block.kind {
            BlockKind::Title if article.title.is_none() => {
                article.title = Some(text.to_string());
            }
            BlockKind::Byline if article.authors.is_empty() => {
                article.authors = parse_byline(text).0;
            }
            BlockKind::Highlight => push_unique(&mut article.highlights_given, text),
            BlockKind::Tag => push_unique(&mut article.tags, text),
            BlockKind::Credit => push_unique(&mut article.credits, text),
            BlockKind::Heading(_) if same_text(article.title.as_deref(), text) => {}
            kind if kind.is_body() => {
                if is_credit_line(text) {
                    push_unique(&mut article.credits, text);
                } else {
                    paragraphs.push(text.to_string());
                }
            }
            _ => {}
        }
    }
    // A credit line is only a credit at the end of the story; earlier, keep it as text.
    let dateline = paragraphs.first().and_then(|p| parse_dateline(p));
    article.text = paragraphs.join("\n\n");
    article.paragraphs = paragraphs;
    article.sentences = sentences::split(&article.text);
    if let Some((dateline, prefix_chars)) = dateline {
        if let Some(first) = article.sentences.first_mut() {
            if first.start == 0 && prefix_chars < first.end {
                first.start = prefix_chars;
            }
        }
        article.dateline = Some(dateline);
    }
    article
}

fn push_unique(list: &mut Vec<String>, text: &str) {
    if !list.iter().any(|t| t == text) {
        list.push(text.to_string());
    }
}

fn same_text(a: Option<&str>, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    a.is_some_and(|a| {
        let a = norm(a);
        !a.is_empty() && a == norm(b)
    })
}

/// Whether a line credits reporters rather than telling the story
/// ("Sam Poe reported from Denver.", "Contributing: Ana Ruiz", "Additional reporting by ...").
pub fn is_credit_line(text: &str) -> bool {
    let words = text.split_whitespace().take(31).count();
    if words > 30 {
        return false;
    }
    let lower = text.to_lowercase();
    lower.starts_with("contributing:")
        || lower.starts_with("contributing writer")
        || lower.starts_with("additional reporting by")
        || lower.starts_with("reporting by")
        || lower.starts_with("editing by")
        || lower.contains("contributed to this report")
        || lower.contains("contributed reporting")
        || (words <= 16
            && (lower.contains(" reported from ") || lower.contains(" reporting from ")))
}

/// Splits a byline into author names and an outlet:
/// `"From Jane Roe and Sam Poe, Example News"` → (["Jane Roe", "Sam Poe"], Some("Example News")).
pub fn parse_byline(text: &str) -> (Vec<String>, Option<String>) {
    let mut s = text.trim();
    for prefix in [
        "记者：",
        "记者:",
        "记者 ",
        "記者：",
        "記者 ",
        "文／",
        "文/",
        "By ",
        "by ",
        "BY ",
        "From ",
        "Von ",
        "von ",
        "Par ",
        "par ",
        "Por ",
        "por ",
        "Di ",
        "Door ",
        "Av ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim();
            break;
        }
    }
    let mut outlet = None;
    // "A and B | Outlet", "A, Outlet", "A - Staff writer"
    let mut main = s;
    for sep in [" | ", " — ", " – ", " - ", " · "] {
        if let Some(i) = main.find(sep) {
            let tail = main[i + sep.len()..].trim();
            if !tail.is_empty() && !looks_like_role(tail) {
                outlet = Some(tail.to_string());
            }
            main = main[..i].trim();
        }
    }
    let parts: Vec<&str> = main
        .split([',', ';', '&', '、', '，'])
        .flat_map(|p| {
            // CJK names are separated by spaces alone ("王小明 李华").
            if p.trim()
                .chars()
                .all(|c| c == ' ' || crate::dump::lines::is_cjk(c))
            {
                p.split(' ').collect::<Vec<_>>()
            } else {
                vec![p]
            }
        })
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" y "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut names = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if looks_like_name(part) {
            names.push(part.to_string());
        } else if i == parts.len() - 1 && i > 0 && outlet.is_none() && !looks_like_role(part) {
            outlet = Some(part.to_string());
        }
    }
    // "Jane Roe, Example News": the last part is the outlet when it is not a person.
    if names.len() >= 2 && outlet.is_none() {
        if let Some(last) = names.last() {
            if is_outlet_like(last) {
                outlet = names.pop();
            }
        }
    }
    (names, outlet)
}

fn looks_like_role(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "special to",
        "redakteur",
        "redaktion",
    ]
    .iter()
    .any(|r| l.contains(r))
}

/// Whether a name is a publication's rather than a person's ("The Valley Post",
/// "Berliner Tagesblatt", "Le Quotidien du Sud", "BBC Wales").
pub fn is_outlet_like(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "the ", "le ", "la ", "les ", "el ", "il ", "der ", "die ", "das ", "de ",
    ]
    .iter()
    .any(|a| l.starts_with(a))
        || [
            "blatt",
            "zeitung",
            "anzeiger",
            "rundschau",
            "nachrichten",
            "quotidien",
            "journal",
            "diario",
            "giornale",
            "日报",
            "新闻",
            "新聞",
        ]
        .iter()
        .any(|w| l.contains(w))
        || [
            "news",
            "times",
            "post",
            "press",
            "journal",
            "herald",
            "tribune",
            "reuters",
            "associated",
            "agency",
            "daily",
            "gazette",
            "media",
            "magazine",
            "ledger",
            "courier",
            "wire",
            "bbc",
            "cnn",
        ]
        .iter()
        .any(|w| l.split_whitespace().any(|x| x == *w))
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if s.contains('@') || s.contains("://") || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if looks_like_role(s) {
        return false;
    }
    let chars = s.chars().count();
    if s.chars().all(crate::dump::lines::is_cjk) {
        return (2..=4).contains(&chars);
    }
    words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(
                *w,
                "van"
                    | "von"
                    | "de"
                    | "der"
                    | "den"
                    | "da"
                    | "di"
                    | "du"
                    | "la"
                    | "le"
                    | "al"
                    | "bin"
                    | "dos"
                    | "del"
            )
    })
}

/// Parses a dateline at the start of a paragraph: `DENVER (Example News) -- ...`,
/// `LONDON, March 3 (Reuters) - ...`, `PELL CREEK, Colo. — ...`, `BERLIN: ...`.
/// Returns it and the length in characters of the prefix to skip (separator and space).
pub fn parse_dateline(paragraph: &str) -> Option<(Dateline, usize)> {
    // Find the earliest separator in the first 100 characters.
    let head_end = paragraph
        .char_indices()
        .nth(100)
        .map_or(paragraph.len(), |(i, _)| i);
    let head = &paragraph[..head_end];
    let mut best: Option<(usize, usize, bool)> = None; // (byte pos, sep len, is_colon)
    for (sep, colon) in [
        (" -- ", false),
        (" — ", false),
        (" – ", false),
        (" - ", false),
        ("—", false),
        (": ", true),
    ] {
        if let Some(i) = head.find(sep) {
            if best.is_none_or(|(b, _, _)| i < b) {
                best = Some((i, sep.len(), colon));
            }
        }
    }
    let (pos, sep_len, colon) = best?;
    let prefix = head[..pos].trim();
    if prefix.is_empty() {
        return None;
    }
    let (place_part, outlet) = match prefix.strip_suffix(')') {
        Some(p) => {
            let open = p.rfind('(')?;
            let outlet = p[open + 1..].trim();
            if outlet.is_empty() || outlet.split_whitespace().count() > 4 {
                return None;
            }
            (p[..open].trim(), Some(outlet.to_string()))
        }
        None => (prefix, None),
    };
    // Drop date segments ("LONDON, March 3").
    let segments: Vec<&str> = place_part
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && !is_date_segment(s))
        .collect();
    let first = segments.first()?;
    let first_word = first.split_whitespace().next()?;
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let capitalized = letters.first().is_some_and(|c| c.is_uppercase());
    let place_words = segments
        .iter()
        .map(|s| s.split_whitespace().count())
        .sum::<usize>();
    if place_words == 0 || place_words > 7 || segments.len() > 3 {
        return None;
    }
    if place_part.contains(['.', '!', '?']) && !segments.iter().skip(1).all(|s| s.len() <= 12) {
        return None;
    }
    let ok = if colon {
        all_caps
            && outlet.is_none()
            && first.split_whitespace().all(|w| {
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
    } else {
        all_caps || (capitalized && outlet.is_some())
    };
    let words_capitalized = segments.iter().flat_map(|s| s.split_whitespace()).all(|w| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    });
    if !ok || !words_capitalized {
        return None;
    }
    let place = segments.join(", ");
    let skip_bytes = pos + sep_len;
    let rest = &paragraph[skip_bytes..];
    let skip_bytes = skip_bytes + (rest.len() - rest.trim_start().len());
    let prefix_chars = paragraph[..skip_bytes].chars().count();
    Some((Dateline { place, outlet }, prefix_chars))
}

fn is_date_segment(s: &str) -> bool {
    let lower = s.to_lowercase();
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    has_digit
        && (MONTH_STEMS.iter().any(|m| lower.starts_with(m))
            || lower
                .chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c == '.' || c == '/'))
}

/// Already-clean article text: everything is kept, paragraphs break at blank lines,
/// and `text` is the input unchanged so that offsets point into what the user gave.
pub fn from_plain_article(input: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in input.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    Article {
        paragraphs,
        text: input.to_string(),
        sentences: sentences::split(input),
        ..Article::default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn dl(p: &str) -> Option<(String, Option<String>, usize)> {
        parse_dateline(p).map(|(d, n)| (d.place, d.outlet, n))
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dl("DENVER (Example News) -- Crews battled drifts."),
            Some(("DENVER".into(), Some("Example News".into()), 25))
        );
        assert_eq!(
            dl("LONDON, March 3 (Reuters) - Shares fell."),
            Some(("LONDON".into(), Some("Reuters".into()), 28))
        );
        assert_eq!(
            dl("WASHINGTON (AP) — The Senate voted.").unwrap().0,
            "WASHINGTON"
        );
        assert_eq!(
            dl("PELL CREEK, Colo. — Water rose.").unwrap().0,
            "PELL CREEK, Colo."
        );
        assert_eq!(
            dl("BERLIN: Die Regierung hat entschieden.").unwrap().0,
            "BERLIN"
        );
        assert_eq!(
            dl("HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists")
                .unwrap()
                .0,
            "HONOLULU, Hawaii"
        );
        assert_eq!(dl("The mayor said: we will rebuild."), None);
        assert_eq!(dl("Note: this story was updated."), None);
        assert_eq!(dl("In 2019 - a year of change - prices rose."), None);
        assert_eq!(dl("He said (again) - no."), None);
    }

    #[test]
    fn bylines() {
        let (a, o) = parse_byline("From Jane Roe and Sam Poe, Example News");
        assert_eq!(a, vec!["Jane Roe", "Sam Poe"]);
        assert_eq!(o.as_deref(), Some("Example News"));
        let (a, o) = parse_byline("By Ana Ruiz | Staff writer");
        assert_eq!(a, vec!["Ana Ruiz"]);
        assert_eq!(o, None);
        let (a, o) = parse_byline("Jane Roe and Sam Poe | Example News");
        assert_eq!(a, vec!["Jane Roe", "Sam Poe"]);
        assert_eq!(o.as_deref(), Some("Example News"));
        let (a, _) = parse_byline("Von Max Muster und Erika Beispiel");
        assert_eq!(a, vec!["Max Muster", "Erika Beispiel"]);
        let (a, o) = parse_byline("Von Max Muster und Erika Beispiel, Berliner Tagesblatt");
        assert_eq!(a, vec!["Max Muster", "Erika Beispiel"]);
        assert_eq!(o.as_deref(), Some("Berliner Tagesblatt"));
        let (a, o) = parse_byline("Par Claire Dubois, Le Quotidien du Sud");
        assert_eq!(a, vec!["Claire Dubois"]);
        assert_eq!(o.as_deref(), Some("Le Quotidien du Sud"));
        let (a, o) = parse_byline("记者 王小明 李华");
        assert_eq!(a, vec!["王小明", "李华"]);
        assert_eq!(o, None);
    }

    #[test]
    fn credits() {
        assert!(is_credit_line(
            "Example News's Sam Poe reported from Denver."
        ));
        assert!(is_credit_line("Contributing: Ana Ruiz in Boulder"));
        assert!(!is_credit_line(
            "The storm is expected to move east by Monday."
        ));
    }

    #[test]
    fn assemble_moves_first_sentence_past_dateline() {
        let blocks = vec![
            Block {
                kind: BlockKind::Paragraph,
                text: "DENVER (AP) — Snow fell. Roads closed.".into(),
            },
            Block {
                kind: BlockKind::Paragraph,
                text: "Ana Poe reported from Denver.".into(),
            },
        ];
        let a = assemble(&blocks, PageInfo::default());
        assert_eq!(a.dateline.as_ref().unwrap().outlet.as_deref(), Some("AP"));
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.credits, vec!["Ana Poe reported from Denver."]);
        assert_eq!(a.sentences[0].start, "DENVER (AP) — ".chars().count());
    }
}
