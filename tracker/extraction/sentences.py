"""Paragraphs and sentences as character spans of the body.

Spans rather than strings, because every quote and claim must carry offsets into the body. A compiled regular
expression with an abbreviation list does this at tens of MB/s; syntok and spaCy are both far slower and the
quote and claim rules only need sentence boundaries, not tokens.
"""

from __future__ import annotations

import re

from tracker.extraction.letters import caps

# Words that end with a full stop without ending a sentence (compared lower-case, without the stop).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col capt cmdr sgt adm gov sen rep rev hon pres supt insp det
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs v etc inc ltd co corp bros dept univ assn est approx fig vol al e.g i.e cf ca
    u.s u.k u.n u.s.a e.u d.c a.m p.m
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore
    pa tenn tex va vt wash wis wyo
    """.split()
)

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_LINE = re.compile(r"[^\n]+")
# A candidate boundary: terminal punctuation, any closing quotes or brackets, then space. Tried only where a
# run of stops begins (the lookbehind), and possessive (`*+`): giving characters back can never make it match,
# and without both a run of 20,000 stops was rescanned from each of its positions (quadratic). The pattern opens
# with the class of stops and checks the character before the first one after it (the two-character lookbehind:
# not a stop then a stop), so that the engine skips to the next stop instead of entering the pattern at every
# character (the same matches as "(?<![.!?…])([.!?…]++)…", four times faster on news).
_BOUNDARY = re.compile(caps(r"([.!?…](?<![.!?…][.!?…])[.!?…]*+)([\"'”’»)\]]*+)(\s++)(?=[\"'“‘«(\[]?[A-Z0-9À-Ý])"))
# The run of word characters and stops that ends at the end of the span, as `search` of "([\w.]+)$" finds it: one
# match that backtracks from the end to the last other character, where the search tried every position in turn.
_WORD_BEFORE = re.compile(r"(?s:.*[^\w.])?([\w.]+)$")
# A wire story's dateline before its first sentence: the place in capitals ("LONDON", "SAN JUAN, Puerto Rico",
# "WASHINGTON, D.C."), an optional date and agency ("March 3 (Reuters)"), then a dash. It says where the story
# was filed, not who said what: left out of the sentence, so that it is neither a quote's subject nor part of a
# claim. The place must be in capitals (two letters or more) so that an ordinary sentence never matches.
_DATELINE = re.compile(
    caps(
        r"[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+){0,3}"
        r"(?:,\s(?:[A-Z][\w.]*)(?:\s[A-Z][\w.]*)?)?"
        r"(?:,?\s(?:[A-Z][a-z]{2,8}\.?)\s\d{1,2})?"
        r"(?:\s?\([A-Z][^()\n]{0,40}\))?"
        r"\s?(?:—|–|--?)\s(?=[\"“‘'A-Z0-9])"
    )
)


def paragraphs(text: str, single_newline: bool = True) -> list[tuple[int, int]]:
    """Paragraph spans, trimmed of surrounding whitespace.

    Scraped news text puts one paragraph per line, so by default a single newline ends a paragraph too;
    `single_newline=False` only breaks at blank lines (for wrapped plain text).
    """
    pattern = _LINE if single_newline else _PARAGRAPH
    spans = []
    for m in pattern.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
    m = _WORD_BEFORE.match(text, max(lo, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # An initial ("J. Smith") or a dotted acronym ("U.S.") does not end a sentence before a capital.
    return len(word) == 1 and word.isalpha() or (word.count(".") >= 1 and len(word.replace(".", "")) <= 4)


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph span."""
    spans = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        # A closing quote after the stop ("… X.” Then") means the sentence really ended.
        if m.group(1) == "." and not m.group(2) and _is_abbreviation(text, m.start(1), s):
            continue
        e = m.end(2)
        if e > s:
            spans.append((s, e))
        s = m.end(3)
    if end > s:
        spans.append((s, end))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the whole text; no sentence crosses a paragraph break."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        m = _DATELINE.match(text, ps, pe)
        out.extend(split_paragraph(text, m.end() if m else ps, pe))
    return out
