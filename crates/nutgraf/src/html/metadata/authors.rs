//! Authors: byline strings → person names, and the cascade of sources a page's
//! authors come from.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::jsonld::JsonLd;
use super::normalize::{collapse, norm_key};
use super::pagedates::PageText;
use super::{attrs_contain, has_ancestor, looks_like_url, sel, text_of, Metas, ITEM_NAME};
use crate::lexicon::chrome::OFF_STORY_CLASS_WORDS;

/// Leading phrases that introduce a byline ("By", "Von", "Par", ...), lower-case.
const PREFIXES: &[&str] = &[
    "ein gastbeitrag von",
    "ein beitrag von",
    "ein kommentar von",
    "eine analyse von",
    "eine kolumne von",
    "written by",
    "posted by",
    "reported by",
    "story by",
    "words by",
    "text by",
    "article by",
    "published by",
    "geschrieben von",
    "verfasst von",
    "autorinnen",
    "autorin",
    "autoren",
    "authors",
    "author",
    "autor",
    "auteur",
    "texte",
    "text",
    "von",
    "by",
    "par",
    "por",
    "door",
    "di",
    "de",
    "from",
];

/// Words that end a name list ("... am 3. März", "... updated ...").
const STOPWORDS: &[&str] = &[
    "am",
    "on",
    "um",
    "vom",
    "le",
    "el",
    "em",
    "updated",
    "update",
    "published",
    "posted",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    "zuletzt",
    "publié",
    "mis",
    "publicado",
    "actualizado",
    "aktualisiert:",
    "last",
    "in",
    "for",
    "für",
    "at",
    "photos",
    "photo",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "lesezeit",
    "im",
    "kategorien",
    "kategorie",
    "category",
    "min",
    "read",
];

/// Job titles and roles that are not names (a part containing one is dropped).
const ROLES: &[&str] = &[
    "writer",
    "editor",
    "correspondent",
    "reporter",
    "contributor",
    "columnist",
    "journalist",
    "staff",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "chefredakteur",
    "volontär",
    "mitarbeiter",
    "reporterin",
    "journalistin",
    "autorin",
    "freie",
    "freier",
    "rédacteur",
    "rédactrice",
    "journaliste",
    "periodista",
    "redactor",
    "redactora",
    "producer",
    "anchor",
    "photographer",
    "fotograf",
    "fotografin",
    "professor",
    "director",
    "president",
    "minister",
    "ceo",
    "founder",
    "manager",
    "head of",
    "senior",
    "team",
    "newsletter",
    "follow",
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "email",
    "e-mail",
    "mail",
    "kontakt",
    "contact",
    "profil",
    "profile",
    "more",
    "mehr",
    "articles",
    "artikel",
    "beiträge",
    "view",
    "alle",
    "all",
    "about",
    "über",
    "share",
    "teilen",
    "kommentar",
    "comments",
    "copyright",
    "rights",
    "©",
    "gmbh",
    "verlag",
    "inc",
    "ltd",
    "llc",
    "online",
    "zeitung",
    "phd",
    "germany",
    "deutschland",
    "no author",
    "unknown",
    "admin",
    "administrator",
    "jobs",
    "hire",
    "experte",
    "expertin",
];

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) && head.to_lowercase() != prefix {
        return None;
    }
    let rest = &s[prefix.len()..];
    // Must be a whole word: followed by space or ':' (or nothing).
    let next = rest.chars().next();
    match next {
        None => Some(rest),
        Some(c) if c.is_whitespace() || c == ':' || c == '\u{a0}' => {
            Some(rest.trim_start_matches([':', ' ', '\u{a0}']).trim_start())
        }
        _ => None,
    }
}

fn strip_prefixes(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | '·' | '•' | '/')
        });
        for p in PREFIXES {
            if let Some(rest) = strip_prefix_ci(s, p) {
                s = rest;
                break;
            }
        }
        if s.len() == before.len() {
            return s;
        }
    }
}

/// Does the byline string start with a "By"-like prefix?
pub(crate) fn has_by_prefix(s: &str) -> bool {
    let s = s.trim_start();
    PREFIXES.iter().any(|p| strip_prefix_ci(s, p).is_some())
}

fn split_names(s: &str) -> Vec<String> {
    let mut parts = vec![s.to_string()];
    for sep in [
        ",",
        ";",
        " and ",
        " und ",
        " & ",
        " et ",
        " y ",
        " e ",
        " sowie ",
        " with ",
        " mit ",
        " and\u{a0}",
        "\u{a0}and ",
        "\u{a0}und ",
        " und\u{a0}",
    ] {
        let mut next = Vec::new();
        for p in parts {
            let lower = p.to_lowercase();
            if lower.len() == p.len() && sep.trim().chars().all(|c| c.is_alphabetic()) {
                // Case-insensitive word separator.
                let mut last = 0;
                for (i, _) in lower.match_indices(sep) {
                    next.push(p[last..i].to_string());
                    last = i + sep.len();
                }
                next.push(p[last..].to_string());
            } else {
                next.extend(p.split(sep).map(str::to_string));
            }
        }
        parts = next;
    }
    parts
}

fn looks_like_name(p: &str, outlet: Option<&str>) -> bool {
    if p.is_empty() || p.chars().count() > 60 {
        return false;
    }
    let lower = p.to_lowercase();
    if lower.contains('@')
        || lower.contains("http")
        || lower.contains("www.")
        || lower.contains("://")
        || p.starts_with('#')
        || p.chars().any(|c| c.is_ascii_digit())
        || p.contains(['<', '>', '{', '}', '=', '[', ']', '"'])
    {
        return false;
    }
    // Domain-like ("example.com").
    if let Some(dot) = p.rfind('.') {
        let tld = &p[dot + 1..];
        if (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
    }
    if !p.chars().any(char::is_alphabetic) {
        return false;
    }
    let words = p.split_whitespace().count();
    if words > 5 {
        return false;
    }
    let words_lower: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '©')
        .filter(|w| !w.is_empty())
        .collect();
    for role in ROLES {
        if role.contains(' ') {
            if lower.contains(role) {
                return false;
            }
        } else if words_lower.iter().any(|w| w == role) {
            return false;
        }
    }
    if let Some(o) = outlet {
        let ok = norm_key(o);
        let pk = norm_key(p);
        if !ok.is_empty() && (ok == pk || (pk.len() > 3 && ok.contains(&pk) && pk.contains(' '))) {
            return false;
        }
    }
    true
}

/// Splits and cleans one byline / author value into names.
pub(crate) fn clean_authors(raw: &str, outlet: Option<&str>) -> Vec<String> {
    let s = collapse(raw);
    if s.is_empty() || s.chars().count() > 400 {
        return Vec::new();
    }
    // Separate clauses: prefer the one with a "By" prefix.
    let clauses: Vec<&str> = s
        .split(['|', '•', '·', '\n', '—', '–', '/', '(', ')'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let chosen = clauses
        .iter()
        .find(|c| has_by_prefix(c))
        .or_else(|| clauses.first())
        .copied()
        .unwrap_or("");
    // Keep "dpa/lno"-style agency credits whole when there is no clause structure.
    let chosen = if s.contains('/') && !s.contains(' ') {
        s.as_str()
    } else {
        chosen
    };
    let mut body = strip_prefixes(chosen).to_string();
    // Cut at the first digit (dates, times) and at " - ".
    if let Some(pos) = body.find(|c: char| c.is_ascii_digit()) {
        body.truncate(pos);
    }
    if let Some(pos) = body.find(" - ") {
        body.truncate(pos);
    }
    let mut out: Vec<String> = Vec::new();
    for part in split_names(&body) {
        let mut words: Vec<&str> = part.split_whitespace().collect();
        // Drop trailing stop words ("Max Muster am").
        while let Some(last) = words.last() {
            let l = last.to_lowercase();
            let l = l.trim_matches(|c: char| !c.is_alphanumeric());
            if l.is_empty() || STOPWORDS.contains(&l) {
                words.pop();
            } else {
                break;
            }
        }
        // Drop words after a stop word in the middle ("Jane Roe on Twitter").
        if let Some(pos) = words.iter().position(|w| {
            let l = w.to_lowercase();
            STOPWORDS.contains(&l.as_str())
        }) {
            if pos > 0 {
                words.truncate(pos);
            }
        }
        let joined = words.join(" ");
        let name = strip_prefixes(&joined)
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
            .trim_start_matches('.')
            .trim();
        if looks_like_name(name, outlet)
            && !out.iter().any(|o| o.to_lowercase() == name.to_lowercase())
        {
            out.push(name.to_string());
        }
    }
    out
}

static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[class*=byline], [class*=Byline], [class*=author], [class*=Author], [class*=autor], \
         [class*=Autor], [id*=byline], [id*=author], [rel~=author], [class*=writer], \
         [class*=creator], [data-author], address",
    )
});

/// At most this many authors are kept.
const MAX_AUTHORS: usize = 20;

/// `<meta>` keys that name the authors, by preference: the first key that yields a
/// name wins.
const AUTHOR_META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "byl",
    "twitter:creator:name",
];

/// Class/id words of a byline-like element that is no byline (an author box, a photo
/// credit, a share bar).
const NOT_A_BYLINE: &[&str] = &[
    "comment",
    "bio",
    "avatar",
    "image",
    "img",
    "photo",
    "foto",
    "description",
    "about",
    "social",
    "follow",
    "share",
    "teaser",
    "related",
    "footer",
    "widget",
    "authors-list",
    "more-",
];

/// Class/id words of an area whose bylines belong to other stories or to comments,
/// besides the lexicon's [`OFF_STORY_CLASS_WORDS`].
const NOT_THE_STORY: &[&str] = &["footer", "widget", "recommend"];

/// Names found so far, without repeats.
struct Found<'a> {
    names: Vec<String>,
    outlet: Option<&'a str>,
}

impl Found<'_> {
    /// Adds the names in one byline / author value.
    fn add(&mut self, raw: &str) {
        for n in clean_authors(raw, self.outlet) {
            if !self
                .names
                .iter()
                .any(|a| a.to_lowercase() == n.to_lowercase())
            {
                self.names.push(n);
            }
        }
    }
}

/// Authors from the `<meta>` tags: the first key of [`AUTHOR_META_KEYS`] that names one.
fn from_meta_tags(metas: &Metas, found: &mut Found<'_>) {
    for key in AUTHOR_META_KEYS {
        for v in metas.all(key) {
            if !looks_like_url(v) {
                found.add(v);
            }
        }
        if !found.names.is_empty() {
            break;
        }
    }
}

/// Authors from Yoast-style `twitter:label1` = "Written by" / "Verfasst von" and its
/// `twitter:data1`.
fn from_twitter_labels(metas: &Metas, found: &mut Found<'_>) {
    for k in 1..=4 {
        let label = metas.get(&format!("twitter:label{k}")).unwrap_or("");
        let l = label.to_lowercase();
        if l.contains("written by")
            || l.contains("verfasst von")
            || l.contains("author")
            || l.contains("autor")
            || l.contains("écrit par")
            || l.contains("escrito por")
        {
            if let Some(v) = metas.get(&format!("twitter:data{k}")) {
                found.add(v);
            }
        }
    }
}

/// Authors from the first byline-like element (class/id `byline`, `author`, ...)
/// of the story that names one.
fn from_byline_elements(doc: &Html, found: &mut Found<'_>) {
    for el in doc.select(&BYLINE).take(200) {
        if attrs_contain(el.value(), NOT_A_BYLINE) {
            continue;
        }
        if has_ancestor(el, |e| {
            attrs_contain(e, OFF_STORY_CLASS_WORDS)
                || attrs_contain(e, NOT_THE_STORY)
                || e.name() == "footer"
                || e.name() == "aside"
                || e.name() == "nav"
        }) {
            continue;
        }
        let t = el
            .select(&ITEM_NAME)
            .next()
            .map_or_else(|| text_of(el, 400), |n| text_of(n, 200));
        if t.is_empty() || t.chars().count() > 200 {
            continue;
        }
        found.add(&t);
        if !found.names.is_empty() {
            break;
        }
    }
}

/// The page's authors, from the first source that names any: JSON-LD, `<meta>` tags,
/// Twitter labels, microdata, a plain byline line by the headline, byline elements.
pub(super) fn page_authors(
    doc: &Html,
    metas: &Metas,
    ld: &JsonLd,
    micro_authors: &[String],
    page: &PageText<'_>,
    outlet: Option<&str>,
) -> Vec<String> {
    let mut found = Found {
        names: Vec::new(),
        outlet,
    };
    for a in &ld.authors {
        if !looks_like_url(a) {
            found.add(a);
        }
    }
    if found.names.is_empty() {
        from_meta_tags(metas, &mut found);
    }
    if found.names.is_empty() {
        from_twitter_labels(metas, &mut found);
    }
    if found.names.is_empty() {
        for a in micro_authors {
            found.add(a);
        }
    }
    if found.names.is_empty() {
        // A plain "Von Max Muster" / "By Jane Roe" line by the headline.
        if let Some(b) = page.headline_byline() {
            found.add(b);
        }
    }
    if found.names.is_empty() {
        from_byline_elements(doc, &mut found);
    }
    let mut authors = found.names;
    authors.truncate(MAX_AUTHORS);
    authors
}
