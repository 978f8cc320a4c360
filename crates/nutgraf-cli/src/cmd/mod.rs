//! One module per subcommand, each with its clap arguments (`…Args`) and its `run`.

use clap::ValueEnum;

pub mod batch;
pub mod digest;
pub mod highlights;
pub mod quotes;
pub mod read;
pub mod rouge;
pub mod serve;

/// `--format` of `read`, `digest`, `highlights` and `quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable article.
    Text,
    /// Markdown.
    Markdown,
    /// One JSON object (see the README for the contract).
    Json,
}
