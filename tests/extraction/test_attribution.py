"""Attribution (tracker/extraction/attribution.py): a cue turned into a quote with its speaker, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tracker.extraction.pipeline import extract
from tracker.extraction.quotes import find_quotes_raw
from tracker.extraction.sentences import sentences


def quotes(text):
    return [(q.text, q.speaker.name if q.speaker else None) for q in find_quotes_raw(text, sentences(text))]


def test_a_gerund_after_by_reports_for_the_sentence_subject():
    text = "Last year, the two farmers tried to stop the sale by saying the land had flooded twice."
    assert quotes(text) == [("the land had flooded twice", "the two farmers")]


def test_a_lead_in_phrase_is_no_subject_of_a_trailing_saying():
    text = "On Monday, the Harbour Workers Union filed a complaint against the port, saying it broke the contract."
    assert quotes(text) == [("it broke the contract", "Harbour Workers Union")]


def test_a_name_in_apposition_speaks_for_a_head_that_is_no_name():
    text = "The pilot's sister, Marta Ilves, cried in court and said she had forgiven the driver."
    assert quotes(text) == [("she had forgiven the driver", "Marta Ilves")]
    text = "One of the unions, the Dockers Federation, left the talks and said it would strike."
    assert quotes(text) == [("it would strike", "Dockers Federation")]


def test_a_relative_attribution_reports_the_rest_of_its_clause():
    text = "The agency picked two pilots for the flight, which the agency said could leave in June."
    assert quotes(text) == [("could leave in June", "the agency")]
    text = "They drew a map of the lakes, which they reckoned were deeper than thought."
    assert quotes(text) == [("were deeper than thought", "they")]


def test_a_relative_clause_without_a_verb_after_the_cue_is_no_quote():
    assert quotes("Everything the mayor says is a lie.") == []


def test_a_relative_pronoun_speaker_takes_the_name_before_its_comma_and_its_clause_ends_there():
    text = "Mr Ode, who said the bridge was safe, left the city early."
    assert quotes(text) == [("the bridge was safe", "Ode")]


def test_a_noun_in_ly_is_no_adverb_before_the_cue():
    text = "The girl was found on Monday, lawyers for the family said."
    assert quotes(text) == [("The girl was found on Monday", "lawyers for the family")]


def test_a_bare_plural_object_before_to_is_whom_a_document_advises():
    text = "The embassy website advises travellers to carry their passports at all times."
    assert quotes(text) == [("travellers to carry their passports at all times", "The embassy website")]
    text = "The new rule instructs all city clerks to publish the minutes within a week."
    assert quotes(text) == [("all city clerks to publish the minutes within a week", "The new rule")]


def test_a_participle_urging_after_a_noun_gives_that_noun_no_voice():
    assert quotes("The mayor set up a fund urging donors to give to the shelter.") == []


def test_a_parenthetical_attribution_after_a_semicolon_reports_only_its_clause():
    text = "The lab built a model of the lake, which shows warm layers; deep enough, the paper argues, to hold fish."
    assert quotes(text) == [("deep enough, the paper argues, to hold fish", "the paper")]


def test_according_to_after_a_colon_reports_what_follows_it():
    text = (
        "The plan lets the city move money from other funds: mainly, according to the auditor, $2 million from parks."
    )
    assert quotes(text) == [("$2 million from parks", "the auditor")]


def test_an_object_after_a_negated_cue_is_no_inverted_speaker():
    assert quotes("The council had not, as of Friday, announced any plans to close the pool.") == []


def test_a_plural_noun_then_that_speaks_through_the_relative_clause():
    text = "The diver found old logbooks that showed the ship had sunk in a storm."
    assert quotes(text) == [("the ship had sunk in a storm", "old logbooks")]


def test_that_after_a_cue_opens_its_content_and_is_no_inverted_speaker():
    text = "The Harbour Workers Union (HWU), which includes the crane drivers, declared that the strike was over."
    assert quotes(text) == [("that the strike was over", "Harbour Workers Union")]


def test_according_to_after_a_quoted_phrase_reports_the_whole_sentence():
    text = 'The jet flew over the town at "very low height" according to the Aviation Monitor.'
    assert quotes(text) == [('The jet flew over the town at "very low height"', "Aviation Monitor")]


def test_figures_reported_by_someone_are_theirs():
    text = "Per figures reported by the Harbour Office, 3,000 ships docked last year."
    assert quotes(text) == [("3,000 ships docked last year", "Harbour Office")]


def test_a_document_released_by_someone_stays_the_speaker_mention():
    text = "According to a statement released by the Interior Ministry, the bridge will reopen in May."
    assert quotes(text) == [("the bridge will reopen in May", "Interior Ministry")]


def test_read_reports_only_for_a_document_and_an_inverted_one_sits_inside_its_content():
    text = "Because only the council may raise taxes, reads the motion, the new levy is unlawful."
    assert quotes(text) == [
        ("Because only the council may raise taxes, reads the motion, the new levy is unlawful", "the motion")
    ]
    assert quotes("I read the whole book again last summer.") == []


def test_an_inverted_person_keeps_the_apposition_out_of_the_content():
    text = "The plan is sound, said Ann Lee, a lawyer for the city."
    assert quotes(text) == [("The plan is sound", "Ann Lee")]


def test_whom_a_source_cites_as_saying_speaks_and_the_source_keeps_its_own_clause():
    text = "The trade paper cited the Coast Guard as stating the ferry was overloaded, and claimed a second death."
    assert quotes(text) == [("the ferry was overloaded", "Coast Guard"), ("a second death", "The trade paper")]


def test_a_relative_attribution_with_as_reports_what_follows_as_up_to_a_dash():
    text = 'The mayor spoke at the rally — which the Herald noted as a rare step — "We will not give up."'
    assert quotes(text)[0] == ("a rare step", "Herald")


def test_a_time_colon_is_no_clause_break_before_according_to():
    text = "The ferry left the quay at 4:45 p.m. on Sunday, according to the Harbour Authority."
    assert quotes(text) == [("The ferry left the quay at 4:45 p.m. on Sunday", "Harbour Authority")]
    text = "It was late: the ferry had left, according to the Harbour Authority."
    assert quotes(text) == [("the ferry had left", "Harbour Authority")]


def test_a_relative_after_an_apposition_speaks_for_the_name_before_it():
    text = 'The survey was run by Iris Tamm, a soil chemist and Senior Fellow at NRI, who said "the fields are drying."'
    assert quotes(text) == [('"the fields are drying."', "Iris Tamm")]
    text = 'The survey was run by Iris Tamm, a chemist, who said "the fields are drying."'
    assert quotes(text) == [('"the fields are drying."', "Iris Tamm")]
    text = 'The survey was run by the institute director, Iris Tamm, who said "the fields are drying."'
    assert quotes(text) == [('"the fields are drying."', "Iris Tamm")]


def test_according_to_at_the_end_of_a_four_word_statement():
    text = "The plane landed safely according to The Aviation Herald."
    got = [(q.kind, q.text, q.cue, q.speaker.name, q.speaker.kind) for q in extract(text).quotes]
    assert got == [("indirect", "The plane landed safely", "according to", "The Aviation Herald", "organisation")]


def kinds(text):
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in find_quotes_raw(text, sentences(text))]


def test_a_bare_base_form_after_a_and_its_words_is_a_noun_not_a_cue():
    text = "The ministry published a short reply: “We will not comment on the case.”"
    assert kinds(text) == [("direct", "“We will not comment on the case.”", "The ministry")]


def test_an_aside_between_subject_and_cue_leaves_the_subject_speaking():
    text = "The company, though profitable, said it would cut 200 jobs."
    assert kinds(text) == [("indirect", "it would cut 200 jobs", "The company")]


def test_an_aside_before_an_inverted_name_keeps_the_name_speaking():
    text = "The deal, while imperfect, said Ann Lee, is the best on offer."
    assert quotes(text) == [("The deal, while imperfect", "Ann Lee")]


def test_a_name_in_apposition_to_an_inverted_role_speaks():
    for role in ("the head of SpaceX", "the chief executive of SpaceX"):
        text = f"The rocket is ready for its first flight, said {role}, Elon Musk."
        assert kinds(text) == [("indirect", "The rocket is ready for its first flight", "Elon Musk")]


# Issue 16, survivors of the seed-103 mutation sample of the quote modules (2026-11-30, branch mutquote).


def test_a_relative_clause_reports_up_to_its_closing_comma_past_commas_inside_quote_marks():
    text = "The coach, who said the team was “tired, but happy”, left the stadium early."
    assert kinds(text) == [("partial", "the team was “tired, but happy”", "The coach")]
    text = "The coach, who said the team was tired, left the stadium early."
    assert kinds(text) == [("indirect", "the team was tired", "The coach")]


@pytest.mark.parametrize("opener", ["Then", "But", "So", "And", "Yet"])
def test_a_conjunction_opening_the_sentence_is_no_part_of_the_subject_that_carries_on(opener):
    text = f"{opener} the coach packed the bags and said the team was tired."
    assert kinds(text) == [("indirect", "the team was tired", "the coach")]


# Every common shape of attribution, with a speaker of each sort: a person's name, a role and a name, an
# organisation, a role alone, a pronoun and an anonymous plural. (speaker as written, the name it resolves to)
SPEAKERS = [
    ("Amara Diallo", "Amara Diallo"),
    ("Mayor Jane Okafor", "Jane Okafor"),
    ("the Interior Ministry", "Interior Ministry"),
    ("the central bank governor", "the central bank governor"),
    ("she", "she"),
    ("officials", "officials"),
]


READY = "“The bridge is ready,”"
MAY = "“The bridge will open in May.”"


# (shape, kind, content, cue); {S} is the speaker as it stands in the sentence, and stands so in the content too.
SHAPES = [
    ("“The bridge will open in May,” {S} said.", "direct", "“The bridge will open in May,”", "said"),
    ("“The bridge will open in May,” said {S}.", "direct", "“The bridge will open in May,”", "said"),
    ("{S} said: “The bridge will open in May.”", "direct", MAY, "said"),
    ("{S} said “the bridge will open in May.”", "direct", "“the bridge will open in May.”", "said"),
    (READY + " {S} said. “It will open in May.”", "direct", READY + " {S} said. “It will open in May.”", "said"),
    (
        READY + " {S} said, “and it will open in May.”",
        "direct",
        READY + " {S} said, “and it will open in May.”",
        "said",
    ),
    ("The bridge will open in May, according to {S}.", "indirect", "The bridge will open in May", "according to"),
    ("{S} said that the bridge would open in May.", "indirect", "that the bridge would open in May", "said"),
    ("{S} said the bridge would open in May.", "indirect", "the bridge would open in May", "said"),
    ("The bridge will open in May, {S} said.", "indirect", "The bridge will open in May", "said"),
    ("The bridge, {S} said, will open in May.", "indirect", "The bridge, {S} said, will open in May", "said"),
    ("{S} told reporters that the bridge would open in May.", "indirect", "that the bridge would open in May", "told"),
    ("{S} told reporters: “The bridge will open in May.”", "direct", MAY, "told"),
    (
        "{S} told the council on Monday that the bridge would open in May.",
        "indirect",
        "that the bridge would open in May",
        "told",
    ),
    (
        "{S} said on Monday in a statement that the bridge would open in May.",
        "indirect",
        "that the bridge would open in May",
        "said",
    ),
    (
        "The bridge will open in May, {S} said in a statement on Monday.",
        "indirect",
        "The bridge will open in May",
        "said",
    ),
    ("According to {S}, the bridge will open in May.", "indirect", "the bridge will open in May", "According to"),
    ("“The bridge will open in May.” — {S}", "direct", MAY, None),
]


# Left out, not pinned: "The bridge, she said, will open in May." gives only "The bridge"; "…, according to
# officials." gives no quote; a dash before a lower-case role gives none (and "According to she" is no English).
NOT_PINNED = {
    ("The bridge, {S} said, will open in May.", "she"),
    ("The bridge will open in May, according to {S}.", "she"),
    ("The bridge will open in May, according to {S}.", "officials"),
    ("According to {S}, the bridge will open in May.", "she"),
    ("“The bridge will open in May.” — {S}", "the central bank governor"),
}


CASES = [
    (shape, kind, content, cue, speaker, name)
    for shape, kind, content, cue in SHAPES
    for speaker, name in SPEAKERS
    if (shape, speaker) not in NOT_PINNED
]


@pytest.mark.parametrize(("shape", "kind", "content", "cue", "speaker", "name"), CASES)
def test_every_shape_of_attribution_with_every_sort_of_speaker(shape, kind, content, cue, speaker, name):
    opens = shape.startswith("{S}") or shape.startswith("“The bridge will open in May.” —")
    written = speaker[0].upper() + speaker[1:] if opens else speaker
    text = shape.format(S=written)
    name = written if name == speaker else name
    got = [(q.kind, q.text, q.cue, q.speaker.mention, q.speaker.name) for q in find_quotes_raw(text, sentences(text))]
    assert got == [(kind, content.format(S=written), cue, written, name)]


# Issue 16, survivors of the seed-104 mutation sample of the quote modules (2026-11-30, branch mutquote).


def test_a_semicolon_after_according_to_opens_no_clause_for_it():
    text = "The ferry left at noon, according to the harbour master; the bus left later."
    assert kinds(text) == [("indirect", "The ferry left at noon", "the harbour master")]


def test_a_plural_noun_before_that_speaks_as_written_with_its_adjectives():
    text = "The diver found old logbooks that showed the ship had sunk in a storm."
    got = [(q.text, q.cue, q.speaker.mention, q.speaker.start, q.speaker.end) for q in find_quotes_raw(text)]
    assert got == [("the ship had sunk in a storm", "showed", "old logbooks", 16, 28)]


@pytest.mark.parametrize(
    "source, kind",
    [("officials", "anonymous"), ("police", "organisation"), ("economists", "anonymous"), ("witnesses", "anonymous")],
)
def test_according_to_a_bare_plural_closing_the_sentence_is_its_source(source, kind):
    # "…, according to officials." ends in the sentence's full stop: the source word is read without it. ("police"
    # is a body, as "Police said" is.)
    text = f"The bridge will open in May, according to {source}."
    quotes = extract(text, "2024-01-01").quotes
    assert [(q.text, q.speaker.name, q.speaker.kind, q.cue) for q in quotes] == [
        ("The bridge will open in May", source, kind, "according to")
    ]


# Issue 16, survivors of the seed-211 sample and of the seed-503 sample (2026-11-30, branch mutattr).


@pytest.mark.parametrize(
    "quote",
    ["“Too late”", '"Very low"', '"Unsafe,"', "“No comment”"],
)
def test_a_short_quote_opening_the_sentence_before_according_to_is_the_content(quote):
    """A quote of fewer than four words opening the sentence, then "according to X.": the quote is what X said
    (only a quote inside the sentence makes the whole sentence the content)."""
    text = f"{quote} according to the city engineer."
    assert kinds(text) == [("direct", quote, "the city engineer")]


def test_a_name_apposed_to_an_inverted_role_at_a_line_end_speaks():
    """The apposed name may close the sentence without a stop, at the end of its line."""
    text = "“We will rebuild the bridge,” said the head of the agency, Ann Lee\nThe work starts in May."
    assert kinds(text)[0] == ("direct", "“We will rebuild the bridge,”", "Ann Lee")


def test_words_before_an_attribution_and_a_quote_resuming_after_it_are_one_content():
    text = "Things are bad, Mr. Barrett said, “and we were never told about it.”"
    assert kinds(text) == [("partial", text, "Barrett")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The prize went to Amy Fox, Ann Lee, who said the team was tired.", "Ann Lee"),
        ("The prize went to Amy Fox,Ann Lee, who said the team was tired.", "Ann Lee"),  # no space after the comma
        ("The prize went to the Harbour Trust,Ann Lee, who said the team was tired.", "Ann Lee"),
        ("The prize went to Amy Fox, a chemist, who said the team was tired.", "Amy Fox"),
        ("The prize went to Amy Fox,a chemist, who said the team was tired.", "Amy Fox"),
    ],
)
def test_a_relative_clause_speaks_for_the_name_right_before_it_however_its_commas_are_spaced(text, name):
    """A name right before ", who said" is its antecedent; a lower-case apposition there ("a chemist") is stepped
    over to the name before it. The space after the earlier comma does not matter."""
    assert kinds(text) == [("indirect", "the team was tired", name)]


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # the figures' agent speaks for them only inside the source phrase, not past its comma
        (
            "According to the figures, 40 were reported by police as missing after the storm.",
            "40 were reported by police as missing after the storm",
            "the figures",
        ),
        (
            "According to numbers reported by the Associated Press, 40 people died in the storm.",
            "40 people died in the storm",
            "Associated Press",
        ),
    ],
)
def test_figures_reported_by_someone_are_theirs_only_within_the_source_phrase(text, content, name):
    assert kinds(text) == [("indirect", content, name)]


def test_according_to_between_a_lead_in_and_its_content_keeps_its_cue_span():
    text = "Longer term, according to NASA, the goal is to land people on Mars."
    got = [(q.kind, q.text, q.cue, q.cue_start, q.cue_end, q.speaker.name) for q in extract(text).quotes]
    assert got == [("indirect", "the goal is to land people on Mars", "according to", 13, 25, "NASA")]
    assert text[13:25] == "according to"


@pytest.mark.parametrize(
    "text, expected",
    [
        # A number before an "-ed" cue and a noun: the participle describes what is counted.
        ("The ministry has recorded 184 confirmed cases of the virus in the region.", []),
        ("Officials have counted 1,184 confirmed cases since January.", []),
        ("The agency logged 12 reported deaths in the city last week.", []),
        ("The council received more than 1,200 written objections in January.", []),
        ("The union, which represents 4,000 nurses, said the deal was fair.", [("The union", "the deal was fair")]),
        # A number that is a group of people speaking is a speaker.
        ("Of those polled, 184 said they would vote in May.", [("184", "they would vote in May")]),
        ("Some 300 complained that the water was dirty.", [("Some 300", "that the water was dirty")]),
    ],
)
def test_a_count_before_a_participle_is_no_speaker(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # After "told", only whom and when: what was told is the clause before.
        (
            "Prices will rise sharply, the minister of finance told members of the national assembly on Tuesday.",
            [("the minister of finance", "Prices will rise sharply")],
        ),
        ("Prices will rise, the minister told local reporters on Tuesday.", [("the minister", "Prices will rise")]),
        ("Prices will rise, he told state television.", [("he", "Prices will rise")]),
        # "members" is no "me" object: the content never opens mid-word.
        ("The minister told members that prices would rise.", [("The minister", "that prices would rise")]),
        # A clause, a "that", a quote mark or a "to" after whom: the content is after.
        ("He told reporters prices would rise in May.", [("He", "prices would rise in May")]),
        ("He told staff not to speak to anyone about this.", [("He", "staff not to speak to anyone about this")]),
        (
            "Nur Khan Liton told Agence France-Presse on Sunday that arson was used as a weapon.",
            [("Nur Khan Liton", "that arson was used as a weapon")],
        ),
    ],
)
def test_what_was_told_is_after_whom_only_when_something_follows_it(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A pronoun's attribution set inside the content is stepped over, as a name's is.
        ("The bridge, she said, will open in May.", [("she", "The bridge, she said, will open in May")]),
        ("The deal, they said, is dead.", [("they", "The deal, they said, is dead")]),
        (
            "The bridge, the mayor said, will open in May.",
            [("the mayor", "The bridge, the mayor said, will open in May")],
        ),
        # A second attribution after the content still ends it.
        (
            "The bridge, he said, will open in May, she said.",
            [("he", "The bridge, he said, will open in May")],
        ),
    ],
)
def test_a_parenthetical_attribution_by_a_pronoun_keeps_the_whole_content(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A verb the speaker goes on with after the quote is no part of what was said.
        ("The minister said “prices will fall by spring” and left the room.", ["“prices will fall by spring”"]),
        ("The minister said “prices will fall by spring”, then left the room.", ["“prices will fall by spring”"]),
        # A second thing said after the quote is.
        (
            "The minister said “prices will fall” and that wages would rise.",
            ["“prices will fall” and that wages would rise"],
        ),
    ],
)
def test_a_quote_ends_before_what_the_speaker_did_next(text, expected):
    assert [q.text for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An American comma inside the closing mark ends a subordinate report as one outside it does.
        (
            "Though the mayor said that the bridge was “safe and sound,” the council closed it.",
            ["that the bridge was “safe and sound,”"],
        ),
        (
            "Though the mayor said the bridge was “safe, sound and open,” the council closed it.",
            ["the bridge was “safe, sound and open,”"],
        ),
        ("Though the mayor said that the bridge was safe, the council closed it.", ["that the bridge was safe"]),
    ],
)
def test_a_subordinate_report_ends_at_a_comma_inside_its_closing_mark(text, expected):
    assert [q.text for q in extract(text).quotes] == expected


@pytest.mark.parametrize("opener", ["Then", "Later", "Meanwhile", "Afterwards", "Separately"])
def test_an_adverb_opening_the_sentence_is_no_part_of_the_subject_that_carries_on(opener):
    text = f"{opener} the mayor opened the bridge and said it was safe."
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == [("the mayor", "it was safe")]


@pytest.mark.parametrize("mark", [",", ";"])
def test_a_quote_resumed_after_its_attribution_is_one_quote(mark):
    text = f'Mayor Jane Doe spoke. "We had no warning at all," she said{mark} "the river rose two metres in an hour."'
    quote = f'"We had no warning at all," she said{mark} "the river rose two metres in an hour."'
    assert [(q.speaker.name, q.text) for q in extract(text).quotes] == [("Jane Doe", quote)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A body named bare after its report.
        ("The bridge is safe, police said.", [("police", "The bridge is safe")]),
        ("200 people were hurt, police said.", [("police", "200 people were hurt")]),
        # An aside between commas after the cue, then "that".
        ("The minister said, in a statement, that the bridge is safe.", [("The minister", "that the bridge is safe")]),
        ("The minister said, however, that the bridge is safe.", [("The minister", "that the bridge is safe")]),
        # A time word closing an inverted attribution is no part of the speaker; a name's "Today" is.
        ("“The road is closed,” said Ann Lee Tuesday.", [("Ann Lee", "“The road is closed,”")]),
        ("“The road is closed,” said the mayor Tuesday.", [("the mayor", "“The road is closed,”")]),
        (
            "Both firms have traded since 2001, according to USA Today.",
            [("USA Today", "Both firms have traded since 2001")],
        ),
    ],
)
def test_bare_bodies_asides_and_closing_time_words(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Longer term, according to NASA, prices will rise.", [("indirect", "prices will rise", "NASA")]),
        ("Longer term, according to NASA, prices will rise sharply.", [("indirect", "prices will rise sharply", "NASA")]),
        ("Longer term, according to NASA, prices rise.", []),  # two words are no content
    ],
)  # fmt: skip
def test_according_to_after_a_lead_in_reports_three_words_or_more(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The paper quoted the mayor as saying the bridge was unsafe.", [("indirect", "the bridge was unsafe", "the mayor")]),
        ("The mayor was misreported as saying the bridge was unsafe.", []),
    ],
)  # fmt: skip
def test_as_saying_names_whom_a_citing_verb_cites(text, expected):
    """ "quoted the mayor as saying …": whom the citing verb names speaks; "as saying" with no citing verb before
    it names no one."""
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An aside of several commas, or after a lead-in, between the subject and the cue.
        (
            "The firm, though small, lean and young, said it would hire 50 people.",
            [("The firm", "it would hire 50 people")],
        ),
        (
            "In May, the company, though profitable, said it would cut 200 jobs.",
            [("the company", "it would cut 200 jobs")],
        ),
        ("The company, though profitable, said it would cut 200 jobs.", [("The company", "it would cut 200 jobs")]),
    ],
)
def test_a_subject_is_found_across_an_aside_of_several_commas_or_after_a_lead_in(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


def test_a_name_then_a_verb_after_the_cue_is_the_clause_of_the_subject_before_the_aside():
    # After "though profitable," the cue's subject is the company: "Ann Lee would cut …" is what it said (a name
    # not followed by a verb would be the inverted speaker instead).
    text = "The company, though profitable, said Ann Lee would cut 200 jobs."
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == [
        ("The company", "Ann Lee would cut 200 jobs")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A past tense after a possessive owner is the verb, not a noun as "note" or "claim" would be.
        ("Analysts at Moody's said that the debt was safe.", [("Analysts at Moody's", "that the debt was safe")]),
        ("“The debt is safe,” analysts at Moody's said.", [("analysts at Moody's", "“The debt is safe,”")]),
        # "It's" is "it is": no owner.
        ("It's called the National Organization for Women.", []),
    ],
)
def test_a_past_cue_after_a_possessive_owner_is_a_verb(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A mention opening with a digit but holding letters is a name, not a count: it speaks.
        ("3M said it would close the plant.", [("3M", "it would close the plant")]),
        ("7-Eleven said prices would rise.", [("7-Eleven", "prices would rise")]),
        ("20th Century Fox said the film was delayed.", [("20th Century Fox", "the film was delayed")]),
    ],
)
def test_a_name_opening_with_a_digit_before_a_cue_speaks(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Said Ellis: the bridge is safe.", ("the bridge is safe", "Said", 0, 4)),
        ("Said Ellis: “We will win.”", ("“We will win.”", "Said", 0, 4)),
    ],
)
def test_an_inverted_attribution_opening_the_sentence_keeps_its_cue_span(text, expected):
    assert [(q.text, q.cue, q.cue_start, q.cue_end) for q in extract(text).quotes] == [expected]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Reporters came across military records that showed a bomber had attacked.", "military records"),
        # An -ed word before the noun is the clause's verb or a participle, not one of the noun's adjectives.
        ("Reporters obtained emails that showed the mayor had lied.", "emails"),
        ("Staff shredded files that showed the mayor had lied.", "files"),
    ],
)
def test_that_after_a_plural_noun_speaks_for_the_noun_and_its_adjectives_only(text, speaker):
    assert [q.speaker.mention for q in extract(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr Ode, who said the bridge was safe, left the city early.", "the bridge was safe"),
        # The relative clause's report ends with its sentence: a comma in the next sentence is not its end.
        ("Mr Ode, who said the bridge was safe. Later, he left.", "the bridge was safe"),
    ],
)
def test_a_relative_clauses_report_ends_at_its_comma_within_its_sentence(text, expected):
    assert [q.text for q in extract(text).quotes] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "a"/"an" and words ending in a plural: the cue agrees with the plural, so it is a verb.
        ("A review of the records indicate: the money went missing.", [("indirect", "the money went missing")]),
        ("A group of doctors warn: the clinic will close.", [("indirect", "the clinic will close")]),
        # A singular "a" phrase before a bare base form and a colon: the word is the phrase's noun.
        ("The mayor published a short reply: the bridge is safe.", []),
    ],
)
def test_a_base_form_after_an_indefinite_phrase_is_a_verb_only_after_a_plural(text, expected):
    assert [(q.kind, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An irregular past before its object ends the subject, as "-ed" does ("thanked the crews").
        ("The mayor cut the ribbon and said the bridge was safe.", [("The mayor", "the bridge was safe")]),
        ("The two farmers sold the land and said it had flooded twice.", [("The two farmers", "it had flooded twice")]),
        ("The council set the budget and said taxes would rise.", [("The council", "taxes would rise")]),
        ("The mayor thanked the crews and said the bridge was safe.", [("The mayor", "the bridge was safe")]),
        # Before a preposition it is the clause's verb when nothing but "and" follows its phrase …
        (
            "The delegates met with reporters and said the talks had failed.",
            [("The delegates", "the talks had failed")],
        ),
        ("The team won by two goals and said it was proud.", [("The team", "it was proud")]),
        # … and a participle describing the subject when the clause's verb comes after it.
        (
            "The letters sent by the mayor arrived on Monday and said the port would close.",
            [("The letters sent by the mayor", "the port would close")],
        ),
    ],
)
def test_an_irregular_past_before_its_object_ends_the_subject_that_carries_on(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A participle carrying on the subject of a quote's attribution reports what follows it, not the quote again.
        (
            "“We are ready,” Lee said, adding that the team had trained hard.",
            [("“We are ready,”", "Lee"), ("that the team had trained hard", "Lee")],
        ),
        (
            "“We lost,” he said, before adding: “But we will be back.”",
            [("“We lost,”", "he"), ("“But we will be back.”", "he")],
        ),
        (
            "The minister said taxes would rise, adding that the cuts were needed.",
            [("taxes would rise", "The minister"), ("that the cuts were needed", "The minister")],
        ),
    ],
)
def test_a_carried_subject_reports_what_follows_its_own_cue(text, expected):
    assert [(q.text, q.speaker.mention) for q in extract(text).quotes] == expected


def test_a_relative_clauses_report_steps_over_a_comma_in_a_quote_and_stays_in_its_sentence():
    text = "Mr Ode, who said the bridge was “safe, sound” and open. Later, he left."
    assert [q.text for q in extract(text).quotes] == ["the bridge was “safe, sound” and open"]
    text = "Mr Ode, who said the bridge was “safe, sound” and open, left early."
    assert [q.text for q in extract(text).quotes] == ["the bridge was “safe, sound” and open"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A name holding an apostrophe or a stop after its first letter is a word of the subject, as any name is.
        ("O'Brien thanked the crews and said the bridge was safe.", [("O'Brien", "the bridge was safe")]),
        ("Then O’Neill cut the ribbon and said the bridge was safe.", [("O’Neill", "the bridge was safe")]),
    ],
)
def test_a_name_with_an_apostrophe_opens_the_subject_that_carries_on(text, expected):
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    "text, quote, mention",
    [
        # Nothing follows the cue: the clause after the opening phrase is what was said ...
        (
            "After some challenges, the reclamation work has met the standards, one state official said.",
            "After some challenges, the reclamation work has met the standards",
            "one state official",
        ),
        (
            "Unlike Patriot, Mr. Clarke has few investors that the state could pressure, they say.",
            "Unlike Patriot, Mr. Clarke has few investors that the state could pressure",
            "they",
        ),
        (
            "In addition, the campaign plans to release more records soon, a spokesman announced Monday.",
            "In addition, the campaign plans to release more records soon",
            "a spokesman",
        ),
        # ... and a capitalised word in "-ing" that opens a clause with an auxiliary is no framing participle.
        (
            "Shifting monsoon patterns could affect a billion people, Mr. Obama said in his interview.",
            "Shifting monsoon patterns could affect a billion people",
            "Mr. Obama",
        ),
    ],
)
def test_an_opening_phrase_before_content_that_ends_at_its_attribution(text, quote, mention):
    assert [(q.text, q.speaker.mention) for q in extract(text).quotes] == [(quote, mention)]


@pytest.mark.parametrize(
    "text", ["During the meeting in Geneva, he said.", "Speaking to reporters in Geneva, he said."]
)
def test_an_opening_phrase_alone_before_its_attribution_is_no_content(text):
    assert extract(text).quotes == []


@pytest.mark.parametrize(
    "text, quote",
    [
        # An attribution between commas inside its content, after a framing clause or with whom it was told to.
        (
            "Though the transition was smooth, he said, replacing her would be much harder.",
            "Though the transition was smooth, he said, replacing her would be much harder",
        ),
        (
            "The difference now, he told me on Friday, is that he is the anchor of a news program.",
            "The difference now, he told me on Friday, is that he is the anchor of a news program",
        ),
    ],
)
def test_an_aside_attribution_after_a_framing_clause_or_an_object(text, quote):
    assert [q.text for q in extract(text).quotes] == [quote]


@pytest.mark.parametrize(
    "text, quotes",
    [
        # "the" and a singular common noun before a bare form: a compound noun, no report ...
        ("The candidates were asked about the war, the surveillance state, space and schools.", []),
        ("The change was announced in the blog post on Monday.", []),
        # ... unless the noun is a body that British English gives a plural verb.
        ("The government say the plan will work.", ["the plan will work"]),
        ("The majority say the plan will work.", ["the plan will work"]),
    ],
)
def test_a_bare_form_after_a_singular_common_noun_is_a_compound(text, quotes):
    assert [q.text for q in extract(text).quotes] == quotes


@pytest.mark.parametrize(
    "text, quotes",
    [
        # "went on to say", "going on to say": the sentence's subject reports next.
        (
            "The senator praised the bill and went on to say that it would pass.",
            [("that it would pass", "The senator")],
        ),
        (
            '"That is insane," Sanders said, going on to say that the country has spent years on it.',
            [('"That is insane,"', "Sanders"), ("that the country has spent years on it", "Sanders")],
        ),
        # A plain infinitive is no report.
        ("He wants to say that it is over.", []),
    ],
)
def test_went_on_to_say_reports_by_the_sentences_subject(text, quotes):
    assert [(q.text, q.speaker.mention) for q in extract(text).quotes] == quotes


@pytest.mark.parametrize(
    "text",
    [
        # A topic after the cue ("says something about"), an idiom, or a gerund after "without": no report.
        "The decision says something about the extreme media relativism of our time.",
        "His record says a lot about his priorities.",
        "He said nothing about the plan.",
        "It goes without saying that raising taxes on the rich is anathema to Republicans.",
        "He left without saying that he would return.",
    ],
)
def test_a_topic_an_idiom_or_without_reports_nothing(text):
    assert extract(text).quotes == []


def test_a_quantity_word_that_is_no_topic_still_opens_the_content():
    text = "He said much of the plan was unfinished."
    assert [q.text for q in extract(text).quotes] == ["much of the plan was unfinished"]


def test_a_lower_case_word_after_a_sentence_opening_cue_is_no_inverted_speaker():
    # "Reports" opens the sentence as a noun: "said" is no speaker of an inverted "Reports said …"
    text = "Reports said at least 116 people died in the flood."
    assert [(q.text, q.speaker.mention) for q in extract(text).quotes] == [
        ("at least 116 people died in the flood", "Reports")
    ]


@pytest.mark.parametrize(
    "text, quotes",
    [
        # A quoted phrase with no stop of its own before the subject is a scare quote; the quote after the cue
        # is what was said ...
        (
            'Calling it a "culture of death" the archbishop said "We need to pray so that life wins."',
            ['"We need to pray so that life wins."'],
        ),
        # ... but a quote with its stop is the content, and one after the cue in lower case carries it on.
        ('"We will win," the mayor said. "It is over."', ['"We will win," the mayor said. "It is over."']),
        (
            '"Our team" Wong said in a release "has developed a coating."',
            ['"Our team" Wong said in a release "has developed a coating."'],
        ),
    ],
)
def test_a_scare_quote_before_the_subject_gives_way_to_the_quote_after_the_cue(text, quotes):
    assert [q.text for q in extract(text).quotes] == quotes


def test_an_aside_opened_by_because_is_stepped_over_to_the_subject():
    text = "The company, because of the strike, said it would cut 200 jobs."
    assert [(q.speaker.mention, q.text) for q in extract(text).quotes] == [("The company", "it would cut 200 jobs")]


@pytest.mark.parametrize(
    "text",
    [
        "Her actions send a strong signal that racism will not be tolerated.",
        "The groups granted him an extension on a court order to treat polluted runoff.",
        "Young died at a time when some calls into the VA hotline were going to voicemail.",
        "She called into a radio program when she was home sick.",
        "She recently called in to a town hall about police relationships.",
    ],
)
def test_a_cue_word_that_is_a_noun_or_a_phone_call_reports_nothing(text):
    """A bare form after "a" and a lower-case word is that phrase's noun ("a strong signal"), an "-s" form after a
    plural quantifier is a plural noun ("some calls"), and "called in(to)" is a phone call."""
    assert extract(text).quotes == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Some say the plan is dead.", "Some"),
        ("Many said the plan was dead.", "Many"),
        ("A spokesman said the plan was dead.", "A spokesman"),
        ("She called for an inquiry into the deaths.", "She"),
    ],
)
def test_such_subjects_still_report(text, mention):
    assert [q.speaker.mention for q in extract(text).quotes] == [mention]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('She urges her husband to get out of the car and repeatedly says, "Don\'t you do it," until the end.', "She"),
        ("The mayor visited the site and later said the damage was severe.", "The mayor"),
        ("The mayor visited the site and also said the damage was severe.", "The mayor"),
    ],
)
def test_an_adverb_between_and_and_the_cue_keeps_the_sentences_subject(text, mention):
    """ "… and repeatedly says", "… and later said": the clause carries on with the subject, as "… and said" does."""
    assert [q.speaker.mention for q in extract(text).quotes] == [mention]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a participle after the object of a preposition goes with the sentence's subject
        (
            'Having won many tournaments, Dorsa Derakhshani decided not to play for the federation saying "it was not '
            'a good fit" for her.',
            "Dorsa Derakhshani",
        ),
        (
            "On Monday, Judge Victor Marrero issued a ruling against President Donald Trump finding that prosecutors "
            "could view his tax records.",
            "Judge Victor Marrero",
        ),
        # but "with X -ing" makes X its subject
        ("No deaths were reported, with local media reporting no-one was in the houses.", "local media"),
    ],
)
def test_a_participle_after_a_prepositions_object_has_the_sentences_subject(text, mention):
    assert [q.speaker.mention for q in extract(text).quotes] == [mention]


def test_whom_a_recording_shows_saying_something_speaks():
    """ "The spot ends with footage of Trump saying …": Trump speaks, not the spot (nor the sentence's subject)."""
    text = "The spot concludes with footage of Trump saying during the debate, “That makes me smart,” to the crowd."
    assert [q.speaker.mention for q in extract(text).quotes] == ["Trump"]


def test_a_contents_kind_is_read_from_the_quotes_wholly_inside_it():
    """`_kind` finds the quotes inside a content by binary search (and stops at the first when it spans the
    content); it must agree with a scan of every quote: none inside is indirect, quotes from its start to its end
    (a character of slack either side) direct, anything else partial."""
    import random

    from tracker.extraction.attribution import _kind

    rng = random.Random(9)
    counts = {"direct": 0, "partial": 0, "indirect": 0}
    for _ in range(5000):
        quotes, pos = [], 0
        for _ in range(rng.randint(0, 6)):  # sorted and apart, as quote_spans gives them
            a = pos + rng.randint(0, 4)
            b = a + rng.randint(2, 6)
            quotes.append((a, b, rng.random() < 0.5))
            pos = b
        start = rng.randint(0, pos + 2)
        end = start + rng.randint(1, 12)
        inside = [q for q in quotes if q[0] >= start and q[1] <= end + 1]
        if not inside:
            want = "indirect"
        elif inside[0][0] <= start + 1 and inside[-1][1] >= end - 1:
            want = "direct"
        else:
            want = "partial"
        assert _kind("", start, end, quotes) == want, (quotes, start, end)
        counts[want] += 1
    assert min(counts.values()) > 300


def test_noun_before_refusal_matches_the_pattern():
    """`_noun_before`'s cheap refusal gives `_NOUN_BEFORE.search`'s answer on random endings (letters, digits,
    apostrophes, folding letters such as "ſ" and the Kelvin sign, the listed words in any case)."""
    import random

    from tracker.extraction.attribution import _NOUN_BEFORE, _noun_before

    rng = random.Random(26)
    pieces = ["the", "THE", "a", "An", "his", "Her", "its", "their", "This", "that", "whose", "Ba", "s", "S", "ſ"]
    pieces += list("abehinorstuwATHE5_'’ .,-\nſ\u212aıİé")
    pieces += ["He", "ThİS", "hiſ", "ıts", "THEIR", "wHoSe", "that", "xthe", "this"]
    seen = 0
    for _ in range(60000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        tail = max(0, len(before) - rng.choice((8, 8, 3, 1)))
        expected = _NOUN_BEFORE.search(before, tail) is not None
        assert _noun_before(before, tail) is expected, before
        seen += expected
    assert seen > 1000  # (the matching side is exercised too)
    assert _noun_before("John Ba", 0) is False
    assert _noun_before("said the", 0) is True
    assert _noun_before("Ann Lee's", 1) is True
    assert _noun_before("rose.” He", 1) is False
    assert _noun_before("this", 0) is True
