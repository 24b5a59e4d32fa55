"""A longer fuzz run of `tracker.extract` than the test suite's: prints cases per second and crashes found.

usage: python benchmarks/fuzz.py [--cases N] [--seconds S] [--seed N] [--pieces N]
Draws news-like text and publication dates from tests/strategies.py (the same strategies as
tests/extraction/test_fuzz.py), and for each drawn text also checks `--splices` splices of recent ones (longer
texts, far more per second than Hypothesis draws), and holds each result to the same promises (`problems`): no exception, every
offset indexes the text, no inf or nan, valid JSON. Unlike the test it does not stop at the first failure: it
counts every failing case and prints the first few of each kind (exception type, or broken promise). Exits 1
when anything failed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.extraction.test_fuzz import problems  # noqa: E402
from tests.strategies import news_text, published  # noqa: E402
from tracker import extract  # noqa: E402
from tracker.extraction.quotes import find_quotes_raw  # noqa: E402
from tracker.extraction.sentences import sentences  # noqa: E402

EDGE_DATES = ("0001-01-01", "9999-12-31", None, "2021-03-01")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=20000, help="most cases to draw")
    ap.add_argument("--seconds", type=float, default=120.0, help="stop drawing after this long")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pieces", type=int, default=60, help="most pieces in one text")
    ap.add_argument("--splices", type=int, default=20, help="spliced texts checked per drawn one")
    ap.add_argument("--show", type=int, default=3, help="examples printed per kind of failure")
    args = ap.parse_args()

    kinds: Counter = Counter()
    examples: dict[str, list[str]] = {}
    state = {"cases": 0, "failed": 0, "chars": 0, "extract": 0.0}
    t0 = time.perf_counter()

    def record(kind: str, detail: str) -> None:
        kinds[kind] += 1
        if len(examples.setdefault(kind, [])) < args.show:
            examples[kind].append(detail)

    def check(text: str, pub: str | None) -> None:
        state["cases"] += 1
        state["chars"] += len(text)
        s = time.process_time()
        try:
            ex = extract(text, pub)
            find_quotes_raw(text, sentences(text))  # find_quotes itself answers [] rather than raise
        except Exception as e:  # noqa: BLE001 - counting every crash is the point
            state["extract"] += time.process_time() - s
            state["failed"] += 1
            where = traceback.extract_tb(e.__traceback__)[-1]
            record(
                f"{type(e).__name__} at {Path(where.filename).name}:{where.lineno}",
                f"{e!r} for published={pub!r} text={text!r}",
            )
            return
        state["extract"] += time.process_time() - s
        found = problems(text, ex)
        if found:
            state["failed"] += 1
            record(re.sub(r"\d+", "N", found[0])[:60], f"{found[0]} (published={pub!r}) in {text!r}")

    rng = random.Random(args.seed)
    recent: list[str] = []

    def run(chunk_seed: int, n: int) -> None:
        @seed(chunk_seed)
        @settings(
            max_examples=n,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(text=news_text(max_pieces=args.pieces), pub=published())
        def case(text, pub):
            check(text, pub)
            # Splices of recent cases (a piece of one, then a piece of another): texts a few times longer, and
            # many more of them per second than Hypothesis can draw.
            recent.append(text)
            del recent[:-64]
            for _ in range(args.splices):
                a, b = rng.choice(recent), rng.choice(recent)
                i, j = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
                check(a[:i] + b[j:] + a[i:], pub if rng.random() < 0.5 else rng.choice(EDGE_DATES))

        case()

    # Hypothesis cannot be told to stop at a time, so the run is chunks of a few hundred cases, each its own seed.
    chunk = 0
    while state["cases"] < args.cases and time.perf_counter() - t0 < args.seconds:
        run(args.seed * 1_000_003 + chunk, max(1, min(200, (args.cases - state["cases"]) // (1 + args.splices))))
        chunk += 1
    wall = time.perf_counter() - t0
    n = state["cases"]
    print(f"{n} cases in {wall:.1f} s: {n / wall:,.0f} cases/s ({state['chars'] / max(n, 1):.0f} characters each)")
    print(f"extract alone: {n / max(state['extract'], 1e-9):,.0f} cases/s of CPU")
    print(f"crashes and broken promises found: {state['failed']}")
    for kind, count in kinds.most_common():
        print(f"\n{count:6d}  {kind}")
        for ex in examples[kind]:
            print(f"        {ex[:600]}")
    return 1 if state["failed"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
