"""The example article's gold check, written for the test suite so that CI runs it without ../shared.

The rules are those of the user's checker (../shared/tools/check_example.py), restated here: a gold quote is
found when one extracted quote covers at least 80 % of it and its speaker is the gold speaker or one of their
aliases (compared lower-case, punctuation folded); an extracted quote that covers no gold quote by half is an
extra; a gold claim is found when one extracted claim covers 80 % of it with every gold figure (to the cent) and
every gold date (as a prefix of an extracted date); a not-claim covered more than half by a factual claim is a
mistake. `problems` lists what is wrong, empty when the example passes.
"""

from __future__ import annotations

import re

NOT_FACTUAL = {"prediction", "opinion", "question", "appeal"}
_NON_WORD = re.compile(r"[^\w$.%-]")
_SPACE = re.compile(r"\s+")


def fold(s: str | None) -> str:
    return _SPACE.sub(" ", _NON_WORD.sub(" ", s or "").lower()).strip()


def _cover(g: tuple[int, int], p: tuple[int, int]) -> float:
    """Share of g covered by p."""
    return max(0, min(g[1], p[1]) - max(g[0], p[0])) / max(1, g[1] - g[0])


def _span(body: str, text: str) -> tuple[int, int] | None:
    i = body.find(text)
    return (i, i + len(text)) if i >= 0 else None


def _best(items: list[dict], g: tuple[int, int]) -> dict | None:
    best = max(items, key=lambda p: _cover(g, (p["start"], p["end"])), default=None)
    return best if best is not None and _cover(g, (best["start"], best["end"])) >= 0.8 else None


def quote_problems(gold: dict, body: str, quotes: list[dict]) -> list[str]:
    names = {s["name"]: {fold(a) for a in [s["name"], *s.get("aliases", [])]} for s in gold["speakers"]}
    out = []
    spans = []
    for q in gold["quotes"]:
        g = _span(body, q["text"])
        if g is None:
            out.append(f"gold quote not in the body: {q['text'][:50]}")
            continue
        spans.append(g)
        best = _best(quotes, g)
        if best is None:
            out.append(f"missed quote: {q['text'][:50]}")
            continue
        speaker = best.get("speaker") or {}
        name = fold(speaker.get("name") if isinstance(speaker, dict) else speaker)
        if name not in names[q["speaker"]]:
            out.append(f"wrong speaker {name!r} for {q['text'][:40]} (gold: {q['speaker']})")
    for p in quotes:
        if max((_cover((p["start"], p["end"]), g) for g in spans), default=0) < 0.5:
            out.append(f"extra quote: {p['text'][:50]}")
    return out


def claim_problems(gold: dict, body: str, claims: list[dict]) -> list[str]:
    out = []
    for c in gold["claims"]:
        g = _span(body, c["text"])
        best = _best(claims, g) if g else None
        if best is None:
            out.append(f"missed claim: {c['text'][:50]}")
            continue
        values = {round(float(q.get("value") or 0), 2) for q in best.get("quantities", [])}
        figures = [f["value"] for f in c.get("figures", []) if round(float(f["value"]), 2) not in values]
        got = [str(d.get("value", "")) for d in best.get("dates", [])]
        dates = [d for d in c.get("dates", []) if not any(v.startswith(d) for v in got)]
        if figures or dates:
            out.append(f"claim without figures {figures} or dates {dates}: {c['text'][:40]}")
    factual = [p for p in claims if p.get("kind") not in NOT_FACTUAL]
    for n in gold["not_claims"]:
        g = _span(body, n)
        if g and any(_cover(g, (p["start"], p["end"])) > 0.5 for p in factual):
            out.append(f"not a claim, reported as one: {n[:50]}")
    return out
