"""Is extraction linear on articles made of two shapes, one after the other?

usage: python benchmarks/mixed_articles.py [--sizes 10000,100000] [--only NAME ...] [--limit RATIO]
long_articles.py times each shape alone; a step that carries state from one part of a text to the next can be
linear on every shape alone and quadratic on a mix: a search for the next digit restarted at every sentence once
past the text's last digit, which only a figure followed by many short sentences without one showed (19.7 s/MB at
100 KB). Here every ordered pair of long_articles.py's articles (real news included) is built half and half at two
sizes, and the growth of CPU seconds per MB from the smaller to the larger is printed for the pairs over --limit
(linear: about 1; quadratic: about the ratio of the sizes). A benchmark, not a test: timings move with the load.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_articles import ADVERSARIAL, ROOT, build, real_text  # noqa: E402

if "--installed" not in sys.argv:
    sys.path.insert(0, str(ROOT))

from tracker import extract  # noqa: E402


def mixed(first: str, second: str, size: int, real: str) -> str:
    half = size // 2
    a = build(first, ADVERSARIAL.get(first), half, real)
    b = build(second, ADVERSARIAL.get(second), size - half, real)
    return a + "\n\n" + b


def per_mb(text: str) -> float:
    t0 = time.process_time()
    extract(text, "2021-05-05")
    return (time.process_time() - t0) / (len(text.encode("utf-8")) / 1e6)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000", help="the two article sizes in characters")
    ap.add_argument("--only", nargs="*", help="pairs with at least one of these articles")
    ap.add_argument("--limit", type=float, default=2.0, help="print pairs whose s/MB grows more than this")
    ap.add_argument("--installed", action="store_true", help="time the installed tracker, not the checkout")
    args = ap.parse_args()
    small, large = (int(s) for s in args.sizes.split(","))
    real = real_text()
    names = ["real news", *ADVERSARIAL]
    extract("Warm-up: “It compiled the patterns,” he said on May 5, 2021, of $5 million.", "2021-05-05")
    worst, pairs, t_start = (0.0, ""), 0, time.process_time()
    for first in names:
        for second in names:
            if first == second or (args.only and first not in args.only and second not in args.only):
                continue
            pairs += 1
            a = per_mb(mixed(first, second, small, real))
            b = per_mb(mixed(first, second, large, real))
            growth = b / a if a > 0 else 0.0
            worst = max(worst, (growth, f"{first} + {second}"))
            if growth > args.limit or b > 2.0:
                print(f"{first + ' + ' + second:<52} {a:6.2f} -> {b:6.2f} s/MB  (x{growth:.1f})", flush=True)
    took = time.process_time() - t_start
    print(f"{pairs} pairs in {took:.0f} s; largest growth x{worst[0]:.1f} ({worst[1]}); linear is about x1")


if __name__ == "__main__":
    main()
