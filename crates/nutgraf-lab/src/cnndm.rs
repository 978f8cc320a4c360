//! `cnndm-eval`: scores nutgraf's highlights against editors' highlights on a JSONL of
//! articles (CNN/DailyMail style: `{"id", "article", "highlights": [..],
//! "text_quality"}`), with two Lead-3 baselines from the same run: the first three
//! sentences of the library's splitter, and its first three candidate units.
//!
//! ```sh
//! cargo run --release -p nutgraf-lab -- cnndm-eval ../shared/data/cnndm/dev.jsonl
//! ```
//!
//! Scores follow the rouge-score conventions (through the `rougers` crate): stemmed
//! rouge1, rouge2 and rougeLsum F1 × 100, highlights joined by "\n", mean over articles,
//! per `text_quality` slice and overall. With `--model` (the fold models of
//! `fit-highlights --folds`) each article is summarized by a model fitted without it, so
//! the scores are held out; with `--systems` the published systems are scored on the
//! articles each covers. `--dump-features` and `--per-article` write the material for
//! error analysis.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use nutgraf::internal::highlights::{
    self, HighlightOptions, Model, N_FEATURES, TRIM_ATTRIBUTION, TRIM_DATELINE, TRIM_PAREN,
};
use rougers::{RougeScorer, RougeType};

/// Scores the highlights against the references, per slice, beside Lead-3.
#[derive(Debug, Args)]
pub struct CnndmArgs {
    /// JSONL of articles: `{"id", "article", "highlights": [..], "text_quality"}`.
    file: PathBuf,
    /// Per-fold models as written by `fit-highlights FILE.jsonl --folds OUT.json`: each
    /// article is summarized with the model of the fold that holds its id (held out: the
    /// fold's model was fitted without it).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Write one JSON line per candidate unit: id, index, features and its own ROUGE
    /// against the reference (the fitting targets).
    #[arg(long, value_name = "FILE")]
    dump_features: Option<PathBuf>,
    /// Write one JSON line per article with both systems' scores, the highlights written
    /// and the reference.
    #[arg(long, value_name = "FILE")]
    per_article: Option<PathBuf>,
    /// A fixed sentence count for nutgraf's highlights.
    #[arg(short = 'n', value_name = "N")]
    sentences: Option<usize>,
    /// A word budget for nutgraf's highlights.
    #[arg(long, value_name = "W")]
    words: Option<usize>,
    /// Which trims to apply, as bits: dateline 1, caption parenthetical 2, attribution
    /// tail 4 (default: the model's, dateline and attribution).
    #[arg(long, value_name = "BITS", value_parser = parse_trim)]
    trim: Option<u32>,
    /// The redundancy penalty (MMR λ) instead of the model's.
    #[arg(long, value_name = "X")]
    redundancy: Option<f64>,
    /// Also score the published systems of `dev-systems.jsonl` (`{"id", "system",
    /// "summary"}`) on the articles each covers, beside nutgraf and Lead-3 on the same
    /// articles.
    #[arg(long, value_name = "FILE")]
    systems: Option<PathBuf>,
}

/// `--trim BITS`: a combination of the library's trim flags.
fn parse_trim(value: &str) -> Result<u32, String> {
    let bits: u32 = value.parse().map_err(|e| format!("{e}"))?;
    let known = TRIM_DATELINE | TRIM_PAREN | TRIM_ATTRIBUTION;
    if bits & !known != 0 {
        return Err(format!("unknown trim bits (known: {known:#b})"));
    }
    Ok(bits)
}

/// Running sums of R1/R2/RLsum F1 over articles.
#[derive(Debug, Default, Clone, Copy)]
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

    /// The means × 100, three columns.
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

/// R1/R2/RLsum F1 of a candidate against a reference.
fn f1s(scorer: &RougeScorer, reference: &str, candidate: &str) -> [f64; 3] {
    let s = scorer.score(reference, candidate);
    let f = |t| s.get(t).map_or(0.0, |x: rougers::Score| x.fmeasure);
    [f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::LSum)]
}

/// The characters `start..end` of a text.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The model of each article: its fold's (`--model`) or the shipped one, with `--trim`
/// and `--redundancy` applied.
struct Models {
    by_id: HashMap<String, Model>,
    default: Model,
}

impl Models {
    fn load(args: &CnndmArgs) -> Result<Self> {
        let adjust = |m: &mut Model| {
            if let Some(t) = args.trim {
                m.trim = t;
            }
            if let Some(r) = args.redundancy {
                m.redundancy = r;
            }
        };
        let mut by_id = HashMap::new();
        if let Some(path) = &args.model {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let v: serde_json::Value = serde_json::from_str(&text)?;
            for fold in v["folds"].as_array().context("model: no folds")? {
                let mut m = model_from_json(fold)?;
                adjust(&mut m);
                for id in fold["ids"].as_array().context("model: fold without ids")? {
                    by_id.insert(id.as_str().context("model: id")?.to_string(), m.clone());
                }
            }
        }
        let mut default = Model::default();
        adjust(&mut default);
        Ok(Models { by_id, default })
    }

    fn get(&self, id: &str) -> &Model {
        self.by_id.get(id).unwrap_or(&self.default)
    }
}

/// One fold's model: `{"weights": [..], "redundancy": x}`.
fn model_from_json(v: &serde_json::Value) -> Result<Model> {
    let mut m = Model::default();
    let w = v["weights"].as_array().context("model: no weights")?;
    if w.len() != N_FEATURES {
        bail!("model: {} weights, expected {N_FEATURES}", w.len());
    }
    for (slot, x) in m.weights.iter_mut().zip(w) {
        *slot = x
            .as_f64()
            .ok_or_else(|| anyhow!("model: weight not a number"))?;
    }
    if let Some(r) = v["redundancy"].as_f64() {
        m.redundancy = r;
    }
    Ok(m)
}

/// The sums per slice (and `ALL`) of the three systems, and per article what
/// `--systems` compares with.
#[derive(Default)]
struct Tally {
    ours: BTreeMap<String, Sum>,
    lead3: BTreeMap<String, Sum>,
    lead3u: BTreeMap<String, Sum>,
    words_ours: usize,
    words_lead: usize,
    /// Per article id: reference, nutgraf's and Lead-3's scores.
    by_id: HashMap<String, (String, [f64; 3], [f64; 3])>,
}

/// The output files of `--per-article` and `--dump-features`.
struct Dumps {
    per_article: Option<BufWriter<File>>,
    features: Option<BufWriter<File>>,
}

impl Dumps {
    fn create(args: &CnndmArgs) -> Result<Self> {
        let create = |p: &Option<PathBuf>| -> Result<Option<BufWriter<File>>> {
            p.as_ref()
                .map(|p| {
                    File::create(p)
                        .map(BufWriter::new)
                        .with_context(|| format!("creating {}", p.display()))
                })
                .transpose()
        };
        Ok(Dumps {
            per_article: create(&args.per_article)?,
            features: create(&args.dump_features)?,
        })
    }
}

/// One line of `--dump-features` per candidate unit of the article.
fn dump_features(
    out: &mut impl Write,
    scorer: &RougeScorer,
    (id, slice, text, reference): (&str, &str, &str, &str),
    article: &nutgraf::Article,
) -> Result<()> {
    let total_words: usize = text.split_whitespace().count();
    for (k, u) in highlights::features(article).iter().enumerate() {
        let unit = chars(&article.text, u.start, u.end);
        let s = scorer.score(reference, &unit);
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
    Ok(())
}

/// Scores one article (a JSONL row) for the three systems into `tally`, and writes its
/// dumps.
fn score_article(
    args: &CnndmArgs,
    scorer: &RougeScorer,
    models: &Models,
    v: &serde_json::Value,
    tally: &mut Tally,
    dumps: &mut Dumps,
) -> Result<()> {
    let id = v["id"].as_str().unwrap_or("").to_string();
    let text = v["article"].as_str().unwrap_or("");
    let slice = v["text_quality"].as_str().unwrap_or("all").to_string();
    let reference: Vec<&str> = v["highlights"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    let reference = reference.join("\n");
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Article);
    let Ok(article) = nutgraf::read_str(text, &opts) else {
        eprintln!("{id}: could not read the article");
        return Ok(());
    };
    let hl_opts = HighlightOptions {
        sentences: args.sentences,
        words: args.words,
        ..HighlightOptions::default()
    };
    let hl = highlights::highlights_with(&article, &hl_opts, models.get(&id));
    let cand: Vec<&str> = hl.iter().map(|h| h.text.as_str()).collect();
    let cand = cand.join("\n");
    // Lead-3: the splitter's first three sentences, and the first three units.
    let lead: Vec<String> = article
        .sentences
        .iter()
        .take(3)
        .map(|s| chars(&article.text, s.start, s.end))
        .collect();
    let lead = lead.join("\n");
    let lead_u: Vec<String> = highlights::lead(&article, 3)
        .into_iter()
        .map(|h| h.text)
        .collect();
    let lead_u = lead_u.join("\n");
    let s_lead_u = f1s(scorer, &reference, &lead_u);
    let s_ours = f1s(scorer, &reference, &cand);
    let s_lead = f1s(scorer, &reference, &lead);
    tally
        .by_id
        .insert(id.clone(), (reference.clone(), s_ours, s_lead));
    tally.words_ours += cand.split_whitespace().count();
    tally.words_lead += lead.split_whitespace().count();
    for key in [slice.clone(), "ALL".to_string()] {
        tally.ours.entry(key.clone()).or_default().add(s_ours);
        tally.lead3.entry(key.clone()).or_default().add(s_lead);
        tally.lead3u.entry(key).or_default().add(s_lead_u);
    }
    if let Some(out) = dumps.per_article.as_mut() {
        let rec = serde_json::json!({"id": id, "slice": slice, "ours": s_ours, "lead3": s_lead, "lead3u": s_lead_u,
            "n": hl.len(), "words": cand.split_whitespace().count(),
            "ref_words": reference.split_whitespace().count(),
            "sentences": article.sentences.len(),
            "highlights": hl.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(),
            "reference": reference});
        writeln!(out, "{rec}")?;
    }
    if let Some(out) = dumps.features.as_mut() {
        dump_features(out, scorer, (&id, &slice, text, &reference), &article)?;
    }
    Ok(())
}

/// The table: one row per slice, then `ALL`, then mean words and the R1 margins.
fn print_table(t: &Tally) {
    println!("ROUGE F1 x100 (rouge1 rouge2 rougeLsum), stemmed, highlights joined by \\n");
    println!(
        "{:<34} {:>4}  {:^20}  {:^20}  {:^20}",
        "slice", "n", "nutgraf", "Lead-3 (sentences)", "Lead-3 (units)"
    );
    let row = |k: &str, s: &Sum| {
        let l = t.lead3.get(k).copied().unwrap_or_default();
        let lu = t.lead3u.get(k).copied().unwrap_or_default();
        println!(
            "{:<34} {:>4}  {}  {}  {}",
            k,
            s.n,
            s.show(),
            l.show(),
            lu.show()
        );
    };
    for (k, s) in &t.ours {
        if k != "ALL" {
            row(k, s);
        }
    }
    let all = t.ours.get("ALL").copied().unwrap_or_default();
    let la = t.lead3.get("ALL").copied().unwrap_or_default();
    let lu = t.lead3u.get("ALL").copied().unwrap_or_default();
    row("ALL", &all);
    let n = all.n.max(1) as f64;
    println!(
        "mean words: nutgraf {:.1}, Lead-3 (sentences) {:.1}; R1 nutgraf - Lead-3: {:+.2} (sentences), {:+.2} (units)",
        t.words_ours as f64 / n,
        t.words_lead as f64 / n,
        100.0 * (all.r1 - la.r1) / n,
        100.0 * (all.r1 - lu.r1) / n
    );
}

/// The subcommand.
pub fn run(args: &CnndmArgs) -> Result<()> {
    let models = Models::load(args)?;
    let scorer = RougeScorer::new(["rouge1", "rouge2", "rougeLsum"], true)
        .map_err(|e| anyhow!("rouge scorer: {e}"))?;
    let mut dumps = Dumps::create(args)?;
    let mut tally = Tally::default();
    let file = std::io::BufReader::new(
        File::open(&args.file).with_context(|| format!("opening {}", args.file.display()))?,
    );
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        score_article(args, &scorer, &models, &v, &mut tally, &mut dumps)?;
    }
    for out in [dumps.per_article.as_mut(), dumps.features.as_mut()]
        .into_iter()
        .flatten()
    {
        out.flush()?;
    }
    print_table(&tally);
    if let Some(path) = &args.systems {
        compare_systems(&scorer, path, &tally.by_id)
            .with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(())
}

/// A published summary (one line) cut into sentences by nutgraf's splitter and joined
/// by "\n" for rougeLsum.
fn summary_sentences(summary: &str) -> String {
    let opts = nutgraf::Options::new().format(nutgraf::InputFormat::Article);
    let sentences: Vec<String> = match nutgraf::read_str(summary, &opts) {
        Ok(a) => a
            .sentences
            .iter()
            .map(|s| chars(&a.text, s.start, s.end))
            .collect(),
        Err(_) => vec![summary.to_string()],
    };
    sentences.join("\n")
}

/// `--systems FILE`: each published system (`{"id", "system", "summary"}` per line)
/// scored on the articles it covers, beside nutgraf and Lead-3 on the same articles,
/// best R1 first.
fn compare_systems(
    scorer: &RougeScorer,
    path: &std::path::Path,
    by_id: &HashMap<String, (String, [f64; 3], [f64; 3])>,
) -> Result<()> {
    let mut per_system: BTreeMap<String, (Sum, Sum, Sum)> = BTreeMap::new();
    for line in std::io::BufReader::new(File::open(path)?).lines() {
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
        let s = f1s(scorer, reference, &summary_sentences(summary));
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
