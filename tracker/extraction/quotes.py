"""Find direct, partial and indirect (reported) quotes in an article body, with their cue and speaker.

Rules, not a model: news attribution is formulaic ("…,” Akar said", "X told Reuters that …", "according to X"),
a few compiled regular expressions and a token walk around each reporting cue find it at well under a
millisecond per article, and every rule stays readable and general. Quote marks are paired by their context
(so a mistyped ” opening a paragraph still opens), a quote left open at a paragraph end continues only when the
next paragraph opens with a mark (news convention), and anything else open is closed at its paragraph end, so a
stray mark never swallows the article.

The steps live in their own modules: quotemarks.py pairs the marks, cues.py finds the reporting verbs,
content.py finds what each cue reports, attribution.py makes one raw quote of a cue and its speaker. This
module runs them over the sentences, adds the quotes with no cue of their own (a quote that continues the
previous speaker, "— Name" signatures, fragments), drops the writer's own voice and nested contents, and
resolves every speaker in text order.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate, chain, islice
from operator import attrgetter, le, lt

from tracker.extraction.attribution import (
    _HAS_WORD,
    _SPEAKER_KINDS,
    _attribute,
    _first_unskipped,
    _kind,
    _Raw,
    _sentence_subject,
)
from tracker.extraction.content import _SUBORDINATORS
from tracker.extraction.cues import _FORM_TO_BASE as _CUE_FORMS
from tracker.extraction.cues import SAY_VERBS, _Cue, _cue_words, _cues, _lower, inflections  # noqa: F401
from tracker.extraction.letters import caps
from tracker.extraction.quotemarks import (  # noqa: F401
    _OPENS,
    _QUOTE_CHARS,
    _WORD,
    _at_paragraph_start,
    _first_nonspace,
    _is_title,
    _quote_at,
    _short_title,
    _title_words,
    _trim_end,
    _word_count,
    quote_spans,
)
from tracker.extraction.sentences import sentences as _sentences
from tracker.extraction.speaker_words import PRONOUNS
from tracker.extraction.speakers import (
    Mention,
    Resolver,
    iter_tokens,
    subject_after,
    subject_before,
    tokens,
)
from tracker.ids import item_id
from tracker.records import Quote

_VERBISH = re.compile(
    r"(?:has|have|had|is|was|were|are|\w+ed|\w+es|\w+s|said|told|wrote|read|thought|sang|spoke|"
    r"took|gave|made|put|saw|felt|went|came|says|tells|writes|reads)$"
)


_BOUNDARY_WORDS = frozenset("that which who whom because since while when so whether if although though".split())


def _joining_word(w: str) -> bool:
    """A word that opens a clause before its subject: a subordinator or a coordinating conjunction."""
    low = w.lower()
    return low in _SUBORDINATORS or low in ("and", "but", "so", "yet")


# The pronouns whose mention `_clause_subject` refuses (all but "he", "she", "they").
_REFUSED_PRONOUNS = frozenset(PRONOUNS) - {"he", "she", "they"}


def _clause_subject(text: str, s: int, pos: int, seps: list[int]) -> tuple[Mention, int, int] | None:
    """The named subject and verb of the clause holding a quoted fragment ("the US has opposed … “…”").

    `seps` holds the offsets of every comma and semicolon of the text, sorted: the clause opens after the last
    one between s and pos (a binary search, where `rfind` rescanned the sentence for every quote)."""
    i = bisect.bisect_left(seps, pos) - 1
    lo = seps[i] + 1 if i >= 0 and seps[i] >= s else s
    t = _first_unskipped(text, lo, pos, _joining_word)
    if t is None or t[0].lower() in _REFUSED_PRONOUNS:
        # (A pronoun token alone is read as a pronoun mention, which the test below refuses: "I said “…”".)
        return None
    m = subject_after(text, t.start(), pos)  # `_first_named`, from the token it stops at
    if m is None or m.kind not in _SPEAKER_KINDS:
        return None
    if m.kind == "pronoun" and m.text.lower() not in ("he", "she", "they"):
        return None
    for vs, ve, w in tokens(text, m.end, min(pos, m.end + 40)):
        if w.lower().endswith("ly") or w.lower() in ("has", "have", "had", "also", "then", "is", "was"):
            continue
        if _VERBISH.match(w) and w.islower():
            return m, vs, ve
        return None
    return None


def _fragment(text: str, s: int, qs: int, qe: int, words: int, seps: list[int]) -> _Raw | None:
    """A quoted phrase inside a clause with a named subject: "Obama called the holiday “a celebration …”".

    The content runs from the verb's object to the quote when the quote completes that verb phrase, and is the
    quote alone when a clause boundary lies between (so a scare-quoted word deep in a sentence stays small)."""
    found = _clause_subject(text, s, qs, seps)
    if found is None:
        return None
    m, vs, ve = found
    gap = list(islice(iter_tokens(text, ve, qs), 9))  # more than 8 is all the test below needs to know
    start = qs
    if len(gap) <= 8 and not any(w.lower() in _BOUNDARY_WORDS or not w[:1].isalnum() for _, _, w in gap):
        start = _first_nonspace(text, ve)
    elif words < 3:  # (`words`: the quote's `_word_count`)
        return None  # a scare-quoted word far from the verb
    if start == qs and _COLON_BEFORE.search(text, max(s, qs - 3), qs):
        # "The ministry published a short reply: “…”": a whole quote the clause introduces with a colon is direct.
        return _Raw(start, qe, "direct", vs, ve, m)
    return _Raw(start, qe, "partial", vs, ve, m)


_DASH_NAME = re.compile(caps(r"[ \t\xa0]*(?:[―—–]|--)[ \t\xa0]*((?:[A-Z][\w’'.-]*[ \t\xa0]*){1,5})"))


# An outlet after the slash of a dash attribution: capitalised words to the end of the line or sentence.
_SLASH_OUTLET = re.compile(caps(r"/[ \t\xa0]*(?:[A-Z][\w’'.&-]*[ \t\xa0]*){1,4}(?:[.\n]|$)"))


def _dash_attribution(text: str, qe: int) -> Mention | None:
    """“…” ― Jane Doe: a name after a dash under a quote (listicles, readers' comments, epigraphs).

    Wire copy and social posts add where it appeared after a slash ("— Amara Diallo/Reuters"): the name before
    the slash speaks, the outlet does not. A slash could also follow a word that is no name, so the name before
    one must be a person's full name (two capitalised words or more) or an organisation, and the outlet after it
    capitalised words up to the end of the line or sentence."""
    m = _DASH_NAME.match(text, qe)
    if not m:
        return None
    rest = text[m.end(1) : m.end(1) + 3]
    slash = rest[:1] == "/"
    if slash and not _SLASH_OUTLET.match(text, m.end(1)):
        return None  # "— Reuters/Ipsos poll shows …": the words after the slash go on as a sentence
    if rest and rest[0] not in "\n.,;" and not slash and not rest.startswith(" ") and m.end(1) < len(text):
        return None
    toks = tokens(text, m.start(1), m.end(1))
    toks = [t for t in toks if t[2] not in (".",)]
    if not toks:
        return None
    who = subject_after(text, m.start(1), m.end(1))
    if slash and (who is None or not (who.kind == "organisation" or who.kind == "person" and len(toks) >= 2)):
        return None
    return who


# Auxiliaries right after a closing mark continue the writer's sentence ('The "United States" is not holding …'):
# no speech verb, so no speaker after them.
_NOT_SPEECH_VERBS = frozenset("is are was were has have had".split())


# What ends the words after a quote that `_post_quote` reads: a line end, a stop or an opening quote mark.
_POST_STOP = re.compile('[\n.!?;“"]')


def _post_quote(text: str, qe: int) -> tuple[Mention, int, int] | None:
    """“…,” Vitter demanded. / “…” the article read. — any verb right after a quote, with its subject."""
    stop = _POST_STOP.search(text, qe + 1, qe + 120)  # the first line end, stop or opening mark after the quote
    if stop is None:
        return None
    lim = stop.start()
    if lim - qe > 110:
        return None
    seg = tokens(text, qe, lim)
    words = [t for t in seg if t[2][:1].isalnum()]
    if len(words) < 2 or len(words) > 12:
        return None
    first = words[0]
    if _VERBISH.match(first[2]) and first[2].islower() and first[2] not in _NOT_SPEECH_VERBS:
        m = subject_after(text, first[1], lim)
        if m is not None and m.kind != "pronoun" or m is not None and m.text.lower() in ("he", "she", "they"):
            return m, first[0], first[1]
        return None
    for n, (vs, ve, w) in enumerate(words[1:], 1):
        if w.islower() and _VERBISH.match(w):
            # The subject search reads the tokens of text[qe:vs] (all of them: they lie within 110 characters),
            # which are those of `seg` before the verb (a word token starts no token run of the one before).
            m, neg = subject_before(text, qe, vs, seg[: seg.index(words[n])])
            if m is not None and not neg and m.start <= words[0][0] + 1:
                return m, vs, ve
            return None
    return None


def _attach_loose(text: str, raws: list[_Raw], quotes, spans: list[tuple[int, int]]) -> list[_Raw]:
    """Direct quotes that no cue claimed: a speaker in the next sentence, a continuation after a mid-quote
    attribution, a fragment whose clause has a named subject, or a whole quoted paragraph by the last speaker."""
    covered = _Covered([(r.start, r.end) for r in raws])
    previous: _Previous | None = None  # made when a quote no cue claimed first needs it (in most texts none)
    seps: list[int] | None = None  # every comma and semicolon, found when a fragment first needs them
    starts: list[int] | None = None  # the sentences' starts, when a quote first needs its sentence
    # No word character lies in text[fw_from:fw], and text[fw] is one (or fw is the text's end). Sentence starts
    # only grow, so each search starts past the last one found: one pass over the text in all.
    fw_from = fw = -1
    out = list(raws)
    for qs, qe, _closed in quotes:
        # (A quote of two or more characters lies within a covered span only if it overlaps one.)
        if covered.overlaps(qs, qe):
            continue
        if previous is None:
            previous = _Previous(raws)
        prev = previous.before(qs)
        if prev is not None and _continues(text, prev, qs):
            previous.extend(prev, qe)
            prev.kind = "direct"
            covered.add(prev.start, qe)
            continue
        found = _WORD.findall(text, qs, qe)
        words = len(found)
        if starts is None:
            starts = [sp[0] for sp in spans]
        s = _sentence_start(starts, qs)
        if not fw_from <= s <= fw:
            w = _HAS_WORD.search(text, s)
            fw_from, fw = s, (w.start() if w else len(text))
        full = fw >= qs  # nothing but marks and spaces before the quote in its sentence
        r = None
        if full and words >= 2:
            dash = _dash_attribution(text, qe)
            post = None if dash else _post_quote(text, qe)
            if dash is not None:
                r = _Raw(qs, qe, "direct", None, None, dash)
            elif post is not None:
                r = _Raw(qs, qe, "direct", post[1], post[2], post[0])
        # (Marks, which no word holds, at both ends: the words inside them are those found.)
        if (
            r is None
            and not full
            and not (
                _title_words(found)
                if text[qs] in _QUOTE_CHARS and text[qe - 1] in _QUOTE_CHARS
                else _is_title(text, qs + 1, qe - 1)
            )
        ):
            if seps is None:
                seps = [m.start() for m in _CLAUSE_SEP.finditer(text)]
            r = _fragment(text, s, qs, qe, words, seps)
            if r is None and words >= 4 and _COLON_BEFORE.search(text, max(s, qs - 3), qs):
                # "In a statement, the ministry defended the strike as lawful: “…”": the clause's subject speaks.
                lead = _sentence_subject(text, s, qs)
                if lead is not None and lead.kind in ("person", "organisation", "country"):
                    r = _Raw(qs, qe, "direct", None, None, lead)
        if (
            r is None
            and full
            and words >= 4
            and prev is not None
            and prev.kind == "indirect"
            and prev.mention is not None
            and _right_after_attribution(text, prev, qs)
        ):
            # "The administration may be reluctant to act, Schiff said. “The other factor is …”": the quote goes
            # on with the speaker just named, as one after a direct quote's attribution does
            r = _Raw(qs, qe, "direct", None, None, prev.mention, prev.antecedent)
        if (
            r is None
            and full
            and _at_paragraph_start(text, qs)
            and words >= 4
            and prev is not None
            and prev.mention is not None
            and qs - prev.end < 600
            and prev.kind in ("direct", "partial")
        ):
            r = _Raw(qs, qe, "direct", None, None, prev.mention, prev.antecedent)
        if r is not None:
            out.append(r)
            covered.add(r.start, r.end)
    return out


_COLON_BEFORE = re.compile(r":[ \t\xa0]*$")


_STOP_END = re.compile(r"[.,:]\s*$")


def _continues(text: str, prev: _Raw, qs: int) -> bool:
    """“A,” he said. “B” — the second part follows the attribution sentence in the same paragraph."""
    return prev.kind == "direct" and _right_after_attribution(text, prev, qs)


def _right_after_attribution(text: str, prev: _Raw, qs: int) -> bool:
    """The quote at qs opens the sentence right after prev's attribution, which ends prev's sentence, in the same
    paragraph ("…, Schiff said. “…”")."""
    if prev.cue_start is None or prev.cue_end is None or prev.cue_start < prev.end:
        return False
    if qs - prev.cue_end >= 250:
        return False  # (tested before slicing: a far-off previous quote must not cost a copy of the text between)
    gap = text[prev.cue_end : qs]
    return "\n" not in gap and len(gap) < 250 and not any(c in gap for c in '“”"') and _STOP_END.search(gap) is not None


def _sentence_start(starts: list[int], pos: int) -> int:
    """The start of the last sentence opening at or before pos (0 if none): one C bisection over the sentences'
    starts, sorted (ints compared, where a bisection of the (start, end) pairs built and compared tuples)."""
    lo = bisect.bisect_right(starts, pos)
    return starts[lo - 1] if lo else 0


def _colon_lead(raw: _Raw, opening: dict[int, tuple[int, int, bool]]) -> None:
    """A cue at a paragraph end with a colon takes the quote in the next paragraph whole, across paragraphs.
    (`opening`: the quotes by where they open, made once an article: a lookup per raw, not a bisection.)"""
    q = opening.get(raw.start)
    if q is not None and q[1] > raw.end:
        raw.end = q[1]


def _clean_spans(text: str, spans) -> list[tuple[int, int]]:
    """The sentence spans as sorted (start, end) pairs of ints within the text, empty ones dropped. Spans that are
    so already (those of `sentences`, which `extract` hands over) are checked by a few passes in C and copied,
    instead of being rebuilt one by one."""
    n = len(text)
    if type(spans) is list and spans and _clean_already(spans, n):
        return list(spans)
    out = []
    for sp in spans or []:
        try:
            s, e = int(sp[0]), int(sp[1])
        except (TypeError, ValueError, IndexError):
            continue
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if e > s:
            out.append((s, e))
    out.sort()
    return out


def _clean_already(spans: list, n: int) -> bool:
    """Every span a tuple of two ints (not bools), 0 <= start < end <= n, in sorted order: what `_clean_spans` would
    rebuild unchanged."""
    if set(map(type, spans)) != {tuple} or set(map(len, spans)) != {2}:
        return False
    flat = list(chain.from_iterable(spans))
    if set(map(type, flat)) != {int}:
        return False
    starts, ends = flat[0::2], flat[1::2]
    return (
        min(starts) >= 0
        and max(ends) <= n
        and all(map(lt, starts, ends))
        and all(map(le, spans, islice(spans, 1, None)))
    )


# The most cues of one sentence that are attributed. Each costs some tens of microseconds, and a "sentence" of
# nothing but cue words ("said said said …", 1 MB without a stop) took 10 s per MB. Prose holds far fewer: at most 5
# in a sentence of the Wikinews corpus, PolNeAR and the real-news evaluation set (6,575 cues in 402 texts), so the
# bound changes nothing there; like triggers.MAX_NUMBERS, what it cuts is the tail of such a sentence.
MAX_CUES = 32


def find_quotes_raw(text: object, sentence_spans: list[tuple[int, int]] | None = None) -> list[Quote]:
    """`find_quotes` without its safety net, so that tests see any exception. (`text` is typed `object`: what is
    not text has no quotes, in the compiled build too, which would refuse it at the call.)"""
    if not isinstance(text, str) or not text.strip():
        return []
    spans = _clean_spans(text, sentence_spans if sentence_spans is not None else _sentences(text))
    quotes = quote_spans(text)
    opening = {q[0]: q for q in quotes}  # (apart: one quote opens at a place)
    quote_starts = [q[0] for q in quotes]  # (for `_cues`: a bisection of ints)
    low = _lower(text)
    words = _cue_words(low)
    raws: list[_Raw] = []
    spans_of_raws: dict[tuple[int, int], int] = {}  # (start, end) of raws, to drop a repeat without comparing with each
    nw = len(words)
    w = 0
    for s, e in spans:
        prev = None
        taken: list[tuple[int, int]] = []
        # The sentence's first cue word, if any (most sentences hold none): the spans are sorted, so it is found by
        # going on from the last sentence's (a bisection per sentence made a tuple and a call each).
        while w < nw and words[w][0] < s:
            w += 1
        for n, cue in enumerate(
            _cues(text, low, s, e, quotes, words, w, quote_starts) if w < nw and words[w][0] < e else ()
        ):
            if n == MAX_CUES:
                break  # (a "sentence" of thousands of cues is no prose: see MAX_CUES)
            # Cues come in order: a span ending before this one can hold no later cue either, so it is dropped
            # (the list stays short; tested against every span, it made a sentence of many cues quadratic).
            if taken:
                taken = [t for t in taken if t[1] > cue.start]
            cut: tuple[tuple[int, int], list[tuple[int, int]]] | None = None  # (span before the cut, taken then)
            if taken and any(a <= cue.start < b for a, b in taken):
                if prev is None:
                    continue
                inner = _relayed(text, cue, s, e, quotes, prev)
                if inner is not None:
                    # "According to Reuters, the minister said the talks had failed": who said it is the minister
                    # (the outlet only passes it on), so the report inside takes the place of the one around it
                    if raws and raws[-1] is prev:
                        raws.pop()
                        _move_span(spans_of_raws, (prev.start, prev.end), (inner.start, inner.end))
                        taken = [t for t in taken if t != (prev.start, prev.end)] + [(inner.start, inner.end)]
                        raws.append(inner)
                        prev = inner
                    continue
                before = prev.start, prev.end
                coordinated = _coordinated(text, prev, cue, s)
                if (prev.start, prev.end) != before:  # _coordinated cut prev short
                    _move_span(spans_of_raws, before, (prev.start, prev.end))
                    cut = before, taken
                if not coordinated:
                    continue
                taken = [(a, prev.end) if b > prev.end else (a, b) for a, b in taken]
            raw = _attribute(text, cue, s, e, quotes, prev, opening)
            if raw is None:
                if (
                    cut is not None
                    and prev is not None
                    and text[cue.start : cue.end].lower() == cue.base
                    and subject_before(text, s, cue.start)[0] is None
                ):
                    # "… violated federal and state law": a bare form with no subject of its own that reports
                    # nothing was no second report (a past form was: "…, and found the law unlawful"), and the
                    # first content runs on over it.
                    _move_span(spans_of_raws, (prev.start, prev.end), cut[0])
                    prev.end = cut[0][1]
                    taken = cut[1]
                continue
            _colon_lead(raw, opening)
            key = (raw.start, raw.end)
            if key in spans_of_raws:
                continue
            raws.append(raw)
            spans_of_raws[key] = 1
            taken.append(key)
            prev = raw
        if not taken and (
            low.find("report", s, e) >= 0 or low.find("d to ", s, e) >= 0 and _PASSIVE_SAID.search(low, s, e)
        ):
            raw = _reported(text, s, e, low.find("reported by", s, e) >= 0)
            if raw is not None:
                raws.append(raw)
    # The writer's voice first: a cheap test of the mention, which drops the raw whatever its kind or words, so
    # only the raws it keeps are given a kind (nothing reads a dropped raw's).
    kept: list[_Raw] = []
    for r in raws:
        if not _writers_voice(text, r, quotes):
            q = opening.get(r.start)
            # (a content that is one quote whole, ending within a character of it, is what `_kind` calls direct
            # without its bisection: the quote opening at its start is the first inside it)
            r.kind = (
                "direct" if q is not None and r.end - 1 <= q[1] <= r.end + 1 else _kind(text, r.start, r.end, quotes)
            )
            if not (r.kind == "direct" and _short_title(text, r.start, r.end)):
                kept.append(r)
    raws = _attach_loose(text, kept, quotes, spans)
    raws = _drop_nested(text, raws)
    _resolve(text, raws)
    return _to_quotes(text, raws)


# Reports with no source named: "There are reportedly 5000 troops", "The attacker is reported to have jumped",
# "The mayor was announced to have resigned", "She is said to have left",
# "Politicians were reported by local media to have visited" (then the source is the "by" phrase).
# The passives _IS_REPORTED reads besides "reported", as a literal scan ("said to", "announced to" …).
_PASSIVE_SAID = re.compile(r"(?:said|announced|alleged|rumou?red) to ")


_REPORTED_BY_AS = re.compile(
    r"\b[Rr]eported[ \t\xa0]+by[ \t\xa0]+(?P<by>[^,;]{2,50}?)[ \t\xa0]+as[ \t\xa0]+(?P<what>[^,;.]{3,120})"
)
_REPORTEDLY = re.compile(r"\b[Rr]eportedly\b,?\s*")
_IS_REPORTED = re.compile(
    caps(
        r"\b(?:is|are|was|were)\s+(?:reported|said|announced|alleged|rumou?red)\s+"
        r"(?:by\s+(?P<by>[^,;]{2,60}?)\s+)?(?=to\s+(?!the\b|a\b|an\b|[A-Z]))"
    )
)


def _reported(text: str, s: int, e: int, by: bool = True) -> _Raw | None:
    """A report whose source the writer does not name, or names only after "by": its content, speakerless."""
    m = _REPORTED_BY_AS.search(text, s, e) if by else None
    if m is not None:
        # "A cargo plane, reported by local press as belonging to the army, crashed …"
        end = _trim_end(text, m.start("what"), m.end("what"))
        mention = subject_after(text, m.start("by"), m.end("by"))
        return _Raw(m.start("what"), end, "", m.start(), m.start("by") - 4, mention) if mention else None
    m = _IS_REPORTED.search(text, s, e)
    if m is not None:
        end = _trim_end(text, m.end(), e)
        mention = subject_after(text, m.start("by"), m.end("by")) if m.group("by") else None
        return _Raw(m.end(), end, "", m.start(), m.end(), mention) if _word_count(text, m.end(), end) >= 3 else None
    m = _REPORTEDLY.search(text, s, e)
    if m is None:
        return None
    start = m.end() if m.start() <= s + 1 else s  # "Reportedly, most residents …" / "There are reportedly …"
    end = _trim_end(text, start, e)
    return _Raw(start, end, "", m.start(), m.end(), None) if _word_count(text, start, end) >= 4 else None


_FIRST_PERSON = frozenset(("i", "we", "you"))


def _writers_voice(text: str, raw: _Raw, quotes) -> bool:
    """ "In our testing we found that …": "I" or "we" outside any quote mark is the writer speaking, not a
    source being quoted; "you" there is the writer's reader or an interviewer's question ("How would you
    describe …?")."""
    m = raw.mention
    return m is not None and m.kind == "pronoun" and m.text.lower() in _FIRST_PERSON and not _in_quote(quotes, m.start)


def _in_quote(quotes: list[tuple[int, int, bool]], pos: int) -> bool:
    """Whether pos lies in a quote, marks included (qs <= pos < qe). Quotes are sorted and apart, so only the last
    one opening at or before pos can hold it: one bisection (a scan of every quote per first-person mention made
    an article of "“…,” I said." quadratic, 12 s/MB at 100 KB)."""
    i = bisect.bisect_left(quotes, pos + 1, key=_OPENS) - 1
    return i >= 0 and pos < quotes[i][1]


_COORD = re.compile(r"(?:,\s*|\s+)(?:but|and|while|whereas|although|though)\s*$")


# The words one of which every _COORD match holds ("although" holds "though").
_COORD_WORD = re.compile(r"but|and|while|whereas|though")


# The forms of the cues that relay what someone else said ("according to X, …", "X reported …").
_RELAYING = frozenset(("according to", "reported", "reports", "report"))


# The verbs of a report inside a relayed one that take its place: plain speech, whose subject is a speaker (not
# "the virus claimed 6,606 lives", "a mother called the police", "his death was described as …").
_RELAYED_VERBS = frozenset("say tell add state announce confirm warn explain insist emphasize emphasise stress".split())
_RELAYED_SPEAKERS = frozenset(("person", "organisation", "country", "anonymous", "role", "pronoun", "coordinated"))


def _relayed(text: str, cue: _Cue, s: int, e: int, quotes, outer: _Raw) -> _Raw | None:
    """A report inside the content of one that relays it ("According to Reuters, the minister said …", "The
    Guardian reported the minister said …"): the inner report, when its speaker and content both lie in the
    outer content (a relayed direct quote has no cue: its words are the quoted speaker's, whoever they name)."""
    if (
        cue.base not in _RELAYED_VERBS
        or outer.cue_start is None
        or text[outer.cue_start : outer.cue_end].lower() not in _RELAYING
        or not outer.start <= cue.start < outer.end
    ):
        return None  # (asked before the attribution, which costs some microseconds)
    inner = _attribute(text, cue, s, e, quotes, None)
    return inner if inner is not None and _relays(text, outer, inner) else None


def _relays(text: str, outer: _Raw, inner: _Raw) -> bool:
    """`outer` is a relaying report ("according to", "reported") whose content holds `inner`, a report by a
    speaker named inside it."""
    return (
        outer.cue_start is not None
        and outer.cue_end is not None
        and text[outer.cue_start : outer.cue_end].lower() in _RELAYING
        and inner.mention is not None
        and inner.mention.kind in _RELAYED_SPEAKERS
        and outer.start <= inner.mention.start < inner.start
        and inner.end <= outer.end
    )


def _move_span(spans_of_raws: dict[tuple[int, int], int], old: tuple[int, int], new: tuple[int, int]) -> None:
    """A raw's span changed from `old` to `new`: count it under the new one."""
    n = spans_of_raws.get(old, 0) - 1
    if n:
        spans_of_raws[old] = n
    else:
        del spans_of_raws[old]
    spans_of_raws[new] = spans_of_raws.get(new, 0) + 1


def _coordinated(text: str, prev: _Raw, cue: _Cue, s: int) -> bool:
    """ "X said A, but he noted B" / "X said A and said B": a second report coordinated inside the first one's
    content ends that content and starts its own (the previous one is cut in place); a negated one ("but Lee did
    not say B") ends it and starts none."""
    if not (prev.start < cue.start < prev.end) or _inside_quote_span(text, prev, cue.start):
        return False
    # The subject found below starts no earlier than 200 characters before the cue (its search window), so a
    # coordinator within reach of it lies in text[lo:cue.start]; without one, the subject need not be found (a
    # sentence of many cues and no conjunction looked for each cue's subject).
    lo = max(prev.start, max(s, cue.start - 200) - 12)
    if _COORD_WORD.search(text, lo, cue.start) is None:
        return False
    mention, negated = subject_before(text, s, cue.start)
    anchor = mention.start if mention is not None else cue.start
    m = _COORD.search(text, max(prev.start, anchor - 12), anchor)
    if m is None or m.start() <= prev.start:
        return False
    # A negated report ("…, but Lee did not say it would open") ends the first content too, and starts none.
    prev.end = _trim_end(text, prev.start, m.start())
    return prev.end > prev.start and not negated


def _inside_quote_span(text: str, raw: _Raw, pos: int) -> bool:
    """More “ than ” or an odd number of " in text[raw.start:pos]: counted by binary search in the positions of
    each mark (a count over the span per cue made a long content with many cues quadratic)."""
    opening, closing, straight = _mark_positions(text)

    def count(at: list[int]) -> int:
        return bisect.bisect_left(at, pos) - bisect.bisect_left(at, raw.start)

    return count(opening) > count(closing) or count(straight) % 2 == 1


_START = attrgetter("start")
_END = attrgetter("end")


def _drop_nested(text: str, raws: list[_Raw]) -> list[_Raw]:
    """A content that lies inside another one (a quote inside a report of it) is kept once, as the outer; but a
    report whose speaker is named inside a relayed one ("The minister said the talks had failed, according to
    Reuters") is kept instead of it, as when the relaying comes first (`_relayed`). The contents kept are in order
    of their starts, no two the same (a later one with the start of the last kept ends no later: it is inside)."""
    # By start, the longer first on a tie: sorted by end (descending), then by start, each stable (an attribute read
    # in C per raw, where a key of (start, -end) made a Python call and a tuple per raw).
    raws = sorted(raws, key=_END, reverse=True)
    raws.sort(key=_START)
    out: list[_Raw] = []
    for r in raws:
        if out and r.start >= out[-1].start and r.end <= out[-1].end:
            o = out[-1]
            if (
                o.kind == "indirect"
                and r.kind == "indirect"
                and r.cue_start is not None
                and _CUE_FORMS.get(text[r.cue_start : r.cue_end].split(None, 1)[0].lower()) in _RELAYED_VERBS
                and _relays(text, o, r)
            ):
                out[-1] = r
            continue
        out.append(r)
    return out


def _resolve(text: str, raws: list[_Raw]) -> None:
    if all(r.mention is None for r in raws):
        return  # nothing to resolve: the resolver's prescan of the text's names would go unused
    resolver = Resolver(text)
    for r in sorted(raws, key=lambda r: r.mention.start if r.mention else r.start):
        if r.mention is not None:
            r.speaker = resolver.resolve(r.mention, r.antecedent)
    for r in raws:
        if r.speaker is not None:
            r.speaker.aliases = resolver.aliases(r.speaker.name, r.speaker.mention)


def _to_quotes(text: str, raws: list[_Raw]) -> list[Quote]:
    """The records of `raws`, which `_drop_nested` left in order of their starts, no two alike (so also in order of
    (start, end), the quotes' order)."""
    out = []
    seen: dict[str, int] = {}
    for r in raws:
        qtext = text[r.start : r.end]
        if not qtext[1:2].isalnum() and not _HAS_WORD.search(qtext):
            continue  # quote marks with nothing inside them (a letter after the opening mark answers at once)
        if r.speaker is not None:
            # The mention as written (a mention is assembled from tokens, which may have dropped spacing).
            r.speaker.mention = text[r.speaker.start : r.speaker.end]
        qid = item_id("q", qtext)
        n = seen.get(qid, 0) + 1
        seen[qid] = n
        if n > 1:
            qid = f"{qid}-{n}"
        cue = text[r.cue_start : r.cue_end] if r.cue_start is not None else None
        out.append(Quote(qid, r.kind, qtext, r.start, r.end, cue, r.speaker, r.cue_start, r.cue_end))
    return out


def find_quotes(text: str, sentence_spans: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All quotes of an article, sorted by start; never raises (a broken article yields no quotes, not a crash)."""
    try:
        return find_quotes_raw(text, sentence_spans)
    except Exception:  # noqa: BLE001 - one odd article must not stop a batch; tests call find_quotes_raw
        return []


_CLAUSE_SEP = re.compile(r"[,;]")


class _Covered:
    """Spans already taken by a quote, asked whether a quote overlaps any of them, in logarithmic time.

    The first spans (the cue-found contents) are sorted once with a running maximum of their ends. Spans added
    while the quotes are walked in order end where the current quote ends, so they lie before every later quote;
    they are kept apart and searched only when one could still reach a quote (never, for sorted quotes)."""

    __slots__ = ("starts", "max_end", "added", "added_end")

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        # The running maximum of the ends, in C (ends are offsets, never below the -1 a loop would start from).
        self.max_end: list[int] = list(accumulate([b for _, b in spans], max))
        self.added: list[tuple[int, int]] = []
        self.added_end = -1

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)  # spans starting before e
        if i and self.max_end[i - 1] > s:
            return True
        return self.added_end > s and any(a < e and s < b for a, b in self.added)

    def add(self, s: int, e: int) -> None:
        self.added.append((s, e))
        self.added_end = max(self.added_end, e)


class _Previous:
    """The content that ends last at or before a position (the latest among equals in start order), for quotes
    asked about in increasing position: contents become candidates as the position passes their end."""

    __slots__ = ("by_end", "order", "i", "best", "best_key")

    def __init__(self, raws: list[_Raw]):
        by_start = sorted(raws, key=_START)
        self.order = {id(r): k for k, r in enumerate(by_start)}
        self.by_end = sorted(by_start, key=_END)
        self.i = 0
        self.best: _Raw | None = None
        self.best_key = (-1, -1)

    def before(self, pos: int) -> _Raw | None:
        while self.i < len(self.by_end) and self.by_end[self.i].end <= pos:
            r = self.by_end[self.i]
            key = (r.end, self.order[id(r)])
            if key > self.best_key:
                self.best, self.best_key = r, key
            self.i += 1
        return self.best

    def extend(self, r: _Raw, end: int) -> None:
        """Move the end of `r` (the current best) to `end`, past every other candidate's."""
        r.end = end
        if r is self.best:
            self.best_key = (end, self.best_key[1])


_DOUBLE_MARK = re.compile('[“”"]')


@lru_cache(maxsize=4)
def _mark_positions(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where “, ” and " are in the text, each sorted."""
    found: dict[str, list[int]] = {"“": [], "”": [], '"': []}
    for m in _DOUBLE_MARK.finditer(text):
        found[m.group()].append(m.start())
    return found["“"], found["”"], found['"']
