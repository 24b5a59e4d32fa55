"""Narration (tracker/extraction/narration.py): where a sentence can be the writer's statement, on texts written
for these tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction.narration import in_spans, may_narrate, transcript_spans


def test_a_labelled_paragraph_is_transcript_and_three_make_the_whole_text_an_interview():
    text = "The ferry sank near the reef.\n\n((Lena Orr)) The water came in fast.\n\nRescuers arrived at dawn."
    spans = transcript_spans(text)
    assert spans == [(31, 67)]
    assert text[31:67] == "((Lena Orr)) The water came in fast."
    assert not in_spans(spans, 0) and in_spans(spans, 44) and not in_spans(spans, 69)
    text = "Q: When did it open?\n\nA: In 1998.\n\nIt grew quickly after that year.\n\nPIERS KANE: It did."
    assert transcript_spans(text) == [(0, len(text))]
    text = "The writer met the owner.\n\n" + text
    assert transcript_spans(text) == [(27, len(text))]
    assert text[27:29] == "Q:"


def test_an_update_or_note_label_is_no_speaker():
    text = "Update: the road reopened.\n\nNote: figures are provisional.\n\nEditor's note: none.\n\nThe end."
    assert transcript_spans(text) == []


def test_first_or_second_person_captions_and_fragments_are_no_narration():
    assert may_narrate("The harbour board approved the new pier on Monday.")
    assert not may_narrate("We approved the new pier on Monday.")
    assert not may_narrate("The board gave you the new pier on Monday.")
    assert not may_narrate("Kite festival on the beach. Image: Tomas Ruiz.")
    assert not may_narrate("The pier opened.")
    assert may_narrate('The board chair wrote "we are thrilled" in a letter.')
    assert may_narrate("The US Navy towed the barge to the port.")


def test_a_roman_numeral_i_is_no_first_person():
    assert may_narrate("The museum holds a tank from World War I near the gate.")
    assert not may_narrate("Later that year I moved the museum to the harbour.")
    assert not may_narrate("Kade and I moved the museum to the harbour.")


# Issue 16, survivors of the seed-211 sample and of the seed-503 sample (2026-11-30, branch mutattr).


@pytest.mark.parametrize(
    "label", ["Editor's Note:", "Editors Note:", "See Also:", "Photo Credit:", "Image Source:", "Update Two:"]
)
def test_a_label_of_several_words_opening_with_a_non_speaker_word_is_no_speaker(label):
    """The first word of a label decides: "Editor's Note:" names no speaker, as "Note:" does not."""
    text = f"{label} the figures were corrected on Monday.\n\nThe mayor left the town hall early."
    assert transcript_spans(text) == []


def test_a_label_of_several_capitalised_words_names_a_speaker():
    text = "The mayor spoke to us.\n\nMayor Ann Lee: We will rebuild the bridge."
    assert transcript_spans(text) == [(24, len(text))]
    assert text[24:38] == "Mayor Ann Lee:"


def test_a_span_holds_its_first_character_and_not_the_one_after_it():
    text = "The ferry sank near the reef.\n\n((Lena Orr)) The water came in fast.\n\nRescuers arrived at dawn."
    spans = transcript_spans(text)
    assert spans == [(31, 67)]
    assert [in_spans(spans, pos) for pos in (30, 31, 66, 67)] == [False, True, True, False]


@pytest.mark.parametrize(
    ("chunk", "narrates"),
    [
        ("The council voted 5:2 to close the pool on Monday.", True),  # a colon without a caption label
        ("The ratio was 3:1 in favour of the plan.", True),
        ("Ferry at the pier. Photo: Tomas Ruiz for the board.", False),
        # a quote is set aside, but what stands after it is still read: "I" here is the writer's
        ('The board wrote "we are thrilled" I believe, in a letter.', False),
        ('The board wrote "we are thrilled" in a letter.', True),
    ],
)
def test_what_may_be_the_writers_statement(chunk, narrates):
    assert may_narrate(chunk) is narrates


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "I",
                "We",
                "we",
                "us",
                "You",
                "your",
                "World",
                "War",
                "Bab",
                "saw",
                "it",
                "rise",
                '"',
                "“",
                "”",
                ":",
                "Image:",
                ".",
                ",",
                "me",
                "Ian",
                "US",
            ]
        ),
        max_size=12,
    )
)
def test_the_person_test_skips_the_quote_substitution_and_the_scan_only_where_they_find_nothing(words):
    # may_narrate substitutes the quoted text only when a quote mark opens it, and scans for person words only
    # after one is found: the same answer as substituting and scanning every sentence.
    from tracker.extraction.narration import _PERSON, _QUOTED, MIN_WORDS, _numeral

    chunk = " ".join(words)
    plain = _QUOTED.sub(" ", chunk)
    expected = (
        len(chunk.split()) >= MIN_WORDS
        and not (":" in chunk and "Image:" in chunk)
        and not any(m.group() != "I" or not _numeral(plain, m.start()) for m in _PERSON.finditer(plain))
    )
    assert may_narrate(chunk) == expected
