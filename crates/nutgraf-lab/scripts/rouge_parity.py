#!/usr/bin/env python3
"""Expected ROUGE scores from Google's `rouge-score` for the parity test of `nutgraf rouge`.

Run once (fitting/checking only; nutgraf never needs Python):

    python3 -m venv /tmp/rouge-venv && /tmp/rouge-venv/bin/pip install rouge-score
    /tmp/rouge-venv/bin/python crates/nutgraf-lab/scripts/rouge_parity.py \
        ../shared/data/cnndm/test-refs-simcls.jsonl > crates/nutgraf-cli/testdata/rouge_parity.jsonl

Takes a fixed sample (every 57th line, 200 pairs) and writes one JSON line per pair with
its id and the scores only, never the texts (they are the publishers'):
{"id", "stem": {"rouge1": [p, r, f], "rouge2": [...], "rougeLsum": [...]}, "nostem": {...}}.
Floats are printed with repr(), so they round-trip exactly.
"""
import json
import sys

from rouge_score import rouge_scorer

TYPES = ["rouge1", "rouge2", "rougeLsum"]


def main():
    path = sys.argv[1]
    scorers = {
        "stem": rouge_scorer.RougeScorer(TYPES, use_stemmer=True),
        "nostem": rouge_scorer.RougeScorer(TYPES, use_stemmer=False),
    }
    with open(path, encoding="utf-8") as fh:
        lines = fh.readlines()
    sample = lines[::57][:200]
    for line in sample:
        rec = json.loads(line)
        out = {"id": rec["id"]}
        for name, scorer in scorers.items():
            s = scorer.score(rec["reference"], rec["candidate"])
            out[name] = {t: [s[t].precision, s[t].recall, s[t].fmeasure] for t in TYPES}
        print(json.dumps(out))


if __name__ == "__main__":
    main()
