"""Case folding that agrees with case-insensitive regular expressions, for looking matched words up in tables.

A pattern compiled with `re.IGNORECASE` accepts four letters outside ASCII as ASCII ones: dotless ı and dotted
İ as "i", long ſ as "s", the Kelvin sign K as "k". So "5 bıllion", "thouſand" or "MİLLİON" match a pattern
written for "billion", and `.lower()` of the match ("bıllion", "mi̇lli̇on") is then not a key of the table the
pattern was written from. `fold` maps exactly those letters first, then casefolds, so every word such a pattern
accepts folds to the plain ASCII spelling the table holds (a test checks the four are all there are).
"""

from __future__ import annotations

# Every non-ASCII character that `re.IGNORECASE` matches to an ASCII letter, and that letter.
IGNORECASE_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TABLE = str.maketrans(IGNORECASE_ASCII)


def fold(word: str) -> str:
    """The table key of a word a case-insensitive pattern matched: "MİLLİON" -> "million", "Dozenſ" -> "dozens"."""
    return word.translate(_TABLE).casefold()
