#!/usr/bin/env python3
"""Error analysis for quotes: prints sampled missed gold attributions (with context and our
overlapping predictions) from score_quotes.py --details output.
Usage: quotes_misses.py GOLD PRED DETAILS [subset speech|direct] [n] [seed] [mode miss|spk|fp]"""
import json, random, sys
gold_p, pred_p, det_p = sys.argv[1:4]
subset = sys.argv[4] if len(sys.argv) > 4 else "direct"
n = int(sys.argv[5]) if len(sys.argv) > 5 else 15
random.seed(int(sys.argv[6]) if len(sys.argv) > 6 else 0)
mode = sys.argv[7] if len(sys.argv) > 7 else "miss"
gold = {}
for l in open(gold_p):
    r = json.loads(l); gold[r["id"]] = r
preds = {}
for l in open(pred_p):
    r = json.loads(l); preds[r["id"]] = r["quotes"]
cases = []
for l in open(det_p):
    d = json.loads(l)
    row = gold[d["id"]]; t = row["text"]
    atts = row["attributions"]
    if mode == "fp":
        for p in d["pred"]:
            if p["matched_gold"] is None:
                q = preds[d["id"]][p["quote_index"]]
                cases.append((t, None, q))
        continue
    for g in d["gold"]:
        if not g[subset]:
            continue
        if mode == "miss" and g["matched_pred"] is None:
            cases.append((t, atts[g["att_index"]], None))
        if mode == "spk" and g["matched_pred"] is not None and not g["speaker_ok"]:
            cases.append((t, atts[g["att_index"]], preds[d["id"]][g["matched_pred"]]))
for t, a, q in random.sample(cases, min(n, len(cases))):
    if a:
        co = a["content"]["offsets"]; s, e = co[0][0], co[-1][1]
        src = [t[x:y] for x, y in ((a.get("source") or {}).get("offsets") or [])]
        cue = [t[x:y] for x, y in ((a.get("cue") or {}).get("offsets") or [])]
        lo = t.rfind("\n", 0, s) + 1; hi = t.find("\n", e); hi = len(t) if hi < 0 else hi
        print("CTX:", t[max(lo, s - 300):min(hi, e + 200)].replace("\n", " | "))
        print("  GOLD:", [t[x:y] for x, y in co], "SRC", src, "CUE", cue)
    if q:
        s = q["content_start"]
        lo = t.rfind("\n", 0, s) + 1; hi = t.find("\n", q["content_end"]); hi = len(t) if hi < 0 else hi
        if not a:
            print("CTX:", t[lo:hi][:600])
        print("  PRED:", q["content"][:200], "| MENTION", q["speaker_mention"], "| SPK", q["speaker"], "| CUE", q["cue"], q["kind"])
    print()
print(len(cases), "cases")
