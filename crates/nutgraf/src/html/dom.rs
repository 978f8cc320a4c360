//! A compact, index-based copy of the parsed DOM, holding only what extraction needs.
//!
//! html5ever gives us a full tree; extraction walks it many times (text totals, link
//! density, ancestors), so we copy it once into a flat arena in document order. The copy
//! is made with an explicit stack (no recursion), drops subtrees that never hold article
//! text (scripts, styles, forms controls, hidden elements), and caps the nesting depth so
//! that hostile pages cannot make later passes deep or slow.

use scraper::Html;

/// Deepest element nesting we keep; text below it is attached to the ancestor at the cap.
pub const MAX_DEPTH: usize = 256;

/// Tags the extractor distinguishes. Everything else is `Other` (inline) or `Block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `<p>`.
    P,
    /// `<h1>`…`<h6>`, with its level.
    H(u8),
    /// `<li>`.
    Li,
    /// `<ul>`.
    Ul,
    /// `<ol>`.
    Ol,
    /// `<dl>`.
    Dl,
    /// `<dt>`.
    Dt,
    /// `<dd>`.
    Dd,
    /// `<blockquote>`.
    Blockquote,
    /// `<pre>`.
    Pre,
    /// `<table>`.
    Table,
    /// `<tr>`.
    Tr,
    /// `<td>`.
    Td,
    /// `<th>`.
    Th,
    /// `<br>`.
    Br,
    /// `<a>`.
    A,
    /// `<article>`.
    Article,
    /// `<main>`.
    Main,
    /// `<section>`.
    Section,
    /// `<div>`.
    Div,
    /// `<header>`.
    Header,
    /// `<footer>`.
    Footer,
    /// `<nav>`.
    Nav,
    /// `<aside>`.
    Aside,
    /// `<figure>`.
    Figure,
    /// `<figcaption>`.
    Figcaption,
    /// `<form>`.
    Form,
    /// `<body>`.
    Body,
    /// `<address>`.
    Address,
    /// `<time>`.
    Time,
    /// Another block-level element (starts a new block).
    Block,
    /// An inline element (text flows through it).
    Inline,
    /// A text node.
    Text,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "li" => Tag::Li,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "br" => Tag::Br,
            "a" => Tag::A,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "section" => Tag::Section,
            "div" => Tag::Div,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "form" => Tag::Form,
            "body" => Tag::Body,
            "address" => Tag::Address,
            "time" => Tag::Time,
            "hr" | "center" | "details" | "summary" | "fieldset" | "legend" | "tbody" | "thead"
            | "tfoot" | "caption" | "hgroup" | "html" | "dialog" | "menu" => Tag::Block,
            _ => Tag::Inline,
        }
    }

    /// Whether the element starts a new block of text.
    pub fn is_block(self) -> bool {
        !matches!(self, Tag::Inline | Tag::A | Tag::Text | Tag::Br | Tag::Time)
    }
}

/// One node of the arena.
#[derive(Debug, Clone)]
pub struct Node {
    /// What kind of element (or text, see [`Tag`]).
    pub tag: Tag,
    /// Parent index (the root points to itself).
    pub parent: usize,
    /// Nesting depth (the root is 0).
    pub depth: usize,
    /// Index one past the last node of this subtree (document order).
    pub end: usize,
    /// Lowercased `class` and `id`, space separated.
    pub hint: String,
    /// Text of a text node (raw, not normalized).
    pub text: String,
    /// `itemprop` value, if any, lowercased.
    pub itemprop: Option<String>,
    /// `role` value, if any, lowercased.
    pub role: Option<String>,
}

/// The arena. Node 0 is the document root.
#[derive(Debug, Clone)]
pub struct Dom {
    /// The nodes in document order; a subtree is `nodes[i..nodes[i].end]`.
    pub nodes: Vec<Node>,
}

fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "img"
            | "picture"
            | "source"
            | "map"
            | "area"
            | "rt"
            | "rp"
    )
}

fn hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

impl Dom {
    /// Copies the parsed document into the arena.
    pub(crate) fn from_html(doc: &Html) -> Dom {
        let mut nodes: Vec<Node> = Vec::with_capacity(1024);
        nodes.push(Node {
            tag: Tag::Block,
            parent: 0,
            depth: 0,
            end: 0,
            hint: String::new(),
            text: String::new(),
            itemprop: None,
            role: None,
        });
        // Stack of (source node, arena parent index, depth). Children pushed in reverse
        // so they pop in document order. A `None` source marks "close arena node i".
        let mut stack: Vec<(Option<ego_tree::NodeRef<'_, scraper::Node>>, usize, usize)> =
            Vec::new();
        let root = doc.tree.root();
        for child in root.children().collect::<Vec<_>>().into_iter().rev() {
            stack.push((Some(child), 0, 1));
        }
        while let Some((src, parent, depth)) = stack.pop() {
            let Some(src) = src else {
                // close the node index `parent`
                nodes[parent].end = nodes.len();
                continue;
            };
            match src.value() {
                scraper::Node::Text(t) => {
                    if t.trim().is_empty() && !t.is_empty() {
                        // keep a single space so inline words don't glue together
                        nodes.push(text_node(" ", parent, depth));
                    } else {
                        nodes.push(text_node(t, parent, depth));
                    }
                    let i = nodes.len() - 1;
                    nodes[i].end = nodes.len();
                }
                scraper::Node::Element(el) => {
                    let name = el.name();
                    if skipped(name) || hidden(el) {
                        continue;
                    }
                    let tag = Tag::from_name(name);
                    if depth > MAX_DEPTH {
                        // Too deep: flatten the subtree's text into the parent.
                        for d in src.descendants() {
                            if let scraper::Node::Text(t) = d.value() {
                                nodes.push(text_node(t, parent, depth));
                                let i = nodes.len() - 1;
                                nodes[i].end = nodes.len();
                            }
                        }
                        continue;
                    }
                    let mut hint = String::new();
                    if let Some(c) = el.attr("class") {
                        hint.push_str(c);
                    }
                    if let Some(id) = el.attr("id") {
                        hint.push(' ');
                        hint.push_str(id);
                    }
                    hint.make_ascii_lowercase();
                    let idx = nodes.len();
                    nodes.push(Node {
                        tag,
                        parent,
                        depth,
                        end: idx + 1,
                        hint,
                        text: String::new(),
                        itemprop: el.attr("itemprop").map(|s| s.to_ascii_lowercase()),
                        role: el.attr("role").map(|s| s.to_ascii_lowercase()),
                    });
                    stack.push((None, idx, depth));
                    let children: Vec<_> = src.children().collect();
                    for child in children.into_iter().rev() {
                        stack.push((Some(child), idx, depth + 1));
                    }
                }
                _ => {}
            }
        }
        let n = nodes.len();
        nodes[0].end = n;
        Dom { nodes }
    }

    /// Whether `anc` is `node` or one of its ancestors.
    pub fn contains(&self, anc: usize, node: usize) -> bool {
        anc <= node && node < self.nodes[anc].end
    }
}

fn text_node(t: &str, parent: usize, depth: usize) -> Node {
    Node {
        tag: Tag::Text,
        parent,
        depth,
        end: 0,
        hint: String::new(),
        text: t.to_string(),
        itemprop: None,
        role: None,
    }
}
