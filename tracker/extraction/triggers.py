"""Where a figure or a date can begin: one pass over an article's tokens that both finders share.

The date and figure patterns are costly to try at every character; this pass finds, once per text, the digits,
currency signs and words (months, weekdays, number words, bound words, currency codes) either can open with,
so `dates.find_dates` and `quantities.find_quantities` run their patterns only in short windows around them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tracker.extraction.quantity_words import ORDINALS

# Words that can open or hold a date (capitalised months and days; cue words in either case), for `triggers`:
# one token pass shared with the figure finder.
_DATE_WORDS = frozenset(
    """January February March April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today
    tomorrow tonight last next this past coming previous earlier later day days week weeks month months year
    years Thanksgiving Black Cyber Christmas New Halloween Valentine""".split()
)
_DATE_WORDS = _DATE_WORDS | {
    w.capitalize() for w in _DATE_WORDS if w.islower() and not w.startswith(("day", "week", "month", "year"))
}
_TOKEN = re.compile(r"(\d+|[$€£¥₹₽₩₺₦₱~])|[A-Za-z]+")
# Words a figure can begin with (quantities.QUANTITY_RE): number words, words that open a bound ("more than"),
# currency codes. Kept here so the one token pass serves both finders.
FIGURE_WORDS = frozenset(
    """about around approximately roughly some nearly almost close an a estimated circa approx just more over at
    above upwards in no as up less fewer under below exceeding between from within greater higher half tens hundreds thousands millions
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
# The ordinals (lower-case, "third") ride along: `ordinals` gives where they stand, so that the figure finder's
# ordinal step needs no scan of its own (a pattern of words with no class to open with enters at every character:
# 0.06 ms an article, more than the ordinals are worth).
_ORDINAL_WORDS = frozenset(ORDINALS)
_TRIGGER_WORDS = _trie(FIGURE_WORDS | {w.lower() for w in _DATE_WORDS} | _ORDINAL_WORDS)
_WANTED = re.compile(r"[^a-z](?:(?<=\d)\d*|(?<=[$€£¥₹₽₩₺₦₱~])|(" + _TRIGGER_WORDS + r")(?![a-z]))")
_WANTED_WORD = re.compile(r"(?:" + _TRIGGER_WORDS + r")(?![a-z])")


# The most numbers (digits, number words) of one sentence that figures and dates are looked for among. A sentence
# holding more is a table or a list run together (a spreadsheet pasted as one line, "5 5 5 …"), not a claim a
# reader checks figure by figure, and each number costs the figure and date finders about 20 µs: without a bound,
# one such sentence of 1 MB took 10 s. Real news stays far below it (at most 12 in a sentence of the Wikinews
# corpus and the real-news evaluation set), so the bound changes nothing there.
MAX_NUMBERS = 100
# The most numbers of a whole text they are looked for among: one per CHARS_PER_NUMBER characters, and at least
# MIN_NUMBERS. The bound per sentence leaves the text made of short sentences (or lines) of numbers, a table pasted
# as text ("5 5 5 5 5.", one row per line): there every number is read, at the same 15-20 µs, and 1 MB of such rows
# took 8 s. Prose cannot be that dense: the densest article of the Wikinews corpus and the real-news evaluation
# set holds one number per 51 characters, the most numbers any holds is 219, so this bound changes nothing there
# either. What it cuts is the tail of a table-like text: the numbers past its budget are not read.
CHARS_PER_NUMBER = 16
MIN_NUMBERS = 500


def triggers(
    text: str, start: int, end: int, sentences: list[tuple[int, int]] | None = None
) -> tuple[list, list[int], list[int]]:
    """One pass over the tokens of text[start:end]: the (start, end) of each word or number a date can hold,
    the starts of the tokens a figure can begin with (digits, currency signs, FIGURE_WORDS in any case), and the
    starts of those that are numbers themselves (digits, NUMBER_WORDS): every figure holds one.

    With `sentences` (the text's sentence spans, in order), a sentence's tokens from its (MAX_NUMBERS + 1)-th
    number on are left out, and the text's from the number past its budget (CHARS_PER_NUMBER, MIN_NUMBERS): the
    figure and date finders, which both start from these, then do a bounded amount of work per sentence and per
    character."""
    tokens = _tokens(text, start, end)
    if sentences is None or len(tokens[2]) <= MAX_NUMBERS:
        return tokens
    if _last_limited[0] is tokens and _last_limited[1] is sentences:
        return _last_limited[2]
    cuts = _cuts(tokens[2], sentences)
    budget = max(MIN_NUMBERS, (end - start) // CHARS_PER_NUMBER)
    if len(tokens[2]) > budget:
        kept = _without(tokens[2], cuts) if cuts else tokens[2]
        if len(kept) > budget:
            past = kept[budget]  # a number no cut holds: every cut before it ends before it
            cuts = [c for c in cuts if c[0] < past] + [(past, end)]
    limited = (
        (_without(tokens[0], cuts, True), _without(tokens[1], cuts), _without(tokens[2], cuts)) if cuts else tokens
    )
    _last_limited[:] = [tokens, sentences, limited]
    return limited


_last_limited: list = [None, None, None]  # the tokens, the sentences and the tokens without the cut regions


def _cuts(numbers: list[int], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each sentence with more than MAX_NUMBERS numbers, the region from its (MAX_NUMBERS + 1)-th to its end."""
    out = []
    i, n = 0, len(numbers)
    for s, e in sentences:
        i = bisect_left(numbers, s, i)
        j = i + MAX_NUMBERS
        if j < n and numbers[j] < e:
            out.append((numbers[j], e))
    return out


def _without(items: list, cuts: list[tuple[int, int]], spans: bool = False) -> list:
    """`items` (sorted starts, or sorted (start, end) spans) without those starting in one of `cuts`."""
    out: list = []
    i = 0
    for a, b in cuts:
        j = bisect_left(items, (a,) if spans else a, i)
        out += items[i:j]
        i = max(j, bisect_left(items, (b,) if spans else b, j))
    out += items[i:]
    return out


def _tokens(text: str, start: int, end: int) -> tuple[list, list[int], list[int]]:
    """triggers' one pass, cached for the text (both finders and every claim of an article ask for it)."""
    key = (text, start, end)
    if _last_tokens[0] == key:
        return _last_tokens[1]
    dates: list[tuple[int, int]] = []
    figures: list[int] = []
    numbers: list[int] = []
    ordinals: list[int] = []
    _last_tokens[2] = ordinals
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
            elif text[s:e] in _ORDINAL_WORDS:
                ordinals.append(s)

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
        elif w in _ORDINAL_WORDS:
            ordinals.append(m.start())
    _last_tokens[0], _last_tokens[1] = key, (dates, figures, numbers)
    return dates, figures, numbers


_last_tokens: list = [None, ([], [], []), []]  # the key, the tokens, and the ordinals' starts


def ordinals(text: str, start: int, end: int) -> list[int]:
    """The starts of the whole lower-case ordinal words ("third", not "Third" nor "thirds") in text[start:end],
    from the same token pass, in order: a word starts where no ASCII letter stands before it, so the caller still
    checks the character before (a digit, "_", "-" or another letter may)."""
    _tokens(text, start, end)
    return _last_tokens[2]


def forget() -> None:
    """Drop the tokens kept for the last text (see dates.forget)."""
    _last_tokens[:] = [None, ([], [], []), []]
    _last_limited[:] = [None, None, None]
