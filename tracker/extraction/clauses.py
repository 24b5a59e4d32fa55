"""A sentence cut into the clauses that are judged as claims: reported content apart from its attribution, a
leading "When …," apart, "; but …" and ":" splits, and what is not a statement at all (headlines, datelines).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tracker.extraction.claim_words import _I, ED_NOT_VERB, PAST_AUX, PAST_IRREGULAR
from tracker.extraction.letters import caps
from tracker.records import Quote

MIN_WORDS = 4


# --- clause boundaries -------------------------------------------------------------------------------------
# A leading subordinate clause ("When the US' disapproval failed ..., it suspended ...") is material around
# the claim, not the claim; so is a trailing "as ..."/"while ..." clause with its own subject. Before it may come
# a short adverbial of up to three words ("For that reason, when ..."), not a clause ("And they have managed, in
# spite of ..., to build ...", where the "in spite of" part is an aside).
_LEADING = re.compile(
    r"(?:([^\s,;]++(?:\s++[^\s,;]++){0,2}),\s*)?"
    r"(?:when|while|whilst|although|though|after|before|once|whereas|despite|in spite of)\b[^,;]{8,200},\s+(?=\w)",
    _I,
)
_LEADING_COMMA = 4 + 8  # the fewest characters before the comma that closes a _LEADING clause ("once", 8 more)


# A verb in what comes before the subordinate clause ("Truman vetoed, while he was president, 38 bills"; "He said,
# when asked, that …") makes it the main clause, broken by an aside, not a short adverbial before one.
_FINITE = PAST_AUX | PAST_IRREGULAR | frozenset("is are has have says".split())
_WORD = re.compile(r"[a-z]+")


def _holds_verb(text: str, a: int, b: int) -> bool:
    for w in _WORD.findall(text[a:b].lower()):
        if w in _FINITE or len(w) > 4 and w.endswith("ed") and w not in ED_NOT_VERB:
            return True
    return False


# Words that open a phrase setting the scene of a statement ("In a statement on Monday,", "Speaking to reporters,",
# "Later,"), not a clause of its own.
_LEAD_WORDS = frozenset(
    """in on at during after before following from with without by through via over under amid upon speaking
    writing talking later earlier yesterday today meanwhile separately last this""".split()
)
_CONJUNCTIONS = frozenset(("after", "before"))  # which may open a clause too
_FIRST_WORD = re.compile(r"[\s\"“‘']*([A-Za-z]+)")


def _lead_in(text: str, s: int, a: int) -> bool:
    """text[s:a] is a phrase of MIN_WORDS words or more closed by a comma before an attribution ("In a statement on
    Monday, the ministry said that …"): when and where the words were said, no claim of its own. Not a clause
    ("After the minister failed to buy the kits, …"), which _LEADING cuts off."""
    if a <= s:
        return False
    k = a
    while k > s and text[k - 1] in " \t":
        k -= 1
    if text[k - 1] != "," and text[a] != ",":  # (a is the comma itself after _REPORTED, the speaker after a cue)
        return False
    m = _FIRST_WORD.match(text, s, a)
    if m is None or not _has_words(text, MIN_WORDS, s, a):
        return False  # (a shorter one, "On Monday,", is merged back with what follows: _merge_short)
    first = m.group(1).lower()
    return first in _LEAD_WORDS and (first not in _CONJUNCTIONS or not _holds_verb(text, m.end(), a))


# Every branch opens with a literal, so the engine skips to the next ";", ":" or "," between tries.
_INNER = re.compile(
    caps(
        r"(?:;\s+|:\s+(?=[A-Z“\"])|,\s+(?=(?:but|while|whilst|whereas|although|though|as(?!\s+(?:well|much|many|long|"
        r"soon|far|of|a\s+result|part|such|if|though|to|for))|which\s+means)\b))"
    ),
    _I,
)


# "X said/mentioned that CONTENT": the content is the claim, the attribution is not.
_REPORTING_VERBS = (
    "said says say mentioned stated announced claimed claims argued noted reported added insisted "
    "warned confirmed denied acknowledged admitted revealed explained stressed"
).split()


_REPORTED = re.compile(
    r"\b(?:" + "|".join(_REPORTING_VERBS) + r"|told\s+\w+(?:\s+\w+)?|"
    r"according\s+to\s+[^,]{2,60},)\s+(?:on\s+\w+\s+|last\s+\w+\s+|in\s+\w+\s+)?that\s+",
    _I,
)


# Every _REPORTED match holds one of these, lower-cased: a sentence without any is not searched (the search tries
# its branches at every character; the substring tests cost a tenth of that).
_REPORTED_WORDS = tuple(dict.fromkeys([*_REPORTING_VERBS, "told", "according"]))


_THAT = re.compile(r"\s[Tt][Hh][Aa][Tt]\s")  # _REPORTED needs it: a cheap test before the costly search


# "I don't think he should say that ...", "one might argue that ...": the content is not reported as said.
_UNASSERTED = re.compile(
    r"\b(?:should|would|could|might|may|must|can|cannot|can't|won't|wouldn't|shouldn't|"
    r"couldn't|don't|doesn't|didn't|not|never)\b|[’']d\b",
    _I,
)


_TRIM_LEFT = re.compile(
    r"[\s,;:—–-]*(?:(?:and|but|so|hence|thus|however|therefore|also|then|yet)\b,?\s*)?(?:that\s+(?=\w+\s+\w))?", _I
)


_HEADLINE_END_CHARS = frozenset('.!?…"”’)')


_AT_LEAST = {n: re.compile(r"(?:[^\w’'-]*+[\w’'-]++){%d}" % n) for n in {2, 6, MIN_WORDS - 1, MIN_WORDS}}


def _has_words(text: str, n: int, s: int = 0, e: int | None = None) -> bool:
    """At least n words in text[s:e]: stops after the n-th instead of counting them all."""
    return _AT_LEAST[n].match(text, s, len(text) if e is None else e) is not None


_LINE_SPACE = frozenset(" \t\r\xa0")


def ends_line(text: str, e: int) -> bool:
    """Whether a line break (or the text's end) follows position e, past the spaces a scraped page leaves."""
    k = e
    while k < len(text) and text[k] in _LINE_SPACE:
        k += 1
    return k >= len(text) or text[k] == "\n"


def _is_headline(text: str, s: int, e: int) -> bool:
    """A line of title-case words with no closing punctuation is a headline or a caption, not a statement."""
    if not ends_line(text, e):
        return False  # a headline ends its line
    chunk = text[s:e]
    if chunk.rstrip()[-1:] in _HEADLINE_END_CHARS:
        return False
    words = chunk.split()
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 20 and caps >= 0.6 * len(words)


# Words a dateline is made of ("Saturday, October 12, 2019", "Updated 14:05 GMT, 3 March 2020").
_DATELINE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec updated published posted
    last am pm a.m p.m utc gmt bst cet est edt pst pdt on at""".split()
)


_ALPHA_WORD = re.compile(r"[A-Za-z]+(?:\.[A-Za-z])*")


_DIGIT = re.compile(r"\d")


def _is_dateline(text: str, s: int, e: int) -> bool:
    """A line of date words and numbers only: the page's dateline, not a statement."""
    if e - s > 60 or _DIGIT.search(text, s, e) is None:
        return False
    return all(w.lower() in _DATELINE_WORDS for w in _ALPHA_WORD.findall(text, s, e))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _TRIM_LEFT.match(text, s, e)
    if m:
        s = m.end()
    chunk = text[s:e]
    while True:  # trailing spaces and punctuation, without a regex search from every position
        stripped = chunk.rstrip().rstrip(",;:—–-")
        if len(stripped) == len(chunk):
            break
        chunk = stripped
    return s, s + len(chunk)


def _quote_cuts(text: str, s: int, e: int, quotes: list[Quote]) -> list[tuple[int, int, int, int]]:
    """Reported content strictly inside the sentence becomes its own clause, and the attribution around it
    (speaker and cue) is left out of the writer's clause."""
    pieces = []
    for q in quotes:
        if q.kind == "direct" or q.kind == "indirect" and q.cue_start is not None and q.cue_start < q.start:
            continue  # "X said on Tuesday that …" is checked whole; a trailing ", X said" tail is cut off
        # (The kind first: it is cheap and rules out most quotes, a direct one before its words are counted.)
        if s <= q.start and q.end <= e and (q.start > s + 2 or q.end < e - 2) and _has_words(q.text, MIN_WORDS):
            lo = q.start
            for x in (q.cue_start, q.speaker.start if q.speaker and s <= q.speaker.start < q.start else None):
                if x is not None and s <= x < lo:
                    lo = x
            tail = q.end
            if (
                q.cue_start is not None
                and q.end <= q.cue_start < e
                and not _opens_between(quotes, q.end, e)
                and (_bare_tail(text, q.end, e) or _verbless_tail(text, q, e))
            ):
                tail = e  # ", a senior official said on Tuesday.": a bare attribution tail is no claim of its own
            pieces.append((lo, q.start, q.end, tail))
    return pieces


def _opens_between(quotes: list[Quote], a: int, b: int) -> bool:
    """Whether a quote starts strictly between a and b (a function, not a generator in _quote_cuts, where it would make
    the q and e it reads closure cells for the whole loop)."""
    for o in quotes:
        if a < o.start < b:
            return True
    return False


_TAIL_WORD = re.compile(r"[\w’'-]+")
_DIGITS = re.compile(r"\d")


def _bare_tail(text: str, a: int, b: int) -> bool:
    """What follows a quote's content is only its attribution: a dozen words at most, and no figure."""
    return _DIGITS.search(text, a, b) is None and len(_TAIL_WORD.findall(text, a, b)) <= 12


# What may follow a speaker's name in a bare attribution tail: "of the Connecticut Department of …", ", the U.S.
# Attorney for the Western District of Texas", a capitalised word the name goes on with (possessive runs, so a
# failed match backtracks no further).
_APPOSITION = re.compile(
    r"(?:\s*+,\s*+(?:the|a|an|its|his|her|their)\s[^,;:]*+|\s++(?:of|from|at|for|in|with|on)\s[^,;:]*+|"
    r"\s++[A-Z][\w.’'-]*+)*+[\s.!?…\"”’')]*+"
)
_CLAUSE_WORDS = re.compile(r"\b(?:who|which|that|whose|but|and said|while)\b")


def _verbless_tail(text: str, q: Quote, e: int) -> bool:
    """What follows a quote's content is only its cue and a speaker with a long title (", according to Commissioner
    James Rovella of the Connecticut Department of Emergency Services and Public Protection."): no figure, no verb
    but the cue's, and after the speaker's name only "of …" phrases or an apposition ("…, the U.S. Attorney for …")."""
    spk = q.speaker
    if spk is None or not q.end <= spk.start < spk.end <= e or _DIGITS.search(text, q.end, e) is not None:
        return False
    m = _APPOSITION.match(text, spk.end, e)
    if m is None or m.end() < e or _CLAUSE_WORDS.search(text, spk.end, e) is not None:
        return False
    a = q.cue_start if q.cue_start is not None else q.end
    b = q.cue_end if q.cue_end is not None else a + len(q.cue or "")
    return not _holds_verb(text, q.end, a) and not _holds_verb(text, b, e)


class _Marks:
    """Where _INNER and _THAT match in the whole text: one scan per article instead of one per sentence; a
    sentence takes the matches that lie wholly inside it."""

    __slots__ = ("inner", "inner_starts", "that", "that_starts", "low")

    def __init__(self, text: str):
        self.inner = [m.span() for m in _INNER.finditer(text)]
        self.inner_starts = [a for a, _ in self.inner]
        low = text.lower()
        # The lower-cased text stands in for case-insensitive matching when it keeps every offset and the text
        # has neither of the two letters the regex engine also folds to ASCII ("ı" to i, "ſ" to s).
        self.low = low if len(low) == len(text) and "ı" not in text and "ſ" not in text else None
        self.that = _that_spans(text, self.low) if self.low is not None else [m.span() for m in _THAT.finditer(text)]
        self.that_starts = [a for a, _ in self.that]

    def may_report(self, s: int, e: int) -> bool:
        """False when text[s:e] holds none of _REPORTED_WORDS, so that _REPORTED cannot match there."""
        low = self.low
        if low is None:
            return True
        seg = low[s:e]
        for w in _REPORTED_WORDS:
            if w in seg:
                return True
        return False

    @staticmethod
    def _between(spans, starts, s: int, e: int) -> list[tuple[int, int]]:
        i = bisect_left(starts, s)
        out = []
        while i < len(spans) and spans[i][0] < e:
            if spans[i][1] <= e:
                out.append(spans[i])
            i += 1
        return out

    def inner_in(self, s: int, e: int) -> list[tuple[int, int]]:
        starts = self.inner_starts
        i = bisect_left(starts, s)
        if i == len(starts) or starts[i] >= e:
            return []  # (most sentences: no match starts inside)
        return self._between(self.inner, starts, s, e)

    def that_in(self, s: int, e: int) -> bool:
        # The first match from s on, without a list: the matches do not overlap, so a later one ends later.
        i = bisect_left(self.that_starts, s)
        return i < len(self.that) and self.that[i][1] <= e


def _that_spans(text: str, low: str) -> list[tuple[int, int]]:
    """The spans of _THAT's matches (finditer) in text, found with str.find on its lower-cased copy `low`."""
    out = []
    n = len(text)
    last = 0  # where the previous match ended: finditer's matches do not overlap
    i = low.find("that", 1)
    while i >= 0:
        if i - 1 >= last and i + 4 < n and text[i - 1].isspace() and text[i + 4].isspace():
            out.append((i - 1, i + 5))
            last = i + 5
        i = low.find("that", i + 1)
    return out


def _split(
    text: str, s: int, e: int, quotes: list[Quote], marks: _Marks | None = None
) -> tuple[list[tuple[int, int]], set[int], set[int]]:
    """Clause spans of one sentence, the starts of those that are reported speech, and the starts of those that
    follow an inner split (";", ":", ", but ..."): only those may be joined again to the clause before them (see
    _rejoin). A piece too short to be a claim stays with its neighbour."""
    cuts: list[tuple[int, int]] = []  # (cut start, cut end): text between them belongs to no clause
    reported: set[int] = set()
    inner: set[int] = set()
    for lo, qs, qe, tail in _quote_cuts(text, s, e, quotes) if quotes else ():
        # "In a letter published on Monday, Vesey said …": the phrase goes with the attribution it opens
        cuts.append((s if lo < qs and _lead_in(text, s, lo) else lo, qs))
        cuts.append((qe, tail))
        reported.add(qs)
    # (The text's lists of matches asked first: a text without any, as one of quotes and cues, makes no call.)
    if not cuts and (
        marks.that and marks.that_in(s, e) and marks.may_report(s, e) if marks else _THAT.search(text, s, e)
    ):
        m = _REPORTED.search(text, s, e)
        if m and _has_words(text, MIN_WORDS, m.end(), e) and not _UNASSERTED.search(text, s, m.end()):
            head = text.rfind(",", s, m.start())
            if not _lead_in(text, s, head):  # (after a lead-in, checked whole, as after a short one merged back)
                cuts.append((head if head > s else m.start(), m.end()))
                reported.add(m.end())
    # (_LEADING ends its clause with a comma: a sentence without one is not matched, at a tenth of the cost. That
    # comma follows a four-letter word at least and eight characters: one nearer the start, as in '"We won," he
    # said.', is no sign of it; 0.45 µs a sentence saved where every sentence quotes.)
    m = _LEADING.match(text, s, e) if text.find(",", s + _LEADING_COMMA, e) >= 0 else None
    if m and _has_words(text, MIN_WORDS, m.end(), e) and (m.start(1) < 0 or not _holds_verb(text, *m.span(1))):
        cuts.append((m.end(), m.end()))
    if marks is None:
        splits = [m.span() for m in _INNER.finditer(text, s, e)]
    else:
        splits = marks.inner_in(s, e) if marks.inner else []
    for a, b in splits:
        if text[a] == "," and _interjection(text, b, e):
            continue  # "Truman vetoed, while he was president, 38 bills a year": an aside, not a second clause
        cuts.append((a, a))
        inner.add(a)
    if not cuts:
        return [(s, e)], reported, inner
    cuts.sort()
    spans = []
    pos = s
    for a, b in cuts:
        if a < pos:
            pos = max(pos, b)
            continue
        spans.append((pos, a))
        pos = b
    spans.append((pos, e))
    trimmed = []
    for a, b in spans:
        if b > a:
            ta, tb = _trim(text, a, b)
            if a in reported:
                reported.add(ta)
            if a in inner:
                inner.add(ta)
            trimmed.append((ta, tb))
    return _merge_short(text, trimmed), reported, inner


def bare_lead(text: str, a: int, b: int, quotes: list[Quote]) -> bool:
    """The clause text[a:b] is only the attribution of the direct quote after the colon that ends it ("He told her
    on one occasion: “…”"): the quote's cue lies in it, and it is short and holds no figure (as a bare
    attribution tail, `_bare_tail`)."""
    colon = b
    while colon < len(text) and text[colon] in " \t":
        colon += 1
    if colon >= len(text) or text[colon] != ":":
        return False
    for q in quotes:
        if q.kind == "direct" and colon < q.start <= colon + 3 and q.cue_start is not None and a <= q.cue_start < colon:
            return _bare_tail(text, a, colon)
    return False


def _interjection(text: str, b: int, e: int) -> bool:
    """A short subordinate clause closed by a comma with the sentence going on after it."""
    comma = text.find(",", b, e)
    return comma > 0 and not _has_words(text, 6, b, comma) and _has_words(text, 2, comma, e)


def _merge_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= a:
            continue
        if not out:
            out.append((a, b))
            continue
        here, before = _has_words(text, MIN_WORDS, a, b), _has_words(text, MIN_WORDS, *out[-1])
        if not here or not before:
            if not here and before:
                continue  # a stray attribution ("he said") is dropped, not glued on
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
