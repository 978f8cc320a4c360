#!/usr/bin/env bash
# Batch mode at scale (issue 6): throughput with --jobs 2 against --jobs 1 on the same
# input, and peak memory for a 100-record and a 10,000-record input (flat memory means
# streaming works). Needs ../shared beside the repository and GNU time.
#
# Usage: bench/batch.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$root/../shared/data"
work="${TMPDIR:-/tmp}/nutgraf-batch-bench"
mkdir -p "$work"
cargo build --quiet --release -p nutgraf-cli --manifest-path "$root/Cargo.toml"
source "$root/scripts/target-dir.sh"
bin="$target/release/nutgraf"

# Inputs: HTML pages of the AEB dev set as JSONL records, repeated.
python3 - "$shared/aeb/html" "$work" <<'PY'
import gzip, json, os, sys
src, work = sys.argv[1], sys.argv[2]
pages = [gzip.open(os.path.join(src, f)).read().decode("utf-8", "replace")
         for f in sorted(os.listdir(src)) if f.endswith(".html.gz")]
for n in (100, 1000, 10000):
    with open(os.path.join(work, f"pages-{n}.jsonl"), "w") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"p{i}", "html": pages[i % len(pages)]}) + "\n")
PY

rss() { # peak RSS in MB of: nutgraf batch ARGS
  /usr/bin/time -v "$bin" batch "$@" -o /dev/null --no-progress 2>&1 >/dev/null \
    | awk '/Maximum resident set size/ {printf "%.1f", $6/1024}'
}
secs() { # wall seconds of: nutgraf batch ARGS
  local t0 t1
  t0=$(date +%s.%N)
  "$bin" batch "$@" -o /dev/null --no-progress 2>/dev/null
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== throughput, 1,000 HTML pages (best of 3)"
best() { local b=999999; for _ in 1 2 3; do t=$(secs "$@"); b=$(python3 -c "print(min($b, $t))"); done; echo "$b"; }
t1=$(best "$work/pages-1000.jsonl" --jobs 1)
t2=$(best "$work/pages-1000.jsonl" --jobs 2)
python3 -c "print(f'--jobs 1: {1000/$t1:.0f} pages/s   --jobs 2: {1000/$t2:.0f} pages/s   speed-up {$t1/$t2:.2f}x')"
echo "== peak memory (RSS), --jobs 2"
r100=$(rss "$work/pages-100.jsonl" --jobs 2)
r10k=$(rss "$work/pages-10000.jsonl" --jobs 2)
python3 -c "print(f'100 records: {$r100} MB   10,000 records: {$r10k} MB   ratio {$r10k/$r100:.2f}')"
