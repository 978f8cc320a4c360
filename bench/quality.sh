#!/usr/bin/env bash
# Scores trafilatura on the same shared evaluation pages as scripts/eval.sh scores
# nutgraf, with the same official scorers (for the README's comparison table).
# trafilatura is installed into the throwaway venv that bench/compare.sh uses.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$root/../shared"
venv="${NUTGRAF_BENCH_VENV:-${TMPDIR:-/tmp}/nutgraf-bench-venv}"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura lxml_html_clean
fi
source "$root/scripts/target-dir.sh"
out="$target/eval"
mkdir -p "$out"
echo "== trafilatura $("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)'), AEB dev HTML (default mode, then fast mode)"
"$venv/bin/python" "$here/trafilatura_preds.py" aeb "$shared/data" > "$out/traf-aeb.jsonl" 2>/dev/null
python3 "$shared/eval/score_extract.py" --gold "$shared/data/aeb/ground-truth.json" --pred "$out/traf-aeb.jsonl" | tail -1
FAST=1 "$venv/bin/python" "$here/trafilatura_preds.py" aeb "$shared/data" > "$out/traf-aeb-fast.jsonl" 2>/dev/null
python3 "$shared/eval/score_extract.py" --gold "$shared/data/aeb/ground-truth.json" --pred "$out/traf-aeb-fast.jsonl" | tail -1
echo "== trafilatura, snippets dev (body, title, author, date)"
"$venv/bin/python" "$here/trafilatura_preds.py" snippets "$shared/data" > "$out/traf-snippets.jsonl" 2>/dev/null
python3 "$shared/eval/score_snippets.py" --cases "$shared/data/snippets/cases.jsonl" --pred "$out/traf-snippets.jsonl"
