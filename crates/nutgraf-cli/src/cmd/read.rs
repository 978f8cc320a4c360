//! `nutgraf read`: a page read into a clean article.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::OutputFormat;
use crate::input::{self, InputArgs};
use crate::render;

#[derive(Debug, Args)]
pub struct ReadArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// Runs `nutgraf read`.
pub fn run(args: &ReadArgs, out: &mut impl Write) -> Result<()> {
    let article = input::read_article(&args.input)?;
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut *out, &article)?;
            writeln!(out)?;
        }
        OutputFormat::Text => render::text(out, &article)?,
        OutputFormat::Markdown => render::markdown(out, &article)?,
    }
    Ok(())
}
