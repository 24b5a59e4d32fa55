"""Where figures and dates can begin, and the bound on how many numbers of one sentence they are looked for among."""

import pytest

from tracker.extraction.sentences import sentences
from tracker.extraction.triggers import MAX_NUMBERS, triggers


def test_tokens_a_figure_or_a_date_can_begin_with():
    text = "About 5 people left on May 3, 2020."
    dates, figures, numbers = triggers(text, 0, len(text))
    assert [text[s:e] for s, e in dates] == ["5", "May", "3", "2020"]
    assert [text[s : s + 5] for s in figures] == ["About", "5 peo", "3, 20", "2020."]
    assert [text[s : s + 2] for s in numbers] == ["5 ", "3,", "20"]


def test_a_sentence_past_the_bound_keeps_the_tokens_before_its_bounded_number():
    """Sentences with at most MAX_NUMBERS numbers keep every token; in a longer one, the tokens from its
    (MAX_NUMBERS + 1)-th number to its end are left out, and the next sentence is whole again."""
    long = "It rose " + "5 " * (MAX_NUMBERS + 50) + "in May."
    text = "It rose 5 in May. " + long + " It fell 7 in June."
    spans = sentences(text)
    assert len(spans) == 3
    dates, figures, numbers = triggers(text, 0, len(text), spans)
    assert len(numbers) == 1 + MAX_NUMBERS + 1
    assert numbers[-1] == text.index("7 in June")
    assert [text[s:e] for s, e in dates] == ["5", "May"] + ["5"] * MAX_NUMBERS + ["7", "June"]
    _, all_figures, all_numbers = triggers(text, 0, len(text))
    cut = all_numbers[1 + MAX_NUMBERS]  # the long sentence's (MAX_NUMBERS + 1)-th number
    assert figures == [s for s in all_figures if s < cut or s >= spans[1][1]]
    assert len(all_figures) - len(figures) == 50 + 1  # its last 50 numbers and "in" (before "May")
    short = "It rose " + "5 " * MAX_NUMBERS + "in May."
    assert triggers(short, 0, len(short), sentences(short)) == triggers(short, 0, len(short))


def test_a_text_denser_in_numbers_than_prose_keeps_the_tokens_of_its_budget():
    """Short sentences of numbers (a table pasted as text) pass the bound per sentence; the text as a whole keeps
    its first max(MIN_NUMBERS, characters // CHARS_PER_NUMBER) numbers and no token after the first it drops."""
    from tracker.extraction.triggers import CHARS_PER_NUMBER, MIN_NUMBERS

    text = "5 5 5 5 5. " * 2000  # 10,000 numbers in 22,000 characters
    spans = sentences(text)
    budget = max(MIN_NUMBERS, len(text) // CHARS_PER_NUMBER)
    assert budget == 1375
    dates, figures, numbers = triggers(text, 0, len(text), spans)
    _, _, all_numbers = triggers(text, 0, len(text))
    assert numbers == all_numbers[:budget]
    assert figures == numbers and dates == [(s, s + 1) for s in numbers]
    small = "5 5 5 5 5. " * 100  # 500 numbers: under MIN_NUMBERS, all kept
    assert triggers(small, 0, len(small), sentences(small)) == triggers(small, 0, len(small))
    prose = "In 2020, 5 of the 12 members of the council voted for it. " * 2000  # one number per 20 characters
    assert triggers(prose, 0, len(prose), sentences(prose)) == triggers(prose, 0, len(prose))


def test_ordinals_come_from_the_token_pass_as_whole_lower_case_words():
    from tracker.extraction.triggers import forget, ordinals

    text = "The third vote, a Third way, thirds, 5fifth and x-sixth; twentieth\nseventh."
    words = ["third", "fifth", "sixth", "twentieth", "seventh"]  # "fifth" after a digit: _ordinals checks that
    assert ordinals(text, 0, len(text)) == [text.index(w) for w in words]
    assert ordinals(text, 10, 56) == [text.index("fifth"), text.index("sixth")]
    forget()
    assert ordinals("\u0130t was the \u212a second try", 0, 26) == [13]  # the slow path (lower-casing moves letters)


# Mutation pass (branch mutfig, seed 101)
def test_the_bounded_tokens_kept_for_one_range_are_not_served_for_another_with_the_same_sentences():
    """The bounded tokens are kept for the last (tokens, sentences) pair: a claim's range of the same text, asked
    with the same sentence list, gets its own tokens, not the whole text's."""
    from tracker.extraction.triggers import forget

    first = "Totals were " + "5 " * (MAX_NUMBERS + 50) + "in all."
    second = "Counts were " + "7 " * (MAX_NUMBERS + 50) + "in all."
    text = first + " " + second
    spans = sentences(text)
    assert len(spans) == 2
    a, b = spans[1]
    forget()
    whole = triggers(text, 0, len(text), spans)
    part = triggers(text, a, b, spans)
    assert len(whole[2]) == 2 * MAX_NUMBERS and whole[2][0] == text.index("5 ")
    assert len(part[2]) == MAX_NUMBERS and part[2][0] == text.index("7 ")
    assert all(a <= s < b for s in part[1])
    forget()


def test_a_date_word_glued_to_an_underscore_is_no_trigger():
    text = "See file_May and the May report."
    dates, _, _ = triggers(text, 0, len(text))
    assert [(s, text[s:e]) for s, e in dates] == [(text.rindex("May"), "May")]


# Mutation pass (branch mutattr, seed 503)
def _token_words(text, starts, shift):
    """The whitespace-delimited text from each start, which says what was found and where it begins."""
    return [text[s : (text.find(" ", s) + 1 or len(text) + 1) - 1] for s in (s + shift for s in starts)]


@pytest.mark.parametrize("prefix", ["", "\u0130 "], ids=["fast", "lower-casing-moves-offsets"])
@pytest.mark.parametrize(
    ("text", "dates", "figures", "numbers"),
    [
        # a word opening a text that ends on a letter (no stop) is still a whole word
        ("About 5 people left", ["5"], ["About", "5"], ["5"]),
        # a figure begins at a decimal point before its digits, never at the full stop after them
        (
            "Rain was .5 mm, against 7. In 2020 it fell",
            ["5", "7", "2020"],
            [".5", "7.", "In", "2020"],
            ["5", "7.", "2020"],
        ),
        # a date word glued to an underscore is part of an identifier; the free-standing one is a date word
        ("See file_May and the May report.", ["May"], [], []),
        (
            "Nearly 40 fell on Monday and 3.5 more last week",
            ["40", "Monday", "3", "5", "last", "week"],
            ["Nearly", "40", "3.5", ".5", "more"],
            ["40", "3.5", "5"],
        ),
        # a word at the text's start, "z" included; a date word opening a text that ends on a letter
        ("Zero people died", [], ["Zero"], ["Zero"]),
        ("Flat 5a, room 2zero", ["5", "2"], ["5a,", "a,", "2zero", "zero"], ["5a,", "2zero", "zero"]),
        ("March rain fell in Izmir", ["March"], ["in"], []),
        # currency signs open figures, and so does a word right after a number or a sign ("5bn", "US$")
        (
            "It cost $5bn and €3 in April, up from US$2 last year.",
            ["5", "3", "April", "2", "last", "year"],
            ["$5bn", "5bn", "€3", "3", "in", "up", "from", "US$2", "$2", "2"],
            ["5bn", "3", "2"],
        ),
        # number words in any case, each half of a hyphenated one; "Day" capitalised is no date word
        (
            "Twenty-five died on Christmas Day; hundreds fled by Tuesday.",
            ["Christmas", "Tuesday"],
            ["Twenty-five", "five", "hundreds"],
            ["Twenty-five", "five", "hundreds"],
        ),
        (
            "Rs 300 crore was paid in the third quarter, about half of it yesterday.",
            ["300", "yesterday"],
            ["Rs", "300", "in", "about", "half"],
            ["300"],
        ),
        (
            "Between 2 and 3.5 million, more than a dozen, Sept. 9",
            ["2", "3", "5", "Sept", "9"],
            ["Between", "2", "3.5", ".5", "million,", "more", "a", "dozen,", "9"],
            ["2", "3.5", "5", "million,", "dozen,", "9"],
        ),
    ],
)
def test_both_token_passes_find_the_same_tokens(prefix, text, dates, figures, numbers):
    """A text whose lower-casing moves offsets ("İ" becomes two characters) takes the slow token pass; it finds
    what the fast one finds, at the same places."""
    from tracker.extraction.triggers import forget, ordinals

    full = prefix + text
    forget()
    got_dates, got_figures, got_numbers = triggers(full, 0, len(full))
    forget()
    shift = -len(prefix)
    assert [full[s:e] for s, e in got_dates] == dates
    assert [text[s + shift : e + shift] for s, e in got_dates] == dates
    assert _token_words(text, got_figures, shift) == figures
    assert _token_words(text, got_numbers, shift) == numbers
    ordinals_found = ordinals(full, 0, len(full))
    forget()
    assert _token_words(text, ordinals_found, shift) == (["third"] if " third " in text else [])


@pytest.mark.parametrize(("text", "start"), [("Xone two", 1), ("Zone two", 1), ("Aten two", 1)])
def test_a_range_starting_inside_a_word_takes_no_word_from_its_middle(text, start):
    """triggers(text, start, …) with start inside a word ("Zone"): "one" there is the tail of a word, not a figure."""
    from tracker.extraction.triggers import forget

    forget()
    assert triggers(text, start, len(text)) == ([], [text.index(" two") + 1], [text.index(" two") + 1])
    forget()


@pytest.mark.parametrize("prefix", ["", "\u0130 "], ids=["fast", "lower-casing-moves-offsets"])
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tenth in line", 0, 3),  # the range ends inside a word: its words are those of the slice
        ("It rose 5tenth", 0, 12),  # … and inside a word right after a number
        ("About 5 people left", 0, 19),
        ("It fell by ten percent in May.", 3, 14),
        ("It fell by ten percent in May.", 11, 30),  # the range opens on a trigger word after a space
        ("Sales: 5bn in March, seventy in April", 7, 37),
        ("Sales: 5bn in March, seventy in April", 7, 30),
        ("Sales: 5bn in March, seventy in April", 7, 9),  # the range ends before the figure is whole
        ("See file_one and two", 9, 20),  # the range opens after an underscore
        ("See item-one and two", 9, 20),
        ("Rain of .5 in May", 9, 17),  # the range opens on digits after a point left outside it
    ],
)
def test_the_tokens_of_a_range_from_a_word_start_are_those_of_its_slice(prefix, text, start, end):
    """A range opening at a word's start holds the tokens text[start:end] would hold alone, at the same places."""
    from tracker.extraction.triggers import forget

    full, start, end = prefix + text, start + len(prefix), end + len(prefix)
    forget()
    whole = triggers(full, start, end)
    forget()
    alone = triggers(full[start:end], 0, end - start)
    forget()
    assert whole[0] == [(s + start, e + start) for s, e in alone[0]]
    assert whole[1] == [s + start for s in alone[1]]
    assert whole[2] == [s + start for s in alone[2]]
    assert whole != ([], [], [])


def test_an_empty_range_at_the_text_end_holds_no_token():
    from tracker.extraction.triggers import forget

    forget()
    assert triggers("It rose 5", 9, 9) == ([], [], [])
    assert triggers("It rose by ten", 14, 14) == ([], [], [])
    forget()


def test_the_tokens_kept_for_one_text_are_never_served_for_another():
    """The token pass keeps its answer for the last (text, start, end) asked; asking for texts by turns, on the
    fast pass and the slow one ("İ" moves offsets), gives each its own tokens every time."""
    from tracker.extraction.triggers import forget

    texts = ["Nearly 40 fell on Monday.", "\u0130 About 7 left in May.", "Some 300 came last week."]
    forget()
    first = [triggers(t, 0, len(t)) for t in texts]
    assert [[t[s : s + 2] for s in numbers] for t, (_, _, numbers) in zip(texts, first, strict=True)] == [
        ["40"],
        ["7 "],
        ["30"],
    ]
    for x in range(3):
        for y in range(3):
            for k in (x, y, x):  # "a, b, a": the second "a" must not get b's tokens
                assert triggers(texts[k], 0, len(texts[k])) == first[k]
    forget()


@pytest.mark.parametrize("text", ["March rain fell in Izmir", "March rain fell in \u0130zmir"])
def test_a_date_word_opening_a_text_is_a_date_word_on_either_pass(text):
    from tracker.extraction.triggers import forget

    forget()
    dates, figures, _ = triggers(text, 0, len(text))
    forget()
    assert [text[s:e] for s, e in dates] == ["March"]
    assert [text[s : s + 2] for s in figures] == ["in"]


def _numbers_text(long_numbers, short_sentences):
    """A sentence of `long_numbers` numbers, then short sentences of five numbers each (a table run together)."""
    return "Totals were " + "5 " * long_numbers + "in all. " + "7 7 7 7 7. " * short_sentences


def test_the_text_budget_counts_the_numbers_a_long_sentence_keeps():
    """Over the text's budget, its first `budget` numbers are kept counting only those the per-sentence bound
    leaves: the long sentence's first MAX_NUMBERS, then the table's, up to 500 in all."""
    from tracker.extraction.triggers import MIN_NUMBERS, forget

    text = _numbers_text(150, 120)  # 150 + 600 numbers in about 1,600 characters: the budget is MIN_NUMBERS
    spans = sentences(text)
    forget()
    _, _, every = triggers(text, 0, len(text))
    forget()
    _, _, kept = triggers(text, 0, len(text), spans)
    assert len(every) == 750 and MIN_NUMBERS == 500
    assert kept == every[:MAX_NUMBERS] + every[150 : 150 + MIN_NUMBERS - MAX_NUMBERS]
    assert triggers(text, 0, len(text), spans) == triggers(text, 0, len(text), spans)  # asked again: the same
    one_span = [(0, len(text))]  # the same tokens with other sentences: bounded anew, not the kept answer
    _, _, kept_whole = triggers(text, 0, len(text), one_span)
    assert kept_whole == every[:MAX_NUMBERS]
    forget()


def test_numbers_that_fill_the_budget_exactly_are_all_kept():
    from tracker.extraction.triggers import MIN_NUMBERS, forget

    text = _numbers_text(150, 80)  # the long sentence keeps 100, the table adds 400: 500 kept of 550
    spans = sentences(text)
    forget()
    _, _, every = triggers(text, 0, len(text))
    forget()
    _, _, kept = triggers(text, 0, len(text), spans)
    forget()
    assert len(every) == 550
    assert kept == every[:MAX_NUMBERS] + every[150:] and len(kept) == MIN_NUMBERS


def test_a_ranges_budget_counts_the_characters_of_the_range_only():
    """A table after a long stretch of prose: asked for the table's range, the budget is that range's
    (MIN_NUMBERS here), not one grown by the prose before it."""
    from tracker.extraction.triggers import MIN_NUMBERS, forget

    prose = "The council met and talked at length. " * 450  # 17,100 characters, no number
    table = "7 7 7 7 7. " * 200  # 1,000 numbers in 2,200 characters
    text = prose + table
    start, end = len(prose), len(text)
    spans = sentences(text)
    forget()
    _, _, every = triggers(text, start, end)
    forget()
    _, _, kept = triggers(text, start, end, spans)
    forget()
    assert len(every) == 1000
    assert kept == every[:MIN_NUMBERS]
