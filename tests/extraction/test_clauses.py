"""Which lines and clauses are judged as claims: a headline is not, a plain line without a full stop is."""

import pytest

from tracker.extraction.pipeline import extract


def claims(text):
    return [(c.text, c.kind) for c in extract(text).claims]


def test_a_line_without_closing_punctuation_is_a_headline_only_in_title_case():
    assert claims("Dam Costs Rise 40% In Kenya In 2019") == []  # title case, no full stop: a headline
    text = "Prices rose 40% in the country in 2019"  # lower case words: a statement that lost its full stop
    assert claims(text) == [(text, "quantity")]


def test_a_leading_clause_before_too_few_words_stays_whole():
    # "When …," is cut off only when at least MIN_WORDS words follow it in the same sentence; the words of the
    # next sentence do not count.
    text = "When the storm hit the coast at noon, 40 died. Prices rose 40% in the country in 2019."
    assert claims(text) == [
        ("When the storm hit the coast at noon, 40 died.", "quantity"),
        ("Prices rose 40% in the country in 2019.", "quantity"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb before the "while …," aside: the main clause broken by it, one claim
        (
            "Truman vetoed, while he was president, 38 bills a year.",
            [("Truman vetoed, while he was president, 38 bills a year.", "quantity")],
        ),
        # a short adverbial before it: the subordinate clause is cut off
        (
            "For that reason, when the dam broke, 3,000 homes in the valley flooded.",
            [("For that reason, when the dam broke", "causal"), ("3,000 homes in the valley flooded.", "quantity")],
        ),
    ],
)
def test_a_leading_clause_is_cut_off_only_after_an_adverbial_without_a_verb(text, expected):
    assert claims(text) == expected


def test_a_phrase_opening_an_attribution_is_no_claim_of_its_own():
    # after "that", the sentence is checked whole, as it is after a phrase too short to stand alone ("On Monday,")
    text = "In a statement on Monday, the ministry said that exports fell by 3 percent in May."
    assert claims(text) == [(text, "quantity")]
    text = "On Monday, the ministry said that exports fell by 3 percent in May."
    assert claims(text) == [(text, "quantity")]
    # before reported content without "that", the phrase goes with the attribution it opens
    text = (
        'In a letter to the newspaper published on Monday, the chief executive said the firm would install "100 '
        'miles of stronger poles."'
    )
    assert claims(text) == [('the firm would install "100 miles of stronger poles."', "prediction")]
    # a clause is not such a phrase: "After …," is cut off as a leading clause
    text = "After the minister failed to buy 40,000 testing kits, the ministry said that exports fell by 3 percent."
    assert claims(text) == [
        ("After the minister failed to buy 40,000 testing kits", "quantity"),
        ("exports fell by 3 percent.", "quantity"),
    ]


def test_a_reported_cut_overlapping_a_leading_clause():
    # the cut before "that" starts at the comma, inside the leading "When …," clause's cut: the later cut is
    # skipped, not a second clause
    text = "When prices rose sharply last year, the minister said that wages would fall by May."
    assert claims(text) == [
        ("When prices rose sharply last year", "comparison"),
        ("wages would fall by May.", "prediction"),
    ]


def test_a_dateline_needs_a_figure_inside_its_own_line():
    from tracker.extraction.clauses import _is_dateline

    text = "Published on Monday\nPrices rose 40% in 2019."
    assert _is_dateline(text, 0, 19) is False  # date words but no figure in the line: the next line's do not count
    assert _is_dateline("Published on Monday 3 March 2020", 0, 32) is True


# Issue 16, survivors of the seed-31 mutation sample (2026-11-30, branch mutation3).


def test_a_text_cut_off_after_that_is_read_to_its_end():
    # a feed item truncated mid-sentence: the "that" at the very end opens no clause, and reading it fails nothing
    text = "Officials said on Monday that 40 people had died in the floods. The ministry later added that"
    assert claims(text) == [("Officials said on Monday that 40 people had died in the floods.", "quantity")]


def test_factual_halves_joined_again_keep_the_entities_of_both():
    text = "Exports from Germany have begun to fall, but sales to China are still up on last year."
    assert [(c.text, c.kind, [e.name for e in c.entities]) for c in extract(text).claims] == [
        (text, "comparison", ["Germany", "China"])
    ]


def test_a_clause_after_a_rejoined_pair_is_still_judged():
    # the two factual halves are one claim again; the prediction after the semicolon stays a claim of its own
    text = "Exports fell 3 percent in May, but sales to China rose 2 percent; prices will rise again next year."
    assert claims(text) == [
        ("Exports fell 3 percent in May, but sales to China rose 2 percent", "quantity"),
        ("prices will rise again next year.", "prediction"),
    ]


def test_a_rejoined_claim_with_an_absolute_date_has_date_only():
    # as for a single clause: "in May 2020" makes the claim dated, and "last week" adds no "relative date"
    text = "Exports fell 3 percent in May 2020, but sales to China rose 2 percent last week."
    assert [(c.text, c.features) for c in extract(text, published="2021-06-15").claims] == [
        (text, ["percent", "date", "named entity", "past event", "comparison", "statistic", "third party"])
    ]


# Issue 16, survivors of a seed-107 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_a_split_after_an_aside_is_still_made():
    # ", while he was president," is an aside (no split), and the "; …" after it still opens a clause of its own
    text = (
        "President Truman vetoed on the average, while he was president, about thirty-eight bills a year; "
        "his successors will veto fewer."
    )
    assert claims(text) == [
        (
            "President Truman vetoed on the average, while he was president, about thirty-eight bills a year",
            "quantity",
        ),
        ("his successors will veto fewer.", "prediction"),
    ]


def test_a_split_after_overlapping_cuts_is_still_made():
    # the reported cut overlaps the leading clause's; the "; …" after both still opens a clause of its own
    text = "When prices rose sharply last year, the minister said that wages would fall by May; unions say they will strike."
    assert claims(text) == [
        ("When prices rose sharply last year", "comparison"),
        ("wages would fall by May", "prediction"),
        ("unions say they will strike.", "prediction"),
    ]


# Issue 16, survivors of a seed-108 mutation sample of the claim modules (2026-11-30, branch mutclaim).


def test_reported_speech_is_cut_off_its_attribution_with_a_long_s_too():
    # "ſaid" is "said" to the case-insensitive pattern: the text takes the regex path, not the lower-cased copy
    assert claims("The minister of health ſaid that 40 people had died in the floods.") == [
        ("40 people had died in the floods.", "quantity")
    ]


_FED = "Federal authorities are investigating the shooting as domestic terrorism"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # the cue and a speaker with a long title only: a bare attribution, however many words
        (
            ", according to prosecutor Josh Bash, the U.S. Attorney for the Western District of Texas.",
            [(_FED, "other")],
        ),
        (
            ", according to Commissioner James Rovella of the Connecticut Department of Emergency Services and Public "
            "Protection.",
            [(_FED, "other")],
        ),
        # a clause after the speaker is the writer's own, and the sentence is one claim
        (
            ", according to prosecutors, but the Justice Department maintains a policy of not charging anyone.",
            [
                (
                    _FED
                    + ", according to prosecutors, but the Justice Department maintains a policy of not charging anyone.",
                    "rule",
                )
            ],
        ),
    ],
)
def test_an_attribution_tail_of_cue_and_titled_speaker_only_is_no_claim(tail, expected):
    assert claims(_FED + tail) == expected


def test_a_connective_alone_before_the_attribution_is_dropped_with_it():
    # "However," trimmed away leaves nothing: the claim is the reported content, not ", the ministry also said …"
    assert claims("However, the ministry also said that 40 people had died in the floods.") == [
        ("40 people had died in the floods.", "quantity")
    ]


def test_a_short_as_aside_is_not_a_second_clause():
    text = "Food prices in Kenya, as the minister should know, are far too high."
    assert claims(text) == [(text, "opinion")]


@pytest.mark.parametrize(
    ("tail", "own_claim"),
    [
        (" the finance minister said in a speech to the assembly on Tuesday.", False),  # 12 words: bare attribution
        (" the finance minister said in a speech to the national assembly on Tuesday.", True),  # 13 words
        (" the finance minister said in a long speech to the members of the national assembly on Tuesday.", True),
    ],
)
def test_an_attribution_tail_of_a_dozen_words_at_most_is_no_claim_of_its_own(tail, own_claim):
    """ "Prices will rise sharply, the minister said …": up to twelve words after the content are its bare
    attribution, cut off; a longer tail says more and is judged as the writer's sentence."""
    text = "Prices will rise sharply," + tail
    expected = [("Prices will rise sharply", "prediction")]
    if own_claim:
        expected.append((tail.strip(), "event"))
    assert claims(text) == expected


_TWENTY_ONE = "Kenya Opened The Largest Dam In East Africa In 2019 After Engineers From China And Germany Finished Work On The Site"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case line with no closing punctuation, ending its line or the text, is a headline
        ("Kenya Opened The Largest Dam In Africa In 2019", []),
        (
            "Kenya Opened The Largest Dam In Africa In 2019\nThe dam cost $2 billion to build in 2019.",
            [("The dam cost $2 billion to build in 2019.", "quantity")],
        ),
        (
            "The dam cost $2 billion to build in 2019.\nKenya Opened The Largest Dam In Africa In 2019",
            [("The dam cost $2 billion to build in 2019.", "quantity")],
        ),
        # closing punctuation makes it a statement or a question
        (
            "Kenya Opened The Largest Dam In Africa In 2019.",
            [("Kenya Opened The Largest Dam In Africa In 2019.", "comparison")],
        ),
        (
            "Kenya Opened The Largest Dam In Africa In 2019?",
            [("Kenya Opened The Largest Dam In Africa In 2019?", "question")],
        ),
        # at most 20 words, at least 60 % of them capitalised
        (_TWENTY_ONE.replace(" The Site", " Site"), []),  # 20 words
        (_TWENTY_ONE, [(_TWENTY_ONE, "comparison")]),  # 21 words
        ("Kenya Opened The Largest Dam In the north in 2019", []),  # 6 of 10
        (
            "Kenya Opened The Largest Dam in the north in 2019",
            [("Kenya Opened The Largest Dam in the north in 2019", "comparison")],
        ),
    ],
)
def test_what_makes_a_line_a_headline(text, expected):
    assert claims(text) == expected


_DAM = "The dam cost $2 billion to build in 2019."


@pytest.mark.parametrize(
    "line",
    [
        "Friday, January 4, 2019",
        "Updated 14:05 GMT, 3 March 2020",
        "Posted on Monday at 9 a.m.",
        "Updated on Monday 3 March 2020 at 4:05 GMT on Sunday 2 March",  # 60 characters, the most a dateline has
    ],
)
def test_a_line_of_date_words_and_numbers_is_a_dateline(line):
    assert claims(f"{line}\n{_DAM}") == [(_DAM, "quantity")]
    assert claims(f"{_DAM}\n{line}") == [(_DAM, "quantity")]  # its length counts, not where it stands


# Issue 16, survivors of the seed-211 sample and of the seed-503 sample (2026-11-30, branch mutattr).

NEXT = " Prices rose 40% in the country in 2019."


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        # three words after "said that": too few to stand alone, and the next sentence's words do not count
        # (a clause before the attribution, not a phrase such as "In a letter to …,", which is never cut off)
        (
            "The mayor wrote to the 40 members of the council, and she said that 3 had quit.",
            ["The mayor wrote to the 40 members of the council, and she said that 3 had quit."],
        ),
        (
            "The mayor wrote to the 40 members of the council, and she said that 3 of them had quit.",
            ["The mayor wrote to the 40 members of the council", "3 of them had quit."],
        ),
    ],
)
def test_reported_content_is_cut_off_its_attribution_only_with_enough_words_of_its_own(sentence, clauses):
    assert [c.text for c in extract(sentence + NEXT).claims] == [*clauses, NEXT.strip()]


def test_a_sentence_is_cut_the_same_with_the_articles_marks_or_alone():
    """_split finds ";", ":" and ", but" splits from the marks of the whole article, or by scanning the sentence
    alone: the same clauses either way, never with a split past the sentence's end."""
    from tracker.extraction.clauses import _Marks, _split
    from tracker.extraction.sentences import sentences

    text = (
        "The mayor said that it was late. Prices rose; the bank said that rates would stay at 5 percent. "
        "Sales fell: Exports dropped by 4% in May, but imports grew by 2% over the year."
    )
    expected = [
        (["The mayor said that it was late."], [], []),
        (["Prices rose; the bank", "rates would stay at 5 percent."], ["rates"], ["; the", "the b"]),
        (
            ["Sales fell: Exports dropped by 4% in May", "imports grew by 2% over the year."],
            [],
            [": Exp", "Expor", ", but", "impor"],
        ),
    ]
    marks = _Marks(text)
    for (s, e), (clauses, reported, inner) in zip(sentences(text), expected, strict=True):
        for got in (_split(text, s, e, [], marks), _split(text, s, e, [], None)):
            assert [text[a:b] for a, b in got[0]] == clauses
            assert [text[a : a + 5] for a in sorted(got[1])] == reported
            assert [text[a : a + 5] for a in sorted(got[2])] == inner


_LEAD = "He told her on one occasion: “We will win.”"  # the colon at 27, the quote from 29 to 43


def _quote(kind, start, cue_start, end=43):
    from tracker.records import Quote

    return Quote("q", kind, "", start, end, None if cue_start is None else "told", None, cue_start, None)


@pytest.mark.parametrize(
    "quote, expected",
    [
        # The direct quote right after the colon, its cue inside the clause (at its first word too): bare.
        (_quote("direct", 29, 3), True),
        (_quote("direct", 29, 0), True),
        (_quote("direct", 30, 3), True),  # up to three characters after the colon
        (_quote("direct", 28, 26), True),  # the cue up to the colon
        # Not the quote the colon opens, or its cue outside the clause, or no cue at all: no bare lead.
        (_quote("direct", 31, 3), False),
        (_quote("direct", 27, 3), False),
        (_quote("partial", 29, 3), False),
        (_quote("indirect", 29, 3), False),
        (_quote("direct", 29, None), False),
        (_quote("direct", 29, 27), False),
    ],
)
def test_a_clause_is_a_bare_lead_only_for_the_direct_quote_its_colon_opens(quote, expected):
    from tracker.extraction.clauses import bare_lead

    assert _LEAD[27] == ":" and _LEAD[29] == "“"
    assert bare_lead(_LEAD, 0, 27, [quote]) is expected
    # A cue before the clause's first character is not its cue.
    assert bare_lead(_LEAD, 1, 27, [quote]) is (expected and quote.cue_start >= 1)


def test_a_bare_lead_looks_past_quotes_without_a_cue_and_needs_its_colon():
    from tracker.extraction.clauses import bare_lead

    assert bare_lead(_LEAD, 0, 27, [_quote("direct", 0, None, 2), _quote("direct", 29, 3)]) is True
    assert bare_lead(_LEAD, 0, 27, [_quote("direct", 0, None, 2)]) is False
    # A colon must end the clause (spaces and tabs before it allowed), and no figure may sit in it.
    text = "He told her on one occasion \t: “We will win.”"
    assert bare_lead(text, 0, 27, [_quote("direct", 31, 3)]) is True
    assert bare_lead(_LEAD, 0, 20, [_quote("direct", 29, 3)]) is False
    text = "He told her on 1 occasion: “We will win.”"
    assert bare_lead(text, 0, 25, [_quote("direct", 27, 3)]) is False


@pytest.mark.parametrize(
    "text",
    [
        "He said that the bridge was safe.",
        "That is all. He said that that was that.",
        "He said\tthat\nthe bridge was safe, and THAT it would open that day.",
        " that  that ",
        "thatthat that",
        "He said that",
        "So that that that that",
    ],
)
def test_the_spans_of_that_found_by_find_are_the_patterns_spans(text):
    from tracker.extraction.clauses import _THAT, _that_spans

    assert _that_spans(text, text.lower()) == [m.span() for m in _THAT.finditer(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A short aside closed by the first comma after it is no second clause, whatever commas come later...
        (
            "The city council quietly spent, while the mayor was away, $40 million on roads, parks and schools.",
            ["The city council quietly spent, while the mayor was away, $40 million on roads, parks and schools."],
        ),
        # ...a long one (six words or more before that comma) is.
        (
            "The city council quietly spent, while the mayor was away on a long trip, $40 million on roads.",
            ["The city council quietly spent", "while the mayor was away on a long trip, $40 million on roads."],
        ),
    ],
)
def test_an_aside_is_closed_by_the_first_comma_after_it(text, expected):
    from tracker.extraction.clauses import _split

    spans, _, _ = _split(text, 0, len(text), [])
    assert [text[a:b] for a, b in spans] == expected
