"""The example article held to its hand-made expected output (tests/fixtures/*.expected.json)."""

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, EXPECTED, shared_or_skip
from tests.example_gold import claim_problems, quote_problems
from tracker.parse import parse_paths

FACTUAL_EXCLUDED = {"prediction", "opinion", "question", "appeal"}


def norm(s):
    return re.sub(r"\s+", " ", re.sub(r"[^\w$.%-]", " ", s or "").lower()).strip()


def cover(g, p):
    return max(0, min(g[1], p[1]) - max(g[0], p[0])) / max(1, g[1] - g[0])


@pytest.fixture(scope="module")
def parsed():
    (doc,) = [p.to_dict() for p in parse_paths([str(EXAMPLE)])]
    return doc


@pytest.fixture(scope="module")
def gold():
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def span(body, text):
    i = body.find(text)
    assert i >= 0, f"gold text not in body: {text[:50]}"
    return i, i + len(text)


def test_every_gold_quote_with_its_speaker(parsed, gold):
    body = parsed["article"]["body"]
    aliases = {s["name"]: {norm(a) for a in [s["name"], *s.get("aliases", [])]} for s in gold["speakers"]}
    for q in gold["quotes"]:
        g = span(body, q["text"])
        best = max(parsed["quotes"], key=lambda p: cover(g, (p["start"], p["end"])))
        assert cover(g, (best["start"], best["end"])) >= 0.8, f"missed quote: {q['text'][:60]}"
        assert norm(best["speaker"]["name"]) in aliases[q["speaker"]], (q["text"][:40], best["speaker"])


def test_nothing_else_is_a_quote(parsed, gold):
    body = parsed["article"]["body"]
    golds = [span(body, q["text"]) for q in gold["quotes"]]
    extra = [p["text"] for p in parsed["quotes"] if max(cover((p["start"], p["end"]), g) for g in golds) < 0.5]
    assert extra == []


def test_every_gold_claim_with_figures_and_dates(parsed, gold):
    body = parsed["article"]["body"]
    for c in gold["claims"]:
        g = span(body, c["text"])
        best = max(parsed["claims"], key=lambda p: cover(g, (p["start"], p["end"])))
        assert cover(g, (best["start"], best["end"])) >= 0.8, f"missed claim: {c['text'][:60]}"
        values = {round(float(x["value"] or 0), 2) for x in best["quantities"]}
        for f in c.get("figures", []):
            assert round(float(f["value"]), 2) in values, (c["text"][:40], f, best["quantities"])
        got_dates = [d["value"] for d in best["dates"]]
        for d in c.get("dates", []):
            assert any(v.startswith(d) for v in got_dates), (c["text"][:40], d, got_dates)
        if c.get("speaker"):
            assert best["speaker"] and best["speaker"]["name"] == c["speaker"]


def test_not_claims_are_not_factual(parsed, gold):
    body = parsed["article"]["body"]
    factual = [p for p in parsed["claims"] if p["kind"] not in FACTUAL_EXCLUDED]
    for n in gold["not_claims"]:
        g = span(body, n)
        assert not any(cover(g, (p["start"], p["end"])) > 0.5 for p in factual), n


def test_example_passes_the_checks_of_the_users_checker(parsed, gold):
    """The same rules as ../shared/tools/check_example.py, restated in tests/example_gold.py: runs in CI."""
    body = parsed["article"]["body"]
    assert quote_problems(gold, body, parsed["quotes"]) == []
    assert claim_problems(gold, body, parsed["claims"]) == []


def test_the_repository_copies_of_the_example_are_the_users():
    """The example article and its gold are copied into the repository for CI: they must not drift apart."""
    assert EXAMPLE.read_bytes() == shared_or_skip("articles", EXAMPLE.name).read_bytes()
    assert EXPECTED.read_bytes() == shared_or_skip("articles", EXPECTED.name).read_bytes()


def test_users_checker_agrees(tmp_path):
    """The user's own checker script, when ../shared is present."""
    checker = shared_or_skip("tools", "check_example.py")
    out = tmp_path / "out.json"
    out.write_text(json.dumps([p.to_dict() for p in parse_paths([str(EXAMPLE)])], ensure_ascii=False))
    for what in ("quotes", "claims"):
        r = subprocess.run(
            [sys.executable, str(checker), str(EXPECTED), str(out), what], capture_output=True, text=True
        )
        assert r.returncode == 0, r.stdout


def test_no_body_left_is_an_error(tmp_path):
    p = tmp_path / "h.txt"
    p.write_text("!-- junk -->\nJanuary 16, 2021\nSOURCE: X\n")
    (item,) = parse_paths([str(p)])
    assert "no body" in str(item)


def test_a_speaker_named_in_mojibake_keeps_the_quote(tmp_path):
    # Scraped UTF-8 once read as windows-1252: the name broke at the stray characters and the quote was lost.
    p = tmp_path / "scraped.txt"
    p.write_text("â€œWe will not give in,â€\x9d FranÃ§ois Hollande said on Monday.\n", encoding="utf-8")
    (parsed,) = parse_paths([str(p)])
    (quote,) = parsed.extraction.quotes
    assert quote.text == "“We will not give in,”"
    assert quote.speaker is not None and quote.speaker.name == "François Hollande"
    assert parsed.article.encoding == "utf-8 (mojibake repaired)"
    # --raw: the file's own text, damage and all, so offsets index the file
    (raw,) = parse_paths([str(p)], raw=True)
    assert raw.article.body.startswith("â€œWe will not give in")
