"""Capital letters beyond ASCII, for the patterns that find names and sentence starts.

News names people in every Latin alphabet: "Łukasz Żak", "Maroš Šefčovič", "İbrahim Kalın", "Novak Đoković",
"Şebnem Korur". A pattern written with `[A-Z]` (or Latin-1's `À-Ý`) does not see the capital of any of them, so the
name is cut after it ("Żak" for "Łukasz Żak"), read as lower-case words, or a sentence opening with it is not
split. Python's `re` has no `\\p{Lu}`: `caps()` widens the `A-Z` of a pattern to every upper- and title-case letter
of the Latin script (Latin-1, Extended-A and -B, Extended Additional for Vietnamese), written as ranges. Other
scripts are left out: English news writes Greek and Cyrillic names in Latin letters, and a Russian sentence quoted
in an article would make each of its capitalised words a name.
"""

from __future__ import annotations

import re

# Every upper- or title-case Latin letter ("A", "Ł", "ǅ", "Ễ"); `A-Z` among them.
_LATIN = (*range(0x0250), *range(0x1E00, 0x1F00))
CAPITALS = frozenset(c for c in map(chr, _LATIN) if c.isupper() or c.istitle())


def _as_ranges(chars: frozenset[str]) -> str:
    """The body of a character class holding exactly `chars`, consecutive code points joined as ranges."""
    codes = sorted(map(ord, chars))
    parts, start, prev = [], codes[0], codes[0]
    for code in codes[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) if start == prev else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        start = prev = code
    return "".join(parts)


_CLASS_BODY = _as_ranges(CAPITALS)


def caps(pattern: str) -> str:
    """`pattern` with each `A-Z` (written inside a character class) standing for every capital letter."""
    return pattern.replace("A-Z", _CLASS_BODY)
