"""The unit of a figure: the noun it counts or the measure it is in, read from the words after the number.

"nine US companies" counts companies, "seven Native American reservations" reservations, "6.4 mg per liter" is a
rate; an adverb, a stop word or a nationality ends the unit. Used by `quantities.find_quantities` for every
figure, so the patterns are compiled once.
"""

from __future__ import annotations

import re

from tracker.extraction.quantity_words import (
    IRREGULAR_PLURALS,
    MEASURES,
    NATIONALITY,
    PER_UNITS,
    SCALES,
    UNIT_SKIP,
    UNIT_STOP,
)

_HYPHEN_MODIFIER = re.compile(r"\s+\d[\d.,]*[-‐][a-z]{2,}\b(?=\s+[a-z])")
# "moles of oxygen per cubic meter": what is measured may sit between the measure and its "per".
_PER_UNIT = re.compile(r"(?:\s+of\s+[a-z]+)?\s+per\s+((?:cubic|square)\s+)?([A-Za-z]+)\b")
# Per hour: km/h is one word; "U.S." too; a model's code joined to its number by any dash, "F-35", "F–35", "MiG‐29"
# (only after a capital: "5 km–10 km" is two figures).
_UNIT_WORDS = re.compile(
    r"(?:\s+of)?((?:\s+(?:[A-Z][\w'’-]*[‐–]\d[\w'’-]*|[A-Za-z][\w'’-]*)(?:/h\b)?(?:\.[A-Za-z]\.?)*){1,6})"
)


# Currency words the same in the plural: "500 Japanese yen" counts yen ("won" left out: "the 12 seats won").
_SAME_IN_PLURAL = frozenset(("yen", "yuan", "renminbi", "naira", "rand"))


def _is_plural(word: str) -> bool:
    w = word.lower()
    return w in IRREGULAR_PLURALS or (len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")))


def _demonym(word: str) -> bool:
    w = word.lower()
    return w in NATIONALITY or w.endswith("-made") or w.endswith("-based")


def _passing_modifier(lw: str) -> bool:
    """A word before the noun that describes rather than names it: a hyphenated compound ("water-bombing",
    "long-range") or a past participle ("written", "armed", "injured"); "nursing posts", "postal ballots" keep
    theirs."""
    if "-" in lw:
        return not lw[0].isdigit()
    return len(lw) >= 5 and (lw.endswith("ed") and not lw.endswith("eed") or lw.endswith(_PARTICIPLE_EN))


_PARTICIPLE_EN = ("tten", "olen", "oken", "aken", "dden", "ozen", "iven")  # written, stolen, broken, taken, hidden


def _coordinated(words: list[tuple[str, int]], k: int) -> bool:
    """Whether words[k] opens two modifiers joined by "and"/"or" before the noun ("British and Canadian troops",
    "local and state officials": troops, officials): neither modifier is a plural or a measure, and a noun follows them."""
    if k + 3 >= len(words) or words[k + 1][0] not in ("and", "or"):
        return False
    a, b = words[k][0], words[k + 2][0]
    if a.lower() in UNIT_STOP or b.lower() in UNIT_STOP or not (b[:1].islower() or _demonym(b)):
        return False
    return not any(_is_plural(x) or x.lower() in MEASURES or x.lower() in SCALES for x in (a, b))


def unit_after(text: str, pos: int, end: int, singular: bool) -> tuple[str | None, int]:
    """The noun a count counts ("four Turkish officials" -> "officials"), and where it ends.

    Adjectives of nationality and generic size words are skipped; the unit runs to the last plural among the
    next few lower-case words, so "missile batteries" stays whole and "batteries, worth" stops at the comma.
    """
    mod = _HYPHEN_MODIFIER.match(text, pos, end)
    if mod:
        pos = mod.end()  # "two 12-roll packs": the measure before the noun is a figure of its own
    m = _UNIT_WORDS.match(text, pos, end)
    if not m:
        return None, pos
    words: list[tuple[str, int]] = []
    owners = 0  # words[k] is a plural possessive ("workers’") when bit k is set
    offset = m.start(1)
    for w in m.group(1).split():
        i = text.index(w, offset)
        offset = i + len(w)
        if w[-1] in "’'":
            w = w.rstrip("’'")
            owners |= 1 << len(words)
        words.append((w, i))
    kept: list[tuple[str, int]] = []
    skipped = 0
    coordinated = -1
    for k, (w, i) in enumerate(words):
        lw = w.lower()
        if k <= coordinated:
            continue
        if not kept and _coordinated(words, k):
            coordinated = k + 2  # "American and coalition service members": two modifiers joined, then the noun
            continue
        if not kept and (lw in UNIT_SKIP or (_demonym(w) and len(words) > 1)):
            continue
        if not kept and _passing_modifier(lw) and k + 1 < len(words) and words[k + 1][0][:1].islower():
            continue  # "six water-bombing planes", "1,200 written objections": the planes, the objections
        if lw in UNIT_STOP or lw.endswith("ly") or lw in SCALES:
            break
        if lw.endswith(("'s", "’s")):
            kept = []  # "80 of other people's ballots": the count is of what follows the possessive
            continue
        if owners >> k & 1 and _is_plural(w):
            kept.append((w, i))  # "two doctors' approval", "300 workers’ homes": a plural possessive is what is
            break  # counted, and ends the noun
        if w[0].isupper() and (kept or not lw.endswith(("ans", "ese", "ers", "ists"))):
            after = [x for x, _ in words[k + 1 : k + 3]]
            if not kept and _is_plural(w) and not (after and after[0][:1].isupper()):
                kept.append((w, i))  # "231 Democrats", "two Presidents": a capitalised plural is the noun
            elif not kept and skipped < 2 and any(x[:1].islower() for x in after):
                skipped += 1
                continue  # "seven Native American reservations", "5000 U.S. troops": a name before the noun
            break
        kept.append((w, i))
        if w[0].isupper() or lw in MEASURES:
            break  # "70 km/h burned towards", "10 kg bags": a measure ends the unit
        if len(kept) == 3:
            break
        if i + len(w) < len(text) and text[i + len(w)] in ',;:.!?)("”':
            break
    if not kept:
        return None, pos
    last = None
    for k, (w, _) in enumerate(kept):
        if _is_plural(w) or w.lower() in MEASURES or w.lower() in _SAME_IN_PLURAL:
            last = k
    if last is None:
        if not singular or kept[0][0][0].isupper():
            return None, pos
        last = 0
    w, i = kept[last]
    unit = " ".join(x for x, _ in kept[: last + 1]).lower()
    uend = i + len(w)
    if unit in MEASURES or unit + "s" in MEASURES:  # "moles per cubic meter", "one mole per litre"
        per = _PER_UNIT.match(text, uend, end)
        if per and per.group(2).lower() in PER_UNITS:
            unit, uend = f"{unit} per {per.group(1) or ''}{per.group(2)}".lower(), per.end()
    return unit, uend
