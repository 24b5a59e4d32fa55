"""Folding matched words to table keys the way case-insensitive regular expressions fold them."""

import re
import sys

from tracker.extraction.fold import IGNORECASE_ASCII, fold


def test_the_table_holds_every_letter_ignorecase_takes_for_ascii():
    """Scans every code point: if a new Python folds more letters to ASCII, this names them."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, sys.maxunicode + 1) if letter.match(chr(c))}
    assert found == set(IGNORECASE_ASCII)
    for ch, ascii_letter in IGNORECASE_ASCII.items():
        assert re.fullmatch(ascii_letter, ch, re.IGNORECASE)


def test_fold():
    assert fold("MİLLİON") == "million"
    assert fold("bıllion") == "billion"
    assert fold("Dozenſ") == "dozens"
    assert fold("\u212aM") == "km"
    assert fold("Straße") == "strasse"  # full casefolding for everything else
