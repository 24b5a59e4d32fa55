"""Figures named in a text: money, counts with their unit noun, percentages, ranges and bounds.

Units are canonical so the database can be queried across articles (`unit = 'USD' and value > 1e9`): money
takes its ISO currency code, percentages "percent", counts the plural noun they count, lower-cased. Years,
dates, times and model names ("S-400", "F-35") look like numbers but are not figures, so they are skipped.
"""

from __future__ import annotations

import bisect
import math
import re

from tracker.extraction import dates as _dates
from tracker.extraction.dates import date_spans
from tracker.extraction.fold import fold
from tracker.records import Quantity

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
    "an": 1,
}
# Scale words, in three tables because the pattern spaces them differently: "5 million" or "5million",
# "5 bn" or "5bn", but only "5m" (so "5 m" stays five metres). The pattern is built from these tables.
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
SCALE_ABBREVIATIONS = {"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12}
SCALE_LETTERS = {"k": 1e3, "m": 1e6, "b": 1e9}
SCALES = {**SCALE_WORDS, **SCALE_ABBREVIATIONS, **SCALE_LETTERS}
# Plural vagueness: "hundreds of officials" is at least two hundred and fewer than a thousand.
# A vague plural says "at least one such unit" and no more: "hundreds of officials" is a lower bound of 100 (the
# upper end is not stated, and annotators record none).
_VAGUE_PLURALS = {
    "dozens": (12.0, None),
    "scores": (20.0, None),
    "hundreds": (100.0, None),
    "thousands": (1e3, None),
    "millions": (1e6, None),
    "billions": (1e9, None),
}
# "tens of thousands", "hundreds of billions": a multiplier before any plural. VAGUE holds every phrase the
# pattern (built from these two tables below) can match, so a match is always a key once folded.
_VAGUE_MULTIPLIERS = {"tens": 10.0, "hundreds": 100.0}
VAGUE = {
    **_VAGUE_PLURALS,
    **{
        f"{mul} of {plural}": (lo * k, None)
        for mul, k in _VAGUE_MULTIPLIERS.items()
        for plural, (lo, hi) in _VAGUE_PLURALS.items()
    },
}
CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "₽": "RUB",
    "rub": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "try": "TRY",
    "chf": "CHF",
    "₦": "NGN",
    "₱": "PHP",
    "zar": "ZAR",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "lira": "TRY",
    "liras": "TRY",
    "francs": "CHF",
    "won": "KRW",
    "naira": "NGN",
    "rand": "ZAR",
}
APPROX = {
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "close to",
    "an estimated",
    "estimated",
    "circa",
    "approx.",
    "~",
    "just over",
    "just under",
    "or so",
    "an average of",
    "on average",
}
LOWER = {
    "more than",
    "over",
    "at least",
    "above",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "just over",
    "or more",
    "as many as",
    "as much as",
    "exceeding",
}
UPPER = {
    "up to",
    "less than",
    "fewer than",
    "under",
    "below",
    "at most",
    "no more than",
    "nearly",
    "almost",
    "just under",
    "as few as",
    "as little as",
    "or less",
    "or fewer",
}
MEASURES = {
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "m2",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "pounds",
    "litres",
    "liters",
    "barrels",
    "gallons",
    "acres",
    "hectares",
    "mph",
    "km/h",
    "mw",
    "gw",
    "kwh",
    "degrees",
    "feet",
    "inches",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "seconds",
    "mg",
    "g",
    "cm",
    "mm",
    "ml",
    "mi",
    "ft",
    "lb",
    "lbs",
    "oz",
    "moles",
    "grams",
    "milligrams",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "yards",
}
# Nouns of measure a rate is "per" ("mg per liter", "moles per cubic meter", "miles per hour").
PER_UNITS = frozenset(
    """liter litre meter metre kilometre kilometer km mile hour day week month year second minute kg kilogram
    gram acre hectare gallon barrel tonne ton""".split()
)
# Words that end a unit noun phrase: the count is of the noun before them.
UNIT_STOP = frozenset(
    """of in on at to for with by from and or but nor that which who whom whose were was are is be been being
    have has had will would could should may might can must do does did the a an this these those there here
    than as per each every ago later earlier before after over under more less now then so its their his her
    our your my into onto out up down off about around against between through during since until while when
    where if not no also only just still even very too all both such same other another last next first
    who's it he she they we you i me us them him what why how each whereas whether via among amid
    always never often again ever already soon yet perhaps sometimes thus hence
    """.split()
)
# Adjectives that sit between a number and the noun it counts without being part of the unit.
UNIT_SKIP = frozenset(
    """new more other additional further extra former current senior junior top young old older small large big
    major key different separate several full total entire single individual whole own remaining estimated
    so-called recent""".split()
)
IRREGULAR_PLURALS = frozenset(
    "people men women children staff police personnel troops cattle sheep fish aircraft deer feet teeth mice "
    "police data media criteria buffalo bison moose species series offspring salmon livestock".split()
)
NATIONALITY = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese dutch belgian
    swiss austrian swedish norwegian danish finnish polish czech slovak hungarian romanian bulgarian greek
    turkish russian ukrainian belarusian georgian armenian azerbaijani iranian iraqi syrian lebanese israeli
    palestinian jordanian saudi egyptian libyan tunisian algerian moroccan nigerian kenyan ethiopian somali
    sudanese south african chinese japanese korean taiwanese vietnamese thai indonesian malaysian filipino
    indian pakistani afghan bangladeshi australian canadian mexican brazilian argentine argentinian chilean
    colombian venezuelan cuban peruvian european asian african arab kurdish western eastern northern southern
    serbian croatian bosnian kosovar albanian qatari emirati yemeni omani kuwaiti bahraini latvian lithuanian
    estonian icelandic slovenian macedonian moldovan kazakh uzbek tajik mongolian nepalese burmese sri lankan
    federal foreign""".split()
)

_NUM_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
    r"|million|billion|trillion|dozen)\b"
)
# "and" joins number words only after a scale word ("one hundred and five"); "two and one packages" is a list.
_WORDS = (
    rf"(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?{_NUM_WORD}"
    rf"(?:(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+|[\s-]+){_NUM_WORD})*"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


def _alternation(words) -> str:
    """A regex alternation of plain words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SCALE = (
    rf"(?:\s*(?:{_alternation(SCALE_WORDS)})\b|\s?(?:{_alternation(SCALE_ABBREVIATIONS)})\b"
    rf"|(?:{_alternation(SCALE_LETTERS)})\b)"
)
_VAGUE = rf"(?:(?:{_alternation(_VAGUE_MULTIPLIERS)})\s+of\s+)?(?:{_alternation(_VAGUE_PLURALS)})"
# ISO codes in capitals only: "they try 40 times" and "rub 40" are verbs.
_CUR = r"(?:US\$|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|S\$|R\$|[$€£¥₹₽₩₺₦₱]|(?:Rs\.?|(?-i:USD|EUR|GBP|JPY|CNY|RMB|INR|RUB|CHF|TRY|ZAR))\s?)"
_PRE = (
    r"(?:(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated|circa"
    r"|approx\.|~|just\s+over|just\s+under|an\s+average\s+of|more\s+than|over|at\s+least|above|upwards\s+of"
    r"|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|no\s+more\s+than|as\s+many\s+as|as\s+much\s+as"
    r"|as\s+few\s+as|as\s+little\s+as|up\s+to|less\s+than|fewer\s+than|under|below|at\s+most|exceeding"
    r"|between|from)\s+)"
)
_NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
QUANTITY_RE = re.compile(
    rf"""
    (?<![\w$€£¥.,:/-])
    (?P<pre>{_PRE})?
    (?:(?P<vague>{_VAGUE})(?:\s+of\b|(?=\s*[.,;:!?)]|\s+more\b))
     |(?P<cur>{_CUR})?(?P<num>{_NUMBER})(?P<scale>{_SCALE})?(?P<post1>\s*(?:%|per\s?cent\b|percent\b))?
      (?:\s*(?P<sep>-|–|—|\bto\b|\band\b|\bor\b)\s*(?P<cur2>{_CUR})?(?P<num2>{_DIGITS}|{_WORDS})(?P<scale2>{_SCALE})?)?
      (?P<post>\s*(?:%|per\s?cent\b|percentage\s+points?\b|(?:US\s+)?(?:dollars?|euros?|pounds\s+sterling|pounds?
              |sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|liras?|francs|naira|won|rand)\b))?
    )
    (?P<tail>\s+or\s+(?:so|more|less|fewer)\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
SINGLE_RE = re.compile(
    QUANTITY_RE.pattern.replace("(?P<sep>-|–|—|\\bto\\b|\\band\\b|\\bor\\b)", "(?P<sep>(?!))"),
    re.VERBOSE | re.IGNORECASE,
)
assert SINGLE_RE.pattern != QUANTITY_RE.pattern
# A number glued to letters or a hyphen after a capitalised code is a name: S-400, F-35, B - 1, COVID-19, G20.
_MODEL_BEFORE = re.compile(r"[A-Z][A-Za-z]{0,5}\s?[-‐–]\s?$")
_LABEL_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s$")
# "Number two, ...", "No. 10": a label or an item of a list, not a figure.
_ENUMERATOR = re.compile(r"\b(?:[Nn]umber|NUMBER|No\.)\s+$")
_TIME_AFTER = re.compile(r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock|hrs\b))", re.IGNORECASE)
_GLUED_AFTER = re.compile(r"[-‐]?[A-Za-z]")
# A number joined to the noun it measures: "48-acre", "four-pack", "three-hour", "8-year-old".
_HYPHEN_UNIT = re.compile(r"[-‐]([a-z]{2,})(?:[-‐](?:old|long)\b)?(?![-‐]?[a-z])")
_HYPHEN_MODIFIER = re.compile(r"\s+\d[\d.,]*[-‐][a-z]{2,}\b(?=\s+[a-z])")
_PER_UNIT = re.compile(r"\s+per\s+((?:cubic|square)\s+)?([A-Za-z]+)\b")
# Degrees glued to the number: "67.5°", "30 °C".
_DEGREES = re.compile(r"\s?°(?:\s?([CF])\b)?")
# "1.8m tall": metres, not million.
_METRES_AFTER = re.compile(r"\s+(?:tall|long|high|deep|wide)\b")
# Per hour: km/h is one word; "U.S." too.
_UNIT_WORDS = re.compile(r"(?:\s+of)?((?:\s+[A-Za-z][\w'’-]*(?:/h\b)?(?:\.[A-Za-z]\.?)*){1,4})")
# Compiled once: the functions below run for every figure.
_SPACES = re.compile(r"\s+")
_WORD_BREAKS = re.compile(r"[\s-]+")


def _words_value(words: str) -> float | None:
    """Value of spelled-out numbers: "five hundred thousand" 500000, "twenty-four hundred" 2400."""
    total = current = 0.0
    seen = False
    for w in _WORD_BREAKS.split(fold(words)):
        if w == "and" or not w:
            continue
        if w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
    return total + current if seen else None


def _number(text: str | None, scale: str | None) -> float | None:
    if not text:
        return None
    t = text.strip()
    value = float(t.replace(",", "")) if t[0].isdigit() or t[0] == "." else _words_value(t)
    if value is None:
        return None
    if scale:
        value *= SCALES[fold(scale.strip())]
    return value


def _currency(cur: str | None, post: str | None) -> str | None:
    if cur:
        return CURRENCY_SYMBOLS.get(cur.strip().lower())
    if post:
        key = _SPACES.sub(" ", post.strip().lower())
        return CURRENCY_WORDS.get(key) or CURRENCY_WORDS.get(key.replace("us ", ""))
    return None


def _is_plural(word: str) -> bool:
    w = word.lower()
    return w in IRREGULAR_PLURALS or (len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")))


def _demonym(word: str) -> bool:
    w = word.lower()
    return w in NATIONALITY or w.endswith("-made") or w.endswith("-based")


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
    offset = m.start(1)
    for w in m.group(1).split():
        i = text.index(w, offset)
        offset = i + len(w)
        words.append((w.rstrip("’'"), i))
    kept: list[tuple[str, int]] = []
    skipped = 0
    for k, (w, i) in enumerate(words):
        lw = w.lower()
        if not kept and (lw in UNIT_SKIP or (_demonym(w) and len(words) > 1)):
            continue
        if lw in UNIT_STOP or lw.endswith("ly") or lw in SCALES:
            break
        if lw.endswith(("'s", "’s")):
            kept = []  # "80 of other people's ballots": the count is of what follows the possessive
            continue
        if w[0].isupper() and (kept or not lw.endswith(("ans", "ese", "ers", "ists"))):
            after = [x for x, _ in words[k + 1 : k + 3]]
            if not kept and _is_plural(w) and not (after and after[0][:1].isupper()):
                kept.append((w, i))  # "231 Democrats", "two Presidents": a capitalised plural is the noun
            elif not kept and skipped < 2 and any(x[:1].islower() for x in after):
                skipped += 1
                continue  # "seven Native American reservations", "5000 U.S. troops": a name before the noun
            break
        kept.append((w, i))
        if w[0].isupper():
            break
        if len(kept) == 3:
            break
        if i + len(w) < len(text) and text[i + len(w)] in ',;:.!?)("”':
            break
    if not kept:
        return None, pos
    last = None
    for k, (w, _) in enumerate(kept):
        if _is_plural(w) or w.lower() in MEASURES:
            last = k
    if last is None:
        if not singular or kept[0][0][0].isupper():
            return None, pos
        last = 0
    w, i = kept[last]
    unit = " ".join(x for x, _ in kept[: last + 1]).lower()
    uend = i + len(w)
    if unit in MEASURES:
        per = _PER_UNIT.match(text, uend, end)
        if per and per.group(2).lower() in PER_UNITS:
            unit, uend = f"{unit} per {per.group(1) or ''}{per.group(2)}".lower(), per.end()
    return unit, uend


def _bounds(pre: str | None, tail: str | None, value: float | None) -> tuple[bool, float | None, float | None]:
    key = _SPACES.sub(" ", (pre or "").strip().lower())
    t = _SPACES.sub(" ", (tail or "").strip().lower())
    approx = key in APPROX or t == "or so"
    lower = value if key in LOWER or t == "or more" else None
    upper = value if key in UPPER or t in ("or less", "or fewer") else None
    return approx or lower is not None or upper is not None, lower, upper


def _skip(text: str, m: re.Match, lo: int) -> bool:
    """Numbers that are names, times or labels rather than figures."""
    s = m.start("num")
    if _MODEL_BEFORE.search(text[max(lo, s - 8) : s]):
        return True
    e = m.end("num") if not m.group("num2") else m.end("num2")
    if m.group("scale") or m.group("scale2") or m.group("post") or m.group("post1"):
        return False
    if _TIME_AFTER.match(text, e):
        return True
    if _GLUED_AFTER.match(text, e):
        return not (m.group("num2") is None and _HYPHEN_UNIT.match(text, e))
    return False


def _vague(m: re.Match, text: str, end: int) -> Quantity:
    lo, hi = VAGUE[_SPACES.sub(" ", fold(m.group("vague")))]
    unit, uend = unit_after(text, m.end(), end, False)
    cur = CURRENCY_WORDS.get(unit or "")
    stop = uend if unit else m.end()
    return Quantity(
        text=text[m.start() : stop],
        start=m.start(),
        end=stop,
        value=None,
        unit=cur or unit,
        currency=cur,
        approximate=True,
        lower=lo,
        upper=hi,
        kind="money" if cur else "count",
    )


def _build(m: re.Match, text: str, end: int) -> Quantity | None:
    num_text = m.group("num")
    if num_text.lower() in ("a", "an"):
        return None
    scale = m.group("scale")
    value = _number(num_text, scale)
    if value is None:
        return None
    pre = m.group("pre")
    pre_key = (pre or "").strip().lower()
    cur = m.group("cur") or m.group("cur2")
    post = (m.group("post") or m.group("post1") or "").strip().lower()
    value2 = _number(m.group("num2"), m.group("scale2") or None)
    sep = (m.group("sep") or "").lower()
    if value2 is not None and sep == "and" and pre_key != "between":
        value2 = None  # "two and three" outside "between" is a list, not a range
    if value2 is not None and not m.group("scale") and m.group("scale2"):
        value *= SCALES[fold(m.group("scale2").strip())]  # "$10-12 billion"
    currency = _currency(cur, post if not post.startswith(("%", "per", "percentage")) else None)
    if value2 is None and m.group("post1"):
        q_end = m.end("post1")
    else:
        q_end = (
            m.end("tail")
            if m.group("tail")
            else (
                m.end("post")
                if m.group("post")
                else (
                    m.end("scale2")
                    if m.group("scale2")
                    else m.end("num2")
                    if value2 is not None
                    else (m.end("scale") if scale else m.end("num"))
                )
            )
        )
    q_start = (
        m.start("pre")
        if pre and pre_key not in ("between", "from") or (pre and value2 is not None)
        else (m.start("cur") if m.group("cur") else m.start("num"))
    )
    unit: str | None  # unit_after may find none
    if currency:
        unit, kind = currency, "money"
    elif post.startswith("percentage"):
        unit, kind = "percentage points", "percent"
    elif post.startswith(("%", "per")):
        unit, kind = "percent", "percent"
    elif value2 is None and (hy := _HYPHEN_UNIT.match(text, q_end)) and hy.group(1) in FRACTIONS:
        value, unit, kind = value / FRACTIONS[hy.group(1)], None, "count"  # "two-thirds"
        q_end = hy.end()
    elif value2 is None and (hy := _HYPHEN_UNIT.match(text, q_end)):
        unit, kind = hy.group(1), "measure"  # "48-acre", "four-pack"
        q_end = hy.end()
    elif value2 is None and (deg := _DEGREES.match(text, q_end)):
        unit, kind = (f"°{deg.group(1)}" if deg.group(1) else "degree"), "measure"
        q_end = deg.end()
    elif scale and scale.strip().lower() == "m" and value2 is None and _METRES_AFTER.match(text, m.end("scale")):
        value, unit, kind = value / SCALES["m"], "m", "measure"  # "1.8m tall"
    else:
        if num_text.strip().lower() in ("one", "a", "an") and not scale:
            return None  # "one of them", "one thing": a pronoun more often than a figure
        unit, uend = unit_after(text, q_end, end, value == 1)
        if unit in CURRENCY_WORDS:
            unit = currency = CURRENCY_WORDS[unit]
            kind = "money"
        else:
            kind = "measure" if unit in MEASURES else "count"
        if unit:
            q_end = uend
    if value2 is not None:
        return Quantity(
            text=text[q_start:q_end],
            start=q_start,
            end=q_end,
            value=None,
            unit=unit,
            currency=currency,
            approximate=True,
            lower=_finite(min(value, value2)),
            upper=_finite(max(value, value2)),
            kind="range",
        )
    approx, lower, upper = _bounds(pre, m.group("tail"), value)
    return Quantity(
        text=text[q_start:q_end],
        start=q_start,
        end=q_end,
        value=_finite(value),
        unit=unit,
        currency=currency,
        approximate=approx,
        lower=_finite(lower),
        upper=_finite(upper),
        kind=kind,
    )


# Denominators written as words: "two-thirds", "three-quarters".
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}


def _finite(value: float | None) -> float | None:
    """A number past 1e308 reads as infinity, which JSON cannot hold and no figure means: the value is dropped
    (the figure, its unit and its offsets are kept)."""
    return value if value is None or math.isfinite(value) else None


def _inside(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Whether s..e overlaps one of `spans` (date spans: sorted and apart, so their ends are sorted too, and the
    last span starting before e is the only one that can reach past s). `starts` are the spans' starts."""
    i = bisect.bisect_left(starts, e)
    return i > 0 and spans[i - 1][1] > s


# Where a figure can begin: a digit, a currency sign or code, a number word, or a word that opens a bound
# ("more than", "about"). The full pattern is only tried at these, with `match`, in order: the same leftmost
# matches as searching the whole text, without trying a dozen alternatives at every character. Words are looked
# up in a set: a case-insensitive alternation of a hundred words costs more than the whole scan should.
def _triggers(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    return _dates.triggers(text, start, end)[1:]


# The most characters between where a figure starts and its number: "no fewer than US$ 5", "an average of 12".
_BEFORE_NUMBER = 40


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Figures in text[start:end], offsets into `text`, in order."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    dates = None
    date_starts: list[int] = []
    pos = start
    triggers, numbers = _triggers(text, start, end)
    i = j = 0
    n, n_numbers = len(triggers), len(numbers)
    while True:
        m = None
        while i < n:
            ts = triggers[i]
            i += 1
            if ts < pos:
                continue
            while j < n_numbers and numbers[j] < ts:
                j += 1
            if j == n_numbers or numbers[j] - ts > _BEFORE_NUMBER:
                continue  # "in", "about", "US" with no number after them
            m = QUANTITY_RE.match(text, ts, end)
            if m is not None:
                break
        if m is None:
            return out
        pos = m.end()
        if m.group("vague"):
            out.append(_vague(m, text, end))
            continue
        if m.group("num2") and m.group("sep").lower() == "and" and (m.group("pre") or "").strip().lower() != "between":
            # "€3bn and £40m" is two figures, not a range: read the first alone and go on after it.
            m = SINGLE_RE.match(text, m.start(), m.start("sep")) or m
            pos = m.end()
        if _skip(text, m, start):
            continue
        if dates is None:
            dates = date_spans(text, start, end)
            date_starts = [a for a, _ in dates]
        num_end = m.end("num2") if m.group("num2") else m.end("num")
        if dates and _inside(dates, date_starts, m.start("num"), num_end) and not (m.group("cur") or m.group("post")):
            continue
        if _is_label(text, m, start) or _ENUMERATOR.search(text, max(start, m.start() - 8), m.start()):
            continue
        q = _build(m, text, end)
        if q is not None:
            out.append(q)
            # "two 12-roll packs": the measure inside the count is read next, as a figure of its own.
            pos = m.end() if _HYPHEN_MODIFIER.match(text, m.end()) else max(pos, q.end)


def _is_label(text: str, m: re.Match, lo: int) -> bool:
    """ "Resolution 2231", "Article 5": a capitalised word right before a bare digit number names it."""
    if m.group("pre") or m.group("cur") or m.group("post") or m.group("scale") or not m.group("num")[0].isdigit():
        return False
    s = m.start("num")
    before = text[max(lo, s - 20) : s]
    lm = _LABEL_BEFORE.search(before)
    if not lm:
        return False
    word = lm.group(0).strip()
    return word.lower() not in UNIT_STOP and not (s - len(lm.group(0)) == lo)
