"""What a clause's attribution says about its claim (claim_attribution.py): labels, reported questions, the quoted
words of a quote split by its attribution, and the kind of what was said."""

import pytest

from tests.extraction.test_claims import claim_over
from tracker.extraction.claims import FACTUAL_KINDS, find_claims
from tracker.extraction.pipeline import extract
from tracker.records import Quote


def test_what_was_said_decides_the_kind_of_reported_speech_led_by_its_attribution():
    """ "X said on Tuesday it would close the mill": the name, "said" and the date make the sentence look like a
    named past event, but what is claimed is a plan; a view passed on is a view. A fact passed on stays a fact."""

    plan = "The Brenner Paper Company said on Tuesday it would close its Halden mill next spring."
    assert [c.kind for c in extract(plan, "2022-03-10").claims] == ["prediction"]
    view = "Councillor Mira Tanaka told reporters the new fees were unfair and should be scrapped."
    assert [c.kind for c in extract(view, "2022-03-10").claims if c.kind in FACTUAL_KINDS] == []
    fact = "The Brenner Paper Company said on Tuesday it had closed its Halden mill in 2020."
    (c,) = extract(fact, "2022-03-10").claims
    assert c.kind == "event" and c.speaker is not None and c.speaker.name == "Brenner Paper Company"


def test_an_announced_plan_is_the_writers_report_of_the_announcement():
    """ "X announced the mill would close": that the plan was made public is news the writer asserts, so it is a
    factual claim of the writer's, unlike "X said the mill would close" (a plan passed on, no claim)."""

    text = "On Monday, the Brenner Paper Company announced that its Halden mill would close in 2023."
    claims = [c for c in extract(text, "2022-03-10").claims if c.kind in FACTUAL_KINDS]
    assert [(c.kind, c.speaker) for c in claims] == [("event", None)]


def test_a_quote_split_by_its_attribution_is_judged_without_it():
    """One quote runs across its attribution ('"…", said X after the meeting. "…"'): the sentence holding the
    attribution is judged on its quoted words, not on the speaker's name, "said" and what trails them."""

    text = (
        'The flood reached the village on Sunday. "We had no warning at all", said farmer Tomas Ruiz after the '
        'meeting. "The river rose two metres in an hour."'
    )
    claims = extract(text, "2021-03-03").claims
    assert [c.text for c in claims if c.kind in FACTUAL_KINDS and "warning" in c.text] == []
    c = claim_over(claims, text, "The river rose two metres in an hour.")
    assert c.kind == "quantity" and c.speaker.name == "Tomas Ruiz"


@pytest.mark.parametrize(
    "sentence",
    [
        'Opposition leader Maria Lentz called the budget "a betrayal of working families".',
        'Maria Lentz described the cuts as "the deepest in a generation".',
        'The union, calling the closure "an act of vandalism", said nothing more.',
    ],
)
def test_a_label_put_on_something_is_a_view(sentence):
    """ "called X 'Y'", "described X as 'Y'": the speaker's label for something, not a fact to check."""

    text = "The budget was published on Monday. " + sentence
    claims = extract(text, "2021-03-03").claims
    assert [c.text for c in claims if c.kind in FACTUAL_KINDS and c.start > 36] == []


def test_an_account_or_a_call_is_not_a_label():

    text = "The budget was published on Monday. Maria Lentz described how the cuts closed 14 clinics in 2020."
    c = claim_over(extract(text, "2021-03-03").claims, text, "Maria Lentz described how the cuts closed 14 clinics")
    assert c.kind == "quantity" and c.speaker.name == "Maria Lentz"


@pytest.mark.parametrize(
    "text",
    ["Residents said the repairs came too late for the shops.", "The union said poor planning was to blame."],
)
def test_a_judgement_passed_on_is_an_opinion_even_in_the_past_tense(text):

    assert [c.kind for c in extract(text, "2021-06-01").claims] == ["opinion"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("According to the ministry, the tax was unfair.", "opinion"),
        ("According to the ministry, the tax rose 5 percent in 2020.", "quantity"),
        ("According to police, the dam will be closed.", "prediction"),
    ],
)
def test_according_to_leads_the_content_as_said_does(text, kind):
    """ "According to X, …" names the source as "X said …" does: the kind is the content's, not a participle's."""

    assert [c.kind for c in extract(text, "2021-06-01").claims] == [kind]


def test_a_judgement_beside_a_figure_passed_on_stays_a_claim():

    text = "Residents said the repairs, which cost $2 million, came too late for the shops."
    assert [c.kind for c in extract(text, "2021-06-01").claims] == ["quantity"]


def test_called_on_is_a_request_and_a_hard_figure_stays_factual():

    text = "Okafor called on the league to suspend the referee."
    assert [c.kind for c in extract(text, "2021-06-01").claims] == ["other"]
    text = "Okafor called the $40 million stadium deal a waste."
    assert [c.kind for c in extract(text, "2021-06-01").claims] == ["quantity"]
    text = "Okafor called the stadium deal a waste."
    assert [c.kind for c in extract(text, "2021-06-01").claims] == ["opinion"]


def test_a_quote_given_with_only_its_cue_start_is_judged_without_its_attribution():
    """A caller's Quote may leave cue_end and speaker at their defaults (None): the cue's end is then its start
    plus the cue's length, and the quoted words after the attribution are still the claim, judged alone."""
    text = (
        'The flood reached the village on Sunday. "We had no warning at all", said farmer Tomas Ruiz after the '
        'meeting. "The river rose two metres in an hour."'
    )
    a, cue = text.index('"We had'), text.index("said")
    q = Quote(id="q1", kind="direct", text=text[a:], start=a, end=len(text), cue="said", speaker=None, cue_start=cue)
    assert [(c.text, c.start, c.kind, c.features, c.quote_id) for c in find_claims(text, [q], "2021-03-03")] == [
        ("The flood reached the village on Sunday.", 0, "event", ["relative date", "past event"], None),
        ('"The river rose two metres in an hour."', 111, "quantity", ["number", "past event", "comparison"], "q1"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Residents said the repairs came too late for the shops.", "opinion"),
        # a figure or a date in what was said makes it checkable, to the content's last character
        ("Residents said the repairs came too late for the 400 families.", "quantity"),
        ("Residents said the repairs came too late for the floods of May 2020.", "event"),
        # a date in the attribution is not in what was said: the judgement stays a view
        ("Residents said on 3 March 2021 the repairs came too late for the shops.", "opinion"),
        ("Finance minister Ama Osei said on 3 March 2021 the tax was unfair.", "opinion"),
        ("The finance minister said on 3 March 2021 prices should fall.", "opinion"),
    ],
)
def test_the_kind_of_reported_speech_counts_only_the_figures_and_dates_of_what_was_said(text, kind):

    assert [(c.text, c.kind) for c in extract(text, "2021-06-15").claims] == [(text, kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The senator asked whether the tax would rise by 5 percent in 2022.", "question"),
        ("Reporters asked the minister why 300 homes were demolished in May.", "question"),
        ("The court asked the firm to pay $2 million.", "quantity"),  # a request, not a question
    ],
)
def test_a_question_reported_after_asked_is_a_question(text, kind):

    assert [c.kind for c in extract(text, "2021-06-15").claims] == [kind]


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        # "called for" is a call the writer reports, no label: the claim keeps its factual kind and has no speaker
        ("Unions in Kenya have long called for a ban on imported maize.", "rule", None),
        # "as" in what was said makes a label only after "described"
        ("Residents said the bridge was built as a temporary crossing.", "event", "Residents"),
    ],
)
def test_a_call_for_something_or_an_as_after_said_is_no_label(text, kind, speaker):

    claims = extract(text, "2021-06-15").claims
    assert [(c.text, c.kind, c.speaker.name if c.speaker else None) for c in claims] == [(text, kind, speaker)]
