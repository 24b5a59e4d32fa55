"""Hypothesis strategies for news-like text: the pieces extraction reads, in the forms that have crashed it.

`news_text()` composes sentences from numbers (small, grouped, decimal, past 1e308), number words, vague
quantities ("hundreds of billions of"), scale words, currencies, units, ranges, dates (valid, impossible,
ordinal suffixes in any case, relative), quote marks (straight and curly, unbalanced), reporting verbs and names,
joined by spaces, punctuation and line breaks. Words are drawn in any case, and with the letters that
case-insensitive regular expressions take for ASCII ones (ı İ ſ K) swapped in, since those were a crash class.
`published()` draws publication dates including the ends of the calendar (0001-01-01, Go's zero time, which
scrapers emit, and 9999-12-31) and strings that are not dates. Shared by the extraction fuzz tests and
`benchmarks/fuzz.py`; other tests may reuse them.
"""

from __future__ import annotations

from hypothesis import strategies as st

# The non-ASCII letters that `re.IGNORECASE` matches to ASCII ones, by the letter they stand for.
CASE_TRAPS = {"i": ("ı", "İ"), "s": ("ſ",), "k": ("\u212a",)}

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty "
    "fifty ninety hundred thousand million billion trillion dozen a an"
).split()
SCALE_WORDS = "hundred thousand million billion trillion lakh lakhs crore crores bn mn mln tn trn m k b".split()
VAGUE_PLURALS = "dozens scores hundreds thousands millions billions trillions".split()
VAGUE_MULTIPLIERS = ("tens of", "hundreds of", "dozens of", "")
CURRENCIES = "$ US$ A$ HK$ € £ ¥ ₹ ₽ ₩ Rs. USD EUR GBP CHF TRY".split()
CURRENCY_WORDS = "dollars euros pounds yen yuan rupees roubles lira francs naira rand".split()
UNITS = (
    "% percent per cent percentage points people officials troops km miles kg tonnes barrels hours days years "
    "missile batteries witnesses"
).split()
BOUNDS = (
    "about",
    "around",
    "more than",
    "at least",
    "up to",
    "fewer than",
    "nearly",
    "between",
    "from",
    "as many as",
    "an estimated",
    "no more than",
)
MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Sept."
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
RELATIVE = (
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "a day ago",
    "two weeks ago",
    "999 days ago",
    "99 years ago",
    "last month",
    "next year",
    "this week",
    "past week",
    "coming weekend",
    "earlier this year",
    "last weekend",
    "in December",
    "next March",
    "mid-2019",
)
DATE_CUES = ("on", "last", "next", "this", "since", "by", "until", "from", "in", "early", "late", "")
QUOTE_MARKS = ('"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›")
VERBS = (
    "said",
    "says",
    "told reporters",
    "added",
    "claimed",
    "warned",
    "according to",
    "said in a statement",
    "announced",
    "denied",
    "insisted",
    "noted",
    "called",
)
NAMES = (
    "John Smith",
    "Smith",
    "Dr. Maria Lopez",
    "the minister",
    "the company",
    "he",
    "she",
    "they",
    "Officials",
    "A senior official",
    "the United States",
    "NATO",
    "Turkey",
    "Hulusi Akar",
    "the World Health Organization (WHO)",
    "WHO",
    "The Times",
)
WORDS = (
    "the of and to in a that it was for on is with as by at an be this from or had not but which were have "
    "government report plan cost budget deal vote troops police crisis economy rose fell percent year killed "
    "according would could will may might because however after before than more less first largest"
).split()
PUNCTUATION = (".", ",", ";", ":", "!", "?", "…", "-", "–", "—", "(", ")", "[", "]", "/", "%", "&")
SEPARATORS = (" ", " ", " ", " ", ", ", ". ", "! ", "? ", "\n", "\n\n", "", "\u00a0", "\t", " -- ", "... ")


@st.composite
def cased(draw, word: str) -> str:
    """`word` as written, upper-cased, capitalised, in random case, or with its i, s and k swapped for the
    characters case-insensitive patterns take for them ("bıllion", "thouſand", "MİLLİON")."""
    how = draw(st.sampled_from(("same", "same", "upper", "title", "random", "trap", "trap upper")))
    if how == "same":
        return word
    if how == "upper":
        return word.upper()
    if how == "title":
        return word[:1].upper() + word[1:]
    if how == "random":
        flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
        return "".join(c.upper() if f else c for c, f in zip(word, flips))
    out = []
    for c in word.upper() if how == "trap upper" else word:
        traps = CASE_TRAPS.get(c.lower())
        out.append(draw(st.sampled_from(traps + (c,))) if traps else c)
    return "".join(out)


def _word(words) -> st.SearchStrategy[str]:
    return st.sampled_from(words).flatmap(cased)


@st.composite
def digits(draw) -> str:
    """A number as news prints it: 5, 1,234,567, 3.5, .5, 007, or hundreds of digits (past 1e308)."""
    kind = draw(st.sampled_from(("int", "int", "grouped", "decimal", "point", "huge", "zeros")))
    if kind == "int":
        return str(draw(st.integers(0, 10**6)))
    if kind == "grouped":
        return f"{draw(st.integers(1000, 10**15)):,}"
    if kind == "decimal":
        return f"{draw(st.integers(0, 10**4))}.{draw(st.integers(0, 999))}"
    if kind == "point":
        return f".{draw(st.integers(0, 99))}"
    if kind == "huge":
        return "9" * draw(st.integers(300, 420))
    return "0" * draw(st.integers(1, 4)) + str(draw(st.integers(0, 99)))


@st.composite
def number_words(draw) -> str:
    parts = draw(st.lists(_word(NUMBER_WORDS), min_size=1, max_size=4))
    return draw(st.sampled_from((" ", "-", " and "))).join(parts)


@st.composite
def figure(draw) -> str:
    """A figure: bound, currency, number, scale, unit, possibly a range."""
    number = draw(st.one_of(digits(), number_words()))
    scale = draw(st.one_of(st.just(""), _word(SCALE_WORDS).map(lambda w: w if len(w) <= 1 else " " + w)))
    cur = draw(st.one_of(st.just(""), st.sampled_from(CURRENCIES)))
    unit = draw(st.one_of(st.just(""), _word(UNITS + CURRENCY_WORDS).map(lambda w: " " + w)))
    out = f"{cur}{number}{scale}{unit}"
    if draw(st.booleans()):
        other = draw(st.one_of(digits(), number_words()))
        sep = draw(st.sampled_from(("-", "–", " to ", " and ", "—")))
        out = f"{cur}{number}{scale}{sep}{cur}{other}{scale}{unit}"
    if draw(st.booleans()):
        out = f"{draw(_word(BOUNDS))} {out}"
    if draw(st.integers(0, 4)) == 0:
        out += draw(st.sampled_from((" or so", " or more", " or fewer", " or less")))
    return out


@st.composite
def vague(draw) -> str:
    """ "hundreds of billions of dollars", "Dozenſ of people", "tens of dozens of"."""
    mul = draw(st.sampled_from(VAGUE_MULTIPLIERS))
    plural = draw(_word(VAGUE_PLURALS))
    mul = draw(cased(mul)) + " " if mul else ""
    return f"{mul}{plural} of {draw(_word(UNITS + CURRENCY_WORDS + WORDS))}"


@st.composite
def day(draw) -> str:
    """A day of the month, 0 to 39, with an ordinal suffix in any case ("1ST", "2Nd", "3rd") or none."""
    d = draw(st.integers(0, 39))
    suffix = draw(st.sampled_from(("", "", "st", "nd", "rd", "th")))
    return str(d) + (draw(cased(suffix)) if suffix else "")


@st.composite
def date_text(draw) -> str:
    """Dates valid and impossible: ISO ("2021-02-29", "2019-04-31"), "May 1ST", "5 ſeptember 2021", relative."""
    kind = draw(st.sampled_from(("iso", "mdy", "dmy", "my", "relative", "weekday", "cue month", "year")))
    year = draw(st.integers(1490, 2110))
    month = draw(_word(MONTHS))
    if kind == "iso":
        return f"{year:04d}-{draw(st.integers(0, 13)):02d}-{draw(st.integers(0, 39)):02d}"
    if kind == "mdy":
        return f"{month} {draw(day())}" + (f", {year}" if draw(st.booleans()) else "")
    if kind == "dmy":
        return f"{draw(day())} {draw(st.sampled_from(('', 'of ')))}{month}" + (
            f" {year}" if draw(st.booleans()) else ""
        )
    if kind == "my":
        return f"{month} {year}"
    if kind == "relative":
        return draw(_word(RELATIVE))
    if kind == "weekday":
        return f"{draw(st.sampled_from(DATE_CUES))} {draw(_word(WEEKDAYS))}".strip()
    if kind == "cue month":
        return f"{draw(st.sampled_from(DATE_CUES))} {month}".strip()
    return f"{draw(st.sampled_from(DATE_CUES))} {year}".strip()


@st.composite
def quotation(draw) -> str:
    """A quote with its attribution, in any order, with marks that may not pair up."""
    opening = draw(st.sampled_from(QUOTE_MARKS))
    closing = draw(st.sampled_from(QUOTE_MARKS + ("",)))
    body = " ".join(draw(st.lists(st.one_of(_word(WORDS), figure(), date_text()), min_size=0, max_size=8)))
    who, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{opening}{body},{closing} {who} {verb}."
    if shape == 1:
        return f"{who} {verb}: {opening}{body}.{closing}"
    if shape == 2:
        return f"{who} {verb} that {body}."
    return f"{opening}{body}{closing}"


def token() -> st.SearchStrategy[str]:
    """One piece of a news sentence."""
    return st.one_of(
        _word(WORDS),
        _word(WORDS),
        figure(),
        vague(),
        date_text(),
        quotation(),
        st.sampled_from(NAMES),
        st.sampled_from(VERBS),
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(PUNCTUATION),
        st.text(max_size=3),
    )


@st.composite
def news_text(draw, max_pieces: int = 40) -> str:
    """News-like text: pieces joined by spaces, punctuation and line breaks."""
    pieces = draw(st.lists(token(), min_size=1, max_size=max_pieces))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


def published() -> st.SearchStrategy[str | None]:
    """Publication dates: none, the ends of the calendar, any valid day, partial dates and junk."""
    return st.one_of(
        st.none(),
        st.sampled_from(("0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12", "0001", "2021-02-29")),
        st.dates().map(lambda d: d.isoformat()),
        st.sampled_from(("2021", "2021-01", "not a date", "", "0000-00-00", "20210101")),
    )


def cue_inputs(parts: list[str], n: int, seed: int):
    """`n` random texts of 1 to 30 `parts` (cue words, quote marks, stops), each with what `_cues` and the content
    finders are handed for it: (text, lower-cased text, cue words, quote spans). Seeded, so a failure repeats.
    For tests that hold a shortcut to the path it short-cuts."""
    import random

    from tracker.extraction.cues import _cue_words, _lower
    from tracker.extraction.quotemarks import quote_spans

    rng = random.Random(seed)
    for _ in range(n):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 30)))
        low = _lower(text)
        yield text, low, _cue_words(low), quote_spans(text)
