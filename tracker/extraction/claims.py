"""Check-worthy factual claims: which clauses assert something a fact-checker could verify, and why.

Rules, not a model, so that every score comes with the features that made it (a reader can see that a claim
ranked high for "money", "date", "named entity") and so that the whole step stays cheap (the budget is about 2 ms
per article on one core; `benchmarks/extract.py` measures it).
Kinds follow Full Fact's claim taxonomy: factual kinds (quantity, event, rule, causal, comparison, other) are what
a fact-checker verifies; prediction, opinion, question and appeal are kept with their kind so they can be
filtered out rather than silently dropped.

Figures, dates and entities are found once over the whole text and handed to the clauses they fall in, because
acronyms ("SSB") and relative dates need the whole article, and one scan is cheaper than one per sentence.

Clauses are cut in clauses.py, judged in claim_features.py with the word lists of claim_words.py; this module
runs them over the sentences, judges reported speech on what was said (with claim_attribution.py's tests), gives
each claim its speaker (the quote holding it, as claim_speakers.py decides) and re-joins factual halves.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import attrgetter

from tracker import ids
from tracker.extraction.claim_attribution import (
    _ACTS,
    _HARD,
    _INDIRECT_QUESTION,
    _characterises,
    _content_kind,
    _led_by_attribution,
    _without_attribution,
)
from tracker.extraction.claim_features import (  # noqa: F401
    FACTUAL_KINDS,
    NON_FACTUAL_KINDS,
    WEIGHTS,
    _features,
    _kind,
    _opinion,
    _past,
    _prediction,
    _score,
)
from tracker.extraction.claim_speakers import holding_quote, states
from tracker.extraction.claim_words import OPINION_AFTER_IT_IS, _Tokens, token_runs  # noqa: F401
from tracker.extraction.clauses import (  # noqa: F401
    _AT_LEAST,
    _DIGIT,
    _HEADLINE_END_CHARS,
    MIN_WORDS,
    _has_words,
    _is_dateline,
    _is_headline,
    _Marks,
    _split,
    bare_lead,
    ends_line,
)
from tracker.extraction.cues import _FORM_TO_BASE
from tracker.extraction.dates import find_dates
from tracker.extraction.entities import find_entities
from tracker.extraction.narration import in_spans, may_narrate, transcript_spans
from tracker.extraction.quantities import find_quantities
from tracker.extraction.sentences import sentences
from tracker.records import Claim, Quote

THRESHOLD = 0.30  # a factual-looking clause below this check-worthiness is not reported


def _starting_in(starts: list[int], i: int, s: int, e: int) -> tuple[int, int]:
    """(bisect_left(starts, s), bisect_left(starts, e)) for a sentence s..e: walked forward from `i`, the first
    index of the sentence before, when all the starts before it come before s (the sentences go in order: a step
    or two, where the two bisections cost ten times as much); bisected when a sentence goes back."""
    n = len(starts)
    if i > 0 and starts[i - 1] >= s:
        i = bisect_left(starts, s)
    else:
        while i < n and starts[i] < s:
            i += 1
    j = i
    while j < n and starts[j] < e:
        j += 1
    return i, j


def _within(items: list, i: int, j: int, s: int, e: int) -> list:
    """The items wholly in the clause s..e of a sentence whose items are items[i:j] (those starting in it)."""
    if j - i == 1:  # (most often one item: no comprehension, whose reading of e would make it a closure cell)
        x = items[i]
        return [x] if s <= x.start < e and x.end <= e else []
    return _wholly_in(items[i:j], s, e)


def _wholly_in(items: list, s: int, e: int) -> list:
    return [x for x in items if s <= x.start < e and x.end <= e]


_CLOSING = frozenset(" ”\"’')")


def find_claims(text: str, quotes: list[Quote], published: str | None = None, sentence_spans=None) -> list[Claim]:
    """Claims of `text`, sorted by start: factual ones that pass the check-worthiness threshold, and opinions,
    predictions, questions and appeals with their kind so they can be filtered out."""
    if not text:
        return []
    spans = sentence_spans if sentence_spans is not None else sentences(text)
    quantities = find_quantities(text, sentences=spans)  # bounded per sentence and per text: see triggers.py
    dates = find_dates(text, published=published, sentences=spans)
    entities = find_entities(text)
    # (The starts and ends read by attrgetter, in C: a lambda or comprehension costs a Python step per item.)
    qs, ds, es = list(map(_START_OF, quantities)), list(map(_START_OF, dates)), list(map(_START_OF, entities))
    quotes = sorted(quotes or [], key=_START_OF)
    marks = _Marks(text)
    runs = token_runs(text, marks.low)  # the text's tokens in one pass: a clause's slice is split, not re-read
    id_data = ids.text_bytes(text)  # and what the claims' ids hash (the same for each slice, in one pass)
    q_starts = list(map(_START_OF, quotes))
    q_reach = list(accumulate(map(_END_OF, quotes), max))  # the furthest end among the first i+1 quotes
    reports = any(q.speaker is not None for q in quotes)  # the text reports speech: its other sentences narrate
    transcript = transcript_spans(text) if reports else []  # an interview's answers are no narration
    # Where an attribution after its quote opens a sentence of its own ('“We lost 40 homes.”\nsaid the mayor on
    # Monday.'): that sentence says who spoke, not a fact of the writer's.
    attribution_at: set[int] = set()
    for q in quotes:
        if q.cue_start is not None and q.speaker is not None:
            a = q.cue_start if q.cue_start < q.speaker.start else q.speaker.start
            if q.end <= a:
                attribution_at.add(a)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    rounded: dict[float, float] = {}  # round(score, 3) by score: a few distinct scores, 0.25 µs a round
    n = len(text)
    # The quotes near a sentence are quotes[qi:qj], qi = bisect_right(q_reach, s) and qj = bisect_left(q_starts, e):
    # walked forward as the sentences go in order (one step or none each), bisected again if one goes back.
    qi = qj = last_s = last_e = 0
    nq = len(quotes)
    # The figures, dates and entities starting in a sentence: items[xi:xj] (see _starting_in).
    qni = qnj = dti = dtj = eni = enj = 0
    # The first digit at or after digit_from (n: none): a dateline holds one, and a text's sentences, in order, need
    # one search of the text between them instead of one per short sentence.
    digit_from, digit = n + 1, n
    for s, e in spans:
        # (Each test's first condition asked here, not in a call per sentence: a headline ends its line, and not
        # with a stop or a closing quote; a dateline is short and holds a digit.)
        if (e == s or text[e - 1] not in _HEADLINE_END_CHARS) and ends_line(text, e) and _is_headline(text, s, e):
            continue
        if e - s <= 60:
            if not digit_from <= s <= digit:
                m = _DIGIT.search(text, s)
                digit_from, digit = s, m.start() if m is not None else n
            if digit < e and _is_dateline(text, s, e):
                continue
        k = e  # the sentence's last character before closing quotes and brackets
        while k > s and text[k - 1] in _CLOSING:
            k -= 1
        end_char = text[k - 1] if k > s else ""
        if quotes:
            if s < last_s or e < last_e:
                qi, qj = bisect_right(q_reach, s), bisect_left(q_starts, e)
            else:
                while qi < nq and q_reach[qi] <= s:
                    qi += 1
                while qj < nq and q_starts[qj] < e:
                    qj += 1
            last_s, last_e = s, e
            near = quotes[qi:qj]
            if qj - qi > 1:  # (the first of them always ends after s: its end is q_reach[qi])
                near = _ending_after(near, s)
        else:
            near = quotes
        if not near and s in attribution_at:
            continue
        if quantities:
            qni, qnj = _starting_in(qs, qni, s, e)
        if dates:
            dti, dtj = _starting_in(ds, dti, s, e)
        if entities:
            eni, enj = _starting_in(es, eni, s, e)
        clauses, reported, inner = _split(text, s, e, near, marks)
        last = clauses[-1][0] if end_char == "?" and len(clauses) > 1 else -1
        pieces: list = []
        for cs, ce in clauses:  # (a loop, not a comprehension: most sentences are one clause)
            pieces.append(
                _assess(
                    text,
                    cs,
                    ce,
                    near,
                    end_char if cs == last or last < 0 or _ASKS.match(text, cs, ce) else "",
                    cs in reported,
                    _within(quantities, qni, qnj, cs, ce) if qni < qnj else [],
                    _within(dates, dti, dtj, cs, ce) if dti < dtj else [],
                    _within(entities, eni, enj, cs, ce) if eni < enj else [],
                    reports and (not transcript or not in_spans(transcript, cs)),
                    runs,
                )
            )
        if inner and len(clauses) > 1:  # one clause has nothing to re-join
            pieces = _rejoin(text, pieces, inner, near)
            if near:  # 'He told her on one occasion: “…”' left on its own: the quote's attribution, no claim
                pieces = _without_bare_leads(text, pieces, near)
        for piece in pieces:
            if piece is None or (piece[3] in FACTUAL_KINDS and piece[4] < THRESHOLD):
                continue
            cs, ce, chunk, kind, score, feats, quote, qn, dt, en, _ = piece
            cid = ids.item_id_in("c", id_data, cs, ce, chunk)
            count = seen.get(cid, 0) + 1  # (not `n`, the text's length the digit search above still reads)
            seen[cid] = count
            r = rounded.get(score)
            if r is None:
                r = rounded[score] = round(score, 3)
            claims.append(
                Claim(  # (id, kind, text, start, end, speaker, quantities, dates, entities, score, features, quote_id)
                    cid if count == 1 else f"{cid}-{count}",
                    kind,
                    chunk,
                    cs,
                    ce,
                    quote.speaker if quote is not None and (quote.kind != "indirect" or states(quote)) else None,
                    qn,
                    dt,
                    en,
                    r,
                    feats,
                    quote.id if quote else None,
                )
            )
    claims.sort(key=_START_OF)
    return claims


_START_OF = attrgetter("start")
_END_OF = attrgetter("end")


# (The two filters below are functions, not comprehensions in find_claims: a comprehension there would make the
# loop's variables it reads closure cells, slower to read on every sentence.)
def _ending_after(quotes: list[Quote], s: int) -> list[Quote]:
    return [q for q in quotes if q.end > s]


def _without_bare_leads(text: str, pieces: list, quotes: list[Quote]) -> list:
    return [p for p in pieces if p is None or not bare_lead(text, p[_START], p[_END], quotes)]


# How a question opens: a wh-word or an auxiliary before its subject (after an interview's "((WN))" label). In a sentence ending with "?", a clause before
# the last is a question only when it opens so ("Will the tax rise, as the minister promised?"), not when it states
# something and the question follows ("The dam cost $2 billion; who will pay for it?").
_ASKS = re.compile(
    r"(?:\(\([^()]{1,80}\)\))?[^\w]*(?:(?:and|but|so|then|now|or)\s+)?(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|am|do|does|"
    r"did|can|could|will|would|shall|should|may|might|must|has|have|had|(?:is|are|was|were|do|does|did|ca|could|"
    r"wo|would|should|has|have|had)n[’']t)\b",
    re.IGNORECASE,
)


# A clause as judged, before it becomes a Claim (only those reported do): a plain tuple, as one is made per clause.
# (start, end, text, kind, score, features, quote, quantities, dates, entities, number of tokens)
_START, _END, _KIND, _FEATS, _QUOTE, _QUANTITIES, _DATES, _ENTITIES, _NWORDS = 0, 1, 3, 5, 6, 7, 8, 9, 10


_SUBORDINATE = re.compile(r"(?:as|while|whilst|whereas|although|though|because|since|when|if|unless|until)\b")


# Words a sentence cannot end on: a clause that does was cut mid-sentence (its rest was an attribution).
_DANGLING = frozenset("with and or of to the a an by for from at as but than while".split())
_TRAILING = " \t\n,;:—–-"
_ENOUGH_WORDS = _AT_LEAST[MIN_WORDS - 1]


def _assess(
    text, s, e, quotes, end_char, reported, quantities, dates, entities, reports=False, runs: str | None = None
) -> tuple | None:
    """A clause judged (a tuple: see _START above), or None for a fragment. `runs`: token_runs(text), if any."""
    chunk = text[s:e]
    if runs is not None and chunk.isascii() and "-" not in chunk and "_" not in chunk:
        # In ASCII without "-" and "_", a word of _has_words ([\w'-] run) is a run of the token characters: its
        # slice of the runs splits into the same runs (a fifth of the regex's cost)
        if len(runs[s:e].split(None, MIN_WORDS - 2)) < MIN_WORDS - 1:
            return None
    elif _ENOUGH_WORDS.match(chunk) is None:  # (_has_words(chunk, MIN_WORDS - 1), without the call)
        return None
    # (Such a word ends with a letter, and only a letter lower-cases to one: a clause ending otherwise is no fragment,
    # and one ending with a stop or a quote mark is not stripped at all.)
    last = chunk[-1]
    if last.isalpha() or last in _TRAILING:
        tail = chunk.rstrip(_TRAILING)
        if tail[-1:].isalpha() and tail[tail.rfind(" ") + 1 :].lower() in _DANGLING:
            return None  # "Critics attacked the bill, with" (the rest cut off as attribution): a fragment, no claim
    quote = holding_quote(text, quotes, s, e) if quotes else None  # (most sentences have no quote near)
    judged, jq, jd, je = chunk, quantities, dates, entities
    ja, jb = s, e  # where judged lies in the text, if it is a slice of it
    if quote is not None and quote.kind != "indirect" and (quote.start > s + 2 or quote.end < e - 2):
        # '"We were not expecting this," said Kosgei': the quote is judged, not its attribution, whose name and
        # "said" would make any remark look like a named past event.
        ja = a = s if s > quote.start else quote.start
        jb = b = e if e < quote.end else quote.end
        judged = text[a:b]
        # (Each list asked first: most clauses hold no figure or date, and an empty comprehension costs 0.1 µs.)
        jq = _inside(quantities, a, b) if quantities else quantities
        jd = _inside(dates, a, b) if dates else dates
        je = _inside(entities, a, b) if entities else entities
    elif quote is not None and quote.kind == "direct" and quote.cue_start is not None and s < quote.cue_start < e:
        # A quote split by its attribution ('"We did not expect this", said Kosgei after the race. "But …"') is one
        # quote: the clause is judged without the attribution and the words trailing it.
        judged, jq, jd, je = _without_attribution(text, s, e, quote, quantities, dates, entities)
        ja = -1
    t = _Tokens(judged, runs[ja:jb]) if runs is not None and ja >= 0 else _Tokens(judged)
    cues = t.cues
    # (_prediction's three tests without the call; _opinion called only when one of its two first tests passes.)
    predicts = "prediction" in cues or "first person future" in cues or "'ll " in t.joined
    opinion = ("opinion" in cues or not t.set.isdisjoint(OPINION_AFTER_IT_IS)) and _opinion(t)
    feats = _features(judged, t, jq, jd, je, predicts or opinion)
    # ("first person" and "second person" are features exactly when these cues are: a set, not the list, asked.)
    if quote is None and quotes and ("first singular" in cues or "second person" in cues):
        _writers_person(text, s, e, quotes, feats)
    if reported or (quote is not None and quote.kind == "indirect"):
        feats.append("reported speech")
    elif (
        reports
        and quote is None  # (a quote held here, not indirect, overlaps the clause: the test below, 0.4 µs, is True)
        and end_char == "."
        and not _touching(quotes, s, e)
        and _SUBORDINATE.match(text, s, e) is None
        and may_narrate(chunk)
    ):
        # The writer's own full sentence in a text that reports speech: news narration, asserted as fact. Not a
        # line without a full stop (a caption, a credit), a clause touching a quote, nor a trailing "as …" or
        # "while …" clause split off a sentence (circumstance, not statement), nor one in the first or second
        # person, a caption or a fragment (narration.py; transcripts are left out by the caller).
        feats.append("narration")
    kind = _kind(judged, t, feats, end_char, predicts, opinion)
    if quote is None and quotes:
        # '"Demand has collapsed," president Kenji Watanabe told analysts.': judged as a whole sentence (the quote
        # alone holds less than half of it), but the claim is still the president's
        quote = holding_quote(text, quotes, s, e, tail=True)
    if (
        kind in FACTUAL_KINDS
        and quote is not None
        and quote.kind != "direct"
        and _HARD.isdisjoint(feats)
        and _characterises(quote)
    ):
        # A hard figure ("called the $2 billion deal a loss") is checkable whatever the label put on it.
        kind = "opinion"
    elif judged is chunk and quote is not None and _led_by_attribution(quote, s, e):
        verb = (quote.cue or "").split()[0].lower()
        base = _FORM_TO_BASE.get(verb)
        if base == "ask" and _INDIRECT_QUESTION.match(quote.text) is not None:
            # "Wikinews asked Stamenković if he had any ideas …", "Reporters asked why the homes were demolished": a
            # question reported, as one in quote marks is
            return s, e, chunk, "question", _score(feats), feats, quote, quantities, dates, entities, len(t.list)
        act = base in _ACTS
        said = (
            _content_kind(text, quote, end_char, quantities, dates, entities) if act or kind in FACTUAL_KINDS else None
        )
        if said is not None:
            if not act:
                kind = said
            else:
                # "X announced the troops would leave": that the plan was made public is the writer's event
                quote = None
                if kind not in FACTUAL_KINDS and verb.endswith("ed"):
                    kind = "event"
                    if "past event" not in feats:
                        feats.append("past event")
                        feats.sort(key=_FEATURE_ORDER.__getitem__)
    return s, e, chunk, kind, _score(feats), feats, quote, quantities, dates, entities, len(t.list)


# (Functions, not comprehensions in _assess: one there would make the s, e, a and b it reads closure cells, slower
# to read throughout _assess.)
def _inside(items: list, a: int, b: int) -> list:
    """The items wholly inside a..b."""
    return [x for x in items if a <= x.start and x.end <= b]


def _touching(quotes: list[Quote], s: int, e: int) -> bool:
    """Whether any quote overlaps s..e."""
    for q in quotes:
        if q.start < e and s < q.end:
            return True
    return False


def _writers_person(text: str, s: int, e: int, quotes: list[Quote], feats: list[str]) -> None:
    """Drop "first person" and "second person" from the features of the writer's sentence when only the direct
    quotes it ends with after a participle (none holding most of it) speak so: 'Biden announced his plan to pick a
    woman, saying "I commit that I will …"' is the writer's report in the third person. Not a quote after "said"
    ('She said "Your dad is gay"'), whose sentence only passes the quote on."""
    inside = [
        (q.start, q.end)
        for q in quotes
        if q.kind == "direct"
        and s <= q.start
        and q.end <= e
        and q.cue is not None
        and q.cue_start is not None
        and q.cue_start < q.start
        and q.cue.split()[0].lower().endswith("ing")
    ]
    if not inside:
        return
    parts, pos = [], s
    for a, b in sorted(inside):
        parts.append(text[pos:a])
        pos = max(pos, b)
    parts.append(text[pos:e])
    cues = _Tokens(" ".join(parts)).cues
    if "first person" in feats and "first singular" not in cues:
        feats.remove("first person")
    if "second person" in feats and "second person" not in cues:
        feats.remove("second person")


def _rejoin(text: str, pieces: list, inner: set[int], quotes: list[Quote]) -> list:
    """Neighbouring factual clauses of one sentence, split at ";", ":" or ", but ...", are one claim again:
    splitting is there to keep opinions, predictions and questions apart from what can be checked, and two
    factual halves are checked together ("Exports have begun to fall, but they are still up on last year"). A
    leading subordinate clause, an attribution and reported content stay apart. The joined claim is made of its
    parts: their figures, dates, entities and features (see _join)."""
    out: list = []
    i, n = 0, len(pieces)
    while i < n:
        p = pieces[i]
        j = i + 1
        if p is not None and p[_KIND] in FACTUAL_KINDS:
            while (
                j < n
                and pieces[j] is not None
                and pieces[j][_KIND] in FACTUAL_KINDS
                and pieces[j][_START] in inner
                and (pieces[j][_QUOTE] is p[_QUOTE] or pieces[j][_QUOTE] is None or p[_QUOTE] is None)
            ):
                j += 1
            if j - i > 1:
                out.append(_join(text, pieces[i:j], quotes))
                i = j
                continue
        out.append(p)
        i = j
    return out


_FACTUAL_ORDER = {k: i for i, k in enumerate(("quantity", "rule", "causal", "comparison", "event", "other"))}


_FEATURE_ORDER = {f: i for i, f in enumerate(WEIGHTS)}


_SUBJECT_FEATURES = frozenset(("third party", "existential"))


def _leading(run: list, s: int) -> Quote | None:
    """The quote of a run's first piece when its attribution opens the sentence ("According to a report by The
    Atlantic, the Watch Tower keeps a database; it has been fined …", "The ministry said exports fell; imports
    rose"): the source named first speaks for the halves after it that name no other (no other quote, which
    _rejoin sees to, and no reporting verb: "…; the USGS reported 5.8")."""
    q = run[0][_QUOTE]
    if q is None or q.cue_start is None or not _led_by_attribution(q, s, run[0][_END]):
        return None
    if any("reporting verb" in p[_FEATS] for p in run[1:]):
        return None
    opens = q.cue_start if q.speaker is None else min(q.cue_start, q.speaker.start)
    return q if s <= opens <= s + 2 and states(q) else None


def _join(text: str, run: list, quotes: list[Quote]) -> tuple:
    """One claim of consecutive factual pieces: the features any of them has, but the subject's from the first
    ("third party", "existential": what the joined text opens with) and "short" only if the whole is; scored
    again; and the kind that comes first in _kind's order of factual kinds (a figure makes a quantity, then a
    rule, a cause, a comparison, an event). Cheaper than judging the joined text again, and nearly always the same
    (on news, under 2 % of joined claims differ in a feature, mostly "first person" where a part is quoted)."""
    s, e = run[0][_START], run[-1][_END]
    first = run[0]
    feats, kind, words = set(first[_FEATS]), first[_KIND], first[_NWORDS]
    quantities, dates, entities = list(first[_QUANTITIES]), list(first[_DATES]), list(first[_ENTITIES])
    for p in run[1:]:
        feats.update(p[_FEATS])
        if _FACTUAL_ORDER[p[_KIND]] < _FACTUAL_ORDER[kind]:
            kind = p[_KIND]
        words += p[_NWORDS]
        quantities += p[_QUANTITIES]
        dates += p[_DATES]
        entities += p[_ENTITIES]
    feats -= _SUBJECT_FEATURES.difference(first[_FEATS])
    if words >= 7:
        feats.discard("short")
    if "date" in feats:
        feats.discard("relative date")  # as _features: a clause with an absolute date has "date" only
    ordered = sorted(feats, key=_FEATURE_ORDER.__getitem__)
    return (
        s,
        e,
        text[s:e],
        kind,
        _score(ordered),
        ordered,
        holding_quote(text, quotes, s, e) or holding_quote(text, quotes, s, e, tail=True) or _leading(run, s),
        quantities,
        dates,
        entities,
        words,
    )
