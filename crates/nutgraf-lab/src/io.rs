//! Small file helpers shared by the subcommands.

use std::io::{BufRead, BufWriter, Read, StdoutLock};
use std::path::Path;

use anyhow::{Context, Result};

/// A file's bytes, gunzipped when its name ends in `.gz`.
pub fn read_maybe_gz(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        flate2::read::GzDecoder::new(f)
            .read_to_end(&mut bytes)
            .with_context(|| format!("gunzipping {}", path.display()))?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(bytes)
}

/// The non-blank lines of a text file.
pub fn lines(path: &Path) -> Result<Vec<String>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line?;
        if !line.trim().is_empty() {
            out.push(line);
        }
    }
    Ok(out)
}

/// Buffered standard output.
pub fn stdout_lines() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}
