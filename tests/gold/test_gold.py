"""The project's own gold set (tests/gold/README.md): kept consistent with its source, and a quality gate that
runs in CI without ../shared, so that a rule change that wrecks extraction on ordinary news fails the build."""

from __future__ import annotations

import json

from tests.gold.build_gold import GOLD, build, dumps


def test_the_jsonl_is_built_from_the_yaml():
    """Edit articles.yaml, then `python -m tests.gold.build_gold`: the two must not drift apart."""
    assert GOLD.read_text(encoding="utf-8") == dumps(build())


def test_every_span_indexes_its_text():
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 12 and len({d["doc_id"] for d in docs}) == 12
    for d in docs:
        text = d["text"]
        for a in d["attributions"]:
            for part in (a["source"], a["cue"], a["content"]):
                if part:
                    ((s, e),) = part["spans"]
                    assert text[s:e] == part["text"]
            assert a["resolved"]
        for c in d["claims"]:
            assert text[c["start"] : c["end"]] == c["text"]
            for x in c["figures"] + c["dates"]:
                assert c["start"] <= x["start"] < x["end"] <= c["end"] and text[x["start"] : x["end"]] == x["text"]
            for f in c["figures"]:
                assert f["value"] is not None or f["lower"] is not None or f["upper"] is not None, f
                assert not isinstance(f["value"], str), f


# Minimums a little below what the extraction scored when they were last raised (main after issue 13's quote,
# speaker and claim rules, 2026-11-30): quotes F1 93.6, speaker mention 100 %, resolved name 93.2 %, claims F1
# 90.7 and recall 95.7, claim speaker 86.4 %, figures found 97.8 % and right 89.1 %, dates right 97.0 %. Raise
# them when the extraction gets better; a rule change that drops one below is a regression to look at.
MINIMUMS = {
    ("quotes", "f1"): 90.0,
    ("quotes", "speaker_mention"): 95.0,
    ("quotes", "resolved_name"): 88.0,
    ("claims", "f1"): 86.0,
    ("claims", "recall"): 92.0,
    ("claims", "speaker"): 80.0,
    ("figures", "found"): 93.0,
    ("figures", "right"): 85.0,
    ("dates", "right"): 93.0,
}


def test_extraction_meets_the_minimums_on_the_gold_set():
    from tracker.evaluate import realnews

    report = realnews.evaluate_realnews(GOLD)
    below = {f"{a} {b}": report[a][b] for (a, b), low in MINIMUMS.items() if report[a][b] < low}
    assert below == {}, realnews.format_report(report)
