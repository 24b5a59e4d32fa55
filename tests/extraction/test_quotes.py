"""Quote detection: each pattern of issue 3 on sentences written for these tests, plus robustness."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE, EXPECTED, compiled_skip, shared_or_skip
from tests.example_gold import quote_problems
from tracker.extraction.quotes import find_quotes, find_quotes_raw, quote_spans
from tracker.extraction.sentences import sentences


def quotes(text):
    return find_quotes_raw(text, sentences(text))


def only(text):
    found = quotes(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def test_direct_straight_marks_speaker_after():
    q = only('"We will build the bridge," Mayor Jane Okafor said on Monday.')
    assert q.kind == "direct" and q.text == '"We will build the bridge,"'
    assert q.cue == "said" and q.speaker.name == "Jane Okafor" and q.speaker.role == "Mayor"


def test_direct_curly_marks_inverted_speaker():
    q = only("“Prices will fall by spring,” said the central bank governor.")
    assert q.kind == "direct" and q.text.startswith("“Prices") and q.text.endswith(",”")
    assert q.speaker.mention == "the central bank governor"


def test_speaker_before_with_colon_lead_in():
    q = only("The finance minister later added:  “Prices will fall. Wages will rise.”")
    assert q.kind == "direct" and q.cue == "added"
    assert q.text == "“Prices will fall. Wages will rise.”"
    assert q.speaker.mention == "The finance minister"


def test_speaker_in_the_middle_joins_both_parts():
    text = "“We invite the investors back,” she said. “We want a fair deal.”"
    q = only(text)
    assert q.start == 0 and q.end == len(text)
    assert q.speaker.mention == "she"


def test_quote_over_several_paragraphs_continues_when_next_opens_with_a_mark():
    text = "Okafor said: “The first part is ready.\n“The second part will follow.”\n\nThe council met later."
    q = only(text)
    assert q.text.endswith("follow.”") and "\n" in q.text


def test_nested_single_quotes_stay_inside():
    q = only("“He told me ‘never again’ and left,” the witness said.")
    assert q.text == "“He told me ‘never again’ and left,”"


def test_quote_ending_paragraph_with_speaker_in_next_sentence():
    text = "The council voted to delay the project.\n“This is a disaster for the city.”\nPeter Mwangi, a trader, said this."
    q = only(text)
    assert q.text == "“This is a disaster for the city.”" and q.speaker.name == "Peter Mwangi"


def test_partial_quote_inside_reported_speech():
    q = only("The minister stressed that the port is “vital” for the economy.")
    assert q.kind == "partial" and q.cue == "stressed"
    assert q.text == "that the port is “vital” for the economy"


def test_partial_quote_after_object_and_infinitive():
    q = only("Senator Ruth Alvarez urged the regulator to “review” the merger before June.")
    assert q.kind == "partial" and q.text.startswith("the regulator to “review”")
    assert q.speaker.name == "Ruth Alvarez"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Mensah mentioned on Friday that the talks with Accra are continuing.",
            "that the talks with Accra are continuing",
            "mentioned",
        ),
        ("The company told Reuters that it would cut 200 jobs.", "that it would cut 200 jobs", "told"),
        ("The road will reopen in May, according to the ministry.", "The road will reopen in May", "according to"),
        ("According to the ministry, the road will reopen in May.", "the road will reopen in May", "According to"),
        (
            "Moscow has expressed its concern about the new missile sites.",
            "about the new missile sites",
            "expressed its concern",
        ),
        (
            "The deal, the envoy argued, was never in danger.",
            "The deal, the envoy argued, was never in danger",
            "argued",
        ),
        ("Officials warned the river could flood the lower town.", "the river could flood the lower town", "warned"),
        ("The union has vowed to strike again in April.", "to strike again in April", "vowed"),
    ],
)
def test_indirect_speech(text, content, cue):
    q = only(text)
    assert q.kind == "indirect" and q.text == content and q.cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "She starred in “The Long Night” last year.",  # title of a work
        "The so-called “peace plan” drew large crowds in the capital.",  # scare quotes, no speaker
        "Turkey Asks US to ‘Review’ Sanctions Over Missile Purchase",  # headline
        "The spokesman did not mention whether the talks would resume.",  # negated speech
        "The ministry never said that the plant would close.",
        "Editor’s note: the article was updated on Monday.",
        "Everything the mayor says is checked by the council.",
    ],
)
def test_not_quotes(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A prepositional phrase after the cue is a circumstance; the content is the clause before the speaker.
        (
            "The new terminal will cost $800 million, Transport Secretary Nadia Rahman said in a reply to a "
            "senator's letter on Thursday.",
            "The new terminal will cost $800 million",
            "Nadia Rahman",
        ),
        (
            "Ticket sales doubled over the summer, the festival director told journalists in Salzburg.",
            "Ticket sales doubled over the summer",
            "the festival director",
        ),
        (
            "The vaccine will be free for pupils, Health Minister Ivo Marek said on Wednesday.",
            "The vaccine will be free for pupils",
            "Ivo Marek",
        ),
        (
            "The dam is safe, the engineer said during a tour of the site that was organised by the county.",
            "The dam is safe",
            "the engineer",
        ),
    ],
)
def test_circumstance_after_the_cue_is_not_the_content(text, content, speaker):
    q = only(text)
    assert q.text == content and q.kind == "indirect"
    assert speaker in (q.speaker.name, q.speaker.mention)


@pytest.mark.parametrize(
    "text",
    [
        "The museum will reopen its east wing, a curator said on Sunday, two months after the flood.",
        "The museum will reopen its east wing, the curator said, after repairs to the roof.",
    ],
)
def test_a_time_clause_after_the_attribution_is_not_content(text):
    q = only(text)
    assert q.text == "The museum will reopen its east wing"


def test_a_that_clause_after_the_circumstance_is_still_the_content():
    q = only("The port authority said in a bulletin on Friday that two berths would close.")
    assert q.text == "that two berths would close"


def test_a_clause_coordinated_after_the_circumstance_joins_the_content():
    q = only("Bread prices rose by a quarter, the statistics office said in its March survey, and milk fell.")
    assert q.text.startswith("Bread prices rose") and q.text.endswith("and milk fell")


def test_a_complement_preposition_is_not_a_circumstance():
    # "insist on" takes its preposition as a complement: no report of the clause before it.
    assert quotes("Whatever the polls show, the governor will insist on running again.") == []


def test_asked_questions_are_reported_speech():
    # PolNeAR annotates "asked how/whether …" as attributions (dropping them lowers its recall), so they stay.
    q = only("Several councillors had asked whether the library would stay open on Sundays.")
    assert q.kind == "indirect" and q.cue == "asked"
    assert q.text == "whether the library would stay open on Sundays"


def test_added_that_and_partial_quote_after_said_keep_working():
    found = quotes(
        "Lena Ortiz, the port director, spoke on Friday. She added that cargo volumes were recovering. "
        "A ministry official said the rules were “a temporary safeguard” for local growers."
    )
    assert [q.text for q in found] == [
        "that cargo volumes were recovering",
        "the rules were “a temporary safeguard” for local growers",
    ]
    assert found[0].speaker.name == "Lena Ortiz" and found[1].kind == "partial"


def test_unclosed_quote_stops_at_its_paragraph():
    text = "He said “this never ends and runs on.\n\nThe next paragraph is plain news.\n\nSo is this one."
    spans = quote_spans(text)
    assert spans and all(text.find("\n", s) < 0 or e <= text.find("\n", s) for s, e, _ in spans)
    for q in quotes(text):
        assert "plain news" not in q.text


def test_mistyped_closing_mark_opens_a_paragraph_quote():
    spans = quote_spans("”Fear is what I feel,” she wrote.")
    assert spans == [(0, 22, True)]


def test_ids_are_stable_and_suffixed_when_repeated():
    text = "“Yes,” he said.\n“Yes,” she said."
    a, b = quotes(text)
    assert a.id.startswith("q") and b.id == a.id + "-2"


def test_sorted_and_offsets_match():
    text = (
        "Officials said the bridge would open in May. “It is safe,” the engineer said. "
        "According to the city, the cost was $2 million."
    )
    found = quotes(text)
    assert [q.start for q in found] == sorted(q.start for q in found) and len(found) == 3
    for q in found:
        assert text[q.start : q.end] == q.text
        assert text[q.cue_start : q.cue_end] == q.cue


def test_a_number_opening_reported_content_stays_in_it():
    """A figure right after the cue is the content's first word, not an adverbial to step over; inside a
    prepositional phrase ("on 3 March") it is."""
    (q,) = find_quotes("Officials said 7 people were hurt on Monday.")
    assert (q.kind, q.text, q.speaker.name) == ("indirect", "7 people were hurt on Monday", "Officials")
    (q,) = find_quotes("Officials said on 3 March that 7 people were hurt.")
    assert q.text == "that 7 people were hurt"


def test_find_quotes_never_raises_on_odd_input():
    assert find_quotes("") == []
    assert find_quotes("“") == []
    assert find_quotes("said said said “ ” \" ''") == []
    assert find_quotes("x", [(5, 2), (0, 99), ("a", None)]) == []


_ALPHABET = st.sampled_from(list("ab .,:;\n“”‘’\"'—-") + ["said", "he", "Akar", "according to", "that ", "Mr. "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_hypothesis_offsets_always_inside_text(text):
    for q in find_quotes_raw(text, sentences(text)):  # the raw entry point: any exception fails the test
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in {"direct", "partial", "indirect"}
        if q.cue_start is not None:
            assert 0 <= q.cue_start < q.cue_end <= len(text)
        if q.speaker is not None:
            assert 0 <= q.speaker.start < q.speaker.end <= len(text)
            assert q.speaker.kind in {"person", "organisation", "country", "anonymous"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_hypothesis_any_unicode(text):
    for q in find_quotes_raw(text, sentences(text)):
        assert text[q.start : q.end] == q.text


# ---------------------------------------------------------------- the example article (the checker needs ../shared)

ARTICLE = EXAMPLE
GOLD = EXPECTED


def _cleaned(raw: str) -> str:
    """The body as the product cleans it: lede, then the article from its first dated paragraph on."""
    lede_start = raw.index("Turkey has requested")
    lede = raw[lede_start : raw.index("\n", lede_start)]
    return lede + "\n\n" + raw[raw.index("On Wednesday") :]


@pytest.mark.parametrize("variant", ["raw", "cleaned"])
def test_example_article_passes_the_checker(tmp_path, variant):
    raw = ARTICLE.read_text(encoding="utf-8")
    body = raw if variant == "raw" else _cleaned(raw)
    out = tmp_path / "out.json"
    out.write_text(
        json.dumps(
            {
                "article": {"body": body},
                "quotes": [q.to_dict() for q in find_quotes(body, sentences(body))],
                "claims": [],
            }
        ),
        encoding="utf-8",
    )
    found = [q.to_dict() for q in find_quotes(body, sentences(body))]
    assert quote_problems(json.loads(GOLD.read_text(encoding="utf-8")), body, found) == []
    checker = shared_or_skip("tools", "check_example.py")  # and the user's own script, when it is there
    res = subprocess.run([sys.executable, str(checker), str(GOLD), str(out), "quotes"], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "State media reported the cockpit voice recorder was recovered.",
            "the cockpit voice recorder was recovered",
            "State media",
        ),
        (
            "The Harbour Gazette reported the ferry, which was full, had sunk.",
            "the ferry, which was full, had sunk",
            "The Harbour Gazette",
        ),
        (
            "In their model, the authors found there can be enough oxygen for microbes.",
            "there can be enough oxygen for microbes",
            "the authors",
        ),
        ("The survey showed most residents had voted by mail.", "most residents had voted by mail", "The survey"),
    ],
)
def test_a_clause_without_that_after_a_weak_cue_is_a_report(text, content, speaker):
    q = only(text)
    assert (q.text, q.speaker.mention) == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The researchers reported a new mechanism for the melting.",
        "Police found the missing hiker near the lake.",
        "Rasmussen has a similar question: forty-three, yes; forty-six, no.",
        "The two taped an hourlong show that aired on Thursday.",
        "Blankenship answered some questions from accredited reporter Ann Lee.",
        "The winner of the race posted a time of two hours and five minutes.",
    ],
)
def test_an_object_or_a_noun_is_not_a_report(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("He has since said his initial confession was forced.", "his initial confession was forced", "He"),
        (
            "In an interview, she said as a teenager she was forced into a marriage.",
            "as a teenager she was forced into a marriage",
            "she",
        ),
        (
            "Critics from across Britain's political spectrum have claimed this is a move to foil the opposition.",
            "this is a move to foil the opposition",
            "Critics from across Britain's political spectrum",
        ),
        (
            'The mayor, Ana Ruiz, said on Friday the city is "in the midst of a crisis."',
            'the city is "in the midst of a crisis."',
            "Ana Ruiz",
        ),
        ('Nikki Hale wrote on Twitter, "We must back our allies."', '"We must back our allies."', "Nikki Hale"),
        ('Senator Ann Lee spoke on Fox News, "This will lead to chaos."', '"This will lead to chaos."', "Ann Lee"),
        ("Per the decree, bishops must notify the authorities.", "bishops must notify the authorities", "the decree"),
        (
            "Longer term, according to agency administrator Jim Brand, the goal is to cut costs.",
            "the goal is to cut costs",
            "Jim Brand",
        ),
    ],
)
def test_reports_after_adverbials_leads_and_subordinate_clauses(text, content, speaker):
    q = only(text)
    assert (text[q.start : q.end], q.speaker.name) == (content, speaker)


def test_speak_without_a_quote_is_not_a_report():
    assert quotes("He spoke to reporters about the plan for the port.") == []


def test_the_writers_own_we_is_not_a_quote():
    assert quotes("In our testing we found that the phone overheats.") == []
    assert only('"In our testing we found that it overheats," said Ann Lee.').speaker.name == "Ann Lee"


def test_a_first_name_is_not_a_nationality():
    q = only('"It was amazing," said Juan Perez, senior analyst at Tempus.')
    assert q.speaker.name == "Juan Perez"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The plane went around at very low height according to The Aviation Herald.",
            "The plane went around at very low height",
            "The Aviation Herald",
        ),
        ("A spokesman blamed the rebels for the attack.", "the rebels for the attack", "A spokesman"),
        ("Waseem confessed to killing his sister in 2016.", "to killing his sister in 2016", "Waseem"),
    ],
)
def test_according_at_the_end_and_stance_verbs(text, content, speaker):
    q = only(text)
    assert (text[q.start : q.end], q.speaker.mention) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "There are reportedly about 5000 troops now in the country.",
            "There are reportedly about 5000 troops now in the country",
            None,
        ),
        ("Reportedly, most residents vote through the mail.", "most residents vote through the mail", None),
        ("The attacker is reported to have jumped on stage.", "to have jumped on stage", None),
        (
            "Ministers were reported by local media to have visited the hospital.",
            "to have visited the hospital",
            "local media",
        ),
    ],
)
def test_reports_whose_source_is_not_named(text, content, speaker):
    q = only(text)
    assert text[q.start : q.end] == content
    assert (q.speaker.mention if q.speaker else None) == speaker


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("warn", {"warn", "warns", "warning", "warned"}),
        ("play", {"play", "plays", "playing", "played"}),
        ("visit", {"visit", "visits", "visiting", "visited"}),  # no doubled t: not "visitted"
    ],
)
def test_inflections_of_regular_verbs_exactly(verb, forms):
    from tracker.extraction.quotes import inflections

    assert inflections(verb) == forms


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("urge", {"urges", "urged", "urging"}),
        ("deny", {"denies", "denied", "denying"}),
        ("push", {"pushes", "pushed", "pushing"}),
        ("stop", {"stops", "stopped", "stopping"}),
        ("say", {"says", "said", "saying"}),
        ("write", {"writes", "wrote", "written", "writing"}),
    ],
)
def test_inflections_cover_spelling_changes_and_irregular_forms(verb, forms):
    """A superset is harmless (a form like "urgeed" never occurs in text); a missing form loses quotes."""
    from tracker.extraction.quotes import inflections

    assert forms <= inflections(verb)


@pytest.mark.parametrize(
    "text",
    [
        "The orange warning issued by the weather service applied to six counties.",
        "Her posts on the forum drew thousands of replies.",
        "The warnings apply from tomorrow night.",
    ],
)
def test_a_cue_form_after_a_determiner_is_a_noun_not_speech(text):
    assert quotes(text) == []


def test_a_cue_verb_after_a_noun_subject_is_still_speech():
    assert [q.text for q in quotes("The agency warns that floods are likely.")] == ["that floods are likely"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mr Lee remarked toilet paper is a bulky item.", "toilet paper is a bulky item"),
        ("She noted costs have risen sharply.", "costs have risen sharply"),
    ],
)
def test_a_past_cue_with_a_bare_noun_subject_and_an_auxiliary_reports_a_clause(text, content):
    assert [q.text for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    "text", ["He added sugar to the tea.", "The Guard and state troopers will remain in the city."]
)
def test_an_object_or_an_adjective_after_a_cue_form_is_no_clause(text):
    assert quotes(text) == []


def test_an_irregular_past_cue_with_a_longer_bare_subject_reports_a_clause():
    found = quotes("The team found oxygen levels throughout Mars would be high enough.")
    assert [q.text for q in found] == ["oxygen levels throughout Mars would be high enough"]
    assert quotes("They found the body in a field.") == []


@pytest.mark.parametrize(
    "text",
    [
        "“We will build the dam next year and it will be cheap.” — Amara Diallo",
        "“We will build the dam next year and it will be cheap.” — Amara Diallo, minister of energy.",
        "“We will build the dam next year and it will be cheap.” – Amara Diallo said at the site.",
    ],
)
def test_a_name_after_a_dash_under_a_quote_is_its_speaker(text):
    got = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in find_quotes(text)]
    assert got == [("direct", "“We will build the dam next year and it will be cheap.”", "Amara Diallo")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The talks have failed.” — Amara Diallo/Reuters", ("Amara Diallo", "person")),
        ("“The talks have failed.” – Amara Diallo / Reuters\nThe markets fell.", ("Amara Diallo", "person")),
        ("“The talks have failed.” — UNICEF/AFP", ("UNICEF", "organisation")),
    ],
)
def test_a_name_after_a_dash_with_the_outlet_after_a_slash_speaks_not_the_outlet(text, speaker):
    (q,) = find_quotes(text)
    assert (q.kind, q.text, q.speaker.name, q.speaker.kind) == ("direct", "“The talks have failed.”", *speaker)


@pytest.mark.parametrize(
    "text",
    [
        # A surname alone before the slash is too little to call it a speaker (a credit line, a caption).
        "“The talks have failed.” — Diallo/Reuters",
        # Words after the slash that go on as a sentence: not an outlet, so no attribution.
        "“The talks have failed.” — Reuters/Ipsos poll shows support falling.",
    ],
)
def test_a_dash_and_slash_without_a_full_name_and_an_outlet_is_no_attribution(text):
    assert find_quotes(text) == []


def test_an_auxiliary_after_a_closing_mark_is_the_writers_sentence_not_an_attribution():
    text = 'He wrote on his blog.\n\n"The report misreads the data. The "committee" is not counting the late ballots."'
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The singer was announced to have left the band.", "to have left the band"),
        ("The envoy is said to have met the rebels twice.", "to have met the rebels twice"),
    ],
)
def test_a_passive_report_with_no_source_is_a_quote_without_a_speaker(text, content):
    (q,) = quotes(text)
    assert (q.text, q.speaker) == (content, None)


def test_you_outside_quote_marks_is_no_source():
    assert quotes("Q: How would you describe your plans for the city?") == []


def test_a_report_made_to_a_body_is_no_passive_report():
    assert quotes("Abuse in the league is reported to the Ethics Board, which rules on each case.") == []


def test_a_quote_after_a_colon_belongs_to_the_subject_of_the_clause_before_it():
    text = (
        'In a notice sent on Monday, the Water Board defended the ban, which began in May, as "necessary": '
        '"Reservoirs are at a third of their usual level and the summer has barely begun."'
    )
    found = [(q.text[:12], q.speaker.name if q.speaker else None) for q in quotes(text)]
    assert found == [('"Reservoirs ', "Water Board")]


def test_a_reduced_passive_report_with_by_and_as_names_its_source():
    (q,) = quotes("A fishing boat, reported by local radio as belonging to the navy, sank off the cape.")
    assert (q.text, q.cue, q.speaker.name) == ("belonging to the navy", "reported", "local radio")


def test_expect_is_no_speech_cue():
    text = "The planned opening date for the bridge is in June."
    assert quotes(text) == []
    text = "Grocers expected prices to rise further this winter."
    assert quotes(text) == []


def test_a_passive_instruction_names_no_speaker():
    for text in (
        "Shoppers in the eastern district have been instructed to stay indoors.",
        "Passengers were advised to check their bookings online.",
        "Fans were told to arrive early for the final.",
        "Hikers are urged to carry water on the trail.",
    ):
        assert quotes(text) == [], text
    (q,) = quotes("The ranger advised hikers to carry water on the trail.")
    assert (q.text, q.speaker.mention) == ("hikers to carry water on the trail", "The ranger")


def test_a_participle_apposition_with_as_is_no_speech():
    text = "A young driver, identified only as Marek, was pulled from the wreck."
    assert quotes(text) == []
    text = "The crowd, estimated at 9,000, marched to the square."
    assert quotes(text) == []
    (q,) = quotes("Officers identified the driver as Marek Ilic.")
    assert (q.text, q.speaker.mention) == ("the driver as Marek Ilic", "Officers")


def test_a_quote_after_a_colon_runs_to_its_closing_mark_across_sentences():
    text = "Amara Diallo said: “The dam is safe. It will open in May.”"
    got = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in find_quotes(text)]
    assert got == [("direct", "“The dam is safe. It will open in May.”", "Amara Diallo")]


def _counting_subject_before(monkeypatch) -> dict:
    """Count the subject searches _coordinated makes (quotes.subject_before; attributions use their own)."""
    import tracker.extraction.quotes as quotes_module

    calls = {"n": 0}
    original = quotes_module.subject_before

    def counting(*args):
        calls["n"] += 1
        return original(*args)

    monkeypatch.setattr(quotes_module, "subject_before", counting)
    return calls


@compiled_skip
def test_a_cue_inside_content_looks_for_its_subject_only_near_a_conjunction(monkeypatch):
    # "said said said …": every cue lies inside the first one's content, and no "but"/"and" is near any of them,
    # so none can start a coordinated report: their subjects are not looked for (5 s/MB at 1 MB when they were).
    calls = _counting_subject_before(monkeypatch)
    quotes = find_quotes_raw("Officials said " + "said " * 50 + "it rose.")
    assert [(q.start, q.speaker.name) for q in quotes] == [(15, "Officials")]
    assert calls["n"] == 0
    quotes = find_quotes_raw("Ann Lee said the plan failed, but she said the vote was fair.")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("the plan failed", "Ann Lee"),
        ("the vote was fair", "Ann Lee"),
    ]
    assert calls["n"] == 1


# Issue 16, survivors of the seed-31 mutation sample (2026-11-30, branch mutation3).


def test_a_two_word_quote_takes_the_speaker_and_verb_after_it():
    text = "Protesters gathered at noon. “Justice now,” the crowd chanted."
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in find_quotes(text)] == [
        ("direct", "“Justice now,”", "chanted", "the crowd")
    ]


def test_a_quoted_fragment_after_yet_is_the_next_clauses_subjects():
    text = "The council approved the budget, yet Mayor Ann Lee opposed the “reckless spending” for months."
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in find_quotes(text)] == [
        ("partial", "the “reckless spending”", "opposed", "Ann Lee")
    ]


# Issue 16, survivors of a seed-41 mutation sample of the quote and claim modules (2026-11-30, branch mutation3).


def test_an_unnamed_subject_before_a_colon_does_not_speak_the_quote_after_it():
    # the clause's subject speaks a quote after its colon only when it names someone (a person, an organisation,
    # a country); "officials" does not, and no speaker is made up of the clause's words
    text = "In a statement, officials defended the strike as lawful: “The target was a military depot.”"
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The council approved the budget, but Mayor Ann Lee also opposed the “reckless spending” in it.", "Ann Lee"),
        ("The council approved the budget, but the Greens have opposed the “reckless spending” in it.", "Greens"),
    ],
)
def test_also_and_have_between_the_subject_and_its_verb_are_stepped_over(text, speaker):
    assert [(q.kind, q.text, q.speaker.name) for q in find_quotes(text)] == [
        ("partial", "the “reckless spending”", speaker)
    ]


def test_a_quoted_paragraph_after_a_partial_quote_is_its_speakers():
    text = "The mayor called the plan “a disaster”.\n\n“We will fight it in every court in the country.”"
    assert [(q.kind, q.text, q.speaker.name) for q in find_quotes(text)] == [
        ("partial", "the plan “a disaster”", "The mayor"),
        ("direct", "“We will fight it in every court in the country.”", "The mayor"),
    ]


class _CountingQuotes(list):
    """Quote spans that count how many of them are read (by index, as a bisection does, or by iteration)."""

    reads = 0

    def __getitem__(self, i):
        self.reads += 1
        return super().__getitem__(i)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]


def test_a_first_person_mention_is_placed_in_or_out_of_quotes_by_one_bisection():
    # "“…,” I said." repeated: each "I" was tested against every quote of the article (12 s/MB at 100 KB, growing
    # with the text); quotes are sorted and apart, so the last one opening at or before the mention decides.
    from tracker.extraction.quotes import _in_quote

    spans = _CountingQuotes((10 * k, 10 * k + 6, True) for k in range(1000))
    assert [_in_quote(spans, p) for p in (0, 5, 6, 9, 4990, 4995, 4996, 9995, 9996, 20000)] == [
        True,
        True,
        False,
        False,
        True,
        True,
        False,
        True,
        False,
        False,
    ]
    assert spans.reads <= 10 * 12  # about log2(1000) reads each, not 1000
    assert _in_quote([], 3) is False


def test_first_person_quotes_stay_the_writers_voice_or_the_speakers_as_before():
    # "I said “we lost.”": the writer, outside any quote, reports no source; the others keep their speakers.
    text = "“We won,” I said. I said “we lost.” He said “I won.” “Yes,” she said, “I said so.”"
    assert [(q.text, q.speaker.name if q.speaker else None) for q in find_quotes(text)] == [
        ("“We won,”", "I"),
        ("“I won.”", "He"),
        ("“Yes,” she said, “I said so.”", "she"),
    ]


def test_clean_spans_takes_clean_spans_as_they_are_and_rebuilds_the_rest():
    from tracker.extraction.quotes import _clean_already, _clean_spans

    text = "A b. C d. E f."
    clean = [(0, 4), (5, 9), (10, 14)]
    assert _clean_already(clean, len(text)) is True
    assert _clean_spans(text, clean) == clean and _clean_spans(text, clean) is not clean  # a copy
    # Each way a span list can be unclean is rebuilt as before: unsorted, out of range, empty, bools, floats, lists.
    cases = {
        "unsorted": ([(5, 9), (0, 4)], [(0, 4), (5, 9)]),
        "past the end": ([(0, 4), (10, 99)], [(0, 4), (10, 14)]),
        "negative": ([(-3, 4)], [(0, 4)]),
        "empty span": ([(0, 4), (4, 4)], [(0, 4)]),
        "bools": ([(False, True)], [(0, 1)]),
        "floats": ([(0.0, 4.0)], [(0, 4)]),
        "lists": ([[0, 4]], [(0, 4)]),
        "three items": ([(0, 4, 1)], [(0, 4)]),
    }
    for name, (spans, want) in cases.items():
        assert _clean_already(spans, len(text)) is False, name
        assert _clean_spans(text, spans) == want, name
    assert _clean_spans(text, []) == [] and _clean_spans(text, None) == []


def test_sentence_start_is_the_start_of_the_last_sentence_opening_at_or_before():
    from tracker.extraction.quotes import _sentence_start

    starts = [3, 12, 20]  # of the spans (3, 10), (12, 20), (20, 25)
    assert [_sentence_start(starts, p) for p in (0, 2, 3, 11, 12, 19, 20, 24, 99)] == [0, 0, 3, 3, 12, 12, 20, 20, 20]
    assert _sentence_start([], 5) == 0


# Issue 16, survivors of the seed-103 mutation sample of the quote modules (2026-11-30, branch mutquote).


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("“We will not back down,” thundered the senator.", "thundered", "the senator"),
        ("“We will not back down,” snapped Ruth Alvarez.", "snapped", "Ruth Alvarez"),
        ("“We will not back down,” laughed the union.", "laughed", "the union"),
        ("“We will not back down,” thundered he.", "thundered", "he"),
        ("“We will not back down,” the senator thundered.", "thundered", "the senator"),
        ("“We will not back down,” Ruth Alvarez fumed on Monday night in Ankara.", "fumed", "Ruth Alvarez"),
    ],
)
def test_any_verb_beside_a_named_subject_right_after_a_quote_attributes_it(text, cue, speaker):
    # no reporting cue here: the verb right after the quote, before or after its subject, is the attribution
    assert [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)] == [
        ("direct", "“We will not back down,”", cue, speaker)
    ]


def test_it_after_a_verb_right_after_a_quote_speaks_for_nobody():
    assert quotes("“We will not back down,” thundered it.") == []


def test_a_quoted_phrase_after_a_clause_boundary_is_a_partial_quote_of_the_clauses_subject():
    # "because" lies between the verb and the quote: the quote alone is the content, and it is partial (only a quote
    # the clause introduces with a colon is direct)
    text = "The US has opposed the plan because it is “a dangerous step toward war”."
    got = [(q.kind, q.text, q.cue, q.speaker.name) for q in quotes(text)]
    assert got == [("partial", "“a dangerous step toward war”", "opposed", "United States")]


@pytest.mark.parametrize(("open_mark", "close_mark"), [('"', '"'), ("“", "”")])
def test_a_second_report_after_quoted_words_closed_in_pairs_ends_the_first(open_mark, close_mark):
    # two straight pairs (four marks) before "he added" leave it outside any quote, as do two curly pairs
    words = f"the bridge was {open_mark}safe{close_mark} and {open_mark}cheap{close_mark}"
    text = f"The mayor said {words} and he added that it would open in May."
    assert [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)] == [
        ("partial", words, "said", "The mayor"),
        ("indirect", "that it would open in May", "added", "he"),
    ]


@pytest.mark.parametrize(
    ("subject", "kind"), [("Russia", "country"), ("The ministry", "organisation"), ("Amara Diallo", "person")]
)
def test_a_quote_after_a_colon_belongs_to_a_country_organisation_or_person_subject_across_an_aside(subject, kind):
    # the aside between the subject and its verb leaves the clause after the last comma without a subject: the
    # sentence's subject speaks the quote the colon introduces
    text = f"{subject}, in a statement on Monday, defended the strike as lawful: “The target was a military depot.”"
    got = [(q.kind, q.text, q.cue, q.speaker.mention, q.speaker.kind) for q in quotes(text)]
    assert got == [("direct", "“The target was a military depot.”", None, subject, kind)]


# Issue 16, survivors of the seed-104 mutation sample of the quote modules (2026-11-30, branch mutquote).


def test_a_verb_after_a_quote_attributes_it_in_a_sentence_of_up_to_twelve_words():
    text = "“We will not back down,” the senator from the northern province thundered at a rally in Ankara."
    got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)]
    assert got == [("direct", "“We will not back down,”", "thundered", "the senator from the northern province")]


def test_capitalised_words_after_a_dash_that_run_on_as_a_sentence_are_no_signature():
    assert quotes("“The dam is ready.” — Monday brought the news.") == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("The attacker is reported to have jumped from the bridge.", "to have jumped from the bridge", None),
        ("The attackers are said to have fled to the hills.", "to have fled to the hills", None),
        ("The mayor was announced to have resigned on Monday.", "to have resigned on Monday", None),
        ("The minister was alleged to have taken bribes for years.", "to have taken bribes for years", None),
        ("The singer was rumoured to have left the band.", "to have left the band", None),
        ("The singer was rumored to have left the band.", "to have left the band", None),
        ("The attacker was said to be armed.", "to be armed", None),
        ("The farmers were reported by local media to have sold their land.", "to have sold their land", "local media"),
        ("There are reportedly 5000 troops at the border.", "There are reportedly 5000 troops at the border", None),
        ("Reportedly, most residents have already left the town.", "most residents have already left the town", None),
        (
            "A cargo plane, reported by local press as belonging to the army, crashed on Monday.",
            "belonging to the army",
            "local press",
        ),
    ],
)
def test_every_passive_report_gives_its_content_and_its_source_only_when_named(text, content, source):
    # (the cue of these is not pinned: it keeps the space or comma after the verb, "is reported ")
    got = [(q.kind, q.text, q.speaker.mention if q.speaker else None) for q in quotes(text)]
    assert got == [("indirect", content, source)]


@pytest.mark.parametrize("text", ["The attacker is reported to the police.", "The attacker was reported to a court."])
def test_a_passive_report_to_someone_is_no_report_of_speech(text):
    assert quotes(text) == []


def test_a_quote_after_the_second_speakers_attribution_continues_the_second_speaker():
    text = "“The bridge is ready,” Amara Diallo said. “The road is not,” Jane Okafor said. “It needs a year.”"
    got = [(q.kind, q.text, q.speaker.name) for q in quotes(text)]
    assert got == [
        ("direct", "“The bridge is ready,”", "Amara Diallo"),
        ("direct", "“The road is not,” Jane Okafor said. “It needs a year.”", "Jane Okafor"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The town has adopted “Plan B” for the winter.",
        "The council has approved “Plan B” for the winter.",
        "The town has adopted “Shark Tank” rules.",
    ],
)
def test_a_capitalised_name_in_quote_marks_inside_a_clause_is_no_quote(text):
    # a title or a name ending in a one-letter word ("Plan B") is a name, not a fragment of speech
    assert quotes(text) == []


def test_a_four_word_quote_after_a_colon_belongs_to_the_subject_across_an_aside():
    text = "Russia, in a statement on Monday, defended the strike as lawful: “The target was military.”"
    got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)]
    assert got == [("direct", "“The target was military.”", None, "Russia")]


def test_a_quote_opening_with_a_framing_word_keeps_a_long_attribution_after_it():
    # "When …" opens the quote, not the sentence's frame: the speaker after it, however long, speaks the quote
    text = (
        "“When the bridge opens, we will celebrate,” the mayor of the small northern town of Lake Kivu said on"
        " Monday at a press conference."
    )
    got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)]
    assert got == [
        (
            "direct",
            "“When the bridge opens, we will celebrate,”",
            "said",
            "the mayor of the small northern town of Lake Kivu",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Reported by local press as belonging to the army, the cargo plane crashed on Monday.",
        "A cargo plane, reported by local press as belonging to the army, crashed on Monday.",
    ],
)
def test_reported_by_as_opening_a_sentence_is_found_as_inside_one(text):
    assert [(q.speaker.mention, q.text) for q in find_quotes(text)] == [("local press", "belonging to the army")]


# Issue 16, survivors of the seed-211 sample and of a seed-501 sample of the quote modules (2026-11-30, branch mutq3).


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        # "then" between the subject and its verb is stepped over, like "also"
        (
            "Obama then dismissed the plan as “a stunt for the cameras”.",
            "the plan as “a stunt for the cameras”",
            "dismissed",
            "Obama",
        ),
        # and an adverb in -ly
        (
            "Obama quickly dismissed the plan as “a stunt for the cameras”.",
            "the plan as “a stunt for the cameras”",
            "dismissed",
            "Obama",
        ),
        # so is "was": the verb after it is the clause's verb, and the content starts after that verb
        (
            "Brown was criticised over “a stunt for the cameras”.",
            "over “a stunt for the cameras”",
            "criticised",
            "Brown",
        ),
    ],
)
def test_then_was_and_ly_adverbs_between_a_named_subject_and_its_verb_are_stepped_over(text, content, cue, speaker):
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in quotes(text)] == [("partial", content, cue, speaker)]


def test_a_cue_ending_the_text_without_a_stop_still_attributes_the_quote_before_it():
    # a headline or a caption ends without a full stop: the cue is the sentence's last word
    text = "“The bridge will open in May,” Okafor said"
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in quotes(text)] == [
        ("direct", "“The bridge will open in May,”", "said", "Okafor")
    ]


def test_a_cue_set_off_by_commas_inside_a_report_without_a_conjunction_is_part_of_that_report():
    # "the police warned" sits inside what the mayor said; with no "and", "but" or "while" before it, it starts no
    # report of its own
    text = "The mayor said residents, the police warned, should stay indoors."
    assert [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)] == [
        ("indirect", "residents, the police warned, should stay indoors", "said", "The mayor")
    ]


@pytest.mark.parametrize("text", ["The union said: “Jobs Not Cuts.”", "The mayor said “Happy New Year”."])
def test_a_short_quote_of_capitalised_words_after_a_cue_is_a_title_or_slogan_not_a_quote(text):
    assert quotes(text) == []


@pytest.mark.parametrize("joining", ["and", "but", "so", "yet", "because", "while", "although", "when"])
def test_a_conjunction_opening_the_clause_of_a_quoted_fragment_is_stepped_over_to_its_subject(joining):
    text = f"The council met on Monday, {joining} Obama dismissed the plan as “a stunt for the cameras”."
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in quotes(text)] == [
        ("partial", "the plan as “a stunt for the cameras”", "dismissed", "Obama")
    ]


def test_a_report_holding_another_is_kept_once_and_the_reports_after_it_stay():
    # "Reportedly, …" inside Lee's quote is a report nested in Lee's: dropped, and Okafor's report after both stays
    text = "Lee said the plan was “dead. Reportedly, nobody wants it now.” Okafor said the port would close."
    assert [(q.kind, q.text, q.speaker.name) for q in quotes(text)] == [
        ("partial", "the plan was “dead. Reportedly, nobody wants it now.”", "Lee"),
        ("indirect", "the port would close", "Okafor"),
    ]


def test_they_as_the_subject_of_a_quoted_fragments_clause_speaks_it():
    # "he", "she" and "they" may be a fragment's speaker; other pronouns ("it", "we") may not
    text = "The unions met on Monday. They dismissed the plan as “a stunt for the cameras”."
    assert [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)] == [
        ("partial", "the plan as “a stunt for the cameras”", "dismissed", "They")
    ]
    assert quotes(text.replace("They", "It")) == []
    assert quotes(text.replace("They", "We")) == []


def test_a_first_or_second_person_pronoun_opening_a_quoted_fragments_clause_speaks_nothing():
    # "I", "you" (and "it", "we" above) end the clause's subject search at once: no fragment is theirs
    from tracker.extraction.quotes import _clause_subject

    text = "The unions met on Monday. I dismissed the plan as “a stunt for the cameras”."
    pos = text.index("“")
    assert _clause_subject(text, 26, pos, []) is None
    assert quotes(text) == []
    assert quotes(text.replace("I dismissed", "You dismissed")) == []
    found = _clause_subject(text.replace("I dismissed", "He dismissed"), 26, pos + 1, [])
    assert found is not None and (found[0].text, found[0].kind, found[1], found[2]) == ("He", "pronoun", 29, 38)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor left. “!”", []),
        ("“We will win,” the mayor said.\n“…”", [("direct", "“We will win,”", "the mayor")]),
    ],
)
def test_quote_marks_with_no_word_between_them_at_the_end_of_the_text_quote_nothing(text, expected):
    # no word follows the last sentence's start: the walk over sentence starts must end there, not fail
    assert [(q.kind, q.text, q.speaker.mention) for q in quotes(text)] == expected


def test_a_reduced_passive_report_is_found_at_the_very_start_of_a_text():
    # a body cut from the middle of a sentence (a snippet) may open with "reported by … as …"
    text = "reported by local press as belonging to the army, the cargo plane crashed on Monday."
    assert [(q.kind, q.text, q.cue, q.speaker.mention) for q in quotes(text)] == [
        ("indirect", "belonging to the army", "reported", "local press")
    ]


def test_reportedly_in_the_next_sentence_makes_no_report_of_the_sentence_before():
    # "report" in the first sentence sends it to the search for unnamed reports, which must keep to that sentence
    text = "The agency published its report on Monday. Prices reportedly rose by ten percent."
    assert [(q.kind, q.text, q.speaker) for q in quotes(text)] == [
        ("indirect", "Prices reportedly rose by ten percent", None)
    ]


def test_resolving_speakers_copes_with_reports_that_name_no_source():
    text = "Okafor said the bridge is safe. Prices reportedly rose by ten percent."
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes(text)] == [
        ("indirect", "the bridge is safe", "Okafor"),
        ("indirect", "Prices reportedly rose by ten percent", None),
    ]


@pytest.mark.parametrize(("pronoun", "kind"), [("he", "person"), ("she", "person"), ("they", "anonymous")])
def test_he_she_or_they_after_a_verb_right_after_a_quote_speaks_it(pronoun, kind):
    # the other side of test_it_after_a_verb_right_after_a_quote_speaks_for_nobody
    text = f"“We will not back down,” thundered {pronoun}."
    assert [(q.kind, q.text, q.cue, q.speaker.mention, q.speaker.kind) for q in quotes(text)] == [
        ("direct", "“We will not back down,”", "thundered", pronoun, kind)
    ]


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [("“We will fight it.”", [("direct", "“We will fight it.”", "The mayor")]), ("“We will fight.”", [])],
)
def test_a_quoted_paragraph_of_four_words_or_more_continues_the_last_speaker(quoted, expected):
    text = f"The mayor called the plan “a disaster”.\n\n{quoted}"
    got = [(q.kind, q.text, q.speaker.mention) for q in quotes(text)]
    assert got == [("partial", "the plan “a disaster”", "The mayor"), *expected]


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [("“a cheap stunt”", [("partial", "“a cheap stunt”", "dismissed", "Obama")]), ("“a stunt”", [])],
)
def test_a_quote_after_a_clause_boundary_is_a_fragment_from_three_words(quoted, expected):
    # fewer words after "because" are a scare-quoted word, no quote
    text = f"Obama dismissed the plan because it was {quoted}."
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in quotes(text)] == expected


@pytest.mark.parametrize("value", [None, 42, b"He said it.", "   \n "])
def test_what_is_not_text_or_holds_no_text_has_no_quotes(value):
    assert find_quotes_raw(value) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A second report coordinated inside the first content ends it and starts its own …
        (
            "Okafor said the bridge was safe, but Lee said it would open.",
            [("the bridge was safe", "Okafor"), ("it would open", "Lee")],
        ),
        # … and a negated one ends it too, reporting nothing itself.
        ("Okafor said the bridge was safe, but Lee did not say it would open.", [("the bridge was safe", "Okafor")]),
        (
            "Okafor said the bridge was safe, but he would not say when it would open.",
            [("the bridge was safe", "Okafor")],
        ),
    ],
)
def test_a_coordinated_report_ends_the_content_before_it_even_when_negated(text, expected):
    assert [(q.text, q.speaker.name) for q in find_quotes_raw(text)] == expected


@pytest.mark.parametrize(
    "text, contents",
    [
        # A bare form after "and" with no subject of its own that reports nothing is no second report.
        (
            "The letter says the campaign violated federal and state law by using copyrighted material.",
            ["the campaign violated federal and state law by using copyrighted material"],
        ),
        # A second report still ends the first content, and so does a past form that reports nothing.
        (
            "The mayor said the bridge was safe and added that it would open in May.",
            ["the bridge was safe", "that it would open in May"],
        ),
        ("The mayor said the bridge was safe, but Lee did not say it would open.", ["the bridge was safe"]),
    ],
)
def test_a_word_after_and_that_reports_nothing_does_not_end_the_content(text, contents):
    assert [text[r.start : r.end] for r in find_quotes_raw(text, sentences(text))] == contents


def test_only_the_first_max_cues_of_a_sentence_are_attributed():
    # A "sentence" of 40 attributed quotes (no prose holds more than 5 cues in one): the first MAX_CUES speak.
    from tracker.extraction.quotes import MAX_CUES

    text = "; ".join(f"“We won {i},” Lee said" for i in range(40)) + "."
    found = find_quotes_raw(text, sentences(text))
    # (each quote runs on into the next after the semicolon: "“A,” she said; “B.”")
    cut = text.index("“We won 32,”")
    assert (len(found), MAX_CUES) == (32, 32)
    assert found[-1].text == "“We won 31,” Lee said; “We won 32,”" and all(q.start < cut for q in found)


def test_a_quote_right_after_a_reports_attribution_goes_on_with_its_speaker():
    """ "…, Schiff said. “…”": the quote opening the next sentence of the paragraph is Schiff's, as one after a
    direct quote's attribution is; not one in the next paragraph."""
    text = (
        "The administration may be reluctant to act while Kerry negotiates with Russia, Schiff said. "
        '"The other factor the administration may be considering is whether it would tip the scales."'
    )
    assert [(q.kind, q.speaker.name) for q in find_quotes(text)] == [("indirect", "Schiff"), ("direct", "Schiff")]
    apart = text.replace('said. "', 'said.\n\n"')
    assert [(q.kind, q.speaker.name) for q in find_quotes(apart)] == [("indirect", "Schiff")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to Reuters, the minister said the talks had failed.", [("the talks had failed", "the minister")]),
        ("The minister said the talks had failed, according to Reuters.", [("the talks had failed", "The minister")]),
        ("The Guardian reported the minister said the talks had failed.", [("the talks had failed", "the minister")]),
        # nothing reported inside: the outlet's report stays
        ("According to Reuters, the talks had failed.", [("the talks had failed", "Reuters")]),
        # no speech inside ("claimed 6,606 lives"): the relayed report stays whole
        (
            "According to Reuters, the virus claimed 6,606 lives in March.",
            [("the virus claimed 6,606 lives in March", "Reuters")],
        ),
    ],
)
def test_a_report_relayed_by_an_outlet_is_its_speakers(text, expected):
    """ "According to Reuters, the minister said …": the minister said it; Reuters passes it on."""
    assert [(q.text, q.speaker.mention) for q in find_quotes(text)] == expected


def test_drop_nested_keeps_the_outer_contents_in_the_order_of_a_start_then_longer_first_sort():
    """`_drop_nested` orders the contents by two stable sorts (end descending, then start); on random contents,
    ties included, it keeps what a single sort by (start, -end) followed by the same walk keeps, the same objects
    in the same order."""
    import random

    from tracker.extraction.attribution import _Raw
    from tracker.extraction.quotes import _drop_nested

    rng = random.Random(27)
    for _ in range(2_000):
        raws = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 30)
            raws.append(_Raw(a, a + rng.randint(1, 10), "direct", None, None, None))
        want = []
        for r in sorted(raws, key=lambda r: (r.start, -r.end)):
            if not (want and r.start >= want[-1].start and r.end <= want[-1].end):
                want.append(r)
        got = _drop_nested("", list(raws))
        assert [id(r) for r in got] == [id(r) for r in want]
