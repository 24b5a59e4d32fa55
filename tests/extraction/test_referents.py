"""Who a pronoun can point at (tracker/extraction/referents.py): the gender a title, role word or first name gives,
and the teams and unnamed source groups of a text, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tracker.extraction.referents import gender_of, team_mentions


@pytest.mark.parametrize(
    "name, role, mention, gender",
    [
        ("Kim Lee", "Spokeswoman", None, "f"),  # a role word
        ("Kim Lee", "chairman, board", None, "m"),  # a role word before a comma
        ("Kim Lee", None, "Mrs. Kim Lee", "f"),  # an honorific in the mention
        ("Kim Lee", None, "Mr. Kim Lee", "m"),
        ("Kim Lee", None, "Queen Kim Lee", "f"),
        ("Kim Lee", None, "King Kim Lee", "m"),
        ("Mary Lee", None, None, "f"),  # a common first name
        ("James Lee", None, None, "m"),
        ("Kim Lee", None, None, None),  # neither: unknown
        ("", None, None, None),
        ("Mary Lee", "Spokesman", None, "m"),  # the role word wins over the first name
    ],
)
def test_gender_from_a_role_word_a_title_or_a_first_name(name, role, mention, gender):
    assert gender_of(name, role, mention) == gender


def test_teams_and_unnamed_source_groups_of_a_text():
    text = (
        "Jane Kim of the Polar Institute and colleagues found ice. Kim et al. said so. "
        "Ana de Souza and her colleagues agreed. "
        "Researchers from the University of Colorado (CU) and the College of Wooster said. "
        "Attorneys general from sixteen states sued. Mr. Mendes et. al wrote."
    )
    assert team_mentions(text) == [
        (0, "Jane Kim", "Jane Kim of the Polar Institute and colleagues"),
        (58, "Kim", "Kim et al."),
        (78, "Ana de Souza", "Ana de Souza and her colleagues"),
        (248, "Mendes", "Mendes et. al"),
        (118, "", "Researchers from the University of Colorado (CU) and the College of Wooster"),
        (200, "", "Attorneys general from sixteen states"),
    ]


def test_a_text_without_a_team_or_source_group_has_none():
    assert team_mentions("The mayor said the bridge was safe. Critics disagreed.") == []


# Issue 16, mutation pass on the resolver and names (seed 502, branch mutres).


@pytest.mark.parametrize(
    "text, expected",
    [
        # a source noun after another word is a source group from its own first letter
        ("Marine researchers from the Ocean Institute said so.", [(7, "", "researchers from the Ocean Institute")]),
        ("He said scientists at the Polar Institute agreed.", [(8, "", "scientists at the Polar Institute")]),
        ("(Doctors with Oxfam) agreed.", [(1, "", "Doctors with Oxfam")]),
        # the noun must be a whole word: the end of a hyphenated word or a run of letters and digits is not one
        ("Co-researchers from the Ocean Institute said so.", []),
        ("The non-experts at the Polar Institute said so.", []),
        ("The B2researchers from the Ocean Institute said so.", []),
        ("Ana Lima and co-authors from the Ocean Institute said so.", []),  # not a source noun
    ],
)
def test_an_unnamed_source_group_opens_at_a_whole_source_noun(text, expected):
    assert team_mentions(text) == expected


@pytest.mark.parametrize("space", ["\u00a0", "\t"])
def test_et_al_after_a_no_break_space_or_a_tab_is_a_team(space):
    assert team_mentions(f"Work by Rosa Lindqvist et{space}al was cited.") == [
        (8, "Rosa Lindqvist", f"Rosa Lindqvist et{space}al")
    ]
