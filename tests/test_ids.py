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


def test_the_id_of_a_slice_read_from_the_texts_bytes_is_item_id_of_the_slice():
    """item_id_in reads a slice's id off text_bytes(text) when the slice holds only ASCII and curly quotes (and no
    "?"): the same id as item_id of the slice, for every slice of texts of every kind of character."""
    from tracker.ids import item_id_in, text_bytes

    rng = random.Random(5)
    pieces = ["John", "Ba", "said", " ", "\n", "“", "”", "’", "'", "?", "é", "İ", "Σ", "\u212a", "ß", "_x", "5.5", "—"]
    pieces += ["😀", "ﬁ", "-", "\u00a0"]
    fast = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        data = text_bytes(text)
        assert len(data) == len(text)
        for s in range(len(text) + 1):
            for e in range(s, len(text) + 1):
                fast += b"?" not in data[s:e]
                assert item_id_in("c", data, s, e, text[s:e]) == item_id("c", text[s:e]), (text, s, e)
    assert fast > 8_000  # (many slices take the bytes)
    assert text_bytes("John Ba said “It ROSE.” Ça va?") == b"john ba said  it rose   ?a va?"
