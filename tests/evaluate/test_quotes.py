"""The quote metric on a gold file made here, and the real PolNeAR run when ../shared is present."""

from __future__ import annotations

import json

from tests.conftest import shared_or_skip
from tracker.evaluate.quotes import evaluate_docs, evaluate_quotes, format_report, gold_items, inflections, match
from tracker.records import Quote, SpeakerRef

TEXT = "Anna said the bridge is safe. “Go home,” Ben said. Polls show a lead. Carl said: “We won.”"


def _att(text, content, source=None, cue=None, direct=False):
    def span(s):
        i = text.index(s)
        return {"spans": [[i, i + len(s)]], "text": s}

    return {
        "source": span(source) if source else None,
        "cue": span(cue) if cue else None,
        "content": span(content),
        "is_direct": direct,
    }


def _doc():
    return {
        "doc_id": "d1",
        "annotator": "t",
        "text": TEXT,
        "attributions": [
            _att(TEXT, "the bridge is safe", "Anna", "said"),
            _att(TEXT, "“Go home,”", "Ben", "said", direct=True),
            _att(TEXT, "a lead", "Polls", "show"),  # not speech: "show" is no reporting word
            _att(TEXT, "“We won.”", "Carl", "said:", direct=True),
        ],
    }


def _q(text, s, kind="indirect", speaker=None):
    i = TEXT.index(s)
    spk = None
    if speaker:
        j = TEXT.index(speaker)
        spk = SpeakerRef(speaker, speaker, j, j + len(speaker), "person")
    return Quote("q", kind, s, i, i + len(s), None, spk)


def test_speech_subset_and_direct_flags():
    golds = gold_items(_doc())
    assert [g.speech for g in golds] == [True, True, False, True]
    assert [g.direct for g in golds] == [False, True, False, True]


def test_inflections_cover_irregular_and_regular_forms():
    assert {"said", "says", "saying"} <= inflections("say")
    assert {"denied", "denies"} <= inflections("deny")
    assert {"urged", "urging", "urges"} <= inflections("urge")


def test_matching_thresholds():
    golds = gold_items(_doc())
    preds = [_q(TEXT, "bridge is safe")]  # covers 14 of 18 gold characters: 0.78
    assert len(match(golds, preds, "0.3")) == 1
    assert match(golds, preds, "0.8") == []
    assert match(golds, [_q(TEXT, "the bridge is safe")], "exact") != []


def test_scores_on_a_small_gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_doc()) + "\n", encoding="utf-8")
    preds = [
        _q(TEXT, "the bridge is safe", speaker="Anna"),  # right, right speaker
        _q(TEXT, "“Go home,”", "direct", speaker="Anna"),  # right span, wrong speaker
        _q(TEXT, "a lead", speaker="Polls"),  # matches non-speech gold: ignored in the speech subset
        _q(TEXT, "Carl said"),  # a false positive
    ]
    report = evaluate_docs([json.loads(path.read_text())], finder=lambda text: preds)
    allt = report["all"]["0.3"]["total"]
    assert (allt["pred"], allt["gold"], allt["matched_pred"]) == (4, 4, 3)
    assert allt["precision"] == 75.0 and allt["recall"] == 75.0
    speech = report["speech"]["0.3"]["total"]
    assert (speech["pred"], speech["gold"], speech["matched_gold"]) == (3, 3, 2)
    assert speech["speaker_accuracy"] == 50.0
    assert report["speech"]["0.3"]["direct"]["recall"] == 50.0
    assert report["speech"]["0.3"]["indirect"]["recall"] == 100.0
    text = format_report(report)
    assert "speech" in text and "exact" in text and "66.7" in text


def test_evaluate_quotes_runs_the_finder_on_a_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_doc()) + "\n", encoding="utf-8")
    report = evaluate_quotes(path)
    speech = report["speech"]["0.3"]["total"]
    assert (report["documents"], speech["pred"], speech["gold"], speech["matched_gold"]) == (1, 3, 3, 3)
    assert speech["speaker_accuracy"] == 100.0


def test_polnear_dev_meets_the_bar():
    report = evaluate_quotes(shared_or_skip("eval", "polnear-dev.jsonl"))
    speech = report["speech"]["0.3"]["total"]
    assert speech["f1"] >= 75.0
    assert speech["speaker_accuracy"] >= 85.0
