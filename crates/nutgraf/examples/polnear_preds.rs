//! Writes `{"id", "quotes"}` predictions for a PolNeAR-format JSONL file (each row's
//! `text` read with `--input-format article`), for `score_quotes.py`.
//! Usage: cargo run --release -p nutgraf --example polnear_preds -- GOLD.jsonl [SPLIT] > preds.jsonl
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .ok_or("usage: polnear_preds GOLD.jsonl [SPLIT]")?;
    let split = args.get(2);
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(split) = split {
            if row["split"].as_str() != Some(split.as_str()) {
                continue;
            }
        }
        let text = row["text"].as_str().unwrap_or_default();
        let quotes = match nutgraf::read_str(text, Some(nutgraf::InputFormat::Article)) {
            Ok(article) => nutgraf::quotes(&article),
            Err(_) => Vec::new(),
        };
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": row["id"], "quotes": quotes})
        )?;
    }
    Ok(())
}
