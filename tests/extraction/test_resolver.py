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


def test_a_team_and_et_al_name_the_lead_with_colleagues_and_they_points_at_the_latest_team():
    text = (
        "Marine geologist Rosa Lindqvist of the Baltic Institute and colleagues mapped the seabed last year. "
        "Lindqvist et al found that the shelf was sinking. "
        "In 2015, Okonkwo et al showed that the current had slowed. "
        "They said that the water was warmer. "
        "Lindqvist et al reported that the trend would go on. "
        "They said that the ice would thin."
    )
    assert speakers(text) == [
        ("Lindqvist et al", "Rosa Lindqvist and colleagues"),
        ("Okonkwo et al", "Okonkwo et al"),
        ("They", "Okonkwo et al"),
        ("Lindqvist et al", "Rosa Lindqvist and colleagues"),
        ("They", "Rosa Lindqvist and colleagues"),
    ]


def test_an_unnamed_source_group_never_quoted_is_who_they_and_the_scientists_are():
    text = (
        "Researchers from the Polar Institute (PI) in Oslo and the University of Bergen measured a new current. "
        "They said that it carried warm water. "
        "What the scientists call a hidden river flows under the shelf, they said."
    )
    names = {name for _, name in speakers(text)}
    assert names == {"Researchers from the Polar Institute (PI) in Oslo and the University of Bergen"}


def test_a_group_that_filed_a_document_is_its_author():
    text = (
        "Attorneys general from nine states filed a lawsuit against the new rule on Monday. "
        "The motion claims the rule breaks federal law."
    )
    assert speakers(text) == [("The motion", "Attorneys general from nine states")]


def test_the_document_names_the_author_it_was_credited_to_before():
    text = (
        "The Queen agreed to the request of Prime Minister Jan Ode to close the assembly. "
        "Critics said the move was a scandal. "
        "The request said the assembly would meet again in May."
    )
    assert speakers(text)[-1] == ("The request", "Jan Ode")
