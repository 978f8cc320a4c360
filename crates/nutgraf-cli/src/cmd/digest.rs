//! `nutgraf digest`: everything nutgraf knows about a page, as one document.

use std::io::Write;

use anyhow::{Context, Result};
use clap::Args;

use super::highlights::LengthArgs;
use super::{quotes, OutputFormat};
use crate::input::{self, InputArgs, Loaded};
use crate::render;

#[derive(Debug, Args)]
pub struct DigestArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Use the sample news page built into nutgraf instead of an input.
    #[arg(long, conflicts_with = "input")]
    example: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    #[command(flatten)]
    length: LengthArgs,
}

/// Runs `nutgraf digest`: the library's [`nutgraf::digest`], as JSON or rendered.
pub fn run(args: &DigestArgs, out: &mut impl Write) -> Result<()> {
    let loaded = if args.example {
        Loaded::example()
    } else {
        input::load(&args.input)?
    };
    let options = args.length.apply(loaded.options(&args.input)?);
    let digest = nutgraf::digest(loaded.read(&options)?, &options)
        .with_context(|| format!("could not digest {}", loaded.name))?;
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut *out, &digest)?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            render::text(out, &digest.article)?;
            writeln!(out)?;
            render::generated_highlights_text(out, &digest.highlights)?;
            writeln!(out)?;
            quotes::text(out, &digest.quotes)?;
        }
        OutputFormat::Markdown => {
            render::markdown(out, &digest.article)?;
            writeln!(out)?;
            render::generated_highlights_markdown(out, &digest.highlights)?;
            writeln!(out)?;
            quotes::markdown(out, &digest.quotes)?;
        }
    }
    Ok(())
}
