//! JSON-LD (`<script type="application/ld+json">`) metadata.

use serde_json::Value;

use super::normalize::clean;

/// What the JSON-LD blocks of a page say.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub site_name: Option<String>,
    pub keywords: Vec<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub page_name: Option<String>,
    /// The main object is a recipe or a product (pages that show no date).
    pub recipe: bool,
}

const MAX_SCRIPT: usize = 2_000_000;
const MAX_DEPTH: usize = 10;

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_article(t: &str) -> bool {
    let t = t.rsplit([':', '/']).next().unwrap_or(t);
    t.ends_with("Article")
        || t == "BlogPosting"
        || t == "LiveBlogPosting"
        || t == "Report"
        || t == "SocialMediaPosting"
        || t == "Review"
        || t == "Recipe"
        || t == "VideoObject"
        || t == "OpinionNewsArticle"
}

fn is_page(t: &str) -> bool {
    let t = t.rsplit([':', '/']).next().unwrap_or(t);
    t.ends_with("Page")
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(_) => str_of(v?.get("name")).or_else(|| str_of(v?.get("@value"))),
        _ => None,
    }
}

fn collect<'a>(v: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > MAX_DEPTH || out.len() > 500 {
        return;
    }
    match v {
        Value::Array(a) => {
            for x in a {
                collect(x, depth + 1, out);
            }
        }
        Value::Object(m) => {
            out.push(v);
            for x in m.values() {
                if x.is_object() || x.is_array() {
                    collect(x, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Author names (Person or Organization names, or plain strings); `{"@id": ..}`
/// references are resolved against the other objects of the page.
fn author_names(v: &Value, objs: &[&Value], out: &mut Vec<String>, depth: usize) {
    if depth > 4 || out.len() > 30 {
        return;
    }
    match v {
        Value::String(s) => {
            if let Some(s) = clean(s) {
                out.push(s);
            }
        }
        Value::Array(a) => {
            for x in a {
                author_names(x, objs, out, depth + 1);
            }
        }
        Value::Object(_) => {
            if let Some(n) = str_of(v.get("name")) {
                out.push(n);
            } else if let Some(id) = v.get("@id").and_then(Value::as_str) {
                let target = objs.iter().find(|o| {
                    o.get("@id").and_then(Value::as_str) == Some(id) && o.get("name").is_some()
                });
                if let Some(t) = target {
                    author_names(t, objs, out, depth + 1);
                }
            } else if let (Some(g), Some(f)) =
                (str_of(v.get("givenName")), str_of(v.get("familyName")))
            {
                out.push(format!("{g} {f}"));
            }
        }
        _ => {}
    }
}

fn parse_values(text: &str) -> Vec<Value> {
    let mut t = text.trim();
    for p in ["<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] {
        t = t.trim_start_matches(p).trim();
    }
    for p in ["-->", "//]]>", "/*]]>*/", "]]>"] {
        t = t.trim_end_matches(p).trim();
    }
    let parse = |s: &str| -> Vec<Value> {
        serde_json::Deserializer::from_str(s)
            .into_iter::<Value>()
            .take(20)
            .map_while(Result::ok)
            .collect()
    };
    let mut vals = parse(t);
    if vals.is_empty() {
        // Raw control characters inside strings are a common error; outside strings
        // they are whitespace, so replacing them is safe.
        let fixed: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        vals = parse(&fixed);
    }
    vals
}

/// Reads all JSON-LD script texts.
pub(crate) fn read<'a>(scripts: impl Iterator<Item = String> + 'a) -> JsonLd {
    let mut ld = JsonLd::default();
    let mut values = Vec::new();
    for s in scripts.take(50) {
        if s.len() > MAX_SCRIPT {
            continue;
        }
        values.extend(parse_values(&s));
    }
    let mut objs = Vec::new();
    for v in &values {
        collect(v, 0, &mut objs);
    }
    let article = objs
        .iter()
        .find(|o| types(o).iter().any(|t| is_article(t)) && o.get("headline").is_some())
        .or_else(|| objs.iter().find(|o| types(o).iter().any(|t| is_article(t))))
        .copied();
    let page = objs
        .iter()
        .find(|o| types(o).iter().any(|t| is_page(t)))
        .copied();
    if let Some(a) = article {
        ld.recipe = types(a).iter().any(|t| {
            let t = t.rsplit([':', '/']).next().unwrap_or(t);
            t == "Recipe" || t == "Product"
        });
        ld.headline = str_of(a.get("headline")).or_else(|| str_of(a.get("name")));
        if let Some(au) = a.get("author").or_else(|| a.get("creator")) {
            author_names(au, &objs, &mut ld.authors, 0);
        }
        ld.published = str_of(a.get("datePublished"))
            .or_else(|| str_of(a.get("dateCreated")))
            .or_else(|| str_of(a.get("uploadDate")));
        ld.modified = str_of(a.get("dateModified"));
        ld.publisher = a.get("publisher").and_then(|p| str_of(Some(p)));
        ld.description = str_of(a.get("description"));
        ld.language = str_of(a.get("inLanguage"));
        match a.get("keywords") {
            Some(Value::String(s)) => {
                ld.keywords = s.split(',').filter_map(clean).collect();
            }
            Some(Value::Array(arr)) => {
                ld.keywords = arr.iter().filter_map(|x| str_of(Some(x))).collect();
            }
            _ => {}
        }
    }
    if let Some(p) = page {
        ld.page_name = str_of(p.get("headline")).or_else(|| str_of(p.get("name")));
        if ld.published.is_none() {
            ld.published = str_of(p.get("datePublished"));
        }
        if ld.authors.is_empty() {
            if let Some(au) = p.get("author") {
                author_names(au, &objs, &mut ld.authors, 0);
            }
        }
        if ld.publisher.is_none() {
            ld.publisher = p.get("publisher").and_then(|x| str_of(Some(x)));
        }
        if ld.description.is_none() {
            ld.description = str_of(p.get("description"));
        }
    }
    if ld.publisher.is_none() {
        ld.publisher = objs
            .iter()
            .find(|o| types(o).contains(&"NewsMediaOrganization"))
            .and_then(|o| str_of(o.get("name")));
    }
    ld.site_name = objs
        .iter()
        .find(|o| types(o).contains(&"WebSite"))
        .and_then(|o| str_of(o.get("name")));
    ld
}
