//! Title: the story's headline from the `<title>`, the visible `<h1>`s, og:title and the
//! JSON-LD / microdata headline, without the site name; and the headline element that
//! the date and byline search starts from.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::normalize::norm_key;
use super::{has_ancestor, sel, text_of, Metas};

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static HEADINGS: LazyLock<Selector> = LazyLock::new(|| sel("h1, h2, h3"));

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

/// The page's title. `headline` is the JSON-LD headline, else the microdata one;
/// `sites` are the names the site goes by.
pub(super) fn title(
    doc: &Html,
    metas: &Metas,
    headline: Option<&str>,
    sites: &[String],
) -> Option<String> {
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
    let og_title = metas.first(&[
        "og:title",
        "twitter:title",
        "dc.title",
        "citation_title",
        "parsely-title",
        "sailthru.title",
    ]);
    choose_title(title_tag.as_deref(), headline, og_title, &h1s, sites)
}

/// The headline element: a h1 whose text is the title, else another heading
/// outside the navigation with that text, else a heading containing the title,
/// else the first h1.
pub(super) fn headline_node(doc: &Html, title: Option<&str>) -> Option<ego_tree::NodeId> {
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
