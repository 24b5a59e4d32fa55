"""Claim features and kinds: the rules of tracker/extraction/claim_features.py, each on a sentence written for it.

Checked through `extract`, the way the claims are made; each test names the rule it holds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction.claim_features import _features, _kind
from tracker.extraction.claim_words import _Tokens
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


# Issue 16, survivors of a seed-107 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_it_is_clear_that_frames_a_view_and_it_is_true_that_does_not():
    # "must" after "that" belongs to the subordinate clause; "it is clear" before it is the speaker's own view,
    # "it is true" is no opinion word, so the figure after it is a checkable statement
    assert claims("It is clear that the minister must resign.") == [
        ("It is clear that the minister must resign.", "opinion", ["modal"])
    ]
    assert claims("It is true that the council must pay $2 million for the repairs.") == [
        ("It is true that the council must pay $2 million for the repairs.", "quantity", ["money", "statistic"])
    ]


@pytest.mark.parametrize(
    ("text", "kind", "features"),
    [
        # a third party: a pronoun, a possessive, a capitalised name (its possessive with either apostrophe)
        (
            "They closed 40 schools in the province in 2020.",
            "quantity",
            ["number", "date", "past event", "third party"],
        ),
        ("She closed 40 schools in the province in 2020.", "quantity", ["number", "date", "past event", "third party"]),
        ("Their schools lost 40 teachers in 2020.", "quantity", ["number", "date", "past event", "third party"]),
        (
            "And so they closed 40 schools in the province in 2020.",
            "quantity",
            ["number", "date", "past event", "third party"],
        ),
        (
            "Well, Nairobi closed 40 schools in 2020.",
            "quantity",
            ["number", "date", "named entity", "past event", "third party"],
        ),
        (
            "Kenya’s exports of tea fell by 40 percent in 2020.",
            "quantity",
            ["percent", "date", "named entity", "past event", "comparison", "statistic", "third party"],
        ),
        (
            "Kenya's exports of tea fell by 40 percent in 2020.",
            "quantity",
            ["percent", "date", "named entity", "past event", "comparison", "statistic", "third party"],
        ),
        # a common noun after "the" is no named subject
        ("The province closed 40 schools in 2020.", "quantity", ["number", "date", "past event"]),
        # what exists: "there is/are", "there's", and "we have/had" before a determiner or a figure
        ("There are 40 schools in the province.", "quantity", ["number", "existential"]),
        ("There's a school for 40 children in the village.", "quantity", ["number", "existential"]),
        ("We have 40 schools in the province.", "quantity", ["number", "existential"]),
        ("We had no schools in the province in 2019.", "event", ["date", "past event", "existential"]),
        # "we have" before a participle is what we did; "our" is no third party
        ("We have closed 40 schools in the province.", "quantity", ["number", "past event"]),
        ("Our schools lost 40 teachers in 2020.", "quantity", ["number", "date", "past event"]),
        ("I closed 40 schools in the province in 2020.", "quantity", ["number", "date", "past event", "first person"]),
        (
            "You closed 40 schools in the province in 2020.",
            "quantity",
            ["number", "date", "past event", "second person"],
        ),
        (
            "Unless the dam gets fixed soon, 3,000 homes in the valley will flood.",
            "prediction",
            ["number", "modal", "hypothetical"],
        ),
        # "'re" before "(still) doing" is the present tense too
        ("They're still building 40 new homes in the valley.", "quantity", ["number", "ongoing", "third party"]),
        (
            "We're still paying 40 percent more for bread.",
            "quantity",
            ["percent", "ongoing", "comparison", "statistic"],
        ),
        (
            "If the province closes 40 schools, 3,000 children will lose their classes.",
            "prediction",
            ["number", "modal", "hypothetical"],
        ),
    ],
)
def test_the_subject_of_a_clause_sets_its_subject_feature(text, kind, features):
    assert claims(text) == [(text, kind, features)]


def test_we_have_ending_a_sentence_is_read_without_an_object():
    # "And we had." stops after "had": no word after it to make it "we have" + object, and no claim
    assert claims("The council had no plan for the 40 families. And we had.") == [
        ("The council had no plan for the 40 families.", "quantity", ["number", "past event"])
    ]


def test_a_rank_numbers_one_thing_and_is_no_count():
    # "its tenth patrol" is a figure of kind "rank": stored, but no "number" and no quantity claim
    assert claims("The ship began its tenth patrol in the Red Sea.") == [
        ("The ship began its tenth patrol in the Red Sea.", "event", ["named entity", "past event"])
    ]
    assert claims("The ship began 10 patrols in the Red Sea.") == [
        ("The ship began 10 patrols in the Red Sea.", "quantity", ["number", "named entity", "past event"])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb in -ed after a subject or before an object is a past event
        ("The council approved the budget for 40 new schools.", ("quantity", ["number", "past event", "statistic"])),
        (
            "They reduced the penalty for 40 drivers.",
            ("quantity", ["number", "past event", "policy action", "third party"]),
        ),
        ("The ministry has funded 40 new schools.", ("quantity", ["number", "past event", "policy action"])),
        # or before the time it happened ("opened on Monday", "resigned last week"), but not before a place
        ("The dam opened on Monday 3 March 2020 in the north.", ("event", ["date", "past event"])),
        ("The minister resigned last week.", ("event", ["relative date", "past event", "short"])),
        ("The dam opened in the north of the county.", None),
        # nor a time that is to come ("expected on March 3")
        (
            "The assembly will debate the budget before the vote, expected on March 3.",
            ("prediction", ["relative date", "statistic", "policy action", "modal"]),
        ),
        # a passive after "be" is not ("will be approved this week")
        ("The new budget will be approved this week.", ("prediction", ["relative date", "statistic", "modal"])),
        # nor a passive in the present ("is repaired", "are carried out"), a condition or a state
        (
            "Unless the dam is repaired, 3,000 homes in the valley will flood.",
            ("prediction", ["number", "modal", "hypothetical"]),
        ),
        ("The island is located 2,300 miles off the coast.", ("quantity", ["number"])),
        # nor an -ed adjective ("are concerned the river …"), nor a noun in -eed after "and" ("fear and greed")
        ("Many residents are concerned the river will flood again.", ("prediction", ["modal"])),
        ("The price of gold is driven by fear and greed in 2020.", ("event", ["date", "statistic"])),
        # "have" is a perfect only with a participle in the next two words: "have a budget set by" is possession
        ("The state schools have a budget set by the ministry each year.", None),
    ],
)
def test_what_makes_a_past_event(text, expected):
    assert claims(text) == ([(text, *expected)] if expected else [])


@pytest.mark.parametrize(
    ("text", "kind", "features"),
    [
        # an opinion word loses to a named actor's past deed, unless the clause opens with the speaker's own view
        (
            "Kenya must repay the loans it took from China.",
            "event",
            ["named entity", "past event", "modal", "third party"],
        ),
        (
            "I think Kenya sold the port to China.",
            "opinion",
            ["named entity", "past event", "hedge", "modal", "first person"],
        ),
        # an absolute date alone, in the present tense, makes an event (a relative one too, see above)
        ("The trial of the former minister opens on 3 March 2022.", "event", ["date"]),
    ],
)
def test_the_kind_a_named_past_deed_or_a_date_gives(text, kind, features):
    assert claims(text) == [(text, kind, features)]


# Issue 16, survivors of a seed-108 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_a_clause_of_filler_words_only_has_no_subject_and_no_claim():
    assert claims("Yes and no.") == []


def test_a_quoted_exclamation_keeps_its_kind_though_its_sentence_ends_with_a_question_mark():
    # the converse of the quoted question above: the quote's own closing "!" (or ".") ends what was said, and the
    # clause is judged on the quote's words ("We will rebuild …": a prediction)
    text = "Did the mayor really say “We will rebuild all 40 homes by May!”?"
    assert claims(text) == [(text, "prediction", ["number", "relative date", "modal"])]


@pytest.mark.parametrize(
    "text, past",
    [
        ("The two sides agreed a ceasefire in Geneva.", True),
        ("The government guaranteed the loans of the firms.", True),
        ("The court freed the prisoners on Monday.", True),
        # Other words in "-eed" are no past.
        ("We need a ceasefire in Geneva.", False),
        ("They proceed with the talks in Geneva.", False),
    ],
)
def test_a_past_in_eed_is_a_past_event(text, past):
    assert ("past event" in _features(text, _Tokens(text), [], [], [], False)) is past


@pytest.mark.parametrize(
    "text, third_party",
    [
        # A capitalised word with an apostrophe opening the clause names someone when its stem is a name...
        ("Ann's budget fell by 40% in 2023.", True),
        ("Kenya's budget fell by 40% in 2023.", True),
        # ...not when the stem is a pronoun or a function word, even written in capitals.
        ("IT'S true that prices rose 40% in 2023.", False),
        ("THAT'S why prices rose 40% in 2023.", False),
        ("WHAT'S more, prices rose 40% in 2023.", False),
        ("It's true that prices rose 40% in 2023.", False),
    ],
)
def test_a_contracted_pronoun_in_capitals_opening_a_clause_is_no_named_subject(text, third_party):
    ((_, _, features),) = claims(text)
    assert ("third party" in features) is third_party


def test_a_lower_case_token_is_a_stop_word_capitalised_exactly_when_it_is_in_the_lower_case_stop_words():
    # _subject looks a token's head up in _STOP_LOWER instead of capitalising it for STOP.
    import random

    from tracker.extraction.claim_features import _STOP_LOWER
    from tracker.extraction.entities import STOP

    rng = random.Random(3)
    heads = [w.lower() for w in STOP] + ["ok", "okay", "us", "let", "", "5th", "i"]
    heads += ["".join(rng.choice("abcdehilmnostuy0") for _ in range(rng.randint(1, 5))) for _ in range(20_000)]
    for head in heads:
        assert (head in _STOP_LOWER) == (head.capitalize() in STOP), head
    assert "ok" not in _STOP_LOWER and "the" in _STOP_LOWER


@pytest.mark.parametrize(
    "text, feats",
    [
        ("Costs rose and taxes fell because of the war.", ["past event", "comparison", "causal", "rule", "statistic"]),
        ("Taxes rose sharply in the north last year.", ["past event", "comparison", "rule"]),
        ("The dog sat on the mat because it was cold.", ["past event", "causal"]),
        ("The dog sat on the mat near the door.", []),
    ],
)
def test_fact_cues_are_features_in_their_order(text, feats):
    t = _Tokens(text)
    assert [f for f in _features(text, t, [], [], [], False) if f not in ("short", "third party")] == feats


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ?.!”\"')’"), max_size=10), st.sampled_from([".", "?", "!", ""]))
def test_a_question_is_found_whether_or_not_the_clause_holds_a_question_mark(chunk, sentence_end):
    # _kind strips and tests the clause's end only when it holds a "?" or the sentence ends with one.
    from tracker.extraction.claim_features import _kind

    stripped = chunk.rstrip(" ”\"’')")
    question = stripped.endswith("?") or (sentence_end == "?" and not stripped.endswith((".", "!")))
    t = _Tokens(chunk)
    assert (_kind(chunk, t, [], sentence_end, False, False) == "question") == question


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from("we i want need please let's let us urge call on vote the rose tax and so".split()), max_size=7
    )
)
def test_a_clause_without_an_appeals_opening_word_is_an_appeal_only_by_its_cues(words):
    # _kind asks _appeal only of a clause holding a word an appeal can open with (or the first word of such a
    # phrase); any other is an appeal exactly when its cues say so, which is _appeal's own first answer.
    from tracker.extraction.claim_features import _APPEAL_OPENERS, _appeal

    chunk = " ".join(words)
    t = _Tokens(chunk)
    if t.set.isdisjoint(_APPEAL_OPENERS):
        assert _appeal(t, chunk) == ("appeal" in t.cues)
    assert (_kind(chunk, t, [], ".", False, False) == "appeal") == _appeal(t, chunk)
