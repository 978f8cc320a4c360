//! Writes `{"id", "text"}` predictions for the AEB pages (HTML or text dumps).
//! Usage: cargo run --release --example aeb_preds -- <aeb dir> html|text > preds.jsonl
use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("../shared/data/aeb"),
    );
    let mode = args.get(2).map(String::as_str).unwrap_or("html");
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?)?;
    let mut ids: Vec<&String> = gold.as_object().ok_or("bad gold")?.keys().collect();
    ids.sort();
    let out = std::io::stdout();
    let mut out = out.lock();
    for id in ids {
        let bytes = if mode == "html" {
            let f = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz")))?;
            let mut v = Vec::new();
            flate2::read::GzDecoder::new(f).read_to_end(&mut v)?;
            v
        } else {
            std::fs::read(dir.join("text").join(format!("{id}.txt")))?
        };
        let fmt = if mode == "html" {
            nutgraf::InputFormat::Html
        } else {
            nutgraf::InputFormat::Dump
        };
        let opts = nutgraf::Options::new().format(fmt);
        let text = match nutgraf::read(&bytes, &opts) {
            Ok(a) => a.text,
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        writeln!(out, "{}", serde_json::json!({"id": id, "text": text}))?;
    }
    Ok(())
}
