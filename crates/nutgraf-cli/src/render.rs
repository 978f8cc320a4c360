//! Human-readable renderings of an article: plain text and Markdown.

use std::io::{self, Write};

use nutgraf::{Article, Highlight};

fn byline(a: &Article) -> Option<String> {
    let mut parts = Vec::new();
    if !a.authors.is_empty() {
        parts.push(format!("By {}", a.authors.join(", ")));
    }
    if let Some(o) = &a.outlet {
        parts.push(o.clone());
    }
    if let Some(p) = &a.published {
        parts.push(p.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn dateline(a: &Article) -> Option<String> {
    a.dateline.as_ref().map(|d| match &d.outlet {
        Some(o) => format!("{} ({o})", d.place),
        None => d.place.clone(),
    })
}

/// Wraps `text` at `width` columns, indenting continuation lines by `indent`.
fn wrap(text: &str, width: usize, first: &str, indent: &str) -> String {
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_start = true;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if !line_start && col + 1 + w > width {
            out.push('\n');
            out.push_str(indent);
            col = indent.chars().count();
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        line_start = false;
    }
    out
}

/// Plain text, wrapped at 80 columns.
pub fn text(out: &mut impl Write, a: &Article) -> io::Result<()> {
    if let Some(t) = &a.title {
        writeln!(out, "{t}")?;
        writeln!(out, "{}", "=".repeat(t.chars().count().min(80)))?;
    }
    if let Some(b) = byline(a) {
        writeln!(out, "{b}")?;
    }
    if let Some(d) = dateline(a) {
        writeln!(out, "Dateline: {d}")?;
    }
    if !a.highlights_given.is_empty() {
        writeln!(out, "\nHighlights (from the page):")?;
        for h in &a.highlights_given {
            writeln!(out, "{}", wrap(h, 80, "  • ", "    "))?;
        }
    }
    writeln!(out)?;
    for p in &a.paragraphs {
        writeln!(out, "{}\n", wrap(p, 80, "", ""))?;
    }
    if !a.credits.is_empty() {
        for c in &a.credits {
            writeln!(out, "{}", wrap(c, 80, "", ""))?;
        }
        writeln!(out)?;
    }
    if !a.tags.is_empty() {
        writeln!(out, "Tags: {}", a.tags.join(", "))?;
    }
    Ok(())
}

pub fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\') || (i == 0 && c == '#') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// Markdown.
pub fn markdown(out: &mut impl Write, a: &Article) -> io::Result<()> {
    if let Some(t) = &a.title {
        writeln!(out, "# {}\n", md_escape(t))?;
    }
    if let Some(b) = byline(a) {
        writeln!(out, "*{}*\n", md_escape(&b))?;
    }
    if let Some(d) = dateline(a) {
        writeln!(out, "**{}**\n", md_escape(&d))?;
    }
    if !a.highlights_given.is_empty() {
        writeln!(out, "## Highlights\n")?;
        for h in &a.highlights_given {
            writeln!(out, "- {}", md_escape(h))?;
        }
        writeln!(out)?;
    }
    for p in &a.paragraphs {
        writeln!(out, "{}\n", md_escape(p))?;
    }
    for c in &a.credits {
        writeln!(out, "*{}*\n", md_escape(c))?;
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("`{t}`")).collect();
        writeln!(out, "Tags: {}", tags.join(" "))?;
    }
    Ok(())
}

/// Highlights written by nutgraf, as plain-text bullets wrapped at 80 columns.
pub fn generated_highlights_text(out: &mut impl Write, hl: &[Highlight]) -> io::Result<()> {
    writeln!(out, "Highlights (written by nutgraf):")?;
    for h in hl {
        writeln!(out, "{}", wrap(&h.text, 80, "  • ", "    "))?;
    }
    Ok(())
}

/// Highlights written by nutgraf, as a Markdown section.
pub fn generated_highlights_markdown(out: &mut impl Write, hl: &[Highlight]) -> io::Result<()> {
    writeln!(out, "## Highlights (written by nutgraf)\n")?;
    for h in hl {
        writeln!(out, "- {}", md_escape(&h.text))?;
    }
    Ok(())
}
