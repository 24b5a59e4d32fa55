"""Clause shape (tracker/extraction/clause_shape.py): a finite verb after a subject, or an object, after a cue."""

from __future__ import annotations

import pytest

from tracker.extraction.clause_shape import _aux_after_subject, _finite_soon, _past
from tracker.extraction.quotes import find_quotes_raw
from tracker.extraction.sentences import sentences


@pytest.mark.parametrize(
    ("words", "finite"),
    [
        ("the cockpit voice recorder was recovered", True),
        ("the carrier owns two cargo planes", True),
        ("the museum opens the east wing in May", True),
        ("a new mechanism by which warm currents erode ice", False),
        ("the sales figures for the year", False),
        ("a way through the law, which gives the council power", False),
    ],
)
def test_a_finite_verb_after_a_subject_makes_a_clause(words, finite):
    assert _finite_soon(words, 0, len(words)) is finite


def test_a_bare_noun_subject_then_an_auxiliary_is_a_clause():
    assert _aux_after_subject("costs have risen sharply", 0, 24) is True
    assert _aux_after_subject("the body in a field", 0, 19) is False


def test_a_past_form_is_a_past_and_a_present_one_is_not():
    assert (_past("remarked"), _past("found"), _past("states")) == (True, True, False)


def test_a_present_verb_is_judged_by_the_word_after_one_space():
    # "uses" after a subject noun is a verb when a determiner follows it; the word after is found past the
    # space, from the verb's end (neither before it nor a character into the next word)
    assert _finite_soon("the aircraft uses the A300 engine.", 0, 34) is True
    assert _finite_soon("the aircraft uses fuel sparingly.", 0, 33) is False


# Issue 16, survivors of the seed-103 mutation sample of the quote modules (2026-11-30, branch mutquote).


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The agency reported the bridge collapsed.", "the bridge collapsed"),
        ("The agency reported the old bridge collapsed, killing two.", "the old bridge collapsed, killing two"),
        ("The coast guard confirmed the ferry capsized; nobody was hurt.", "the ferry capsized"),
        ("The agency reported the bridge collapsed in the storm.", "the bridge collapsed in the storm"),
    ],
)
def test_a_past_verb_ending_its_clause_after_a_subject_makes_a_weak_cues_object_a_report(text, content):
    # "reported", "confirmed" report a clause only when a verb follows its subject: an -ed verb followed by a stop,
    # a comma or a function word is one ("reported the accredited reporter" is an object)
    assert [(q.kind, q.text) for q in find_quotes_raw(text, sentences(text))] == [("indirect", content)]
    assert find_quotes_raw("The agency reported the accredited reporter.") == []


def test_a_plural_noun_after_a_plural_noun_is_no_verb_before_its_object():
    # "volumes" after "sales" is the head of a noun phrase, not a verb as in "the carrier owns two planes", so
    # "reported" has an object here, not a clause
    text = "The agency reported the sales volumes this quarter."
    assert find_quotes_raw(text, sentences(text)) == []


@pytest.mark.parametrize(
    "words, expected",
    [("costs rising in May", False), ("costs may rise", True), ("costs May rise", False), ("costs will rise", True)],
)
def test_the_month_may_is_no_auxiliary(words, expected):
    assert _aux_after_subject(words, 0, len(words)) is expected


# Issue 16, survivors of the seed-503 sample (2026-11-30, branch mutattr).


@pytest.mark.parametrize(
    ("words", "clause"),
    [
        ("costs have risen sharply", True),
        ("toilet paper is a bulky item", True),
        ("oxygen levels throughout Mars would be low", True),
        ("the body in a field", False),  # a determiner first: an object
        ("higher costs", False),  # the words end before an auxiliary comes
        ("costs rising in June", False),
        ("five new bulky paper towel rolls are here", False),  # more than five words before the auxiliary
        ("costs; they have risen", False),  # a semicolon ends the subject
    ],
)
def test_a_bare_subject_of_up_to_five_words_then_an_auxiliary_is_a_clause(words, clause):
    assert _aux_after_subject(words, 0, len(words)) is clause
