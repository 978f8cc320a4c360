#!/usr/bin/env python3
"""Predictions of trafilatura on the shared evaluation pages, for the README comparison.
Usage: trafilatura_preds.py aeb|snippets SHARED_DATA_DIR > preds.jsonl  (run in a venv with trafilatura)"""
import gzip, json, sys, os
import trafilatura

which, data = sys.argv[1], sys.argv[2]
if which == "aeb":
    gold = json.load(open(os.path.join(data, "aeb", "ground-truth.json")))
    for pid in sorted(gold):
        html = gzip.open(os.path.join(data, "aeb", "html", pid + ".html.gz")).read().decode("utf-8", "replace")
        fast = os.environ.get("FAST") == "1"
        text = trafilatura.extract(html, include_comments=False, no_fallback=fast) or ""
        print(json.dumps({"id": pid, "text": text}))
else:
    for line in open(os.path.join(data, "snippets", "cases.jsonl")):
        c = json.loads(line)
        raw = gzip.open(os.path.join(data, "snippets", c["file"])).read()
        doc = trafilatura.bare_extraction(raw, with_metadata=True)
        if doc is None:
            print(json.dumps({"id": c["id"], "text": ""})); continue
        d = doc.as_dict() if hasattr(doc, "as_dict") else doc
        author = d.get("author")
        print(json.dumps({"id": c["id"], "text": d.get("text") or "", "title": d.get("title"),
                          "author": author or "", "published": d.get("date")}))
