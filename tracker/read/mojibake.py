"""Mojibake repaired: UTF-8 text that a scraper once decoded as windows-1252 or Latin-1 ("FranÃ§ois", "â€œ").

The file itself is valid UTF-8, so decoding cannot see it; the damage is in the characters. A speaker's name with
it breaks the tokens ("FranÃ§ois Hollande" loses its quote) and its claims cannot be searched for. ftfy is made for
exactly this and knows when text is not damaged; this module only asks it when the text could be: ftfy's own test
costs about 0.2 s per MB, as much as a tenth of extraction, while the test below is a scan that almost every
article passes at once (ASCII text has no mojibake of this kind; other text needs a character that UTF-8's lead
byte 0xC2-0xF4 becomes, "Â" to "ô", right before one that a continuation byte 0x80-0xBF becomes).
"""

from __future__ import annotations

import re

# What each continuation byte reads as in windows-1252, or in Latin-1 where windows-1252 leaves it undefined
# (0x81, 0x8D, 0x8F, 0x90, 0x9D), the two code pages this mojibake comes from.
_CONTINUATIONS = "".join(
    bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in range(0x80, 0xC0)
)
_MAYBE = re.compile("[\u00c2-\u00f4][" + re.escape(_CONTINUATIONS) + "]")


def could_hold_mojibake(text: str) -> bool:
    """Whether `text` holds a pair of characters that UTF-8 read as windows-1252 or Latin-1 makes. A necessary
    condition only ("café’s" passes and is fine): ftfy decides."""
    return not text.isascii() and _MAYBE.search(text) is not None


def repair(text: str) -> str:
    """`text` with its mojibake undone by ftfy (`fix_encoding`: the encoding only, curly quotes and all else kept),
    or `text` itself when it cannot hold any."""
    if not could_hold_mojibake(text):
        return text
    from ftfy import fix_encoding  # imported only for the few texts that need it

    return fix_encoding(text)
