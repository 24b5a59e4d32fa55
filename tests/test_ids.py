"""Ids: the normalised text an id is hashed from, whichever path normalise takes."""

import random
import re

from tracker.ids import _PUNCTUATION, item_id, normalise


def _by_the_regex(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def test_normalise_is_the_regex_on_every_kind_of_text():
    """ASCII text, text whose only other characters are punctuation (made spaces first, then the ASCII path) and
    text with other letters (the regex itself) all come out as the regex makes them."""
    rng = random.Random(7)
    pieces = ["Turkey", "’s", "S-400", " ", "  ", "\n", "“", "”", "é", "İ", "ß", "_x_", "5.5", "—", "…", "\u00a0"]
    pieces += list(_PUNCTUATION)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert normalise(text) == _by_the_regex(text), text


def test_quote_styles_do_not_change_an_id():
    assert normalise("Turkey’s “S-400” deal — done…") == "turkey s s 400 deal done"
    assert item_id("c", "Turkey’s deal") == item_id("c", "Turkey's  deal") == "c7550e23267"


def test_normalise_makes_each_punctuation_mark_a_space():
    from tracker.ids import _PUNCTUATION, normalise

    assert normalise("“It rose,” he said…") == "it rose he said"
    for c in _PUNCTUATION:
        assert normalise(f"a{c}b") == "a b"


def test_item_id_is_the_short_hash_of_the_normalised_text():
    """item_id hashes the normalised bytes with CPython's SHA-1 directly: the digits `short_hash(normalise(text))`
    gives, on ASCII text, curly quotes and other letters alike."""
    from tracker.ids import short_hash

    rng = random.Random(11)
    pieces = ["Turkey", "’s", "said", " ", "\n", "“", "”", "é", "İ", "ß", "5.5", "—", "…", "\u00a0", "中国", "'"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert item_id("q", text) == "q" + short_hash(normalise(text)), text
    assert item_id("q", "“It rose,” he said.") == "q" + short_hash("it rose he said") == "qe2ee2b2fa7"


def test_lowering_comes_before_the_quote_marks_when_other_text_is_not_ascii():
    # A capital sigma lowers to a final one before a space but not before an apostrophe (case-ignorable): the
    # apostrophe made a space only after lowering.
    assert normalise("ΑΣ’Α") == "ασ α"
    assert normalise("ΑΣ Α") == "ας α"
    # The Kelvin sign lowers to an ASCII "k"; mixed-case ASCII with curly quotes lowers as plain ASCII.
    assert normalise("\u212a“Ok”") == "k ok"
    assert normalise("John Ba said “It ROSE.”") == "john ba said it rose"
