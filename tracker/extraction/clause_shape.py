"""The shape of a clause after a reporting cue: whether the words that follow hold a finite verb after a subject
("reported the cockpit voice recorder was recovered", "states the aircraft uses the A300") or are an object
("reported a new mechanism"). Kept apart from content.py, which decides where reported content starts and ends.
"""

from __future__ import annotations

import re

from tracker.extraction.speaker_words import AUXILIARIES
from tracker.extraction.speakers import DETERMINERS, FUNCTION_WORDS, PRONOUNS

_PREP = frozenset("on in at during to via through after before with of from over by".split())

_AUX = AUXILIARIES | frozenset("does did do be been being am".split())


# Past forms that are not "-ed": a clause's verb after its subject ("stated the aircraft overran the runway").
_IRREGULAR_PAST = frozenset(
    """
    was were had did made took gave went came saw found got said told ran overran began became fell rose won lost
    held left kept put set sent spent built broke brought bought caught chose drew drove felt fought flew grew hit
    knew led let meant met paid sank sat spoke stood struck swore taught thought threw understood wore wrote shot
    """.split()
)


_CLAUSE_WORD = re.compile(r"[\w’'-]+|[;:.!?“”\"(]")


_FINITE_AUX = _AUX - {"be", "been", "being", "do"}


def _skip_space(text: str, k: int) -> int:
    while k < len(text) and text[k] in " \t\xa0":
        k += 1
    return k


def _past(form: str) -> bool:
    """A past-tense cue ("remarked", "found"): "states" or "state" may be a noun or an adjective instead."""
    low = form.lower()
    return low.endswith("ed") or low in _IRREGULAR_PAST


# Prepositions that may sit inside a bare subject ("oxygen levels throughout Mars would be …").
_PLACE_PREPS = frozenset("in on at of throughout across".split())


def _aux_after_subject(text: str, start: int, e: int) -> bool:
    """A bare noun subject of up to five words, then an auxiliary ("remarked toilet paper is a bulky item",
    "noted costs have risen"): a clause with no "that" and no determiner to announce it."""
    for n, m in enumerate(_CLAUSE_WORD.finditer(text, start, min(e, start + 60))):
        w = m.group().lower()
        if n > 5 or not w[0].isalnum() or w in FUNCTION_WORDS and w not in _FINITE_AUX and w not in _PLACE_PREPS:
            return False
        if n and w in _FINITE_AUX and m.group() != "May":
            return True  # (not the month: "noted costs rising in May")
    return False


# A present-tense verb in the third person ("uses", "runs", "owns"); not "-ss" or "-us" nouns.
_PRESENT_S = re.compile(r"[a-z]{2,}[^su's]s$")


def _finite_soon(text: str, start: int, e: int) -> bool:
    """A finite verb within the first words of what follows a cue, after at least one word of subject: "reported
    the cockpit voice recorder was recovered" is a clause (a report), "reported a new mechanism" an object."""
    prev = ""
    for n, m in enumerate(_CLAUSE_WORD.finditer(text, start, min(e, start + 120))):
        w = m.group().lower()
        if w in ';:.!?“”"(' or n > 12:
            return False
        if n and (w in _FINITE_AUX and m.group() != "May" or w in _IRREGULAR_PAST):
            return True
        if (
            n
            and w[-1] == "s"
            and prev not in FUNCTION_WORDS
            and prev[-1:] != "s"
            and _PRESENT_S.match(w)
            and text.find(",", start, m.start()) < 0
        ):
            after = _CLAUSE_WORD.match(text, _skip_space(text, m.end()))
            nxt = after.group().lower() if after else "."
            if nxt in DETERMINERS or nxt in PRONOUNS or nxt[:1].isdigit():
                return True  # "states the aircraft uses the A300": a present verb before its object
        if n and w.endswith("ed") and len(w) > 4 and prev not in DETERMINERS and prev not in _PREP:
            after = _CLAUSE_WORD.match(text, _skip_space(text, m.end()))
            nxt = after.group().lower() if after else "."
            if nxt in FUNCTION_WORDS or nxt in DETERMINERS or nxt in PRONOUNS or not nxt[0].isalnum():
                return True  # "recommended the troops withdraw"; not "accredited reporter", an adjective
        prev = w
    return False
