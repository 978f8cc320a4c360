//! Single-thread throughput of the library's stages over inputs held in memory. These
//! are quick figures for development; the README's speed comparisons come from
//! `bench/compare.sh` (nutgraf beside trafilatura in one run).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;

use crate::io::read_maybe_gz;
use crate::preds::Mode;

/// `nutgraf::read` over a folder of pages.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// A folder of pages (`.gz` files are gunzipped).
    dir: PathBuf,
    /// Read them as HTML or as text dumps.
    #[arg(value_enum, default_value = "html")]
    mode: Mode,
    /// Rounds; the best is reported.
    #[arg(default_value_t = 5)]
    rounds: usize,
}

pub fn read(args: &ReadArgs) -> Result<()> {
    let mut paths: Vec<_> = std::fs::read_dir(&args.dir)
        .with_context(|| format!("listing {}", args.dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    let pages = paths
        .iter()
        .map(|p| read_maybe_gz(p))
        .collect::<Result<Vec<_>>>()?;
    let format = match args.mode {
        Mode::Html => nutgraf::InputFormat::Html,
        Mode::Text => nutgraf::InputFormat::Dump,
    };
    let opts = nutgraf::Options::new().format(format);
    let mb: f64 = pages.iter().map(|p| p.len() as f64).sum::<f64>() / 1e6;
    let mut best = f64::MAX;
    for _ in 0..args.rounds.max(1) {
        let t = Instant::now();
        let mut n = 0usize;
        for p in &pages {
            if let Ok(a) = nutgraf::read(p, &opts) {
                n += a.text.len();
            }
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} pages, {mb:.1} MB: best of {} rounds {best:.3} s = {:.0} pages/s ({:.0} MB/s)",
        pages.len(),
        args.rounds.max(1),
        pages.len() as f64 / best,
        mb / best
    );
    Ok(())
}

/// An invented story for `bench quotes` without a file.
const STORY: &str = "“We will reopen the bridge by May,” Mayor Lena Ostrow said on Tuesday, “and not a day later.”\n\n\
Mark Toner, the city's acting transport director, said that crews had finished the deck. He added that the paint would wait.\n\n\
“It is a good day for Pell Creek,” said Ostrow. She told reporters the budget held.\n\n\
According to the council, the repairs cost $4 million.";

/// `nutgraf::quotes` over articles (JSONL rows with a `text` field, e.g. PolNeAR's), or
/// a built-in invented story.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// JSONL with a `text` field per row.
    texts: Option<PathBuf>,
    /// Rounds.
    #[arg(default_value_t = 5)]
    rounds: usize,
}

pub fn quotes(args: &QuotesArgs) -> Result<()> {
    let texts: Vec<String> = match &args.texts {
        Some(path) => crate::io::lines(path)?
            .iter()
            .map(|l| serde_json::from_str::<serde_json::Value>(l))
            .collect::<Result<Vec<_>, _>>()?
            .iter()
            .filter_map(|row| row["text"].as_str().map(str::to_owned))
            .collect(),
        None => vec![STORY.to_owned(); 1000],
    };
    let rounds = args.rounds.max(1);
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Article);
    let started = Instant::now();
    let articles: Vec<nutgraf::Article> = texts
        .iter()
        .filter_map(|t| nutgraf::read_str(t, &opts).ok())
        .collect();
    let read_secs = started.elapsed().as_secs_f64();
    let mut found = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            found += nutgraf::quotes(a).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = (articles.len() * rounds) as f64;
    println!(
        "quotes: {} articles x {rounds} rounds, {:.1} quotes/article: {:.0} articles/s, {:.1} M chars/s (single thread)",
        articles.len(),
        found as f64 / n,
        n / secs,
        (chars * rounds) as f64 / secs / 1e6
    );
    println!(
        "reading the texts as articles (sentence split, once): {:.0} articles/s",
        articles.len() as f64 / read_secs
    );
    Ok(())
}

/// `nutgraf::highlights` over articles already read (a CNN/DM-style JSONL with an
/// `article` field).
#[derive(Debug, Args)]
pub struct HighlightsArgs {
    /// JSONL with an `article` field per row.
    articles: PathBuf,
    /// Rounds; the best is reported.
    #[arg(default_value_t = 10)]
    rounds: usize,
}

pub fn highlights(args: &HighlightsArgs) -> Result<()> {
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Article);
    let mut articles = Vec::new();
    for line in crate::io::lines(&args.articles)? {
        let v: serde_json::Value = serde_json::from_str(&line)?;
        articles.push(nutgraf::read_str(
            v["article"].as_str().unwrap_or(""),
            &opts,
        )?);
    }
    let defaults = nutgraf::Options::default();
    let mut best = f64::MAX;
    let mut chosen = 0usize;
    for _ in 0..args.rounds.max(1) {
        let t = Instant::now();
        chosen = articles
            .iter()
            .map(|a| nutgraf::highlights(a, &defaults).map_or(0, |h| h.len()))
            .sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "highlights: {} articles, {chosen} highlights: best of {} rounds {best:.3} s = {:.0} articles/s (single thread)",
        articles.len(),
        args.rounds.max(1),
        articles.len() as f64 / best
    );
    Ok(())
}
