"""Who asserts a claim: the quote that holds the clause, and whether that quote states it (so the claim is the
speaker's) or the writer reports an act ("declared a state of emergency", "ordered three days of mourning"), a
call, what a subject did before a participle (", saying …"), or narrates a main clause around an aside
attribution (", which, they observed, …").

Kept apart from claims.py, which judges what a clause claims: these rules only decide whose claim it is.
"""

from __future__ import annotations

import re

from tracker.extraction.cues import _FORM_TO_BASE, NP_VERBS
from tracker.records import Quote


def _start(ref, default: int) -> int:
    return ref.start if ref is not None else default


def _writer_first(text: str, s: int, a: int) -> bool:
    """A verb of the writer's own between the clause's start and the attribution at `a`: "Unions sued over the
    emergency Trump declared on Friday". Leading phrases closed by a comma ("In a statement released on Monday,")
    do not count."""
    if a <= s:
        return False
    k = text.rfind(",", s, a)
    return _FINITE.search(text, k + 1 if k >= 0 else s, a) is not None


def _attribution_start(text: str, q: Quote) -> int:
    """Where the attribution opens: its speaker or its cue; for a participle after a comma (", saying …") the
    comma, as the speaker named before it did something else first (the writer's verb, "filed a lawsuit")."""
    cue_start = q.cue_start if q.cue_start is not None else q.end  # a quote with no cue: after it
    if q.cue and q.cue.endswith("ing") and q.speaker is not None and q.speaker.end < cue_start:
        k = text.rfind(",", q.speaker.end, cue_start)
        if k >= 0 and not text[k + 1 : cue_start].strip():
            return k
    spk = q.speaker
    if spk is not None and spk.start < cue_start:  # (min() and _start without the calls)
        return spk.start
    return cue_start


def holding_quote(text: str, quotes: list[Quote], s: int, e: int, tail: bool = False) -> Quote | None:
    """The quote holding most of the clause, if it holds at least half of it. With `tail`, a direct quote holds its
    attribution after it too: for whose claim it is, not for what is judged (the quote's words alone, when the
    quote holds the clause without its tail)."""
    best, best_overlap = None, 0
    for q in quotes:
        lo = q.start
        if (
            q.kind == "indirect"
            and q.cue_start is not None
            and q.cue_start < q.start
            and (q.cue_start <= s or not _writer_first(text, s, _attribution_start(text, q)))
        ):
            # "X said on Tuesday that …": the attribution before the content is part of what the claim holds; not
            # when the writer's own clause comes first ("They sued over the emergency Trump declared on Friday")
            lo = min(q.cue_start, q.speaker.start if q.speaker is not None and q.speaker.start < lo else lo)
        elif (
            tail
            and q.kind == "direct"
            and q.cue_end is not None
            and q.cue_start is not None
            and s <= q.cue_start
            and q.cue_end <= q.start
            and ((a := _attribution_start(text, q)) <= s or not _writer_first(text, s, a))
        ):
            # 'Mayor Ann Lee said: "We won."': a short quote after its attribution holds it as well, as one before
            # it does below (a writer's clause first, "Boeing did not comment, telling reporters "…"", does not)
            lo = a  # (found once: 0.3 µs)
        hi = q.end
        if tail and q.kind == "direct" and q.cue_start is not None and q.end <= q.cue_start < e:
            # '"Demand has collapsed," president Kenji Watanabe told analysts.': the attribution after the quote is
            # part of the sentence the quote makes (a direct quote's sentence is judged on the quote alone)
            hi = max(q.cue_end or q.cue_start, q.speaker.end if q.speaker is not None and q.speaker.end <= e else 0)
        overlap = (e if e < hi else hi) - (s if s > lo else lo)  # (min and max without the calls)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best if best is not None and best_overlap * 2 >= e - s else None


# A finite verb: what makes reported content a statement rather than the noun phrase of an act.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|'s|’s)\b|"
    r"\b[a-z]{3,}ed\b"
)


# Verbs beyond cues.NP_VERBS that report an act when a noun phrase follows them ("ordered three days of
# mourning", "confessed to the killing", "claimed credit for the attack", "insists that the budget include …").
_ACT_VERBS = frozenset(("order", "confess", "claim", "insist", "demand"))


# Where the head of reported content ends: a second clause (", but", ", and", ";") or a relative clause ("declared
# victory, but the troops have remained …", "the budget include funding for the wall, which was …"): a verb after
# it belongs to another clause. Not a bare comma, which may close an aside before the verb ("X, especially, is").
_HEAD_END = re.compile(r"[;:]|,\s(?:and|but|while)\s|\s(?:which|who|whom|whose|what)\s")


_RELATIVE = re.compile(r"\b(?:which|whose|who|whom)\b")
_BACKSHIFT = re.compile(r"\b(?:would|could|might|should|will|shall)\b")


def states(quote: Quote) -> bool:
    """The quote asserts something, so the claim in it is its speaker's: a direct quote, or reported content
    with a verb. "He condemned anti-semitism", "Pelosi announced the vote": the content is a noun phrase, the act
    is the writer's report, and the claim stays the writer's."""
    if quote.kind != "indirect" or not quote.cue:
        return True
    if quote.cue_start is not None and quote.start < quote.cue_start < quote.end:
        m = _RELATIVE.search(
            quote.text, 0, max(0, min(quote.cue_start, _start(quote.speaker, quote.cue_start)) - quote.start)
        )
        if m is not None and _BACKSHIFT.search(quote.text, 0, m.start()) is None:
            # "… polynyas, which, they observed, recur": the aside attributes the relative clause only, and the main
            # clause is the writer's narration; not a backshifted "would" ("Turkey would take over …, which, the
            # statement said, …"), which goes on reporting the speech
            return False
    verb = quote.cue.split()[0].lower()
    if verb.endswith("ing") and verb != "according" and quote.cue_start is not None and quote.cue_start >= quote.end:
        return False  # "X filed a lawsuit on Monday, saying …": what comes before the participle is the writer's
    base = _FORM_TO_BASE.get(quote.cue.split()[0].lower())
    if base == "call" or quote.cue.split()[0].lower() in ("call", "called", "calls", "calling"):
        return False  # "groups have called for the bill to be dropped": an appeal, which the writer reports
    if base not in NP_VERBS and base not in _ACT_VERBS:
        return True
    m = _HEAD_END.search(quote.text)
    return _FINITE.search(quote.text, 0, m.start() if m else len(quote.text)) is not None
