"""Reporting cues (tracker/extraction/cues.py): which words report speech and in which forms, judged through
`find_quotes` on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import compiled_skip
from tracker.extraction.cues import inflections
from tracker.extraction.quotes import find_quotes_raw
from tracker.extraction.sentences import sentences


def found(text):
    return [
        (q.kind, q.text, q.cue, q.speaker.name if q.speaker else None) for q in find_quotes_raw(text, sentences(text))
    ]


# Every reporting verb of cues.py (SAY_VERBS and OBJECT_VERBS) with its third person, past and -ing forms, written
# out by hand (not made by `inflections`, which is under test).
VERB_FORMS = [
    ("say", "says", "said", "saying"),
    ("tell", "tells", "told", "telling"),
    ("add", "adds", "added", "adding"),
    ("note", "notes", "noted", "noting"),
    ("write", "writes", "wrote", "writing"),
    ("stress", "stresses", "stressed", "stressing"),
    ("warn", "warns", "warned", "warning"),
    ("insist", "insists", "insisted", "insisting"),
    ("argue", "argues", "argued", "arguing"),
    ("claim", "claims", "claimed", "claiming"),
    ("announce", "announces", "announced", "announcing"),
    ("deny", "denies", "denied", "denying"),
    ("mention", "mentions", "mentioned", "mentioning"),
    ("explain", "explains", "explained", "explaining"),
    ("declare", "declares", "declared", "declaring"),
    ("state", "states", "stated", "stating"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("suggest", "suggests", "suggested", "suggesting"),
    ("reply", "replies", "replied", "replying"),
    ("respond", "responds", "responded", "responding"),
    ("tweet", "tweets", "tweeted", "tweeting"),
    ("post", "posts", "posted", "posting"),
    ("recall", "recalls", "recalled", "recalling"),
    ("admit", "admits", "admitted", "admitting"),
    ("predict", "predicts", "predicted", "predicting"),
    ("promise", "promises", "promised", "promising"),
    ("vow", "vows", "vowed", "vowing"),
    ("repeat", "repeats", "repeated", "repeating"),
    ("report", "reports", "reported", "reporting"),
    ("confirm", "confirms", "confirmed", "confirming"),
    ("assert", "asserts", "asserted", "asserting"),
    ("contend", "contends", "contended", "contending"),
    ("complain", "complains", "complained", "complaining"),
    ("testify", "testifies", "testified", "testifying"),
    ("concede", "concedes", "conceded", "conceding"),
    ("allege", "alleges", "alleged", "alleging"),
    ("estimate", "estimates", "estimated", "estimating"),
    ("observe", "observes", "observed", "observing"),
    ("remark", "remarks", "remarked", "remarking"),
    ("comment", "comments", "commented", "commenting"),
    ("emphasize", "emphasizes", "emphasized", "emphasizing"),
    ("emphasise", "emphasises", "emphasised", "emphasising"),
    ("reiterate", "reiterates", "reiterated", "reiterating"),
    ("maintain", "maintains", "maintained", "maintaining"),
    ("indicate", "indicates", "indicated", "indicating"),
    ("reveal", "reveals", "revealed", "revealing"),
    ("disclose", "discloses", "disclosed", "disclosing"),
    ("pledge", "pledges", "pledged", "pledging"),
    ("boast", "boasts", "boasted", "boasting"),
    ("caution", "cautions", "cautioned", "cautioning"),
    ("lament", "laments", "lamented", "lamenting"),
    ("charge", "charges", "charged", "charging"),
    ("counter", "counters", "countered", "countering"),
    ("retort", "retorts", "retorted", "retorting"),
    ("quip", "quips", "quipped", "quipping"),
    ("joke", "jokes", "joked", "joking"),
    ("conclude", "concludes", "concluded", "concluding"),
    ("speculate", "speculates", "speculated", "speculating"),
    ("hint", "hints", "hinted", "hinting"),
    ("signal", "signals", "signalled", "signalling"),
    ("agree", "agrees", "agreed", "agreeing"),
    ("affirm", "affirms", "affirmed", "affirming"),
    ("proclaim", "proclaims", "proclaimed", "proclaiming"),
    ("answer", "answers", "answered", "answering"),
    ("blog", "blogs", "blogged", "blogging"),
    ("forecast", "forecasts", "forecast", "forecasting"),
    ("swear", "swears", "swore", "swearing"),
    ("dispute", "disputes", "disputed", "disputing"),
    ("rebut", "rebuts", "rebutted", "rebutting"),
    ("concur", "concurs", "concurred", "concurring"),
    ("continue", "continues", "continued", "continuing"),
    ("describe", "describes", "described", "describing"),
    ("reckon", "reckons", "reckoned", "reckoning"),
    ("question", "questions", "questioned", "questioning"),
    ("blame", "blames", "blamed", "blaming"),
    ("accuse", "accuses", "accused", "accusing"),
    ("instruct", "instructs", "instructed", "instructing"),
    ("advise", "advises", "advised", "advising"),
    ("confess", "confesses", "confessed", "confessing"),
    ("urge", "urges", "urged", "urging"),
    ("ask", "asks", "asked", "asking"),
    ("remind", "reminds", "reminded", "reminding"),
    ("assure", "assures", "assured", "assuring"),
    ("inform", "informs", "informed", "informing"),
    ("invite", "invites", "invited", "inviting"),
    ("encourage", "encourages", "encouraged", "encouraging"),
    ("press", "presses", "pressed", "pressing"),
    ("order", "orders", "ordered", "ordering"),
    ("implore", "implores", "implored", "imploring"),
    ("commit", "commits", "committed", "committing"),
    ("condemn", "condemns", "condemned", "condemning"),
]


# Forms that cues.py does not make (a doubled final consonant other than p or t after one vowel, a vowel pair before
# the p): reported as a gap, not pinned.
MISSING = {"quipping", "signalled", "signalling", "blogging", "concurred", "concurring"}


# Third-person forms that cues.py drops on purpose because they are nouns more often ("his remarks", "questions").
NOUN_FORMS = {"remarks", "questions"}


@pytest.mark.parametrize(("base", "third", "past", "ing"), VERB_FORMS)
def test_every_reporting_verb_makes_its_forms(base, third, past, ing):
    assert {base, third, past, ing} - MISSING <= inflections(base)


@pytest.mark.parametrize(("base", "third", "past", "ing"), VERB_FORMS)
def test_every_reporting_verb_reports_a_quote_before_it_after_it_and_inverted(base, third, past, ing):
    quote = "“The bridge will open in May,”"
    for form in sorted({third, past} - NOUN_FORMS):
        assert found(f"{quote} the mayor {form}.") == [("direct", quote, form, "the mayor")]
        assert found(f"{quote} {form} the mayor.") == [("direct", quote, form, "the mayor")]
        assert found(f"The mayor {form}: “The bridge will open in May.”") == [
            ("direct", "“The bridge will open in May.”", form, "The mayor")
        ]
        if form not in MISSING:
            text = f"The mayor {form} that the bridge would open in May."
            assert found(text) == [("indirect", "that the bridge would open in May", form, "The mayor")]


@pytest.mark.parametrize(("base", "third", "past", "ing"), [r for r in VERB_FORMS if r[3] not in MISSING])
def test_every_reporting_participle_after_a_comma_reports_for_the_sentence_subject(base, third, past, ing):
    text = f"The mayor opened the bridge on Monday, {ing} that it had cost too much."
    assert found(text) == [("indirect", "that it had cost too much", ing, "The mayor")]


@pytest.mark.parametrize(
    ("base", "third", "past"),
    [
        ("defend", "defends", "defended"),
        ("speak", "speaks", "spoke"),
        ("identify", "identifies", "identified"),
        ("list", "lists", "listed"),
    ],
)
def test_verbs_that_report_only_a_quote_or_an_object_as_something_take_no_that_clause(base, third, past):
    quote = "“The bridge will open in May,”"
    assert {base, third, past} <= inflections(base)
    for form in (third, past):
        assert found(f"{quote} the mayor {form}.") == [("direct", quote, form, "the mayor")]
        assert found(f"The mayor {form} that the bridge would open in May.") == []


# Issue 16, survivors of the seed-104 mutation sample of the quote modules (2026-11-30, branch mutquote).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor of İzmir said the bridge was ready.",
            ("indirect", "the bridge was ready", "said", "The mayor of İzmir"),
        ),
        (
            "“The bridge is ready,” said the mayor of İzmir.",
            ("direct", "“The bridge is ready,”", "said", "the mayor of İzmir"),
        ),
    ],
)
def test_a_letter_whose_lower_case_is_longer_leaves_the_offsets_of_what_follows_it_right(text, expected):
    # "İ" lower-cases to two characters: the cue search reads a lower-cased copy of the same length
    assert found(text) == [expected]


# Issue 16, survivors of the seed-211 sample and of a seed-501 sample of the quote modules (2026-11-30, branch mutq3).


def cue_words_of(text):
    from tracker.extraction.cues import _cue_words, _cues, _lower

    low = _lower(text)
    return [text[c.start : c.end] for c in _cues(text, low, 0, len(text), [], _cue_words(low))]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("His claims that the vote was rigged were false.", []),
        ("Her tweets about the vote drew criticism.", []),
        ("Their promises of new jobs were broken.", []),
        ("The warning came too late.", []),
        ("She claims that the vote was rigged.", ["claims"]),
        ("The agency warns that floods are likely.", ["warns"]),
    ],
)
def test_a_cue_form_in_s_or_ing_right_after_a_determiner_is_a_noun(text, cues):
    assert cue_words_of(text) == cues


@pytest.mark.parametrize("verb", ["limit", "visit", "edit", "credit"])
def test_a_verb_stressed_on_its_first_syllable_does_not_double_its_last_consonant(verb):
    # "admit" → "admitted", but "edit" → "edited": the exceptions to the doubling rule make only the regular forms
    assert inflections(verb) == {verb, verb + "s", verb + "ed", verb + "ing"}


def test_notes_after_a_determiner_that_is_its_subject_stays_a_cue():
    # "note" is left out of the noun test: "each notes", "this notes" are a subject and its verb
    text = "The two reports differ, but each notes that the bridge is unsafe."
    assert found(text) == [("indirect", "that the bridge is unsafe", "notes", "each")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "press" after a determiner and a modifier is the news media, not a verb of urging.
        ("A photo was circulated by the Iranian press in which her headscarf was not visible.", []),
        ("The local press reported that the mayor had resigned.", [("reported", "The local press")]),
        # Bare, after its subject, it urges.
        ("Unions press the government to act.", [("press", "Unions")]),
    ],
)
def test_press_after_a_determiner_and_a_modifier_is_the_news_media(text, expected):
    assert [(q.cue, q.speaker.mention) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    "text, mention, quote",
    [
        # A cue word in its bare form, capitalised before another capital, opens a name ...
        (
            "State Department spokesman Ned Price said the talks would resume.",
            "State Department spokesman Ned Price",
            "the talks would resume",
        ),
        ("Press TV said the crash was followed by a fire.", "Press TV", "the crash was followed by a fire"),
        # ... but "According to" and an inverted "Said Ellis:" stay cues.
        ("According to Forbes, the deal was signed in May.", "Forbes", "the deal was signed in May"),
        ('Said Ellis: "We will win."', "Ellis", '"We will win."'),
    ],
)
def test_a_capitalised_bare_cue_before_a_capital_opens_a_name(text, mention, quote):
    assert [(q.speaker.mention, q.text) for q in find_quotes_raw(text, sentences(text))] == [(mention, quote)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obama Says African-American Museum Will Tell of Suffering and Delight", [("Obama", "indirect")]),
        ("Trump Could Address Clean Energy, Lindsey Graham Says", [("Lindsey Graham", "indirect")]),
        ("White House Says Talks Have Stalled", [("White House", "indirect")]),
        # not in a sentence of prose, where a capitalised "Says" is in a name or a title
        ("The game known as Simon Says was played at the party on Sunday.", []),
    ],
)
def test_a_headline_in_title_case_reports_with_its_capitalised_verb(text, expected):
    assert [(q.speaker.mention, q.kind) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Protesters chanted "What curfew?" and kept walking.', [("direct", '"What curfew?"')]),
        ('"Get out!" the man shouted.', [("direct", '"Get out!"')]),
        ('MPs protested by shouting "shame on you!" and holding signs.', [("direct", '"shame on you!"')]),
        # a manner of speaking reports a quote only
        ("The man shouted at the police and ran away.", []),
        ("The crowd chanted slogans against the government.", []),
    ],
)
def test_a_verb_of_the_manner_of_speaking_reports_a_quote_only(text, expected):
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan is, as the minister put it, “dead in the water.”", ["the minister"]),
        ('She put it bluntly: "We are broke."', ["She"]),
        ('"We are broke," as she put it.', ["she"]),
        # "put it" somewhere, or to a vote, reports nothing
        ("He put it on the table and left the room.", []),
        ("The council put it to a vote on Monday evening.", []),
    ],
)
def test_put_it_reports_as_an_idiom_of_saying(text, expected):
    assert [q.speaker.mention for q in find_quotes_raw(text, sentences(text))] == expected


def test_cues_inside_quotes_found_from_the_starts_given_as_without_them():
    """`_cues` with the quotes' starts handed over (as `find_quotes_raw` does) drops the same cues inside quotes as
    when it reads the starts itself, on random texts of cue words, quote marks and stops, sentence by sentence."""
    from tests.strategies import cue_inputs
    from tracker.extraction.cues import _cues

    parts = ["said ", "says ", "told ", "“", "” ", '"', "he ", "Ana ", "according to ", "it. ", "rose, ", "\n"]
    found = 0
    for text, low, words, quotes in cue_inputs(parts, 3_000, seed=27):
        starts = [q[0] for q in quotes]
        for s, e in sentences(text):
            given = _cues(text, low, s, e, quotes, words, None, starts)
            assert given == _cues(text, low, s, e, quotes, words)
            every = _cues(text, low, s, e, [], words)  # (no quotes: none dropped)
            assert given == [c for c in every if not any(a < c.start < b for a, b, _ in quotes)]
            found += len(given)
    assert found > 3_000


@compiled_skip
def test_cue_words_outside_the_checked_ones_skip_tests_that_would_keep_them(monkeypatch):
    """`_cues` asks its last four tests (a noun form, "lists" without "as", a passive instruction, a participle in
    apposition) only of the candidate words in `_CHECKED_WORDS`: on random texts of every candidate word after
    determiners, forms of "be", commas and before "as", the cues are those found when every word is asked."""
    import random

    from tracker.extraction import cues
    from tracker.extraction.cues import _CUE_FIRST, _cue_words, _cues, _lower

    rng = random.Random(6)
    forms = sorted(_CUE_FIRST)
    forms += [
        w for w in "estimated identified listed lists advised told warning posts said".split() if w in _CUE_FIRST
    ] * 40
    parts = ["the ", "his ", "a ", "orange ", "were ", "was ", "widely ", ", ", "as ", "at ", "only ", "Ana ", "it. "]
    texts = []
    for _ in range(3_000):
        pieces = [
            rng.choice(parts) if rng.random() < 0.6 else rng.choice(forms) + " " for _ in range(rng.randint(1, 12))
        ]
        texts.append("".join(pieces))

    def found() -> list[list[tuple[int, int, str]]]:
        out = []
        for text in texts:
            low = _lower(text)
            out.append([(c.start, c.end, c.base) for c in _cues(text, low, 0, len(text), [], _cue_words(low))])
        return out

    assert 0 < len(cues._CHECKED_WORDS) < len(_CUE_FIRST)
    fast = found()
    monkeypatch.setattr(cues, "_CHECKED_WORDS", frozenset(_CUE_FIRST))
    assert fast == found()
    assert sum(map(len, fast)) > 5_000
