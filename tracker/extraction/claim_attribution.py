"""What a clause's attribution says about its claim: a label the speaker puts on something ("called the deal a
sham"), a question reported after "asked", the quoted words of a clause split by their attribution, an
attribution that leads its clause ("X said (that) …"), and the kind of what was said.

Kept apart from claims.py, which runs the clauses of each sentence through these tests (in `_assess`).
"""

from __future__ import annotations

import re

from tracker.extraction.claim_features import NON_FACTUAL_KINDS, _features, _kind, _opinion, _prediction
from tracker.extraction.claim_words import _Tokens
from tracker.extraction.clauses import _has_words
from tracker.records import Quote

# Verbs that put a name or a label on something ('called the vote "a sham"', "branded the plan a disgrace",
# 'characterised the strike as "an aggression"'): what follows is the speaker's view of it, not a statement of fact.
_NAMING_VERB = re.compile(
    r"(?:call(?:s|ed|ing)?|characteri[sz](?:e|es|ed|ing)|label(?:s|led|ed|ling|ing)?|brand(?:s|ed|ing)?|"
    r"dub(?:s|bed|bing)?|term(?:s|ed|ing)?)",
    re.IGNORECASE,
)
_AS_VERB = re.compile(r"describ(?:e|es|ed|ing)", re.IGNORECASE)
_AS = re.compile(r"\bas\b")


# How reported content after "asked" opens when it is a question, not a request ("asked the firm to pay").
_INDIRECT_QUESTION = re.compile(r"(?:if|whether|why|how|what|who|whom|whose|which|when|where)\b", re.IGNORECASE)


def _characterises(quote: Quote) -> bool:
    """The reported words are a label the speaker puts on something: "called X Y", "described X as Y" (not "called
    for X", an appeal the writer reports, nor "described how …", an account, nor "referred to X as Y", which
    reports what a thing is called, nor "called on X to …", a request)."""
    words = (quote.cue or "").split()
    if not words or "for" in words or "on" in words:
        return False
    if _NAMING_VERB.fullmatch(words[0]):
        return True
    return _AS_VERB.fullmatch(words[0]) is not None and _AS.search(quote.text) is not None


_OPENING = re.compile(r"[\s,:;—–-]*[\"“‘']")


def _without_attribution(text: str, s: int, e: int, quote: Quote, quantities, dates, entities) -> tuple:
    """The quoted words of a clause that holds a quote's attribution: what precedes the speaker and cue, and
    what follows them only when it opens a quote again (not "after the race", ", who helped …")."""
    a = quote.cue_start if quote.cue_start is not None else quote.end
    b = quote.cue_end if quote.cue_end is not None else a + len(quote.cue or "")
    spk = quote.speaker
    if spk is not None and s <= spk.start < e:
        a, b = min(a, spk.start), max(b, spk.end)
    parts = [(s, a)] if _has_words(text, 2, s, a) else []
    m = _OPENING.match(text, b, e)
    if m is not None:
        parts.append((m.end() - 1, e))
    if not parts:
        return text[s:e], quantities, dates, entities
    judged = " ".join(text[x:y] for x, y in parts)

    def inside(items):
        return [i for i in items if any(x <= i.start and i.end <= y for x, y in parts)]

    return judged, inside(quantities), inside(dates), inside(entities)


def _led_by_attribution(quote: Quote, s: int, e: int) -> bool:
    """ "X said (on Tuesday) (that) CONTENT", wholly in the clause, with the speaker's verb as the clause's main verb:
    not a participle after the writer's own clause ("declared an emergency, claiming this would stem …"). "According
    to X, CONTENT" is no participle: it only names the source, as "X said" does."""
    if quote.kind != "indirect" or quote.cue is None or quote.cue_start is None:
        return False
    first = quote.cue.split()[0].lower()
    return (
        s <= quote.cue_start < quote.start
        and quote.end <= e + 2
        and (not first.endswith("ing") or first == "according")
    )


def _content_kind(text, quote: Quote, end_char, quantities, dates, entities) -> str | None:
    """The kind of what the speaker said, when it is not a fact: "Carmaker X said on Wednesday it would close the
    plant, cutting 900 jobs" reports a plan, and "Y told reporters the rise was unfair" a view, however factual
    the attribution looks (a name, "said", a date). The claim keeps its score, which the attribution's date and
    name rightly raise when the content is a fact."""
    a, b = quote.start, quote.end
    content = text[a:b]
    t = _Tokens(content)
    predicts, opinion = _prediction(t), _opinion(t)
    if not (predicts or opinion or "?" in content or t.cues & _VIEW_CUES or "appeal" in t.cues):
        return None  # none of the cues of a non-factual kind: the content's kind is factual (cheap test first)
    jq = [x for x in quantities if a <= x.start and x.end <= b]
    jd = [x for x in dates if a <= x.start and x.end <= b]
    je = [x for x in entities if a <= x.start and x.end <= b]
    feats = _features(content, t, jq, jd, je, predicts or opinion)
    kind = _kind(content, t, feats, end_char, predicts, opinion)
    if kind not in NON_FACTUAL_KINDS and "evaluation" in feats and _HARD.isdisjoint(feats):
        return "opinion"  # "said the repairs came too late", "said bad planning was to blame": a judgement, past or not
    return kind if kind in NON_FACTUAL_KINDS else None


_HARD = frozenset(("money", "percent", "number", "date"))


_VIEW_CUES = frozenset(("evaluation", "hedge"))


# Verbs whose act is news in itself: "X announced it would close the plant" reports that a plan was made public,
# which the writer asserts; "X said it would close the plant" only passes the plan on.
_ACTS = frozenset(("announce", "declare"))
