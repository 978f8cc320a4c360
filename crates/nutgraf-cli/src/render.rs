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

/// [`md_escape`] for a block of its own (a paragraph, a list item): also escapes what
/// would start a list, a heading, a quote, a rule or a code fence at the start of any of
/// its lines (`1.`, `2)`, `- `, `+ `, `#`, `>`, `---`, `~~~`), and the `===`/`---` lines
/// that would make the line above a heading.
pub fn md_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let rest = line.trim_start_matches([' ', '\t']);
        out.push_str(&line[..line.len() - rest.len()]);
        let escaped = md_escape(rest);
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let ends_marker = |at: usize| rest[at..].chars().next().is_none_or(char::is_whitespace);
        let only = |c: char| {
            let t = rest.trim_end();
            t.len() >= 3 && t.chars().all(|x| x == c || x == ' ' || x == '\t')
        };
        if digits > 0 && rest[digits..].starts_with(['.', ')']) && ends_marker(digits + 1) {
            // `12. ` or `3) `: an ordered list.
            out.push_str(&escaped[..digits]);
            out.push('\\');
            out.push_str(&escaped[digits..]);
            continue;
        }
        let marker = (rest.starts_with(['-', '+']) && ends_marker(1))
            || only('-')
            || rest.starts_with("~~~")
            || (i > 0 && rest.starts_with('=') && rest.trim_end().chars().all(|c| c == '='));
        if marker || (i > 0 && rest.starts_with('#')) {
            // (`md_escape` escapes a `#` only at the very start.)
            if !escaped.starts_with('\\') {
                out.push('\\');
            }
        }
        out.push_str(&escaped);
    }
    out
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
            writeln!(out, "- {}", md_block(h))?;
        }
        writeln!(out)?;
    }
    for p in &a.paragraphs {
        writeln!(out, "{}\n", md_block(p))?;
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
        writeln!(out, "- {}", md_block(&h.text))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::md_block;

    #[test]
    fn block_starts_are_escaped() {
        let cases = [
            ("1. First, the council met.", "1\\. First, the council met."),
            ("2024) was a year.", "2024\\) was a year."),
            ("- a dash", "\\- a dash"),
            ("+ plus", "\\+ plus"),
            ("* star", "\\* star"),
            ("# hash", "\\# hash"),
            ("> quote", "\\> quote"),
            ("---", "\\---"),
            ("~~~ fence", "\\~~~ fence"),
            ("  3. indented", "  3\\. indented"),
            ("Title\n===", "Title\n\\==="),
            (
                "Title\n# not a heading\n- nor a list",
                "Title\n\\# not a heading\n\\- nor a list",
            ),
            // Left alone: not block starts.
            ("1.5 million people", "1.5 million people"),
            ("-5 degrees", "-5 degrees"),
            ("2024 was a year.", "2024 was a year."),
            ("A = B", "A = B"),
            ("Plain text, with a - dash.", "Plain text, with a - dash."),
        ];
        for (input, want) in cases {
            assert_eq!(md_block(input), want, "{input:?}");
        }
    }
}
