//! Runs `nutgraf::html::metadata::extract` over the snippets evaluation pages and
//! writes one prediction line per page (for `score_snippets.py`).
//!
//! Usage: `cargo run --release --example meta_eval -- CASES.jsonl PRED.jsonl`

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::Path;

fn decode(bytes: &[u8]) -> String {
    // Honour a declared charset in the first few KB; otherwise UTF-8 (lossy).
    let head_len = bytes.len().min(4096);
    let head = String::from_utf8_lossy(&bytes[..head_len]).to_ascii_lowercase();
    if let Some(pos) = head.find("charset=") {
        let rest = &head[pos + 8..];
        let rest = rest.trim_start_matches(['"', '\'', ' ']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if enc != encoding_rs::UTF_8 {
                let (text, _, _) = enc.decode(bytes);
                return text.into_owned();
            }
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let cases = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/snippets/cases.jsonl".to_string());
    let out = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "preds.jsonl".to_string());
    let base = Path::new(&cases)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let reader = std::io::BufReader::new(std::fs::File::open(&cases)?);
    let mut writer = BufWriter::new(std::fs::File::create(&out)?);
    let mut total = std::time::Duration::ZERO;
    let mut pages = 0usize;
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let case: serde_json::Value = serde_json::from_str(&line)?;
        let id = case["id"].as_str().unwrap_or_default().to_string();
        let file = case["file"].as_str().unwrap_or_default();
        let gz = std::fs::read(base.join(file))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut bytes)?;
        let text = decode(&bytes);
        let start = std::time::Instant::now();
        let doc = scraper::Html::parse_document(&text);
        let meta = nutgraf::html::metadata::extract(&doc);
        total += start.elapsed();
        pages += 1;
        let debug = std::env::var_os("META_DEBUG").is_some();
        let grab = |css: &str| -> Vec<String> {
            if !debug {
                return Vec::new();
            }
            let Ok(sel) = scraper::Selector::parse(css) else {
                return Vec::new();
            };
            doc.select(&sel)
                .take(5)
                .map(|e| {
                    e.value()
                        .attr("content")
                        .map(str::to_string)
                        .unwrap_or_else(|| e.text().collect::<String>())
                })
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        };
        let pred = serde_json::json!({
            "dbg_h1": grab("h1"),
            "dbg_title": grab("title"),
            "dbg_og": grab("meta[property='og:title']"),
            "id": id,
            "text": "",
            "title": meta.title,
            "authors": meta.authors,
            "published": meta.published,
            "outlet": meta.outlet,
            "language": meta.language,
            "tags": meta.tags,
            "description": meta.description,
        });
        writeln!(writer, "{pred}")?;
    }
    writer.flush()?;
    eprintln!(
        "{pages} pages, parse+extract {:.1} ms/page",
        total.as_secs_f64() * 1000.0 / pages.max(1) as f64
    );
    Ok(())
}
