//! Page metadata: title, authors, outlet, publication date, language, tags and
//! description, from JSON-LD, `<meta>` tags, microdata and visible bylines.

mod authors;
mod dates;
mod jsonld;
mod text;

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use self::text::{clean, collapse, norm_key};

/// Metadata of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline without the site-name suffix or prefix.
    pub title: Option<String>,
    /// Person names, de-duplicated, in page order.
    pub authors: Vec<String>,
    /// Site / publication name.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or a full datetime as given).
    pub published: Option<String>,
    /// Language tag (`de`, `en-US`, ...).
    pub language: Option<String>,
    /// Keywords / tags.
    pub tags: Vec<String>,
    /// Summary / description.
    pub description: Option<String>,
}

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

fn has_ancestor(el: ElementRef<'_>, pred: impl Fn(&scraper::node::Element) -> bool) -> bool {
    el.ancestors()
        .take(60)
        .filter_map(|n| n.value().as_element())
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
        for a in &micro_authors {
            add(a, &mut authors);
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
    let published = ld
        .published
        .as_deref()
        .and_then(dates::parse_date)
        .or(meta_date)
        .or_else(|| micro_date.as_deref().and_then(dates::parse_date))
        .or_else(|| time_date(doc))
        .or_else(|| canonical.as_deref().and_then(dates::date_from_url))
        .or_else(|| visible_date(doc));

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
                    || attrs_contain(e, &["article", "byline", "post-meta", "entry-meta"])
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
        if attrs_contain(v, &["modif", "update", "comment", "copyright"]) {
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
        if let Some(d) = dates::find_date_in_text(&t) {
            return Some(d);
        }
    }
    None
}
