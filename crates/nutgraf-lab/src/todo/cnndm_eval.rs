//! Scores nutgraf's highlights against editors' highlights on a JSONL of articles
//! (CNN/DailyMail style: `{"id", "article", "highlights": [..], "text_quality"}`), with
//! Lead-3 from the same sentence splitter in the same run.
//!
//! ```sh
//! cargo run --release -p nutgraf --example cnndm_eval -- ../shared/data/cnndm/dev.jsonl
//! ```
//!
//! Scores: rouge-score conventions (via the `rougers` crate): stemmed rouge1, rouge2 and
//! rougeLsum F1 × 100, highlights joined by "\n", mean over articles, per `text_quality`
//! slice and overall.
//!
//! Options:
//! - `--model FILE` — per-fold models as written by `fit_highlights FILE.jsonl --folds
//!   OUT.json`, JSON `{"folds": [{"ids": [..], "weights": [..], "redundancy": x}]}`:
//!   each article is summarized with the model of the fold that holds its id
//!   (cross-validation: the fold's model was fitted without it).
//! - `--dump-features FILE` — one JSON line per candidate unit: id, index, features and
//!   its own ROUGE against the reference (the fitting targets).
//! - `--per-article FILE` — one JSON line per article with both systems' scores, the
//!   highlights written and the reference.
//! - `-n N` — fixed sentence count for nutgraf's highlights.
//! - `--words W` — a word budget for nutgraf's highlights.
//! - `--trim BITS` — which trims to apply (bits of `TRIM_DATELINE` 1, `TRIM_PAREN` 2,
//!   `TRIM_ATTRIBUTION` 4; default: the shipped model's).
//! - `--redundancy X` — the redundancy penalty (MMR λ) instead of the model's.
//! - `--systems FILE` — also score the published systems of `dev-systems.jsonl` on the
//!   articles each covers, beside nutgraf and Lead-3 on the same articles.
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};

use nutgraf::highlights::{self, HighlightOptions, Model, N_FEATURES};
use rougers::{RougeScorer, RougeType};

#[derive(Default, Clone, Copy)]
struct Sum {
    n: usize,
    r1: f64,
    r2: f64,
    rl: f64,
}

impl Sum {
    fn add(&mut self, s: [f64; 3]) {
        self.n += 1;
        self.r1 += s[0];
        self.r2 += s[1];
        self.rl += s[2];
    }
    fn show(&self) -> String {
        let n = self.n.max(1) as f64;
        format!(
            "{:6.2} {:6.2} {:6.2}",
            100.0 * self.r1 / n,
            100.0 * self.r2 / n,
            100.0 * self.rl / n
        )
    }
}

fn f1s(scorer: &RougeScorer, reference: &str, candidate: &str) -> [f64; 3] {
    let s = scorer.score(reference, candidate);
    let f = |t| s.get(t).map_or(0.0, |x: rougers::Score| x.fmeasure);
    [f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::LSum)]
}

fn model_from_json(v: &serde_json::Value) -> Result<Model, Box<dyn std::error::Error>> {
    let mut m = Model::default();
    let w = v["weights"].as_array().ok_or("model: no weights")?;
    if w.len() != N_FEATURES {
        return Err(format!("model: {} weights, expected {N_FEATURES}", w.len()).into());
    }
    for (slot, x) in m.weights.iter_mut().zip(w) {
        *slot = x.as_f64().ok_or("model: weight not a number")?;
    }
    if let Some(r) = v["redundancy"].as_f64() {
        m.redundancy = r;
    }
    Ok(m)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut model_file = None;
    let mut dump = None;
    let mut per_article = None;
    let mut fixed_n = None;
    let mut word_budget = None;
    let mut trim = None;
    let mut redundancy = None;
    let mut systems = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--model" => model_file = it.next().cloned(),
            "--dump-features" => dump = it.next().cloned(),
            "--per-article" => per_article = it.next().cloned(),
            "--systems" => systems = it.next().cloned(),
            "--trim" => trim = Some(it.next().ok_or("--trim needs a number")?.parse::<u32>()?),
            "--redundancy" => redundancy = Some(it.next().ok_or("needs a number")?.parse::<f64>()?),
            "--words" => {
                word_budget = Some(
                    it.next()
                        .ok_or("--words needs a number")?
                        .parse::<usize>()?,
                )
            }
            "-n" => fixed_n = Some(it.next().ok_or("-n needs a number")?.parse::<usize>()?),
            _ => path = Some(a.clone()),
        }
    }
    let path = path.ok_or(
        "usage: cnndm_eval FILE.jsonl [--model M] [--dump-features F] [--per-article F] [-n N]",
    )?;

    let mut fold_models: HashMap<String, Model> = HashMap::new();
    if let Some(mf) = &model_file {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(mf)?)?;
        for fold in v["folds"].as_array().ok_or("model: no folds")? {
            let mut m = model_from_json(fold)?;
            if let Some(t) = trim {
                m.trim = t;
            }
            if let Some(r) = redundancy {
                m.redundancy = r;
            }
            for id in fold["ids"].as_array().ok_or("model: fold without ids")? {
                fold_models.insert(id.as_str().ok_or("model: id")?.to_string(), m.clone());
            }
        }
    }
    let mut default_model = Model::default();
    if let Some(t) = trim {
        default_model.trim = t;
    }
    if let Some(r) = redundancy {
        default_model.redundancy = r;
    }
    let scorer = RougeScorer::new(["rouge1", "rouge2", "rougeLsum"], true)?;
    let mut dump_out = dump
        .map(|p| std::fs::File::create(p).map(std::io::BufWriter::new))
        .transpose()?;
    let mut per_out = per_article
        .map(|p| std::fs::File::create(p).map(std::io::BufWriter::new))
        .transpose()?;

    let mut ours: BTreeMap<String, Sum> = BTreeMap::new();
    let mut lead3: BTreeMap<String, Sum> = BTreeMap::new();
    let mut lead3u: BTreeMap<String, Sum> = BTreeMap::new();
    let mut words_ours = 0usize;
    // Per article id: reference, nutgraf's and Lead-3's scores (for `--systems`).
    let mut by_id: HashMap<String, (String, [f64; 3], [f64; 3])> = HashMap::new();
    let mut words_lead = 0usize;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let id = v["id"].as_str().unwrap_or("").to_string();
        let text = v["article"].as_str().unwrap_or("");
        let slice = v["text_quality"].as_str().unwrap_or("all").to_string();
        let reference: Vec<&str> = v["highlights"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let reference = reference.join("\n");
        let Ok(article) = nutgraf::read_str(text, &nutgraf::Options::new().format(nutgraf::InputFormat::Article)) else {
            eprintln!("{id}: could not read the article");
            continue;
        };
        let model = fold_models.get(&id).unwrap_or(&default_model);
        let opts = HighlightOptions {
            sentences: fixed_n,
            words: word_budget,
            ..HighlightOptions::default()
        };
        let hl = highlights::highlights_with(&article, &opts, model);
        let cand: Vec<&str> = hl.iter().map(|h| h.text.as_str()).collect();
        let cand = cand.join("\n");
        // Lead-3: the splitter's first three sentences, and the first three units.
        let lead: Vec<String> = article
            .sentences
            .iter()
            .take(3)
            .map(|s| {
                article
                    .text
                    .chars()
                    .skip(s.start)
                    .take(s.end - s.start)
                    .collect()
            })
            .collect();
        let lead = lead.join("\n");
        let lead_u: Vec<String> = highlights::lead(&article, 3)
            .into_iter()
            .map(|h| h.text)
            .collect();
        let lead_u = lead_u.join("\n");
        let s_lead_u = f1s(&scorer, &reference, &lead_u);
        let s_ours = f1s(&scorer, &reference, &cand);
        let s_lead = f1s(&scorer, &reference, &lead);
        by_id.insert(id.clone(), (reference.clone(), s_ours, s_lead));
        words_ours += cand.split_whitespace().count();
        words_lead += lead.split_whitespace().count();
        for key in [slice.clone(), "ALL".to_string()] {
            ours.entry(key.clone()).or_default().add(s_ours);
            lead3.entry(key.clone()).or_default().add(s_lead);
            lead3u.entry(key).or_default().add(s_lead_u);
        }
        if let Some(out) = per_out.as_mut() {
            let rec = serde_json::json!({"id": id, "slice": slice, "ours": s_ours, "lead3": s_lead, "lead3u": s_lead_u,
                "n": hl.len(), "words": cand.split_whitespace().count(),
                "ref_words": reference.split_whitespace().count(),
                "sentences": article.sentences.len(),
                "highlights": hl.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(),
                "reference": reference});
            writeln!(out, "{rec}")?;
        }
        if let Some(out) = dump_out.as_mut() {
            let total_words: usize = text.split_whitespace().count();
            for (k, u) in highlights::features(&article).iter().enumerate() {
                let unit: String = article
                    .text
                    .chars()
                    .skip(u.start)
                    .take(u.end - u.start)
                    .collect();
                let s = scorer.score(&reference, &unit);
                let g = |t| s.get(t).unwrap_or_default();
                let (r1, r2) = (g(RougeType::N(1)), g(RougeType::N(2)));
                let rec = serde_json::json!({
                    "id": id, "slice": slice, "k": k, "words": u.words, "text": unit,
                    "article_words": total_words, "ref_words": reference.split_whitespace().count(),
                    "x": u.values.to_vec(),
                    "r1p": r1.precision, "r1r": r1.recall, "r1f": r1.fmeasure,
                    "r2p": r2.precision, "r2r": r2.recall, "r2f": r2.fmeasure,
                });
                writeln!(out, "{rec}")?;
            }
        }
    }
    println!("ROUGE F1 x100 (rouge1 rouge2 rougeLsum), stemmed, highlights joined by \\n");
    println!(
        "{:<34} {:>4}  {:^20}  {:^20}  {:^20}",
        "slice", "n", "nutgraf", "Lead-3 (sentences)", "Lead-3 (units)"
    );
    let row = |k: &str, s: &Sum| {
        let l = lead3.get(k).copied().unwrap_or_default();
        let lu = lead3u.get(k).copied().unwrap_or_default();
        println!(
            "{:<34} {:>4}  {}  {}  {}",
            k,
            s.n,
            s.show(),
            l.show(),
            lu.show()
        );
    };
    for (k, s) in &ours {
        if k != "ALL" {
            row(k, s);
        }
    }
    let all = ours.get("ALL").copied().unwrap_or_default();
    let la = lead3.get("ALL").copied().unwrap_or_default();
    let lu = lead3u.get("ALL").copied().unwrap_or_default();
    row("ALL", &all);
    let n = all.n.max(1) as f64;
    println!(
        "mean words: nutgraf {:.1}, Lead-3 (sentences) {:.1}; R1 nutgraf - Lead-3: {:+.2} (sentences), {:+.2} (units)",
        words_ours as f64 / n,
        words_lead as f64 / n,
        100.0 * (all.r1 - la.r1) / n,
        100.0 * (all.r1 - lu.r1) / n
    );
    if let Some(sys_path) = systems {
        compare_systems(&scorer, &sys_path, &by_id)?;
    }
    Ok(())
}

/// `--systems FILE`: each published system of `dev-systems.jsonl` (`{"id", "system",
/// "summary"}`) scored on the articles it covers, beside nutgraf and Lead-3 on the same
/// articles. A summary is one line: it is cut into sentences by nutgraf's splitter and
/// joined by "\n" for rougeLsum.
fn compare_systems(
    scorer: &RougeScorer,
    path: &str,
    by_id: &HashMap<String, (String, [f64; 3], [f64; 3])>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut per_system: BTreeMap<String, (Sum, Sum, Sum)> = BTreeMap::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let (Some(id), Some(system), Some(summary)) = (
            v["id"].as_str(),
            v["system"].as_str(),
            v["summary"].as_str(),
        ) else {
            continue;
        };
        let Some((reference, ours, lead)) = by_id.get(id) else {
            continue;
        };
        let sentences: Vec<String> =
            match nutgraf::read_str(summary, &nutgraf::Options::new().format(nutgraf::InputFormat::Article)) {
                Ok(a) => a
                    .sentences
                    .iter()
                    .map(|s| a.text.chars().skip(s.start).take(s.end - s.start).collect())
                    .collect(),
                Err(_) => vec![summary.to_string()],
            };
        let s = f1s(scorer, reference, &sentences.join("\n"));
        let e = per_system.entry(system.to_string()).or_default();
        e.0.add(s);
        e.1.add(*ours);
        e.2.add(*lead);
    }
    let mut rows: Vec<_> = per_system.into_iter().collect();
    rows.sort_by(|a, b| {
        let r = |x: &Sum| x.r1 / x.n.max(1) as f64;
        r(&b.1 .0).total_cmp(&r(&a.1 .0))
    });
    println!();
    println!("published systems on the articles each covers (R1 R2 RLsum), with nutgraf and");
    println!("Lead-3 on the same articles:");
    println!(
        "{:<40} {:>4}  {:^20}  {:^20}  {:^20}",
        "system", "n", "system", "nutgraf", "Lead-3"
    );
    for (name, (sys, ours, lead)) in rows {
        println!(
            "{:<40} {:>4}  {}  {}  {}",
            name,
            sys.n,
            sys.show(),
            ours.show(),
            lead.show()
        );
    }
    Ok(())
}
