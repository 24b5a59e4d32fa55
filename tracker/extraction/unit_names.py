"""One name per unit, however an article writes it: "kilometers", "kilometre" and "km" are one unit, "companies"
and "company" one counted noun.

Figures keep the unit as the article wrote it (a researcher reads "12 countries", not "12 country"); the places
that compare units across claims (grouping and conflicts in `tracker.store.claim_keys`, the real-news metric in
`tracker.evaluate.realnews`) compare these names, so that "40 km" and "40 kilometers" are the same figure and a
conflict's unit reads "country", not a plural cut short.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")

# One spelling per unit however a text writes it: a measure abbreviated or spelled out, percent as "%".
SAME_UNIT = {
    "percent": "%",
    "per cent": "%",
    "percentage": "%",
    "percentage point": "% point",
    "kilometre": "km",
    "kilometer": "km",
    "kilometer per hour": "km/h",
    "kph": "km/h",
    "mi": "mile",
    "metre": "m",
    "meter": "m",
    "centimetre": "cm",
    "centimeter": "cm",
    "millimetre": "mm",
    "millimeter": "mm",
    "ft": "foot",
    "kilogram": "kg",
    "kilo": "kg",
    "gram": "g",
    "lb": "pound",
    "litre": "l",
    "liter": "l",
    "tonne": "ton",
    "metric ton": "ton",
    "sq mi": "square mile",
    "sq km": "square km",
    "square kilometre": "square km",
    "square kilometer": "square km",
    "mph": "mile per hour",
    "hr": "hour",
    "min": "minute",
    "sec": "second",
    "yr": "year",
    "°c": "degree celsius",
    "°f": "degree fahrenheit",
}
# The measures' two-letter abbreviations ("lb", "hr", "km"): with an "s" ("lbs", "hrs", "kms") a plural, which
# `singular` leaves as it is (it keeps every word of three letters: "bus", "gas").
_TWO_LETTERS = frozenset(u for pair in SAME_UNIT.items() for u in pair if len(u) == 2 and u.isalpha())
IRREGULAR_PLURALS = {
    "feet": "foot",
    "men": "man",
    "women": "woman",
    "children": "child",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "wolves": "wolf",
    "halves": "half",
    "leaves": "leaf",
    "shelves": "shelf",
    "thieves": "thief",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "diagnoses": "diagnosis",
    "hypotheses": "hypothesis",
    "bases": "base",
    "species": "species",
    "series": "series",
    "news": "news",
    "people": "people",
    "data": "data",
    "police": "police",
    "cattle": "cattle",
    "aircraft": "aircraft",
    "headquarters": "headquarters",
    "means": "means",
    "abuses": "abuse",
    "excuses": "excuse",
    "fuses": "fuse",
    "canoes": "canoe",
    "niches": "niche",
    "caches": "cache",
    "aches": "ache",
    "headaches": "headache",
    "avalanches": "avalanche",
}


def singular(word: str) -> str:
    """The singular of an English noun, by the regular rules and a short list of exceptions ("feet", "crises")."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ous")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("zzes"):
        return w[:-3]  # quizzes
    if w.endswith("uses") and w[-5] not in "aeiou":
        return w[:-2]  # buses, viruses, bonuses, campuses (not houses, causes, clauses: a vowel before)
    if w.endswith(("ches", "shes", "sses", "xes")) or (w.endswith("oes") and len(w) > 5):
        return w[:-2]  # churches, dishes, classes, taxes, heroes, potatoes (not shoes, toes)
    if w.endswith("s"):
        return w[:-1]  # prizes, sizes, cases, horses
    return w


def canonical_unit(unit: str | None) -> str | None:
    """The unit's one name: lower case and singular, one spelling per measure ("kilometres" → "km", "percent" →
    "%"); a three-letter code in capitals (a currency: USD, EUR) stays as it is unless it is a measure's
    abbreviation ("MPH")."""
    if not unit:
        return None
    u = _SPACE.sub(" ", unit.strip())
    low = u.lower()
    if len(u) == 3 and u.isupper() and low not in SAME_UNIT and not _abbreviated_plural(low):
        return u
    low = SAME_UNIT.get(low, low)
    low = " ".join(w[:2] if _abbreviated_plural(w) else singular(w) for w in low.split(" "))
    return SAME_UNIT.get(low, low)


def _abbreviated_plural(word: str) -> bool:
    """ "lbs", "hrs", "yrs", "kms": a measure's two-letter abbreviation and "s"."""
    return len(word) == 3 and word[2] == "s" and word[:2] in _TWO_LETTERS
