#!/usr/bin/env python3
"""Per-page precision/recall of an AEB prediction file (worst first), for error analysis.
Usage: crates/nutgraf-lab/scripts/perpage.py GOLD.json PRED.jsonl [N]"""
import json, re, sys
from collections import Counter

def sh(t):
    w = re.findall(r"\w+", t or "")
    if not w:
        return Counter()
    if len(w) < 4:
        return Counter([tuple(w)])
    return Counter(tuple(w[i:i + 4]) for i in range(len(w) - 3))

gold = json.load(open(sys.argv[1]))
pred = {}
for line in open(sys.argv[2]):
    o = json.loads(line)
    pred[o["id"]] = o.get("text") or ""
n = int(sys.argv[3]) if len(sys.argv) > 3 else 15
rows = []
for k, v in gold.items():
    g, p = sh(v["articleBody"]), sh(pred.get(k, ""))
    tp = sum((g & p).values())
    P = tp / max(1, sum(p.values())) if p else 0
    R = tp / max(1, sum(g.values()))
    rows.append((2 * P * R / (P + R) if P + R else 0, P, R, k, v["url"]))
rows.sort()
for f, P, R, k, u in rows[:n]:
    print(f"{f:.3f} P={P:.3f} R={R:.3f} {k[:12]} {u[:90]}")
