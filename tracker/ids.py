"""Stable identifiers, so that annotations keep pointing at the same claim or quote across re-parses."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from slugify import slugify

try:
    # CPython's own SHA-1, the same digest as hashlib.sha1's OpenSSL one: for the short texts of ids it costs half
    # as much inside `extract` (1.1 against 2.0 µs a hash, measured there; OpenSSL 3 sets up a context per hash).
    from _sha1 import sha1 as _sha1
except ImportError:  # a Python built without it
    _sha1 = hashlib.sha1

_NON_WORD = re.compile(r"[^\w]+")
# ASCII bytes that are not word characters (`\w`) -> space: the same result as _NON_WORD for ASCII text, a few
# times faster than the regex substitution (ids are derived for every claim of every article).
_ASCII_NON_WORD = bytes(i if chr(i).isalnum() or i == 95 else 32 for i in range(128)) + bytes(range(128, 256))
# The same, lower-casing too (str.lower of ASCII text is bytes.lower): one translate instead of a `lower` first.
_ASCII_LOWER_NON_WORD = _ASCII_NON_WORD.lower()


# Punctuation news text holds outside ASCII (curly quotes, dashes, an ellipsis, narrow and no-break spaces): none
# is a word character, so each made a space first leaves the result as the regex makes it, and lets most text take
# the ASCII path (a curly apostrophe sent a claim down the regex, four times the cost of the whole id).
_PUNCTUATION = "‘’‚“”„«»‹›‐‑–—―…\u00a0\u2009\u202f·•′″"
assert not _NON_WORD.sub("", _PUNCTUATION)  # every one is outside \w
# All of them at once: one substitution instead of a test per character (half the cost of an id with a curly
# quote mark, which every quote's id has).
_PUNCTUATION_CHAR = re.compile("[" + re.escape(_PUNCTUATION) + "]")


def normalise(text: str) -> str:
    """Lower-case words only: quote styles, spacing and punctuation changes do not change an id."""
    return _normalised(text).decode("utf-8")


def _normalised(text: str) -> bytes:
    """`normalise(text)` in UTF-8, which is what an id hashes: the ASCII path makes bytes, and an id hashes them as
    they come instead of decoding them to a string that `short_hash` would encode back."""
    if text.isascii():
        return b" ".join(text.encode("ascii").translate(_ASCII_LOWER_NON_WORD).split())
    # The curly quotes and apostrophe first, by plain replacement (every quote's id and most claims' hold them and
    # nothing else outside ASCII); the same spaces the substitution would make, at half its cost. Before lowering
    # only when that leaves ASCII: lowering is then per character; otherwise lowering comes first, as a quote mark
    # next to a capital sigma decides whether it lowers to a final one.
    low = text.replace("“", " ").replace("”", " ").replace("’", " ")
    if low.isascii():
        return b" ".join(low.encode("ascii").translate(_ASCII_LOWER_NON_WORD).split())
    low = text.lower().replace("“", " ").replace("”", " ").replace("’", " ")
    if not low.isascii():
        low = _PUNCTUATION_CHAR.sub(" ", low)
    if low.isascii():
        return b" ".join(low.encode("ascii").translate(_ASCII_NON_WORD).split())
    return _NON_WORD.sub(" ", low).strip().encode("utf-8")


# The ASCII table again, but "?" kept: in `text_bytes`, a "?" is where a slice may not take the ASCII path.
_ASCII_LOWER_NON_WORD_BUT_QUESTION = _ASCII_LOWER_NON_WORD[:63] + b"?" + _ASCII_LOWER_NON_WORD[64:]


def text_bytes(text: str) -> bytes:
    """`text` as `item_id_in` reads its slices: the curly quotes and apostrophe made spaces, every other non-ASCII
    character a "?" (one byte each: a slice's offsets stay the text's), ASCII lower-cased and its other non-word
    characters made spaces, as `_normalised` makes them. One pass for all the ids of a text's claims."""
    plain = text.replace("“", " ").replace("”", " ").replace("’", " ")
    return plain.encode("ascii", "replace").translate(_ASCII_LOWER_NON_WORD_BUT_QUESTION)


def item_id_in(prefix: str, data: bytes, s: int, e: int, chunk: str) -> str:
    """`item_id(prefix, chunk)` of `chunk`, text[s:e], where `data` is `text_bytes(text)`: a slice holding no "?"
    there (only ASCII and curly quotes in the text, no "?") is what `_normalised` makes of it, split and joined;
    any other goes the general way."""
    part = data[s:e]
    if part.find(b"?") < 0:
        return prefix + _sha1(b" ".join(part.split())).hexdigest()[:10]
    return item_id(prefix, chunk)


def short_hash(text: str, length: int = 10) -> str:
    return _sha1(text.encode("utf-8")).hexdigest()[:length]


def item_id(prefix: str, text: str) -> str:
    """Id of a quote ("q") or claim ("c") from its normalised text, independent of offsets: `short_hash` of
    `normalise(text)`, the same digits by the shorter path."""
    return prefix + _sha1(_normalised(text)).hexdigest()[:10]


def article_id(title: str | None, key: str) -> str:
    """A readable slug of the title plus a hash of what identifies the article (its URL, else title, date and
    source, else its body). The id does not change when the text is corrected, so a changed article is
    re-parsed in place and its annotations stay attached; `articles.content_hash` tells that it changed."""
    slug = slugify(title or "", max_length=60, word_boundary=True) or "untitled"
    return f"{slug}-{short_hash(key, 8)}"


@lru_cache(maxsize=65536)
def speaker_id(name: str) -> str:
    """Slug of a canonical name; cached because the same speakers and entities recur in every batch."""
    return slugify(name) or "unknown"
