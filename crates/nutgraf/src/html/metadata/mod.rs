//! Page metadata: title, authors, outlet, publication date, language, tags and
//! description, from JSON-LD, `<meta>` tags, microdata and visible bylines.
//!
//! [`extract`] reads the sources once and asks one function per field; the longer
//! choices have modules of their own: `title` (the headline), `authors` (the
//! author cascade and byline cleaning), `pagedates` (the publication date against
//! the dates the page shows), with `jsonld`, `dates` and `normalize` below them.

mod authors;
mod dates;
mod jsonld;
mod normalize;
mod pagedates;
mod title;

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use self::jsonld::JsonLd;
use self::normalize::{clean, collapse};

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
static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static LINK_CANON: LazyLock<Selector> = LazyLock::new(|| sel("link[rel=canonical]"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| {
    sel("[itemprop=headline], [itemprop=author], [itemprop=creator], [itemprop=datePublished], [itemprop=dateCreated]")
});
static ITEM_NAME: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=name]"));

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

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http") || s.starts_with("//") || s.starts_with('/') || s.contains("www.")
}

/// The page's microdata (`itemprop`): the first headline, the authors, the first date.
struct Microdata {
    headline: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
}

impl Microdata {
    fn read(doc: &Html) -> Microdata {
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
        Microdata {
            headline: micro_headline,
            authors: micro_authors,
            date: micro_date,
        }
    }
}

/// What the page's JSON-LD blocks say.
fn read_jsonld(doc: &Html) -> JsonLd {
    jsonld::read(
        doc.select(&LD)
            .filter(|s| {
                s.value()
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            })
            .map(|s| s.text().collect::<String>()),
    )
}

/// The outlet (site or publisher name), unless it is a URL.
fn outlet(metas: &Metas, ld: &JsonLd) -> Option<String> {
    metas
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
        .filter(|o| !looks_like_url(o))
}

/// The page's canonical URL (`<link rel=canonical>`, else og:url).
fn canonical_url(doc: &Html, metas: &Metas) -> Option<String> {
    doc.select(&LINK_CANON)
        .find_map(|l| l.value().attr("href"))
        .map(str::to_string)
        .or_else(|| metas.first(&["og:url"]).map(str::to_string))
}

/// The names the site goes by (outlet, publisher, Twitter handle, host name), which
/// titles are stripped of.
fn site_names(
    outlet: Option<&str>,
    ld: &JsonLd,
    metas: &Metas,
    canonical: Option<&str>,
) -> Vec<String> {
    let mut sites: Vec<String> = Vec::new();
    sites.extend(outlet.map(str::to_string));
    sites.extend(ld.publisher.clone());
    sites.extend(ld.site_name.clone());
    sites.extend(metas.first(&["og:site_name"]).map(str::to_string));
    sites.extend(metas.first(&["application-name"]).map(str::to_string));
    if let Some(tw) = metas.first(&["twitter:site"]) {
        sites.push(tw.trim_start_matches('@').to_string());
    }
    if let Some(host) = canonical
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
    sites
}

/// The page's language (`<html lang>`, `<meta>`, JSON-LD), with `-` for `_`.
fn language(doc: &Html, metas: &Metas, ld: &JsonLd) -> Option<String> {
    doc.select(&HTML)
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
        .filter(|l| l.len() <= 20)
}

/// The page's tags (article:tag, JSON-LD keywords, news_keywords), without repeats.
fn tags(metas: &Metas, ld: &JsonLd) -> Vec<String> {
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
    tags
}

/// The page's description (og:description, description, ..., JSON-LD).
fn description(metas: &Metas, ld: &JsonLd) -> Option<String> {
    metas
        .first(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ])
        .map(str::to_string)
        .or_else(|| ld.description.clone())
}

/// Extracts the page metadata.
pub(crate) fn extract(doc: &Html) -> Metadata {
    let metas = Metas::read(doc);
    let ld = read_jsonld(doc);
    let micro = Microdata::read(doc);
    let outlet = outlet(&metas, &ld);
    let canonical = canonical_url(doc, &metas);
    let sites = site_names(outlet.as_deref(), &ld, &metas, canonical.as_deref());
    let headline = ld.headline.as_deref().or(micro.headline.as_deref());
    let title = title::title(doc, &metas, headline, &sites);
    let page = pagedates::PageText::read(doc, title::headline_node(doc, title.as_deref()));
    let authors = authors::page_authors(doc, &metas, &ld, &micro.authors, &page, outlet.as_deref());
    let published = pagedates::published(
        doc,
        &metas,
        &ld,
        micro.date.as_deref(),
        &page,
        canonical.as_deref(),
    );
    Metadata {
        title,
        authors,
        outlet,
        published,
        language: language(doc, &metas, &ld),
        tags: tags(&metas, &ld),
        description: description(&metas, &ld),
    }
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
