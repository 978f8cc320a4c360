//! The input of `read`, `digest`, `highlights` and `quotes`: a file, `-` for standard
//! input, or an http(s) URL, loaded as bytes with what the transport said about them.

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::fetch;

#[derive(Debug, Args)]
pub struct InputArgs {
    /// A file, `-` for standard input, or an http(s) URL.
    pub input: Option<String>,
    /// How to read the input (detected when not given).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Time limit in seconds: for fetching a URL (20 s when not given) and, when given,
    /// for reading the page and writing its highlights and quotes (a page that takes
    /// longer is an error, exit code 1).
    #[arg(long)]
    pub timeout: Option<f64>,
}

/// `--input-format`: the command line's names of [`nutgraf::InputFormat`].
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    /// An HTML page.
    Html,
    /// A page dumped as text (w3m, lynx, copy-paste), navigation and all.
    Text,
    /// Already-clean article text: kept whole, offsets point into it.
    Article,
}

impl From<InputFormatArg> for nutgraf::InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Html => nutgraf::InputFormat::Html,
            InputFormatArg::Text => nutgraf::InputFormat::Dump,
            InputFormatArg::Article => nutgraf::InputFormat::Article,
        }
    }
}

/// Bytes of the input plus what the transport said about them.
#[derive(Debug)]
pub struct Loaded {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    /// How error messages name the input.
    pub name: String,
}

impl Loaded {
    /// The sample news page built into nutgraf (`digest --example`).
    pub fn example() -> Self {
        Loaded {
            bytes: nutgraf::EXAMPLE_HTML.as_bytes().to_vec(),
            content_type: Some("text/html; charset=utf-8".into()),
            name: "the built-in example page".into(),
        }
    }

    /// Options to read these bytes with: the format `args` asks for and the content type
    /// that came with them (defaults otherwise).
    /// With `--timeout`, the time limit starts now.
    pub fn options(&self, args: &InputArgs) -> Result<nutgraf::Options> {
        let deadline = time_limit(args)?.and_then(|d| std::time::Instant::now().checked_add(d));
        Ok(nutgraf::Options::new()
            .format(args.input_format.map(nutgraf::InputFormat::from))
            .content_type(self.content_type.clone())
            .deadline(deadline))
    }

    /// Reads the bytes into an article.
    pub fn read(&self, options: &nutgraf::Options) -> Result<nutgraf::Article> {
        nutgraf::read(&self.bytes, options).with_context(|| format!("could not read {}", self.name))
    }
}

/// A command line that misses something clap cannot check by itself (`main` exits with
/// code 2, as clap does for its own usage errors).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// How long a URL may take when `--timeout` is not given.
const FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// `--timeout` as a duration, checked.
fn time_limit(args: &InputArgs) -> Result<Option<std::time::Duration>> {
    match args.timeout {
        None => Ok(None),
        Some(t) if t.is_finite() && t > 0.0 && t < 1e9 => {
            Ok(Some(std::time::Duration::from_secs_f64(t)))
        }
        Some(_) => Err(UsageError("--timeout must be a positive number of seconds".into()).into()),
    }
}

/// Loads the input named on the command line.
pub fn load(input: &InputArgs) -> Result<Loaded> {
    let Some(src) = input.input.as_deref() else {
        return Err(UsageError(
            "no input given: pass a file, `-` for standard input, or an http(s) URL".into(),
        )
        .into());
    };
    if src == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("could not read standard input")?;
        return Ok(Loaded {
            bytes,
            content_type: None,
            name: "standard input".into(),
        });
    }
    let lower = src.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let opts = fetch::FetchOptions {
            timeout: time_limit(input)?.unwrap_or(FETCH_TIMEOUT),
            ..fetch::FetchOptions::default()
        };
        let f = fetch::fetch(src, &opts)?;
        return Ok(Loaded {
            bytes: f.bytes,
            content_type: f.content_type,
            name: f.final_url,
        });
    }
    let path = PathBuf::from(src);
    let bytes =
        std::fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
    Ok(Loaded {
        bytes,
        content_type: None,
        name: path.display().to_string(),
    })
}

/// Loads the input and reads it into an article, with the default highlight options
/// (for the commands that write no highlights).
pub fn read_article(args: &InputArgs) -> Result<nutgraf::Article> {
    let loaded = load(args)?;
    loaded.read(&loaded.options(args)?)
}
