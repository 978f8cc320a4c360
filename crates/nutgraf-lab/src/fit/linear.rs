//! The linear fits: weights on the features from the targets of [`super::items`], each
//! on standardized features (column mean 0, spread 1; constant and `--freeze` columns
//! left out) and returned as weights on the raw features.
//!
//! - [`clogit`]: **conditional logit** — per article a softmax over its units' scores
//!   `w · x`, maximizing the log-probability of the greedy oracle's units (what ships);
//!   or ListNet, the same softmax against a softmax of each unit's own ROUGE. Convex, L2
//!   penalty, full-batch gradient ascent with an adaptive step.
//! - [`ridge`]: **ridge regression** of each unit's own ROUGE, centred per article;
//!   normal equations solved by Gaussian elimination.
//! - [`pairwise`]: **pairwise ranking**, logistic regression on the feature differences
//!   of pairs of units of one article; plain gradient descent.

use nutgraf::internal::highlights::N_FEATURES;

use super::items::{Item, Row};
use super::{FitArgs, Linear, PairKey, TargetWeights, Vector};

/// Column means and spreads of the features over all units of `items`. A column whose
/// variance is (nearly) zero, or frozen when `respect_freeze`, gets spread 0: it is left
/// out. `--legacy-twins` columns are scaled (see [`FitArgs::scale_twins`]).
fn standardize(cfg: &FitArgs, items: &[&Item], respect_freeze: bool) -> (Vector, Vector) {
    let mut mean = [0.0; N_FEATURES];
    let mut sq = [0.0; N_FEATURES];
    let mut n: f64 = 0.0;
    for it in items {
        for r in &it.rows {
            n += 1.0;
            for j in 0..N_FEATURES {
                mean[j] += r.x[j];
                sq[j] += r.x[j] * r.x[j];
            }
        }
    }
    let mut sd = [0.0; N_FEATURES];
    for j in 0..N_FEATURES {
        mean[j] /= n.max(1.0);
        let v = sq[j] / n.max(1.0) - mean[j] * mean[j];
        sd[j] = if v > 1e-12 && !(respect_freeze && cfg.frozen(j)) {
            v.sqrt()
        } else {
            0.0
        };
    }
    cfg.scale_twins(&mut sd);
    (mean, sd)
}

/// A unit's standardized features (0 in left-out columns).
fn standardized(x: &Vector, mean: &Vector, sd: &Vector) -> Vector {
    let mut z = [0.0; N_FEATURES];
    for j in 0..N_FEATURES {
        if sd[j] > 0.0 {
            z[j] = (x[j] - mean[j]) / sd[j];
        }
    }
    z
}

/// Weights on standardized features as weights on the raw features.
fn raw_weights(w: &Vector, sd: &Vector) -> Vector {
    let mut out = [0.0; N_FEATURES];
    for j in 0..N_FEATURES {
        if sd[j] > 0.0 {
            out[j] = w[j] / sd[j];
        }
    }
    out
}

/// One article for the softmax: its units' standardized features and target weights.
type Softmax = (Vec<Vector>, Vec<f64>);

/// The target weights of an article's units: 1 per oracle unit (`--target-weights
/// gain`: the square root of its gain over the article's largest), or for ListNet a
/// softmax of the units' `--target` values at temperature `--temp` (summing to 1).
fn softmax_targets(cfg: &FitArgs, listnet: bool, it: &Item) -> Vec<f64> {
    if listnet {
        let temp = cfg.temp;
        let mx = it.rows.iter().map(|r| r.target).fold(f64::MIN, f64::max);
        let e: Vec<f64> = it
            .rows
            .iter()
            .map(|r| ((r.target - mx) / temp).exp())
            .collect();
        let s: f64 = e.iter().sum();
        return e.iter().map(|x| x / s).collect();
    }
    let by_gain = cfg.target_weights == TargetWeights::Gain;
    let top = it.oracle_gain.iter().copied().fold(0.0, f64::max);
    (0..it.rows.len())
        .map(|k| match it.oracle.iter().position(|&o| o == k) {
            Some(p) if by_gain && top > 0.0 => (it.oracle_gain[p] / top).sqrt(),
            Some(_) => 1.0,
            None => 0.0,
        })
        .collect()
}

/// The softmax log-likelihood (to maximize) less the L2 penalty, both per article, and
/// its gradient at `w`.
fn softmax_objective(data: &[Softmax], alpha: f64, w: &Vector) -> (f64, Vector) {
    let m = data.len().max(1) as f64;
    let mut g = [0.0; N_FEATURES];
    let mut ll = 0.0;
    for (z, t) in data {
        let s: Vec<f64> = z
            .iter()
            .map(|x| x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>())
            .collect();
        let mx = s.iter().copied().fold(f64::MIN, f64::max);
        let e: Vec<f64> = s.iter().map(|v| (v - mx).exp()).collect();
        let se: f64 = e.iter().sum();
        let lse = mx + se.ln();
        let tsum: f64 = t.iter().sum();
        for (k, x) in z.iter().enumerate() {
            ll += t[k] * (s[k] - lse);
            let coef = t[k] - tsum * e[k] / se;
            for j in 0..N_FEATURES {
                g[j] += coef * x[j];
            }
        }
    }
    let reg: f64 = w.iter().map(|x| x * x).sum::<f64>();
    for j in 0..N_FEATURES {
        g[j] = g[j] / m - alpha * w[j] / m;
    }
    (ll / m - 0.5 * alpha * reg / m, g)
}

/// Conditional logit ("which unit of this article is an oracle unit"), or ListNet
/// (`--method listnet`): gradient ascent from 0 with a step that grows by 1.2 after a
/// step that raised the objective and halves otherwise, for 600 steps.
pub fn clogit(cfg: &FitArgs, items: &[&Item], alpha: f64, listnet: bool) -> Vector {
    let (mean, sd) = standardize(cfg, items, true);
    let data: Vec<Softmax> = items
        .iter()
        .map(|it| {
            let z = it
                .rows
                .iter()
                .map(|r| standardized(&r.x, &mean, &sd))
                .collect();
            (z, softmax_targets(cfg, listnet, it))
        })
        .filter(|(z, t): &Softmax| !z.is_empty() && t.iter().sum::<f64>() > 0.0)
        .collect();
    let mut w = [0.0; N_FEATURES];
    let (mut f, mut g) = softmax_objective(&data, alpha, &w);
    let mut lr = 1.0;
    for _ in 0..600 {
        let mut cand = w;
        for j in 0..N_FEATURES {
            cand[j] += lr * g[j];
        }
        let (fc, gc) = softmax_objective(&data, alpha, &cand);
        if fc >= f {
            w = cand;
            f = fc;
            g = gc;
            lr *= 1.2;
        } else {
            lr *= 0.5;
            if lr < 1e-9 {
                break;
            }
        }
    }
    eprintln!("clogit: objective {f:.4}");
    raw_weights(&w, &sd)
}

/// Solves the augmented system `a` (`m` rows of `m + 1`) in place by Gauss–Jordan
/// elimination with partial pivoting; a (nearly) zero pivot leaves its column alone.
fn eliminate(a: &mut [Vec<f64>]) {
    let m = a.len();
    for col in 0..m {
        let piv = (col..m)
            .max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs()))
            .unwrap_or(col);
        a.swap(col, piv);
        let p = a[col][col];
        if p.abs() < 1e-12 {
            continue;
        }
        for r in 0..m {
            if r != col {
                let f = a[r][col] / p;
                if f != 0.0 {
                    let pivot_row = a[col].clone();
                    for (x, y) in a[r].iter_mut().zip(&pivot_row).skip(col) {
                        *x -= f * y;
                    }
                }
            }
        }
    }
}

/// Ridge regression of the unit targets on the features (standardized; the intercept is
/// not penalized). Targets are centred per article so that the model learns the ranking
/// within an article.
pub fn ridge(cfg: &FitArgs, items: &[&Item], alpha: f64) -> Vector {
    let (mean, sd) = standardize(cfg, items, false);
    // Normal equations over the standardized, non-constant features plus an intercept.
    let cols: Vec<usize> = (0..N_FEATURES).filter(|&j| sd[j] > 0.0).collect();
    let m = cols.len() + 1;
    let mut a = vec![vec![0.0; m + 1]; m];
    for it in items {
        let ybar = it.rows.iter().map(|r| r.target).sum::<f64>() / it.rows.len().max(1) as f64;
        for row in &it.rows {
            let mut z = Vec::with_capacity(m);
            z.push(1.0);
            z.extend(cols.iter().map(|&j| (row.x[j] - mean[j]) / sd[j]));
            let y = row.target - ybar;
            for r in 0..m {
                for c in 0..m {
                    a[r][c] += z[r] * z[c];
                }
                a[r][m] += z[r] * y;
            }
        }
    }
    for (r, row) in a.iter_mut().enumerate().skip(1) {
        row[r] += alpha;
    }
    eliminate(&mut a);
    let mut w = [0.0; N_FEATURES];
    for (i, &j) in cols.iter().enumerate() {
        let p = a[i + 1][i + 1];
        if p.abs() > 1e-12 {
            w[j] = a[i + 1][m] / p / sd[j];
        }
    }
    w
}

/// Pairwise ranking: logistic regression on feature differences of pairs of units of the
/// same article, the label being which of the two has the higher rouge1 recall against
/// the reference (`--pair target`: the higher `--target` value); pairs closer than 0.05
/// are skipped. Standardized features, L2 strength `alpha`, 300 steps of plain gradient
/// descent (deterministic).
pub fn pairwise(cfg: &FitArgs, items: &[&Item], alpha: f64) -> Vector {
    let (mean, sd) = standardize(cfg, items, false);
    let key = |r: &Row| match cfg.pair {
        PairKey::Target => r.target,
        PairKey::R1r => r.r1_recall,
    };
    // Differences z_a - z_b, oriented so that unit a ranks higher (the label is +1).
    let mut diffs: Vec<Vector> = Vec::new();
    for it in items {
        let z: Vec<Vector> = it
            .rows
            .iter()
            .map(|r| standardized(&r.x, &mean, &sd))
            .collect();
        for a in 0..z.len() {
            for b in 0..z.len() {
                if key(&it.rows[a]) > key(&it.rows[b]) + 0.05 {
                    let mut x = [0.0; N_FEATURES];
                    for j in 0..N_FEATURES {
                        x[j] = z[a][j] - z[b][j];
                    }
                    diffs.push(x);
                }
            }
        }
    }
    let m = diffs.len().max(1) as f64;
    let mut w = [0.0; N_FEATURES];
    let lr = 0.5;
    for _ in 0..300 {
        let mut g = [0.0; N_FEATURES];
        for x in &diffs {
            let s: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            // d/dw of log(1 + exp(-s)) = -x * sigmoid(-s)
            let p = 1.0 / (1.0 + s.exp());
            for j in 0..N_FEATURES {
                g[j] -= x[j] * p;
            }
        }
        for j in 0..N_FEATURES {
            g[j] = g[j] / m + alpha * w[j] / m;
            w[j] -= lr * g[j];
        }
    }
    raw_weights(&w, &sd)
}

/// The weights of a linear method.
pub fn fit(cfg: &FitArgs, method: Linear, items: &[&Item], alpha: f64) -> Vector {
    match method {
        Linear::Pairwise => pairwise(cfg, items, alpha),
        Linear::Clogit => clogit(cfg, items, alpha, false),
        Linear::Listnet => clogit(cfg, items, alpha, true),
        Linear::Ridge => ridge(cfg, items, alpha),
    }
}
