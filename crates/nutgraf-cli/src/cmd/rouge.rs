//! `nutgraf rouge`: ROUGE-1, ROUGE-2 and ROUGE-Lsum of candidate summaries against
//! references, scored by the `rougers` crate (the same numbers as Google's `rouge-score`:
//! its tokenizer, NLTK's Porter stemmer, summary sentences split on newlines).

use std::io::{BufRead, Write};

use anyhow::{bail, Context, Result};
use clap::Args;
use rougers::{RougeScorer, RougeType};
use serde_json::{json, Value};

/// The ROUGE variants reported, in output order.
pub const TYPES: [&str; 3] = ["rouge1", "rouge2", "rougeLsum"];
const ROUGE_TYPES: [RougeType; 3] = [RougeType::N(1), RougeType::N(2), RougeType::LSum];

#[derive(Debug, Args)]
pub struct RougeArgs {
    /// The reference summary: a file, or the text itself. Sentences on separate lines.
    #[arg(long, requires = "candidate", conflicts_with = "jsonl")]
    reference: Option<String>,
    /// The candidate summary: a file, or the text itself.
    #[arg(long, requires = "reference", conflicts_with = "jsonl")]
    candidate: Option<String>,
    /// A JSONL file with one pair per line.
    #[arg(long)]
    jsonl: Option<String>,
    /// Field of each JSONL line holding the reference (a string, or a list of sentences).
    #[arg(long, default_value = "reference")]
    reference_field: String,
    /// Field of each JSONL line holding the candidate (a string, or a list of sentences).
    #[arg(long, default_value = "candidate")]
    candidate_field: String,
    /// Field used to name pairs in `--per-pair` output.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Turn Porter stemming off (on by default, as in most published CNN/DM figures).
    #[arg(long)]
    no_stem: bool,
    /// Print one JSON line per pair before the summary.
    #[arg(long)]
    per_pair: bool,
    /// Bootstrap resamples for the 95% interval of the mean.
    #[arg(long, default_value_t = 1000)]
    bootstrap: usize,
    /// Seed of the bootstrap (the interval is reproducible).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Output format of the summary.
    #[arg(long, short = 'f', value_enum, default_value_t = SummaryFormat::Text)]
    format: SummaryFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    /// A small table.
    Text,
    /// One JSON object.
    Json,
}

/// Precision, recall and F1 of the three variants for one pair: `[type][p, r, f]`.
pub type PairScores = [[f64; 3]; 3];

/// Scores one pair.
pub fn score_pair(scorer: &RougeScorer, reference: &str, candidate: &str) -> PairScores {
    let s = scorer.score(reference, candidate);
    ROUGE_TYPES.map(|t| {
        let x = s.get(t).unwrap_or_default();
        [x.precision, x.recall, x.fmeasure]
    })
}

/// A mean and its bootstrap 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

/// A small, seeded generator (SplitMix64): the bootstrap is reproducible and needs no
/// global state.
#[derive(Debug, Clone)]
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0), by rejection so that no index is favoured.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }
}

/// Means of all pairs' scores with percentile-bootstrap 95% intervals (`samples`
/// resamples of the pairs with replacement, seeded). With no pairs, every value is 0.
pub fn aggregate(pairs: &[PairScores], samples: usize, seed: u64) -> [[Estimate; 3]; 3] {
    let n = pairs.len();
    let mean_of = |idx: &mut dyn Iterator<Item = usize>| -> [[f64; 3]; 3] {
        let mut sum = [[0.0; 3]; 3];
        let mut count = 0usize;
        for i in idx {
            count += 1;
            for (t, row) in sum.iter_mut().enumerate() {
                for (m, v) in row.iter_mut().enumerate() {
                    *v += pairs[i][t][m];
                }
            }
        }
        let c = count.max(1) as f64;
        sum.map(|row| row.map(|v| v / c))
    };
    let mean = mean_of(&mut (0..n));
    let mut resampled: Vec<[[f64; 3]; 3]> = Vec::with_capacity(samples);
    if n > 0 {
        let mut rng = SplitMix(seed);
        for _ in 0..samples {
            let mut draw = (0..n).map(|_| rng.below(n)).collect::<Vec<_>>().into_iter();
            resampled.push(mean_of(&mut draw));
        }
    }
    let mut out = [[Estimate {
        mean: 0.0,
        low: 0.0,
        high: 0.0,
    }; 3]; 3];
    for (t, row) in out.iter_mut().enumerate() {
        for (m, e) in row.iter_mut().enumerate() {
            let mut v: Vec<f64> = resampled.iter().map(|r| r[t][m]).collect();
            v.sort_by(f64::total_cmp);
            let (low, high) = if v.is_empty() {
                (mean[t][m], mean[t][m])
            } else {
                (percentile(&v, 2.5), percentile(&v, 97.5))
            };
            *e = Estimate {
                mean: mean[t][m],
                low,
                high,
            };
        }
    }
    out
}

/// Linear-interpolated percentile of sorted, non-empty values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let pos = p / 100.0 * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let frac = pos - lo as f64;
    sorted[lo] * (1.0 - frac) + sorted[hi.min(sorted.len() - 1)] * frac
}

/// A file's contents when `arg` names an existing file, else `arg` itself.
fn file_or_text(arg: &str) -> Result<String> {
    let path = std::path::Path::new(arg);
    if !arg.contains('\n') && path.is_file() {
        return std::fs::read_to_string(path).with_context(|| format!("could not read {arg}"));
    }
    Ok(arg.to_string())
}

/// A summary field of a JSONL record: a string, or a list of sentences joined by "\n".
fn summary_field(v: &Value, field: &str, line: usize) -> Result<String> {
    match v.get(field) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(items)) => {
            let parts: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
            match parts {
                Some(p) => Ok(p.join("\n")),
                None => {
                    bail!("line {line}: field `{field}` is a list of something else than strings")
                }
            }
        }
        Some(_) => bail!("line {line}: field `{field}` is neither a string nor a list of strings"),
        None => bail!("line {line}: no field `{field}`"),
    }
}

fn pair_json(id: &Value, s: &PairScores) -> Value {
    let mut obj = serde_json::Map::new();
    obj.insert("id".into(), id.clone());
    for (name, x) in TYPES.iter().zip(s) {
        obj.insert(
            (*name).into(),
            json!({"precision": x[0], "recall": x[1], "fmeasure": x[2]}),
        );
    }
    Value::Object(obj)
}

/// The summary as JSON.
pub fn summary_json(
    n: usize,
    agg: &[[Estimate; 3]; 3],
    stem: bool,
    samples: usize,
    seed: u64,
) -> Value {
    let mut obj = serde_json::Map::new();
    obj.insert("pairs".into(), json!(n));
    obj.insert("stemmed".into(), json!(stem));
    obj.insert(
        "bootstrap".into(),
        json!({"samples": samples, "seed": seed, "interval": 0.95}),
    );
    for (name, row) in TYPES.iter().zip(agg) {
        let m = |e: &Estimate| json!({"mean": e.mean, "low": e.low, "high": e.high});
        obj.insert(
            (*name).into(),
            json!({"precision": m(&row[0]), "recall": m(&row[1]), "fmeasure": m(&row[2])}),
        );
    }
    Value::Object(obj)
}

/// The summary as a table (×100).
pub fn summary_text(
    out: &mut impl Write,
    n: usize,
    agg: &[[Estimate; 3]; 3],
    stem: bool,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{n} pair{}, {}; mean ×100 [95% bootstrap interval]",
        if n == 1 { "" } else { "s" },
        if stem { "stemmed" } else { "not stemmed" }
    )?;
    writeln!(
        out,
        "{:<10} {:>22} {:>22} {:>22}",
        "", "precision", "recall", "F1"
    )?;
    for (name, row) in TYPES.iter().zip(agg) {
        let cell = |e: &Estimate| {
            format!(
                "{:6.2} [{:6.2}, {:6.2}]",
                100.0 * e.mean,
                100.0 * e.low,
                100.0 * e.high
            )
        };
        writeln!(
            out,
            "{name:<10} {:>22} {:>22} {:>22}",
            cell(&row[0]),
            cell(&row[1]),
            cell(&row[2])
        )?;
    }
    Ok(())
}

pub fn run(args: &RougeArgs, out: &mut impl Write) -> Result<()> {
    let stem = !args.no_stem;
    let scorer = RougeScorer::new(TYPES, stem).context("could not set up the ROUGE scorer")?;
    let mut scores: Vec<PairScores> = Vec::new();
    if let Some(path) = &args.jsonl {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path).with_context(|| format!("could not open {path}"))?,
            ))
        };
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("could not read {path}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(&line)
                .with_context(|| format!("{path}, line {}: not JSON", i + 1))?;
            let r = summary_field(&v, &args.reference_field, i + 1)?;
            let c = summary_field(&v, &args.candidate_field, i + 1)?;
            let s = score_pair(&scorer, &r, &c);
            if args.per_pair {
                let id = v.get(&args.id_field).cloned().unwrap_or(json!(i + 1));
                writeln!(out, "{}", pair_json(&id, &s))?;
            }
            scores.push(s);
        }
    } else {
        let (Some(r), Some(c)) = (&args.reference, &args.candidate) else {
            bail!("give --reference and --candidate, or --jsonl FILE");
        };
        let s = score_pair(&scorer, &file_or_text(r)?, &file_or_text(c)?);
        if args.per_pair {
            writeln!(out, "{}", pair_json(&json!(1), &s))?;
        }
        scores.push(s);
    }
    let agg = aggregate(&scores, args.bootstrap, args.seed);
    match args.format {
        SummaryFormat::Json => writeln!(
            out,
            "{}",
            summary_json(scores.len(), &agg, stem, args.bootstrap, args.seed)
        )?,
        SummaryFormat::Text => summary_text(out, scores.len(), &agg, stem)?,
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn scorer(stem: bool) -> RougeScorer {
        RougeScorer::new(TYPES, stem).unwrap()
    }

    #[test]
    fn identical_summaries_score_one() {
        let s = score_pair(
            &scorer(true),
            "Ferry service resumes.\nThe harbor reopens.",
            "Ferry service resumes.\nThe harbor reopens.",
        );
        for row in s {
            for v in row {
                assert!((v - 1.0).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn stemming_matters() {
        let r = "Councils are closing libraries";
        let c = "The council closed a library";
        let stemmed = score_pair(&scorer(true), r, c)[0][2];
        let plain = score_pair(&scorer(false), r, c)[0][2];
        assert!(stemmed > plain, "{stemmed} vs {plain}");
    }

    #[test]
    fn bootstrap_is_seeded_and_brackets_the_mean() {
        let pairs: Vec<PairScores> = (0..50)
            .map(|i| {
                let x = f64::from(i) / 50.0;
                [[x, x, x], [x / 2.0, x / 2.0, x / 2.0], [x, x, x]]
            })
            .collect();
        let a = aggregate(&pairs, 500, 7);
        let b = aggregate(&pairs, 500, 7);
        assert_eq!(a, b);
        for row in a {
            for e in row {
                assert!(e.low <= e.mean && e.mean <= e.high, "{e:?}");
            }
        }
        assert!((a[0][0].mean - 0.49).abs() < 1e-12);
        let c = aggregate(&pairs, 500, 8);
        assert_ne!(a, c);
    }

    #[test]
    fn no_pairs_no_panic() {
        let a = aggregate(&[], 100, 1);
        assert_eq!(a[2][2].mean, 0.0);
    }

    #[test]
    fn summary_fields_accept_lists() {
        let v = json!({"r": ["A storm hit.", "Roads closed."], "c": "A storm hit."});
        assert_eq!(
            summary_field(&v, "r", 1).unwrap(),
            "A storm hit.\nRoads closed."
        );
        assert!(summary_field(&v, "x", 1).is_err());
        assert!(summary_field(&json!({"r": 3}), "r", 1).is_err());
    }

    #[test]
    fn text_summary_snapshot() {
        let pairs = [score_pair(
            &scorer(true),
            "The mayor opened the new bridge on Friday.\nTraffic will flow from Monday.",
            "The new bridge opened on Friday.\nCars can cross from Monday.",
        )];
        let agg = aggregate(&pairs, 10, 1);
        let mut out = Vec::new();
        summary_text(&mut out, 1, &agg, true).unwrap();
        // The snapshot keeps the name and folder it had before this module moved into
        // `cmd/` (`src/snapshots/nutgraf__rouge_cmd__tests__text_summary_snapshot.snap`).
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| {
            insta::assert_snapshot!(
                "nutgraf__rouge_cmd__tests__text_summary_snapshot",
                String::from_utf8(out).unwrap()
            );
        });
    }

    /// Parity with Google's `rouge-score` on 200 CNN/DM pairs (expected values computed
    /// once by `scripts/rouge_parity.py`; the texts are read from `../shared`).
    #[test]
    fn parity_with_rouge_score() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
        let data = root.join("shared/data/cnndm/test-refs-simcls.jsonl");
        let Ok(text) = std::fs::read_to_string(&data) else {
            eprintln!(
                "SKIPPED parity_with_rouge_score: {} is absent",
                data.display()
            );
            return;
        };
        let mut pairs = std::collections::HashMap::new();
        for line in text.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            pairs.insert(
                v["id"].as_str().unwrap().to_string(),
                (
                    v["reference"].as_str().unwrap().to_string(),
                    v["candidate"].as_str().unwrap().to_string(),
                ),
            );
        }
        let expected = include_str!("../../testdata/rouge_parity.jsonl");
        let (stem, nostem) = (scorer(true), scorer(false));
        let mut checked = 0;
        let mut worst: f64 = 0.0;
        for line in expected.lines() {
            let e: Value = serde_json::from_str(line).unwrap();
            let (r, c) = &pairs[e["id"].as_str().unwrap()];
            for (key, sc) in [("stem", &stem), ("nostem", &nostem)] {
                let got = score_pair(sc, r, c);
                for (t, name) in TYPES.iter().enumerate() {
                    for m in 0..3 {
                        let want = e[key][name][m].as_f64().unwrap();
                        let diff = (got[t][m] - want).abs();
                        worst = worst.max(diff);
                        assert!(
                            diff <= 1e-9,
                            "{} {key} {name}[{m}]: {} vs {want}",
                            e["id"],
                            got[t][m]
                        );
                    }
                }
            }
            checked += 1;
        }
        assert_eq!(checked, 200);
        eprintln!(
            "parity: 200 pairs x 2 stemming settings x 9 values, largest difference {worst:e}"
        );
    }
}
