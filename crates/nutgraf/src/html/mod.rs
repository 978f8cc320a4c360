//! HTML pages: parse → arena DOM → blocks → article, plus page metadata.
pub mod content;
pub mod dom;
pub mod metadata;

use crate::blocks::BlockKind;
use crate::{Article, Error};

/// Reads an HTML page into an [`Article`].
pub fn read_html(html: &str) -> Result<Article, Error> {
    let doc = scraper::Html::parse_document(html);
    let dom = dom::Dom::from_html(&doc);
    let raw = content::raw_blocks(&dom);
    let sel = content::select(&dom, &raw);
    let mut paragraphs = Vec::new();
    for b in &sel.blocks {
        if matches!(b.kind, BlockKind::Heading(1)) {
            continue;
        }
        paragraphs.push(b.text.clone());
    }
    if paragraphs.is_empty() {
        return Err(Error::NoArticle {
            reason: format!("{} text blocks, none looked like article text", raw.len()),
        });
    }
    let mut article = Article::default();
    article.set_paragraphs(paragraphs);
    Ok(article)
}
