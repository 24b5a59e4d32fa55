"""Claim speakers: whose claim a clause is, the quoted speaker's or the writer's (claim_speakers.py)."""

import pytest

from tracker.extraction.claims import FACTUAL_KINDS


def test_an_act_reported_with_a_noun_phrase_is_the_writers_claim():
    from tracker.extraction.pipeline import extract

    text = "President Lee declared a state of emergency on Friday in the capital region."
    claims = [c for c in extract(text, "2019-02-21").claims if c.kind in FACTUAL_KINDS]
    assert [c.speaker for c in claims] == [None]
    text = "The ministry said that 40 people had been arrested in the capital on Friday."
    claims = [c for c in extract(text, "2019-02-21").claims if c.kind in FACTUAL_KINDS]
    assert [c.speaker.mention for c in claims] == ["The ministry"]


def test_a_call_for_something_is_the_writers_report_not_the_callers_claim():
    from tracker.extraction.pipeline import extract

    text = "Legal and religious groups have also called for the bill to be dropped after 2,000 people were arrested in 2019."
    claims = extract(text, "2020-01-01").claims
    assert [(c.kind, c.speaker) for c in claims] == [("quantity", None)]
    said = extract("The union said 2,000 people were arrested in 2019.", "2020-01-01").claims
    assert [c.speaker.name for c in said] == ["The union"]


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Board has since declared victory, but the dockers stayed out for a second week in May.",
        "General Amara Okafor ordered two days of national mourning after the crash on Monday.",
        "The council has repeatedly denied permits for the tower, and the developer went to court in 2019.",
        "The rebel group claimed credit for the attack on the pipeline on Sunday.",
        "The mayor insists that the budget include 40 new buses, which was one of her promises.",
    ],
)
def test_an_act_with_a_noun_phrase_before_a_second_clause_is_the_writers(text):
    """Whether reported content states something is decided on its head: a verb after ", but", ", and" or a
    relative pronoun belongs to another clause, so "declared victory, but the dockers stayed out" reports an
    act (the writer's claim), as do "ordered mourning", "claimed credit", "insists that the budget include"."""
    from tracker.extraction.pipeline import extract

    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS]
    assert claims and [c.speaker for c in claims] == [None] * len(claims)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The council denied that the permits had been issued in 2019.", "The council"),
        (
            "Activists have claimed the company, along with two suppliers, is polluting the river since 2018.",
            "Activists",
        ),
    ],
)
def test_a_statement_after_such_a_verb_keeps_its_speaker(text, speaker):
    from tracker.extraction.pipeline import extract

    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS]
    assert [c.speaker.mention if c.speaker else None for c in claims] == [speaker]


def test_the_clause_before_a_participle_cue_is_the_writers():
    """ "X filed a lawsuit on Monday, saying …": should a quote be read with its content before the participle,
    that clause is still what the writer reports X did, not X's statement."""
    from tracker.extraction.pipeline import extract

    text = (
        "On Monday, the Harbour Workers Union and the Tenants League filed a lawsuit against the city of Brenton "
        "over its 2019 Parking Act (BPA), saying it breaks the state constitution."
    )
    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS]
    assert [c.speaker for c in claims] == [None]


def test_an_attribution_after_the_writers_own_verb_does_not_take_the_clause():
    """ "Unions filed a lawsuit against the emergency Governor Ruiz declared last Friday so she could …": the
    attribution sits inside the writer's clause, whose verb ("filed") comes first, so the claim is the writer's."""
    from tracker.extraction.pipeline import extract

    text = (
        "On Monday, unions filed a lawsuit against the emergency Governor Ana Ruiz declared last Friday so she "
        "could close the port to cargo ships until the storm had passed."
    )
    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS]
    assert [c.speaker for c in claims] == [None]
    # A leading phrase closed by a comma is no clause of the writer's: the speaker keeps the claim.
    text = "In a statement released on Monday, the port authority said 40 ships had been diverted since May."
    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS]
    assert [c.speaker.name for c in claims] == ["the port authority"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Lina Ortiz opened the new bridge, a project whose cost, the Herald noted, doubled after 2018.",
            None,
        ),
        (
            "The engineers mapped places where the ice had melted, leaving lakes which, they observed, formed in "
            "the same spots every year.",
            None,
        ),
        (
            "The ministry would also pay for 40 new roads which, the statement said, the towns had requested in 2019.",
            "the statement",
        ),
    ],
)
def test_an_aside_attribution_in_a_relative_clause_leaves_the_main_clause_to_the_writer(text, speaker):
    """ "…, a project whose cost, the Herald noted, doubled": the aside attributes the relative clause only; the
    sentence is the writer's narration. A backshifted "would" in the main clause still reports the speech."""
    from tracker.extraction.pipeline import extract

    claims = [c for c in extract("The team flew survey planes in 2019. " + text, "2021-06-01").claims]
    (c,) = [c for c in claims if c.kind in FACTUAL_KINDS and c.start > 0]
    assert (c.speaker.mention if c.speaker else None) == speaker


def test_a_quote_with_a_long_attribution_after_it_is_its_speakers_claim():
    """'"…," chief executive Ines Moreau told analysts on Tuesday.': the quote alone holds less than half of the
    sentence, but the attribution after it belongs to it, so the claim is the speaker's."""
    from tracker.extraction.pipeline import extract

    text = (
        "Ferry traffic fell in 2022. "
        '"Demand for our ferries has collapsed," chief executive Ines Moreau told analysts at the company on Tuesday.'
    )
    claims = [c for c in extract(text, "2023-03-01").claims if c.kind in FACTUAL_KINDS and c.start > 20]
    assert [c.speaker.name for c in claims] == ["Ines Moreau"]


# Issue 16: a survivor of the fresh seed-59 sample, written after it was measured (not re-measured).


def test_a_call_in_the_present_tense_is_the_writers_report_too():
    from tracker.extraction.pipeline import extract

    claims = extract("The union calls for wages to rise by 5 percent next year.", "2021-06-15").claims
    assert [(c.kind, c.speaker) for c in claims] == [("prediction", None)]


# Issue 16, survivors of a seed-107 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_a_quote_before_its_attribution_given_without_a_speaker_still_holds_the_sentence():
    """A caller's direct quote with a cue and no speaker (SpeakerRef | None): the attribution after it belongs to
    it all the same, so the sentence is its claim (quote_id), with no speaker to name."""
    from tracker.extraction.claims import find_claims
    from tracker.records import Quote

    text = "“Demand for our cars has collapsed,” president Kenji Watanabe told analysts in Tokyo on Tuesday."
    b, cue = text.index("”") + 1, text.index("told")
    q = Quote(
        id="q2", kind="direct", text=text[:b], start=0, end=b, cue="told", speaker=None, cue_start=cue, cue_end=cue + 4
    )
    assert [(c.text, c.kind, c.quote_id, c.speaker) for c in find_claims(text, [q], "2021-03-03")] == [
        (text, "event", "q2", None)
    ]


def test_reported_content_given_without_a_speaker_takes_its_attribution_along():
    """A caller's indirect Quote with no speaker: the attribution before the content ("officials said") is still
    part of what the claim holds, and the claim has no speaker to name."""
    from tracker.extraction.claims import find_claims
    from tracker.records import Quote

    text = "On Monday, officials said 40 people had died in the floods."
    a, cue = text.index("40"), text.index("said")
    q = Quote(
        id="q3",
        kind="indirect",
        text=text[a:-1],
        start=a,
        end=len(text) - 1,
        cue="said",
        speaker=None,
        cue_start=cue,
        cue_end=cue + 4,
    )
    assert [(c.text, c.kind, c.quote_id, c.speaker) for c in find_claims(text, [q], "2021-06-15")] == [
        (text, "quantity", "q3", None)
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'Ines Moreau, the chief executive of the ferry operator, said on Tuesday "Our ferries ran empty."',
            "Ines Moreau",
        ),
        ("Harbour master Tom Reyes said “traffic fell.”", "Tom Reyes"),
        # A writer's clause first: what the subject did is the writer's report, the quote after it the speaker's
        ('Boeing did not release any figures about the initial build, telling Wikinews that "traffic fell."', None),
    ],
)
def test_a_short_quote_after_its_attribution_is_its_speakers_claim(text, speaker):
    """'Mayor Ann Lee said: "We won."': the quote holds less than half of the sentence, but its attribution before
    it belongs to it as one after it does, so the claim is the speaker's, not the writer's."""
    from tracker.extraction.pipeline import extract

    claims = [c for c in extract(text, "2023-03-01").claims if c.kind in FACTUAL_KINDS]
    assert claims and {c.speaker.name if c.speaker else None for c in claims} == {speaker}
