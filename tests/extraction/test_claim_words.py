"""A clause's tokens: the fast split (translate and split, the regex only for words with an apostrophe) makes the
same tokens as the regex scan it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction.claim_words import _TOKEN, _Tokens, _words


def test_words_keep_apostrophes_inside_words_only():
    low = "'we don't' rock'n'roll it''s 90's o'-neil café x_y 3.5% ﬁne i̇stanbul"
    assert _words(low) == [
        "we",
        "don't",
        "rock'n",
        "roll",
        "it",
        "s",
        "90's",
        "o",
        "neil",
        "caf",
        "x",
        "y",
        "3",
        "5",
        "ne",
        "i",
        "stanbul",
    ]
    assert _words(low) == _TOKEN.findall(low)


def test_tokens_of_a_clause_with_curly_apostrophes_and_non_words():
    t = _Tokens("Officials didn’t say it’s non-essential, the “report” showed")
    assert t.list == ["officials", "didn't", "say", "it's", "nonessential", "the", "report", "showed"]
    assert t.joined == " officials didn't say it's nonessential the report showed "
    assert t.cues == {"reporting verb"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab9'’ -_.éİ\n\t“\"ﬁ"), max_size=40))
def test_words_are_the_regex_tokens(text):
    low = text.lower().replace("’", "'")
    assert _words(low) == _TOKEN.findall(low)
