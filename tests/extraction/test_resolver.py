"""Speaker resolution across an article: later mentions ("they", "she", a bare surname) point back at the speaker
a reader would name. Sentences written for these tests."""

import pytest

from tracker.extraction.pipeline import extract


def speakers(text):
    return [(q.kind, q.speaker.name, q.speaker.mention, q.speaker.kind) for q in extract(text).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Critics say the dam is unsafe. “It will fail within a decade,” they said.",
            [("indirect", "Critics", "Critics", "anonymous"), ("direct", "Critics", "they", "anonymous")],
        ),
        (
            "Businessman Don Blankenship said the mine was safe. “It was safe,” Blankenship said.",
            [
                ("indirect", "Don Blankenship", "Businessman Don Blankenship", "person"),
                ("direct", "Don Blankenship", "Blankenship", "person"),
            ],
        ),
        (
            "Maria Lopez, the mayor, said the dam was safe. “It is safe,” she said.",
            [("indirect", "Maria Lopez", "Maria Lopez", "person"), ("direct", "Maria Lopez", "she", "person")],
        ),
    ],
)
def test_later_mentions_point_back_at_the_named_speaker(text, expected):
    assert speakers(text) == expected


def test_a_role_word_opening_a_name_is_its_role():
    text = "Businessman Don Blankenship said the mine was safe."
    assert [(q.speaker.name, q.speaker.role) for q in extract(text).quotes] == [("Don Blankenship", "Businessman")]
