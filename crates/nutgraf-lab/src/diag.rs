//! Error analysis of the HTML reader: what became of each block of a page.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use nutgraf::internal::html::{self, Dom};

use crate::io::read_maybe_gz;

/// Prints the raw blocks of an HTML page with the decision taken on each and its owner
/// chain.
#[derive(Debug, Args)]
pub struct BlocksArgs {
    /// An HTML file (`.gz` is gunzipped).
    file: PathBuf,
}

pub fn blocks(args: &BlocksArgs) -> Result<()> {
    let bytes = read_maybe_gz(&args.file)?;
    let text = nutgraf::internal::decode(&bytes, None)?.text;
    let dom = html::parse(&text)?;
    let raw = html::raw_blocks(&dom);
    let sel = html::select(&dom, &raw);
    for r in &sel.roots {
        let n = &dom.nodes[*r];
        println!("ROOT {r} {:?}.{}", n.tag, n.hint);
    }
    for (k, b) in raw.iter().enumerate() {
        let mut chain = Vec::new();
        let mut i = b.owner;
        while i != 0 && chain.len() < 6 {
            let n = &dom.nodes[i];
            chain.push(format!(
                "{:?}.{}",
                n.tag,
                n.hint.chars().take(30).collect::<String>()
            ));
            i = n.parent;
        }
        let kept = sel.owners.contains(&b.owner) && sel.blocks.iter().any(|x| x.text == b.text);
        let decision = sel
            .decisions
            .get(k)
            .map_or("-".to_string(), |d| format!("{d:?}"));
        println!(
            "{} {decision:<14} {:>4} ld={:.2} [{}] {}",
            if kept { "+" } else { "-" },
            b.chars,
            b.link_density(),
            chain.join(" < "),
            b.text.chars().take(80).collect::<String>()
        );
    }
    Ok(())
}

/// For each missed "with" snippet of the snippets set, says what became of the block
/// holding it (outside the article, boilerplate, links...), tallied.
#[derive(Debug, Args)]
pub struct SnippetsArgs {
    /// `cases.jsonl` (page files are found beside it).
    cases: PathBuf,
    /// Print every miss, not only the tally.
    #[arg(long)]
    verbose: bool,
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many levels above the nearest chosen container `owner` sits.
fn levels_up(dom: &Dom, roots: &[usize], owner: usize) -> usize {
    roots
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
        .unwrap_or(99)
}

pub fn snippets(args: &SnippetsArgs) -> Result<()> {
    let base = args
        .cases
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Html);
    for line in crate::io::lines(&args.cases)? {
        let case: serde_json::Value = serde_json::from_str(&line)?;
        let file = case["file"].as_str().context("case without file")?;
        let bytes = read_maybe_gz(&base.join(file))?;
        let text = nutgraf::internal::decode(&bytes, None)?.text;
        let article = nutgraf::read_str(&text, &opts)
            .map(|a| norm(&a.text))
            .unwrap_or_default();
        let dom = html::parse(&text)?;
        let raw = html::raw_blocks(&dom);
        let sel = html::select(&dom, &raw);
        for w in case["with"].as_array().into_iter().flatten() {
            let w = norm(w.as_str().unwrap_or(""));
            if article.contains(&w) {
                continue;
            }
            let why = match raw.iter().position(|b| norm(&b.text).contains(&w)) {
                None => "not in one block".to_string(),
                Some(i) => {
                    let d = sel
                        .decisions
                        .get(i)
                        .map_or("no selection".into(), |d| format!("{d:?}"));
                    if d == "OutsideArticle" {
                        format!(
                            "OutsideArticle, {} level(s) up",
                            levels_up(&dom, &sel.roots, raw[i].owner)
                        )
                    } else {
                        d
                    }
                }
            };
            if args.verbose {
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
