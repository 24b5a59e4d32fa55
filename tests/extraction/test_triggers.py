"""Where figures and dates can begin, and the bound on how many numbers of one sentence they are looked for among."""

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
