//! Typed blocks: what HTML and text inputs both become before article assembly.

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of the given level (1–6).
    Heading(u8),
    /// A paragraph of running text.
    Paragraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A row of a table, cells separated by tabs.
    TableRow,
    /// Preformatted text.
    Preformatted,
    /// The headline, when the page shows it among its blocks.
    Title,
    /// A byline ("By Jane Roe and Sam Poe, Example News").
    Byline,
    /// One of the page's own highlights (a "story highlights" bullet).
    Highlight,
    /// A topic tag.
    Tag,
    /// A credit line ("Sam Poe reported from Denver.", "Contributing: ...").
    Credit,
}

impl BlockKind {
    /// Whether blocks of this kind belong to the article body.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            BlockKind::Heading(_)
                | BlockKind::Paragraph
                | BlockKind::ListItem
                | BlockKind::Quote
                | BlockKind::TableRow
                | BlockKind::Preformatted
        )
    }
}

/// One block of text in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Its text, whitespace-normalized.
    pub text: String,
}

/// Whether a heading or label line introduces the page's own highlights
/// ("Story highlights", "Key points", "Das Wichtigste in Kürze", "要点").
pub fn highlights_label(text: &str) -> bool {
    let l = text.trim().trim_end_matches([':', '：']).to_lowercase();
    matches!(
        l.as_str(),
        "story highlights"
            | "highlights"
            | "key points"
            | "key takeaways"
            | "takeaways"
            | "in brief"
            | "at a glance"
            | "the big picture"
            | "what you need to know"
            | "das wichtigste in kürze"
            | "das wichtigste"
            | "auf einen blick"
            | "en bref"
            | "l'essentiel"
            | "en resumen"
            | "claves"
            | "em resumo"
            | "要点"
    )
}
