"""Figures named in a text: money, counts with their unit noun, percentages, ranges and bounds.

Units are canonical so the database can be queried across articles (`unit = 'USD' and value > 1e9`): money
takes its ISO currency code, percentages "percent", counts the plural noun they count, lower-cased. Years,
dates, times and model names ("S-400", "F-35") look like numbers but are not figures, so they are skipped.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from decimal import Decimal

from tracker.extraction.dates import date_spans
from tracker.extraction.dates import forget as forget_dates
from tracker.extraction.fold import IGNORECASE_ASCII, fold
from tracker.extraction.quantity_words import (  # noqa: F401 (re-exported: names.py and the tests read them here)
    _VAGUE_MULTIPLIERS,
    _VAGUE_PLURALS,
    APPROX,
    CURRENCY_PARTS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTIONS,
    IRREGULAR_PLURALS,
    LOWER,
    MEASURES,
    NATIONALITY,
    ORDINAL_NOT_UNITS,
    ORDINALS,
    PER_UNITS,
    SCALE_ABBREVIATIONS,
    SCALE_LETTERS,
    SCALE_WORDS,
    SCALES,
    SHARED_CURRENCIES,
    SMALL,
    UNIT_SKIP,
    UNIT_STOP,
    UPPER,
    VAGUE,
)
from tracker.extraction.triggers import _trie, triggers
from tracker.extraction.triggers import forget as forget_tokens
from tracker.extraction.triggers import ordinals as ordinal_starts
from tracker.extraction.units import _HYPHEN_MODIFIER, _is_plural, unit_after
from tracker.records import Quantity

_NUM_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
    r"|million|billion|trillion|dozen)\b"
)
# "and" joins number words only after a scale word ("one hundred and five"); "two and one packages" is a list.
# "three-and-a-half million", "two and a half": a half more than the number before it.
_AND_A_HALF = r"[\s-]+and[\s-]+a[\s-]+half\b"
_AND_A_HALF_RE = re.compile(_AND_A_HALF)
_WORDS = (
    rf"(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?{_NUM_WORD}"
    rf"(?:(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+|[\s-]+){_NUM_WORD}"
    rf"|{_AND_A_HALF})*"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


def _alternation(words) -> str:
    """A regex alternation of plain words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A scale word may be followed by a second, which multiplies it: "Rs 3.12 lakh crore" (10^12, Indian news), "5
# thousand crore", "2 thousand million".
_SCALE = (
    rf"(?:\s*(?:{_alternation(SCALE_WORDS)})\b(?:[ \t\xa0]+(?:{_alternation(SCALE_WORDS)})\b(?!-))?"
    rf"|\s?(?:{_alternation(SCALE_ABBREVIATIONS)})\b"
    rf"|(?:{_alternation(SCALE_LETTERS)})\b)"
)
_VAGUE = rf"(?:(?:{_alternation(_VAGUE_MULTIPLIERS)})\s+of\s+)?(?:{_alternation(_VAGUE_PLURALS)})"
# "by the hundreds", "in the thousands": a vague plural after "the" stands alone (one look-behind per plural: each
# must have a fixed width).
_AFTER_THE = "|".join(rf"(?<=\bthe\s{p})" for p in _VAGUE_PLURALS)
# "Dozens were injured", "thousands marched": a vague plural before any other word is a figure with no noun
# ("scores" not: "test scores rose").
_BEFORE_VERB = r"(?<!scores)(?=\s+(?!of\b)[a-z])"
# "hundreds of thousands came": with its multiplier a vague plural stands alone before any word.
_AFTER_MULTIPLIER = "|".join(rf"(?<=\sof\s{p})" for p in _VAGUE_PLURALS)
# ISO codes in capitals only: "they try 40 times" and "rub 40" are verbs.
_CUR = r"(?:US\$|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|S\$|R\$|[$€£¥₹₽₩₺₦₱]|(?:Rs\.?|(?-i:USD|EUR|GBP|JPY|CNY|RMB|INR|RUB|CHF|TRY|ZAR))\s?)"
_PRE = (
    r"(?:(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated|circa"
    r"|approx\.|just\s+over|just\s+under|an\s+average\s+of|more\s+than|over|at\s+least|above|upwards\s+of"
    r"|within|greater\s+than|higher\s+than|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|no\s+more\s+than|as\s+many\s+as|as\s+much\s+as"
    r"|as\s+few\s+as|as\s+little\s+as|up\s+to|less\s+than|fewer\s+than|under|below|at\s+most|exceeding"
    r"|between|from)\s+|~\s*)"  # "~40" with the tilde glued to its number too
)
_NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
QUANTITY_RE = re.compile(
    rf"""
    (?<![\w$€£¥.,:/%-])
    (?P<pre>{_PRE})?
    (?:(?P<vague>{_VAGUE})(?:\s+of\b|(?=\s*[.,;:!?)]|\s+more\b)|{_AFTER_THE}|{_AFTER_MULTIPLIER}|{_BEFORE_VERB})
     |(?P<cur>{_CUR})?(?P<num>{_NUMBER})(?P<scale>{_SCALE})?(?P<post1>\s*(?:%|per\s?cent\b|percent\b))?
      (?:\s*(?P<sep>-|–|—|\bto\b|\band\b|\bor\b)\s*(?P<cur2>{_CUR})?(?P<num2>{_DIGITS}|{_WORDS})(?P<scale2>{_SCALE})?)?
      (?P<post>\s*(?:%|per\s?cent\b|percentage\s+points?\b|(?-i:USD|EUR|GBP|JPY|CNY|RMB|INR|RUB|CHF|TRY|ZAR)\b
              |(?:(?:New\s+)?Taiwan|Hong\s+Kong|Canadian|Australian|New\s+Zealand|Singapore)\s+dollars?\b
              |(?:US\s+)?(?:dollars?|euros?|pounds\s+sterling|pounds?
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
# QUANTITY_RE with its word before the figure, vague amount and currency made to fail at once, its groups unchanged:
# what find_quantities tries at a digit, where none of the three can open (none starts with a digit).
QUANTITY_AT_DIGIT_RE = re.compile(
    QUANTITY_RE.pattern.replace("(?P<pre>", "(?P<pre>(?!)", 1)
    .replace("(?P<vague>", "(?P<vague>(?!)", 1)
    .replace("(?P<cur>", "(?P<cur>(?!)", 1),
    re.VERBOSE | re.IGNORECASE,
)
assert QUANTITY_AT_DIGIT_RE.groupindex == QUANTITY_RE.groupindex and QUANTITY_AT_DIGIT_RE.pattern.count("(?!)") == 3
# A number glued to letters or a hyphen after a capitalised code is a name: S-400, F-35, B - 1, COVID-19, G20.
_MODEL_BEFORE = re.compile(r"[A-Z][A-Za-z]{0,5}\s?[-‐–]\s?$")
_LABEL_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s$")
# "Number two, ...", "No. 10": a label or an item of a list, not a figure.
_ENUMERATOR = re.compile(r"\b(?:[Nn]umber|NUMBER|No\.)\s+$")
_TIME_AFTER = re.compile(r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock|hrs\b))", re.IGNORECASE)
_GLUED_AFTER = re.compile(r"[-‐]?[A-Za-z]")
# A number joined to the noun it measures: "48-acre", "four-pack", "three-hour", "8-year-old".
_HYPHEN_UNIT = re.compile(r"[-‐]([a-z]{2,})(?:[-‐](?:old|long)\b)?(?![-‐]?[a-z])")
# A race or elapsed time, hours:minutes:seconds ("2:14:04", "1:59:40.2"): a figure in seconds. A time of day has
# two parts ("10:30"), so three parts are a duration.
_CLOCK = re.compile(
    r"(?<![\w:.])(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)(?![\w:]|\.\d|\s?(?:[ap]\.?m\b|GMT|UTC))", re.IGNORECASE
)
# A whole number and a fraction: "2 1/2 hours" is 2.5 hours.
_MIXED = re.compile(r"(?<![\w/.,])(\d{1,3})\s+([1-9])/([2-9]|1[0-6])(?![\w/]|\.\d)")
# "within a month", "within an hour": at most one of a unit of time.
_WITHIN_ONE = re.compile(r"within\s+(?:a|an|one)\s+(second|minute|hour|day|week|fortnight|month|year|decade)\b", re.I)
# "a third of the country", "about a quarter as much": a share written with its article.
_SHARE = re.compile(
    r"(?:(more\s+than|less\s+than|just\s+over|just\s+under|over|under|at\s+least|nearly|almost|about|roughly"
    r"|as\s+little\s+as)\s+)?"
    r"(?:(?:a|one)\s+(half|third|quarter|fifth|tenth|hundredth|thousandth|millionth|billionth)|(half))\s+"
    r"(?=(?:of|as)\b)",
    re.I,
)
# "half a million people", "about a quarter of a billion dollars": a share of a scale word (or of a percentage
# point) is one number (without
# this, "a million people" after "half" was read alone, twice the figure).
_PART_OF_SCALE = re.compile(
    r"(?:(about|around|approximately|roughly|some|nearly|almost|over|under|more\s+than|less\s+than|at\s+least"
    r"|up\s+to|just\s+over|just\s+under)\s+)?"
    r"(?:(half)|(?:a|one)\s+(quarter|third)|three\s+(quarters)|two[\s-]+(thirds))(?:\s+of)?\s+an?\s+"
    r"(hundred|thousand|million|billion|trillion|dozen|percentage\s+point|per\s?cent(?:age)?\s+point)\b",
    re.I,
)
# A share after "by" closing its phrase: "fell by half", "jumped by a third in the first half", "cut by a quarter,"
# (not "hit by a third wave": a word that is no preposition or conjunction after the share makes it an ordinal).
_BY_SHARE = re.compile(
    r"(?:(?:a|one)\s+(third|quarter)|(half))(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|since|from|over|to|compared|this|"
    r"last|between|during|after|before|and|but|while|as|year|month|week)\b)",
    re.I,
)
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
# An ordinal before a bare "half": "the first half of the year", "the second half of 2020" name a period.
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|last|latter|former|final)\s+$", re.I)
_PARTS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.75, "thirds": 2 / 3}
# "a tenth of a second", "a millionth of a mole": a share of one unit of measure is a figure in that unit.
_OF_ONE = re.compile(r"\s+of\s+(?:a|an|one)(?=\s)", re.I)
# An age: "She was 26.", "aged 61": a bare number after "aged", or after "he/she was" and before the clause ends.
_AGE_BEFORE = re.compile(r"(?:\baged|\b(?:he|she)\s+(?:was|is))\s+$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:[.,;)]|$)")
# A rank on a named scale, "Category 5", "Level 3": the number is a figure whose unit is the scale word.
_SCALE_LABEL = re.compile(r"\b(?-i:Category|Level|Stage|Phase|Grade|Class|Tier)\s$")
_OF_AFTER = re.compile(r"\s+of\b")
# "23 of the 61 seats", "five of its 12 members": a part of a counted whole counts the same noun.
_OF_THE_NUMBER = re.compile(
    rf"\s+of\s+(?:(?:the|its|their|his|her|our|all|these|those)\s+)?(?:{_DIGITS}|{_WORDS})(?=\s+[a-z])", re.I
)
# "all 157 aboard", "sixteen on-board": a bare number before these counts the people on a craft.
_ABOARD = re.compile(r"\s+(?:on[\s-]?board|aboard)\b", re.I)
# Degrees glued to the number: "67.5°", "30 °C".
_DEGREES = re.compile(r"\s?°(?:\s?([CF])\b)?")
# "1.8m tall", "4,000m above sea level": metres, not million (a word of size after the "m").
_METRES_AFTER = re.compile(
    r"\s+(?:tall|long|high|deep|wide|in\s+(?:height|length|depth|diameter|width)|(?:above|below)\s+sea\s+level)\b"
)
# Compiled once: the functions below run for every figure.
_SPACES = re.compile(r"\s+")
_WORD_BREAKS = re.compile(r"[\s-]+")


def _words_value(words: str) -> float | None:
    """Value of spelled-out numbers: "five hundred thousand" 500000, "twenty-four hundred" 2400."""
    total = current = 0.0
    seen = False
    for w in _WORD_BREAKS.split(_AND_A_HALF_RE.sub(" half", fold(words))):
        if w == "and" or not w:
            continue
        if w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w == "half":
            current += 0.5  # "three and a half"
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
    value: float | None
    if t[0].isdigit() or t[0] == ".":
        digits = t.replace(",", "")
        if scale and "." in digits:
            # Scaled in decimal and rounded once: in binary 4.1 is 4.0999…, and 4.1 × 1e9 was 4099999999.9999995
            # for "$4.1 billion". (A whole number and a scale are exact in binary: their product is rounded once.)
            return float(Decimal(digits) * int(_scale_value(scale)))
        value = float(digits)
    else:
        value = _words_value(t)  # whole numbers and halves: exact in binary, as a scale is
    if value is None:
        return None
    if scale:
        value *= _scale_value(scale)
    return value


def _scale_value(scale: str) -> float:
    """What a matched scale multiplies by: one word ("million"), or two ("lakh crore" = 10^5 × 10^7)."""
    value = 1.0
    for w in scale.split():
        value *= SCALES[fold(w)]
    return value


def _money(text: str, start: int, end: int, word: str) -> tuple[str, str | None]:
    """The unit and currency of the currency word `word` that ends text[start:end] (the words after a number):
    a word several countries use is read with the capitalised words before it ("500 Namibian dollars": NAD; "500
    CFA francs": unit "cfa francs", currency unknown); others keep their one code."""
    default = CURRENCY_WORDS[word]
    countries = SHARED_CURRENCIES.get(word.rsplit(None, 1)[-1].rstrip("s"))
    if countries is None:
        return default, default
    named = " ".join(w.lower() for w in text[start:end].split()[:-1] if w[0].isupper())
    if not named:
        return default, default
    code = countries.get(named)
    return (code, code) if code else (f"{named} {word}", None)


def _currency(cur: str | None, post: str | None) -> str | None:
    if cur:
        return CURRENCY_SYMBOLS.get(cur.strip().lower())
    if post:
        key = _SPACES.sub(" ", post.strip().lower())
        return CURRENCY_WORDS.get(key) or CURRENCY_WORDS.get(key.replace("us ", ""))
    return None


def _bounds(pre: str | None, tail: str | None, value: float | None) -> tuple[bool, float | None, float | None]:
    if not pre and not tail and not _EMPTY_BOUNDS:
        return False, None, None  # the common case: a bare figure, no word before or after it
    key = _SPACES.sub(" ", (pre or "").strip().lower())
    t = _SPACES.sub(" ", (tail or "").strip().lower())
    approx = key in APPROX or t == "or so"
    lower = value if key in LOWER or t == "or more" else None
    upper = value if key in UPPER or t in ("or less", "or fewer") else None
    return approx or lower is not None or upper is not None, lower, upper


_EMPTY_BOUNDS = "" in APPROX or "" in LOWER or "" in UPPER  # (never: the tables hold words)


def _skip(text: str, m: re.Match, lo: int) -> bool:
    """Numbers that are names, times or labels rather than figures."""
    s = m.start("num")
    # The patterns are tried only where the character they need stands: a dash (and a space) before the number,
    # a colon, space or letter after it (\s is what str.isspace is).
    if _dash_before(text[max(lo, s - 3) : s]) and _MODEL_BEFORE.search(text[max(lo, s - 8) : s]):
        return True
    e = m.end("num") if not m.group("num2") else m.end("num2")
    if text.startswith("/", e) and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # "24/7", "1/5/2020": a slash joins it to another number
    if m.group("scale") or m.group("scale2") or m.group("post") or m.group("post1"):
        return False
    after = text[e : e + 1]
    if (
        after == ":" or after in _TIME_OPENERS or after.isspace() and text[e + 1 : e + 2] in _TIME_OPENERS
    ) and _TIME_AFTER.match(text, e):
        return True
    if (after in ("-", "‐") or "a" <= after <= "z" or "A" <= after <= "Z") and _GLUED_AFTER.match(text, e):
        return not (m.group("num2") is None and _HYPHEN_UNIT.match(text, e))
    return False


_TIME_OPENERS = frozenset("aApPgGuUoOhH")  # the letters _TIME_AFTER's words open with


_DASHES = frozenset("-‐–")


def _dash_before(w: str) -> bool:
    """Whether `w` ends as a match of _MODEL_BEFORE must: a dash, or a dash and one space, at its end or before
    a final line break (where `$` also matches)."""
    if w.endswith("\n") and _dash_before(w[:-1]):
        return True
    return bool(w) and (w[-1] in _DASHES or w[-1].isspace() and w[-2:-1] in _DASHES)


def _vague(m: re.Match, text: str, end: int) -> Quantity:
    lo, hi = VAGUE[_SPACES.sub(" ", fold(m.group("vague")))]
    if m.end() == m.end("vague"):
        unit, uend = None, m.end()  # "Dozens were hurt", "thousands." : the noun is not after it
    else:
        unit, uend = unit_after(text, m.end(), end, False)  # "thousands of people"
    cur, kind = None, "count"
    if unit in CURRENCY_WORDS:
        (unit, cur), kind = _money(text, m.end(), uend, unit), "money"
    stop = uend if unit else m.end()
    return Quantity(
        text=text[m.start() : stop],
        start=m.start(),
        end=stop,
        value=lo if hi is None else None,  # "hundreds" as "more than 100" is written: value 100, lower 100
        unit=unit,
        currency=cur,
        approximate=True,
        lower=lo,
        upper=hi,
        kind=kind,
    )


def _build(m: re.Match, text: str, end: int) -> Quantity | None:
    g = m.groupdict()  # one call for the groups read below, a dozen times per figure
    num_text = g["num"]
    if num_text.lower() in ("a", "an"):
        return None
    scale = g["scale"]
    value = _number(num_text, scale)
    if value is None:
        return None
    pre = g["pre"]
    pre_key = (pre or "").strip().lower()
    cur = g["cur"] or g["cur2"]
    post = (g["post"] or g["post1"] or "").strip().lower()
    value2 = _number(g["num2"], g["scale2"] or None)
    sep = (g["sep"] or "").lower()
    if value2 is not None and sep == "and" and pre_key != "between":
        value2 = None  # "two and three" outside "between" is a list, not a range
    if value2 is not None and not g["scale"] and g["scale2"]:
        value = _number(num_text, g["scale2"]) or value  # "$10-12 billion"
    currency = _currency(cur, post if not post.startswith(("%", "per", "percentage")) else None)
    if value2 is None and g["post1"]:
        q_end = m.end("post1")
    else:
        q_end = (
            m.end("tail")
            if g["tail"]
            else (
                m.end("post")
                if g["post"]
                else (
                    m.end("scale2")
                    if g["scale2"]
                    else m.end("num2")
                    if value2 is not None
                    else (m.end("scale") if scale else m.end("num"))
                )
            )
        )
    q_start = (
        m.start("pre")
        if pre and pre_key not in ("between", "from") or (pre and value2 is not None)
        else (m.start("cur") if g["cur"] else m.start("num"))
    )
    unit: str | None  # unit_after may find none
    # _HYPHEN_UNIT opens with a hyphen, _DEGREES holds a degree sign: tried only where one stands.
    hy = _HYPHEN_UNIT.match(text, q_end) if value2 is None and text[q_end : q_end + 1] in ("-", "‐") else None
    if currency == "GBP" and post.startswith("pound") and _weight(text, m):
        currency, unit, kind = None, "pounds", "measure"  # "it weighed 12 pounds", "40 pounds of cocaine"
    elif currency:
        unit, kind = currency, "money"
    elif post.startswith("percentage"):
        unit, kind = "percentage points", "percent"
    elif post.startswith(("%", "per")):
        unit, kind = "percent", "percent"
    elif hy is not None and hy.group(1) in FRACTIONS:
        value, unit, kind = value / FRACTIONS[hy.group(1)], None, "count"  # "two-thirds"
        q_end = hy.end()
    elif hy is not None:
        unit, kind = hy.group(1), "measure"  # "48-acre", "four-pack"
        q_end = hy.end()
    elif value2 is None and "°" in text[q_end : q_end + 2] and (deg := _DEGREES.match(text, q_end, end)):
        unit, kind = (f"°{deg.group(1)}" if deg.group(1) else "degree"), "measure"
        q_end = deg.end()
    elif (scale or g["scale2"]) and _in_metres(m, text, value2 is not None):
        value, unit, kind = value / SCALES["m"], "m", "measure"  # "1.8m tall", "1.5m-2m high", "1.5-2m high"
        if value2 is not None:
            value2 /= SCALES["m"]
    else:
        if num_text.strip().lower() in ("a", "an") and not scale:
            return None
        if num_text.strip().lower() == "one" and not scale and not _one_counts(text, m.start("num"), q_end):
            return None  # "one of them", "one thing", "no one": a pronoun more often than a figure
        unit, uend = unit_after(text, q_end, end, value == 1)
        if unit is None and num_text.strip().lower() == "one" and not scale:
            return None
        if (
            unit is None
            and not scale
            and not pre
            and _age_before(text, max(0, m.start() - 12), m.start())
            and _AGE_AFTER.match(text, q_end)
        ):
            unit, kind = "years", "measure"
        if unit in FRACTIONS and not scale and value < 20 and _OF_AFTER.match(text, uend):
            value, unit, q_end = value / FRACTIONS[unit], None, uend  # "two thirds of voters": 2/3, as "two-thirds"
        if unit is None and value2 is None and (part := _OF_THE_NUMBER.match(text, q_end, end)) is not None:
            unit, _ = unit_after(text, part.end(), end, False)  # "won 23 of the 61 seats": 23 seats
            unit = None if unit in CURRENCY_WORDS else unit
            uend = q_end
        if unit is None and text[q_end : q_end + 1].isspace() and _ABOARD.match(text, q_end):
            unit = "people"  # "all 157 aboard", "the sixteen on board": the people on a craft
        if unit in CURRENCY_WORDS:
            unit, currency = _money(text, q_end, uend, unit)
            kind = "money"
        elif unit in CURRENCY_PARTS:
            kind = "money"  # "18 cents a share": money, in a currency the words do not name
        else:
            kind = "measure" if _is_measure(unit) else "count"
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
    approx, lower, upper = _bounds(pre, g["tail"], value)
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


def _in_metres(m: re.Match, text: str, ranged: bool) -> bool:
    """Whether an "m" glued to the number (to the second of a range, and to the first if it has a scale) is metres,
    not million: a word of size follows it ("1.8m tall", "waves of 1.5m-2m high")."""
    last = "scale2" if ranged else "scale"
    scale = m.group(last)
    if not scale or scale.strip().lower() != "m":
        return False
    if ranged and m.group("scale") and m.group("scale").strip().lower() != "m":
        return False  # "1bn-2m high": not one unit
    return _METRES_AFTER.match(text, m.end(last)) is not None


def _is_measure(unit: str | None) -> bool:
    """Whether a unit is a measure: its last word one of MEASURES, in the plural or singular ("1 metre", "1 inch",
    "5 square miles", "1 foot"), or a rate ("mg per liter")."""
    if not unit:
        return False
    last = unit[unit.rfind(" ") + 1 :]
    return last in MEASURES or last + "s" in MEASURES or last + "es" in MEASURES or last == "foot" or " per " in unit


def _age_before(text: str, lo: int, hi: int) -> bool:
    """_AGE_BEFORE in text[lo:hi], searched only when the window holds "aged" or "he" (as in "she") or is not ASCII
    (where IGNORECASE may fold other letters)."""
    window = text[lo:hi]
    if window.isascii():
        low = window.lower()
        if "aged" not in low and "he" not in low:
            return False
    return _AGE_BEFORE.search(text, lo, hi) is not None


# "one" counts the noun after it ("one independent supported", "by one digit", "a one year sentence"), but not
# as a pronoun ("one of them", "one another", "no one", "the one who") nor in set phrases ("one day", "at one
# point", "one thing", "on the one hand").
_ONE_NEXT = re.compile(r"\s+([a-z][a-z'’-]*)")
_ONE_NOT_AFTER = frozenset(
    """another thing things way ways day time point hand side reason more way, anyone someone one's""".split()
)
_ONE_NOT_BEFORE = re.compile(r"\b(?:no|the|any|each|every|which|this|that|at|some|such|only|just|every)\s+$", re.I)


def _one_counts(text: str, start: int, end: int) -> bool:
    nxt = _ONE_NEXT.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1).lower()
    if word in UNIT_STOP or word in _ONE_NOT_AFTER or word.endswith("ly"):
        return False
    return _ONE_NOT_BEFORE.search(text, max(0, start - 8), start) is None


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
def _triggers(text: str, start: int, end: int, sentences: list | None = None) -> tuple[list[int], list[int]]:
    return triggers(text, start, end, sentences)[1:]


# The most characters between where a figure starts and its number: "no fewer than US$ 5", "an average of 12".
_BEFORE_NUMBER = 40


# "its tenth patrol", "on the second ballot": an ordinal in lower case (capitalised, it names: "Second World War")
# before the noun it numbers; not after "a" ("a third party", "a second attack" is one more) nor "every" ("every
# second day"). Its kind is "rank": it numbers one thing rather than counting many.
# A trie with no look-behind: half the cost of the plain alternation; the character before is checked after.
_ORDINAL = re.compile(r"(" + _trie(ORDINALS) + r")(?=\s+[a-z])")
_ORDINAL_NOT_BEFORE = re.compile(r"\b(?:[Aa]n?|per|every|each|one)\s+$")


def _ordinals(text: str, start: int, end: int) -> list[Quantity]:
    """Ordinals before the noun they number, in text[start:end]: the matches of _ORDINAL with no letter, digit,
    "_" or "-" before them, found from the ordinal words of the token pass (triggers.ordinals) rather than by
    trying _ORDINAL at every character."""
    out = []
    for s in ordinal_starts(text, start, end):
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            continue
        m = _ORDINAL.match(text, s, end)
        if m is None:
            continue
        if _ORDINAL_NOT_BEFORE.search(text, max(start, m.start() - 7), m.start()):
            continue
        unit, uend = unit_after(text, m.end(), end, True)
        if unit is None or unit.split()[0] in ORDINAL_NOT_UNITS or unit.endswith("est"):
            continue
        if _is_plural(unit[unit.rfind(" ") + 1 :]):
            continue  # "second homes", "third parties", "third states": a rank numbers one thing, a plural is a kind
        if unit in MEASURES or unit + "s" in MEASURES or unit in CURRENCY_WORDS:
            continue  # "the third day", "the second year": a point in time, not a count
        out.append(Quantity(text[m.start() : uend], m.start(), uend, float(ORDINALS[m.group(1)]), unit, kind="rank"))
    return out


def find_quantities(
    text: str, start: int = 0, end: int | None = None, sentences: list[tuple[int, int]] | None = None
) -> list[Quantity]:
    """Figures in text[start:end], offsets into `text`, in order. With the text's `sentences`, figures are looked
    for among the first triggers.MAX_NUMBERS numbers of each sentence and the text's budget of numbers only (a bound
    on the work a table run together costs; real news never comes near it)."""
    end = len(text) if end is None else end
    out = _find(text, start, end, sentences)
    extra = _ordinals(text, start, end)
    if extra:
        taken = [(q.start, q.end) for q in out]
        extra = [q for q in extra if not any(a < q.end and q.start < b for a, b in taken)]
        out = sorted(out + extra, key=lambda q: q.start)
    return out


def _find(text: str, start: int, end: int, sentences: list | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    dates = None
    date_starts: list[int] = []
    pos = start
    triggers, numbers = _triggers(text, start, end, sentences)
    slash = "/" in text  # _MIXED needs one ("2 1/2"): most articles have none
    i = j = 0
    n, n_numbers = len(triggers), len(numbers)
    while True:
        m = None
        while i < n:
            ts = triggers[i]
            i += 1
            if ts < pos:
                continue
            # The letters _word_figure's patterns open with: "a third", "over half", "just over half", "within", …
            if text[ts] in "aAoOwWmMlLhHnNrRuUtTjJ" and (q := _word_figure(text, ts, end)) is not None:
                out.append(q)
                pos = q.end
                continue
            while j < n_numbers and numbers[j] < ts:
                j += 1
            if j == n_numbers or numbers[j] - ts > _BEFORE_NUMBER:
                continue  # "in", "about", "US" with no number after them
            digit = text[ts].isdigit()  # _CLOCK and _MIXED open with a digit: at a word they cannot match
            if digit and ":" in text[ts + 1 : ts + 3] and (clock := _CLOCK.match(text, ts, end)) is not None:
                h, mi, sec = clock.groups()
                out.append(
                    Quantity(
                        text=clock.group(),
                        start=ts,
                        end=clock.end(),
                        value=int(h) * 3600 + int(mi) * 60 + float(sec),
                        unit="seconds",
                        kind="measure",
                    )
                )
                pos = clock.end()
                continue
            if digit and slash and (mixed := _MIXED.match(text, ts, end)) is not None:
                whole, num, den = (int(x) for x in mixed.groups())
                if num < den:
                    unit, uend = unit_after(text, mixed.end(), end, False)
                    stop = uend if unit else mixed.end()
                    kind = "measure" if _is_measure(unit) else "count"
                    out.append(Quantity(text[ts:stop], ts, stop, whole + num / den, unit, kind=kind))
                    pos = stop
                    continue
            m = (QUANTITY_AT_DIGIT_RE if digit else QUANTITY_RE).match(text, ts, end)
            if m is not None:
                break
        if m is None:
            return out
        pos = m.end()
        if m.group("vague"):
            out.append(_more_of(_vague(m, text, end), out, text))
            continue
        if (text.startswith(" in ", m.end("num")) or text.startswith(" out of ", m.end("num"))) and (
            r := _ratio(text, m, end)
        ) is not None:
            out.append(r)
            pos = r.end
            continue
        shared = None
        if m.group("num2") and m.group("sep").lower() == "and" and (m.group("pre") or "").strip().lower() != "between":
            # "€3bn and £40m" is two figures, not a range: read the first alone and go on after it.
            full = m
            m = SINGLE_RE.match(text, m.start(), m.start("sep")) or m
            pos = m.end()
            if m is not full and not any(full.group(g) for g in ("cur", "cur2", "post", "post1", "scale", "scale2")):
                shared = full.end("num2")  # "two and one package": both count the noun after the second
        if m.group("num2") and (_different_units(m) or _is_tally(m)):
            # "fell 3.38% to $55.12": a change and a level; "voted 52 to 48": a tally. Two figures, not a range.
            m = SINGLE_RE.match(text, m.start(), m.start("sep")) or m
            pos = m.end()
        # Each test below drops the figure, so their order does not matter: the one most often true in a text
        # dense with dates (a number inside a date, "May 5") goes first.
        if dates is None:
            dates = date_spans(text, start, end, sentences)
            date_starts = [a for a, _ in dates]
        num_end = m.end("num2") if m.group("num2") else m.end("num")
        if dates and _inside(dates, date_starts, m.start("num"), num_end) and not (m.group("cur") or m.group("post")):
            if (m.group("scale2") or m.group("cur2")) and not _inside(
                dates, date_starts, m.start("num2"), m.end("num2")
            ):
                # "from 3.2 million in 2010 to 3.9 million": a year, then a figure of its own (not "March 15 to 17",
                # a range of days whose second number is no figure)
                pos = m.start("cur2") if m.group("cur2") else m.start("num2")
            continue
        if _is_score(text, m) or _in_reference(text, m):
            continue
        if _skip(text, m, start):
            continue
        label = _is_label(text, m, start)
        if label and (sl := _SCALE_LABEL.search(text, max(start, m.start() - 9), m.start())):
            q = _build(m, text, m.end("num"))
            if q is not None and q.unit is None:
                out.append(Quantity(q.text, q.start, q.end, q.value, sl.group().strip().lower(), kind="measure"))
            continue
        if label or _enumerated(text, max(start, m.start() - 8), m.start()):
            continue
        q = _build(m, text, end)
        if q is not None and shared is not None and q.unit is None and q.kind == "count":
            unit, _ = unit_after(text, shared, end, True)
            if unit and unit not in CURRENCY_WORDS:
                q = dataclasses.replace(q, unit=unit)
        if q is not None and q.unit is None and q.text.isdigit() and len(q.text) >= 3:
            if _named(text, q.text):
                continue  # "the 707 was a freighter" where the text says "Boeing 707": a model, not a figure
            if len(q.text) == 4 and _year_before_noun(text, q.start, q.end):
                continue  # "The 2021 census", "its 2019 report": a year naming which one, not a count
        if q is not None:
            out.append(_more_of(q, out, text))
            # "two 12-roll packs": the measure inside the count is read next, as a figure of its own.
            pos = m.end() if _HYPHEN_MODIFIER.match(text, m.end()) else max(pos, q.end)


# "one in five adults", "3 out of 10 voters": a share, not a count of the noun.
_RATIO = re.compile(rf"\s+(?:in|out\s+of)\s+({_DIGITS}|{_WORDS})(?![\w%.,]\w)", re.I)


def _ratio(text: str, m: re.Match, end: int) -> Quantity | None:
    """ "One in five adults smoke" is a share of 1/5 (with its bound: "roughly one in three"), when the first
    number is the smaller and neither has a scale or sign (a bare number past 1000 is a year); tried only where
    " in " or " out of " follows."""
    if any(m.group(g) for g in ("cur", "scale", "post", "post1", "num2")):
        return None
    r = _RATIO.match(text, m.end("num"), end)
    if r is None:
        return None
    a, b = _number(m.group("num"), None), _number(r.group(1), None)
    big = r.group(1)
    if a is None or b is None or not 0 < a < b or b > 1000 and big.isdigit():
        return None  # "2 in 2019": a year; "10 in 100,000" and "one in a million" are rates
    value = a / b
    approx, lower, upper = _bounds(m.group("pre"), None, value)
    start = m.start("pre") if m.group("pre") else m.start("num")
    return Quantity(text[start : r.end()], start, r.end(), value, None, approximate=approx, lower=lower, upper=upper)


# A year before the noun it dates, after a determiner (and a word): "The 2021 census", "its 2019 report", "the
# upcoming 2020 census".
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hat)\s(?:[a-z]+\s)?$")
_NOUN_AFTER = re.compile(r"\s([a-z]+)\b")


def _year_before_noun(text: str, start: int, end: int) -> bool:
    """Whether the bare four-digit number text[start:end] is a year (1500 to 2100) between a determiner and a
    lower-case word that is no stop word ("the 2000 who died" counts people)."""
    if not 1500 <= int(text[start:end]) <= 2100 or not _DETERMINER_BEFORE.search(text, max(0, start - 24), start):
        return False
    nxt = _NOUN_AFTER.match(text, end)
    return nxt is not None and nxt.group(1) not in UNIT_STOP


def _named(text: str, number: str) -> bool:
    """Whether `number` stands somewhere in the text right after a capitalised name ("Boeing 707", "Airbus
    320s"): then a bare "707" elsewhere names the same thing. Tried only for bare numbers of three digits or more
    with no noun, bound or sign."""
    return number in _named_numbers(text)


# `\b` spelt as a look-behind after the capital: a pattern that opens with a class lets the engine skip to the next
# capital instead of entering the pattern at every character (the same matches).
_NAME_NUMBER = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z]*)\s(\d{3,})(?![\d.,]\d)")


@functools.lru_cache(maxsize=1)
def _named_numbers(text: str) -> frozenset[str]:
    """The numbers the text writes right after a name, found in one pass and kept for the article (figures are
    found sentence by sentence in the same text): a search of the whole text per number would grow with the
    square of a text full of such numbers."""
    return frozenset(
        m.group(2)
        for m in _NAME_NUMBER.finditer(text)
        if m.group(1).lower() not in UNIT_STOP and m.group(1).lower() not in _MONTH_WORDS
    )


def forget() -> None:
    """Drop what is kept for the last text: its numbers after names, its date scan and its tokens (see
    dates.forget)."""
    _named_numbers.cache_clear()
    _word_needles.cache_clear()
    forget_dates()
    forget_tokens()


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december".split()
)


# "thousands more", "12 more were hurt": more of what the figure before it in the sentence counts. So is a bare
# number compared with a count ("two million refugees, down from a peak of over three million").
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+(?:than|of)\b)")
_COMPARED = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs)\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?][\s\"”’)]")


def _more_of(q: Quantity, out: list[Quantity], text: str) -> Quantity:
    """A count with no noun counts the noun of the count before it in the same sentence when "more" follows it
    ("hundreds of soldiers and the wounding of thousands more") or a comparison word stands between them ("rose
    to 40 schools from 25")."""
    if q.unit is not None or q.kind not in ("count", "range") or not out:
        return q
    prev = out[-1]
    if prev.unit is None or prev.currency or prev.kind != "count" or q.start - prev.end > 120:
        return q
    more = text.startswith(" more", q.end) and _MORE_AFTER.match(text, q.end)
    if not more and not _COMPARED.search(text, prev.end, q.start):
        return q
    if _SENTENCE_BREAK.search(text, prev.end, q.start):
        return q
    return dataclasses.replace(q, unit=prev.unit)


# "pounds" weigh rather than pay after a verb of weight or before "of" and a noun ("40 pounds of cocaine").
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh\w*|heavy|heavier|lighter)\b[^.;!?]*$", re.I)
_WEIGHT_AFTER = re.compile(r"\s+(?:of\s+(?!the\b|his\b|her\b|their\b|its\b|public\b|taxpayers)[a-z]|heavier|lighter)")


def _weight(text: str, m: re.Match) -> bool:
    return bool(
        _WEIGHT_AFTER.match(text, m.end("post")) or _WEIGHT_BEFORE.search(text, max(0, m.start() - 40), m.start())
    )


def _different_units(m: re.Match) -> bool:
    """Two numbers joined whose units differ are two figures, a change and a level, not a range (whose ends share
    a unit): a percent then money ("fell 3.38% to $55.12") or a count ("fell 2.5% to 1.2 million barrels", "rose
    by 21% to 1.02 million"), money then a percent ("$5 to 7%"), two currencies ("$5 to €4")."""
    post = (m.group("post") or "").strip()
    if m.group("post1"):
        return not post.startswith(("%", "per"))  # "5% to 7%", "5% to 7 percent" share theirs
    cur, cur2 = m.group("cur"), m.group("cur2")
    if cur and cur2:
        return CURRENCY_SYMBOLS.get(cur.strip().lower()) != CURRENCY_SYMBOLS.get(cur2.strip().lower())
    return bool(cur) and post.startswith(("%", "per"))


_BARE = ("pre", "cur", "cur2", "scale", "scale2", "post", "post1")
# A score or a win-loss record in a list: "(6-5, 3-4)", "went 10-2, 8-4".
_LIST_BEFORE = re.compile(r"\d\s*[-–]\s*\d+\s*,\s*$")
_LIST_AFTER = re.compile(r"\s*,\s*\d+\s*[-–]\s*\d+")


def _is_tally(m: re.Match) -> bool:
    """ "voted 52 to 48", "an electoral count of 362 to 176", "won 57.8% to 42.2%": two bare numbers or two
    percentages joined by "to", the larger first, are a vote's two sides (a range climbs: "10 to 12 people"; after
    "from" or "between" a falling pair stays one: "fell from 7% to 5%")."""
    if m.group("sep").lower() != "to":
        return False
    a, b = m.group("num"), m.group("num2")
    if any(m.group(*_BARE)):
        if not m.group("post1") or any(m.group(*_NOT_SHARES)):
            return False
        x, y = _number(a, None), _number(b, None)  # (both percentages: _different_units ruled out the rest)
        return x is not None and y is not None and x > y
    return a.isdigit() and b.isdigit() and int(a) > int(b)


_NOT_SHARES = ("pre", "cur", "cur2", "scale", "scale2")


def _is_score(text: str, m: re.Match) -> bool:
    """ "won 45-17", "(6-5, 3-4)": two bare numbers joined by a dash are a score, not a range, when the first is
    the larger (a range climbs: "10-12") or when the pair is one of a list of such pairs."""
    if not m.group("num2") or m.group("sep") not in ("-", "–") or any(m.group(*_BARE)):
        return False
    a, b = m.group("num"), m.group("num2")
    if not (a.isdigit() and b.isdigit()):
        return False
    if int(a) > int(b):
        return True
    return bool(_LIST_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _LIST_AFTER.match(text, m.end()))


# A reference or footnote marker: bare numbers alone in brackets, "(2)", "[3]", "(10, 11)".
_REFERENCE = re.compile(r"[(\[]\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*[)\]]")
_REFERENCE_OPEN = re.compile(r"[(\[][\d,\s]*$")


def _in_reference(text: str, m: re.Match) -> bool:
    s = m.start("num")
    lo = max(0, s - 12)
    if text.rfind("(", lo, s) < 0 and text.rfind("[", lo, s) < 0:
        return False  # the common case, decided without the pattern
    if any(m.group(g) for g in _BARE) or not m.group("num")[0].isdigit():
        return False
    opened = _REFERENCE_OPEN.search(text, max(0, s - 12), s)
    if opened is None:
        return False
    ref = _REFERENCE.match(text, opened.start())
    return ref is not None and ref.end() >= m.end("num")


# "Not a single American life was lost": none of the noun after it.
_NOT_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:not|nor|never|without)\s+(?:(?!(?:just|only|merely|simply)\s)[a-z]+\s+){0,2}$", re.I
)
_A_SINGLE = re.compile(r"a\s+single\b", re.I)


def _none_of(text: str, ts: int, end: int) -> Quantity | None:
    """ "not a single life", "did not fire a single shot", "without a single vote": a count of zero of the noun
    after it (a verb or two may stand between the negation and "a single")."""
    sg = _A_SINGLE.match(text, ts, end)
    if sg is None:
        return None
    nb = _NOT_BEFORE.search(text, max(0, ts - 32), ts)
    if nb is None:
        return None
    unit, uend = unit_after(text, sg.end(), end, True)
    if unit is None or unit == "one":
        return None
    return Quantity(text[nb.start() : uend], nb.start(), uend, 0.0, unit, kind="count")


# What each pattern of `_word_figure` needs somewhere in the text (lower-case, after `fold`): "single" for
# _A_SINGLE, "within" for _WITHIN_ONE, a fraction word for _PART_OF_SCALE and _SHARE. Most articles hold none of
# them (of the Wikinews corpus, 92 % no "single", 82 % no "within", 68 % no fraction word), and there the
# patterns are not tried at each of the forty-odd "a", "about", "over" of an article.
# Tested with `in`, one word at a time: a regex alternation of them tried at each character costs ten times more.
_FRACTION_NEEDLES = "half third quarter fifth tenth hundredth thousandth millionth billionth".split()


@functools.lru_cache(maxsize=1)
def _word_needles(text: str) -> tuple[bool, bool, bool]:
    """Whether the text holds "single", "within", a fraction word: one pass per article (figures are found
    sentence by sentence in the same text). `fold` maps the letters IGNORECASE reads as ASCII ones."""
    low = text.lower()
    if not text.isascii() and any(c in text for c in IGNORECASE_ASCII):
        low = fold(text)  # (str.translate of a whole article costs more than the patterns it spares)
    return "single" in low, "within" in low, any(w in low for w in _FRACTION_NEEDLES)


def _word_figure(text: str, ts: int, end: int) -> Quantity | None:
    """Figures with no digit or number word: "within a month" (at most 1 month), "a third of" (1/3), "not a
    single life" (0)."""
    single, within, fraction = _word_needles(text)
    if single and text[ts] in "aA" and (q := _none_of(text, ts, end)) is not None:
        return q
    if within and (w := _WITHIN_ONE.match(text, ts, end)) is not None:
        return Quantity(w.group(), ts, w.end(), 1.0, w.group(1).lower(), approximate=True, upper=1.0, kind="measure")
    if not fraction:
        return None
    ps = _PART_OF_SCALE.match(text, ts, end)
    if ps is not None and (ts == 0 or not text[ts - 1].isalnum()):
        part = next(g for g in ps.groups()[1:5] if g)
        whole = fold(ps.group(6))
        if whole.startswith("per"):  # "half a percentage point"
            value = _PARTS[fold(part)]
            approx, lower, upper = _bounds(ps.group(1), None, value)
            return Quantity(ps.group(), ts, ps.end(), value, "percentage points", None, approx, lower, upper, "percent")
        value = _PARTS[fold(part)] * SCALES.get(whole, 12)  # (a dozen: 12)
        approx, lower, upper = _bounds(ps.group(1), None, value)
        unit, uend = unit_after(text, ps.end(), end, False)
        cur, kind = None, "count"
        if unit in CURRENCY_WORDS:
            (unit, cur), kind = _money(text, ps.end(), uend, unit), "money"
        stop = uend if unit else ps.end()
        return Quantity(text[ts:stop], ts, stop, value, unit, cur, approx, lower, upper, kind)
    if (by := _BY_SHARE.match(text, ts, end)) is not None and _BY_BEFORE.search(text, max(0, ts - 4), ts):
        # "fell by half", "cut by a third in May": the size of a change, as a share
        part = fold(by.group(1) or by.group(2))
        return Quantity(by.group(), ts, by.end(), _PARTS[part], None, kind="count")
    sh = _SHARE.match(text, ts, end)
    if sh is not None and sh.group(3) and _ORDINAL_BEFORE.search(text, max(0, ts - 8), ts):
        return None  # "in the first half of the year": a period, not a share
    if sh is not None and (ts == 0 or not text[ts - 1].isalnum()):
        stop = sh.end(3) if sh.group(3) else sh.end(2)
        value = 1 / FRACTIONS[fold(sh.group(2) or sh.group(3))]
        approx, lower, upper = _bounds(sh.group(1), None, value)
        unit, kind = None, "count"
        if (of := _OF_ONE.match(text, stop, end)) is not None:
            measure, mend = unit_after(text, of.end(), end, True)
            head = measure.split()[0] if measure else ""
            if head and (head in MEASURES or head + "s" in MEASURES or head + "es" in MEASURES):
                unit, kind, stop = measure, "measure", mend  # "a tenth of a second": 0.1 second
        return Quantity(text[ts:stop], ts, stop, value, unit, approximate=approx, lower=lower, upper=upper, kind=kind)
    return None


def _enumerated(text: str, lo: int, hi: int) -> bool:
    """_ENUMERATOR in text[lo:hi], searched only when the window holds a word it needs."""
    window = text[lo:hi]
    return ("umber" in window or "UMBER" in window or "No." in window) and _ENUMERATOR.search(text, lo, hi) is not None


def _letter_space(text: str, s: int, lo: int) -> bool:
    return s - 2 >= lo and "a" <= text[s - 2] <= "z" and text[s - 1].isspace()


def _is_label(text: str, m: re.Match, lo: int) -> bool:
    """ "Resolution 2231", "Article 5": a capitalised word right before a bare digit number names it."""
    if any(m.group("pre", "cur", "post", "post1", "scale")) or not m.group("num")[0].isdigit():
        return False
    s = m.start("num")
    if not _letter_space(text, s, lo) and not (text[s - 1 : s] == "\n" and _letter_space(text, s - 1, lo)):
        return False  # _LABEL_BEFORE ends with a lower-case letter and a space (`$` may stand before a line break)
    before = text[max(lo, s - 20) : s]
    lm = _LABEL_BEFORE.search(before)
    if not lm:
        return False
    word = lm.group(0).strip()
    return word.lower() not in UNIT_STOP and not (s - len(lm.group(0)) == lo)
