//! `nutgraf highlights`: the story's highlights, written by nutgraf from the article's
//! own sentences.

use std::io::Write;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use nutgraf::{Article, Highlight, Options, Order};
use serde_json::{json, Value};

use super::OutputFormat;
use crate::input::{self, InputArgs};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OrderArg {
    /// As they stand in the article.
    Article,
    /// Best first.
    Score,
}

/// Length control shared by `highlights` and `digest`.
#[derive(Debug, Args)]
pub struct LengthArgs {
    /// Number of sentences (default: 3; 4 was measured worse on news-length articles).
    #[arg(long = "sentences", short = 'n')]
    sentences: Option<usize>,
    /// At most this many words in all (whole sentences only; never exceeded).
    #[arg(long)]
    words: Option<usize>,
    /// At most this many characters in all (whole sentences only; never exceeded).
    #[arg(long)]
    chars: Option<usize>,
    /// Article order, or best first.
    #[arg(long, value_enum, default_value_t = OrderArg::Article)]
    order: OrderArg,
}

impl LengthArgs {
    /// `options` with the highlights' length and order taken from these flags.
    pub fn apply(&self, options: Options) -> Options {
        options
            .sentences(self.sentences)
            .words(self.words)
            .chars(self.chars)
            .order(match self.order {
                OrderArg::Article => Order::Article,
                OrderArg::Score => Order::Score,
            })
    }
}

#[derive(Debug, Args)]
pub struct HighlightsArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    length: LengthArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// Runs `nutgraf highlights`.
pub fn run(args: &HighlightsArgs, out: &mut impl Write) -> Result<()> {
    let loaded = input::load(&args.input)?;
    let options = args.length.apply(loaded.options(&args.input)?);
    let article = loaded.read(&options)?;
    let hl = nutgraf::highlights(&article, &options)
        .with_context(|| format!("could not write the highlights of {}", loaded.name))?;
    if let Some(why) = why_none(&article, &options, &hl) {
        eprintln!("note: {why}");
    }
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut *out, &to_json(&article, &hl))?;
            writeln!(out)?;
        }
        OutputFormat::Text => text(out, &article, &hl)?,
        OutputFormat::Markdown => markdown(out, &article, &hl)?,
    }
    Ok(())
}

/// Why there are no highlights, when there are none (for a one-line note on stderr).
fn why_none(article: &Article, opts: &Options, hl: &[Highlight]) -> Option<String> {
    if !hl.is_empty() || opts.sentences == Some(0) {
        return None;
    }
    Some(if article.sentences.is_empty() {
        "no highlights: the article has no sentences".to_string()
    } else if opts.words.is_some() || opts.chars.is_some() {
        "no highlights: no sentence fits the length budget".to_string()
    } else {
        format!(
            "no highlights: every sentence is longer than {} words",
            nutgraf::MAX_HIGHLIGHT_WORDS
        )
    })
}

/// The JSON document of `nutgraf highlights --format json`.
fn to_json(article: &Article, hl: &[Highlight]) -> Value {
    json!({ "highlights": hl, "highlights_given": article.highlights_given })
}

/// Plain text: one bullet per highlight, and a note when the page had its own.
fn text(out: &mut impl Write, article: &Article, hl: &[Highlight]) -> std::io::Result<()> {
    if let Some(t) = &article.title {
        writeln!(out, "{t}\n")?;
    }
    crate::render::generated_highlights_text(out, hl)?;
    given_note(out, article)
}

/// Markdown: a list.
fn markdown(out: &mut impl Write, article: &Article, hl: &[Highlight]) -> std::io::Result<()> {
    if let Some(t) = &article.title {
        writeln!(out, "# {}\n", crate::render::md_escape(t))?;
    }
    crate::render::generated_highlights_markdown(out, hl)?;
    given_note(out, article)
}

fn given_note(out: &mut impl Write, article: &Article) -> std::io::Result<()> {
    let n = article.highlights_given.len();
    if n > 0 {
        writeln!(
            out,
            "\n(The page has {n} highlight{} of its own; `nutgraf read` shows them.)",
            if n == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn story() -> Article {
        let text = "Flood waters rose along the Amberly river on Tuesday, forcing 400 families from their homes. \
The county opened three shelters in school gyms. \
\"We have never seen the water this high,\" said Lena Brooks, the county's emergency director. \
Forecasters expect the river to crest on Thursday at 21 feet. \
Volunteers filled sandbags through the night at the fairgrounds. \
The last major flood, in 1998, destroyed the old footbridge.";
        let mut a =
            nutgraf::read_str(text, &Options::new().format(nutgraf::InputFormat::Article)).unwrap();
        a.title = Some("Amberly river floods, 400 families leave homes".into());
        a
    }

    #[test]
    fn json_has_offsets_into_text() {
        let a = story();
        let hl = nutgraf::highlights(&a, &Options::default()).unwrap();
        assert_eq!(hl.len(), 3);
        let v = to_json(&a, &hl);
        for h in v["highlights"].as_array().unwrap() {
            let (s, e) = (
                h["start"].as_u64().unwrap() as usize,
                h["end"].as_u64().unwrap() as usize,
            );
            let slice: String = a.text.chars().skip(s).take(e - s).collect();
            assert_eq!(slice, h["text"].as_str().unwrap());
        }
        assert_eq!(v["highlights_given"], json!([]));
    }

    /// Runs `f` with the snapshots' names and folder as they were before this module
    /// moved into `cmd/` (`src/snapshots/nutgraf__highlights_cmd__tests__*.snap`).
    fn with_old_snapshot_names(f: impl FnOnce()) {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(f);
    }

    #[test]
    fn text_and_markdown_snapshots() {
        let mut a = story();
        a.highlights_given = vec!["Shelters open in three schools".into()];
        let hl = nutgraf::highlights(&a, &Options::default()).unwrap();
        let mut t = Vec::new();
        text(&mut t, &a, &hl).unwrap();
        let mut m = Vec::new();
        markdown(&mut m, &a, &hl).unwrap();
        with_old_snapshot_names(|| {
            insta::assert_snapshot!(
                "nutgraf__highlights_cmd__tests__highlights_text",
                String::from_utf8(t).unwrap()
            );
            insta::assert_snapshot!(
                "nutgraf__highlights_cmd__tests__highlights_markdown",
                String::from_utf8(m).unwrap()
            );
        });
    }

    #[test]
    fn issue_4_empty_article_says_why() {
        let a = Article::default();
        let opts = Options::default();
        let hl = nutgraf::highlights(&a, &opts).unwrap();
        assert!(hl.is_empty());
        assert_eq!(
            why_none(&a, &opts, &hl).unwrap(),
            "no highlights: the article has no sentences"
        );
    }

    #[test]
    fn issue_4_budget_too_small_says_why() {
        let a = story();
        let opts = Options::new().chars(5);
        let hl = nutgraf::highlights(&a, &opts).unwrap();
        assert!(hl.is_empty());
        assert!(why_none(&a, &opts, &hl).unwrap().contains("budget"));
    }
}
