"""Dates named in a text, absolute or relative to the article's publication date.

One compiled alternation scanned once over the text, not dateparser: dateparser costs milliseconds per call and
the whole claim step has a budget of about 2 ms per article. Relative dates ("last month", "on Wednesday") are
only worth storing when resolved, so they are dropped when the publication date is unknown.
"""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache

from tracker.extraction.fold import fold
from tracker.records import DateMention

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

# Capitalised only: "may" the modal and "march" the verb are not months. Abbreviations take an optional stop.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Words after which a bare month name is a date rather than a name ("May" the person, "March" the verb).
_MONTH_CUE = (
    r"(?:in|since|until|till|by|from|to|through|last|next|this\s+past|past|this|early|late|mid-?|of|during|before|"
    r"after|on)"
)
# Words after which a bare four-digit number is a year, not a count ("in 2019", "since 1973").
_YEAR_CUE = (
    r"(?:in|since|until|till|by|from|to|through|during|before|after|early|late|mid-?|of|and|between|the year"
    r"|fiscal|FY|spring|summer|autumn|fall|winter|around|circa|year)"
)

DATE_RE = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b)
  | (?P<mdy>\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?)
  | (?P<dmy>\b(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?)
  | (?P<my>\b(?P<m3>{_MONTH}),?\s+(?:of\s+)?(?P<y3>{_YEAR})\b)
  | (?P<cm>(?<![\w$€£¥.,-])(?P<mcue>{_MONTH_CUE})\s+(?P<m4>{_MONTH})\b(?!\s+\d))
  | (?P<rel>\b(?:(?P<rdir>last|next|this|past|coming|previous|earlier\s+this|later\s+this)\s+
                 (?P<runit>week|weekend|month|year))\b)
  | (?P<ago>\b(?P<an>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\s+
                 (?P<au>days?|weeks?|months?|years?)\s+ago\b)
  | (?P<wd>\b(?:(?P<wcue>on|last|next|this|since|by|until|from)\s+)?(?P<wday>{_WEEKDAY})\b)
  | (?P<word>\b(?:yesterday|today|tomorrow|tonight)\b)
  | (?P<part>\b(?P<pdir>last|this)\s+(?P<pwhen>night|morning|afternoon|evening)\b(?!\s+of\b))
  | (?P<year>(?<![\w$€£¥.,-])(?:(?P<ycue>{_YEAR_CUE})\s+)?(?P<y5>{_YEAR})(?![\w%,.-]\d|\w|-\d|\s*(?:%|per\s?cent)))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CASED_MONTH = re.compile(_MONTH + r"$")
_CASED_WEEKDAY = re.compile(_WEEKDAY + r"$")
# A year followed by a plural noun is a count ("2000 troops") unless a cue word said otherwise ("in 2019 troops").
_COUNT_AFTER = re.compile(
    r"\s+(?!(?:and|or|the|a|an|to|was|were|is|are|has|had|as|its|their)\b)(?:[a-z]+s|people|men|women|children|staff|police|personnel)\b"
)
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
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
}


@lru_cache(maxsize=256)
def parse_published(published: str | None) -> date | None:
    """The article's date from an ISO string of any precision ("2021-01-16T10:00", "2021-01")."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    """Month arithmetic that wraps across year ends (January minus one is last year's December)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class _OutOfRange(Exception):
    """A date before year 1 or after 9999 ("yesterday" in an article dated 0001-01-01): it resolves to nothing."""


def _yr(year: int) -> str:
    if not MINYEAR <= year <= MAXYEAR:
        raise _OutOfRange
    return f"{year:04d}"


def _ym(year: int, month: int) -> str:
    return f"{_yr(year)}-{month:02d}"


def _day(d: date) -> str:
    return d.isoformat()


def _plus(d: date, delta: timedelta) -> date:
    try:
        return d + delta
    except OverflowError:
        raise _OutOfRange from None


_DAY_DIGITS = re.compile(r"\d+")


def _day_number(day: str) -> int:
    """ "1st", "2ND", "3" -> the day of the month (the pattern takes the suffix in any case)."""
    digits = _DAY_DIGITS.match(day)
    assert digits is not None  # the date patterns give only days that begin with their digits
    return int(digits.group())


def _weekday(pub: date, weekday: int, cue: str | None, future: bool | None = None) -> date:
    """A bare or "on/last/since" weekday is the latest such day on or before publication (news reports the past;
    an article dated Wednesday that says "on Wednesday" means that day); "next" and "this" look forward, and so
    does a weekday in a clause about what is to come ("will meet on Tuesday"). "Last Wednesday" in a Friday
    article is the Wednesday of the week before, not two days ago."""
    back = (pub.weekday() - weekday) % 7
    if cue == "last" and back <= pub.weekday():
        back += 7
    if cue in ("next", "this") or future and cue not in ("last", "since") and back:
        ahead = (weekday - pub.weekday()) % 7 or 7
        return _plus(pub, timedelta(days=ahead))
    return _plus(pub, timedelta(days=-back))


def _relative(pub: date, direction: str, unit: str) -> tuple[str, str]:
    d = fold(direction).split()[-1] if direction else ""
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}.get(d, 0)
    if unit in ("week", "weekend"):
        monday = _plus(pub, timedelta(days=-pub.weekday(), weeks=step))
        if unit == "weekend":
            return _day(_plus(monday, timedelta(days=5))), "day"
        return _day(monday), "week"
    if unit == "month":
        return _ym(*_month_shift(pub.year, pub.month, step)), "month"
    return _yr(pub.year + step), "year"


def _ago(pub: date, amount: str, unit: str) -> tuple[str, str]:
    n = int(amount) if amount.isdigit() else _NUMBER_WORDS.get(fold(amount), 1)
    unit = fold(unit).rstrip("s")
    if unit == "day":
        return _day(_plus(pub, timedelta(days=-n))), "day"
    if unit == "week":
        return _day(_plus(pub, timedelta(weeks=-n))), "day"
    if unit == "month":
        return _ym(*_month_shift(pub.year, pub.month, -n)), "month"
    return _yr(pub.year - n), "year"


_SOON = 2  # months ahead that a month named without a year may still mean ("in early September" in August)


def _reach(future: bool | None) -> int:
    """How many months ahead a date without a year may lie: six in a clause about the future, none in one about
    the past ("was envoy until December"), else _SOON."""
    return 6 if future else 0 if future is False else _SOON


def _bare_month(pub: date, month: int, cue: str, future: bool | None = None) -> str:
    """ "in December" with no year: the nearest December, looking at most two months ahead (or six in a clause
    about what is to come) and otherwise back; "next December" the one after, "last" and "this past" the one
    before."""
    cue = cue.lower()
    ahead = (month - pub.month) % 12
    if cue == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif cue == "this":
        year = pub.year
    elif cue in ("last", "past") and month >= pub.month:
        year = pub.year - 1
    elif cue in ("last", "past", "since") or ahead == 0:
        year = pub.year if month <= pub.month else pub.year - 1
    elif ahead <= _reach(future):
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _ym(year, month)


def _full(year: str, month: str, day: str | None) -> tuple[str, str] | None:
    m = MONTHS[fold(month).rstrip(".")]
    if day is None:
        return _ym(int(year), m), "month"
    try:
        return _day(date(int(year), m, _day_number(day))), "day"
    except ValueError:
        return None


def _month_day(pub: date | None, month: str, day: str, future: bool | None = None) -> tuple[str, str] | None:
    """A month and day without a year: this month's, one at most two months ahead (six in a clause about the
    future), otherwise the latest before publication."""
    if pub is None:
        return None
    m = MONTHS[fold(month).rstrip(".")]
    d = _day_number(day)
    ahead = (m - pub.month) % 12
    if ahead == 0:
        year = pub.year  # this month, before or after the day of publication
    elif ahead <= _reach(future):
        year = pub.year + (m < pub.month)  # "October 14" in late August: the coming one
    else:
        year = pub.year - (m > pub.month)
    try:
        return _day(date(year, m, d)), "day"
    except ValueError:
        return None


def _resolve(m: re.Match, pub: date | None, future: bool | None = None) -> tuple[str, str, bool, int] | None:
    """(value, precision, relative, start) for one match, or None when it is not a date after all."""
    g = m  # groups are read by name as needed: groupdict() would build all thirty for every date
    start = m.start()
    if g["iso"]:
        hit = _full(g["iy"], list(MONTHS)[int(g["im"]) - 1], g["id"])  # None for "2021-02-29"
        return hit + (False, start) if hit else None
    if g["mdy"] or g["dmy"]:
        month, day, year = (g["m1"], g["d1"], g["y1"]) if g["mdy"] else (g["m2"], g["d2"], g["y2"])
        if not _CASED_MONTH.match(month):
            return None
        hit = _full(year, month, day) if year else _month_day(pub, month, day, future)
        return hit + (not year, start) if hit else None
    if g["my"]:
        if not _CASED_MONTH.match(g["m3"]):
            return None
        hit = _full(g["y3"], g["m3"], None)
        return hit + (False, start) if hit else None
    if g["cm"]:
        if not _CASED_MONTH.match(g["m4"]) or pub is None:
            return None
        cue = g["mcue"].lower()
        keep_cue = cue in ("last", "next", "this", "early", "late") or cue.startswith("mid") or cue.endswith("past")
        cue = "past" if cue.endswith("past") else cue
        return (
            _bare_month(pub, MONTHS[g["m4"].lower().rstrip(".")], cue, future),
            "month",
            True,
            (start if keep_cue else m.start("m4")),
        )
    if pub is None:
        return None
    if g["rel"]:
        value, precision = _relative(pub, g["rdir"], fold(g["runit"]))
        return value, precision, True, start
    if g["ago"]:
        return _ago(pub, g["an"], g["au"]) + (True, start)
    if g["wd"]:
        if not _CASED_WEEKDAY.match(g["wday"]):
            return None
        cue = (g["wcue"] or "").lower() or None
        return _day(_weekday(pub, WEEKDAYS[g["wday"].lower()], cue, future)), "day", True, start
    if g["part"]:
        # "last night" is the evening before publication; "this morning" the day itself
        shift = -1 if fold(g["pdir"]) == "last" else 0
        return _day(_plus(pub, timedelta(days=shift))), "day", True, start
    if g["word"]:
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[fold(g["word"])]
        return _day(_plus(pub, timedelta(days=shift))), "day", True, start
    return None


def _year(m: re.Match, text: str) -> DateMention | None:
    cue = m.group("ycue")
    if not cue and _COUNT_AFTER.match(text, m.end()):
        return None
    s = m.start("y5")
    return DateMention(text=m.group("y5"), start=s, end=m.end(), value=m.group("y5"), precision="year")


# Where a date can begin: a digit or one of a few words (found by `triggers`). The full pattern runs only in a
# short window around each, because running its dozen branches at every character costs milliseconds per article.
_LOOKBACK = 12  # longest cue before a trigger: "the year ", "through ", "earlier this "


# Words that can open or hold a date (capitalised months and days; cue words in either case), for `triggers`:
# one token pass shared with the figure finder.
_DATE_WORDS = frozenset(
    """January February March April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today
    tomorrow tonight last next this past coming previous earlier later day days week weeks month months year
    years""".split()
)
_DATE_WORDS = _DATE_WORDS | {
    w.capitalize() for w in _DATE_WORDS if w.islower() and not w.startswith(("day", "week", "month", "year"))
}
_TOKEN = re.compile(r"(\d+|[$€£¥₹₽₩₺₦₱~])|[A-Za-z]+")
# Words a figure can begin with (quantities.QUANTITY_RE): number words, words that open a bound ("more than"),
# currency codes. Kept here so the one token pass serves both finders.
FIGURE_WORDS = frozenset(
    """about around approximately roughly some nearly almost close an a estimated circa approx just more over at
    above upwards in no as up less fewer under below exceeding between from tens hundreds thousands millions
    billions dozens scores zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion trillion dozen us au ca c hk nz s r rs usd eur gbp jpy cny rmb inr rub chf try
    zar""".split()
)

NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion dozen dozens scores tens hundreds thousands millions billions""".split()
)

_FIGURE_KIND = {w: w in NUMBER_WORDS for w in FIGURE_WORDS}  # figure word -> whether it is a number itself


def _trie(words) -> str:
    """A regex alternation of `words` as a trie: the engine tests one branch per first letter, not every word."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(tree)


# On the lower-cased text: digits and currency signs, and whole words a figure or a date can begin with; the
# same tokens `_TOKEN` yields and `triggers` keeps, found without a Python step per word. The pattern opens with
# the one character class `[^a-z]` (a word is matched with the character before it, as group 1), so that the
# engine skips over letters without entering the pattern at each: twice as fast as testing `(?<![a-z])` at every
# character. What that misses, `triggers` looks for with `_WANTED_WORD`: a word at the start of the scan, and a
# word right after a number or sign ("5bn", "$us"), whose character before it the scan has already taken.
_TRIGGER_WORDS = _trie(FIGURE_WORDS | {w.lower() for w in _DATE_WORDS})
_WANTED = re.compile(r"[^a-z](?:(?<=\d)\d*|(?<=[$€£¥₹₽₩₺₦₱~])|(" + _TRIGGER_WORDS + r")(?![a-z]))")
_WANTED_WORD = re.compile(r"(?:" + _TRIGGER_WORDS + r")(?![a-z])")


def triggers(text: str, start: int, end: int) -> tuple[list, list[int], list[int]]:
    """One pass over the tokens of text[start:end]: the (start, end) of each word or number a date can hold,
    the starts of the tokens a figure can begin with (digits, currency signs, FIGURE_WORDS in any case), and the
    starts of those that are numbers themselves (digits, NUMBER_WORDS): every figure holds one."""
    key = (text, start, end)
    if _last_tokens[0] == key:
        return _last_tokens[1]
    dates: list[tuple[int, int]] = []
    figures: list[int] = []
    numbers: list[int] = []
    figure_words = _FIGURE_KIND
    low = text.lower()
    if len(low) == len(text) and "\u212a" not in text:  # lower-casing kept every offset and made no new ASCII letter

        def word(s: int, e: int) -> None:
            if text[s:e] in _DATE_WORDS and (s == 0 or not text[s - 1].isalnum() and text[s - 1] != "_"):
                dates.append((s, e))
            kind = figure_words.get(low[s:e])
            if kind is not None:
                figures.append(s)
                if kind:
                    numbers.append(s)

        if start < end and "a" <= low[start] <= "z" and (start == 0 or not "a" <= low[start - 1] <= "z"):
            m = _WANTED_WORD.match(low, start, end)
            if m is not None:
                word(start, m.end())
        for m in _WANTED.finditer(low, start, end):
            if m.lastindex:
                word(m.start(1), m.end())
                continue
            s, e = m.span()
            if low[s].isdigit():
                dates.append((s, e))
                figures.append(s - 1 if s > start and text[s - 1] == "." else s)
                numbers.append(s)
            else:
                figures.append(s)
            if e < end and "a" <= low[e] <= "z":
                m = _WANTED_WORD.match(low, e, end)
                if m is not None:
                    word(e, m.end())
        _last_tokens[0], _last_tokens[1] = key, (dates, figures, numbers)
        return dates, figures, numbers
    for m in _TOKEN.finditer(text, start, end):
        if m.lastindex:
            s = m.start()
            if m.group()[0].isdigit():
                dates.append((s, m.end()))
                figures.append(s - 1 if s > start and text[s - 1] == "." else s)
                numbers.append(s)
            else:
                figures.append(s)
            continue
        w = m.group()
        if w in _DATE_WORDS and (m.start() == 0 or not text[m.start() - 1].isalnum() and text[m.start() - 1] != "_"):
            dates.append(m.span())
        kind = figure_words.get(w)
        if kind is None and not w.islower():
            kind = figure_words.get(w.lower())
        if kind is not None:
            figures.append(m.start())
            if kind:
                numbers.append(m.start())
    _last_tokens[0], _last_tokens[1] = key, (dates, figures, numbers)
    return dates, figures, numbers


_last_tokens: list = [None, ([], [], [])]


def _scan(text: str, start: int, end: int) -> list[re.Match]:
    """Date-pattern matches in text[start:end], found from triggers; one cached scan serves both the dates of a
    claim and the spans the figure finder must skip."""
    key = (text, start, end)
    if _last_scan[0] == key:
        return _last_scan[1]
    found: list[re.Match] = []
    pos = start
    for ts, te in triggers(text, start, end)[0]:
        if te <= pos:
            continue
        for c in _candidates(text, ts, max(pos, ts - _LOOKBACK)):
            m = DATE_RE.match(text, c, end)
            if m and m.end() > ts:
                found.append(m)
                pos = m.end()
                break
    _last_scan[0], _last_scan[1] = key, found
    return found


_last_scan: list = [None, []]


def _candidates(text: str, ts: int, lo: int) -> list[int]:
    """Starts of the (up to two) words just before a trigger, then the trigger: where a cue may open a date.
    A word before the trigger is kept only if DATE_RE can begin with it (`_may_open`)."""
    out = []
    i = ts
    for _ in range(2):
        j = text.rfind(" ", lo, i - 1)
        if j < 0:
            if lo < i - 1 and (lo == 0 or not text[lo - 1].isalnum()):
                out.append(lo)
            break
        out.append(j + 1)
        i = j + 1
    # Each start found lies before the one found before it: reversed, they are in text order (at ts 0, rfind's
    # end of -1 searched the whole text, and `c < ts` drops what it found).
    return [c for c in reversed(out) if c < ts and _may_open(text, c)] + [ts]


# Every word DATE_RE can begin with, lower-case: months and weekdays, the month and year cues (_MONTH_CUE,
# _YEAR_CUE: "mid-" as "mid", "the year" as "the"), the directions of relative dates, the numbers of "... ago"
# and the day words. Any other word before a trigger cannot open a date, so the pattern (a dozen
# case-insensitive branches, the costliest step of the scan) is not tried there.
_OPENING_WORDS = frozenset(
    [m.lower() for m in MONTHS]
    + list(WEEKDAYS)
    + list(_NUMBER_WORDS)
    + """in since until till by from to through last next this early late mid of during before after on past coming
    previous earlier later yesterday today tomorrow tonight and between the fiscal fy spring summer autumn fall
    winter around circa year""".split()
)
_ASCII_WORD = re.compile(r"[A-Za-z]+")


def _may_open(text: str, c: int) -> bool:
    """Whether DATE_RE may match at c, judged by the word there: a digit, or a word of _OPENING_WORDS. Anything
    not plain ASCII is left to the pattern itself (case-insensitive matching folds some other letters to ASCII)."""
    ch = text[c]
    if ch.isdigit() or not ch.isascii():
        return True
    m = _ASCII_WORD.match(text, c)
    if m is None:
        return False  # a space or a sign: every branch of DATE_RE opens with a word character
    e = m.end()
    return (e < len(text) and not text[e].isascii()) or m.group().lower() in _OPENING_WORDS


# What marks a clause as about the future before its date: "will meet on Tuesday", "is scheduled for Feb. 14".
# Not "until" ("was envoy until December") nor "planned" ("a planned Wednesday special" that already ran).
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|’ll|is to|are to|scheduled|set to|due to|expected to|plans? to|upcoming|"
    r"to be held|would)\b[^.!?;\n]*$",
    re.IGNORECASE,
)
_BEFORE = 80


_PAST = re.compile(r"\b(?:was|were|had|did)\b[^.!?;\n]*$", re.IGNORECASE)


def _future_before(text: str, pos: int) -> bool | None:
    """True when a future marker stands between the clause's start (at most 80 characters back) and the date,
    False when a past one does, None when neither."""
    lo = max(0, pos - _BEFORE)
    if _FUTURE.search(text, lo, pos) is not None:
        return True
    return False if _PAST.search(text, lo, pos) is not None else None


def find_dates(text: str, start: int = 0, end: int | None = None, published: str | None = None) -> list[DateMention]:
    """Date mentions in text[start:end], offsets into `text`."""
    end = len(text) if end is None else end
    pub = parse_published(published)
    out: list[DateMention] = []
    for m in _scan(text, start, end):
        if m.group("year"):
            hit = _year(m, text)
            if hit:
                out.append(hit)
            continue
        try:
            r = _resolve(m, pub, _future_before(text, m.start()))
        except _OutOfRange:
            continue
        if r is None:
            continue
        value, precision, relative, s = r
        out.append(
            DateMention(
                text=text[s : m.end()], start=s, end=m.end(), value=value, precision=precision, relative=relative
            )
        )
    return out


_ANY_DAY = "2000-06-15"


def date_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where dates are, whatever their value: numbers inside them ("16" in "January 16", "3" in "3 weeks ago")
    are not figures. Resolved against an arbitrary day because only the spans matter."""
    return [(d.start, d.end) for d in find_dates(text, start, end, _ANY_DAY)]
