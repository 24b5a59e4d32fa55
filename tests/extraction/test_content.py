"""Reported content (tracker/extraction/content.py): what a cue reports and where it ends, on sentences written
for these tests."""

from __future__ import annotations

import pytest

from tracker.extraction.pipeline import extract
from tracker.extraction.quotes import find_quotes_raw
from tracker.extraction.sentences import sentences


def contents(text):
    return [q.text for q in find_quotes_raw(text, sentences(text))]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The registry states the carrier owns two cargo planes.", "the carrier owns two cargo planes"),
        ("The guide states the museum opens the east wing in May.", "the museum opens the east wing in May"),
    ],
)
def test_a_present_verb_after_a_subject_makes_a_clause_without_that(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The agency reported the sales figures for the year.",
        "They found a route through the old law, which gives the council the power to act.",
    ],
)
def test_a_plural_noun_or_a_verb_in_a_relative_clause_makes_no_clause(text):
    assert contents(text) == []
    # while its own verb does: "reported the engine was damaged" reports
    text = "The agency reported the engine was damaged\nInvestigators were sent to the plant on Monday."
    assert contents(text) == ["the engine was damaged"]


def test_a_purpose_clause_after_a_cue_is_no_report():
    text = "The union fought the curfew the governor declared last week so he could clear the square."
    assert contents(text) == []
    # while its own verb does: "reported the engine was damaged" reports
    text = "The agency reported the engine was damaged\nInvestigators were sent to the plant on Monday."
    assert contents(text) == ["the engine was damaged"]


def test_to_and_a_gerund_is_what_a_to_verb_reports_not_an_audience():
    assert contents("The driver confessed to acting alone.") == ["to acting alone"]


def test_an_object_and_a_comma_before_a_quote_lead_to_the_quote():
    text = 'The coach defended his choice of keeper, "He has saved us all season."'
    assert contents(text) == ['"He has saved us all season."']


def test_a_pronoun_called_a_quoted_word_is_a_partial_quote():
    assert contents('The bakery, in a post on Monday, called it "shameful".') == ['it "shameful"']


def test_a_directive_verb_with_a_thing_and_no_verb_after_it_reports_nothing():
    assert contents("The president ordered three days of mourning after the fire.") == []
    assert contents("The president ordered troops to leave the city.") == ["troops to leave the city"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The museum identifies 3 May 1921 as the day it opened.", "3 May 1921 as the day it opened"),
        ("The registry lists the ferry as belonging to the navy.", "the ferry as belonging to the navy"),
        ("The census office estimated the town's population at about 9,000.", "the town's population at about 9,000"),
    ],
)
def test_a_verb_of_assessment_reports_its_object_with_as_or_at(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize("text", ["Police identified the man on Monday.", "He listed his achievements."])
def test_a_verb_of_assessment_without_as_or_at_reports_nothing(text):
    assert contents(text) == []
    # while its own verb does: "reported the engine was damaged" reports
    text = "The agency reported the engine was damaged\nInvestigators were sent to the plant on Monday."
    assert contents(text) == ["the engine was damaged"]


def test_an_expectation_is_no_speech():
    """ "expect" is no speech cue (on unseen Wikinews text it was wrong 7 times of 7: "the current expected date"
    became a quote by "the current")."""
    assert contents("Forecasters expected heavy rain and high winds.") == []
    assert contents("The storm is expected to reach the coast on Monday.") == []


def test_no_one_opens_a_reported_clause():
    text = "The fire gutted the hall, with local media reporting no-one was inside."
    assert contents(text) == ["no-one was inside"]


def test_a_passive_expectation_does_not_cut_the_report_before_it():
    text = "Per the rule signed by the mayor, shop owners and bakers are expected to close at ten."
    assert contents(text) == ["shop owners and bakers are expected to close at ten"]


def test_commit_reports_a_to_clause_not_an_object():
    assert contents("The mayor committed to reopening the library.") == ["to reopening the library"]
    assert contents("He committed a crime in 2010.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Her name is not on the co-author list because the paper was new.",
        "Data leaked included photos, friend and group lists, and interests.",
        "What will you do if a court rules your executive order creating a process to close the agency void?",
    ],
)
def test_a_noun_list_or_a_singular_object_before_to_reports_nothing(text):
    assert contents(text) == []
    # while its own verb does: "reported the engine was damaged" reports
    text = "The agency reported the engine was damaged\nInvestigators were sent to the plant on Monday."
    assert contents(text) == ["the engine was damaged"]


def test_a_relative_speaker_with_a_place_phrase_reports_the_quote_after_its_comma():
    text = 'The bill passed, said Ann Lee, who said on the council floor, "It took ten years."'
    assert contents(text) == ["The bill passed", '"It took ten years."']


def test_a_colon_at_a_line_end_reports_the_next_paragraph_only():
    # "Caddell continued:" and the content in the next paragraph: it ends at that paragraph's end, not the text's
    text = "Caddell continued:\nWe will win the state by ten points.\nThe polls closed at eight.\nTurnout was high."
    assert contents(text) == ["We will win the state by ten points."]


# Issue 16, survivors of the seed-31 mutation sample (2026-11-30, branch mutation3).


def test_the_verb_that_makes_a_cues_object_a_clause_is_looked_for_in_its_own_line():
    # "reported a new fault …" is an object, not a report; the verb "were" of the next line (a line without a
    # full stop is a sentence of its own) does not make it a clause
    text = "The agency reported a new fault in the engine\nInvestigators were sent to the plant on Monday."
    assert contents(text) == []
    # while its own verb does: "reported the engine was damaged" reports
    text = "The agency reported the engine was damaged\nInvestigators were sent to the plant on Monday."
    assert contents(text) == ["the engine was damaged"]


# Issue 16: a survivor of the fresh seed-59 sample, written after it was measured (not re-measured).


def test_a_five_letter_ly_adverb_after_the_object_is_stepped_over():
    assert contents("The minister told reporters daily that taxes would rise.") == ["that taxes would rise"]


def quotes_of(text):
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in find_quotes_raw(text, sentences(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor told the council: “The bridge across the river is ready.”",
        "The mayor told reporters:\n“The bridge across the river is ready.”",
    ],
)
def test_whom_a_verb_of_telling_addresses_before_a_colon_is_no_content(text):
    assert quotes_of(text) == [("direct", "“The bridge across the river is ready.”", "The mayor")]


def test_a_that_with_nothing_after_it_reports_nothing():
    text = "The minister said the plan was sound. She added that"
    assert quotes_of(text) == [("indirect", "the plan was sound", "The minister")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister said early on Monday that the talks had failed.", "that the talks had failed"),
        ("The minister said late in the evening that the talks had failed.", "that the talks had failed"),
        ("The minister said early results showed a gain in exports.", "early results showed a gain in exports"),
    ],
)
def test_early_or_late_before_a_time_phrase_is_a_circumstance_of_the_report(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A quote right after the cue is the content, to its end (or to the sentence's, when it runs on).
        ("Ann Lee said “it rose.”", ("“it rose.”", "direct", "said")),
        ("Ann Lee said  “it rose” on Monday.", ("“it rose” on Monday", "partial", "said")),
        ("Ann Lee said ''it rose'' on Monday.", ("''it rose'' on Monday", "partial", "said")),
        ("Ann Lee said, “it rose.”", ("“it rose.”", "direct", "said")),
        # Verbs whose object comes first, or that report only a quote, keep their own rules.
        ("Ann Lee told “the council” that it rose.", ("“the council” that it rose", "partial", "told")),
        ("Ann Lee told “it rose.”", ("“it rose.”", "direct", "told")),
        ("Ann Lee defended it “it rose.”", ("it “it rose.”", "partial", "defended")),
    ],
)
def test_a_quote_right_after_the_cue(text, content):
    assert [(q.text, q.kind, q.cue) for q in find_quotes_raw(text, sentences(text))] == [content]


# Issue 16, survivors of the seed-103 mutation sample of the quote modules (2026-11-30, branch mutquote).


def test_that_closing_its_sentence_reports_nothing_though_a_sentence_follows():
    assert contents("The ministry later added that. Nobody knew why.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister suggested Russia pay for the damage.", "Russia pay for the damage"),
        ("The minister hinted Moscow would pay for the damage.", "Moscow would pay for the damage"),
        ("The agency hinted 300 homes would be built by May.", "300 homes would be built by May"),
    ],
)
def test_a_capitalised_word_or_a_figure_after_a_cue_opens_a_clause(text, content):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == [("indirect", content)]


@pytest.mark.parametrize("pronoun", ["he", "she", "they", "we", "it", "there"])
@pytest.mark.parametrize("cue", ["added", "noted"])
def test_a_subject_pronoun_after_a_weak_cue_opens_a_clause_whatever_its_verb(cue, pronoun):
    # "swam" is no verb the clause-shape rules know: the pronoun alone shows a clause follows
    text = f"The coach {cue} {pronoun} swam across the lake."
    got = [(q.kind, q.text, q.cue, q.speaker.name) for q in find_quotes_raw(text, sentences(text))]
    assert got == [("indirect", f"{pronoun} swam across the lake", cue, "The coach")]


# Time, place and medium phrases between a cue and its content, stepped over with and without "that".
ADVERBIALS = [
    "on Monday",
    "in a statement",
    "late on Tuesday",
    "early this week",
    "publicly",
    "again",
    "in an interview with the BBC",
    "at a news conference in Ankara",
    "last week",
    "on Monday in a statement",
    "repeatedly",
    "this morning",
    "yesterday",
    "on 3 March",
    "in a post on Facebook",
    "separately",
    "earlier",
    "later",
    "to reporters",
    "to the BBC's Jane Doe",
]


@pytest.mark.parametrize("adverbial", ADVERBIALS)
def test_every_time_place_and_medium_phrase_after_the_cue_is_stepped_over(adverbial):
    for that in ("that ", ""):
        text = f"The minister said {adverbial} {that}taxes would rise in May."
        got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
        assert got == [("indirect", f"{that}taxes would rise in May", "said", "The minister")]


# Verbs whose object (whom they address) comes before the content; those of them that take a "to"-clause report the
# object with it ("urged farmers to sell").
OBJECT_CUES = "told urged asked warned reminded assured informed advised invited encouraged pressed ordered implored"
TO_CUES = "urged asked warned advised invited encouraged pressed ordered implored instructed"


@pytest.mark.parametrize("cue", OBJECT_CUES.split() + ["instructed"])
def test_whom_a_verb_of_telling_addresses_is_left_out_of_its_that_clause(cue):
    for whom in ("the farmers", "Reuters"):
        text = f"The minister {cue} {whom} that taxes would rise in May."
        got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
        assert got == [("indirect", "that taxes would rise in May", cue, "The minister")]


@pytest.mark.parametrize("cue", TO_CUES.split())
def test_whom_a_verb_of_urging_addresses_is_reported_with_its_to_clause(cue):
    for whom in ("the farmers", "farmers"):
        text = f"The minister {cue} {whom} to sell their land."
        got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
        assert got == [("indirect", f"{whom} to sell their land", cue, "The minister")]


@pytest.mark.parametrize("cue", ["reminded", "assured", "informed"])
def test_a_verb_of_telling_that_takes_no_to_clause_reports_none(cue):
    assert contents(f"The minister {cue} the farmers to sell their land.") == []


FIRST = ("indirect", "taxes would rise in May", "said", "The minister")


@pytest.mark.parametrize(
    ("tail", "second"),
    [
        (", adding that it was late", ("indirect", "that it was late", "adding", "The minister")),
        (", saying it was late", ("indirect", "it was late", "saying", "The minister")),
        (", noting it was late", ("indirect", "it was late", "noting", "The minister")),
        (", arguing it was late", ("indirect", "it was late", "arguing", "The minister")),
        (", explaining it was late", ("indirect", "it was late", "explaining", "The minister")),
        (", insisting it was late", ("indirect", "it was late", "insisting", "The minister")),
        (", claiming it was late", ("indirect", "it was late", "claiming", "The minister")),
        (", stressing it was late", ("indirect", "it was late", "stressing", "The minister")),
        (", telling reporters it was late", ("indirect", "it was late", "telling", "The minister")),
        (", writing that it was late", ("indirect", "that it was late", "writing", "The minister")),
        (", but added it was late", ("indirect", "it was late", "added", "The minister")),
        (", but said it was late", ("indirect", "it was late", "said", "The minister")),
        (", but noted it was late", ("indirect", "it was late", "noted", "The minister")),
        (", while the council disagreed", None),
        (", whereas the council disagreed", None),
        ("; the council disagreed", None),
    ],
)
def test_reported_content_ends_before_a_continuing_participle_a_contrast_or_a_semicolon(tail, second):
    # (not pinned: ", warning it was late" and " — adding that it was late" lose their second report)
    text = f"The minister said taxes would rise in May{tail}."
    got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
    assert got == [FIRST] + ([second] if second else [])


# Issue 16, survivors of the seed-104 mutation sample of the quote modules (2026-11-30, branch mutquote).


@pytest.mark.parametrize(
    "text",
    [
        "The mayor agreed when asked about the bridge.",
        "The union agreed if the wages rose.",
        "The minister only commented if asked directly.",
        "The council responded where the river had flooded.",
    ],
)
def test_when_if_or_where_after_a_cue_that_takes_no_question_opens_no_report(text):
    assert contents(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor told the council: “The bridge is ready.”",
        "The mayor told the council on Monday: “The bridge is ready.”",
        "The mayor told reporters:\n“The bridge is ready.”",
    ],
)
def test_whom_a_verb_of_telling_addresses_before_a_colon_leaves_the_quote_after_it_whole(text):
    got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
    assert got == [("direct", "“The bridge is ready.”", "told", "The mayor")]


def test_a_report_ends_with_its_sentence_though_a_continuing_participle_follows_later():
    text = "The minister said taxes would rise. Farmers were angry, saying prices were high."
    got = [(q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
    assert got == [("taxes would rise", "said", "The minister"), ("prices were high", "saying", "Farmers")]


def test_a_subordinate_report_ends_at_the_first_comma_outside_its_quote_marks():
    text = "Though the mayor said the plan was “cheap, fast and safe”, the council rejected it."
    got = [(q.kind, q.text, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
    assert got == [("partial", "the plan was “cheap, fast and safe”", "the mayor")]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_possessive_inside_a_phrase_after_the_cue_is_stepped_over_with_either_apostrophe(apostrophe):
    text = f"The minister said in the ministry{apostrophe}s weekly statement taxes would rise in May."
    assert contents(text) == ["taxes would rise in May"]


# Verbs whose prepositional phrases are circumstances (where, when, in what medium) of a report made before them.
PLAIN_SAY = (
    "said added wrote noted explained stressed warned announced confirmed stated declared reiterated acknowledged "
    "admitted predicted claimed argued conceded tweeted posted estimated reported"
)


@pytest.mark.parametrize("cue", PLAIN_SAY.split() + ["told"])
@pytest.mark.parametrize(
    "circumstance", ["in a statement on Monday", "during a visit to the port", "at a news conference in Ankara"]
)
def test_a_circumstance_after_an_attribution_leaves_the_report_before_it(cue, circumstance):
    whom = " reporters" if cue == "told" else ""
    text = f"Taxes will rise in May, the minister {cue}{whom} {circumstance}."
    got = [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))]
    assert got == [("indirect", "Taxes will rise in May", cue, "the minister")]


@pytest.mark.parametrize("complement", ["insisted on a vote", "agreed with the unions", "responded to the unions"])
def test_a_preposition_a_verb_takes_as_its_complement_is_no_circumstance_of_a_report(complement):
    assert contents(f"Taxes will rise in May, the minister {complement}.") == []


# Issue 16, survivors of the seed-211 sample and of a seed-501 sample of the quote modules (2026-11-30, branch mutq3).


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Being late is no crime, the judge said.", "Being late is no crime"),
        ("Using drones here is illegal, the police said.", "Using drones here is illegal"),
        ("Doing nothing would cost lives, the doctors warned.", "Doing nothing would cost lives"),
    ],
)
def test_a_five_letter_ing_word_opening_the_sentence_is_the_reports_subject_not_a_framing_phrase(text, content):
    # a framing participle ("Speaking to reporters, …") has more than five letters; "Being", "Using", "Doing"
    # open the reported clause itself
    assert contents(text) == [content]


def test_a_subordinate_report_cut_at_a_semicolon_does_not_reach_a_comma_after_it():
    # the report of a subordinate attribution ends at its first comma, but only a comma inside the report: here it
    # ends at the semicolon, and the comma after "engineers" belongs to the next clause
    assert contents("While the mayor said the bridge was safe; engineers, however, disagreed.") == [
        "the bridge was safe"
    ]


def test_a_that_on_the_next_line_is_not_looked_for_after_the_cues_time_phrase():
    # a line break ends the sentence: the clause after "said on Monday" is the rest of its own line
    assert contents("The mayor said on Monday the bridge is safe\nthat is all we know.") == ["the bridge is safe"]


def test_a_report_opening_with_a_figure_before_its_attribution_is_no_framing_phrase():
    # only a word can frame an attribution ("During …", "Speaking …"): a sentence opening with a year is the report
    assert contents("2024 was a record year for the port, the minister said.") == [
        "2024 was a record year for the port"
    ]


def test_estimate_reports_a_clause_as_well_as_an_object_with_at():
    # the other verbs of assessment ("identify", "list") report only "X as Y"; "estimate" also a clause
    assert contents("The agency estimated the repairs would cost $2 million.") == ["the repairs would cost $2 million"]


def test_a_lower_case_i_after_a_weak_cue_opens_a_clause_as_i_does():
    # posts quoted as typed write "i": it is the subject pronoun all the same
    assert contents("He added i think the bridge is safe.") == ["i think the bridge is safe"]


# Issue 16, survivors of an exploratory seed-5012 sample of quotes.py and content.py (2026-11-30, branch mutq3).


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("She asked if the bridge was safe.", "if the bridge was safe"),
        ("She asked when the bridge would open.", "when the bridge would open"),
        ("He explained where the money went.", "where the money went"),
    ],
)
def test_if_when_or_where_after_a_cue_that_takes_a_question_opens_the_report(text, content):
    # the other side of test_when_if_or_where_after_a_cue_that_takes_no_question_opens_no_report
    assert contents(text) == [content]


@pytest.mark.parametrize("text", ["The mayor said as he left.", "The mayor smiled and said as he left."])
def test_a_subordinate_clause_of_three_words_after_a_cue_is_when_it_was_said_not_what(text):
    # "said as a teenager she was forced …" reports its clause; "said as he left" is the circumstance of the saying
    assert contents(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister defended “the decision to close the port” on Monday.", "“the decision to close the port”"),
        ("Lee spoke “with great sadness” about the fire.", "“with great sadness”"),
    ],
)
def test_a_quote_right_after_a_verb_that_reports_only_quotes_is_the_quote_alone(text, content):
    # "said “…” on Monday" runs on to the sentence end; "defended" and "spoke" report the quoted words only
    assert contents(text) == [content]


def test_a_subordinate_clause_of_four_words_after_a_cue_is_what_was_said():
    # the other side of the three-word test above: four words make a report
    assert contents("She said since 2019 prices doubled.") == ["since 2019 prices doubled"]


@pytest.mark.parametrize("text", ["The union called a strike.", "The mayor called a meeting."])
def test_call_with_a_short_object_is_an_act_not_a_report(text):
    # only a pronoun and the quoted word it was called ('called it “unexpected”') is reported in under three words
    assert contents(text) == []


def test_a_report_before_its_attribution_starts_at_the_quote_the_splitter_cut_at_an_inner_stop():
    # the sentence splitter cuts the quote at "old." and the second sentence begins inside the quote: the report
    # before ", the engineer said" starts at the quote's opening mark, not in the middle of the quote or after it
    text = "“The bridge is old. It will fall soon” if nothing is done, the engineer said."
    assert contents(text) == ["“The bridge is old. It will fall soon” if nothing is done"]


# Issue 16, survivors of an exploratory seed-5015 sample of quotes.py and content.py (2026-11-30, branch mutq3).


def test_a_colon_at_a_line_end_reports_the_last_paragraph_of_the_text_to_its_end():
    # the paragraph after the colon has no line break after it: the report runs to the end of the text
    text = "Caddell continued:\nThe vote is ours and we will win it."
    assert contents(text) == ["The vote is ours and we will win it."]


def test_that_after_a_time_phrase_and_a_dash_opens_the_report():
    assert contents("The minister said on Monday—that the bridge is safe.") == ["that the bridge is safe"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "despite …" after the cue is a circumstance: what was said is the clause before.
        ("The bridge is safe, Okafor insisted despite the rain.", [("Okafor", "The bridge is safe")]),
        ("The bridge is safe, Okafor said despite the rain.", [("Okafor", "The bridge is safe")]),
        ("The vote was rigged, Okafor insisted on Monday.", [("Okafor", "The vote was rigged")]),
    ],
)
def test_a_circumstance_after_insisted_leaves_the_content_before(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Whom a report is told to, a bare plural before "that", is no part of what is reported.
        ("Tim Cook told analysts that sales rose 5 per cent.", ["that sales rose 5 per cent"]),
        ("The bank assured depositors that their money was safe.", ["that their money was safe"]),
        ("The minister reminded farmers that the subsidy would end.", ["that the subsidy would end"]),
        # A plural after "that" is the content's own subject.
        (
            "The mayor warned that some roads that flooded would stay closed.",
            ["that some roads that flooded would stay closed"],
        ),
        # Before "to", whom it urges stays with what they are urged to do.
        ("He urged citizens to leave.", ["citizens to leave"]),
    ],
)
def test_a_bare_plural_told_before_that_is_whom_it_is_told_to(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A determiner after the phrase's noun opens the content, not more of the phrase.
        ("The minister said in an interview the deal was off.", ["the deal was off"]),
        ("Residents said on 3 March 2021 the repairs came too late.", ["the repairs came too late"]),
        ("The IMF said in May the trade area might be a game changer.", ["the trade area might be a game changer"]),
        ("He said in a statement the company's profits had doubled.", ["the company's profits had doubled"]),
        # Inside the phrase, before its noun, a determiner is the phrase's own.
        ("The minister said at a press conference in Ankara that the deal was off.", ["that the deal was off"]),
        # A lower-case noun of the phrase, then a word that opens a clause: the clause is the content.
        ("The minister said during the visit he would return.", ["he would return"]),
        ("His daughter reported to the police he had left home.", ["he had left home"]),
        # Without a clause opening after it, the word is the content's own.
        ("Officials said in the past two years prices rose.", ["past two years prices rose"]),
    ],
)
def test_a_determiner_after_a_circumstance_opens_the_content(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a present-tense weak cue, a pronoun-like word with a verb soon after opens the reported clause...
        ("He reckons nothing is wrong with the books.", ["nothing is wrong with the books"]),
        ("He reckons nobody is paid twice here.", ["nobody is paid twice here"]),
        ("He reckons everyone is paid twice here.", ["everyone is paid twice here"]),
        ("He reckons everybody is paid twice here.", ["everybody is paid twice here"]),
        ("He reckons someone is paid twice here.", ["someone is paid twice here"]),
        ("He reckons no-one is paid twice here.", ["no-one is paid twice here"]),
        ("He reckons none of the money is lost.", ["none of the money is lost"]),
        ("He reckons no money is lost here.", ["no money is lost here"]),
        ("He adds nothing is wrong with the books.", ["nothing is wrong with the books"]),
        ("He reckons the books are wrong.", ["the books are wrong"]),
        # ...a bare noun does not: it may be the cue's object.
        ("He reckons money is lost here.", []),
    ],
)
def test_a_negative_or_universal_pronoun_after_a_weak_cue_opens_a_clause(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quote right after "cue," is the content, whatever follows it in the sentence.
        ("He said, “We will win,” and the crowd cheered.", [("direct", "“We will win,”")]),
        ("The mayor wrote, “We will win,” adding that the bridge was safe.", [("direct", "“We will win,”")]),
        ("She added, “We will win” in May.", [("direct", "“We will win”")]),
        ("He said, “We will win.”", [("direct", "“We will win.”")]),
    ],
)
def test_a_quote_after_the_cue_and_a_comma_is_the_whole_content(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # With no comma after the attribution, a quote opening in lower case carries on the one before it ...
        (
            '"Our team" co-author Tak-Sing Wong said in a press release "has developed a coating."',
            [("direct", '"Our team" co-author Tak-Sing Wong said in a press release "has developed a coating."')],
        ),
        ("“We stand ready” tweeted Johnson “to help.”", [("direct", "“We stand ready” tweeted Johnson “to help.”")]),
        # ... one opening in upper case does not.
        ("“We won,” he said “We will win again.”", [("direct", "“We won,”")]),
    ],
)
def test_a_quote_opening_in_lower_case_after_the_attribution_continues_the_quote_before(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A preposition that hedges a number opens the content when a clause follows ...
        ("McAuliffe said about 20 people have applied.", [("indirect", "about 20 people have applied")]),
        ("The minister said over 300 homes were lost.", [("indirect", "over 300 homes were lost")]),
        ("She told reporters about 300 homes burned.", [("indirect", "about 300 homes burned")]),
        # ... and is what was written about when none does.
        ("He wrote about 20 books.", []),
        ("He said about the plan that it would fail.", []),
    ],
)
def test_a_hedged_number_after_the_cue_opens_the_content(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


def test_a_hedged_number_before_a_comma_and_another_attribution_opens_no_content():
    text = "The checks would add about £330 million a year to importers’ costs, the assessment estimated in April."
    assert [(q.text, q.speaker.mention) for q in extract(text).quotes] == [
        ("The checks would add about £330 million a year to importers’ costs", "the assessment")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After the attribution's comma, "and" or "but" before a quote: the quote goes on.
        (
            '"You know, I love Larry," he said, but "when it comes to energy, Larry has a history."',
            [("direct", '"You know, I love Larry," he said, but "when it comes to energy, Larry has a history."')],
        ),
        ("“We won,” he said, and “we will win again.”", [("direct", "“We won,” he said, and “we will win again.”")]),
        # Without a quote after it, the "and" clause is no part of the quote.
        ("“We won,” he said, and the crowd cheered.", [("direct", "“We won,”")]),
    ],
)
def test_a_quote_after_the_attributions_comma_and_a_conjunction_goes_on(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as" and a pronoun after the cue open a time clause, not the report ...
        ("He said Friday as he entered the talks.", []),
        # ... which may follow it, after "that" or the clause's comma.
        ("The minister said as he left that taxes would rise.", [("indirect", "that taxes would rise")]),
        (
            "She told me as I am pregnant, I should do this.",
            [("indirect", "as I am pregnant, I should do this")],
        ),
        ("She said as a teenager she was forced to work.", [("indirect", "as a teenager she was forced to work")]),
    ],
)
def test_as_and_a_pronoun_after_the_cue_open_a_time_clause(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two-word hedges on a number open the content too.
        ("Officials said at least 116 people died.", [("indirect", "at least 116 people died")]),
        ("Officials said up to 40 homes were lost.", [("indirect", "up to 40 homes were lost")]),
        ("Officials said as many as 50 homes were lost.", [("indirect", "as many as 50 homes were lost")]),
    ],
)
def test_a_two_word_hedge_on_a_number_opens_the_content(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase on the circumstance's noun ("for analysts", "of the report") and a comma before the quote
        (
            'Ines Moreau said at a briefing for analysts on Tuesday, "Our ferries ran empty."',
            ['"Our ferries ran empty."'],
        ),
        ('Ines Moreau said at the launch of the report, "The plant will reopen."', ['"The plant will reopen."']),
        ('Ines Moreau said in a statement for the ministry, "The plant will reopen."', ['"The plant will reopen."']),
        # two phrases between commas, the second of two names
        ('She told a guard at the door, in French and English, "they raped me".', ['"they raped me"']),
        # an apposition to the object, then "that"
        (
            "A hospital official told Anadolu Agency, a local news outlet, that one of the deceased was a director.",
            ["that one of the deceased was a director"],
        ),
        # the clause after the circumstance's comma
        (
            "Phivolcs said in its report, the western extension of the fault makes the province active.",
            ["the western extension of the fault makes the province active"],
        ),
        # time phrases opened by "for"
        ("Ines Moreau said for the first time that the plant would reopen.", ["that the plant would reopen"]),
        ("Ines Moreau said for years the plant was unsafe.", ["the plant was unsafe"]),
        ("Ines Moreau said at a dinner for donors the plant would reopen.", ["the plant would reopen"]),
        ("Ines Moreau said at the end of the meeting the plant would reopen.", ["the plant would reopen"]),
        # nothing after the comma that the phrases lead to: no report
        ("At trial, she was questioned on her clothing, and her drinking and sexual habits.", []),
    ],
)
def test_circumstances_after_the_cue_are_stepped_over_to_the_content(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The man told police he had been robbed.", ["he had been robbed"]),
        ("The man told officers he had been robbed.", ["he had been robbed"]),
        ("The man told investigators the car was stolen.", ["the car was stolen"]),
        ("She told the court she was forced to drink whiskey.", ["she was forced to drink whiskey"]),
        ("The firm told the court it had no money.", ["it had no money"]),
        ("The man told his wife he had been robbed.", ["he had been robbed"]),
        # (at most two words before a pronoun: "warned the river could flood it" takes no clause for whom)
        ("Officials warned the river could flood it.", ["the river could flood it"]),
        ("He told parliament the deal was dead.", ["the deal was dead"]),
        (
            "A spokesman told the press the new drugs were only part of the answer.",
            ["the new drugs were only part of the answer"],
        ),
        ("A spokesman told the Military Times the attack took place at night.", ["the attack took place at night"]),
        # whom it tells is a name: what follows it is the content, plural or not
        (
            "Boccaletti told Wikinews the twists they saw in the disk could be signs of a planet.",
            ["the twists they saw in the disk could be signs of a planet"],
        ),
        ("She told me that she has the same story too.", ["that she has the same story too"]),
        # an instruction keeps whom it instructs, as "urged X to" does
        ("He told police to leave the building.", ["police to leave the building"]),
    ],
)
def test_whom_a_verb_of_telling_tells_is_no_part_of_the_content(text, expected):
    """ "told police he had been robbed": the addressee, then a clause that opens with its subject."""
    assert contents(text) == expected


def test_a_quote_running_to_the_sentence_end_ends_the_content_there():
    """`_quote_content_end` answers the quote's end at once when the quote runs to the sentence's end or past it;
    the full reading (`_content_end` from the quote's start, no further than the quote's end) must agree, whatever
    cuts, commas and quotes the text holds."""
    import random

    from tracker.extraction.content import _content_end, _quote_content_end
    from tracker.extraction.cues import _Cue
    from tracker.extraction.quotemarks import quote_spans

    rng = random.Random(5)
    pieces = [
        "Though", "he", "said", "“", "”", '"', ",", ", adding", ", he said", "; ", " — ", "and", "left", ".", "it",
        "rose", "while", "the", "safe,", "“safe and sound,”", " ", " ", "\n",
    ]  # fmt: skip
    checked = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(2, 16)))
        quotes = quote_spans(text)
        for q in quotes:
            for e in (q[1], q[1] - 1, max(q[0] + 1, q[1] - 3)):
                if e <= q[0]:
                    continue
                s = rng.randint(0, q[0])
                cue = _Cue(s, min(s + 4, q[0]), "say")
                full = max(q[1], _content_end(text, q[0], s, e, cue, quotes))
                assert _quote_content_end(text, q, q[0], s, e, cue, quotes) == full == q[1], repr(text)
                checked += 1
    assert checked > 2000


def test_a_stop_right_after_the_cue_starts_no_adverbial_and_resumes_no_quote():
    """`_forward_quote` skips its adverbial and resume steps at a stop right after the cue; both must find nothing
    there, whatever follows the stop."""
    import random

    from tracker.extraction.content import _RESUME, _STOPS, _skip_adverbials

    rng = random.Random(3)
    pieces = ["said", ".", "!", "?", ",", ";", " ", "\n", "“", "”", "on", "Monday", "in", "a", "statement", "and", "ß"]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for pos, ch in enumerate(text):
            if ch in _STOPS:
                for e in (len(text), pos, pos + 1, rng.randint(pos, len(text))):
                    assert _skip_adverbials(text, pos, e) == pos, repr(text)
                assert _RESUME.match(text, pos) is None, repr(text)
                checked += 1
    assert checked > 3000


def test_the_marks_after_a_cue_are_read_as_the_pattern_reads_them():
    """`_after_cue` answers the common cases (a word or mark at once, or one space then one) without `_AFTER_CUE`;
    it must give the pattern's groups and end everywhere."""
    import random

    from tracker.extraction.content import _AFTER_CUE, _after_cue

    rng = random.Random(4)
    pieces = [" ", "  ", "\t", "\xa0", ":", ",", "\n", "\n ", "“", "a", ".", "\r", "\u2003"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for pos in range(len(text) + 1):
            m = _AFTER_CUE.match(text, pos)
            assert m is not None
            assert _after_cue(text, pos) == (m.group(1), m.group(2), m.end()), repr(text)


def test_content_after_with_the_openings_given_is_the_content_without_them():
    """`_content_after` given the article's quotes by where they open (as `find_quotes_raw` hands them over) finds
    the content it finds by bisecting the quotes, after every cue of random texts of cue words, marks and stops."""
    from tests.strategies import cue_inputs
    from tracker.extraction.content import _content_after
    from tracker.extraction.cues import _cues

    parts = ["said ", "told ", "added: ", "“", "” ", '"', "he ", "Ana ", "that ", "it. ", "rose, ", "\n", ", "]
    found = 0
    for text, low, words, quotes in cue_inputs(parts, 3_000, seed=27):
        opening = {q[0]: q for q in quotes}
        for s, e in sentences(text):
            for cue in _cues(text, low, s, e, quotes, words):
                given = _content_after(text, cue, s, e, quotes, opening)
                assert given == _content_after(text, cue, s, e, quotes)
                found += given is not None
    assert found > 2_000
