"""Extraction time per MB on long articles, real and adversarial: extraction must stay linear in the text.

usage: python benchmarks/long_articles.py [--sizes 10000,100000,1000000] [--only NAME ...] [--published DATE]
Each article is built to each size (characters) from one source: real news (the Wikinews corpus in
../shared/corpus/wikinews/*.csv when present, else the bundled data/articles, concatenated in order) or one
adversarial pattern repeated (runs of stops, thousands of quote marks, numbers, dates, capitalised words, ...).
Prints CPU seconds (time.process_time) and seconds per MB for `tracker.extract` on each. Linear extraction keeps
s/MB flat as the size grows; the target is no article under 20 MB over 2 s per MB. A benchmark, not a test:
nothing is asserted. Most adversarial articles are one sentence: figures and dates are looked for among its first
triggers.MAX_NUMBERS numbers only, so "numbers", "ranges", "dates" and "years" measure that bound as much as the
finders (see docs/performance.md, "Long articles").
"""

from __future__ import annotations

import argparse
import glob
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--installed" not in sys.argv:  # (the checkout's code, unless the installed build is asked for)
    sys.path.insert(0, str(ROOT))

import tracker.extraction.speakers  # noqa: E402
from tracker import extract  # noqa: E402
from tracker.read.cleaning import clean  # noqa: E402
from tracker.read.formats import read_path  # noqa: E402


def real_text() -> str:
    """Article bodies, one paragraph each, from the Wikinews corpus or the bundled articles."""
    paths = sorted(glob.glob(str(ROOT.parent / "shared" / "corpus" / "wikinews" / "*.csv")))
    paths = paths or sorted(str(p) for p in (ROOT / "data" / "articles").iterdir())
    bodies = []
    for p in paths:
        for rec in read_path(p):
            if not isinstance(rec, Exception):
                body = clean(rec).body
                if body:
                    bodies.append(body)
    return "\n\n".join(bodies)


def _words(n: int, capital: bool) -> str:
    """n distinct made-up words ("Bab", "Bac", ...): distinct, so no per-word cache hides a per-word cost."""
    letters = "bcdfghjklmnprstvwz"
    out = []
    for i in range(n):
        w, k = "", i
        while True:
            w = letters[k % len(letters)] + "a" + w
            k //= len(letters)
            if not k:
                break
        out.append(w.capitalize() if capital else w)
    return " ".join(out)


# name -> (unit repeated to the size). Each is a shape that once made some step quadratic, or might.
ADVERSARIAL = {
    "run of .": ".",
    "run of !": "!",
    "run of ?": "?",
    "run of …": "…",
    "dots and spaces": ". ",
    "straight quote pairs": '"a" ',
    "curly quote pairs": "“a” ",
    "lone curly opens": "“",
    "lone straight quotes": '"',
    "guillemets": "«a» ",
    "apostrophes": "'a' ",
    "quotes with cues": '"We won," he said. ',
    "first-person quotes": '"We won," I said. I said “we lost.” ',  # "I" outside quotes: the writer's voice test
    "quotes in one sentence": "“a b c,” ",
    "reported speech": "Smith said that it rose, ",
    "said said said": "said ",
    "numbers": "5 ",
    "money": "$5 million, ",
    "ranges": "5-6 ",
    "number words": "five ",
    "vague": "hundreds of billions of ",
    "dates": "May 5 ",
    "iso dates": "2020-05-05 ",
    "years": "2020 ",
    "weekdays": "on Monday ",
    "capitalised words": "Smith Jones ",
    "capitalised sentences": None,  # distinct capitalised words opening sentences, built below
    "people and pronouns": None,  # distinct people quoted, each followed by a quote from "he", built below
    # One figure, then short sentences with none: a search for the next digit that restarts at every sentence once
    # past the text's last digit was quadratic here (session 27), built below
    "narration after a figure": None,
    "capitalised run": "Aa ",
    "commas": ", ",
    "semicolons": "a; ",
    "parentheses": "(a) ",
    "open parentheses": "(",
    "hyphens": "a-",
    "newlines": "\n",
    "paragraphs": "A.\n\n",
    "acronyms": "Alpha Beta Group (ABG) ",
    "possessives": "Turkey’s Ministry’s ",
    "digits": "1",
    "spaces": " ",
}


def build(name: str, unit: str | None, size: int, real: str) -> str:
    if name == "real news":
        text = real
        while len(text) < size:
            text += "\n\n" + real
        return text[:size]
    if name == "people and pronouns":  # every name a new person for "he" and the surname lookups to weigh
        people = _words(size // 40 + 1, True).split()
        return " ".join(f"John {w} said “it rose.” He said “it fell.”" for w in people)[:size]
    if name == "narration after a figure":
        people = _words(size // 36 + 1, True).split()
        return ("In 2020 it rose 5 percent. " + " ".join(f"John {w} saw it rise. He saw it fall." for w in people))[
            :size
        ]
    if unit is None:  # capitalised sentences
        return (". ".join(_words(size // 5 + 1, True).split()) + ".")[:size]
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000", help="article sizes in characters")
    ap.add_argument("--only", nargs="*", help="run only these articles (names as printed)")
    ap.add_argument("--published", default="2021-05-05")
    ap.add_argument(
        "--installed",
        action="store_true",
        help="time the installed tracker (e.g. the compiled build: TRACKER_USE_MYPYC=1 pip install .), not the checkout",
    )
    args = ap.parse_args()
    compiled = not tracker.extraction.speakers.__file__.endswith(".py")
    where = Path(tracker.extraction.speakers.__file__).parent
    print(f"tracker.extraction from {where}: {'compiled with mypyc' if compiled else 'pure Python'}")
    # The interpreter's build matters as much as the code: a CPython built without profile-guided optimisation
    # (pyenv's default) ran this about a fifth slower than Debian's build of the same version (docs/performance.md).
    print(f"Python {sys.version.split()[0]} at {sys.executable}")
    sizes = [int(s) for s in args.sizes.split(",")]
    real = real_text()
    cases = {"real news": "", **ADVERSARIAL}
    if args.only:
        cases = {k: v for k, v in cases.items() if k in args.only}
    extract("Warm-up: “It compiled the patterns,” he said on May 5, 2021, of $5 million.", args.published)
    print(f"{'article':<24}" + "".join(f"{s / 1e3:>12,.0f} KB" for s in sizes) + "   (s/MB of CPU; worst)")
    worst = (0.0, "")
    for name, unit in cases.items():
        row = []
        for size in sizes:
            text = build(name, unit, size, real)
            mb = len(text.encode("utf-8")) / 1e6
            t0 = time.process_time()
            extract(text, args.published)
            spmb = (time.process_time() - t0) / mb
            row.append(spmb)
            worst = max(worst, (spmb, f"{name} at {size:,} characters"))
        print(f"{name:<24}" + "".join(f"{v:>15.2f}" for v in row), flush=True)
    print(f"worst: {worst[0]:.2f} s/MB ({worst[1]}); target: at most 2 s/MB")


if __name__ == "__main__":
    main()
