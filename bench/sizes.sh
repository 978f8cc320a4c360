#!/usr/bin/env bash
# Cost against input size (issue 16): `nutgraf read` and `nutgraf digest` on invented
# pages from 10 KB to 50 MB, with wall time and peak memory (GNU time) per MB of input.
# Two shapes: `story`, one news paragraph repeated inside <article> (the shape that once
# made highlighting quadratic), and `markup`, a short story followed by sidebar and ad
# markup repeated (many elements, little text). Flat columns mean linear cost.
#
# Usage: bench/sizes.sh [SIZES_IN_KB...]   (default: 10 100 1000 5000 20000 50000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cargo build --quiet --release -p nutgraf-cli --manifest-path "$root/Cargo.toml"
source "$root/scripts/target-dir.sh"
bin="$target/release/nutgraf"
work="${TMPDIR:-/tmp}/nutgraf-sizes-bench"
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100 1000 5000 20000 50000)
printf '%-8s %-7s %-7s %9s %10s %10s %11s\n' size shape command seconds "s per MB" "peak MB" "peak per MB"
for kb in "${sizes[@]}"; do
 for shape in story markup; do
  page="$work/page-$shape-$kb.html"
  python3 - "$kb" "$page" "$shape" <<'PY'
import sys
kb, path, shape = int(sys.argv[1]), sys.argv[2], sys.argv[3]
para = ("<p>The council voted on Tuesday to close the old bridge for repairs, a decision "
        "that officials said would add twenty minutes to the commute of thousands of "
        "residents, while engineers warned that the steel had corroded faster than expected.</p>\n")
head = "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>\n"
if shape == "story":
    body, tail = para, "</article></body></html>\n"
else:
    head += para * 5 + "</article>\n"
    body = ("<div class=\"sidebar promo\"><a href=\"/deals\">Today's deals</a> "
            "<a href=\"/newsletter\">Newsletter</a><span>Ad</span></div>\n")
    tail = "</body></html>\n"
n = max(1, (kb * 1024 - len(head)) // len(body))
with open(path, "w") as f:
    f.write(head + body * n + tail)
PY
  mb=$(python3 -c "import os; print(os.path.getsize('$page') / 1e6)")
  for cmd in read digest; do
    out=$( { /usr/bin/time -f '%e %M' "$bin" "$cmd" "$page" > /dev/null; } 2>&1 | tail -1 )
    read -r secs kbytes <<<"$out"
    python3 -c "
mb, s, k = $mb, $secs, $kbytes
print(f'{$kb:>6}KB {\"$shape\":<7} {\"$cmd\":<7} {s:9.2f} {s/mb:10.3f} {k/1024:10.0f} {k/1024/mb:11.1f}')"
  done
 done
done
