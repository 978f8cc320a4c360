#!/bin/sh
# Scores `nutgraf quotes` on PolNeAR (../shared): SPLIT defaults to dev.
# Usage: scripts/eval_quotes.sh [split] [extra score_quotes.py args]
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
SPLIT=${1:-dev}
[ $# -gt 0 ] && shift
OUT=${OUT:-/tmp/nutgraf-quotes}
mkdir -p "$OUT"
cargo build -q --release -p nutgraf-lab
. scripts/target-dir.sh
"$target/release/nutgraf-lab" quotes-preds "$SHARED/data/polnear/train-dev.jsonl" > "$OUT/preds.jsonl"
python3 "$SHARED/eval/score_quotes.py" --gold "$SHARED/data/polnear/train-dev.jsonl" --split "$SPLIT" \
  --pred "$OUT/preds.jsonl" --quiet --details "$OUT/details-$SPLIT.jsonl" "$@"
