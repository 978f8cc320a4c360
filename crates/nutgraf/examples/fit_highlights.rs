//! Fits the weights of the highlight scorer (`crates/nutgraf/src/highlights.rs`) on a
//! JSONL of articles with editors' highlights, by coordinate ascent on the mean ROUGE
//! of the chosen highlights, and checks them by cross-validation over articles.
//!
//! ```sh
//! cargo run --release -p nutgraf --example fit_highlights -- ../shared/data/cnndm/dev.jsonl
//! ```
//!
//! - Objective: mean over articles of rouge1 + rouge2 + rougeLsum F1 (stemmed, the
//!   rouge-score conventions through the `rougers` crate) of the highlights the model
//!   chooses, with the default options (3 or 4 sentences).
//! - What is fitted: the feature weights (the bias is irrelevant to the choice and stays
//!   0), the redundancy penalty and the article length from which 4 sentences are written
//!   instead of 3: 17 numbers shared by all articles (features, not articles).
//! - Held-out check: 5 folds by a hash of the article id; each fold is scored with the
//!   weights fitted on the other four. Then the weights are fitted on all articles and
//!   printed as the Rust constants to paste into highlights.rs.
use std::io::BufRead;

use nutgraf::highlights::{Candidates, HighlightOptions, Model, FEATURE_NAMES, N_FEATURES};
use rougers::{Document, RougeScorer, RougeType};

struct Item {
    id: String,
    article: nutgraf::Article,
    candidates: Candidates,
    reference: Document,
}

/// Mean (rouge1, rouge2, rougeLsum) F1 of `model` over `items`.
fn evaluate(scorer: &RougeScorer, items: &[&Item], model: &Model) -> [f64; 3] {
    let opts = HighlightOptions::default();
    let mut sum = [0.0; 3];
    for item in items {
        let hl = item.candidates.choose(&item.article, &opts, model);
        let text: Vec<&str> = hl.iter().map(|h| h.text.as_str()).collect();
        let cand = scorer.document(&text.join("\n"));
        let s = scorer.score_documents(&item.reference, &cand);
        for (slot, t) in sum
            .iter_mut()
            .zip([RougeType::N(1), RougeType::N(2), RougeType::LSum])
        {
            *slot += s.get(t).map_or(0.0, |x| x.fmeasure);
        }
    }
    let n = items.len().max(1) as f64;
    sum.map(|x| x / n)
}

fn objective(s: [f64; 3]) -> f64 {
    s[0] + s[1] + s[2]
}

const LONG_CHOICES: [usize; 7] = [300, 400, 500, 600, 700, 900, usize::MAX];

fn fit(scorer: &RougeScorer, items: &[&Item], start: &Model) -> Model {
    let mut best = start.clone();
    let mut best_obj = objective(evaluate(scorer, items, &best));
    for step in [1.0, 0.3, 0.1, 0.03] {
        loop {
            let mut improved = false;
            // Weights (skip the bias, index 0), then the redundancy penalty.
            for p in 1..=N_FEATURES {
                for dir in [1.0, -1.0] {
                    let mut m = best.clone();
                    if p == N_FEATURES {
                        m.redundancy = (m.redundancy + dir * step).max(0.0);
                    } else {
                        m.weights[p] += dir * step;
                    }
                    let o = objective(evaluate(scorer, items, &m));
                    if o > best_obj + 1e-9 {
                        best = m;
                        best_obj = o;
                        improved = true;
                    }
                }
            }
            for &l in &LONG_CHOICES {
                let mut m = best.clone();
                m.long_article_words = l;
                let o = objective(evaluate(scorer, items, &m));
                if o > best_obj + 1e-9 {
                    best = m;
                    best_obj = o;
                    improved = true;
                }
            }
            if !improved {
                break;
            }
        }
    }
    best
}

fn fold_of(id: &str) -> usize {
    // FNV-1a of the id: a fixed split that does not depend on file order.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % 5) as usize
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: fit_highlights FILE.jsonl")?;
    let scorer = RougeScorer::new(["rouge1", "rouge2", "rougeLsum"], true)?;
    let mut items = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let text = v["article"].as_str().unwrap_or("");
        let reference: Vec<&str> = v["highlights"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let Ok(article) = nutgraf::read_str(text, Some(nutgraf::InputFormat::Article)) else {
            continue;
        };
        let candidates = Candidates::new(&article);
        items.push(Item {
            id: v["id"].as_str().unwrap_or("").to_string(),
            article,
            candidates,
            reference: scorer.document(&reference.join("\n")),
        });
    }
    eprintln!("{} articles", items.len());
    let start = Model::default();
    let all: Vec<&Item> = items.iter().collect();
    let show = |s: [f64; 3]| {
        format!(
            "{:.2}/{:.2}/{:.2}",
            100.0 * s[0],
            100.0 * s[1],
            100.0 * s[2]
        )
    };
    println!(
        "shipped model on all articles: {}",
        show(evaluate(&scorer, &all, &start))
    );

    let mut held = [0.0; 3];
    for f in 0..5 {
        let train: Vec<&Item> = items.iter().filter(|i| fold_of(&i.id) != f).collect();
        let test: Vec<&Item> = items.iter().filter(|i| fold_of(&i.id) == f).collect();
        let m = fit(&scorer, &train, &start);
        let tr = evaluate(&scorer, &train, &m);
        let te = evaluate(&scorer, &test, &m);
        println!(
            "fold {f}: train {} ({} articles), held-out {} ({} articles)",
            show(tr),
            train.len(),
            show(te),
            test.len()
        );
        for (h, x) in held.iter_mut().zip(te) {
            *h += x * test.len() as f64;
        }
    }
    let n = items.len().max(1) as f64;
    println!(
        "cross-validated (held-out) R1/R2/RLsum: {}",
        show(held.map(|x| x / n))
    );

    let m = fit(&scorer, &all, &start);
    println!("fitted on all: {}", show(evaluate(&scorer, &all, &m)));
    println!("const FITTED_WEIGHTS: [f64; N_FEATURES] = [");
    for (name, w) in FEATURE_NAMES.iter().zip(m.weights) {
        println!("    {w:.2}, // {name}");
    }
    println!("];");
    println!("const FITTED_REDUNDANCY: f64 = {:.2};", m.redundancy);
    if m.long_article_words == usize::MAX {
        println!("const FITTED_LONG_ARTICLE_WORDS: usize = usize::MAX;");
    } else {
        println!(
            "const FITTED_LONG_ARTICLE_WORDS: usize = {};",
            m.long_article_words
        );
    }
    Ok(())
}
