//! Dates as the page shows them (the short texts around the headline and the short
//! texts of the whole page), and the choice of the publication date between those and
//! the machine-readable ones.

use std::borrow::Cow;
use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node, Selector};

use super::dates::{
    date_from_url, day_number, find_date_in_text, has_local_offset, parse_date, scan_dates,
    scan_dates_limit,
};
use super::jsonld::JsonLd;
use super::{attrs_contain, has_ancestor, sel, text_of, Metas};
use crate::lexicon::chrome::OFF_STORY_CLASS_WORDS;

/// At most this many text nodes are read from a page.
const MAX_NODES: usize = 20_000;
/// Texts longer than this (in bytes) are prose, not a date line.
const SHORT: usize = 240;

/// Longer texts are sentences: a date inside them is something the story
/// mentions, not the date of the story.
const PHRASE: usize = 100;

/// The first `n` bytes of `s` (at a char boundary).
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Elements that do not break a line of text.
fn inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
            | "label"
    )
}

/// Text nodes joined into the lines (blocks) the page shows.
#[derive(Default)]
struct Blocks<'a> {
    nodes: Vec<Cow<'a, str>>,
    cur: Option<Cow<'a, str>>,
}

impl<'a> Blocks<'a> {
    fn push(&mut self, text: &'a str) {
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        match &mut self.cur {
            None => self.cur = Some(Cow::Borrowed(t)),
            Some(c) => {
                let c = c.to_mut();
                c.push(' ');
                c.push_str(t);
            }
        }
    }

    fn flush(&mut self) {
        if let Some(c) = self.cur.take() {
            self.nodes.push(c);
        }
    }
}

/// The last `n` bytes of `s` (at a char boundary).
fn suffix(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The visible text of a page as lines (text between block-level tags), in
/// document order.
pub(crate) struct PageText<'a> {
    nodes: Vec<Cow<'a, str>>,
    /// `nodes[start..end]` lie inside the headline element.
    headline: Option<(usize, usize)>,
}

fn skipped(e: &scraper::node::Element) -> bool {
    if matches!(
        e.name(),
        "head" | "script" | "style" | "noscript" | "template" | "svg" | "select" | "option"
    ) || e.attr("hidden").is_some()
    {
        return true;
    }
    if e.attr("style").is_some_and(|st| {
        let st = st.to_ascii_lowercase();
        st.contains("display:none") || st.contains("display: none")
    }) {
        return true;
    }
    e.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace().any(|w| {
            w.eq_ignore_ascii_case("hidden")
                || w.eq_ignore_ascii_case("sr-only")
                || w.eq_ignore_ascii_case("visually-hidden")
                || w.eq_ignore_ascii_case("screen-reader-text")
        })
    })
}

impl<'a> PageText<'a> {
    /// Collects the non-blank text nodes outside head/script/style/svg/select.
    pub(crate) fn read(doc: &'a Html, headline: Option<NodeId>) -> PageText<'a> {
        let mut b = Blocks::default();
        let mut skip_depth = 0usize;
        let mut start = None;
        let mut range = None;
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Element(e) => {
                        if skip_depth > 0 || skipped(e) {
                            skip_depth += 1;
                        }
                        if !inline(e.name()) {
                            b.flush();
                        }
                        if Some(n.id()) == headline {
                            b.flush();
                            start = Some(b.nodes.len());
                        }
                    }
                    Node::Text(t) if skip_depth == 0 => {
                        b.push(&t.text);
                        if b.nodes.len() >= MAX_NODES {
                            break;
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Node::Element(e) = n.value() {
                        skip_depth = skip_depth.saturating_sub(1);
                        if !inline(e.name()) {
                            b.flush();
                        }
                        if Some(n.id()) == headline {
                            b.flush();
                            if let Some(s) = start {
                                range = Some((s, b.nodes.len()));
                            }
                        }
                    }
                }
            }
        }
        b.flush();
        if range.is_none() {
            range = start.map(|s| (s, b.nodes.len()));
        }
        PageText {
            nodes: b.nodes,
            headline: range,
        }
    }

    /// The dates in the short texts right after the headline (up to the article
    /// body), else in the few short texts right before it, in page order.
    pub(crate) fn headline_dates(&self, cap: usize) -> Vec<(String, usize)> {
        let mut found = Vec::new();
        let Some((start, end)) = self.headline else {
            return found;
        };
        let mut long = 0;
        let mut chars = 0;
        for t in self.nodes.iter().skip(end).take(40) {
            if chars > cap || found.len() >= 8 {
                break;
            }
            if t.len() > SHORT {
                long += 1;
            }
            // Prose: only a date that opens or closes it ("3. März 2024 – Der Rat
            // ...", "... the lead.<span>Monday, 6 January 2020</span>").
            let mut add = |text: &str| {
                scan_dates(text, |d| {
                    found.push((d, chars));
                    found.len() < 8
                });
            };
            if t.len() > PHRASE {
                add(prefix(t, 48));
                add(suffix(t, 40));
            } else {
                add(t);
            }
            chars += t.len();
            if long >= 2 {
                break;
            }
        }
        if !found.is_empty() {
            return found;
        }
        let mut before = String::new();
        for t in self.nodes[..start].iter().rev().take(6) {
            if t.len() > SHORT {
                break;
            }
            before.insert(0, ' ');
            before.insert_str(0, t);
        }
        scan_dates(&before, |d| {
            found.push((d, 0));
            found.len() < 8
        });
        found
    }

    /// A short byline line right after (or just before) the headline: "Von Max
    /// Muster", "By Jane Roe", "Text: ...", "Posted on 3 May 2024 by Jane Roe".
    pub(crate) fn headline_byline(&self) -> Option<&str> {
        let (start, end) = self.headline?;
        let after = self.nodes.iter().skip(end).take(12);
        let before = self.nodes[..start].iter().rev().take(3);
        let mut chars = 0;
        for t in after.chain(before) {
            chars += t.len();
            if chars > 1500 {
                break;
            }
            if t.len() > 100 {
                continue;
            }
            if let Some(b) = byline_of(t) {
                return Some(b);
            }
        }
        None
    }

    /// The day of `iso` as the page shows it: the same day, or the day before or
    /// after (a UTC time shown in local time), whichever a short text of the page
    /// contains. `None` when the page shows neither.
    pub(crate) fn shown_day(&self, iso: &str) -> Option<String> {
        let target = day_number(iso)?;
        let mut all = String::new();
        for t in &self.nodes {
            if t.len() > SHORT {
                all.push_str(" | ");
            } else {
                all.push(' ');
                all.push_str(t);
            }
            if all.len() > 200_000 {
                break;
            }
        }
        let mut best: Option<(i64, String)> = None;
        scan_dates_limit(&all, 100_000, |d, _| {
            if let Some(n) = day_number(&d) {
                let dist = (n - target).abs();
                if dist <= 1 && best.as_ref().is_none_or(|(b, _)| dist < *b) {
                    best = Some((dist, d));
                }
            }
            best.as_ref().is_none_or(|(b, _)| *b > 0)
        });
        best.map(|(_, d)| d)
    }
}

/// Words that open a byline line (lower-case, followed by a space or ':').
const BYLINE_OPENERS: &[&str] = &[
    "von",
    "by",
    "text",
    "texte",
    "autor",
    "autorin",
    "autoren",
    "author",
    "authors",
    "par",
    "por",
    "written by",
    "geschrieben von",
    "verfasst von",
    "ein beitrag von",
    "ein gastbeitrag von",
    "posted by",
    "story by",
    "words by",
    "reportage von",
];

/// The byline in one short line, or `None` when the line is no byline.
fn byline_of(t: &str) -> Option<&str> {
    let lower = t.to_lowercase();
    for o in BYLINE_OPENERS {
        let Some(rest) = lower.strip_prefix(o) else {
            continue;
        };
        // An all-caps opener is a label ("CC BY SA"), not a byline.
        if t.get(..2)
            .is_some_and(|h| h.chars().all(|c| c.is_ascii_uppercase()))
        {
            return None;
        }
        let name = rest.trim_start_matches([' ', ':']);
        if rest.starts_with([' ', ':']) && name.chars().next().is_some_and(char::is_alphabetic) {
            return Some(t);
        }
    }
    // "Posted on 3 May 2024 by Jane Roe", "Am 3. Mai 2024 von Max Muster".
    for sep in [" by ", " von "] {
        if let Some(pos) = lower.rfind(sep) {
            let (head, rest) = (t.get(..pos)?, t.get(pos + sep.len()..)?);
            if rest.chars().next().is_some_and(char::is_uppercase)
                && find_date_in_text(head).is_some()
            {
                return Some(rest);
            }
        }
    }
    None
}

static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static DATE_CLASS: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[class*=date], [class*=Date], [class*=publish], [class*=datum], [class*=Datum], \
         [id*=date], [class*=time], [class*=meta], [class*=byline]",
    )
});

/// `<meta>` keys that carry the publication date, by preference.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "originalpublicationdate",
    "article_date_original",
    "og:pubdate",
    "release_date",
    "displaydate",
    "cxenseparse:recs:publishtime",
    "last-modified-no",
];

/// The publication date: the machine-readable one (JSON-LD, `<meta>`, microdata),
/// checked against the dates the page shows ([`choose_date`]).
pub(super) fn published(
    doc: &Html,
    metas: &Metas,
    ld: &JsonLd,
    micro_date: Option<&str>,
    page: &PageText<'_>,
    canonical: Option<&str>,
) -> Option<String> {
    let meta_date = metas.first(PUBLISHED_META_KEYS).and_then(parse_date);
    let structured = ld
        .published
        .as_deref()
        .and_then(parse_date)
        .or(meta_date)
        .or_else(|| micro_date.and_then(parse_date));
    let url_date = canonical.and_then(date_from_url);
    choose_date(structured, ld.recipe, page, url_date, doc)
}

/// Dates the headline block shows further away than this (in bytes of text after
/// the headline) do not override a machine-readable date.
const NEAR_HEADLINE: usize = 300;

/// Publication date. The date the page shows under (or above) the headline wins
/// over a machine-readable one unless it is far from the headline; a machine
/// date is moved to the neighbouring day the page shows (a UTC time shown in
/// local time) unless it carries its own local offset; a recipe's machine date
/// that the page never shows is dropped. Without either: `<time>`, the URL and
/// date-classed text.
fn choose_date(
    structured: Option<String>,
    recipe: bool,
    page: &PageText<'_>,
    url_date: Option<String>,
    doc: &Html,
) -> Option<String> {
    let heads = page.headline_dates(2000);
    let day = |d: &str| day_number(d);
    let structured = match (structured, heads.first()) {
        (Some(s), Some((h, at))) => {
            let sd = day(&s);
            if heads.iter().any(|(x, _)| day(x) == sd) {
                return Some(s);
            }
            let adjacent = sd.zip(day(h)).is_some_and(|(a, b)| (a - b).abs() <= 1);
            if (adjacent && !has_local_offset(&s)) || *at <= NEAR_HEADLINE {
                return Some(h.clone());
            }
            Some(s)
        }
        (None, Some((h, _))) => return Some(h.clone()),
        (s, None) => s,
    };
    match structured {
        Some(s) => match page.shown_day(&s) {
            Some(d) if s.starts_with(&d) => Some(s),
            Some(d) if !has_local_offset(&s) => Some(d),
            Some(_) => Some(s),
            None => {
                if !recipe || url_date.as_deref().is_some_and(|u| s.starts_with(u)) {
                    Some(s)
                } else {
                    None
                }
            }
        },
        None => time_date(doc).or(url_date).or_else(|| visible_date(doc)),
    }
}

/// A `<time>` element that marks the publication date.
fn time_date(doc: &Html) -> Option<String> {
    let mut in_article = None;
    for t in doc.select(&TIME).take(200) {
        let v = t.value();
        let dt = v.attr("datetime").unwrap_or("");
        let publish = v.attr("pubdate").is_some()
            || v.attr("itemprop")
                .is_some_and(|p| p.contains("datePublished"))
            || attrs_contain(v, &["publish", "pubdate", "published"]);
        if attrs_contain(v, &["modif", "update"]) {
            continue;
        }
        let parsed = parse_date(dt).or_else(|| {
            let txt = text_of(t, 100);
            find_date_in_text(&txt)
        });
        if publish && parsed.is_some() {
            return parsed;
        }
        if in_article.is_none()
            && parsed.is_some()
            && has_ancestor(t, |e| {
                matches!(e.name(), "article" | "main" | "header")
                    || attrs_contain(
                        e,
                        &["article", "artikel", "byline", "post-meta", "entry-meta"],
                    )
            })
            && !has_ancestor(t, |e| {
                matches!(e.name(), "aside" | "footer" | "nav" | "li")
                    || attrs_contain(e, OFF_STORY_CLASS_WORDS)
            })
        {
            in_article = parsed;
        }
    }
    in_article
}

/// A date written in a short date / byline element of the article.
fn visible_date(doc: &Html) -> Option<String> {
    for el in doc.select(&DATE_CLASS).take(300) {
        let v = el.value();
        if attrs_contain(v, &["modif", "comment", "copyright"]) {
            continue;
        }
        if has_ancestor(el, |e| {
            matches!(e.name(), "aside" | "footer" | "nav" | "li")
                || attrs_contain(e, OFF_STORY_CLASS_WORDS)
                || attrs_contain(e, &["footer"])
        }) {
            continue;
        }
        let t = text_of(el, 200);
        if t.is_empty() || t.chars().count() > 120 {
            continue;
        }
        let lower = t.to_lowercase();
        if [
            "aktualisiert",
            "updated",
            "geändert",
            "modifié",
            "actualizado",
        ]
        .iter()
        .any(|w| lower.contains(w))
            && !["veröffentlicht", "published", "publié", "publicado"]
                .iter()
                .any(|w| lower.contains(w))
        {
            continue;
        }
        if let Some(d) = find_date_in_text(&t) {
            return Some(d);
        }
    }
    None
}
