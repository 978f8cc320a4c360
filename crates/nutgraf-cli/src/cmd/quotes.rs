//! `nutgraf quotes`: who said what in an article, grouped by speaker.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use nutgraf::{Quote, QuoteKind};
use serde::Serialize;

use super::OutputFormat;
use crate::input::{self, InputArgs};

/// The JSON document: the article text and the quotes, whose offsets point into it.
#[derive(Debug, Serialize)]
struct Output<'a> {
    text: &'a str,
    quotes: &'a [Quote],
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// Runs `nutgraf quotes`.
pub fn run(args: &QuotesArgs, out: &mut impl Write) -> Result<()> {
    let article = input::read_article(&args.input)?;
    let quotes = nutgraf::quotes(&article);
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(
                &mut *out,
                &Output {
                    text: &article.text,
                    quotes: &quotes,
                },
            )?;
            writeln!(out)?;
        }
        OutputFormat::Text => text(out, &quotes)?,
        OutputFormat::Markdown => markdown(out, &quotes)?,
    }
    Ok(())
}

/// Quotes grouped by speaker, speakers in order of their first quote; unattributed last.
fn groups(quotes: &[Quote]) -> Vec<(Option<&str>, Option<&str>, Vec<&Quote>)> {
    let mut out: Vec<(Option<&str>, Option<&str>, Vec<&Quote>)> = Vec::new();
    for q in quotes {
        let who = q.speaker.as_deref();
        match out.iter_mut().find(|g| g.0 == who) {
            Some(g) => {
                if g.1.is_none() {
                    g.1 = q.speaker_description.as_deref();
                }
                g.2.push(q);
            }
            None => out.push((who, q.speaker_description.as_deref(), vec![q])),
        }
    }
    out.sort_by_key(|g| g.0.is_none());
    out
}

fn shown(q: &Quote) -> String {
    match q.kind {
        QuoteKind::Direct => format!("“{}”", q.content),
        _ => q.content.clone(),
    }
}

fn meta(q: &Quote) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &q.speaker_mention {
        parts.push(format!("“{m}”"));
    }
    if let Some(c) = &q.cue {
        parts.push(c.clone());
    }
    parts.push(q.kind.as_str().to_owned());
    parts.join(" · ")
}

/// Plain text: one block per speaker.
pub fn text(out: &mut impl Write, quotes: &[Quote]) -> Result<()> {
    if quotes.is_empty() {
        writeln!(out, "No attributed statements found.")?;
        return Ok(());
    }
    for (i, (who, desc, qs)) in groups(quotes).into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let name = who.unwrap_or("(speaker not given)");
        match desc {
            Some(d) => writeln!(out, "{name} — {d} ({})", count(qs.len()))?,
            None => writeln!(out, "{name} ({})", count(qs.len()))?,
        }
        for q in qs {
            writeln!(out, "  • {}", shown(q))?;
            writeln!(out, "    [{}]", meta(q))?;
        }
    }
    Ok(())
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 statement".into()
    } else {
        format!("{n} statements")
    }
}

/// Markdown: a heading per speaker, a bullet per statement.
pub fn markdown(out: &mut impl Write, quotes: &[Quote]) -> Result<()> {
    writeln!(out, "# Who said what")?;
    if quotes.is_empty() {
        writeln!(out, "\nNo attributed statements found.")?;
        return Ok(());
    }
    for (who, desc, qs) in groups(quotes) {
        writeln!(out)?;
        match (who, desc) {
            (Some(w), Some(d)) => writeln!(out, "## {w}\n\n*{d}*\n")?,
            (Some(w), None) => writeln!(out, "## {w}\n")?,
            (None, _) => writeln!(out, "## Speaker not given\n")?,
        }
        for q in qs {
            writeln!(out, "- {} — *{}*", shown(q), meta(q))?;
        }
    }
    Ok(())
}
