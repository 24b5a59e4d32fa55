"""Claim features and kinds: the rules of tracker/extraction/claim_features.py, each on a sentence written for it.

Checked through `extract`, the way the claims are made; each test names the rule it holds."""

import pytest

from tracker.extraction.pipeline import extract


def claims(text):
    return [(c.text, c.kind, c.features) for c in extract(text, published="2021-06-15").claims]


def test_a_superlative_spelled_with_est_after_the():
    ((text, _, features),) = claims("It is the cheapest dam in Africa.")
    assert text == "It is the cheapest dam in Africa." and "superlative" in features


def test_a_relative_date_alone_makes_an_event():
    assert [(t, k) for t, k, _ in claims("The summit in Nairobi opens tomorrow.")] == [
        ("The summit in Nairobi opens tomorrow.", "event")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Prices'll rise 5% in 2025.",  # "'ll" after a noun: no first person, still what will happen
        "If taxes are cut, revenue will fall by 20%.",  # a condition and what follows
        "Suppose the dam fails, 3,000 homes will flood.",  # "suppose" opens a condition like "if"
        "If taxes are cut, revenue falls by 20%.",  # a condition without "will": still not a fact
        "Suppose taxes are cut, revenue falls by 20%.",
    ],
)
def test_what_will_happen_or_would_under_a_condition_is_a_prediction(text):
    assert [(t, k) for t, k, _ in claims(text)] == [(text, "prediction")]


def test_a_question_inside_its_closing_quote_mark_is_a_question():
    text = "She asked: “Is the dam safe for the 3,000 people below it?”"
    assert [(t, k) for t, k, _ in claims(text)] == [(text, "question")]


@pytest.mark.parametrize(
    "text",
    [
        "We've seen 300 cases in Kenya.",  # "'ve" after a pronoun, not a modal: it happened
        "Officials counted 40",  # a past verb with its number last, no full stop
    ],
)
def test_past_events(text):
    ((got, _, features),) = claims(text)
    assert got == text and "past event" in features


def test_a_condition_after_filler_words_is_still_a_condition():
    text = "Well so if taxes are cut, revenue falls by 20%."
    assert [(t, k) for t, k, _ in claims(text)] == [(text, "prediction")]


def test_score_is_the_logistic_of_the_weights_whether_remembered_or_not(monkeypatch):
    import math

    from tracker.extraction import claim_features as cf

    feats = ["money", "date", "named entity", "short"]
    expected = 1.0 / (1.0 + math.exp(-(cf.BIAS + sum([1.5, 2.2, 0.7, -0.3]))))
    monkeypatch.setattr(cf, "_SCORES", {})
    assert cf._score(feats) == expected
    assert cf._SCORES == {tuple(feats): expected}
    assert cf._score(list(feats)) == expected
    monkeypatch.setattr(cf, "_MAX_SCORES", 1)
    assert cf._score(["percent"]) == 1.0 / (1.0 + math.exp(-(cf.BIAS + 2.5)))
    assert len(cf._SCORES) == 1  # full: a new list is scored, not remembered


# Issue 16, survivors of the seed-31 mutation sample (2026-11-30, branch mutation3).


def test_are_now_doing_is_an_ongoing_state():
    assert claims("Thousands of residents are now living in temporary shelters near Kharkiv.") == [
        (
            "Thousands of residents are now living in temporary shelters near Kharkiv.",
            "quantity",
            ["number", "named entity", "ongoing", "third party"],
        )
    ]


# Issue 16, survivors of a seed-41 mutation sample of the quote and claim modules (2026-11-30, branch mutation3).


def test_a_past_tense_statement_without_a_date_is_an_event():
    assert claims("The company closed its last factory in Ohio.") == [
        ("The company closed its last factory in Ohio.", "event", ["named entity", "past event"])
    ]


def test_a_quoted_question_is_a_question_though_its_sentence_ends_with_a_full_stop():
    text = "“Who will pay for the 40 damaged homes?” the mayor asked on Monday."
    assert claims(text) == [(text, "question", ["number", "modal"])]


def test_we_before_a_figure_is_not_we_have():
    # "we have 40 …" states what exists; "we lost 40 jobs" is a plain first-person statement
    assert claims("We lost 40 jobs at the plant in 2020.") == [
        ("We lost 40 jobs at the plant in 2020.", "quantity", ["number", "date", "past event", "statistic"])
    ]
