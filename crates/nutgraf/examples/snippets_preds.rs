//! Writes predictions for the snippets evaluation pages (`score_snippets.py`):
//! one `{"id", "text", "title", "authors", "published"}` line per page.
//!
//! Usage: `cargo run --release --example snippets_preds -- CASES.jsonl > preds.jsonl`
use std::io::{BufRead, Read, Write};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases = std::env::args()
        .nth(1)
        .ok_or("usage: snippets_preds CASES.jsonl > preds.jsonl")?;
    let base = Path::new(&cases)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(&cases)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let case: serde_json::Value = serde_json::from_str(&line)?;
        let id = case["id"].as_str().ok_or("case without id")?;
        let file = case["file"].as_str().ok_or("case without file")?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(base.join(file))?)
            .read_to_end(&mut bytes)?;
        let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Html);
        let pred = match nutgraf::read(&bytes, &opts) {
            Ok(a) => serde_json::json!({
                "id": id, "text": a.text, "title": a.title, "authors": a.authors,
                "published": a.published,
            }),
            Err(e) => {
                eprintln!("{id}: {e}");
                serde_json::json!({"id": id, "text": ""})
            }
        };
        writeln!(out, "{pred}")?;
    }
    Ok(())
}
