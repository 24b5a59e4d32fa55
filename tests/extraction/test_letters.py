"""Capitals beyond ASCII: names in every Latin alphabet are names, and a sentence opening with one is split."""

from __future__ import annotations

import re

import pytest

from tracker.extraction.entities import find_entities
from tracker.extraction.letters import CAPITALS, _as_ranges, caps
from tracker.extraction.pipeline import extract
from tracker.extraction.sentences import sentences


def test_caps_widens_a_class_to_exactly_the_latin_capitals():
    pattern = re.compile(caps(r"[A-Z]"))
    every = (chr(c) for c in range(0x3000))
    assert {c for c in every if pattern.fullmatch(c)} == CAPITALS
    assert {"A", "Z", "É", "Ł", "Ž", "Ş", "İ", "Đ", "Ǆ", "Ễ"} <= CAPITALS
    assert not {"a", "ł", "ß", "1", "Ж", "Σ", "×"} & CAPITALS  # lower case, digits, other scripts, signs
    assert caps(r"[a-z]") == r"[a-z]"  # only "A-Z" is widened


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Łukasz Żak said the mine would close.", "Łukasz Żak"),
        ("Commission Vice-President Maroš Šefčovič said the talks would resume.", "Maroš Šefčovič"),
        ("İbrahim Kalın said the missiles would stay in place.", "İbrahim Kalın"),
        ("Novak Đoković said he would play in May.", "Novak Đoković"),
        ("“The deal is off,” said Şebnem Korur.", "Şebnem Korur"),
    ],
)
def test_a_name_opening_with_a_capital_outside_ascii_is_the_whole_name(text, speaker):
    assert [q.speaker.name for q in extract(text).quotes] == [speaker]


def test_a_surname_alone_outside_ascii_joins_the_full_name():
    text = "Ľubica Šimková said the mine would close. Šimková added that it was too late."
    assert [q.speaker.name for q in extract(text).quotes] == ["Ľubica Šimková", "Ľubica Šimková"]


def test_a_sentence_opening_with_a_capital_outside_ascii_is_split():
    text = "The talks ended. Żak left. Ünal stayed."
    assert [text[s:e] for s, e in sentences(text)] == ["The talks ended.", "Żak left.", "Ünal stayed."]


def test_names_outside_ascii_are_entities_and_other_scripts_are_not():
    got = [e.text for e in find_entities("Met Éireann warned Selin Çakır. Свою долю взяли.")]
    assert got == ["Met Éireann", "Selin Çakır"]


@pytest.mark.parametrize(
    "chars, body",
    [("a", "a"), ("ace", "ace"), ("abc", "a-c"), ("abcx", "a-cx"), ("xyzabc", "a-cx-z"), ("-]", r"\-\]")],
)
def test_a_class_body_joins_consecutive_letters_as_ranges_and_escapes_the_rest(chars, body):
    assert _as_ranges(frozenset(chars)) == body
