//! `nutgraf-lab`: the programs that measure and fit nutgraf, kept out of the library
//! and its binary. They reach the library's internals through its `_internal` feature,
//! which is no API: it changes whenever the library does.
//!
//! ```sh
//! cargo run --release -p nutgraf-lab -- --help
//! ```
//!
//! `scripts/eval.sh` runs the prediction subcommands and scores their output with the
//! official scorers in `../shared/eval`.
#![forbid(unsafe_code)]

mod bench;
mod cnndm;
mod diag;
mod fit;
mod io;
mod preds;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "nutgraf-lab",
    version,
    about = "Evaluation, fitting, benchmarks and diagnostics for nutgraf"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Main-text predictions `{"id","text"}` for an AEB-style set (score_extract.py).
    ExtractPreds(preds::ExtractArgs),
    /// Predictions for the snippets set (score_snippets.py).
    SnippetsPreds(preds::SnippetsArgs),
    /// Quote predictions for a PolNeAR-format file (score_quotes.py).
    QuotesPreds(preds::QuotesArgs),
    /// Fits the highlight model's weights (cross-validated; `--write` writes weights.rs).
    FitHighlights(fit::FitArgs),
    /// Scores highlights against CNN/DM editors' highlights (ROUGE), beside Lead-3.
    CnndmEval(cnndm::CnndmArgs),
    /// Diagnostics: the blocks of one HTML page and the decision on each.
    Blocks(diag::BlocksArgs),
    /// Diagnostics: what became of the snippets set's missed snippets.
    SnippetMisses(diag::SnippetsArgs),
    /// Benchmark: `read` over a folder of pages, one thread.
    BenchRead(bench::ReadArgs),
    /// Benchmark: `quotes` over articles, one thread.
    BenchQuotes(bench::QuotesArgs),
    /// Benchmark: `highlights` over articles, one thread.
    BenchHighlights(bench::HighlightsArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::ExtractPreds(a) => preds::extract(a),
        Command::SnippetsPreds(a) => preds::snippets(a),
        Command::QuotesPreds(a) => preds::quotes(a),
        Command::FitHighlights(a) => fit::run(a),
        Command::CnndmEval(a) => cnndm::run(a),
        Command::Blocks(a) => diag::blocks(a),
        Command::SnippetMisses(a) => diag::snippets(a),
        Command::BenchRead(a) => bench::read(a),
        Command::BenchQuotes(a) => bench::quotes(a),
        Command::BenchHighlights(a) => bench::highlights(a),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nutgraf-lab: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
