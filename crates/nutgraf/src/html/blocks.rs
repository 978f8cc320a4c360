//! Arena DOM → text blocks: every run of text between block-level boundaries becomes a
//! [`RawBlock`], remembering the block element that owns it and how much of its text
//! sits inside links. `<br><br>` inside one element splits it into two blocks.

use super::dom::{Dom, Tag};
use crate::blocks::BlockKind;

/// A block of text with what the scorer needs to know about it.
#[derive(Debug, Clone)]
pub struct RawBlock {
    /// Normalized text.
    pub text: String,
    /// The block element owning the text.
    pub owner: usize,
    /// Characters (non-whitespace) of text.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Block kind for output.
    pub kind: BlockKind,
}

impl RawBlock {
    /// The share of the block's characters that are link text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

fn kind_of(tag: Tag) -> BlockKind {
    match tag {
        Tag::H(l) => BlockKind::Heading(l),
        Tag::Li | Tag::Dt | Tag::Dd => BlockKind::ListItem,
        Tag::Blockquote => BlockKind::Quote,
        Tag::Td | Tag::Th | Tag::Tr => BlockKind::TableRow,
        Tag::Pre => BlockKind::Preformatted,
        _ => BlockKind::Paragraph,
    }
}

fn owner_of(dom: &Dom, mut i: usize) -> (usize, bool) {
    let mut in_link = false;
    loop {
        let p = dom.nodes[i].parent;
        if p == i {
            return (i, in_link);
        }
        let t = dom.nodes[p].tag;
        if t == Tag::A {
            in_link = true;
        }
        if t.is_block() {
            return (p, in_link);
        }
        i = p;
    }
}

struct Builder {
    blocks: Vec<RawBlock>,
    owner: usize,
    buf: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
    pending_breaks: usize,
}

impl Builder {
    fn push_text(&mut self, t: &str, in_link: bool) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if !self.buf.is_empty() {
                if self.pending_breaks >= 2 {
                    // <br><br>: a paragraph break inside one element
                    self.flush_keep_owner();
                } else if self.pending_space || self.pending_breaks == 1 {
                    self.buf.push(' ');
                }
            }
            self.pending_space = false;
            self.pending_breaks = 0;
            self.buf.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn flush_keep_owner(&mut self) {
        if self.chars > 0 {
            let text = std::mem::take(&mut self.buf);
            self.blocks.push(RawBlock {
                text,
                owner: self.owner,
                chars: self.chars,
                link_chars: self.link_chars,
                kind: BlockKind::Paragraph,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = false;
        self.pending_breaks = 0;
    }
}

/// Splits the arena into text blocks in document order.
pub fn raw_blocks(dom: &Dom) -> Vec<RawBlock> {
    let mut b = Builder {
        blocks: Vec::new(),
        owner: usize::MAX,
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        pending_space: false,
        pending_breaks: 0,
    };
    for (i, node) in dom.nodes.iter().enumerate() {
        match node.tag {
            Tag::Text => {
                let (owner, in_link) = owner_of(dom, i);
                if owner != b.owner {
                    b.flush_keep_owner();
                    b.owner = owner;
                }
                b.push_text(&node.text, in_link);
            }
            Tag::Br => {
                let (owner, _) = owner_of(dom, i);
                if owner == b.owner {
                    b.pending_breaks += 1;
                }
            }
            t if t.is_block() => {
                b.flush_keep_owner();
                b.owner = i;
            }
            _ => {}
        }
    }
    b.flush_keep_owner();
    for block in &mut b.blocks {
        block.kind = kind_of(dom.nodes[block.owner].tag);
    }
    b.blocks
}
