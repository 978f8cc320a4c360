//! For each missed "with" snippet of the snippets evaluation, says what became of the
//! block holding it (outside the article, boilerplate, links...). Error analysis only.
//! Usage: cargo run --release --example snip_diag -- CASES.jsonl
use std::collections::BTreeMap;
use std::io::{BufRead, Read};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases = std::env::args()
        .nth(1)
        .ok_or("usage: snip_diag CASES.jsonl")?;
    let base = std::path::Path::new(&cases)
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let verbose = std::env::var_os("VERBOSE").is_some();
    for line in std::io::BufReader::new(std::fs::File::open(&cases)?).lines() {
        let case: serde_json::Value = serde_json::from_str(&line?)?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(
            base.join(case["file"].as_str().unwrap_or("")),
        )?)
        .read_to_end(&mut bytes)?;
        let text = nutgraf::page::decode(&bytes, None)?.text;
        let article = nutgraf::read_str(&text, Some(nutgraf::InputFormat::Html))
            .map(|a| norm(&a.text))
            .unwrap_or_default();
        let doc = scraper::Html::parse_document(&nutgraf::html::prescan::strip_raw_text(&text));
        let dom = nutgraf::html::dom::Dom::from_html(&doc);
        let raw = nutgraf::html::blocks::raw_blocks(&dom);
        let sel = nutgraf::html::select::select(&dom, &raw);
        for w in case["with"].as_array().into_iter().flatten() {
            let w = norm(w.as_str().unwrap_or(""));
            if article.contains(&w) {
                continue;
            }
            let pos = raw.iter().position(|b| norm(&b.text).contains(&w));
            let why = match pos {
                None => "not in one block".to_string(),
                Some(i) => {
                    let d = sel
                        .decisions
                        .get(i)
                        .map_or("no selection".into(), |d| format!("{d:?}"));
                    if d == "OutsideArticle" {
                        // levels from the nearest chosen container up to the common ancestor
                        let owner = raw[i].owner;
                        let up = sel
                            .roots
                            .iter()
                            .map(|&r| {
                                let (mut a, mut k) = (r, 0);
                                while !dom.contains(a, owner) {
                                    a = dom.nodes[a].parent;
                                    k += 1;
                                }
                                k
                            })
                            .min()
                            .unwrap_or(99);
                        format!("OutsideArticle, {up} level(s) up")
                    } else {
                        d
                    }
                }
            };
            if verbose {
                println!("{} {why}: {}", case["id"], w);
            }
            *tally.entry(why).or_default() += 1;
        }
    }
    for (k, v) in tally {
        println!("{v:5} {k}");
    }
    Ok(())
}
