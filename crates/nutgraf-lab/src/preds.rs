//! Predictions for the official scorers in `../shared/eval`: one JSON line per page or
//! article, in the shape each scorer reads.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::io::{read_maybe_gz, stdout_lines};

/// One JSON line, with U+2028 and U+2029 escaped: JSON allows them raw in strings, but
/// line readers that split on Unicode line breaks (Python's `str.splitlines`, which the
/// scorers use) would cut the line there.
fn jsonl_line(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Which copy of an AEB-style page to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// `html/<id>.html.gz`, read as HTML.
    Html,
    /// `text/<id>.txt`, read as a text dump.
    Text,
}

/// `{"id", "text"}` for every page of a set laid out like `../shared/data/aeb`
/// (`ground-truth.json`, `html/`, `text/`), for `score_extract.py`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The set's folder.
    #[arg(default_value = "../shared/data/aeb")]
    dir: PathBuf,
    /// HTML pages or their text dumps.
    #[arg(value_enum, default_value = "html")]
    mode: Mode,
}

pub fn extract(args: &ExtractArgs) -> Result<()> {
    let gold: serde_json::Value = serde_json::from_slice(
        &std::fs::read(args.dir.join("ground-truth.json")).context("reading ground-truth.json")?,
    )?;
    let mut ids: Vec<&String> = gold
        .as_object()
        .context("ground-truth.json is not an object")?
        .keys()
        .collect();
    ids.sort();
    let (format, sub, ext) = match args.mode {
        Mode::Html => (nutgraf::InputFormat::Html, "html", "html.gz"),
        Mode::Text => (nutgraf::InputFormat::Dump, "text", "txt"),
    };
    let opts = nutgraf::Options::new().format(format);
    let mut out = stdout_lines();
    for id in ids {
        let bytes = read_maybe_gz(&args.dir.join(sub).join(format!("{id}.{ext}")))?;
        let text = match nutgraf::read(&bytes, &opts) {
            Ok(a) => a.text,
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        writeln!(
            out,
            "{}",
            jsonl_line(&serde_json::json!({"id": id, "text": text}))
        )?;
    }
    Ok(())
}

/// `{"id", "text", "title", "authors", "published"}` for every case of the snippets
/// set, for `score_snippets.py`.
#[derive(Debug, Args)]
pub struct SnippetsArgs {
    /// `cases.jsonl` (page files are found beside it).
    cases: PathBuf,
}

pub fn snippets(args: &SnippetsArgs) -> Result<()> {
    let base = args
        .cases
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut out = stdout_lines();
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Html);
    for line in crate::io::lines(&args.cases)? {
        let case: serde_json::Value = serde_json::from_str(&line)?;
        let id = case["id"].as_str().context("case without id")?;
        let file = case["file"].as_str().context("case without file")?;
        let bytes = read_maybe_gz(&base.join(file))?;
        let pred = match nutgraf::read(&bytes, &opts) {
            Ok(a) => serde_json::json!({
                "id": id, "text": a.text, "title": a.title, "authors": a.authors,
                "published": a.published,
            }),
            Err(e) => {
                eprintln!("{id}: {e}");
                serde_json::json!({"id": id, "text": ""})
            }
        };
        writeln!(out, "{}", jsonl_line(&pred))?;
    }
    Ok(())
}

/// `{"id", "quotes"}` for a PolNeAR-format JSONL (each row's `text` read as clean
/// article text), for `score_quotes.py`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The gold JSONL (`train-dev.jsonl`).
    gold: PathBuf,
    /// Only the rows of this split.
    split: Option<String>,
}

pub fn quotes(args: &QuotesArgs) -> Result<()> {
    let mut out = stdout_lines();
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Article);
    let file = std::io::BufReader::new(
        std::fs::File::open(&args.gold)
            .with_context(|| format!("opening {}", args.gold.display()))?,
    );
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(split) = &args.split {
            if row["split"].as_str() != Some(split.as_str()) {
                continue;
            }
        }
        let text = row["text"].as_str().unwrap_or_default();
        let quotes = match nutgraf::read_str(text, &opts) {
            Ok(article) => nutgraf::quotes(&article),
            Err(_) => Vec::new(),
        };
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": row["id"], "quotes": quotes})
        )?;
    }
    Ok(())
}
