"""Speaker resolution (tracker/extraction/resolver.py): mentions resolved to names, on articles written for these
tests."""

from __future__ import annotations

from tracker.extraction.quotes import find_quotes_raw
from tracker.extraction.sentences import sentences


def speakers(text):
    return [(q.speaker.mention, q.speaker.name) for q in find_quotes_raw(text, sentences(text)) if q.speaker]


def test_the_statement_names_the_author_of_the_statement_quoted_before():
    text = (
        "According to a statement released by the Premier's office, the border will open on Monday. "
        "The BBC said traffic was light. "
        "The Danish statement called for the ferries to be checked first."
    )
    assert speakers(text)[-1] == ("The Danish statement", "Premier's office")


def test_a_statement_issued_since_takes_over():
    text = (
        "According to a statement released by the Premier's office, the border will open on Monday. "
        "The Harbour Authority released a statement on Tuesday. "
        "The statement said the ferries would be checked first."
    )
    assert speakers(text)[-1] == ("The statement", "Harbour Authority")
