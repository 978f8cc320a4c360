//! Page metadata (temporary minimal version; the full extractor is being written).

/// Metadata of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<String>,
    pub description: Option<String>,
}

/// Extracts metadata.
pub fn extract(doc: &scraper::Html) -> Metadata {
    let title = scraper::Selector::parse("title").ok().and_then(|s| {
        doc.select(&s)
            .next()
            .map(|e| e.text().collect::<String>().trim().to_string())
    });
    Metadata {
        title,
        ..Metadata::default()
    }
}
