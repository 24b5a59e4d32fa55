"""Whether a clause reports something that happened: past tense or present perfect used as a verb ("was", "went",
"have funded", "we reduced the penalty"), told from "-ed" adjectives ("managed care"), passives after "be" ("will
be approved"), forecasts made in the past ("was expected to fall") and what did not happen ("would have been").

Kept apart from claim_features.py, whose "past event" feature this is.
"""

from __future__ import annotations

import re

from tracker.extraction.claim_words import (
    ED_NOT_VERB,
    HAVE,
    OBJECT_START,
    PARTICIPLES,
    PAST_AUX,
    PAST_IRREGULAR,
    SUBJECTS,
    _Tokens,
)

PAST_WORDS = PAST_AUX | PAST_IRREGULAR


_GOT = {"got"}


_HAD = {"had"}


_HAD_BETTER = re.compile(r" (?:had|[a-z]+'d) better ")


MODALS = frozenset("would could should might must may will shall can wouldn't couldn't shouldn't won't".split())


# "we've got", "he has got": possession in the present, not a past event.
_HAVE_GOT = re.compile(r" (?:have|has|[a-z]+'ve|[a-z]+'s) got ")


# "will be ratcheted up", "is being reviewed", "unless the dam is repaired": a passive, not a past event (a passive
# in the present is a state or a condition; "was repaired" is past by "was").
_BE = frozenset(("be", "being", "is", "are", "am", "isn't", "aren't"))


_WAS_WERE = frozenset(("was", "were"))


# "was forecast to reach", "were expected to fall", "was scheduled to land": the forecast was made in the past, but
# what it is about has not happened.
_FORECAST = re.compile(r" (?:was|were) (?:forecast|expected|scheduled|projected|predicted|set|slated) to ")


def _forecast_past(t: _Tokens, hits: set) -> set:
    """The past words of `hits` less "was"/"were" when each of them only opens a forecast ("was forecast to")."""
    n = len(_FORECAST.findall(t.joined))
    if n and n == t.list.count("was") + t.list.count("were"):
        return hits - _WAS_WERE
    return hits


# Pasts in "-eed" ("The two sides agreed a ceasefire"): other words in "-eed" are no past ("need", "speed",
# "indeed", "exceed", "proceed"), so "-eed" is no sign of one by itself.
_PAST_EED = frozenset("agreed disagreed guaranteed freed decreed refereed".split())


# An -ed verb is told from an -ed adjective by what stands around it: a subject word before it, an object or a
# figure after it, or the time it happened ("The dam opened on Monday", "resigned last week", "died in 2019").
_THEN = frozenset("yesterday today overnight last".split())
_TIME_PREPS = frozenset("on in at during".split())
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december""".split()
)


# "-ed" words whose time is that of what is to come: "the vote, expected on March 3", "talks scheduled for May".
_AHEAD = frozenset("expected scheduled planned slated projected predicted forecasted".split())


def _when_at(toks: list[str], j: int) -> bool:
    """A time opens at toks[j]: "yesterday", "last week", "on Monday", "in March", "in 2019"."""
    if j >= len(toks):
        return False
    w = toks[j]
    if w in _THEN:
        return True
    if w in _TIME_PREPS and j + 1 < len(toks):
        x = toks[j + 1]
        return x in _CALENDAR or x[0].isdigit()
    return False


def _past(t: _Tokens) -> bool:
    """Past tense or present perfect used as a verb: "was", "went", "have funded", "we reduced the penalty";
    not "-ed" adjectives ("managed care", "people involved") nor passives after "be" ("will be approved")."""
    hits = t.set & PAST_WORDS
    if " to " in t.joined and not hits.isdisjoint(_WAS_WERE):
        hits = _forecast_past(t, hits)
    if hits and (hits != _GOT or not _HAVE_GOT.search(t.joined)) and (hits != _HAD or not _HAD_BETTER.search(t.joined)):
        return True
    if "been" in t.set and "'s been " in t.joined:
        return True  # "it's been extended": "'s" before "been" can only be "has"
    if "ed " not in t.joined and "'ve " not in t.joined and t.set.isdisjoint(HAVE):
        return False
    toks = t.list
    for i, w in enumerate(toks):
        end = w[-2:]
        if end == "ed":
            if (
                len(w) > 4
                and w not in ED_NOT_VERB
                and (w[-3] != "e" or w in _PAST_EED)
                and not (i and toks[i - 1] in _BE)
            ):
                if (
                    (i and toks[i - 1] in SUBJECTS)
                    or (i + 1 < len(toks) and (toks[i + 1] in OBJECT_START or toks[i + 1][0].isdigit()))
                    or (_when_at(toks, i + 1) and w not in _AHEAD)
                ):
                    return True
        elif end == "ve" or w in HAVE:
            if w not in HAVE and not w.endswith("'ve"):
                continue
            if w.endswith("'ve") and w[:-3] in MODALS or i and toks[i - 1] in MODALS:
                continue  # "would have been", "could've done": what did not happen
            for x in toks[i + 1 : i + 3]:
                if (x in PARTICIPLES and x != "got") or (x.endswith("ed") and x not in ED_NOT_VERB):
                    return True
    return False
