"""Dates named in a text, absolute or relative to the article's publication date.

One compiled alternation scanned once over the text, not dateparser: dateparser costs milliseconds per call and
the whole claim step has a budget of about 2 ms per article. Relative dates ("last month", "on Wednesday") are
only worth storing when resolved, so they are dropped when the publication date is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache

from tracker.extraction.fold import fold
from tracker.extraction.quantity_words import SMALL
from tracker.extraction.triggers import _trie, triggers
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
  | (?P<num>\b(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<ny>{_YEAR})\b)
  | (?P<hol>\b(?P<hname>Thanksgiving(?:\s+Day)?|Black\s+Friday|Cyber\s+Monday|Christmas(?:\s+Day|\s+Eve)?
                 |New\s+Year's\s+(?:Day|Eve)|New\s+Year’s\s+(?:Day|Eve)|Halloween|Valentine's\s+Day|Valentine’s\s+Day)
                 (?:,?\s+(?P<hy>{_YEAR})\b)?)
  | (?P<mdy>\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b|,\s+(?P<ly>last|next|this)\s+year\b)?)
  | (?P<dmy>\b(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?)
  | (?P<my>\b(?P<m3>{_MONTH}),?\s+(?:of\s+)?(?P<y3>{_YEAR})\b)
  | (?P<cm>(?<![\w$€£¥.,-])(?P<mcue>{_MONTH_CUE})(?:\s+|(?<=-))(?P<m4>{_MONTH})\b(?!\.?\s+\d))
  | (?P<rel>\b(?:(?P<rdir>last|next|this|past|coming|previous|earlier\s+this|later\s+this)\s+
                 (?P<runit>week|weekend|month|year))\b)
  | (?P<ago>\b(?P<an>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\s+
                 (?P<au>days?|weeks?|months?|years?)\s+(?:ago|from\s+(?P<afrom>now|today|tomorrow))\b)
  | (?P<later>\b(?P<ln>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+
                 (?P<lu>days?|weeks?|months?|years?)\s+(?P<ldir>later|earlier)\b)
  | (?P<anch>\b(?:the\s+(?P<adir>same|previous|next|following)\s+day|that\s+(?:same\s+)?day
                 |the\s+day\s+(?P<aba>before|after))\b)
  | (?P<wd>\b(?:(?P<wcue>on|last|next|this|since|by|until|till|into|through|from)\s+)?(?P<wday>{_WEEKDAY})\b)
  | (?P<word>\b(?:yesterday|today|tomorrow|tonight)\b)
  | (?P<part>\b(?P<pdir>last|this)\s+(?P<pwhen>night|morning|afternoon|evening)\b(?!\s+of\b))
  | (?P<andm>\b(?:and|or)\s+(?P<m7>{_MONTH})\b(?!\.?\s+\d))
  | (?P<andd>\b(?:and|or)\s+(?P<d7>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*%|[:.,]\d))
  | (?P<year>(?<![\w$€£¥.,-])(?:(?P<ycue>{_YEAR_CUE})(?:\s+|(?<=-)))?(?P<y5>{_YEAR})(?![\w%,.-]\d|\w|-\d|\s*(?:%|per\s?cent)))
    """,
    re.VERBOSE | re.IGNORECASE,
)

# DATE_RE with each branch that opens with a letter made to fail at once, its groups unchanged: what `_scan` tries
# at a digit, where only the other branches can match (a third less work per number, as SINGLE_RE does for figures).
_AT_DIGIT = DATE_RE.pattern
for _name in ("hol", "mdy", "my", "cm", "rel", "anch", "wd", "word", "part", "andm", "andd"):
    _AT_DIGIT = _AT_DIGIT.replace(f"(?P<{_name}>", f"(?P<{_name}>(?!)", 1)
DATE_AT_DIGIT_RE = re.compile(_AT_DIGIT, re.VERBOSE | re.IGNORECASE)
assert DATE_AT_DIGIT_RE.groupindex == DATE_RE.groupindex and _AT_DIGIT.count("(?!)") == 11
# What DATE_AT_DIGIT_RE's branches need at the digits they open with, in one small pattern: four digits (a year,
# an ISO date), or up to three and then a slash ("5/6/2020") or a word ("5 May", "5th of May", "3 weeks ago").
# Where this fails the full pattern cannot match, so it is not tried: in a run of bare numbers ("5 5 5", a table)
# that is most of the date scan's cost per number.
_DIGIT_MAY_OPEN = re.compile(r"\d{4}(?!\d)|\d{1,3}(?:/|(?:st|nd|rd|th)?\s+[^\W\d_])", re.IGNORECASE)
_CASED_MONTH = re.compile(_MONTH + r"$")
_SPACES = re.compile(r"\s+")
_CASED_WEEKDAY = re.compile(_WEEKDAY + r"$")
# A year followed by a plural noun is a count ("2000 troops") unless a cue word said otherwise ("in 2019 troops").
_COUNT_AFTER = re.compile(
    r"\s+(?!(?:and|or|the|a|an|to|was|were|is|are|has|had|as|its|their)\b)(?:[a-z]+s|people|men|women|children|staff|police|personnel)\b"
)
_NUMBER_WORDS = {"a": 1, "an": 1, **{w: int(v) for w, v in SMALL.items() if 1 <= v <= 10}}  # "two weeks ago"


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
    does a weekday in a clause about what is to come ("will meet on Tuesday") and a limit ("until Friday", "by
    Friday") outside a clause about the past. "Last Wednesday" in a Friday
    article is the Wednesday of the week before, not two days ago."""
    back = (pub.weekday() - weekday) % 7
    if cue == "last" and back <= pub.weekday():
        back += 7
    if cue in ("until", "till", "into", "through", "by") and future is not False and back:
        future = True  # "apply until Friday", "due by Friday": a limit not yet reached, unless the clause is past
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


def _ago(pub: date, amount: str, unit: str, sign: int = -1) -> tuple[str, str]:
    n = -sign * (int(amount) if amount.isdigit() else _NUMBER_WORDS.get(fold(amount), 1))
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


# Whether a date's clause is about the future (True), the past (False) or neither (None), or a function that works
# it out: _future_before searches up to 80 characters of patterns, so find_dates asks it only of the dates whose
# value depends on it, not of every match ("and 7" with no month before it, an ISO date, "three weeks ago").
_Future = bool | None | Callable[[], bool | None]


def _known(future: _Future) -> bool | None:
    return future() if callable(future) else future


# The first date of a pair, right before its "and": "September and October", "March 4 and 5".
_MONTH_BEFORE = re.compile(rf"\b(?P<pm>{_MONTH})\s+$")
_MONTH_DAY_BEFORE = re.compile(rf"\b(?P<pm>{_MONTH})\s+{_DAY}\s+$")


def _second_of_pair(m: re.Match, pub: date | None, future: _Future) -> tuple[str, str, bool, int] | None:
    """The second of two dates joined by "and"/"or" that name their month once ("March 4 and 5") or their cue
    once ("this past December and January"): read as the first is, or no date when no month stands before."""
    text, start = m.string, m.start()
    if pub is None:
        return None
    if m.group("andm"):
        before = _MONTH_BEFORE.search(text, max(0, start - 12), start)
        if before is None or not _CASED_MONTH.match(before.group("pm")) or not _CASED_MONTH.match(m.group("m7")):
            return None
        month = MONTHS[fold(m.group("m7")).rstrip(".")]
        return _bare_month(pub, month, "and", _known(future)), "month", True, m.start("m7")
    before = _MONTH_DAY_BEFORE.search(text, max(0, start - 16), start)
    if before is None or not _CASED_MONTH.match(before.group("pm")):
        return None
    hit = _month_day(pub, before.group("pm"), m.group("d7"), _known(future))
    return hit + (True, m.start("d7")) if hit else None


def _numeric(first: str, second: str, year: str, start: int) -> tuple[str, str, bool, int] | None:
    """ "02/22/2016": month first, as US outlets write it, unless the first number cannot be a month ("22/02/2016")."""
    a, b = int(first), int(second)
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return _day(date(int(year), month, day)), "day", False, start
    except ValueError:
        return None


def _holiday_date(name: str, year: int) -> date:
    if name.startswith(("thanksgiving", "black", "cyber")):
        first = date(year, 11, 1)
        thanksgiving = first + timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November
        return thanksgiving + timedelta(days={"t": 0, "b": 1, "c": 4}[name[0]])
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    return date(year, 10, 31) if name == "halloween" else date(year, 2, 14)


def _holiday(name: str, year: str | None, pub: date | None, future: bool | None, start: int):
    """A holiday ("Thanksgiving 2013", "Black Friday": not a Friday): its day in the year given, else the nearest
    one (the coming one in a clause about the future, the last one in a clause about the past, else the coming
    one within two months)."""
    key = _SPACES.sub(" ", fold(name).replace("’", "'"))
    if year:
        try:
            return _day(_holiday_date(key, int(year))), "day", False, start
        except ValueError:
            return None
    if pub is None or not MINYEAR < pub.year < MAXYEAR:
        return None
    this, last, coming = (_holiday_date(key, pub.year + k) for k in (0, -1, 1))
    after = this if this >= pub else coming
    before = this if this <= pub else last
    pick = after if future or (future is None and (after - pub).days <= 61) else before
    return _day(pick), "day", True, start


def _resolve(m: re.Match, pub: date | None, future: _Future = None) -> tuple[str, str, bool, int] | None:
    """(value, precision, relative, start) for one match, or None when it is not a date after all. `future` (see
    _Future) is asked only by the dates that need it: a month or day without a year, a weekday, a holiday."""
    g = m  # groups are read by name as needed: groupdict() would build all thirty for every date
    start = m.start()
    if g["iso"]:
        hit = _full(g["iy"], list(MONTHS)[int(g["im"]) - 1], g["id"])  # None for "2021-02-29"
        return hit + (False, start) if hit else None
    if g["num"]:
        return _numeric(g["n1"], g["n2"], g["ny"], start)
    if g["hol"]:
        return _holiday(g["hname"], g["hy"], pub, None if g["hy"] else _known(future), start)
    if g["mdy"] or g["dmy"]:
        month, day, year = (g["m1"], g["d1"], g["y1"]) if g["mdy"] else (g["m2"], g["d2"], g["y2"])
        if not _CASED_MONTH.match(month):
            return None
        if g["mdy"] and g["ly"]:
            if pub is None:
                return None
            year = str(pub.year + {"last": -1, "next": 1, "this": 0}[fold(g["ly"])])  # "December 22, last year"
        relative = not year  # "December 22, last year" names its year as surely as "December 22, 2018"
        hit = _full(year, month, day) if year else _month_day(pub, month, day, _known(future))
        return hit + (relative, start) if hit else None
    if g["andm"] or g["andd"]:
        return _second_of_pair(m, pub, future)
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
            _bare_month(pub, MONTHS[g["m4"].lower().rstrip(".")], cue, _known(future)),
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
        if g["afrom"]:  # "three weeks from tomorrow": counted forward from that day
            base = _plus(pub, timedelta(days=1 if fold(g["afrom"]) == "tomorrow" else 0))
            return _ago(base, g["an"], g["au"], 1) + (True, start)
        return _ago(pub, g["an"], g["au"]) + (True, start)
    if g["wd"]:
        if not _CASED_WEEKDAY.match(g["wday"]):
            return None
        cue = (g["wcue"] or "").lower() or None
        return _day(_weekday(pub, WEEKDAYS[g["wday"].lower()], cue, _known(future))), "day", True, start
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
_LOOKBACK = 14  # longest cue before a trigger: "the following " (then "earlier this ", "the year ", "through ")


def _scan(text: str, start: int, end: int, sentences: list[tuple[int, int]] | None = None) -> list[re.Match]:
    """Date-pattern matches in text[start:end], found from triggers (bounded per sentence and per text with
    `sentences`: see triggers.MAX_NUMBERS); one cached scan serves both the dates of a claim and the spans the
    figure finder must skip."""
    key = (text, start, end)
    if _last_scan[0] == key and _last_scan[2] is sentences:
        return _last_scan[1]
    found: list[re.Match] = []
    pos = start
    # Where the pattern was tried and gave no date: nothing there can give one for a later trigger either (the
    # match at a place depends only on the place, and one tried before ended, if at all, before that trigger).
    # In a run of numbers each is a candidate for the next two triggers: tried once, not three times.
    tried: set[int] = set()
    for ts, te in triggers(text, start, end, sentences)[0]:
        if te <= pos:
            continue
        for c in _candidates(text, ts, max(pos, ts - _LOOKBACK)):
            if c in tried:
                continue
            tried.add(c)
            if text[c].isdigit():
                m = DATE_AT_DIGIT_RE.match(text, c, end) if _DIGIT_MAY_OPEN.match(text, c, end) else None
            else:
                m = DATE_RE.match(text, c, end)
            if m and m.end() > ts:
                found.append(m)
                pos = m.end()
                break
    _last_scan[:] = [key, found, sentences]
    return found


_last_scan: list = [None, [], None]
_last_future: list = [None, {}]  # the scan's list of matches, and its dates' _future_before by start


def forget() -> None:
    """Drop the scan kept for the last text: `extract` calls this when it is done with an article, so that the
    article frees what it made (a long one's matches are hundreds of thousands of objects) and the next does not
    pay for it."""
    _last_scan[:] = [None, [], None]
    _last_future[:] = [None, {}]


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
    winter around circa year same that following into thanksgiving black cyber christmas new halloween valentine""".split()
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


# The rest of a clause up to the date: no stop, "!", "?", ";" or line break, but a decimal point ("£10.42").
_REST_OF_CLAUSE = r"(?:[^.!?;\n]|(?<=\d)\.(?=\d))*$"


# What marks a clause as about the future before its date: "will meet on Tuesday", "is scheduled for Feb. 14".
# Not "until" ("was envoy until December") nor "planned" ("a planned Wednesday special" that already ran), nor "due
# to" but after a form of "be" ("is due to open", not "a landslide due to an aftershock on Saturday").
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|’ll|is to|are to|scheduled|set (?:to|for)|slated|(?:is|are|was|were|'s|’s) due to|expected(?: [^.!?;\n,]{1,40}?)? to|"
    r"plans? to|upcoming|to be held|would|predict(?:s|ed)?|forecasts?|"
    # A timetable in the present: "The museum opens on Tuesday", "They host Ashby Town on Tuesday".
    r"(?:opens|begins|starts|meets|plays|hosts|faces|travels|visits|resumes|launches|kicks off|takes place|"
    r"goes on sale)|(?:they|we) (?:open|begin|start|meet|play|host|face|travel|visit|resume|launch))"
    r"\b" + _REST_OF_CLAUSE,
    re.IGNORECASE,
)
_BEFORE = 80


# What marks a clause as about the past: the past of "be", "have", "do", a regular past ("happened", "signed")
# and the common irregular ones. Participles that describe what is to come ("planned", "proposed") are not, nor a
# passive in the present or the future ("is suspended in October", "will be held in March").
_NOT_PASSIVE = r"\b(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
# The past of "be", "have", "do" and the common irregular pasts (those that end no "-ed").
_PAST_FORMS = (
    r"was|were|had|did|began|came|went|took|gave|made|won|lost|held|met|saw|said|told|found|left|fell|rose|led|sent"
    r"|spent|paid|built|brought|bought|broke|ran|wrote|became|struck|shot|hit"
)
_PAST = re.compile(
    _NOT_PASSIVE + r"(?:(?!(?:planned|proposed|scheduled|expected|slated|intended|anticipated|delayed"
    r"|postponed|needed|based|called|named|so-called|related|limited|united|red|bed|need|feed|seed|speed|"
    r"breed|weed|shed|hundred)\b)[a-z]{2,}ed|" + _PAST_FORMS + r")\b" + _REST_OF_CLAUSE,
    re.IGNORECASE,
)


# A past after a future marker: the forms above, not "-ed" (as often an adjective: "accelerated approval").
_PAST_AFTER_FUTURE = re.compile(_NOT_PASSIVE + r"(?:" + _PAST_FORMS + r")\b" + _REST_OF_CLAUSE, re.IGNORECASE)


def _future_before(text: str, pos: int) -> bool | None:
    """True when a future marker stands between the clause's start (at most 80 characters back) and the date,
    False when a past one does, None when neither."""
    lo = max(0, pos - _BEFORE)
    # Both patterns end in `[^.!?;\n]*$`: a marker counts only with no stop, "!", "?", ";" or line break between
    # it and the date (`$` also matching before a final line break), so they are searched only after the last of
    # these: the same matches, in a third of the window on average.
    stop = pos - 1 if pos > lo and text[pos - 1] == "\n" else pos
    lo = max(  # (written out: a generator unpacked into max() took 0.7 µs more, a sixth of this call)
        lo,
        text.rfind("!", lo, stop) + 1,
        text.rfind("?", lo, stop) + 1,
        text.rfind(";", lo, stop) + 1,
        text.rfind("\n", lo, stop) + 1,
        _last_stop(text, lo, stop) + 1,
    )
    window = text[lo:pos]
    low = window.lower() if window.isascii() else None
    if (low is None or _FUTURE_NEEDLES.search(low)) and (fm := _FUTURE.search(text, lo, pos)) is not None:
        # "will appeal the ruling made in April": a past after the future marker may be what the date belongs to
        # (an irregular one or a form of "be", "have", "do": one in "-ed" is as often an adjective, "would apply for
        # accelerated approval by the end of March")
        return None if _PAST_AFTER_FUTURE.search(text, fm.start() + 1, pos) is not None else True
    if low is not None and not _PAST_NEEDLES.search(low):
        return None
    return False if _PAST.search(text, lo, pos) is not None else None


def _last_stop(text: str, lo: int, hi: int) -> int:
    """The last full stop in text[lo:hi] that is no decimal point ("£10.42"), or -1."""
    k = text.rfind(".", lo, hi)
    while k > lo and text[k - 1].isdigit() and text[k + 1 : k + 2].isdigit():
        k = text.rfind(".", lo, k)
    return k


# Every match of _FUTURE holds one of these, every match of _PAST one of those (lower-case, in an ASCII window,
# where IGNORECASE folds only ASCII letters): a window with none is decided by a few substring tests instead of the
# patterns, whose case-insensitive alternations tried at each of 80 characters cost more than the date itself.
# (Each written as a trie, so that the engine tries one branch per first letter: only whether one is there matters,
# and that is what an alternation of the same words finds, at half the cost of one on "on monday on monday …".)
FUTURE_NEEDLES = (
    "ll|to|scheduled|set for|slated|upcoming|would|opens|begins|starts|meets|plays|hosts|faces|travels|visits"
    "|resumes|launches|kicks off|takes place|goes on sale|they |we |predict|forecast"
).split("|")
PAST_NEEDLES = (
    "was|were|had|did|ed|began|came|went|took|gave|made|won|lost|held|met|saw|said|told|found|left|fell|rose|sent"
    "|spent|paid|built|brought|bought|broke|ran|wrote|became|struck|shot|hit"
).split("|")
_FUTURE_NEEDLES = re.compile(_trie(FUTURE_NEEDLES))
_PAST_NEEDLES = re.compile(_trie(PAST_NEEDLES))


def _anchored(m: re.Match, anchor: DateMention | None) -> DateMention | None:
    """A date counted from the date named before it, not from publication: "in 2011 ... three years later" is
    2014, "On Friday ... the same day" that Friday, "the previous day" the day before it. Without an anchor precise
    enough for the unit, no date."""
    if anchor is None:
        return None
    try:
        if m.group("later"):
            n = int(m.group("ln")) if m.group("ln").isdigit() else _NUMBER_WORDS.get(fold(m.group("ln")), 1)
            n = -n if fold(m.group("ldir")) == "earlier" else n
            unit = fold(m.group("lu")).rstrip("s")
            if unit == "year":
                value, precision = _yr(int(anchor.value[:4]) + n), "year"
            elif unit == "month" and anchor.precision in ("month", "day"):
                value, precision = _ym(*_month_shift(int(anchor.value[:4]), int(anchor.value[5:7]), n)), "month"
            elif anchor.precision == "day":
                days = n * (7 if unit == "week" else 1)
                value, precision = _day(_plus(date.fromisoformat(anchor.value), timedelta(days=days))), "day"
            else:
                return None
        else:
            if anchor.precision != "day":
                return None
            word = fold(m.group("adir") or m.group("aba") or "same")
            shift = {"same": 0, "previous": -1, "before": -1, "next": 1, "following": 1, "after": 1}[word]
            value, precision = _day(_plus(date.fromisoformat(anchor.value), timedelta(days=shift))), "day"
    except (_OutOfRange, ValueError):
        return None
    return DateMention(text=m.group(), start=m.start(), end=m.end(), value=value, precision=precision, relative=True)


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    published: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[DateMention]:
    """Date mentions in text[start:end], offsets into `text`. With the text's `sentences`, dates are looked for
    among the first triggers.MAX_NUMBERS numbers of each sentence and the text's budget of numbers only (a bound on
    the work a table run together costs)."""
    end = len(text) if end is None else end
    pub = parse_published(published)
    out: list[DateMention] = []
    found = _scan(text, start, end, sentences)
    # Whether a date's clause is about the future depends on the text alone: worked out once per scan, for both
    # calls an article makes (the figure finder's date spans and the claims' dates).
    if _last_future[0] is not found:
        _last_future[0], _last_future[1] = found, {}
    future = _last_future[1]
    for m in found:
        if m.group("year"):
            hit = _year(m, text)
            if hit:
                out.append(hit)
            continue
        if m.group("later") or m.group("anch"):
            hit = _anchored(m, out[-1] if out else None)
            if hit:
                out.append(hit)
            continue
        at = m.start()

        def clause_future(at: int = at) -> bool | None:
            if at not in future:
                future[at] = _future_before(text, at)
            return future[at]

        try:
            r = _resolve(m, pub, clause_future)
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


def date_spans(
    text: str, start: int = 0, end: int | None = None, sentences: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Where dates are, whatever their value: numbers inside them ("16" in "January 16", "3" in "3 weeks ago")
    are not figures. Resolved against an arbitrary day because only the spans matter."""
    return [(d.start, d.end) for d in find_dates(text, start, end, _ANY_DAY, sentences)]
