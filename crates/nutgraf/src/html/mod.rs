//! HTML pages: parse → arena DOM → text blocks → the article's typed blocks, plus the
//! page's metadata; then the shared [`crate::article::assemble`] step.
//!
//! The steps: [`prescan`] (raw text and nesting), [`dom`] (the arena), [`blocks`] (text
//! blocks), [`select`] (the story's containers and blocks, judged with [`hints`] and
//! [`chrome`]), roles (here), [`metadata`].
pub mod blocks;
pub mod chrome;
pub mod dom;
pub mod hints;
pub mod metadata;
pub mod prescan;
pub mod select;

use crate::article;
use crate::blocks::{Block, BlockKind};
use crate::deadline::Deadline;
use crate::{Article, Error};

/// Bytes of markup html5ever parses between two looks at the deadline.
const PARSE_CHUNK_BYTES: usize = 256 * 1024;

/// Parses a page into html5ever's document (raw-text bodies cut and nesting capped
/// first; the intermediate copies are gone when this returns). The markup is fed in
/// chunks, the deadline checked between them; html5ever's tokenizer carries its state
/// across chunks, so the tree is the one a single feed builds.
pub(crate) fn parse(html: &str, deadline: Deadline) -> Result<scraper::Html, Error> {
    use html5ever::tendril::TendrilSink;
    let stripped = prescan::strip_raw_text(html);
    let capped = prescan::cap_nesting(&stripped);
    let sink = scraper::HtmlTreeSink::new(scraper::Html::new_document());
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut rest: &str = &capped;
    while !rest.is_empty() {
        deadline.check()?;
        let mut cut = rest.len().min(PARSE_CHUNK_BYTES);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(chunk.into());
        rest = tail;
    }
    Ok(parser.finish())
}

/// Reads an HTML page into an [`Article`].
///
/// Each intermediate form is dropped as soon as the next one exists (the metadata is
/// read before html5ever's tree goes), which keeps the peak memory of a huge page
/// down.
pub fn read_html(html: &str, deadline: Deadline) -> Result<Article, Error> {
    let doc = parse(html, deadline)?;
    deadline.check()?;
    let info = metadata::extract(&doc);
    let dom = dom::Dom::from_html(&doc);
    drop(doc);
    deadline.check()?;
    let raw = blocks::raw_blocks(&dom);
    let sel = select::select(&dom, &raw);
    let raw_count = raw.len();
    drop(raw);
    deadline.check()?;
    let blocks = assign_roles(&dom, &sel);
    drop((dom, sel));
    let article = article::assemble(&blocks, info);
    deadline.check()?;
    if article.paragraphs.is_empty() {
        return Err(Error::NoArticle {
            reason: format!("{raw_count} text blocks in the page, none looked like article text"),
        });
    }
    Ok(article)
}

/// Inside a highlights box, a non-list block shorter than this (in characters) is the
/// box's own heading or note, not story text.
const HIGHLIGHTS_NOTE_MAX_CHARS: usize = 80;

/// Gives the selected blocks their article roles: the page's own highlights, the body.
fn assign_roles(dom: &dom::Dom, sel: &select::Selection) -> Vec<Block> {
    let mut out = Vec::with_capacity(sel.blocks.len());
    let mut after_label = false;
    for (block, &owner) in sel.blocks.iter().zip(&sel.owners) {
        let mut kind = block.kind;
        if kind == BlockKind::Heading(1) {
            out.push(Block {
                kind: BlockKind::Title,
                text: block.text.clone(),
            });
            continue;
        }
        // Only containers inside the chosen article count: a page-wide wrapper may
        // carry "highlight" in its class for other reasons.
        let root = sel
            .roots
            .iter()
            .copied()
            .find(|&r| dom.contains(r, owner))
            .unwrap_or(0);
        let mut in_hl_container = false;
        let mut i = owner;
        while i != 0 && (i != root || sel.roots.len() > 1) {
            if hints::highlights_hint(&dom.nodes[i].hint) {
                in_hl_container = true;
                break;
            }
            if i == root {
                break;
            }
            i = dom.nodes[i].parent;
        }
        if matches!(kind, BlockKind::Heading(_) | BlockKind::Paragraph)
            && crate::blocks::highlights_label(&block.text)
        {
            after_label = true;
            continue;
        }
        if kind == BlockKind::ListItem && (after_label || in_hl_container) {
            kind = BlockKind::Highlight;
        } else {
            after_label = false;
            if in_hl_container && block.text.chars().count() < HIGHLIGHTS_NOTE_MAX_CHARS {
                // a highlights box's own heading or note
                continue;
            }
        }
        out.push(Block {
            kind,
            text: block.text.clone(),
        });
    }
    out
}
