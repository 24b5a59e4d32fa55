"""Write realnews-gold.jsonl from articles.yaml: the annotations are written as snippets, the offsets computed.

usage: python -m tests.gold.build_gold            (from the repository root; rewrites tests/gold/realnews-gold.jsonl)

Each snippet must be found: a quote's content or a claim's text anywhere in the article (once); a quote's source
and cue at the occurrence nearest its content (a pronoun or "said" occurs many times); a figure or a date inside
its claim. A snippet that is not there stops the build, so a typo cannot silently drop an annotation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "articles.yaml"
GOLD = HERE / "realnews-gold.jsonl"


def _all(text: str, snippet: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where snippet starts in text[lo:hi], as whole words ("he" is not the end of "the")."""
    hi = len(text) if hi is None else hi
    pattern = ("\\b" if snippet[0].isalnum() else "") + re.escape(snippet) + ("\\b" if snippet[-1].isalnum() else "")
    return [m.start() for m in re.compile(pattern).finditer(text, lo, hi)]


def _once(text: str, snippet: str, doc: str) -> tuple[int, int]:
    found = _all(text, snippet)
    if len(found) != 1:
        raise ValueError(f"{doc}: {snippet[:50]!r} occurs {len(found)} times")
    return found[0], found[0] + len(snippet)


def _nearest(text: str, snippet: str, span: tuple[int, int], doc: str) -> tuple[int, int]:
    found = _all(text, snippet)
    if not found:
        raise ValueError(f"{doc}: {snippet!r} not in the text")

    def distance(i: int) -> int:
        e = i + len(snippet)
        return 0 if i < span[1] and e > span[0] else min(abs(i - span[1]), abs(span[0] - e))

    i = min(found, key=distance)
    return i, i + len(snippet)


def _inside(text: str, snippet: str, span: tuple[int, int], doc: str) -> tuple[int, int]:
    found = _all(text, snippet, span[0], span[1])
    if not found:
        raise ValueError(f"{doc}: {snippet!r} not inside {text[span[0] : span[1]][:50]!r}")
    return found[0], found[0] + len(snippet)


def _number(v) -> float | int | None:
    """YAML 1.1 reads 3.4e9 (no sign in the exponent) as a string: figures are numbers."""
    return float(v) if isinstance(v, str) else v


def _part(text: str, span: tuple[int, int]) -> dict:
    return {"spans": [list(span)], "text": text[span[0] : span[1]]}


def build_doc(a: dict) -> dict:
    text, doc = a["text"], a["doc_id"]
    attributions = []
    for q in a["quotes"]:
        content = _once(text, q["content"], doc)
        source = _nearest(text, q["source"], content, doc) if q.get("source") else None
        cue = _nearest(text, q["cue"], content, doc) if q.get("cue") else None
        attributions.append(
            {
                "source": _part(text, source) if source else None,
                "cue": _part(text, cue) if cue else None,
                "content": _part(text, content),
                "is_direct": bool(q["direct"]),
                "resolved": q.get("resolved"),
            }
        )
    claims = []
    for c in a["claims"]:
        s, e = _once(text, c["text"], doc)
        figures = []
        for f in c.get("figures", []):
            fs, fe = _inside(text, f["text"], (s, e), doc)
            figures.append(
                {
                    "text": f["text"],
                    "start": fs,
                    "end": fe,
                    "value": _number(f.get("value")),
                    "unit": f.get("unit"),
                    "lower": _number(f.get("lower")),
                    "upper": _number(f.get("upper")),
                }
            )
        dates = []
        for d in c.get("dates", []):
            ds, de = _inside(text, d["text"], (s, e), doc)
            dates.append({"text": d["text"], "start": ds, "end": de, "value": str(d["value"])})
        claims.append(
            {
                "start": s,
                "end": e,
                "text": c["text"],
                "speaker": c.get("speaker"),
                "kind": c["kind"],
                "figures": figures,
                "dates": dates,
            }
        )
    return {
        "doc_id": doc,
        "published": str(a["published"]),
        "title": a["title"],
        "text": text,
        "attributions": attributions,
        "claims": claims,
    }


def build() -> list[dict]:
    return [build_doc(a) for a in yaml.safe_load(SOURCE.read_text(encoding="utf-8"))]


def dumps(docs: list[dict]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


if __name__ == "__main__":
    GOLD.write_text(dumps(build()), encoding="utf-8")
    print(f"wrote {GOLD}")
