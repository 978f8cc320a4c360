#!/usr/bin/env bash
# Pages per second of nutgraf and trafilatura on the same pages, single thread.
#
# Usage: bench/compare.sh [DIR] [ROUNDS]
#   DIR     folder of *.html / *.html.gz pages (default: ../shared/data/aeb/html next to
#           the repository)
#   ROUNDS  timed rounds per tool; the best round counts (default: 5)
#
# Optional tooling: nutgraf never depends on Python. trafilatura is installed with pip into
# a throwaway venv, ${TMPDIR:-/tmp}/nutgraf-bench-venv (delete it to start over; set
# NUTGRAF_BENCH_VENV to use another one), together with lxml_html_clean, which its justext
# dependency imports but lxml 6 no longer installs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
dir="${1:-$root/../shared/data/aeb/html}"
rounds="${2:-5}"
venv="${NUTGRAF_BENCH_VENV:-${TMPDIR:-/tmp}/nutgraf-bench-venv}"

if [[ ! -d "$dir" ]]; then
    echo "error: no such folder: $dir" >&2
    exit 1
fi
dir="$(cd "$dir" && pwd)"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "setting up $venv (trafilatura from PyPI) ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura lxml_html_clean
fi
trafilatura_version="$("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')"

echo "building nutgraf (release) ..." >&2
(cd "$root" && cargo build --quiet --release -p nutgraf-lab)

echo "timing nutgraf ..." >&2
nutgraf_line="$(cd "$root" && cargo run --quiet --release -p nutgraf-lab -- bench-read "$dir" html "$rounds")"
echo "timing trafilatura $trafilatura_version ..." >&2
trafilatura_line="$("$venv/bin/python" "$here/trafilatura_bench.py" "$dir" "$rounds")"

# Both print "... = N pages/s (M MB/s)".
rate() { sed -E 's/.* = ([0-9.]+) pages\/s.*/\1/' <<<"$1"; }
nutgraf_rate="$(rate "$nutgraf_line")"
trafilatura_rate="$(rate "$trafilatura_line")"

echo
echo "pages: $dir"
echo "nutgraf:     $nutgraf_line"
echo "trafilatura: $trafilatura_line"
echo
printf '%-22s %10s %8s\n' "extractor" "pages/s" "ratio"
printf '%-22s %10s %8s\n' "nutgraf" "$nutgraf_rate" \
    "$(awk -v a="$nutgraf_rate" -v b="$trafilatura_rate" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-22s %10s %8s\n' "trafilatura $trafilatura_version" "$trafilatura_rate" "1.00x"
