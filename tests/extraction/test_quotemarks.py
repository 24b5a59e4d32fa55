"""Quote marks: which passages are quoted, and what a quote mark at the start of a paragraph means.

The sentences are written for these tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction.quotemarks import quote_spans
from tracker.extraction.quotes import find_quotes


def test_quote_spans_closed_continued_and_cut_at_the_paragraph_end():
    assert quote_spans("“We will build it,” she said.") == [(0, 19, True)]
    # a quote that runs on into a paragraph opening with a mark continues there, to its closing mark
    assert quote_spans("He said: “We will build it.\n\n“And it will be cheap.”") == [(9, 52, True)]
    # without the re-opening mark it ends with its paragraph, unclosed
    assert quote_spans("He said: “We will build it.\n\nIt will be cheap.") == [(9, 27, False)]


def test_a_quote_that_is_a_paragraph_of_its_own_continues_the_previous_speaker():
    text = (
        "“We will build the dam next year,” said Amara Diallo.\n“It will bring power to every village in the region.”"
    )
    got = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in find_quotes(text)]
    assert got == [
        ("direct", "“We will build the dam next year,”", "Amara Diallo"),
        ("direct", "“It will bring power to every village in the region.”", "Amara Diallo"),
    ]


def test_a_comma_cue_inside_a_quoted_phrase_does_not_end_the_reported_content():
    # ", while" would end reported speech ("X said A, while B ..."), but not inside the quoted words
    text = "Amara Diallo said the dam would be “cheap, while it lasts” and open in May."
    got = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in find_quotes(text)]
    assert got == [("partial", "the dam would be “cheap, while it lasts” and open in May", "Amara Diallo")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab “”"«»\n.,'), max_size=60))
def test_searches_over_quote_ends_are_bisections_of_the_ends(text):
    from bisect import bisect_left, bisect_right

    from tracker.extraction.quotemarks import _ending_by, _first_ending_from

    quotes = quote_spans(text)
    ends = [e for _, e, _ in quotes]
    for pos in range(len(text) + 2):
        assert _first_ending_from(quotes, pos) == bisect_left(ends, pos)
        assert _ending_by(quotes, pos) == bisect_right(ends, pos)


def test_searches_over_quote_ends_on_a_text():
    from tracker.extraction.quotemarks import _ending_by, _first_ending_from

    text = "“Ab,” he said. “Cd ef.” x"
    quotes = quote_spans(text)
    assert [(s, e) for s, e, _ in quotes] == [(0, 5), (15, 23)]
    assert [_first_ending_from(quotes, p) for p in (0, 5, 6, 23, 24)] == [0, 0, 1, 1, 2]
    assert [_ending_by(quotes, p) for p in (0, 4, 5, 22, 23)] == [0, 0, 1, 1, 2]


# Issue 16, survivors of the seed-31 mutation sample (2026-11-30, branch mutation3).


def test_an_opening_glyph_typed_where_a_quote_closes_closes_it():
    # a misused “ after the last word and before a space closes the quote, so the quote does not run on
    text = "The governor said: “Prices will fall by spring.“ She left the room."
    assert quote_spans(text) == [(19, 48, True)]
    assert [(q.text, q.speaker.name) for q in find_quotes(text)] == [("“Prices will fall by spring.“", "The governor")]


@given(st.text(alphabet="Ab c1’'of The", max_size=60))
@settings(max_examples=300, deadline=None)
def test_short_title_is_a_title_of_at_most_six_words(text):
    from tracker.extraction.quotemarks import _is_title, _short_title, _word_count

    assert _short_title(text, 0, len(text)) == (_word_count(text, 0, len(text)) <= 6 and _is_title(text, 0, len(text)))


def test_short_title_examples():
    from tracker.extraction.quotemarks import _short_title

    assert _short_title("Shark Tank", 0, 10) is True
    assert _short_title("The Lord of the Rings", 0, 21) is True
    assert _short_title("One Two Three Four Five Six Seven", 0, 33) is False  # seven words: not short
    assert _short_title("it rose", 0, 7) is False


# Issue 16, survivors of the seed-103 mutation sample of the quote modules (2026-11-30, branch mutquote).


def test_a_quote_left_open_at_its_paragraph_end_is_cut_there_and_the_next_quote_pairs_on_its_own():
    text = "He said: “We will build it.\nShe said: “It will be cheap.”"
    assert quote_spans(text) == [(9, 27, False), (38, 57, True)]


def continued(paragraphs):
    """An opening line and `paragraphs` more, each opening with a mark, the last closing the quote."""
    lines = ["He said: “Part 1."] + [f"“Part {i}." for i in range(2, paragraphs + 2)]
    return "\n".join(lines) + "”"


def test_an_open_quote_continues_over_six_paragraphs_that_open_with_a_mark_and_no_more():
    assert quote_spans(continued(5)) == [(9, 63, True)]
    assert quote_spans(continued(6)) == [(9, 72, True)]
    # a seventh continued paragraph is too many: the quote ends with the sixth, the seventh is a quote of its own
    assert quote_spans(continued(7)) == [(9, 71, False), (72, 81, True)]


def found(text):
    return [(q.kind, q.text, q.cue, q.speaker.mention) for q in find_quotes(text)]


# Every pair of marks the quote rules know: English curly and straight, French guillemets (both ways), German low-high,
# TeX-style doubled backquotes and apostrophes, and a closing glyph mistyped for the opening one.
PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("»", "«"), ("„", "“"), ("„", "”"), ("``", "''"), ("''", "''"), ("”", "”")]


@pytest.mark.parametrize(("open_mark", "close_mark"), PAIRS)
def test_every_pair_of_marks_quotes_before_after_and_inside_an_attribution(open_mark, close_mark):
    quote = f"{open_mark}We will build the bridge,{close_mark}"
    assert found(f"{quote} the mayor said.") == [("direct", quote, "said", "the mayor")]
    assert found(f"{quote} said the mayor.") == [("direct", quote, "said", "the mayor")]
    assert quote_spans(f"{quote} the mayor said.") == [(0, len(quote), True)]
    whole = f"{open_mark}We will build the bridge.{close_mark}"
    assert found(f"The mayor said: {whole}") == [("direct", whole, "said", "The mayor")]
    phrase = f"{open_mark}too costly{close_mark}"
    assert found(f"The mayor said the bridge was {phrase}.") == [
        ("partial", f"the bridge was {phrase}", "said", "The mayor")
    ]


@pytest.mark.parametrize("before", ["(", "[", "{", "—", "–", "-", "/"])
def test_a_mark_after_an_opening_bracket_or_dash_opens_a_quote(before):
    # a straight mark or a mistyped closing glyph there opens, though no space precedes it
    for mark in ('"', "”"):
        text = f"The sign read {before}{mark}Keep out{mark} today."
        assert [text[s:e] for s, e, _ in quote_spans(text)] == [f"{mark}Keep out{mark}"]


@pytest.mark.parametrize("after", list(".,;:!?)]}—–-…") + ['"', "”", "’", "'"])
def test_an_opening_glyph_before_a_stop_a_bracket_a_dash_or_a_mark_closes_a_quote(after):
    text = f"The sign read “Keep out“{after} today."
    assert quote_spans(text) == [(14, 24, True)]


# Issue 16, survivors of the seed-104 mutation sample of the quote modules (2026-11-30, branch mutquote).


@pytest.mark.parametrize("spaces", [" ", "  ", "   ", " \t "])
def test_a_quote_cut_at_its_paragraph_end_loses_only_the_trailing_spaces(spaces):
    text = f"He said: “We will build it.{spaces}\nIt will be cheap."
    assert quote_spans(text) == [(9, 27, False)]
    text = f"He said: “We will build it.{spaces}\nShe said: “No.”"
    assert [text[s:e] for s, e, _ in quote_spans(text)] == ["“We will build it.", "“No.”"]


def test_paragraph_ends_are_found_in_a_text_that_opens_with_a_line_break():
    # scraped bodies often open with a line break: the paragraphs after it still end an open quote
    assert quote_spans("\nHe said: “We will build it.\nIt will be cheap.") == [(10, 28, False)]


def test_a_quote_opening_the_text_is_cut_at_its_paragraph_end_like_any_other():
    assert quote_spans("“We will build it.\nIt will be cheap.") == [(0, 18, False)]
    assert quote_spans("“We will build it.\nShe said: “No.”") == [(0, 18, False), (29, 34, True)]


# Issue 16, survivors of a seed-501 sample of the quote modules (2026-11-30, branch mutq3).


@pytest.mark.parametrize(
    "text", ['The minister called the plan "\nThe vote is on Monday.', "He said “\nNo.", "He said “", "He said “  "]
)
def test_a_lone_opening_mark_at_the_end_of_its_paragraph_quotes_nothing(text):
    assert quote_spans(text) == []


_LONG_TITLE = "“The New Plan For A Greener And Safer City”"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("“The Plan For A Greener And Safer City”", []), (_LONG_TITLE, [("partial", _LONG_TITLE)])],
)
def test_capitalised_words_in_quote_marks_are_a_title_up_to_eight_words(title, expected):
    # inside a clause, a title of eight words or fewer is a name, no quote; nine capitalised words are a quoted phrase
    text = f"Mayor Ann Lee praised {title} on Monday."
    assert [(q.kind, q.text) for q in find_quotes(text)] == expected


@pytest.mark.parametrize(
    "text, quoted",
    [
        # A straight mark between spaces closes the open quote (a space set between an inner and the outer mark).
        (
            "\"I was insulted by the term 'outreach,' \" he told the group, adding that it was odd.",
            ["\"I was insulted by the term 'outreach,' \""],
        ),
        ('He said " we will win " and left.', ['" we will win "']),
    ],
)
def test_a_straight_mark_between_spaces_closes_an_open_quote(text, quoted):
    assert [text[s:e] for s, e, _ in quote_spans(text)] == quoted


def test_a_closing_mark_that_opens_a_paragraph_opens_a_quote():
    """Some publishing systems open a quoted paragraph with ” ("” … he delivered a mix …,” Barabak wrote."): at a
    paragraph's start a mark closes nothing, so it opens the quote; inside a line it still closes one."""
    text = "Intro.\n\n” … he delivered a mix of orthodoxy and polish,” Barabak wrote."
    start = text.index("”")
    assert quote_spans(text) == [(start, text.index(",”") + 2, True)]
    assert quote_spans("He said “yes” to it.") == [(8, 13, True)]


@given(st.text(alphabet="Ab c1’'of The“”\"«»", max_size=40), st.sampled_from(["“”", '""', "«»", "'’", "’’", "„“"]))
@settings(max_examples=300, deadline=None)
def test_the_words_of_a_span_between_marks_are_those_inside_the_marks(inner, marks):
    # `_attach_loose` reads a quote's words once, marks included, for its title test of the words inside them
    from tracker.extraction.quotemarks import _QUOTE_CHARS, _WORD, _is_title, _title_words

    text = marks[0] + inner + marks[1]
    assert text[0] in _QUOTE_CHARS and text[-1] in _QUOTE_CHARS
    assert _WORD.findall(text, 0, len(text)) == _WORD.findall(text, 1, len(text) - 1)
    assert _title_words(_WORD.findall(text, 0, len(text))) == _is_title(text, 1, len(text) - 1)


def test_title_words_examples():
    from tracker.extraction.quotemarks import _title_words

    assert _title_words(["Shark", "Tank"]) is True
    assert _title_words(["The", "Lord", "of", "the", "Rings"]) is True
    assert _title_words(["Shark"]) is False  # one word is no title
    assert _title_words(["we", "lost"]) is False
    assert _title_words(["A", "B", "C", "D", "E", "F", "G", "H", "I"]) is False  # more than eight words


def test_capitalised_is_the_title_rule_on_random_words():
    """`_capitalised` (a loop) answers what the rule it replaced, `all()` over the words that are not lower-case
    function words, answers."""
    import random

    from tracker.extraction.quotemarks import FUNCTION_WORDS, _capitalised

    rng = random.Random(26)
    pool = ["the", "The", "of", "OF", "and", "Wind", "gone", "5th", "2020", "É", "über", "It", "it", "rose", "Ba"]
    answers = set()
    for _ in range(20000):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 6))]
        expected = all(
            w[0].isupper() or w[0].isdigit() for w in words if w.lower() not in FUNCTION_WORDS or w[0].isupper()
        )
        assert _capitalised(words) is expected, words
        answers.add(expected)
    assert answers == {True, False}
    assert _capitalised(["Gone", "with", "the", "Wind"]) is True
    assert _capitalised(["it", "rose"]) is False


def _mark_role_in_full(text, g, s, e):
    """`_mark_role` as written before its two early answers: every context read first."""
    from tracker.extraction.quotemarks import _CLOSE_GLYPHS, _OPEN_GLYPHS, _QUOTE_CHARS, _at_paragraph_start

    before = text[s - 1] if s else ""
    after = text[e : e + 1]
    space_before = not before or before.isspace()
    space_after = not after or after.isspace()
    opens_ctx = (space_before or before in "([{—–-/") and not space_after
    closes_ctx = not space_before and (space_after or after in ".,;:!?)]}—–-…" or after in _QUOTE_CHARS)
    if g in _OPEN_GLYPHS:
        return "close" if closes_ctx and not opens_ctx else "open"
    if g in _CLOSE_GLYPHS:
        if opens_ctx and not closes_ctx or space_before and _at_paragraph_start(text, s):
            return "open"
        return "close"
    if opens_ctx and not closes_ctx:
        return "open"
    if closes_ctx and not opens_ctx:
        return "close"
    return "open" if space_before else "close"


def test_mark_role_answers_as_the_full_rules_on_random_text():
    """The early answers of `_mark_role` (an opening glyph after a space, a closing one after a letter or a stop)
    are what reading the whole context gives, at every mark of random strings of marks, spaces, line breaks,
    brackets, dashes, stops and letters."""
    import random

    from tracker.extraction.quotemarks import _DOUBLE, _mark_role

    rng = random.Random(27)
    alphabet = [
        "“",
        "”",
        '"',
        "''",
        "``",
        "«",
        "»",
        "„",
        " ",
        " ",
        "\n",
        "\xa0",
        "(",
        "[",
        "—",
        "-",
        "/",
        ".",
        ",",
        "!",
        ")",
        "a",
        "B",
        "’",
        "…",
    ]
    marks = 0
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        for m in _DOUBLE.finditer(text):
            marks += 1
            assert _mark_role(text, m[0], m.start(), m.end()) == _mark_role_in_full(text, m[0], m.start(), m.end()), (
                text
            )
    assert marks > 40_000


def test_bisections_by_a_quotes_start_find_what_the_tuple_bisections_found():
    """The quote helpers bisect the quotes by their starts (`_OPENS`); over random sorted, apart quotes and every
    position they give what the bisections for a `(pos,)` tuple gave."""
    import bisect
    import random

    from tracker.extraction.quotemarks import _ending_by, _first_ending_from, _inside, _quote_at

    rng = random.Random(27)
    for _ in range(500):
        quotes, at = [], 0
        for _ in range(rng.randint(0, 8)):
            at += rng.randint(0, 4)
            end = at + rng.randint(2, 6)
            quotes.append((at, end, rng.random() < 0.5))
            at = end
        for pos in range(at + 3):
            i = bisect.bisect_left(quotes, (pos,))
            assert _quote_at(quotes, pos) == (quotes[i] if i < len(quotes) and quotes[i][0] == pos else None)
            assert _inside(quotes, pos) == (i >= 1 and pos < quotes[i - 1][1] - 1)
            assert _first_ending_from(quotes, pos) == (i - 1 if i and quotes[i - 1][1] >= pos else i)
            assert _ending_by(quotes, pos) == (i if not i or quotes[i - 1][1] <= pos else i - 1)
