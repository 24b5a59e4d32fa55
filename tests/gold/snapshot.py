"""The extraction's whole output on the project's own texts, rendered readable and stored: a change detector.

usage: python -m tests.gold.snapshot            (from the repository root; says which snapshots differ, exit 1 if any)
       python -m tests.gold.snapshot --update   (rewrites tests/gold/snapshots/ and prints which articles changed)

Unit tests hold one sentence to one rule; real text reaches rules in combinations no unit test thinks of. So every
article the project owns (the regression corpus in `regression/`, the twelve gold articles of `articles.yaml`, the
bundled `data/articles/`) goes through the project's own reader (`tracker.parse`: the headline, date line and byline
come off, the date becomes the publication date) and `tracker.extract`, and every field of every quote, speaker,
claim, figure, date and entity is written one item to a line, so that a reviewer reading the git diff of a
regenerated snapshot sees exactly what a change did. The snapshot says nothing about whether the output is right
(the gold scores and the unit tests do); it says the output did not change without someone looking at the diff.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tracker.records import Article, Claim, DateMention, Entity, Extraction, Quantity, Quote, SpeakerRef

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REGRESSION = HERE / "regression"
SNAPSHOTS = HERE / "snapshots"
GOLD_YAML = HERE / "articles.yaml"
DATA = ROOT / "data" / "articles"
HEADER = "# tracker.extract() on this article; regenerate with `python -m tests.gold.snapshot --update` (tests/gold/README.md)"
# how many lines of a unified diff a failing test shows: enough to see what changed, short enough to read
DIFF_LINES = 60


def _value(x: object) -> str:
    """One value, unambiguous and on one line: strings JSON-quoted (a line break shows as \\n), numbers as Python
    writes them (12 and 12.0 differ, as they do in the stored JSON)."""
    if isinstance(x, str):
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, list):
        return "[" + ", ".join(_value(v) for v in x) + "]"
    if is_dataclass(x):
        return "{" + _fields(x) + "}"
    return repr(x)


def _fields(obj: object, skip: tuple[str, ...] = ()) -> str:
    """`name=value` for every field of a record not laid out by hand: a field added to records.py shows up here
    without anyone remembering to render it."""
    return " ".join(f"{f.name}={_value(getattr(obj, f.name))}" for f in fields(obj) if f.name not in skip)  # type: ignore[arg-type]


def _item(label: str, obj: Quantity | DateMention | Entity | SpeakerRef, text_field: str = "text") -> str:
    """A span-bearing record on one line: its label, its offsets, its text, then all its other fields."""
    rest = _fields(obj, ("start", "end", text_field))
    return f"{label} {obj.start}..{obj.end} {_value(getattr(obj, text_field))} {rest}".rstrip()


def _speaker(speaker: SpeakerRef | None) -> str:
    return "  speaker: none" if speaker is None else "  " + _item("speaker:", speaker, "mention")


def _quote(q: Quote) -> list[str]:
    cue = f"cue={_value(q.cue)} {q.cue_start}..{q.cue_end}"
    rest = _fields(q, ("id", "start", "end", "text", "cue", "cue_start", "cue_end", "speaker"))
    return [f"quote {q.id} {q.start}..{q.end} {cue} {rest}".rstrip(), f"  text: {_value(q.text)}", _speaker(q.speaker)]


def _claim(c: Claim) -> list[str]:
    laid_out = ("id", "start", "end", "text", "speaker", "features", "quantities", "dates", "entities")
    lines = [
        f"claim {c.id} {c.start}..{c.end} {_fields(c, laid_out)}",
        f"  text: {_value(c.text)}",
        f"  features: {_value(c.features)}",
        _speaker(c.speaker),
    ]
    lines += ["  " + _item("figure", x) for x in c.quantities]
    lines += ["  " + _item("date", x) for x in c.dates]
    lines += ["  " + _item("entity", x) for x in c.entities]
    return lines


def render(name: str, article: Article, extraction: Extraction) -> str:
    """The snapshot text of one article: what the reader kept, then every quote and every claim in output order."""
    lines = [HEADER, f"article: {name}"]
    for key in ("title", "published", "byline", "caption", "source"):
        lines.append(f"{key}: {_value(getattr(article, key))}")
    lines.append(f"body: {len(article.body)} characters")
    lines.append(f"quotes: {len(extraction.quotes)}, claims: {len(extraction.claims)}")
    for q in extraction.quotes:
        lines += ["", *_quote(q)]
    for c in extraction.claims:
        lines += ["", *_claim(c)]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def articles() -> dict[str, Article]:
    """Every article the snapshot covers, by snapshot name, read once per process: the regression corpus and the
    bundled data through the project's reader, the gold articles from their YAML with its publication dates."""
    from tracker.parse import read_articles

    found: dict[str, Article] = {}
    for path in sorted(REGRESSION.glob("*.txt")):
        ((_, article),) = list(read_articles([str(path)]))
        if not isinstance(article, Article):
            raise ValueError(f"{path}: {article}")
        found[path.stem] = article
    for doc in yaml.safe_load(GOLD_YAML.read_text(encoding="utf-8")):
        found[doc["doc_id"]] = Article(title=doc["title"], body=doc["text"], published=str(doc["published"]))
    for path in sorted(DATA.iterdir()):
        records = list(read_articles([str(path)]))
        for i, (_, article) in enumerate(records, 1):
            if not isinstance(article, Article):
                raise ValueError(f"{path}: {article}")
            stem = path.name.replace(".", "-")
            found[f"data-{stem}" + (f"-{i}" if len(records) > 1 else "")] = article
    return found


def names() -> list[str]:
    return list(articles())


def snapshot_path(name: str) -> Path:
    return SNAPSHOTS / f"{name}.txt"


def current(name: str) -> str:
    """The snapshot text extract() gives now."""
    from tracker import extract

    article = articles()[name]
    return render(name, article, extract(article.body, article.published))


def diff(name: str, limit: int = DIFF_LINES) -> str:
    """The first `limit` lines of the unified diff from the stored snapshot to the output now ('' when equal)."""
    path = snapshot_path(name)
    stored = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = list(
        difflib.unified_diff(
            stored.splitlines(), current(name).splitlines(), f"stored {path.name}", "extract() now", lineterm=""
        )
    )
    more = f"\n... {len(lines) - limit} more diff lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def update() -> list[str]:
    """Rewrite every snapshot, remove those of articles no longer there; the names of those that changed."""
    SNAPSHOTS.mkdir(exist_ok=True)
    changed = []
    for name in names():
        path, text = snapshot_path(name), current(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    wanted = {snapshot_path(n) for n in names()}
    for path in sorted(SNAPSHOTS.glob("*.txt")):
        if path not in wanted:
            path.unlink()
            changed.append(f"{path.stem} (removed)")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.gold.snapshot", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the snapshots and list what changed")
    args = parser.parse_args(argv)
    if args.update:
        changed = update()
        print("\n".join(changed) if changed else "no snapshot changed")
        print(
            f"{len(changed)} of {len(names())} articles changed; review `git diff {os.path.relpath(SNAPSHOTS, ROOT)}`"
        )
        return 0
    differing = [n for n in names() if diff(n)]
    print("\n".join(differing) if differing else f"all {len(names())} snapshots match")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
