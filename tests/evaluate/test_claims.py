"""The claim evaluation: the yes-class metric and quantity accuracy on self-made gold files."""

import json

import pytest

from tests.conftest import shared_or_skip
from tracker.evaluate.claims import evaluate_claims, format_report, predicts_claim


def write(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_yes_class_metric(tmp_path):
    records = [
        {"id": 1, "text": "Unemployment fell to 6.2 percent in 2019, the lowest rate in a decade.", "is_claim": True},
        {"id": 2, "text": "The company paid $40 million in fines last year to the regulator.", "is_claim": True},
        {"id": 3, "text": "I hope we can all work together.", "is_claim": False},
        {"id": 4, "text": "What would you do about it?", "is_claim": False},
        {"id": 5, "text": "Thank you very much.", "is_claim": True},
    ]
    report = evaluate_claims(write(tmp_path, records))
    c = report["claims"]
    assert (c["tp"], c["fp"], c["fn"]) == (2, 0, 1)
    assert c["precision"] == 100.0 and c["recall"] == pytest.approx(66.7) and c["f1"] == pytest.approx(80.0)
    assert "F1 80.0" in format_report(report)


def test_quantity_accuracy(tmp_path):
    records = [
        {
            "text": "The army bought four missile batteries for $2.5 billion.",
            "is_claim": True,
            "quantities": [{"value": 4, "unit": "missile batteries"}, {"value": 2500000000, "unit": "USD"}],
        },
        {"text": "Inflation reached 12 per cent.", "quantities": [{"value": 12, "unit": "percent"}]},
        {"text": "They sent 300 soldiers.", "quantities": [{"value": 300, "unit": "tanks"}]},
    ]
    q = evaluate_claims(write(tmp_path, records))["quantities"]
    assert (q["right"], q["gold"], q["records"]) == (3, 4, 3)
    assert q["accuracy"] == 75.0
    assert "quantities" in format_report(evaluate_claims(write(tmp_path, records)))


def test_prediction_needs_half_the_sentence_covered(monkeypatch):
    assert predicts_claim("The plant employed 400 workers in 2019.")
    assert not predicts_claim("")
    import tracker.evaluate.claims as mod
    from tracker.records import Claim

    text = "x" * 20
    spans: list[tuple[str, int, int]] = []
    monkeypatch.setattr(
        mod,
        "find_claims",
        lambda t, *a: [Claim(id="c", kind=k, text=t[s:e], start=s, end=e, speaker=None) for k, s, e in spans],
    )
    for found, expected in [
        ([("quantity", 5, 15)], True),  # exactly half
        ([("event", 0, 9)], False),  # just under half
        ([("event", 0, 9), ("rule", 12, 20)], False),  # two small claims do not add up
        ([("prediction", 0, 20)], False),  # the whole text, but not a factual kind
        ([("opinion", 0, 20), ("event", 11, 20)], False),
        ([("opinion", 0, 20), ("event", 10, 20)], True),
        ([("event", -5, 6)], False),  # offsets outside the text are clipped: 6 covered
        ([("event", 9, 40)], True),  # 11 covered
    ]:
        spans[:] = found
        assert predicts_claim(text) is expected, found


def test_claimbuster_dev_f1():
    path = shared_or_skip("eval", "claimbuster-dev.jsonl")
    c = evaluate_claims(path)["claims"]
    assert c["f1"] > 57.3  # must beat the "has a digit or number word" rule
