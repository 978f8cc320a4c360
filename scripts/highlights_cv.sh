#!/usr/bin/env bash
# Repeated cross-validation of the highlight model: 5-fold held-out ROUGE of
# `examples/fit_highlights.rs` (each fold fitted from scratch on the other four),
# averaged over 10 partitions of the articles (HL_SEED=0..9).
#
#   scripts/highlights_cv.sh [FILE.jsonl]      (default ../shared/data/cnndm/dev.jsonl)
#
# Extra HL_* variables in the environment (see fit_highlights.rs) are passed through.
# Prints the mean held-out rouge1/rouge2/rougeLsum F1 x100 and the spread of R1 over
# the partitions. Lead-3 on the same file: `cargo run --release -p nutgraf --example
# cnndm_eval -- FILE.jsonl`.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/cnndm/dev.jsonl}
if [[ ! -f $data ]]; then
    echo "highlights_cv: $data not found (the shared data sits beside the repository)" >&2
    exit 2
fi
cargo build --quiet --release -p nutgraf --example fit_highlights
bin=target/release/examples/fit_highlights
for seed in 0 1 2 3 4 5 6 7 8 9; do
    HL_SEED=$seed "$bin" "$data" 2>/dev/null | sed -n 's/^cross-validated (held-out) R1\/R2\/RLsum: //p'
done | awk -F/ '
    { r1 += $1; r2 += $2; rl += $3; n++; v[n] = $1 }
    END {
        if (n == 0) { print "highlights_cv: no fold results" > "/dev/stderr"; exit 1 }
        m = r1 / n
        for (i = 1; i <= n; i++) ss += (v[i] - m) ^ 2
        sd = n > 1 ? sqrt(ss / (n - 1)) : 0
        printf "held-out over %d partitions: R1 %.2f  R2 %.2f  RLsum %.2f  (sd of R1 %.2f)\n", n, m, r2 / n, rl / n, sd
    }'
