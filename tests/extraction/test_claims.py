"""Claims: detection, kinds, check-worthiness features, clauses, speakers inherited from quotes."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE, EXPECTED, compiled_skip
from tracker.extraction.claims import FACTUAL_KINDS, find_claims
from tracker.extraction.pipeline import extract
from tracker.records import Quote, SpeakerRef


def claim_over(claims, text, fragment):
    i = text.index(fragment)
    j = i + len(fragment)
    best = max(claims, key=lambda c: min(j, c.end) - max(i, c.start), default=None)
    assert best is not None and min(j, best.end) - max(i, best.start) >= 0.8 * len(fragment), claims
    return best


def test_figures_and_dates_are_pulled_into_the_claim():
    text = (
        "Turkey first signed the deal with Russia in September 2017 and acquired its first four missile "
        "batteries, worth about $2.5 billion, in July 2019."
    )
    (c,) = [c for c in find_claims(text, [], "2021-01-16") if c.kind in FACTUAL_KINDS]
    assert c.kind == "quantity" and c.text == text[c.start : c.end]
    assert {(q.value, q.unit) for q in c.quantities} >= {(4, "missile batteries"), (2.5e9, "USD")}
    assert [d.value for d in c.dates] == ["2017-09", "2019-07"]
    assert {"money", "date", "number"} <= set(c.features) and c.score > 0.9
    assert c.id == "c04f4dd3f62" and c.speaker is None  # sha1 of the normalised text: stable across releases


def test_relative_date_resolved_in_claim():
    text = "Last month, the Trump administration imposed sanctions on Turkey under a 2017 law."
    (c,) = find_claims(text, [], "2021-01-16")
    assert "2020-12" in [d.value for d in c.dates]
    assert c.kind in FACTUAL_KINDS


def test_rule_kind():
    (c,) = find_claims("The measures included a ban on all US export licenses to the agency.", [])
    assert c.kind == "rule"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Will the government relax these measures?", "question"),
        ("Let’s sit down and talk and find a solution.", "appeal"),
        ("We invite the US to distance itself from threatening language.", "appeal"),
        ("I think we can do much better than this.", "opinion"),
        ("The new administration will relax these measures next spring.", "prediction"),
    ],
)
def test_non_factual_kinds(text, kind):
    claims = find_claims(text, [])
    assert claims and claims[0].kind == kind


def test_prediction_clause_split_from_the_sentence():
    text = (
        "Hence, despite Turkey’s demands for the Biden administration to review the recent sanctions, it is "
        "unlikely that the incoming administration will relax these measures, as Turkey’s deal with Moscow "
        "violates the crux of the Pentagon’s policies."
    )
    frag = "it is unlikely that the incoming administration will relax these measures"
    i = text.index(frag)
    found = find_claims(text, [])
    assert [(c.kind, c.start, c.text) for c in found] == [
        (
            "rule",
            text.index("despite"),
            "despite Turkey’s demands for the Biden administration to review the recent sanctions",
        ),
        ("prediction", i, frag),
        (
            "rule",
            text.index("as Turkey’s deal"),
            "as Turkey’s deal with Moscow violates the crux of the Pentagon’s policies.",
        ),
    ]


def test_leading_clause_split_off():
    text = (
        "For that reason, when the US’ disapproval failed to stop Ankara from acquiring the weapons, it "
        "suspended Turkey from its F-35 jet program in 2019."
    )
    c = claim_over(find_claims(text, []), text, "it suspended Turkey from its F-35 jet program in 2019")
    assert c.text.startswith("it suspended") and [d.value for d in c.dates] == ["2019"]


def test_claim_in_quote_inherits_its_speaker():
    text = (
        "The sanctions have failed to stop the deal, as Akar mentioned on Wednesday that talks with Moscow "
        "on acquiring a second consignment of the missiles are continuing."
    )
    content = "talks with Moscow on acquiring a second consignment of the missiles are continuing"
    i = text.index(content)
    spk = SpeakerRef(
        name="Hulusi Akar", mention="Akar", start=text.index("Akar"), end=text.index("Akar") + 4, kind="person"
    )
    cue = text.index("mentioned")
    q = Quote(
        id="q1",
        kind="indirect",
        text=content,
        start=i,
        end=i + len(content),
        cue="mentioned",
        speaker=spk,
        cue_start=cue,
        cue_end=cue + 9,
    )
    claims = find_claims(text, [q], "2021-01-16")
    c = claim_over(claims, text, content)
    assert c.speaker.name == "Hulusi Akar" and c.quote_id == "q1"
    writer = claim_over(claims, text, "The sanctions have failed to stop the deal")
    assert writer.speaker is None and "Akar" not in writer.text


def test_direct_quote_sentence_keeps_speaker():
    text = "“The army bought 40 new tanks in 2019,” the minister said."
    quoted = "“The army bought 40 new tanks in 2019,”"
    spk = SpeakerRef(name="the minister", mention="the minister", start=41, end=53, kind="person")
    q = Quote(id="q9", kind="direct", text=quoted, start=0, end=len(quoted), cue="said", speaker=spk)
    (c,) = [c for c in find_claims(text, [q]) if c.kind in FACTUAL_KINDS]
    assert c.speaker is spk and c.quote_id == "q9"


def test_repeated_claim_gets_numbered_ids():
    text = "The plant employed 400 workers in 2019.\nThe plant employed 400 workers in 2019."
    a, b = find_claims(text, [])
    assert b.id == a.id + "-2"


def test_headline_line_is_skipped():
    text = "Turkey Requests US to Review Sanctions Over Missile Purchase\nThe US imposed sanctions on 4 officials."
    claims = find_claims(text, [])
    assert [(c.kind, c.start, c.text) for c in claims] == [
        ("quantity", text.index("\n") + 1, "The US imposed sanctions on 4 officials.")
    ]


def test_small_talk_is_not_a_claim():
    assert [c.kind for c in find_claims("So I'm very honored by all of that.", [])] == ["opinion"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400),
    st.sampled_from([None, "2021-01-16", "2020-02-29", "2021-01-01", "junk"]),
)
def test_never_raises_and_offsets_lie_inside(text, published):
    for c in find_claims(text, [], published):
        assert 0 <= c.start <= c.end <= len(text) and c.text == text[c.start : c.end]
        for x in c.quantities + c.dates + c.entities:
            assert c.start <= x.start <= x.end <= c.end and text[x.start : x.end] == x.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "In",
                "July",
                "2019",
                "$2.5",
                "billion",
                "about",
                "four",
                "missile",
                "batteries",
                "Last",
                "month",
                "the",
                "US",
                "(SSB)",
                "Presidency",
                "of",
                "Act",
                "12%",
                "between",
                "10",
                "and",
                "-",
                "on",
                "Wednesday",
                ".",
                ",",
                "S-400",
                "yesterday",
                "a",
                "dozen",
                "hundreds",
                "€3bn",
                "£",
                "Rs",
                "per",
                "cent",
                "?",
                "Let’s",
                "“",
                "”",
            ]
        ),
        max_size=40,
    )
)
def test_news_like_word_salad(words):
    text = " ".join(words)
    for c in find_claims(text, [], "2021-03-01"):
        assert text[c.start : c.end] == c.text and 0.0 <= c.score <= 1.0


def test_example_article():
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))  # the repository's copies: runs in CI
    raw = EXAMPLE.read_text(encoding="utf-8")
    drop = {
        gold["article"]["title"],
        gold["article"]["caption"],
        "January 16, 2021",
        "SOURCE: BIRGUN NET",
        *gold["article"]["junk_lines_dropped"],
    }
    body = "\n\n".join(line.strip() for line in raw.splitlines() if line.strip() and line.strip() not in drop)
    claims = find_claims(body, [], gold["article"]["published"])
    for g in gold["claims"]:
        c = claim_over(claims, body, g["text"])
        assert c.kind in FACTUAL_KINDS
        values = {round(q.value or 0, 2) for q in c.quantities}
        assert all(round(f["value"], 2) in values for f in g.get("figures", []))
        assert all(any(d.value.startswith(v) for d in c.dates) for v in g.get("dates", []))
    for n in gold["not_claims"]:
        i = body.index(n)
        for c in claims:
            if c.kind in FACTUAL_KINDS:
                assert min(i + len(n), c.end) - max(i, c.start) <= 0.5 * len(n), c.text


def _main(text, published=None):
    """The factual claim covering most of the text, or None."""
    best = None
    for c in find_claims(text, [], published):
        if c.kind in FACTUAL_KINDS and 2 * (c.end - c.start) >= len(text):
            if best is None or c.end - c.start > best.end - best.start:
                best = c
    return best


def test_subject_features():
    assert "third party" in _main("Senator Smith voted against the bill twice last year.").features
    c = _main("There are twelve million people without insurance in this country.")
    assert c is not None and "existential" in c.features


def test_leading_condition_is_a_hypothesis_not_a_fact():
    assert _main("If you didn't balance your budget, you would lose your house.") is None
    # a conditional whose main clause reports what was done is still a fact
    c = _main("If you're married, we reduced the marriage penalty in 2001.")
    assert c is not None and "hypothetical" not in c.features


def test_policy_actions_and_proportions_are_concrete():
    assert "policy action" in _main("The governor vetoed the spending bill in the spring.").features
    assert "proportion" in _main("Half of the schools in the district closed during the strike.").features
    assert "proportion" in _main("The country ranks fifteenth among rich nations in infant mortality.").features


def test_aside_is_not_split_off():
    text = "President Truman vetoed on the average, while he was president, about thirty-eight bills a year."
    c = _main(text)
    assert c is not None and c.kind == "quantity" and c.start == 0


def test_modal_frame_keeps_report_unasserted():
    text = "I don't think he should say that our prestige is at an all-time low."
    assert _main(text) is None


def test_opening_opinion_frame():
    (c,) = find_claims("I think Senator Kennedy was wrong about Cuba in that debate.", [])
    assert c.kind == "opinion"


def test_factual_halves_split_at_but_are_one_claim():
    text = "Exports have begun to fall, but they are still up on last year."
    (c,) = find_claims(text, [])
    assert c.kind in FACTUAL_KINDS and (c.start, c.end) == (0, len(text))
    # figures, dates and entities of both halves come with the joined claim; the subject is the first half's
    text = "Unemployment rose to 7% in March 2020; it had fallen to 5% a year earlier in Spain."
    (c,) = find_claims(text, [])
    assert c.kind == "quantity" and c.text == text[c.start : c.end] and c.start == 0
    # "a year earlier" counts from the date before it: 2019
    assert [q.value for q in c.quantities] == [7, 5] and [d.value for d in c.dates] == ["2020-03", "2019"]
    assert "short" not in c.features


def test_a_view_or_forecast_half_stays_apart_from_the_fact():
    text = "Unemployment rose to 7% in March; the minister will resign over it next week."
    claims = find_claims(text, [])
    fact = claim_over(claims, text, "Unemployment rose to 7% in March")
    assert fact.kind == "quantity" and "minister" not in fact.text
    assert claim_over(claims, text, "the minister will resign").kind == "prediction"
    text = "Exports fell 4% in 2020, but the government should act now to help the farmers."
    claims = find_claims(text, [])
    assert claim_over(claims, text, "Exports fell 4% in 2020").end <= text.index(",")
    assert claim_over(claims, text, "the government should act now").kind == "opinion"


def test_only_a_short_adverbial_may_precede_a_leading_clause():
    # "The company has expanded, in spite of ...,": the "in spite of" part is an aside, not a leading clause
    text = "The company has expanded, in spite of a weak market last year, to forty new cities."
    c = _main(text)
    assert c is not None and c.start == 0
    text = "For that reason, when the talks failed, the union called a strike in 2019."
    c = claim_over(find_claims(text, []), text, "the union called a strike in 2019")
    assert c.text.startswith("the union")


def test_opinion_words_in_a_subordinate_clause_do_not_make_an_opinion():
    text = "Last year the court ruled that the company must pay its former workers."
    (c,) = find_claims(text, [], "2021-01-16")
    assert c.kind == "rule" and "modal" not in c.features
    assert find_claims("We must protect the workers who lost their jobs.", [])[0].kind == "opinion"


def test_the_month_may_is_not_a_hedge():
    c = _main("Exports fell 4% in May, the statistics office said.", "2021-01-16")
    assert c is not None and "hedge" not in c.features
    c = _main("Prices may rise again in May, the statistics office said.", "2021-01-16")
    assert c is not None and "hedge" in c.features and [d.value for d in c.dates] == ["2020-05"]


def test_a_claim_in_reported_speech_keeps_its_attribution_and_takes_the_speaker():
    from tracker.extraction.pipeline import extract

    text = "On Tuesday, the ministry said that 40 people had been arrested in the capital."
    claims = [c for c in extract(text, "2020-03-05").claims if c.kind in FACTUAL_KINDS]
    assert len(claims) == 1
    c = claims[0]
    assert (c.start, c.end) == (0, len(text))
    assert c.speaker is not None and c.speaker.mention == "the ministry"
    assert [d.value for d in c.dates] == ["2020-03-03"]
    assert "reported speech" in c.features


def test_a_dateline_is_not_a_claim():
    text = "Saturday, October 12, 2019\n\nThe agency said that 40 people had been arrested in the capital."
    claims = find_claims(text, [], "2019-10-12")
    assert [c.text for c in claims if c.text.startswith("Saturday")] == []


def test_a_remark_in_a_direct_quote_is_judged_without_its_attribution():
    from tracker.extraction.pipeline import extract

    # The attribution's name and "said" do not make the remark a named past event.
    text = '"I was not expecting this," said Brigid Kosgei after the race in Chicago.'
    assert [c.kind for c in extract(text, "2019-10-14").claims if c.kind in FACTUAL_KINDS] == []
    text = '"The plant employed 400 workers in 2019," said Brigid Kosgei.'
    assert [c.kind for c in extract(text, "2019-10-14").claims] == ["quantity"]


def test_a_trailing_attribution_tail_is_cut_and_the_claim_keeps_its_speaker():
    from tracker.extraction.pipeline import extract

    text = "The deal cost Turkey $2 billion for four batteries, Defence Minister Hulusi Akar said on Monday."
    (c,) = [c for c in extract(text, "2019-07-16").claims if c.kind in FACTUAL_KINDS]
    assert c.text == "The deal cost Turkey $2 billion for four batteries"
    assert c.speaker is not None and c.speaker.name == "Hulusi Akar"


def test_a_real_hedge_beside_the_month_may_is_still_a_hedge():
    """Only a clause whose one hedge word is the month "May" loses the hedge: "might" or "I think" keep it."""
    c = _main("Exports might fall in May, the statistics office said.", "2021-01-16")
    assert c is not None and {"hedge", "modal"} <= set(c.features)
    c = _main("Exports appear to have fallen in May, the statistics office said.", "2021-01-16")  # a hedge phrase
    assert c is not None and "hedge" in c.features


def test_a_figure_of_one_is_stored_but_does_not_score_as_a_number():
    c = _main("Two Democrats opposed the resolution, and one independent supported it last week.")
    assert "number" in c.features  # from "Two Democrats"
    (q,) = [
        q for q in find_claims("One independent supported the resolution on Tuesday.", [], "2019-11-01")[0].quantities
    ]
    assert (q.text, q.value, q.unit) == ("One independent", 1.0, "independent")
    claims = find_claims("One independent supported the resolution on Tuesday.", [], "2019-11-01")
    assert all("number" not in c.features for c in claims)


def test_a_share_or_within_a_unit_does_not_score_as_a_number():
    claims = find_claims("Congress approved about a quarter of the funds within a month.", [], "2019-02-21")
    assert [q.text for c in claims for q in c.quantities] == ["about a quarter", "within a month"]
    assert all("number" not in c.features for c in claims)


def test_the_writers_plain_statement_in_a_report_is_a_claim():
    """In a text that reports someone's speech, the sentences outside any quote are the writer's narration: a
    plain statement there ("The port is run by a state company.") is asserted as fact, where the same words
    spoken alone, as in a debate, are not scored up."""
    from tracker.extraction.pipeline import extract

    text = (
        'The harbour reopened on Monday, the port authority said. "We are relieved," said Ana Petrov.\n\n'
        "The Velmora Port is run by the Harlan Shipping Company."
    )
    claims = extract(text, "2021-05-05").claims
    c = claim_over(claims, text, "The Velmora Port is run by the Harlan Shipping Company.")
    assert "narration" in c.features and c.kind in FACTUAL_KINDS and c.speaker is None
    alone = find_claims("The Velmora Port is run by the Harlan Shipping Company.", [], "2021-05-05")
    assert all("narration" not in c.features for c in alone)
    assert [c.kind for c in alone if c.kind in FACTUAL_KINDS] == []
    # A line without a closing full stop (a caption, a credit) is not narration.
    text = 'The mayor said "we are ready." \n\nAna Petrov at the harbour gate on Monday morning\n\nThe port is old.'
    claims = extract(text, "2021-05-05").claims
    assert all("narration" not in c.features for c in claims if "Petrov at" in c.text)


@pytest.mark.parametrize(
    "text",
    [
        "The probe was scheduled to land on the far side of the moon in March.",
        "Winds were forecast to reach 120 km/h along the coast.",
        "The old ferry is to be replaced by a bridge in 2023.",
        "Analysts expect sales of electric vans to double by 2025.",
    ],
)
def test_what_is_scheduled_forecast_or_expected_is_a_prediction(text):
    """ "was forecast to", "were expected to": the forecast was made in the past, what it is about has not
    happened; "is to be", "expect": plans and expectations, not facts, even in the writer's narration."""
    from tracker.extraction.pipeline import extract

    report = 'The mayor said "we are ready." ' + text
    claims = extract(report, "2021-01-01").claims
    assert [c.kind for c in claims if c.kind in FACTUAL_KINDS and c.start > 30] == []


def test_halves_said_by_two_speakers_are_not_joined():
    """Factual halves of a sentence split at ";" are one claim again only when one speaker (or the writer) makes
    both: "X said A; the broadcaster reported B" is X's claim and the broadcaster's."""
    from tracker.extraction.pipeline import extract

    text = 'Olga Brandt said Mayor Tom Lind needed surgery, and was in a "serious" condition; RTV4 reported he had surgery.'
    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS]
    assert [(c.text, c.speaker.name) for c in claims] == [
        ('Mayor Tom Lind needed surgery, and was in a "serious" condition', "Olga Brandt"),
        ("RTV4 reported he had surgery.", "RTV4"),
    ]


def test_a_clause_cut_mid_sentence_is_no_claim():
    """When the attributions are cut out of 'MPs attacked the bill, with Holt calling it "…" and …', what is left
    ends on "with": a fragment, not a statement. A relative pronoun may end what is left ("…, which the paper
    calls "…""): the main clause before it is whole."""
    from tracker.extraction.pipeline import extract

    text = (
        "Opposition MPs attacked the housing bill in March, with Lena Holt of Dunmore calling the plan "
        '"a shameless land grab" and Omar Diaz of Kell calling it "theft from the next generation".'
    )
    assert [c.text for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS] == []


def test_a_speakers_remark_about_themselves_in_a_quote_is_no_claim():
    """First person counts against a claim inside quotes too: "the toughest night of my life" is a feeling, while
    a figure the speaker gives about the world stays a claim."""
    from tracker.extraction.pipeline import extract

    text = 'The fire was put out on Sunday. "That was the toughest night of my life," said firefighter Ola Berg.'
    assert [c.text for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS and c.start > 30] == []
    text = 'The fire was put out on Sunday. "The blaze destroyed 40 homes in my street," said firefighter Ola Berg.'
    claims = [c for c in extract(text, "2021-06-01").claims if c.kind in FACTUAL_KINDS and c.start > 30]
    assert [(c.kind, c.speaker.name) for c in claims] == [("quantity", "Ola Berg")]


def test_plain_narration_passes_but_a_trailing_as_clause_is_no_statement():
    """Narration weighs what reported speech does: a plain narrated sentence is a claim unless something speaks
    against it. A trailing "as …" clause split off a sentence gives a circumstance, not a statement."""
    from tracker.extraction.pipeline import extract

    text = 'The mayor said "we are ready." The port is run by a family firm.'
    (c,) = [c for c in extract(text, "2021-06-01").claims if c.start > 30]
    assert (c.kind, c.features) == ("other", ["narration"])
    text = 'The mayor said "we are ready." Schools will stay shut until Friday, as the storm moves along the coast.'
    claims = extract(text, "2021-06-01").claims
    assert [c.text for c in claims if c.kind in FACTUAL_KINDS] == []


def test_a_non_prefixed_word_is_not_the_evaluation_it_negates():
    from tracker.extraction.claim_words import _Tokens

    t = _Tokens("The islands closed schools and non-essential public services.")
    assert "nonessential" in t.set and "evaluation" not in t.cues
    assert "evaluation" in _Tokens("The islands closed essential public services.").cues


def test_an_interview_answer_or_a_first_person_sentence_is_no_narration():
    """In a Q&A transcript the answers are the interviewee's, not the writer's: no "narration" feature there,
    nor on a sentence in the first person."""
    from tracker.extraction.pipeline import extract

    text = (
        'Coach Ada Brill said "the season starts soon."\n\n((WN)) How large is the club?\n\n'
        "((Ada Brill)) The club has grown across the region over a decade.\n\n((WN)) And the pitch?\n\n"
        "The pitch was rebuilt by volunteers after the floods."
    )
    feats = [c.features for c in extract(text, "2021-06-01").claims]
    assert all("narration" not in f for f in feats), feats
    text = 'The mayor said "we are ready." Our port is run by a family firm.'
    assert [c.features for c in extract(text, "2021-06-01").claims if c.start > 30] == []


def test_a_call_for_something_is_reported_by_the_writer_not_stated_by_the_callers():
    from tracker.extraction.pipeline import extract

    text = "Farmers' groups are calling for the dam to be closed."
    assert [(c.text, c.speaker) for c in extract(text).claims] == [(text, None)]


def test_an_attribution_left_alone_before_a_colon_is_no_claim():
    """'He told her on one occasion: “…”' is who said the quote, not a fact the writer asserts; the quote is the
    claim, its speaker's. A lead that states a figure of its own is kept."""
    from tracker import extract

    def claims(text):
        return [(c.kind, c.text, c.speaker.name if c.speaker else None) for c in extract(text, "2021-05-05").claims]

    assert claims("He told her on one occasion: “You will never be a doctor.” She became one anyway.") == [
        ("prediction", "“You will never be a doctor.”", "He")
    ]
    assert claims(
        "In a live-streamed statement, Sanders said to Biden: “We will work together to beat the president.”"
    ) == [("prediction", "“We will work together to beat the president.”", "Sanders")]
    assert claims("The minister said 3,000 jobs were lost in April: “It is a disaster for the region.”") == [
        ("quantity", "3,000 jobs were lost in April", "The minister"),
        ("opinion", "“It is a disaster for the region.”", "The minister"),
    ]


# Issue 16, survivors of a seed-107 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_an_announced_plan_before_a_second_clause_stays_the_writers_report():
    # "announced" is an act the writer reports (no speaker), also when a view after ";" or ", but" is cut off
    from tracker.extraction.pipeline import extract

    text = "The ministry announced 3,000 troops would leave the region by May; critics say the plan is a mistake."
    assert [
        (c.text, c.kind, c.features, c.speaker.name if c.speaker else None) for c in extract(text, "2021-06-15").claims
    ] == [
        (
            "The ministry announced 3,000 troops would leave the region by May",
            "quantity",
            ["number", "relative date", "past event", "modal", "reported speech"],
            None,
        ),
        ("critics say the plan is a mistake.", "opinion", ["evaluation", "reported speech"], "critics"),
    ]
    text = "The ministry announced the troops would leave the region, but critics say the plan is a mistake."
    assert [(c.text, c.kind, c.speaker.name if c.speaker else None) for c in extract(text, "2021-06-15").claims] == [
        ("The ministry announced the troops would leave the region", "event", None),
        ("critics say the plan is a mistake.", "opinion", "critics"),
    ]


# Issue 16, survivors of a seed-108 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_every_clause_of_a_question_is_a_question():
    from tracker.extraction.pipeline import extract

    text = "Will the fuel tax rise by 40 percent, as the minister promised?"
    assert [(c.text, c.kind) for c in extract(text, "2021-06-15").claims] == [
        ("Will the fuel tax rise by 40 percent", "question"),
        ("as the minister promised?", "question"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The dam cost $2 billion; who will pay for it?",
            [("The dam cost $2 billion", "quantity"), ("who will pay for it?", "question")],
        ),
        (
            "((WN))  Your report said the dam cost $2 billion; how did you find out?",
            [("((WN))  Your report said the dam cost $2 billion", "quantity"), ("how did you find out?", "question")],
        ),
        (
            "((WN))  Did the dam cost $2 billion, as the report said?",
            [("((WN))  Did the dam cost $2 billion", "question"), ("as the report said?", "question")],
        ),
    ],
)
def test_a_statement_before_a_question_in_one_sentence_is_no_question(text, expected):
    """A clause before the last one of a sentence ending with "?" is a question only when it opens as one."""
    from tracker.extraction.pipeline import extract

    assert [(c.text, c.kind) for c in extract(text, "2021-06-15").claims] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to a report by The Atlantic, the Watch Tower keeps a database of 300 members; it has been "
            "fined in 12 countries for covering up and protecting members accused of abuse.",
            "The Atlantic",
        ),
        # a second half with a reporting verb of its own is not the first source's
        (
            "Phivolcs said the magnitude was 5.5; the US Geological Survey, which runs a wider network of stations, "
            "reported a magnitude of 5.8.",
            None,
        ),
    ],
)
def test_a_source_opening_a_sentence_speaks_for_the_halves_joined_after_it(text, speaker):
    from tracker.extraction.pipeline import extract

    (c,) = extract(text, "2021-06-15").claims
    assert (c.text, c.speaker and c.speaker.name) == (text, speaker)


def test_first_person_in_a_quote_after_saying_is_not_the_writers():
    """'X did Y, saying "I …"': the writer's sentence in the third person; after "said" the sentence passes the
    quote on, and the quote's person counts."""
    from tracker.extraction.pipeline import extract

    text = (
        "At the debate, Biden announced his plan to choose a woman as his running mate, saying "
        '"I commit that I will in fact pick a woman to be vice president".'
    )
    assert [(c.kind, c.features) for c in extract(text, "2021-06-15").claims] == [
        ("event", ["named entity", "past event", "modal"])
    ]
    text = 'At the debate, Biden said "I commit that I will in fact pick a woman to be vice president and I mean it".'
    assert [c.features for c in extract(text, "2021-06-15").claims] == [["modal", "first person"]]


def test_a_rejoined_claim_of_seven_words_or_more_is_not_short():
    # the halves "Exports fell 3 percent in May" (6 words, short) and "sales to China rose 2 percent" are one claim
    from tracker.extraction.pipeline import extract

    text = "Exports fell 3 percent in May, but sales to China rose 2 percent, officials said on Tuesday."
    assert [(c.text, c.features, c.speaker.name) for c in extract(text, "2021-06-15").claims] == [
        (
            "Exports fell 3 percent in May, but sales to China rose 2 percent",
            [
                "percent",
                "relative date",
                "named entity",
                "past event",
                "comparison",
                "statistic",
                "reported speech",
                "third party",
            ],
            "officials",
        )
    ]


def test_a_rejoined_claim_beside_a_quote_that_does_not_hold_it_is_the_writers():
    from tracker.extraction.pipeline import extract

    text = "Exports fell 3 percent in May, but sales to China rose 2 percent, which the minister called “a record”."
    assert [(c.text, c.kind, c.quote_id, c.speaker) for c in extract(text, "2021-06-15").claims] == [
        (text, "quantity", None, None)
    ]


@pytest.mark.parametrize("after", ["\n", "   \n", "\t\r\n", "\xa0\n", ""])
def test_a_headline_is_no_claim_whatever_spaces_end_its_line(after):
    text = f"Kenya Dam Costs Rise By 40 Million Dollars{after}\nThe dam cost 40 million dollars, officials said."
    assert [c.text for c in find_claims(text, [])] == ["The dam cost 40 million dollars, officials said."]


@pytest.mark.parametrize(
    "text, claims",
    [
        # An attribution opening a sentence of its own after its quote says who spoke: no claim of the writer's.
        (
            "“We lost 40 homes.”\nsaid the mayor of the flooded town on Monday.",
            [("“We lost 40 homes.”", "the mayor of the flooded town")],
        ),
        (
            "“We lost 40 homes to the flood this year.” Macron told the world on Thursday via Twitter.",
            [("“We lost 40 homes to the flood this year.”", "Macron")],
        ),
        # One that says more than who spoke is a claim.
        (
            "“We lost 40 homes.” The mayor said this on Monday, after 12 people died.",
            [
                ("“We lost 40 homes.”", "The mayor"),
                ("The mayor said this on Monday, after 12 people died.", "The mayor"),
            ],
        ),
    ],
)
def test_an_attribution_on_its_own_after_its_quote_is_no_claim(text, claims):
    got = [(c.text, c.speaker.mention if c.speaker else None) for c in extract(text, "2021-05-05").claims]
    assert got == claims


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab9'’-_ .,“é"), max_size=16))
def test_a_clause_of_too_few_words_is_found_so_with_or_without_the_texts_token_runs(text):
    # With the text's token runs, an ASCII clause without "-" and "_" counts its words on them, not by the regex.
    from tracker.extraction.claim_words import token_runs
    from tracker.extraction.claims import _assess
    from tracker.extraction.clauses import MIN_WORDS, _has_words

    for runs in (token_runs(text), None):
        judged = _assess(text, 0, len(text), [], ".", False, [], [], [], False, runs)
        if not _has_words(text, MIN_WORDS - 1):
            assert judged is None
        else:  # (a clause of enough words may still be dropped as a fragment, the same way both times)
            assert (judged is None) == (_assess(text, 0, len(text), [], ".", False, [], [], [], False) is None)


@compiled_skip
def test_the_digit_search_for_datelines_runs_once_over_a_text_with_no_digit_after_its_first_claims(monkeypatch):
    # The search for the next digit is shared by the short sentences up to it; past the last digit it found none,
    # and no sentence after searches again (a counter named like the text's length once made each search again,
    # to the text's end: quadratic, 16 s for 300 KB).
    import tracker.extraction.claims as claims

    searches: list[int] = []

    class Counting:
        def search(self, text, pos=0):
            searches.append(pos)
            return claims_digit.search(text, pos)

    claims_digit = claims._DIGIT
    monkeypatch.setattr(claims, "_DIGIT", Counting())
    text = "In 2020 it rose 5 percent. " + "John Ba saw it rise. He saw it fall. " * 50
    found = find_claims(text, [], "2021-05-05")
    assert len(found) == 51  # (each "He saw it fall." is below the threshold)
    assert searches == [0, 27]  # from the first sentence (a digit in it), from the second (none after)


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_quotes_near_each_sentence_are_the_same_whatever_order_the_sentences_come_in(rnd):
    # find_claims walks the quotes forward as the sentences go in order and bisects again when one goes back:
    # sentences given out of order find the same claims (only the numbering of repeated ids follows the order).
    from tracker.extraction.quotes import find_quotes
    from tracker.extraction.sentences import sentences

    text = EXAMPLE.read_text(encoding="utf-8")[:6000]
    spans = sentences(text)
    quotes = find_quotes(text, spans)
    shuffled = list(spans)
    rnd.shuffle(shuffled)

    def key(c):
        return (c.start, c.end, c.kind, c.score, c.features, c.quote_id, c.speaker.name if c.speaker else None)

    ordered = [key(c) for c in find_claims(text, quotes, "2021-05-05", spans)]
    assert len(ordered) > 20 and sum(1 for k in ordered if k[5] is not None) > 5
    assert sorted(key(c) for c in find_claims(text, quotes, "2021-05-05", shuffled)) == sorted(ordered)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 4)), max_size=12),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15), st.integers(0, 15)), max_size=8),
)
def test_the_items_of_a_clause_are_those_a_bisection_finds_whatever_order_the_sentences_come_in(items, sentences):
    # find_claims walks each list of items forward from sentence to sentence (bisecting when one goes back) and
    # takes a clause's items from its sentence's: the items starting in the clause and ending by its end.
    from bisect import bisect_left

    from tracker.extraction.claims import _starting_in, _within
    from tracker.records import Entity

    things = sorted(
        (Entity(text="x", start=a, end=a + n, name="x", kind="other") for a, n in items), key=lambda x: x.start
    )
    starts = [x.start for x in things]
    i = 0
    for s, length, clause in sentences:
        e = s + length
        i, j = _starting_in(starts, i, s, e)
        assert (i, j) == (bisect_left(starts, s), bisect_left(starts, e))
        cs, ce = s + clause % (length + 1), e  # a clause of the sentence: from a point in it to its end
        a, b = bisect_left(starts, cs), bisect_left(starts, ce)
        expected = [x for x in things[a:b] if x.end <= ce]
        assert (_within(things, i, j, cs, ce) if i < j else []) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Critics", "attacked", "the", "bill", "with", "and", ",", "—", "-", ".", "”", ";"]), max_size=8
    )
)
def test_a_clause_ending_on_a_dangling_word_is_a_fragment_whatever_it_ends_with(words):
    # _assess strips the clause's end only when it ends with a letter or one of the characters it strips.
    from tracker.extraction.claims import _DANGLING, _TRAILING, _assess
    from tracker.extraction.clauses import MIN_WORDS, _has_words

    text = " ".join(words)
    tail = text.rstrip(_TRAILING)
    fragment = not _has_words(text, MIN_WORDS - 1) or (
        tail[-1:].isalpha() and tail[tail.rfind(" ") + 1 :].lower() in _DANGLING
    )
    assert (_assess(text, 0, len(text), [], ".", False, [], [], [], False) is None) == fragment
