from hypothesis import given
from hypothesis import strategies as st

from tracker.read.mojibake import could_hold_mojibake, repair


def damaged(text: str) -> str:
    """What a scraper makes of UTF-8 it decodes as windows-1252 (Latin-1 for the five bytes that has no character
    for, as browsers and most scrapers do)."""
    return "".join(_as_cp1252(b) for b in text.encode("utf-8"))


def _as_cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


def test_names_and_quote_marks_damaged_by_windows_1252_are_repaired():
    assert damaged("François Hollande said “we won”.") == "FranÃ§ois Hollande said â€œwe wonâ€\x9d."
    assert repair("FranÃ§ois Hollande") == "François Hollande"
    assert repair("Ã‰cole Polytechnique") == "École Polytechnique"
    assert repair(damaged("“We will win,” she said.")) == "“We will win,” she said."
    assert repair("Zürich’s mayor, José Müller") == "Zürich’s mayor, José Müller"


def test_latin_1_damage_is_repaired_too():
    assert repair("Fran\u00c3\u00a7ois".encode("latin-1").decode("latin-1")) == "François"
    assert repair("S\u00c3\u00a3o Paulo") == "São Paulo"


def test_text_that_cannot_be_damaged_is_returned_as_it_is_without_asking_ftfy():
    for text in ("plain ASCII", "café in São Paulo", "Müller", "ПРИВЕТ мир", "日本語の文章です", "Ã", ""):
        assert not could_hold_mojibake(text)
        assert repair(text) is text


def test_a_pair_such_damage_makes_is_only_a_reason_to_ask():
    # "é" then a curly apostrophe is what damage makes of U+00E9 U+2019, but the text is fine: ftfy leaves it
    assert could_hold_mojibake("the café’s owner")
    assert repair("the café’s owner") == "the café’s owner"


# News-like text with accents, curly quotes and dashes: damaging it once and repairing gives it back.
_WORDS = st.sampled_from(
    ["François", "Hollande", "São", "Paulo", "Zürich", "Ñuñoa", "Łódź", "said", "the", "mayor", "€5", "£40m", "—", "…"]
)
_QUOTED = st.builds(lambda ws: "“" + " ".join(ws) + ",” she said.", st.lists(_WORDS, min_size=1, max_size=8))


@given(st.lists(st.one_of(_WORDS, _QUOTED), min_size=1, max_size=12).map(" ".join))
def test_damage_undone(text):
    broken = damaged(text)
    if broken != text:  # (ASCII text is the same in both)
        assert could_hold_mojibake(broken)
        assert repair(broken) == text


@given(st.text(max_size=200))
def test_never_raises_and_leaves_undamaged_text_alone(text):
    out = repair(text)
    assert isinstance(out, str)
    if not could_hold_mojibake(text):
        assert out is text
