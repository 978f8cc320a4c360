//! `nutgraf`: read news pages the way an editor does.
//!
//! This file only parses the command line, hands it to the subcommand's module in
//! [`cmd`], and turns an error into a message and an exit code.
#![forbid(unsafe_code)]

mod cmd;
mod fetch;
mod input;
mod render;

use std::io::Write;

use anyhow::Result;
use clap::{CommandFactory, Parser, Subcommand};

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
    Read(cmd::read::ReadArgs),
    /// Everything nutgraf knows about a page, as one document.
    Digest(cmd::digest::DigestArgs),
    /// The story's highlights: a few of its own sentences that tell the story.
    Highlights(cmd::highlights::HighlightsArgs),
    /// ROUGE-1/2/Lsum of candidate summaries against references.
    Rouge(cmd::rouge::RougeArgs),
    /// Who said what: attributed statements and their speakers.
    Quotes(cmd::quotes::QuotesArgs),
    /// Digest many pages: JSONL, folders, WARC files → one JSON line per page.
    #[command(long_about = cmd::batch::LONG_ABOUT)]
    Batch(cmd::batch::BatchArgs),
    /// Run the HTTP service and its web page.
    Serve(cmd::serve::ServeArgs),
}

impl Command {
    /// The subcommand's name on the command line.
    fn name(&self) -> &'static str {
        match self {
            Command::Read(_) => "read",
            Command::Digest(_) => "digest",
            Command::Highlights(_) => "highlights",
            Command::Rouge(_) => "rouge",
            Command::Quotes(_) => "quotes",
            Command::Batch(_) => "batch",
            Command::Serve(_) => "serve",
        }
    }
}

/// Runs the command; returns the exit code of a run that did not fail.
fn run(cli: Cli) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Read(args) => cmd::read::run(&args, &mut out)?,
        Command::Digest(args) => cmd::digest::run(&args, &mut out)?,
        Command::Highlights(args) => cmd::highlights::run(&args, &mut out)?,
        Command::Rouge(args) => cmd::rouge::run(&args, &mut out)?,
        Command::Quotes(args) => cmd::quotes::run(&args, &mut out)?,
        Command::Batch(args) => return cmd::batch::run(&args),
        Command::Serve(args) => cmd::serve::run(&args)?,
    }
    out.flush()?;
    Ok(0)
}

fn main() {
    let cli = Cli::parse();
    let name = cli.command.name();
    let code = run(cli).unwrap_or_else(|e| {
        // A closed pipe (`nutgraf read x | head`) is not an error worth a message.
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            std::process::exit(0);
        }
        if let Some(usage) = e.downcast_ref::<input::UsageError>() {
            // Worded and coded like clap's own usage errors.
            let mut cli = Cli::command();
            cli.build();
            let mut sub = cli.find_subcommand(name).cloned().unwrap_or(cli);
            sub.error(clap::error::ErrorKind::MissingRequiredArgument, usage)
                .exit();
        }
        eprintln!("error: {e:#}");
        1
    });
    std::process::exit(code);
}
