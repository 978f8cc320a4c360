#!/usr/bin/env python3
"""Lists missed "with" snippets and found "without" snippets per page (error analysis).
Usage: crates/nutgraf-lab/scripts/snip_miss.py CASES.jsonl PRED.jsonl [N]"""
import json, re, sys
norm = lambda t: re.sub(r"\s+", " ", t or "").strip()
cases = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[1])}
pred = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[2])}
n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
rows = []
for k, c in cases.items():
    t = norm(pred.get(k, {}).get("text"))
    fn = [w for w in c["with"] if norm(w) not in t]
    fp = [w for w in c["without"] if norm(w) in t]
    if fn or fp:
        rows.append((len(fn) + len(fp), k, c["url"], fn, fp, len(t)))
rows.sort(reverse=True)
for s, k, u, fn, fp, L in rows[:n]:
    print(f"{k} len={L} {u[:80]}")
    for w in fn: print("   MISS", w[:100])
    for w in fp: print("   HAVE", w[:100])
