#!/usr/bin/env python3
"""Throughput of trafilatura.extract over a folder of pages held in memory, single thread.

Usage: trafilatura_bench.py DIR [ROUNDS]

Reads every *.html and *.html.gz file of DIR (gunzipped in memory), then times
trafilatura.extract(page) over all of them ROUNDS times and reports the best round, in
the same format as nutgraf's bench_read example. Pages are passed as bytes, so
trafilatura decodes them itself, as nutgraf::read does.
"""
import gzip
import os
import sys
import time

import trafilatura


def load(folder):
    pages = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".gz"):
            with gzip.open(path, "rb") as f:
                pages.append(f.read())
        elif name.endswith((".html", ".htm")):
            with open(path, "rb") as f:
                pages.append(f.read())
    return pages


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: trafilatura_bench.py DIR [ROUNDS]")
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    pages = load(folder)
    if not pages:
        sys.exit(f"no pages in {folder}")
    mb = sum(len(p) for p in pages) / 1e6
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        n = 0
        for page in pages:
            text = trafilatura.extract(page)
            if text:
                n += len(text)
        best = min(best, time.perf_counter() - start)
    print(
        f"{len(pages)} pages, {mb:.1f} MB: best of {rounds} rounds {best:.3f} s = "
        f"{len(pages) / best:.0f} pages/s ({mb / best:.0f} MB/s)"
    )


if __name__ == "__main__":
    main()
