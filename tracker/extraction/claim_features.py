"""What a clause shows (figures, dates, names, past events, comparisons, hedges, its subject …), the check-worthiness
score those features add up to, and the kind of claim they make (quantity, event, rule … or opinion,
prediction, question, appeal).

The weights were fitted by logistic regression on the ClaimBuster dev sentences; see WEIGHTS. Whether a clause
reports a past event is claim_tense.py's rule.
"""

from __future__ import annotations

import math
import re
from itertools import islice, repeat

from tracker.extraction.claim_tense import _past
from tracker.extraction.claim_words import (
    _LETS_INSIDE,
    APPEAL_START,
    HEDGE,
    NOT_SUPERLATIVE,
    OPINION,
    OPINION_AFTER_IT_IS,
    OPINION_START,
    _Tokens,
)
from tracker.extraction.entities import STOP as _ENTITY_STOP

# The kinds of claim: factual ones, which a fact-checker verifies, and the others, kept with their kind so that
# they can be filtered out rather than silently dropped (Full Fact's taxonomy; see claims.py).
FACTUAL_KINDS = frozenset({"quantity", "event", "rule", "causal", "comparison", "other"})


NON_FACTUAL_KINDS = frozenset({"prediction", "opinion", "question", "appeal"})


# "if ... would/could": a condition and its consequence, not an event.
_COUNTERFACTUAL = re.compile(r" (?:would|could|might|[a-z]+'d) ")


_PROPORTION_WORDS = frozenset("half halves twice thirds quarters fifths third quarter fifth tenth one".split())


# Shares, ranks and multiples are figures even when spelled out: "half of", "a third", "fifteenth", "twice".
# Possessive runs with a lookbehind ("[a-z]++(?<=[a-z]teenth)") match what "[a-z]+teenth" does without trying
# every split of each word.
_PROPORTION = re.compile(
    r" (?:half|halves|twice|thirds|quarters|fifths|(?:a|one) (?:third|quarter|fifth|tenth) of|one (?:in|out of) "
    r"(?:every )?[a-z0-9]+|(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|[a-z]++(?<=[a-z]teenth)|[a-z]++(?<=[a-z]tieth)|[0-9]+(?:st|nd|rd|th))(?:[ -](?:largest|biggest|highest|lowest|largest|most|least|best|worst|among|in))) "
)


_ONGOING = re.compile(
    r" (?:is|are|isn't|aren't|[a-z]++'re|he's|she's|it's|that's|who's) (?:(?:still|now) )?"
    r"[a-z0-9']++(?<=[a-z0-9']{3}ing)(?= )"
)


# The words one of which every _ONGOING match holds (or a "...'re"): a clause without them is not searched.
_PRESENT_BE = frozenset("is are isn't aren't he's she's it's that's who's".split())


# What every ordinal branch of _PROPORTION ends with in the joined tokens: a clause without it and without a
# _PROPORTION_WORDS word is not searched (a search tries the pattern's branches at every space).
_ORDINAL_THEN = re.compile(r"(?:th|st|nd|rd) (?:largest|biggest|highest|lowest|most|least|best|worst|among|in) ")


_THE_EST = re.compile(r" the ([a-z0-9']{2,}est)(?= )")


_IT_IS = re.compile(r" (?:it's (?:(?:a|very) ){0,3}|it is (?:(?:a|very) ){0,2})([a-z0-9']+)(?= )")


def _ongoing(t: _Tokens) -> bool:
    """ "is/are (still, now) doing": a statement about the present that can be checked."""
    return (
        "ing " in t.joined
        and (not t.set.isdisjoint(_PRESENT_BE) or "'re " in t.joined)
        and _ONGOING.search(t.joined) is not None
    )


def _superlative(t: _Tokens) -> bool:
    if "superlative" in t.cues:
        return True
    if "est " not in t.joined:
        return False
    return any(x not in NOT_SUPERLATIVE for x in _THE_EST.findall(t.joined))


# Words that open a subordinate clause: an opinion word after one of them belongs to that clause.
_SUBORDINATORS = frozenset("that because if when who which where whether unless until".split())


def _opinion(t: _Tokens) -> bool:
    """The clause states a view ("we should", "I think", "it is important"). Not when the opinion words only come
    after a subordinating word: "the court ruled that the firm must pay", "I proposed that we should cut the tax"
    report what was ruled or proposed."""
    if "opinion" in t.cues:
        pass
    elif (
        not t.set.isdisjoint(OPINION_AFTER_IT_IS)
        and _may_be_it_is(t.set)
        and any(x in OPINION_AFTER_IT_IS for x in _IT_IS.findall(t.joined))
    ):
        pass
    else:
        return False
    if t.set.isdisjoint(_SUBORDINATORS):
        return True
    toks = t.list
    for i in range(1, len(toks)):
        if toks[i] in _SUBORDINATORS:
            break
    else:
        return True
    head = set(toks[:i])  # the words before the first subordinate clause
    words, phrases = OPINION
    if not head.isdisjoint(words):
        return True
    joined = " " + " ".join(toks[:i]) + " "
    for first in head.intersection(phrases):
        for p in phrases[first]:
            if p in joined:
                return True
    return _may_be_it_is(head) and any(x in OPINION_AFTER_IT_IS for x in _IT_IS.findall(joined))


def _may_be_it_is(words: set[str] | frozenset[str]) -> bool:
    """Whether tokens `words` hold what an _IT_IS match giving an OPINION_AFTER_IT_IS word needs: "it's", or "it" and
    "is", and such a word (the group is a whole token). A search costs 0.4 µs, and "it" alone is common."""
    return ("it's" in words or "it" in words and "is" in words) and not words.isdisjoint(OPINION_AFTER_IT_IS)


# The phrases an appeal can open with, by their first and second words ("we" and "want" of "we want").
_APPEAL_FIRSTS = frozenset(APPEAL_START[1])
_APPEAL_SECONDS = frozenset(p.split()[1] for ps in APPEAL_START[1].values() for p in ps)
# A clause with none of these words takes _appeal's first branch ("appeal" in its cues): asked without the call.
_APPEAL_OPENERS = APPEAL_START[0] | _APPEAL_FIRSTS


def _appeal(t: _Tokens, chunk: str) -> bool:
    words = t.set
    if words.isdisjoint(APPEAL_START[0]) and (words.isdisjoint(_APPEAL_FIRSTS) or words.isdisjoint(_APPEAL_SECONDS)):
        # No word that opens an appeal ("let's" among them), nor a phrase's first two words: the clause cannot open
        # with one, and the other two tests fail (three set tests, not Tokens.starts: "we won" is no "we want")
        return "appeal" in t.cues
    return t.starts(APPEAL_START) or "appeal" in t.cues or ("let's" in t.set and bool(_LETS_INSIDE.search(chunk)))


# Who or what a clause is about: its first word once fillers are skipped. A fact-checker checks statements about
# third parties ("Syria is fighting ISIS", "Donald supported the invasion") and about what exists ("there are 12
# million ...", "we have the highest debt"); a clause opening with "if" states a hypothesis, not a fact.
_FILLERS = frozenset(
    "and but so now well uh um oh yes no okay ok look again also then right first second secondly finally today".split()
)


_SELF = frozenset("i i'm i've i'd i'll my me".split())


_WE = frozenset("we we're we've we'd we'll our".split())


_YOU = frozenset("you you're you've you'd you'll your".split())


_THIRD = frozenset("he she they he's she's they're they've his her their".split())


_THERE_VERBS = frozenset("is are was were has have had isn't aren't wasn't weren't".split())


_HAVE_OBJECT = frozenset("a an the no more less fewer some many much more most over about nearly almost".split())


# The subject an opening word makes ("if", "there", "self", "we", "you", "third"): one look-up, not six (the lists
# share no word).
_OPENING_SUBJECT = {
    **dict.fromkeys(("if", "unless", "suppose", "supposing"), "if"),
    **dict.fromkeys(("there", "there's"), "there"),
    **dict.fromkeys(_SELF, "self"),
    **dict.fromkeys(_WE, "we"),
    **dict.fromkeys(_YOU, "you"),
    **dict.fromkeys(_THIRD, "third"),
}


# The stop words a lower-case ASCII token capitalises to, lower-cased ("OK" is none: "ok" capitalises to "Ok").
_STOP_LOWER = frozenset(w.lower() for w in _ENTITY_STOP if w == w.capitalize())


_WORD_AT = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")  # the tokens of _Tokens, with their case


def _subject(t: _Tokens, chunk: str) -> str:
    """ "self", "we", "you", "third", "named", "there", "we have", "if" or "" for the clause's opening words."""
    toks = t.list
    i = 0
    while i < len(toks) - 1 and toks[i] in _FILLERS:
        i += 1
    if not toks:
        return ""
    w = toks[i]
    subject = _OPENING_SUBJECT.get(w)
    if subject is not None:
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if subject == "there":
            return "there" if w == "there's" or nxt in _THERE_VERBS else ""
        if (
            subject == "we"
            and nxt in ("have", "had", "has")
            and i + 2 < len(toks)
            and (toks[i + 2] in _HAVE_OBJECT or toks[i + 2][0].isdigit())
        ):
            return "we have"
        return subject
    # (The part before an apostrophe split off only where there is one: most words hold none.)
    head = w.split("'")[0] if "'" in w else w
    if w[:1].isalpha() and head not in _STOP_LOWER:  # (head.capitalize() not in _ENTITY_STOP)
        # The i-th word of the clause with its case (the first one, most often, by one search).
        m = _WORD_AT.search(chunk) if i == 0 else next(islice(_WORD_AT.finditer(chunk), i, None), None)
        if m is not None:
            word = m.group()
            if word[0].isupper():
                if "'" in word or "’" in word:
                    word = word.replace("’", "'").split("'")[0]
                if word not in _ENTITY_STOP and word.lower() == head:
                    return "named"
    return ""


def _prediction(t: _Tokens) -> bool:
    return "prediction" in t.cues or "first person future" in t.cues or "'ll " in t.joined


# Weights of the check-worthiness score (log-odds). Figures and dates are what a fact-checker can verify;
# named actors and past events make a statement concrete; hedges, modals, evaluations, hypotheses and talk about
# oneself make it a view.
# Where they come from, honestly: the weights of features that fire at least ~30 times there are an L2-regularised
# logistic regression fitted on the ClaimBuster dev sentences, rounded to one decimal, and THRESHOLD is that fit's
# best cut; they were re-fitted the same way after clauses were re-joined and subordinate opinion words were
# scoped (issue 4). Those are the same 2,000 sentences `tracker eval claims` scores, so its F1 (76.2: P 71.8,
# R 81.2) is in-sample; 3 x 5-fold cross-validation, re-fitting weights and cut on each training part, gives 75.0
# (P 72.2, R 78.1), the better guess for unseen sentences. Features rare in debate speech but common in news
# ("reported speech", "reporting verb", "date", "relative date") keep hand-set values. The cue word lists were
# written from general English and news usage, not mined from those sentences, but which features to add was
# decided by reading its errors, so even the cross-validated figure is optimistic. "modal" is kept at 0: it
# explains a score without moving it. "narration" (set in claims.py, hand-set) marks a sentence of the writer's
# own in a text that reports others' speech: news copy states facts in the narrator's voice, so a plain
# statement there ("The airport is owned by the state carrier.") is asserted, where the same words spoken in a
# debate are rhetoric as often as not. It weighs what "reported speech" does (a statement a report attributes to
# a source and one the report makes itself are asserted alike), so a plain narrated sentence passes the threshold
# unless something speaks against it (a hedge, an evaluation, "you", a short fragment). It never fires on a
# sentence parsed alone, as ClaimBuster's are. (On realnews-dev, 1.0 / 1.2 / 1.5 gave claims F1 88.8 / 89.5 /
# 90.0 and the project's own gold set 90.7 for each.)
WEIGHTS = {
    "money": 1.5,
    "percent": 2.5,
    "number": 1.6,
    "proportion": 1.2,
    "date": 2.2,
    "relative date": 1.0,
    "named entity": 0.7,
    "past event": 1.2,
    "policy action": 1.4,
    "comparison": 0.7,
    "causal": 0.2,
    "rule": 0.8,
    "statistic": 1.1,
    "superlative": 0.8,
    "reporting verb": 1.5,
    "reported speech": 1.5,
    "ongoing": 0.6,
    "third party": 0.3,
    "existential": -0.1,
    "hedge": -0.4,
    "modal": 0.0,
    "evaluation": -0.5,
    "first person": -1.3,
    "second person": -0.4,
    "hypothetical": -0.7,
    "short": -0.3,
    "narration": 1.5,
}


BIAS = -2.2


_ZEROS = repeat(0.0)


_FACT_CUES = ("comparison", "causal", "rule", "statistic", "reporting verb", "policy action")


_FACT_CUE_SET = frozenset(_FACT_CUES)


_VIEW_CUES = ("hedge", "evaluation", "second person")


_VIEW_CUE_SET = frozenset(_VIEW_CUES)


def _word_figure_of_one_or_less(q) -> bool:
    return q.value is not None and q.value <= 1 and not any(ch.isdigit() for ch in q.text)


def _features(chunk: str, t: _Tokens, quantities, dates, entities, modal: bool) -> list[str]:
    feats = []
    # "one independent", "about a third of", "within a month", "half of" are figures to store, but one or less in
    # words reads as an article or a share as often as a count: it does not make a clause check-worthy (the
    # score's weights were fitted before these were figures; shares have their own feature, "proportion").
    if quantities:
        quantities = [q for q in quantities if not _word_figure_of_one_or_less(q)]
    if quantities:
        kinds = {q.kind for q in quantities}
        if "money" in kinds or any(q.currency for q in quantities):
            feats.append("money")
        if "percent" in kinds:
            feats.append("percent")
        if kinds - {"money", "percent", "rank"}:  # "its tenth patrol" numbers a patrol, it is no statistic
            feats.append("number")
    if dates:
        feats.append("date" if any(not d.relative for d in dates) else "relative date")
    if entities:
        feats.append("named entity")
    j = t.joined
    if (
        not t.set.isdisjoint(_PROPORTION_WORDS)
        or ("th " in j or "1st " in j or "2nd " in j or "3rd " in j)
        and _ORDINAL_THEN.search(j)
    ) and _PROPORTION.search(j):
        feats.append("proportion")
    if _past(t):
        feats.append("past event")
    if "ing " in j and _ongoing(t):  # (each call's first test asked here: most clauses fail it)
        feats.append("ongoing")
    cues = t.cues
    if cues:
        fact = cues & _FACT_CUE_SET  # (most clauses hold one such cue or none: one set operation, not six tests)
        if len(fact) == 1:
            feats += fact
        elif fact:
            for name in _FACT_CUES:  # (in their order)
                if name in fact:
                    feats.append(name)
    if "superlative" in cues or "est " in j and _superlative(t):
        feats.append("superlative")
    if cues and not cues.isdisjoint(_VIEW_CUE_SET):
        for name in _VIEW_CUES:
            if name in cues:
                feats.append(name)
        if "hedge" in cues and "may" in t.set and dates and _may_is_month(t, dates):
            feats.remove("hedge")
    if modal:
        feats.append("modal")
    if "first singular" in cues:
        # Also inside a quote: "I have lived here for forty years", "the hardest decision of my career" are a
        # speaker's anecdote or feeling, not a fact to check.
        feats.append("first person")
    if len(t.list) < 7:
        feats.append("short")
    subject = _subject(t, chunk)
    if subject in ("third", "named"):
        feats.append("third party")
    elif subject in ("there", "we have"):
        feats.append("existential")
    elif (subject == "if" and (modal or "past event" not in feats)) or (
        " if " in t.joined and _COUNTERFACTUAL.search(t.joined)
    ):  # not "if you're married, we cut your tax"
        feats.append("hypothetical")
    return feats


def _may_is_month(t: _Tokens, dates) -> bool:
    """The clause's only hedge word is "may", and every "may" in it is the month ("exports fell in May")."""
    words, phrases = HEDGE
    if not t.set.isdisjoint(words - {"may"}) or any(p in t.joined for ps in phrases.values() for p in ps):
        return False
    return t.list.count("may") <= sum(d.text.lower().count("may") for d in dates)


# Scores by feature list: a clause has one of a few hundred lists on news, and a look-up costs a quarter of the sum
# and exp (the same function makes each value, so a score is the same whether looked up or not).
_SCORES: dict[tuple[str, ...], float] = {}


_MAX_SCORES = 4096


def _score(feats: list[str]) -> float:
    key = tuple(feats)
    score = _SCORES.get(key)
    if score is None:
        z = BIAS + sum(map(WEIGHTS.get, feats, _ZEROS))
        score = 1.0 / (1.0 + math.exp(-z))
        if len(_SCORES) < _MAX_SCORES:
            _SCORES[key] = score
    return score


def _kind(chunk: str, t: _Tokens, feats: list[str], sentence_end: str, predicts: bool, opinion: bool) -> str:
    """Non-factual kinds win only when the factual evidence is thin: "I think prices rose 40% in 2019" is still a
    checkable figure, "I think we can do better" is an opinion."""
    if "?" in chunk or sentence_end == "?":  # (what either test below needs: most clauses are no question)
        stripped = chunk.rstrip(" ”\"’')")
        if stripped.endswith("?") or (sentence_end == "?" and not stripped.endswith((".", "!"))):
            return "question"
    found = set(feats)  # (a dozen tests below: a set's look-up costs a fraction of a list's scan)
    hard = ("money" in found) + ("percent" in found) + ("number" in found) + ("date" in found)
    if hard == 0 and ("appeal" in t.cues if t.set.isdisjoint(_APPEAL_OPENERS) else _appeal(t, chunk)):
        return "appeal"
    past = "past event" in found
    if "hypothetical" in found and not past:
        return "prediction"  # "If you cut taxes, revenue will fall": a condition and what follows, not a fact
    if hard == 0 and opinion and (not (past and "named entity" in found) or t.starts(OPINION_START)):
        return "opinion"
    if predicts and not past and hard == 0:
        return "prediction"
    if "evaluation" in found and hard == 0 and not past:
        return "opinion"
    if predicts and not past:
        return "prediction"
    if hard - ("date" in found):
        return "quantity"
    if "rule" in found:
        return "rule"
    if "causal" in found:
        return "causal"
    if "comparison" in found:
        return "comparison"
    if past or "date" in found or "relative date" in found:
        return "event"
    return "other"
