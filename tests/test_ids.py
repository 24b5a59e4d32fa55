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
