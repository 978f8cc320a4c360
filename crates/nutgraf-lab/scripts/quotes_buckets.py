#!/usr/bin/env python3
"""Which kinds of predictions cost or earn F1: per bucket (kind, cue word, frame), the
change in SPEECH/DIRECT end-to-end F1 if the bucket were dropped (greedy matching kept).
Usage: quotes_buckets.py GOLD PRED DETAILS"""
import json, sys, collections
gold_p, pred_p, det_p = sys.argv[1:4]
gold = {}
for l in open(gold_p):
    r = json.loads(l); gold[r["id"]] = r
preds = {}
for l in open(pred_p):
    r = json.loads(l); preds[r["id"]] = r["quotes"]
tot = {"n": 0, "ok": 0, "sp": 0, "dr": 0}
ng = {"speech": 0, "direct": 0}
b = collections.defaultdict(lambda: {"n": 0, "ok": 0, "sp": 0, "dr": 0})
for l in open(det_p):
    d = json.loads(l); t = gold[d["id"]]["text"]
    gm = {}
    for g in d["gold"]:
        ng["speech"] += g["speech"]; ng["direct"] += g["direct"]
        if g["matched_pred"] is not None:
            gm[g["matched_pred"]] = g
    for p in d["pred"]:
        q = preds[d["id"]][p["quote_index"]]
        cue = (q["cue"] or "-").split()[0].lower()
        if q["speaker_mention_start"] is None: frame = "nospk"
        elif q["cue"] is None: frame = "orphan"
        elif q["content_start"] > q["speaker_mention_start"]: frame = "pre"
        else: frame = "post"
        key = (q["kind"], cue, frame)
        g = gm.get(p["quote_index"])
        ok = g is not None and g["speaker_ok"]
        for k in (key, ("*", "*", frame), (q["kind"], "*", "*")):
            b[k]["n"] += 1; b[k]["ok"] += ok
            b[k]["sp"] += ok and g["speech"]; b[k]["dr"] += ok and g["direct"]
        tot["n"] += 1; tot["ok"] += ok; tot["sp"] += ok and g["speech"]; tot["dr"] += ok and g["direct"]
def f1(ok, n, m, gn):
    p = ok / n if n else 0; r = m / gn if gn else 0
    return 2 * p * r / (p + r) if p + r else 0
base_s = f1(tot["ok"], tot["n"], tot["sp"], ng["speech"]); base_d = f1(tot["ok"], tot["n"], tot["dr"], ng["direct"])
print(f"base SPEECH {base_s:.4f} DIRECT {base_d:.4f}")
rows = []
for k, v in b.items():
    s = f1(tot["ok"] - v["ok"], tot["n"] - v["n"], tot["sp"] - v["sp"], ng["speech"]) - base_s
    dd = f1(tot["ok"] - v["ok"], tot["n"] - v["n"], tot["dr"] - v["dr"], ng["direct"]) - base_d
    rows.append((dd, s, k, v))
rows.sort(key=lambda x: -(x[0] + x[1]))
for dd, s, k, v in rows[:40]:
    print(f"{str(k):45} n={v['n']:5} ok={v['ok']:5} dDIRECT={dd:+.4f} dSPEECH={s:+.4f}")
