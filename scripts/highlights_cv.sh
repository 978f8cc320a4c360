#!/usr/bin/env bash
# Repeated cross-validation of the highlight model: 5-fold held-out ROUGE of
# `nutgraf-lab fit-highlights` (each fold fitted from scratch on the other four),
# averaged over 10 partitions of the articles (--seed 0..9).
#
#   scripts/highlights_cv.sh [FILE.jsonl] [OPTIONS...]   (default ../shared/data/cnndm/dev.jsonl)
#
# OPTIONS are passed to the fitter (`nutgraf-lab fit-highlights --help`: --method,
# --alpha, --oracle-n, ...), except --seed, --folds and --write. The shipped setting (the
# fit that reproduces weights.rs) is `scripts/highlights_cv.sh --legacy-twins short,dateline`.
# Prints the mean held-out rouge1/rouge2/rougeLsum F1 x100 and the spread of R1 over
# the partitions. Lead-3 on the same file: `cargo run --release -p nutgraf-lab --
# cnndm-eval FILE.jsonl`.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/cnndm/dev.jsonl
if [[ $# -gt 0 && $1 != --* ]]; then
    data=$1
    shift
fi
if [[ ! -f $data ]]; then
    echo "highlights_cv: $data not found (the shared data sits beside the repository)" >&2
    exit 2
fi
source scripts/target-dir.sh
cargo build --quiet --release -p nutgraf-lab
bin=$target/release/nutgraf-lab
for seed in 0 1 2 3 4 5 6 7 8 9; do
    "$bin" fit-highlights "$data" "$@" --seed "$seed" 2>/dev/null | sed -n 's/^cross-validated (held-out) R1\/R2\/RLsum: //p'
done | awk -F/ '
    { r1 += $1; r2 += $2; rl += $3; n++; v[n] = $1 }
    END {
        if (n == 0) { print "highlights_cv: no fold results" > "/dev/stderr"; exit 1 }
        m = r1 / n
        for (i = 1; i <= n; i++) ss += (v[i] - m) ^ 2
        sd = n > 1 ? sqrt(ss / (n - 1)) : 0
        printf "held-out over %d partitions: R1 %.2f  R2 %.2f  RLsum %.2f  (sd of R1 %.2f)\n", n, m, r2 / n, rl / n, sd
    }'
