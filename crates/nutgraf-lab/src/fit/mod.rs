//! `fit-highlights`: fits the weights of the highlight scorer
//! (`crates/nutgraf/src/highlights/`) on a JSONL of articles with editors' highlights,
//! checks them by cross-validation over articles, and writes them as
//! `crates/nutgraf/src/highlights/weights.rs`.
//!
//! ```sh
//! cargo run --release -p nutgraf-lab -- fit-highlights ../shared/data/cnndm/dev.jsonl \
//!     --method clogit --alpha 10 --oracle-n 4 --fix headline=0.30 \
//!     --legacy-twins short,dateline --write crates/nutgraf/src/highlights/weights.rs
//! ```
//!
//! (the command that wrote the shipped weights is the first line of `weights.rs`).
//!
//! - Targets ([`items`]): every article is cut into the library's candidate units with
//!   their features, and the **greedy ROUGE oracle** picks the units that best cover
//!   the editors' highlights (up to 4 units, each raising rouge1 + rouge2 F1).
//! - Method (default, what ships, [`linear`]): a **conditional logit**. Each article's
//!   units get a softmax over their scores `w · x`; the weights maximize the
//!   log-probability of the oracle units, L2 strength 10 on standardized features. The
//!   objective is convex, so the fit does not depend on a starting point. For
//!   comparison: ListNet, **ridge** regression of each unit's own ROUGE, **pairwise**
//!   logistic ranking, and coordinate ascent on ROUGE itself.
//! - Then ([`search`]) the redundancy penalty by **grid search** on the mean ROUGE of the
//!   chosen highlights; the methods tried and their held-out figures are listed at
//!   [`search::fit_any`].
//! - Held-out check: 5 folds by a hash of the article id (salted by `--seed`); each fold
//!   is scored with a model fitted from scratch on the other four.
//!   `scripts/highlights_cv.sh` averages this over 10 partitions. Then the model is
//!   fitted on all articles and printed; `--write PATH` writes it as the weights file
//!   ([`output`]) and `--folds FILE` the fold models for `cnndm-eval --model` (held-out
//!   scores per slice).
//! - Scores: rouge1 / rouge2 / rougeLsum F1 (stemmed, rouge-score conventions through the
//!   `rougers` crate), highlights joined by "\n", mean over articles.
//!
//! The options and their defaults (what ships) are in `nutgraf-lab fit-highlights
//! --help`, from [`FitArgs`].

mod items;
mod linear;
mod output;
mod search;

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use nutgraf::internal::highlights::{Model, FEATURE_NAMES, N_FEATURES};
use rougers::RougeScorer;

use items::Item;

/// Feature values, or weights, one per feature.
type Vector = [f64; N_FEATURES];

/// Fits the highlight model, cross-validates it and prints (or writes) its weights.
#[derive(Debug, Clone, Args)]
pub struct FitArgs {
    /// JSONL of articles with editors' highlights: `{"id", "article", "highlights": [..]}`.
    pub data: PathBuf,
    /// How the weights are fitted (the figures of each: `fit_any` in
    /// crates/nutgraf-lab/src/fit/search.rs).
    #[arg(long, value_enum, default_value = "clogit")]
    pub method: Method,
    /// L2 strength on standardized features.
    #[arg(long, default_value_t = 10.0)]
    pub alpha: f64,
    /// Units of the greedy oracle (2 gave held-out R1 39.09, 3 39.54, 6 39.56, 4 39.65
    /// at the time).
    #[arg(long, default_value_t = 4)]
    pub oracle_n: usize,
    /// What the greedy oracle maximizes: rouge1 + rouge2 F1, or also rougeLsum (39.57).
    #[arg(long, value_enum, default_value = "r12")]
    pub oracle_obj: OracleObjective,
    /// Clogit targets: 1 per oracle unit, or weighted by the unit's oracle gain.
    #[arg(long, value_enum, default_value = "oracle")]
    pub target_weights: TargetWeights,
    /// ListNet temperature.
    #[arg(long, default_value_t = 0.05)]
    pub temp: f64,
    /// Each unit's own ROUGE against the reference as a target: ridge's, ListNet's and
    /// `--pair target`'s.
    #[arg(long, value_enum, default_value = "f12")]
    pub target: Target,
    /// What orders the pairs of pairwise ranking: rouge1 recall, or the `--target` value.
    #[arg(long, value_enum, default_value = "r1r")]
    pub pair: PairKey,
    /// What the redundancy grid search and the ascent maximize.
    #[arg(long, value_enum, default_value = "r12l")]
    pub objective: Objective,
    /// Features that keep their starting weight (ablations), comma-separated.
    #[arg(long, value_name = "A,B", value_delimiter = ',', value_parser = feature_index)]
    pub freeze: Vec<usize>,
    /// Where coordinate ascent starts: a Lead-3 prior, or the shipped model (which leaks
    /// the held-out articles into the folds' start).
    #[arg(long, value_enum, default_value = "lead3")]
    pub start: Start,
    /// Coordinate ascent also from K perturbed starts.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub restarts: u64,
    /// Salt of the fold split (repeated cross-validation over several partitions).
    #[arg(long, value_name = "S", default_value = "")]
    pub seed: String,
    /// After fitting, feature NAME gets weight W (repeatable).
    #[arg(long, value_name = "NAME=W", value_parser = parse_fix)]
    pub fix: Vec<(usize, f64)>,
    /// Fit these features as the two identical columns each was until they were merged
    /// (`short` was also `len_lt8`, `dateline` also `wire_pos0`).
    ///
    /// Two identical standardized columns share their weight equally and act together as
    /// one column √2 as large, under the same L2 prior and with the same gradient steps;
    /// scaling the merged column so refits them as the twins they were, and the weight
    /// written is twice its half's, each rounded to two decimals as each twin's was. With
    /// `--legacy-twins short,dateline` the fit reproduces the shipped weights. Without it
    /// the merged columns carry the L2 prior of one column and the fit moves (`short`
    /// 0.45, `dateline` -0.82, some others by 0.01–0.08; in-sample 40.36/18.30/37.03,
    /// held out on the default partition 39.89/17.91/36.51 against 40.02/17.89/36.61).
    #[arg(long, value_name = "A,B", value_delimiter = ',', value_parser = feature_index)]
    pub legacy_twins: Vec<usize>,
    /// Write the fold models (JSON) for `cnndm-eval --model FILE` (held-out scores per
    /// slice).
    #[arg(long, value_name = "FILE")]
    pub folds: Option<PathBuf>,
    /// Write the model fitted on all articles as the weights file (`weights.rs`).
    #[arg(long, value_name = "PATH")]
    pub write: Option<PathBuf>,
}

/// How the weights are fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// Conditional logit on the oracle units (what ships).
    Clogit,
    /// Softmax cross-entropy against a softmax of each unit's own ROUGE (`--temp`).
    Listnet,
    /// Ridge regression of each unit's own ROUGE (`--target`).
    Ridge,
    /// Logistic regression on pairs of units of an article (`--pair`).
    Pairwise,
    /// Coordinate ascent on mean ROUGE (`--start`, `--restarts`).
    Ascent,
    /// Clogit, then coordinate ascent from it.
    #[value(name = "clogit+ascent")]
    ClogitAscent,
    /// ListNet, then coordinate ascent from it.
    #[value(name = "listnet+ascent")]
    ListnetAscent,
    /// Ridge, then coordinate ascent from it.
    #[value(name = "ridge+ascent")]
    RidgeAscent,
    /// Pairwise, then coordinate ascent from it.
    #[value(name = "pairwise+ascent")]
    PairwiseAscent,
}

/// A method that fits a linear model in closed form or by a convex objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linear {
    /// Conditional logit on the oracle units.
    Clogit,
    /// ListNet: the softmax against a softmax of the units' own ROUGE.
    Listnet,
    /// Ridge regression of the units' own ROUGE.
    Ridge,
    /// Pairwise logistic ranking.
    Pairwise,
}

impl Method {
    /// The linear fit the method starts with (`None`: coordinate ascent alone).
    fn linear(self) -> Option<Linear> {
        match self {
            Method::Clogit | Method::ClogitAscent => Some(Linear::Clogit),
            Method::Listnet | Method::ListnetAscent => Some(Linear::Listnet),
            Method::Ridge | Method::RidgeAscent => Some(Linear::Ridge),
            Method::Pairwise | Method::PairwiseAscent => Some(Linear::Pairwise),
            Method::Ascent => None,
        }
    }

    /// Whether coordinate ascent follows the linear fit.
    fn then_ascent(self) -> bool {
        matches!(
            self,
            Method::ClogitAscent
                | Method::ListnetAscent
                | Method::RidgeAscent
                | Method::PairwiseAscent
        )
    }
}

/// What the greedy oracle maximizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OracleObjective {
    /// rouge1 + rouge2 F1.
    R12,
    /// rouge1 + rouge2 + rougeLsum F1.
    R12l,
}

/// Per-unit weights of the clogit targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetWeights {
    /// 1 per oracle unit.
    Oracle,
    /// The square root of the unit's oracle gain over the article's largest.
    Gain,
}

/// A unit's own ROUGE against the reference, as a regression target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// Mean of rouge1 and rouge2 F1.
    F12,
    /// rouge1 recall.
    R1r,
    /// rouge2 recall.
    R2r,
    /// Mean of rouge1 and rouge2 recall.
    R12r,
}

/// What orders the pairs of pairwise ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairKey {
    /// rouge1 recall.
    R1r,
    /// The `--target` value.
    Target,
}

/// What the redundancy grid search and the ascent maximize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Objective {
    /// rouge1 + rouge2 + rougeLsum F1.
    R12l,
    /// rouge1 F1.
    R1,
}

/// Where coordinate ascent starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Start {
    /// The first three positions weigh 1, everything else 0.
    Lead3,
    /// The shipped model.
    Shipped,
}

impl FitArgs {
    /// `--legacy-twins`: the standardized columns of these features are √2 as large
    /// (see the option's help).
    fn scale_twins(&self, sd: &mut Vector) {
        for &j in &self.legacy_twins {
            sd[j] /= std::f64::consts::SQRT_2;
        }
    }

    /// Whether feature `p` keeps its starting weight (`--freeze`).
    fn frozen(&self, p: usize) -> bool {
        self.freeze.contains(&p)
    }
}

/// The index of a feature in [`FEATURE_NAMES`].
fn feature_index(name: &str) -> Result<usize, String> {
    let name = name.trim();
    FEATURE_NAMES
        .iter()
        .position(|n| *n == name)
        .ok_or_else(|| format!("no feature named {name}"))
}

/// `--fix NAME=W`: the feature's index and the weight.
fn parse_fix(value: &str) -> Result<(usize, f64), String> {
    let (name, w) = value.split_once('=').ok_or("--fix needs NAME=W")?;
    let w = w.parse().map_err(|e| format!("--fix {value}: {e}"))?;
    Ok((feature_index(name)?, w))
}

/// R1/R2/RLsum F1 × 100.
fn show(s: [f64; 3]) -> String {
    format!(
        "{:.2}/{:.2}/{:.2}",
        100.0 * s[0],
        100.0 * s[1],
        100.0 * s[2]
    )
}

/// The three ROUGE scorers every score here is computed with.
fn scorer() -> Result<RougeScorer> {
    RougeScorer::new(["rouge1", "rouge2", "rougeLsum"], true)
        .map_err(|e| anyhow::anyhow!("rouge scorer: {e}"))
}

/// The fold (0–4) of an article: FNV-1a of `--seed` then the id, a fixed split that does
/// not depend on file order.
fn fold_of(cfg: &FitArgs, id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in cfg.seed.bytes().chain(id.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % 5) as usize
}

/// Fits each fold's model on the other four folds (two folds at a time, one per core),
/// prints their scores, and returns the models with the held-out mean scores.
fn cross_validate(
    cfg: &FitArgs,
    scorer: &RougeScorer,
    items: &[Item],
    start: &Model,
) -> Result<(Vec<Model>, [f64; 3])> {
    let fitted: Vec<Model> = std::thread::scope(|scope| -> Result<Vec<Model>> {
        let mut out = Vec::new();
        for pair in [vec![0, 1], vec![2, 3], vec![4]] {
            let handles: Vec<_> = pair
                .into_iter()
                .map(|f| {
                    scope.spawn(move || -> Result<Model> {
                        let scorer = self::scorer()?;
                        let train: Vec<&Item> =
                            items.iter().filter(|i| fold_of(cfg, &i.id) != f).collect();
                        Ok(search::fit_any(cfg, &scorer, &train, start))
                    })
                })
                .collect();
            for h in handles {
                let model = h
                    .join()
                    .map_err(|_| anyhow::anyhow!("a fold's thread panicked"))??;
                out.push(model);
            }
        }
        Ok(out)
    })?;
    let mut held = [0.0; 3];
    for (f, m) in fitted.iter().enumerate() {
        let train: Vec<&Item> = items.iter().filter(|i| fold_of(cfg, &i.id) != f).collect();
        let test: Vec<&Item> = items.iter().filter(|i| fold_of(cfg, &i.id) == f).collect();
        let tr = search::evaluate(scorer, &train, m);
        let te = search::evaluate(scorer, &test, m);
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
    Ok((fitted, held.map(|x| x / n)))
}

/// The subcommand: cross-validation, the fit on all articles, its weights printed and
/// written.
pub fn run(cfg: &FitArgs) -> Result<()> {
    let command = output::recorded_command(std::env::args());
    let scorer = scorer()?;
    let items = items::read_items(cfg, &scorer)
        .with_context(|| format!("reading {}", cfg.data.display()))?;
    eprintln!("{} articles", items.len());
    let start = search::start_model(cfg);
    let all: Vec<&Item> = items.iter().collect();
    println!(
        "start model on all articles: {}",
        show(search::evaluate(&scorer, &all, &start))
    );
    let (fitted, held_out) = cross_validate(cfg, &scorer, &items, &start)?;
    if let Some(path) = &cfg.folds {
        output::write_folds(cfg, path, &items, &fitted)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    println!("cross-validated (held-out) R1/R2/RLsum: {}", show(held_out));

    let m = search::fit_any(cfg, &scorer, &all, &start);
    let in_sample = search::evaluate(&scorer, &all, &m);
    println!("fitted on all: {}", show(in_sample));
    for (p, (name, w)) in FEATURE_NAMES.iter().zip(m.weights).enumerate() {
        println!(
            "{name:>16} {:>6} ({w:.5})",
            output::weight_literal(cfg, p, w)
        );
    }
    println!("{:>16} {}", "redundancy", output::decimals(m.redundancy));
    if let Some(path) = &cfg.write {
        let text = output::weights_file(cfg, &command, &m, items.len(), in_sample, held_out);
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
