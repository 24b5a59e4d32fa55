"""Cross-validated F1 of the claim detector: the honest estimate for a held-out set.

usage: python benchmarks/claims_cv.py [GOLD.jsonl] [--l2 1.0] [--repeats 3] [--folds 5]

The weights in `tracker/claims.py` were fitted by logistic regression on the ClaimBuster dev sentences, so
`tracker eval claims` on that same file flatters. This refits the weights and chooses the threshold inside each
training fold, then scores the held-out fold, with the same sentence-level rule as `tracker eval claims` (a
factual-kind claim covering at least half of the sentence). Defaults to ../shared/eval/claimbuster-dev.jsonl
(GPL-3.0, never copied into the repository). A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

from tracker.extraction import claims as C

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "claimbuster-dev.jsonl"


def features(text: str) -> list[str] | None:
    """Features of the best factual clause covering half the sentence, or None when there is none."""
    big = [
        c
        for c in C.find_claims(text, [], None, None)
        if c.kind in C.FACTUAL_KINDS and 2 * (min(c.end, len(text)) - max(c.start, 0)) >= len(text)
    ]
    return sorted(set(max(big, key=lambda c: c.score).features)) if big else None


def fit(data, l2: float, iters: int = 600, lr: float = 1.0):
    names = {f for fs, _ in data for f in fs}
    w, b, n = dict.fromkeys(names, 0.0), 0.0, len(data)
    for _ in range(iters):
        gw = dict.fromkeys(names, 0.0)
        gb = 0.0
        for fs, y in data:
            d = 1 / (1 + math.exp(-(b + sum(w[f] for f in fs)))) - y
            gb += d
            for f in fs:
                gw[f] += d
        b -= lr * gb / n
        for f in names:
            w[f] -= lr * (gw[f] + l2 * w[f]) / n
    return w, b


def prob(w, b, fs) -> float:
    return 1 / (1 + math.exp(-(b + sum(w.get(f, 0.0) for f in fs))))


def best_threshold(scored, positives: int) -> float:
    def f1(th):
        tp = sum(1 for s, y in scored if s >= th and y)
        fp = sum(1 for s, y in scored if s >= th and not y)
        p, r = tp / max(1, tp + fp), tp / max(1, positives)
        return 2 * p * r / max(1e-9, p + r)

    return max((f1(t / 100), t / 100) for t in range(10, 80))[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(GOLD))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    if not Path(args.gold).exists():
        raise SystemExit(f"no gold file at {args.gold} (ClaimBuster dev, GPL-3.0: kept outside the repository)")
    with open(args.gold, encoding="utf-8") as fp:
        recs = [json.loads(line) for line in fp if line.strip()]
    C.THRESHOLD = -1.0  # every factual clause, whatever its score: the threshold is chosen inside each fold
    rows = [(features(r["text"]), bool(r["is_claim"])) for r in recs]
    tp = fp = positives = 0
    for seed in range(args.repeats):
        idx = list(range(len(rows)))
        random.Random(seed).shuffle(idx)
        for k in range(args.folds):
            test = set(idx[k :: args.folds])
            train = [rows[i] for i in idx if i not in test]
            known = [(fs, y) for fs, y in train if fs is not None]
            w, b = fit(known, args.l2)
            th = best_threshold([(prob(w, b, fs), y) for fs, y in known], sum(y for _, y in train))
            for i in test:
                fs, y = rows[i]
                yes = fs is not None and prob(w, b, fs) >= th
                tp += yes and y
                fp += yes and not y
                positives += y
    p, r = tp / max(1, tp + fp), tp / max(1, positives)
    print(
        f"{args.repeats} x {args.folds}-fold cross-validation on {args.gold} ({len(rows)} sentences): "
        f"P {100 * p:.1f}  R {100 * r:.1f}  F1 {200 * p * r / max(1e-9, p + r):.1f}"
    )


if __name__ == "__main__":
    main()
