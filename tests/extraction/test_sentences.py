from hypothesis import given
from hypothesis import strategies as st

from tracker.extraction.sentences import paragraphs, sentences


def texts(text):
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_and_initials_do_not_split():
    t = "Mr. Smith met Dr. J. Jones in the U.S. Senate on Jan. 5. They talked."
    assert texts(t) == ["Mr. Smith met Dr. J. Jones in the U.S. Senate on Jan. 5.", "They talked."]


def test_closing_quote_ends_sentence():
    t = 'He said: "It is bad. We want X." Then he left! Why? It was 3 p.m. Monday.'
    assert texts(t) == ['He said: "It is bad.', 'We want X."', "Then he left!", "Why?", "It was 3 p.m. Monday."]


def test_no_sentence_crosses_a_paragraph():
    t = "First line without stop\nSecond line. Third sentence.\n\n  Fourth.  "
    assert texts(t) == ["First line without stop", "Second line.", "Third sentence.", "Fourth."]
    assert [t[s:e] for s, e in paragraphs(t)] == ["First line without stop", "Second line. Third sentence.", "Fourth."]


def test_blank_line_paragraph_mode():
    t = "wrapped line one\nline two\n\nnext paragraph"
    assert [t[s:e] for s, e in paragraphs(t, single_newline=False)] == ["wrapped line one\nline two", "next paragraph"]


@given(st.text())
def test_spans_are_ordered_inside_and_trimmed(text):
    last = 0
    for s, e in sentences(text):
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_a_dotted_acronym_not_in_the_table_does_not_split():
    t = "She joined the Z.Q. Group in May. It grew fast."
    assert texts(t) == ["She joined the Z.Q. Group in May.", "It grew fast."]
