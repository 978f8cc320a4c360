//! The fitting data: each article read as the library reads it, cut into its candidate
//! units with their features, and the targets the methods fit: the units of the
//! **greedy extractive ROUGE oracle** (for the conditional logit) and each unit's own
//! ROUGE against the editors' highlights (for ridge, ListNet and pairwise ranking).

use std::io::BufRead;

use anyhow::Result;
use nutgraf::internal::highlights::Candidates;
use rougers::{Document, RougeScorer, RougeType};

use super::{FitArgs, OracleObjective, Target, Vector};

/// One article with its candidate units and targets.
pub struct Item {
    pub id: String,
    pub article: nutgraf::Article,
    pub candidates: Candidates,
    pub reference: Document,
    /// Per unit, in article order: features and targets.
    pub rows: Vec<Row>,
    /// Units of the greedy extractive oracle.
    pub oracle: Vec<usize>,
    /// How much each oracle unit raised the oracle's score when it was added.
    pub oracle_gain: Vec<f64>,
}

/// One candidate unit: its features and its own ROUGE against the reference.
pub struct Row {
    pub x: Vector,
    /// The `--target` value.
    pub target: f64,
    /// rouge1 recall (what `--pair r1r` orders pairs by).
    pub r1_recall: f64,
}

/// The greedy oracle: repeatedly the unit that most raises rouge1 + rouge2 F1 (with
/// `--oracle-obj r12l` also rougeLsum) of the summary so far, until `--oracle-n` units or
/// no unit raises it. Returns the units in the order chosen and each one's gain.
fn greedy_oracle(
    cfg: &FitArgs,
    scorer: &RougeScorer,
    reference: &Document,
    units: &[String],
) -> (Vec<usize>, Vec<f64>) {
    let mut chosen: Vec<usize> = Vec::new();
    let mut gains: Vec<f64> = Vec::new();
    let mut best_score = 0.0;
    let with_l = cfg.oracle_obj == OracleObjective::R12l;
    while chosen.len() < cfg.oracle_n {
        let mut best: Option<(usize, f64)> = None;
        for k in 0..units.len() {
            if chosen.contains(&k) {
                continue;
            }
            let mut idx = chosen.clone();
            idx.push(k);
            idx.sort_unstable();
            let text: Vec<&str> = idx.iter().map(|&i| units[i].as_str()).collect();
            let s = scorer.score_documents(reference, &scorer.document(&text.join("\n")));
            let v = s.get(RougeType::N(1)).map_or(0.0, |x| x.fmeasure)
                + s.get(RougeType::N(2)).map_or(0.0, |x| x.fmeasure)
                + if with_l {
                    s.get(RougeType::LSum).map_or(0.0, |x| x.fmeasure)
                } else {
                    0.0
                };
            if best.is_none_or(|(_, b)| v > b) {
                best = Some((k, v));
            }
        }
        match best {
            Some((k, v)) if v > best_score + 1e-9 => {
                chosen.push(k);
                gains.push(v - best_score);
                best_score = v;
            }
            _ => break,
        }
    }
    (chosen, gains)
}

/// The regression target of one unit (`--target`): by default the mean of its rouge1
/// and rouge2 F1 against the reference (how much of the highlights it says, and how
/// tightly).
fn unit_target(cfg: &FitArgs, scorer: &RougeScorer, reference: &Document, unit: &str) -> f64 {
    let s = scorer.score_documents(reference, &scorer.document(unit));
    let f = |t| s.get(t).map_or(0.0, |x: rougers::Score| x.fmeasure);
    let recall = |t| s.get(t).map_or(0.0, |x: rougers::Score| x.recall);
    match cfg.target {
        Target::R2r => recall(RougeType::N(2)),
        Target::R1r => recall(RougeType::N(1)),
        Target::R12r => 0.5 * (recall(RougeType::N(1)) + recall(RougeType::N(2))),
        Target::F12 => 0.5 * (f(RougeType::N(1)) + f(RougeType::N(2))),
    }
}

/// One JSONL row as an [`Item`]; `None` when the library cannot read the article.
fn item(cfg: &FitArgs, scorer: &RougeScorer, v: &serde_json::Value) -> Option<Item> {
    let text = v["article"].as_str().unwrap_or("");
    let reference: Vec<&str> = v["highlights"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Article);
    let article = nutgraf::read_str(text, &opts).ok()?;
    let candidates = Candidates::new(&article);
    let reference = scorer.document(&reference.join("\n"));
    let chars: Vec<char> = article.text.chars().collect();
    let unit_texts: Vec<String> = candidates
        .features()
        .map(|u| chars[u.start..u.end].iter().collect())
        .collect();
    let (oracle, oracle_gain) = greedy_oracle(cfg, scorer, &reference, &unit_texts);
    let rows = candidates
        .features()
        .zip(&unit_texts)
        .map(|(u, unit)| {
            let r1_recall = scorer
                .score_documents(&reference, &scorer.document(unit))
                .get(RougeType::N(1))
                .map_or(0.0, |x| x.recall);
            Row {
                x: u.values,
                target: unit_target(cfg, scorer, &reference, unit),
                r1_recall,
            }
        })
        .collect();
    Some(Item {
        id: v["id"].as_str().unwrap_or("").to_string(),
        article,
        candidates,
        reference,
        rows,
        oracle,
        oracle_gain,
    })
}

/// Reads the articles of `--data` (`{"id", "article", "highlights": [..]}` per line),
/// their candidate units, the oracle and the units' targets. Articles the library cannot
/// read are skipped.
pub fn read_items(cfg: &FitArgs, scorer: &RougeScorer) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&cfg.data)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        items.extend(item(cfg, scorer, &v));
    }
    Ok(items)
}
