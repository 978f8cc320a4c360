#!/usr/bin/env bash
# Scores nutgraf's metadata extraction (title/author/date) on the snippets DEV pages.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${CASES:-/work/shared/data/snippets/cases.jsonl}
OUT=${OUT:-/tmp/nutgraf_meta_preds.jsonl}
cargo run --quiet --release -p nutgraf --example meta_eval -- "$CASES" "$OUT"
python3 /work/shared/eval/score_snippets.py --cases "$CASES" --pred "$OUT" "$@"
