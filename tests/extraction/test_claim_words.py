"""A clause's tokens: the fast split (translate and split, the regex only for words with an apostrophe) makes the
same tokens as the regex scan it replaced."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction.claim_words import _TOKEN, _Tokens, _words, token_runs


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


# Issue 16, survivors of a seed-107 mutation sample of the claim modules (2026-11-30, branch mutclaim).


@pytest.mark.parametrize(
    "text",
    [
        "Please stay away from the river banks.",
        "Imagine a city without cars.",
        "Listen to the people of the valley.",
        "Remember the victims of the flood.",
        "Consider the cost of doing nothing.",
        "Vote for the new bridge on Sunday.",
        "Join the march against the dam.",
        "Stop the eviction of the families.",
        "Help the families who lost their homes.",
        "Give the farmers their land back.",
        "Tell the minister what you think.",
        "Raise the minimum wage for nurses.",
        "Let us build a better city together.",
        "Look at the state of the roads.",
        "Think about the children of the valley.",
        "Don't believe the rumours about the dam.",
        "Do not drink the water from the river.",
        "I want a full inquiry into the collapse.",
        "We want a full inquiry into the collapse.",
        "I wish the council had listened to us.",
        "We need a full inquiry into the collapse.",
        "I would like an inquiry into the collapse.",
        "And so, vote!",  # the opening word after two of the fillers and, so, but, now, well
    ],
)
def test_every_word_and_phrase_that_opens_an_appeal(text):
    """APPEAL_START: a clause opening with an imperative or a wish ("Please …", "Vote …", "Let us …", "I want …")
    is an appeal, whatever figure-free facts it mentions."""
    from tracker.extraction.pipeline import extract

    assert [(c.text, c.kind) for c in extract(text, published="2021-06-15").claims] == [(text, "appeal")]


# Issue 16, survivors of the seed-211 sample and of the seed-503 sample (2026-11-30, branch mutattr).


@pytest.mark.parametrize(
    "text",
    [
        "And vote for the new bridge on Sunday.",
        "So vote for the new bridge on Sunday.",
        "But vote for the new bridge on Sunday.",
        "Now, vote for the new bridge on Sunday.",
        "Well, vote for the new bridge on Sunday.",
        "So, well, join the march against the dam.",
    ],
)
def test_an_appeal_may_open_after_filler_words(text):
    """_Tokens.starts skips the fillers "and", "so", "but", "now" and "well" before the word that opens a cue."""
    from tracker.extraction.pipeline import extract

    assert [(c.text, c.kind) for c in extract(text, published="2021-06-15").claims] == [(text, "appeal")]


@pytest.mark.parametrize(
    ("chunk", "held"),
    [
        ("Prices will rise next spring.", True),  # a single word of the cue
        ("The plant is set to close.", True),  # a phrase ("is set to")
        ("The set is to the left of it.", False),  # a phrase's first word alone, its words apart
        ("Prices rose last spring.", False),
        ("", False),
    ],
)
def test_a_clause_has_a_cue_by_one_of_its_words_or_one_of_its_phrases(chunk, held):
    """_Tokens.has: the clause holds a single word of the cue, or one of its phrases word for word."""
    from tracker.extraction.claim_words import PREDICTION

    assert _Tokens(chunk).has(PREDICTION) is held
    assert ("prediction" in _Tokens(chunk).cues) is held  # the same answer as the cue index gives


def _same_tokens_for_every_slice(text: str) -> None:
    runs = token_runs(text)
    assert runs is not None and len(runs) == len(text)
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            fast, slow = _Tokens(text[a:b], runs[a:b]), _Tokens(text[a:b])
            assert (fast.list, fast.joined, fast.set, fast.cues) == (slow.list, slow.joined, slow.set, slow.cues)


def test_a_slice_of_the_texts_token_runs_makes_the_clauses_tokens():
    # Curly apostrophes, non-ASCII letters, the Kelvin sign (lower-cases to ASCII "k"), the Greek capital sigma
    # (lower-cased by its context), a ligature, digits, cue words and phrases.
    _same_tokens_for_every_slice("We didn’t say it’s ΣΑΣ café ﬁne 90's \u212aate, I think: due to")
    _same_tokens_for_every_slice("A non-essential cannon-ball, non sequitur")  # a clause joins "non-" to its word


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abno9'’ -_.éΣ\u212a\n\t“\"ﬁI"), max_size=14))
def test_token_runs_slices_agree_with_tokens(text):
    if token_runs(text) is not None:
        _same_tokens_for_every_slice(text)


def test_no_token_runs_where_lower_casing_moves_the_offsets():
    assert token_runs("İstanbul is big") is None  # "İ" lower-cases to two characters
