//! Page metadata: title, authors, outlet, publication date, language, tags and
//! description, from JSON-LD, `<meta>` tags, microdata and visible bylines.

mod authors;
mod dates;
mod jsonld;
mod normalize;
mod pagedates;

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use self::normalize::{clean, collapse, norm_key};

/// Metadata of one page: the same record the shared assembly step takes.
pub use crate::article::PageInfo as Metadata;

fn sel(s: &str) -> Selector {
    // The selectors below are constants that are known to parse; an invalid one
    // would fall back to a selector that matches nothing useful.
    Selector::parse(s).unwrap_or_else(|_| {
        Selector::parse("nutgraf-never-matches").unwrap_or_else(|_| unreachable!())
    })
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static LINK_CANON: LazyLock<Selector> = LazyLock::new(|| sel("link[rel=canonical]"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| {
    sel("[itemprop=headline], [itemprop=author], [itemprop=creator], [itemprop=datePublished], [itemprop=dateCreated]")
});
static ITEM_NAME: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=name]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[class*=byline], [class*=Byline], [class*=author], [class*=Author], [class*=autor], \
         [class*=Autor], [id*=byline], [id*=author], [rel~=author], [class*=writer], \
         [class*=creator], [data-author], address",
    )
});
static HEADINGS: LazyLock<Selector> = LazyLock::new(|| sel("h1, h2, h3"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static DATE_CLASS: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[class*=date], [class*=Date], [class*=publish], [class*=datum], [class*=Datum], \
         [id*=date], [class*=time], [class*=meta], [class*=byline]",
    )
});

/// `<meta>` values keyed by lower-case `property` / `name` / `itemprop` / `http-equiv`.
struct Metas {
    items: Vec<(String, String)>,
}

impl Metas {
    fn read(doc: &Html) -> Metas {
        let mut items = Vec::new();
        for m in doc.select(&META).take(2000) {
            let el = m.value();
            let Some(content) = el.attr("content").and_then(clean) else {
                continue;
            };
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = el.attr(key) {
                    items.push((k.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        Metas { items }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.items
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn text_of(el: ElementRef<'_>, limit: usize) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
        s.push(' ');
        if s.len() > limit {
            break;
        }
    }
    collapse(&s)
}

/// Does an ancestor below `<body>` satisfy `pred`? (Page-wide classes on `<html>`
/// and `<body>` say nothing about one element.)
fn has_ancestor(el: ElementRef<'_>, pred: impl Fn(&scraper::node::Element) -> bool) -> bool {
    el.ancestors()
        .take(60)
        .filter_map(|n| n.value().as_element())
        .filter(|e| !matches!(e.name(), "body" | "html"))
        .any(pred)
}

fn attrs_contain(el: &scraper::node::Element, words: &[&str]) -> bool {
    let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
    let id = el.attr("id").unwrap_or("").to_ascii_lowercase();
    words.iter().any(|w| class.contains(w) || id.contains(w))
}

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " ~ ", " > ", "|",
];

fn split_title(s: &str) -> Vec<&str> {
    for sep in TITLE_SEPARATORS {
        if s.contains(sep) {
            return s
                .split(sep)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
    vec![s]
}

/// Removes a site-name prefix/suffix from a title-like string.
fn strip_site(s: &str, sites: &[String]) -> String {
    let parts = split_title(s);
    if parts.len() < 2 {
        return s.to_string();
    }
    let is_site = |p: &str| {
        let k = norm_key(p);
        !k.is_empty()
            && sites.iter().any(|site| {
                let sk = norm_key(site);
                !sk.is_empty() && (sk == k || sk.contains(&k) || k.contains(&sk))
            })
    };
    let kept: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p)).collect();
    if kept.len() < parts.len() && !kept.is_empty() {
        // Site part removed: rejoin the rest with the separator found.
        let sep = TITLE_SEPARATORS
            .iter()
            .find(|sep| s.contains(**sep))
            .copied()
            .unwrap_or(" | ");
        return kept.join(sep);
    }
    s.to_string()
}

fn words_of(s: &str) -> Vec<String> {
    norm_key(s)
        .split(' ')
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// The visible headline (`<h1>`) that agrees best with the `<title>` / og:title /
/// JSON-LD headline, skipping logo-like h1s that carry the site name.
fn best_h1(
    title_tag: Option<&str>,
    candidates: &[String],
    h1s: &[String],
    sites: &[String],
) -> Option<String> {
    let tag_parts: Vec<&str> = title_tag.map(split_title).unwrap_or_default();
    let stripped_tag = title_tag.map(|t| strip_site(t, sites));
    let mut reference: Vec<String> = Vec::new();
    for c in candidates.iter().chain(stripped_tag.iter()) {
        reference.extend(words_of(c));
    }
    let site_keys: Vec<String> = sites.iter().map(|s| norm_key(s)).collect();
    let mut best: Option<(f64, String)> = None;
    for h in h1s.iter().take(5) {
        let hk = norm_key(h);
        if hk.is_empty() || h.chars().count() > 300 || site_keys.contains(&hk) {
            continue;
        }
        if tag_parts.len() >= 2 {
            // A h1 equal to a (non-longest) segment of the <title> is the site name.
            let longest = tag_parts
                .iter()
                .map(|p| p.chars().count())
                .max()
                .unwrap_or(0);
            if tag_parts
                .iter()
                .any(|p| norm_key(p) == hk && p.chars().count() < longest)
            {
                continue;
            }
        }
        // A kicker glued before the headline: "Kicker Headline" ends with a candidate.
        let mut choice = h.clone();
        let mut score = 0.0;
        for c in candidates.iter().chain(stripped_tag.iter()) {
            let ck = norm_key(c);
            if ck.len() >= 10 && hk != ck && hk.ends_with(&ck) && ck.len() * 2 >= hk.len() {
                choice = c.clone();
                score = 1.0;
                break;
            }
        }
        if score == 0.0 {
            let w = words_of(h);
            if w.is_empty() {
                continue;
            }
            let common = w.iter().filter(|x| reference.contains(x)).count();
            score = common as f64 / w.len() as f64;
        }
        if score > 0.1 && best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, choice));
        }
    }
    best.map(|(_, h)| h)
}

fn choose_title(
    title_tag: Option<&str>,
    ld_headline: Option<&str>,
    og: Option<&str>,
    h1s: &[String],
    sites: &[String],
) -> Option<String> {
    let tag_key = title_tag.map(norm_key).unwrap_or_default();
    let tag_parts: Vec<String> = title_tag
        .map(|t| split_title(t).into_iter().map(norm_key).collect())
        .unwrap_or_default();
    let matches_tag = |c: &str| {
        let k = norm_key(c);
        !k.is_empty()
            && (k == tag_key
                || tag_parts.contains(&k)
                || (tag_key.starts_with(&k) && k.len() * 2 > tag_key.len())
                || (tag_key.ends_with(&k) && k.len() * 2 > tag_key.len()))
    };
    let mut candidates: Vec<String> = Vec::new();
    for c in [ld_headline, og].into_iter().flatten() {
        candidates.push(strip_site(c, sites));
    }
    if let Some(h) = best_h1(title_tag, &candidates, h1s, sites) {
        return Some(h);
    }
    for h in h1s.iter().take(3) {
        candidates.push(h.clone());
    }
    for c in &candidates {
        if c.chars().count() >= 3 && matches_tag(c) {
            return Some(c.clone());
        }
    }
    // The <title> itself without the site name.
    if let Some(t) = title_tag {
        let stripped = strip_site(t, sites);
        // A h1 that the <title> starts with.
        for h in h1s.iter().take(3) {
            let hk = norm_key(h);
            if hk.len() >= 10 && norm_key(&stripped).starts_with(&hk) {
                return Some(h.clone());
            }
        }
        if stripped != t {
            return Some(stripped);
        }
    }
    if let Some(c) = candidates.first() {
        return Some(c.clone());
    }
    title_tag.map(|t| {
        let parts = split_title(t);
        if parts.len() >= 2 {
            parts
                .iter()
                .max_by_key(|p| p.chars().count())
                .map_or_else(|| t.to_string(), |p| p.to_string())
        } else {
            t.to_string()
        }
    })
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http") || s.starts_with("//") || s.starts_with('/') || s.contains("www.")
}

/// Extracts the page metadata.
pub fn extract(doc: &Html) -> Metadata {
    let metas = Metas::read(doc);
    let ld = jsonld::read(
        doc.select(&LD)
            .filter(|s| {
                s.value()
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            })
            .map(|s| s.text().collect::<String>()),
    );

    // Outlet.
    let outlet = metas
        .first(&[
            "og:site_name",
            "application-name",
            "al:android:app_name",
            "publisher",
            "dc.publisher",
            "dcterms.publisher",
            "citation_publisher",
        ])
        .map(str::to_string)
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.site_name.clone())
        .filter(|o| !looks_like_url(o));
    let mut sites: Vec<String> = Vec::new();
    sites.extend(outlet.clone());
    sites.extend(ld.publisher.clone());
    sites.extend(ld.site_name.clone());
    sites.extend(metas.first(&["og:site_name"]).map(str::to_string));
    sites.extend(metas.first(&["application-name"]).map(str::to_string));
    if let Some(tw) = metas.first(&["twitter:site"]) {
        sites.push(tw.trim_start_matches('@').to_string());
    }
    let canonical = doc
        .select(&LINK_CANON)
        .find_map(|l| l.value().attr("href"))
        .map(str::to_string)
        .or_else(|| metas.first(&["og:url"]).map(str::to_string));
    if let Some(host) = canonical
        .as_deref()
        .and_then(|u| u.split("//").nth(1))
        .and_then(|r| r.split('/').next())
    {
        let host = host.trim_start_matches("www.");
        if let Some(name) = host.split('.').next() {
            if name.len() >= 3 {
                sites.push(name.to_string());
            }
        }
        sites.push(host.to_string());
    }

    // Title.
    let title_tag = doc
        .select(&TITLE)
        .find(|t| !has_ancestor(*t, |e| e.name() == "svg"))
        .map(|t| text_of(t, 2000))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = doc
        .select(&H1)
        .take(5)
        .map(|h| text_of(h, 1000))
        .filter(|t| !t.is_empty() && t.chars().count() < 400)
        .collect();
    let mut micro_headline = None;
    let mut micro_authors: Vec<String> = Vec::new();
    let mut micro_date = None;
    for el in doc.select(&ITEMPROP).take(50) {
        let v = el.value();
        let prop = v.attr("itemprop").unwrap_or("");
        let val = v
            .attr("content")
            .or_else(|| v.attr("datetime"))
            .and_then(clean)
            .unwrap_or_else(|| {
                el.select(&ITEM_NAME)
                    .next()
                    .map(|n| {
                        n.value()
                            .attr("content")
                            .and_then(clean)
                            .unwrap_or_else(|| text_of(n, 300))
                    })
                    .unwrap_or_else(|| text_of(el, 300))
            });
        if val.is_empty() {
            continue;
        }
        match prop {
            "headline" if micro_headline.is_none() => micro_headline = Some(val),
            "author" | "creator" => micro_authors.push(val),
            "datePublished" | "dateCreated" if micro_date.is_none() => micro_date = Some(val),
            _ => {}
        }
    }
    let og_title = metas.first(&[
        "og:title",
        "twitter:title",
        "dc.title",
        "citation_title",
        "parsely-title",
        "sailthru.title",
    ]);
    let title = choose_title(
        title_tag.as_deref(),
        ld.headline.as_deref().or(micro_headline.as_deref()),
        og_title,
        &h1s,
        &sites,
    );

    // Authors.
    let page = pagedates::PageText::read(doc, headline_node(doc, title.as_deref()));
    let outlet_ref = outlet.as_deref();
    let mut authors: Vec<String> = Vec::new();
    let add = |raw: &str, authors: &mut Vec<String>| {
        for n in authors::clean_authors(raw, outlet_ref) {
            if !authors.iter().any(|a| a.to_lowercase() == n.to_lowercase()) {
                authors.push(n);
            }
        }
    };
    for a in &ld.authors {
        if !looks_like_url(a) {
            add(a, &mut authors);
        }
    }
    if authors.is_empty() {
        for key in [
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
        ] {
            for v in metas.all(key) {
                if !looks_like_url(v) {
                    add(v, &mut authors);
                }
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        // Yoast-style "twitter:label1" = "Written by" / "Verfasst von".
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
                    add(v, &mut authors);
                }
            }
        }
    }
    if authors.is_empty() {
        for a in &micro_authors {
            add(a, &mut authors);
        }
    }
    if authors.is_empty() {
        // A plain "Von Max Muster" / "By Jane Roe" line by the headline.
        if let Some(b) = page.headline_byline() {
            add(b, &mut authors);
        }
    }
    if authors.is_empty() {
        for el in doc.select(&BYLINE).take(200) {
            let v = el.value();
            if attrs_contain(
                v,
                &[
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
                ],
            ) {
                continue;
            }
            if has_ancestor(el, |e| {
                attrs_contain(
                    e,
                    &[
                        "comment",
                        "teaser",
                        "related",
                        "footer",
                        "sidebar",
                        "widget",
                        "recommend",
                    ],
                ) || e.name() == "footer"
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
            add(&t, &mut authors);
            if !authors.is_empty() {
                break;
            }
        }
    }
    authors.truncate(20);

    // Publication date.
    let meta_date = metas
        .first(&[
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
        ])
        .and_then(dates::parse_date);
    let structured = ld
        .published
        .as_deref()
        .and_then(dates::parse_date)
        .or(meta_date)
        .or_else(|| micro_date.as_deref().and_then(dates::parse_date));
    let url_date = canonical.as_deref().and_then(dates::date_from_url);
    let published = choose_date(structured, ld.recipe, &page, url_date, doc);

    // Language.
    let language = doc
        .select(&HTML)
        .next()
        .and_then(|h| {
            h.value()
                .attr("lang")
                .or_else(|| h.value().attr("xml:lang"))
        })
        .and_then(clean)
        .or_else(|| {
            metas
                .first(&["content-language", "language", "dc.language", "og:locale"])
                .and_then(clean)
        })
        .or_else(|| ld.language.clone())
        .map(|l| l.replace('_', "-"))
        .filter(|l| l.len() <= 20);

    // Tags.
    let mut tags: Vec<String> = Vec::new();
    let push_tag = |t: &str, tags: &mut Vec<String>| {
        if let Some(t) = clean(t) {
            if t.chars().count() <= 100
                && !tags.iter().any(|x| x.to_lowercase() == t.to_lowercase())
            {
                tags.push(t);
            }
        }
    };
    for t in metas.all("article:tag") {
        for part in t.split(',') {
            push_tag(part, &mut tags);
        }
    }
    for t in &ld.keywords {
        push_tag(t, &mut tags);
    }
    for t in metas.all("news_keywords") {
        for part in t.split(',') {
            push_tag(part, &mut tags);
        }
    }
    tags.truncate(100);

    let description = metas
        .first(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ])
        .map(str::to_string)
        .or_else(|| ld.description.clone());

    Metadata {
        title,
        authors,
        outlet,
        published,
        language,
        tags,
        description,
    }
}

/// The headline element: a h1 whose text is the title, else another heading
/// outside the navigation with that text, else a heading containing the title,
/// else the first h1.
fn headline_node(doc: &Html, title: Option<&str>) -> Option<ego_tree::NodeId> {
    let key = title.map(norm_key).unwrap_or_default();
    // (rank, node): lower rank is better.
    let mut best: Option<(u8, ego_tree::NodeId)> = None;
    for h in doc.select(&HEADINGS).take(80) {
        let is_h1 = h.value().name() == "h1";
        let mut rank = if is_h1 { 5 } else { 6 };
        if !key.is_empty() {
            let hk = norm_key(&text_of(h, 600));
            if hk == key {
                rank = if is_h1 { 0 } else { 1 };
            } else if hk.len() >= 10 && (hk.contains(&key) || key.contains(&hk)) {
                rank = if is_h1 { 2 } else { 3 };
            }
        }
        if rank == 6 || (rank > 0 && has_ancestor(h, |e| e.name() == "nav")) {
            continue;
        }
        if best.is_none_or(|(b, _)| rank < b) {
            best = Some((rank, h.id()));
            if rank == 0 {
                break;
            }
        }
    }
    best.map(|(_, id)| id)
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
    page: &pagedates::PageText<'_>,
    url_date: Option<String>,
    doc: &Html,
) -> Option<String> {
    let heads = page.headline_dates(2000);
    let day = |d: &str| dates::day_number(d);
    let structured = match (structured, heads.first()) {
        (Some(s), Some((h, at))) => {
            let sd = day(&s);
            if heads.iter().any(|(x, _)| day(x) == sd) {
                return Some(s);
            }
            let adjacent = sd.zip(day(h)).is_some_and(|(a, b)| (a - b).abs() <= 1);
            if (adjacent && !dates::has_local_offset(&s)) || *at <= NEAR_HEADLINE {
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
            Some(d) if !dates::has_local_offset(&s) => Some(d),
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
        let parsed = dates::parse_date(dt).or_else(|| {
            let txt = text_of(t, 100);
            dates::find_date_in_text(&txt)
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
                    || attrs_contain(e, &["comment", "related", "teaser", "sidebar"])
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
                || attrs_contain(e, &["comment", "related", "teaser", "sidebar", "footer"])
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
        if let Some(d) = dates::find_date_in_text(&t) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        extract(&Html::parse_document(html))
    }

    #[test]
    fn metadata_jsonld_graph_with_author_reference() {
        let html = r#"<html lang="en"><head><title>Storm closes pass | Example News</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example News"},
 {"@type":"NewsArticle","headline":"Storm closes pass","datePublished":"2024-03-05T10:00:00+01:00",
  "author":{"@id":"p1"},"publisher":{"@type":"Organization","name":"Example News"},
  "keywords":["weather","roads"]},
 {"@type":"Person","@id":"p1","name":"Jane Roe"}]}</script></head>
<body><h1>Storm closes pass</h1></body></html>"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Storm closes pass"));
        assert_eq!(m.authors, vec!["Jane Roe"]);
        assert_eq!(m.outlet.as_deref(), Some("Example News"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05T10:00:00+01:00"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.tags, vec!["weather", "roads"]);
    }

    #[test]
    fn metadata_jsonld_author_array_and_string_keywords() {
        let html = r#"<html><head><script type="application/ld+json">
[{"@type":"BlogPosting","headline":"Bees return to the valley",
  "author":[{"@type":"Person","name":"Sam Poe"},{"@type":"Person","name":"Ana Lind"}],
  "datePublished":"2023-06-01","keywords":"bees, farming"}]</script></head><body></body></html>"#;
        let m = meta(html);
        assert_eq!(m.authors, vec!["Sam Poe", "Ana Lind"]);
        assert_eq!(m.published.as_deref(), Some("2023-06-01"));
        assert_eq!(m.tags, vec!["bees", "farming"]);
        assert_eq!(m.title.as_deref(), Some("Bees return to the valley"));
    }

    #[test]
    fn metadata_og_tags() {
        let html = r#"<html><head><title>Ferry fares rise - Harbour Times</title>
<meta property="og:title" content="Ferry fares rise">
<meta property="og:site_name" content="Harbour Times">
<meta property="og:locale" content="de_DE">
<meta property="article:published_time" content="2022-11-30">
<meta property="article:author" content="https://example.invalid/authors/max">
<meta name="author" content="Max Muster">
<meta property="article:tag" content="Fähre">
<meta name="description" content="Fares go up in May.">
</head><body></body></html>"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Ferry fares rise"));
        assert_eq!(m.outlet.as_deref(), Some("Harbour Times"));
        assert_eq!(m.authors, vec!["Max Muster"]);
        assert_eq!(m.published.as_deref(), Some("2022-11-30"));
        assert_eq!(m.language.as_deref(), Some("de-DE"));
        assert_eq!(m.tags, vec!["Fähre"]);
        assert_eq!(m.description.as_deref(), Some("Fares go up in May."));
    }

    #[test]
    fn metadata_byline_parsing() {
        let html = r#"<html><head><title>Library reopens</title></head><body><article>
<h1>Library reopens</h1><p class="byline">By Jane Roe and Sam Poe | Staff writers</p>
<p>Text.</p></article></body></html>"#;
        assert_eq!(meta(html).authors, vec!["Jane Roe", "Sam Poe"]);
        let html = r#"<html><body><article><h1>Neue Brücke</h1>
<div class="author">Von Max Muster und Erika Beispiel, 3. März 2024</div></article></body></html>"#;
        assert_eq!(meta(html).authors, vec!["Max Muster", "Erika Beispiel"]);
    }

    #[test]
    fn metadata_author_cleaning() {
        let outlet = Some("Valley Post");
        assert_eq!(
            authors::clean_authors("Par Marie Curie, Pierre Roux", outlet),
            vec!["Marie Curie", "Pierre Roux"]
        );
        assert!(authors::clean_authors("Valley Post", outlet).is_empty());
        assert!(authors::clean_authors("jane@example.invalid", outlet).is_empty());
        assert!(authors::clean_authors("https://example.invalid/jane", outlet).is_empty());
        assert_eq!(
            authors::clean_authors("Jane Roe & Sam Poe", None),
            vec!["Jane Roe", "Sam Poe"]
        );
    }

    #[test]
    fn metadata_date_formats() {
        use dates::{date_from_url, find_date_in_text, parse_date};
        assert_eq!(parse_date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(
            parse_date("2024-03-05T10:00:00+01:00").as_deref(),
            Some("2024-03-05T10:00:00+01:00")
        );
        assert_eq!(
            parse_date("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            find_date_in_text("March 3, 2024").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            find_date_in_text("3. März 2024").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            find_date_in_text("am 03.03.2024 um 10 Uhr").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            find_date_in_text("5 de marzo de 2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(find_date_in_text("03/04/2024"), None);
        assert_eq!(find_date_in_text("no date here"), None);
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(
            date_from_url("https://example.invalid/2024/03/05/storm").as_deref(),
            Some("2024-03-05")
        );
    }

    #[test]
    fn metadata_time_element_and_no_guess() {
        let html = r#"<html><body><article><h1>Dam opens</h1>
<time datetime="2021-07-09T08:00:00Z" pubdate>9 July</time></article></body></html>"#;
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2021-07-09T08:00:00Z")
        );
        let html = "<html><body><article><h1>Dam opens</h1><p>No date.</p></article></body></html>";
        assert_eq!(meta(html).published, None);
    }

    #[test]
    fn metadata_title_suffix_stripping() {
        let html = r#"<html><head><title>Storm closes pass | Example News</title>
<meta property="og:site_name" content="Example News"></head><body></body></html>"#;
        assert_eq!(meta(html).title.as_deref(), Some("Storm closes pass"));
        let html = r#"<html><head><title>Valley Post – Council votes on budget</title></head>
<body><h1>Valley Post</h1><article><h1>Council votes on budget</h1></article></body></html>"#;
        assert_eq!(meta(html).title.as_deref(), Some("Council votes on budget"));
        let html = r#"<html><head><title>Council votes on budget :: Valley Post</title>
<meta property="og:site_name" content="Valley Post"></head><body></body></html>"#;
        assert_eq!(meta(html).title.as_deref(), Some("Council votes on budget"));
    }

    #[test]
    fn metadata_headline_date_beats_machine_date() {
        // The page shows the (updated) day under the headline: that is the date.
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
"headline":"Lockdown extended","datePublished":"2021-03-16T16:16:10Z"}</script></head>
<body><article><h1>Lockdown extended</h1><p class="kicker">Stand: 20.03.2021 14:00 Uhr</p>
<p>The federal government and the states want to extend the lockdown by four more weeks, \
the draft says, and schools stay closed until Easter in most of the country.</p></article></body></html>"#;
        assert_eq!(meta(html).published.as_deref(), Some("2021-03-20"));
        // The same day shown: the full machine datetime is kept.
        let html = r#"<html><head><meta property="article:published_time" content="2021-03-20T08:00:00+01:00"></head>
<body><h1>Lockdown extended</h1><p>20. März 2021</p></body></html>"#;
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2021-03-20T08:00:00+01:00")
        );
    }

    #[test]
    fn metadata_date_line_above_headline_and_prose_ignored() {
        let html = r#"<html><body><div><h3>21.01.2022</h3><h1>Annual climate report</h1>
<p>Last year was warm. The report compares the year with the mean of 1991 to 2020 and \
names the 3. März 2021 as the warmest day of the spring in the whole region.</p></div></body></html>"#;
        assert_eq!(meta(html).published.as_deref(), Some("2022-01-21"));
        // A date inside a sentence after the headline is not the story's date.
        let html = r#"<html><body><h1>Council meets</h1><p>The council decided that from \
the <b>13. Januar 2022</b> on the new rules apply to every shop in the old town and the harbour.</p></body></html>"#;
        assert_eq!(meta(html).published, None);
    }

    #[test]
    fn metadata_far_headline_date_does_not_override() {
        // A date shown far below the headline (a related-stories list) does not
        // replace the machine date.
        let filler = "<p>Short line of text here.</p>".repeat(20);
        let html = format!(
            r#"<html><head><meta property="article:published_time" content="2019-10-01"></head>
<body><h1>New running shoe</h1>{filler}<ul><li>Older story 31. Mai 2016</li></ul></body></html>"#
        );
        assert_eq!(meta(&html).published.as_deref(), Some("2019-10-01"));
    }

    #[test]
    fn metadata_utc_time_moved_to_shown_day() {
        let html = r#"<html><head><meta property="article:published_time" content="2022-11-06T23:00:00.000Z"></head>
<body><h1>Provence tips</h1><p>Long enough lead paragraph about the trip to the south of France, \
with lavender fields, markets and the sea, written for travellers in the autumn.</p>
<p>Long enough lead paragraph about the trip to the south of France, with lavender fields, \
markets and the sea, written for travellers in the autumn season.</p>
<footer><span>7. November 2022</span></footer></body></html>"#;
        assert_eq!(meta(html).published.as_deref(), Some("2022-11-07"));
        // An explicit local offset is already the local day.
        let html = html.replace("2022-11-06T23:00:00.000Z", "2022-11-06T23:00:00-03:00");
        assert_eq!(
            meta(&html).published.as_deref(),
            Some("2022-11-06T23:00:00-03:00")
        );
    }

    #[test]
    fn metadata_recipe_date_not_shown_is_dropped() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"Recipe",
"name":"Lemon cake","datePublished":"2019-01-08"}</script></head>
<body><h1>Lemon cake</h1><p>Mix, bake, eat.</p></body></html>"#;
        assert_eq!(meta(html).published, None);
        let html = html.replace("Mix, bake, eat.", "Mix, bake, eat.</p><p>08.01.2019");
        assert_eq!(meta(&html).published.as_deref(), Some("2019-01-08"));
    }

    #[test]
    fn metadata_hidden_dates_and_page_classes_ignored() {
        let html = r#"<html><body><h1>Ferry fares rise</h1><time class="hidden">2018-08-29</time>
<p style="display: none">29.08.2018</p><p>Posted on June 22, 2018</p></body></html>"#;
        assert_eq!(meta(html).published.as_deref(), Some("2018-06-22"));
        // A page-wide "related" class on <body> does not hide the date line.
        let html = r#"<html><body class="layout--related"><div class="meta"><span class="meta__date">06.12.2022</span></div>
<p>Heat pumps are booming.</p></body></html>"#;
        assert_eq!(meta(html).published.as_deref(), Some("2022-12-06"));
    }

    #[test]
    fn metadata_date_scanning_helpers() {
        use dates::{day_number, find_date_in_text, has_local_offset, scan_dates};
        assert_eq!(
            find_date_in_text("| 06.11.23 Das").as_deref(),
            Some("2023-11-06")
        );
        assert_eq!(find_date_in_text("Version 1.2.3"), None);
        assert_eq!(
            find_date_in_text("发布时间：2012年06月04日").as_deref(),
            Some("2012-06-04")
        );
        let mut all = Vec::new();
        scan_dates("from 1. Mai 2016 to June 2, 2017 and 2018-03-04", |d| {
            all.push(d);
            true
        });
        assert_eq!(all, vec!["2016-05-01", "2017-06-02", "2018-03-04"]);
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-29"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert!(has_local_offset("2022-05-03T22:46:08-03:00"));
        assert!(has_local_offset("2019-10-19T14:34+0200"));
        assert!(!has_local_offset("2022-05-03T22:46:08Z"));
        assert!(!has_local_offset("2022-05-03T22:46:08+00:00"));
        assert!(!has_local_offset("2022-05-03"));
    }

    #[test]
    fn metadata_plain_byline_line_by_headline() {
        let html = r#"<html><body><article><h1>Stolpersteine für lesbische Frauen</h1>
<p>Von Erika Beispiel</p><p>Bei der Erinnerung an die Verfolgten ...</p></article></body></html>"#;
        assert_eq!(meta(html).authors, vec!["Erika Beispiel"]);
        let html = r#"<html><body><h1>Items we never knew we wanted</h1>
<div>Posted on September 21, 2020 by Jane Roe</div><p>Text.</p></body></html>"#;
        assert_eq!(meta(html).authors, vec!["Jane Roe"]);
        // Not bylines: a licence label, "von" inside a sentence.
        let html = r#"<html><body><h1>Folge 70</h1><p>CC BY SA 3.0</p>
<p>Blockhaus für 2 – 5 Personen (Aufbettungen in Form von Kinderbetten sind möglich)</p></body></html>"#;
        assert!(meta(html).authors.is_empty());
    }

    #[test]
    fn metadata_no_panic_on_garbage() {
        let inputs = [
            "",
            "<<<>>>",
            "<script type=\"application/ld+json\">{\"@graph\":[[[[[[[[[[[[",
            "<script type=\"application/ld+json\">{\"author\": {\"@id\": 5}}</script>",
            "<meta property=\"article:published_time\" content=\"ÄÖÜ-ß-€\">",
            "<title>|||| - – —</title><h1></h1><time datetime=\"9999-99-99\">",
            "<div class=\"byline\">By , and &amp; ,,,</div>",
            "<h1>İİİ</h1><p>İİ 3. Mai 2024 von Ärger İ</p><p>Von</p><p>By:</p>",
            "<h1>x</h1><p style=\"display:none\">2024年13月40日 06.13.99</p>",
        ];
        for i in inputs {
            let _ = meta(i);
        }
        let deep = "<div>".repeat(5000) + "<p class=\"author\">By Jane Roe</p>";
        let _ = meta(&deep);
        for s in [
            "1. ä 2024",
            "é/é/2024",
            "2024-é",
            "31.02.2024",
            "ßßß 12, 2024",
        ] {
            let _ = dates::find_date_in_text(s);
            let _ = dates::parse_date(s);
            let _ = dates::date_from_url(s);
        }
    }
}
