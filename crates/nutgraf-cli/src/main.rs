//! `nutgraf`: read news pages the way an editor does.
#![forbid(unsafe_code)]

mod batch;
mod fetch;
mod highlights_cmd;
mod quotes_cmd;
mod render;
mod rouge_cmd;
mod warc;

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Read news pages the way an editor does: the article, its highlights, who said what.
#[derive(Debug, Parser)]
#[command(name = "nutgraf", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read a page into a clean article (headline, byline, date, body).
    Read(ReadArgs),
    /// Everything nutgraf knows about a page, as one document.
    Digest(DigestArgs),
    /// The story's highlights: a few of its own sentences that tell the story.
    Highlights(highlights_cmd::HighlightsArgs),
    /// ROUGE-1/2/Lsum of candidate summaries against references.
    Rouge(rouge_cmd::RougeArgs),
    /// Who said what: attributed statements and their speakers.
    Quotes(quotes_cmd::QuotesArgs),
    /// Digest many pages: JSONL, folders, WARC files → one JSON line per page.
    Batch(batch::BatchArgs),
    /// Run the HTTP service and its web page.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    body_limit: usize,
    /// Seconds allowed for reading one page.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
    /// Let clients send {"url": ...}: the server then fetches http(s) pages on public
    /// addresses (never loopback or private networks).
    #[arg(long)]
    allow_fetch: bool,
}

fn serve(args: &ServeArgs) -> Result<()> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    let fetcher: Option<nutgraf_server::Fetcher> = args.allow_fetch.then(|| {
        let f: nutgraf_server::Fetcher = std::sync::Arc::new(|url: &str| {
            let opts = fetch::FetchOptions {
                public_only: true,
                max_bytes: 10 * 1024 * 1024,
                timeout: std::time::Duration::from_secs(10),
                ..fetch::FetchOptions::default()
            };
            fetch::fetch(url, &opts)
                .map(|f| (f.bytes, f.content_type))
                .map_err(|e| format!("{e:#}"))
        });
        f
    });
    let config = nutgraf_server::Config {
        body_limit: args.body_limit,
        timeout: std::time::Duration::from_secs_f64(args.timeout),
        fetcher,
        ..nutgraf_server::Config::default()
    };
    nutgraf_server::run(args.addr, config, |addr| {
        eprintln!("nutgraf: serving on http://{addr}/ (Ctrl-C to stop)");
    })?;
    Ok(())
}

/// The parts of a digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Part {
    /// The article read from the page.
    Article,
    /// Generated highlights.
    Highlights,
    /// Who said what.
    Quotes,
}

impl Part {
    fn all() -> &'static [Part] {
        &[Part::Article, Part::Highlights, Part::Quotes]
    }
}

/// The digest of an article as JSON members, in a fixed order.
fn digest_parts(
    article: &nutgraf::Article,
    parts: &[Part],
    options: &nutgraf::Options,
) -> serde_json::Map<String, serde_json::Value> {
    let mut obj = serde_json::Map::new();
    for part in Part::all() {
        if !parts.contains(part) {
            continue;
        }
        let (key, value) = match part {
            Part::Article => ("article", serde_json::to_value(article)),
            Part::Highlights => (
                "highlights",
                serde_json::to_value(nutgraf::highlights(article, options)),
            ),
            Part::Quotes => ("quotes", serde_json::to_value(nutgraf::quotes(article))),
        };
        obj.insert(key.into(), value.unwrap_or(serde_json::Value::Null));
    }
    obj
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormatArg {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// A readable article.
    Text,
    /// Markdown.
    Markdown,
    /// One JSON object (see the README for the contract).
    Json,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// A file, `-` for standard input, or an http(s) URL.
    input: Option<String>,
    /// How to read the input (detected when not given).
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Seconds to wait for a URL.
    #[arg(long, default_value_t = 20.0)]
    timeout: f64,
}

#[derive(Debug, Args)]
struct ReadArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

#[derive(Debug, Args)]
struct DigestArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Use the sample news page built into nutgraf instead of an input.
    #[arg(long, conflicts_with = "input")]
    example: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    #[command(flatten)]
    length: highlights_cmd::LengthArgs,
}

/// Bytes of the input plus what the transport said about them.
struct Loaded {
    bytes: Vec<u8>,
    content_type: Option<String>,
    name: String,
}

fn load(input: &InputArgs) -> Result<Loaded> {
    let Some(src) = input.input.as_deref() else {
        bail!("no input given: pass a file, `-` for standard input, or an http(s) URL");
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
        if !(input.timeout.is_finite() && input.timeout > 0.0) {
            bail!("--timeout must be a positive number of seconds");
        }
        let opts = fetch::FetchOptions {
            timeout: std::time::Duration::from_secs_f64(input.timeout),
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

fn read_article(loaded: &Loaded, format: Option<InputFormatArg>) -> Result<nutgraf::Article> {
    let options = nutgraf::Options::new()
        .format(format.map(nutgraf::InputFormat::from))
        .content_type(loaded.content_type.clone());
    nutgraf::read(&loaded.bytes, &options)
        .with_context(|| format!("could not read {}", loaded.name))
}

fn run(cli: Cli) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Read(args) => {
            let loaded = load(&args.input)?;
            let article = read_article(&loaded, args.input.input_format)?;
            match args.format {
                OutputFormat::Json => {
                    serde_json::to_writer(&mut out, &article)?;
                    writeln!(out)?;
                }
                OutputFormat::Text => render::text(&mut out, &article)?,
                OutputFormat::Markdown => render::markdown(&mut out, &article)?,
            }
        }
        Command::Digest(args) => {
            let loaded = if args.example {
                Loaded {
                    bytes: nutgraf::EXAMPLE_HTML.as_bytes().to_vec(),
                    content_type: Some("text/html; charset=utf-8".into()),
                    name: "the built-in example page".into(),
                }
            } else {
                load(&args.input)?
            };
            let article = read_article(&loaded, args.input.input_format)?;
            let hl = nutgraf::highlights(&article, &args.length.options());
            match args.format {
                OutputFormat::Json => {
                    let doc = digest_parts(&article, Part::all(), &args.length.options());
                    serde_json::to_writer(&mut out, &doc)?;
                    writeln!(out)?;
                }
                OutputFormat::Text => {
                    render::text(&mut out, &article)?;
                    writeln!(out)?;
                    render::generated_highlights_text(&mut out, &hl)?;
                    writeln!(out)?;
                    quotes_cmd::text(&mut out, &nutgraf::quotes(&article))?;
                }
                OutputFormat::Markdown => {
                    render::markdown(&mut out, &article)?;
                    writeln!(out)?;
                    render::generated_highlights_markdown(&mut out, &hl)?;
                    writeln!(out)?;
                    quotes_cmd::markdown(&mut out, &nutgraf::quotes(&article))?;
                }
            }
        }
        Command::Highlights(args) => {
            let loaded = load(&args.input)?;
            let article = read_article(&loaded, args.input.input_format)?;
            let opts = args.length.options();
            let hl = nutgraf::highlights(&article, &opts);
            if let Some(why) = highlights_cmd::why_none(&article, &opts, &hl) {
                eprintln!("note: {why}");
            }
            match args.format {
                OutputFormat::Json => {
                    serde_json::to_writer(&mut out, &highlights_cmd::to_json(&article, &hl))?;
                    writeln!(out)?;
                }
                OutputFormat::Text => highlights_cmd::text(&mut out, &article, &hl)?,
                OutputFormat::Markdown => highlights_cmd::markdown(&mut out, &article, &hl)?,
            }
        }
        Command::Rouge(args) => rouge_cmd::run(&args, &mut out)?,
        Command::Batch(args) => batch::run(&args)?,
        Command::Serve(args) => serve(&args)?,
        Command::Quotes(args) => quotes_cmd::run(&args, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        // A closed pipe (`nutgraf read x | head`) is not an error worth a message.
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            std::process::exit(0);
        }
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
