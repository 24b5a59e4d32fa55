"""Throughput of `tracker.extract` (quotes and claims together) on real news articles.

usage: python benchmarks/extract.py [CSV ...] [--repeat N]
Defaults to ../shared/corpus/wikinews/*.csv. Prints articles/s and MB/s on one core, and the split between
quote and claim extraction, from CPU time (time.process_time), best of --repeat runs, so that other jobs on a shared
machine move the figures less than they move wall-clock time. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import glob
import time
from pathlib import Path

from tracker.extraction.claims import find_claims
from tracker.extraction.quotes import find_quotes
from tracker.extraction.sentences import sentences
from tracker.read.cleaning import clean
from tracker.read.formats import read_path

ROOT = Path(__file__).resolve().parent.parent


def load(paths):
    arts = []
    for p in paths:
        for rec in read_path(p):
            if not isinstance(rec, Exception):
                a = clean(rec)
                if a.body:
                    arts.append(a)
    return arts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = args.csv or sorted(glob.glob(str(ROOT.parent / "shared" / "corpus" / "wikinews" / "*.csv")))
    if not paths:
        raise SystemExit("no input: pass CSV files (url,date,title,text), e.g. ../shared/corpus/wikinews/*.csv")
    arts = load(paths)
    mb = sum(len(a.body.encode("utf-8")) for a in arts) / 1e6
    best = {"sentences": 1e9, "quotes": 1e9, "claims": 1e9}
    nq = nc = 0
    for _ in range(args.repeat):
        t = {"sentences": 0.0, "quotes": 0.0, "claims": 0.0}
        nq = nc = 0
        for a in arts:
            t0 = time.process_time()
            spans = sentences(a.body)
            t1 = time.process_time()
            quotes = find_quotes(a.body, spans)
            t2 = time.process_time()
            claims = find_claims(a.body, quotes, a.published, spans)
            t3 = time.process_time()
            t["sentences"] += t1 - t0
            t["quotes"] += t2 - t1
            t["claims"] += t3 - t2
            nq += len(quotes)
            nc += len(claims)
        best = {k: min(best[k], t[k]) for k in t}
    total = sum(best.values())
    print(f"{len(arts)} articles, {mb:.2f} MB, {nq} quotes, {nc} claims (best of {args.repeat})")
    for k, v in best.items():
        print(f"  {k:<9} {v / len(arts) * 1000:6.2f} ms/article")
    print(f"extract: {len(arts) / total:,.0f} articles/s, {mb / total:.2f} MB/s on one core")


if __name__ == "__main__":
    main()
