#!/usr/bin/env python3
"""Shows predicted paragraphs absent from the gold (precision errors) and gold lines missed.
Usage: crates/nutgraf-lab/scripts/extra.py GOLD.json PRED.jsonl ID_PREFIX"""
import json, re, sys
gold = json.load(open(sys.argv[1]))
pred = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(sys.argv[2])}
k = next(i for i in gold if i.startswith(sys.argv[3]))
norm = lambda t: " ".join(re.findall(r"\w+", t))
g, p = norm(gold[k]["articleBody"]), norm(pred[k])
print("--- predicted, not in gold:")
for para in pred[k].split("\n\n"):
    if norm(para) and norm(para) not in g:
        print("  +", para[:160])
print("--- gold, not predicted:")
for para in gold[k]["articleBody"].split("\n"):
    if norm(para) and norm(para) not in p:
        print("  -", para[:160])
