"""Quote marks paired into quotations: which marks open and which close, and how far an open quote runs.

Kept apart from reported speech because it knows nothing of speakers or verbs: it turns the characters of an
article into the spans that lie inside quotation marks, which every later step reads.
"""

from __future__ import annotations

import bisect
import re
from operator import itemgetter

from tracker.extraction.speakers import (
    FUNCTION_WORDS,
)

MAX_QUOTE_PARAGRAPHS = 6  # an open quote may continue over this many paragraphs, no more


MAX_QUOTE_CHARS = 4000


_DOUBLE = re.compile(r"“|”|\"|''|``|«|»|„")


# A quote's start, the key of the bisections of the (start, end, closed) quotes by a position: an int compared per
# step, where a bisection for a `(pos,)` tuple built one and compared tuples.
_OPENS = itemgetter(0)


_OPEN_GLYPHS = frozenset({"“", "«", "„", "``"})


_CLOSE_GLYPHS = frozenset({"”", "»"})


_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:['’][A-Za-z]+)?")


_FINAL_PUNCT = ".!?;:,"


_QUOTE_CHARS = "“”\"«»„'’‘"


def _paragraph_ends(text: str) -> list[int]:
    ends = []
    i = text.find("\n")
    while i >= 0:
        ends.append(i)
        i = text.find("\n", i + 1)
    ends.append(len(text))
    return ends


def _mark_role(text: str, g: str, s: int, e: int) -> str:
    """ "open" or "close", from the glyph `g` at text[s:e] and its neighbours: a mark after a space before a word
    opens."""
    before = text[s - 1] if s else ""
    space_before = not before or before.isspace()  # ("": the text's start or end)
    # The two common cases answered before the context after the mark is read: an opening glyph after a space
    # never closes (closing needs a character before it), and a closing glyph after a character that is no space
    # and no opener's (a letter, a stop) never opens.
    if space_before:
        if g in _OPEN_GLYPHS:
            return "open"
    elif g in _CLOSE_GLYPHS and before not in "([{—–-/":
        return "close"
    after = text[e : e + 1]
    space_after = not after or after.isspace()
    opens_ctx = (space_before or before in "([{—–-/") and not space_after
    closes_ctx = not space_before and (space_after or after in ".,;:!?)]}—–-…" or after in _QUOTE_CHARS)
    if g in _OPEN_GLYPHS:
        return "close" if closes_ctx and not opens_ctx else "open"
    if g in _CLOSE_GLYPHS:
        if opens_ctx and not closes_ctx or space_before and _at_paragraph_start(text, s):
            return "open"  # (also "” … he delivered a mix …,” Barabak wrote.": a paragraph opened with ”)
        return "close"
    if opens_ctx and not closes_ctx:
        return "open"
    if closes_ctx and not opens_ctx:
        return "close"
    return "open" if space_before else "close"


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Spans of double-quoted passages, marks included, as (start, end, closed).

    An open quote continues into the next paragraph only when that paragraph opens with a mark; otherwise it ends
    at its paragraph end (closed=False) so an unbalanced mark cannot run on.
    """
    out: list[tuple[int, int, bool]] = []
    para_ends = _paragraph_ends(text)
    pi = 0
    open_at = -1
    paras_open = 0
    for m in _DOUBLE.finditer(text):
        pos, end = m.span()
        g = m[0]
        while para_ends[pi] < pos:
            # A paragraph ends while a quote is open.
            if open_at >= 0:
                nxt = _next_paragraph_start(text, para_ends[pi])
                continues = (
                    nxt < len(text) and _DOUBLE.match(text, nxt) is not None and paras_open < MAX_QUOTE_PARAGRAPHS
                )
                if not continues or nxt - open_at > MAX_QUOTE_CHARS:
                    out.append((open_at, _rstrip(text, open_at, para_ends[pi]), False))
                    open_at = -1
                else:
                    paras_open += 1
            pi += 1
        role = _mark_role(text, g, pos, end)
        if open_at < 0:
            if role == "open":
                open_at, paras_open = pos, 0
        elif role == "close" or g == '"' and _spaced(text, pos, end):
            # (a straight mark between spaces closes the open quote: 'the term \'outreach,\' " he told': a space
            # set between the inner and the outer mark)
            out.append((open_at, end, True))
            open_at = -1
        elif _at_paragraph_start(text, pos) and paras_open > 0:
            pass  # the conventional re-opening mark of a continued quote
    if open_at >= 0:
        end = para_ends[pi] if pi < len(para_ends) else len(text)
        out.append((open_at, _rstrip(text, open_at, end), False))
    return [(s, e, c) for s, e, c in out if e > s + 1]


def _spaced(text: str, s: int, e: int) -> bool:
    return s > 0 and text[s - 1] in " \t\xa0" and text[e : e + 1] in (" ", "\t", "\xa0", "\n")


def _next_paragraph_start(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def _at_paragraph_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    return k < 0 or text[k] == "\n"


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _word_count(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text, s, e))


def _is_title(text: str, s: int, e: int) -> bool:
    """A title of a work or a name in quotes ("Shark Tank"): every word capitalised."""
    return _title_words(_WORD.findall(text, s, e))


def _title_words(words: list[str]) -> bool:
    """`_is_title` of the words `_WORD` finds in a span (the count first: it is free; each word only until one
    fails)."""
    return 2 <= len(words) <= 8 and _capitalised(words)


def _short_title(text: str, s: int, e: int) -> bool:
    """`_word_count(text, s, e) <= 6 and _is_title(text, s, e)` from one reading of the words (asked of every
    direct quote)."""
    words = _WORD.findall(text, s, e)
    return 2 <= len(words) <= 6 and _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    """Every word opens with a capital or a digit, or is a function word in lower case ("Gone with the Wind"). (A
    loop rather than `all()` over a generator: no generator made per direct quote.)"""
    for w in words:
        if not (w[0].isupper() or w[0].isdigit()) and w.lower() not in FUNCTION_WORDS:
            return False
    return True


def _first_nonspace(text: str, k: int) -> int:
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    return k


def _quote_at(quotes: list[tuple[int, int, bool]], pos: int) -> tuple[int, int, bool] | None:
    """The quote that opens at pos. `quote_spans` gives them sorted and apart, so a binary search finds it (a
    scan per cue made articles with thousands of quotes quadratic)."""
    i = bisect.bisect_left(quotes, pos, key=_OPENS)
    return quotes[i] if i < len(quotes) and quotes[i][0] == pos else None


def _inside(quotes, pos: int) -> bool:
    """Whether pos lies within a quote, after its opening mark and before its last character (qs < pos < qe-1).
    Quotes are sorted and apart: only the last one opening before pos can hold it."""
    i = bisect.bisect_left(quotes, pos, key=_OPENS) - 1
    return i >= 0 and pos < quotes[i][1] - 1


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and the sentence's own stop, but keep a stop that sits inside closing marks."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in _FINAL_PUNCT):
        end -= 1
    return end


# Quotes are sorted and apart (each ends at or before the next one opens, and ends after it opens), so the ones
# ending by a position are those opening before it, less the last of those when it ends after the position. The
# two searches below are bisect_left / bisect_right over the ends, made from one search over the (start, ...)
# tuples, all in C (a key function would cost a Python call per step of the search).


def _first_ending_from(quotes: list[tuple[int, int, bool]], pos: int) -> int:
    """The index of the first quote that ends at or after pos (bisect_left of pos in the ends)."""
    # (quotes[:i] open before pos: only the last of them may end at pos or on)
    i = bisect.bisect_left(quotes, pos, key=_OPENS)
    return i - 1 if i and quotes[i - 1][1] >= pos else i


def _ending_by(quotes: list[tuple[int, int, bool]], pos: int) -> int:
    """How many quotes end at or before pos (bisect_right of pos in the ends)."""
    i = bisect.bisect_left(quotes, pos, key=_OPENS)
    return i if not i or quotes[i - 1][1] <= pos else i - 1
