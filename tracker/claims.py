"""Check-worthy factual claims: which clauses assert something a fact-checker could verify, and why.

Rules, not a model, so that every score comes with the features that made it (a reader can see that a claim
ranked high for "money", "date", "named entity") and so that the whole step stays within about 2 ms per article.
Kinds follow Full Fact's claim taxonomy: factual kinds (quantity, event, rule, causal, comparison, other) are what
a fact-checker verifies; prediction, opinion, question and appeal are kept with their kind so they can be
filtered out rather than silently dropped.

Figures, dates and entities are found once over the whole text and handed to the clauses they fall in, because
acronyms ("SSB") and relative dates need the whole article, and one scan is cheaper than one per sentence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

from . import ids
from .dates import find_dates
from .entities import find_entities
from .quantities import find_quantities
from .records import Claim, Quote
from .sentences import sentences

FACTUAL_KINDS = frozenset({"quantity", "event", "rule", "causal", "comparison", "other"})
NON_FACTUAL_KINDS = frozenset({"prediction", "opinion", "question", "appeal"})
THRESHOLD = 0.35  # a factual-looking clause below this check-worthiness is not reported
MIN_WORDS = 4

_I = re.IGNORECASE
# --- clause boundaries -------------------------------------------------------------------------------------
# A leading subordinate clause ("When the US' disapproval failed ..., it suspended ...") is material around
# the claim, not the claim; so is a trailing "as ..."/"while ..." clause with its own subject.
_LEADING = re.compile(
    r"(?:[^,;]{0,40},\s*)?(?:when|while|whilst|although|though|after|before|once|whereas|despite|in spite of)\b"
    r"[^,;]{8,200},\s+(?=\w)", _I)
_INNER = re.compile(
    r"(?:;\s+|:\s+(?=[A-Z“\"])|,\s+(?=(?:but|while|whilst|whereas|although|though|as(?!\s+(?:well|much|many|long|"
    r"soon|far|of|a\s+result|part|such|if|though|to|for))|which\s+means)\b))", _I)
# "X said/mentioned that CONTENT": the content is the claim, the attribution is not.
_REPORTED = re.compile(
    r"\b(?:said|says|say|mentioned|stated|announced|claimed|claims|argued|noted|reported|added|insisted|warned|"
    r"confirmed|denied|acknowledged|admitted|revealed|explained|stressed|told\s+\w+(?:\s+\w+)?|"
    r"according\s+to\s+[^,]{2,60},)\s+(?:on\s+\w+\s+|last\s+\w+\s+|in\s+\w+\s+)?that\s+", _I)
_TRIM_LEFT = re.compile(
    r"[\s,;:—–-]*(?:(?:and|but|so|hence|thus|however|therefore|also|then|yet)\b,?\s*)?(?:that\s+(?=\w+\s+\w))?", _I)
_TRIM_RIGHT = re.compile(r"[\s,;:—–-]+$")

# --- kinds ---------------------------------------------------------------------------------------------------
_APPEAL = re.compile(
    r"(?:^[“\"‘']?\s*(?:(?:and|so|but|now|well),?\s+)?(?:let[’']?s|let\s+us|please|imagine|look\s+at|listen|remember|"
    r"consider|vote|join|stop|help|give|tell|raise|think\s+about|don[’']t|do\s+not|(?:i|we)\s+(?:want|wish|"
    r"would\s+like|need))\b|(?<!\w\s)\blet[’']s\s+(?!concede|say|suppose|assume)|\b(?:we|i)\s+(?:invite|urge|"
    r"call\s+on|call\s+upon|appeal\s+to|implore|beg)\b)", _I)
_PREDICTION = re.compile(
    r"\b(?:will|won[’']t|shall|going\s+to|gonna|(?:is|are|was|were)\s+(?:un)?likely|expected\s+to|forecasts?|"
    r"predicts?|would|'ll|’ll|could\s+(?:soon|eventually)|is\s+set\s+to|are\s+set\s+to|about\s+to|next\s+year|"
    r"in\s+the\s+future|someday|one\s+day|might|may\s+well)\b", _I)
_OPINION = re.compile(
    r"\b(?:i|we)\s+(?:think|believe|feel|guess|suppose|hope|reckon|doubt|know\s+that|am\s+convinced|"
    r"am\s+sure|(?:do\s+)?not\s+think|don[’']t\s+think)\b|\bin\s+my\s+(?:view|opinion|judgment)\b|\bmy\s+"
    r"(?:view|opinion|position|belief)\b|\b(?:should|ought\s+to|must|need\s+to|needs\s+to|have\s+got\s+to|"
    r"has\s+got\s+to|got\s+to)\b|\bit\s+is\s+(?:a\s+)?(?:very\s+)?(?:important|necessary|essential|clear|"
    r"obvious|problematic|wrong|right|time)\b", _I)
_EVALUATIVE = re.compile(
    r"\b(?:good|bad|great|greatest|terrible|horrible|wonderful|wrong|right|fair|unfair|best|worst|important|"
    r"problematic|dangerous|disastrous|ridiculous|outrageous|shameful|strong|weak|tough|failed|excellent|"
    r"brilliant|stupid|crazy|amazing|incredible|disgrace|disaster|mistake|proud|honou?red|sad|unacceptable|"
    r"deserve|deserves|believe\s+in|solemn|vital|crucial|essential|smart|wise)\b(?!\s+(?:now|away|here))", _I)
_HEDGE = re.compile(
    r"\b(?:i\s+think|i\s+believe|i\s+feel|i\s+guess|perhaps|maybe|probably|possibly|seems?|appears?\s+to|"
    r"might|may|could|reportedly|allegedly|apparently|i\s+suppose|kind\s+of|sort\s+of)\b", _I)
_FIRST_PERSON_FUTURE = re.compile(
    r"\b(?:i|we)(?:[’']ll|\s+will|\s+would|\s+am\s+going\s+to|[’']m\s+going\s+to|\s+are\s+going\s+to|"
    r"[’']re\s+going\s+to|[’']d|\s+want\s+to|\s+intend\s+to|\s+plan\s+to|\s+can|\s+must|\s+should|\s+need)\b", _I)
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|I[’']m|I[’']ve|I[’']d|I[’']ll)(?![\w’'])")
_SECOND_PERSON = re.compile(r"\byou(?:[’']re|[’']ve|[’']ll|r)?\b", _I)

# --- factual features ----------------------------------------------------------------------------------------
_PAST = re.compile(
    r"\b(?:was|were|had|did|didn[’']t|wasn[’']t|weren[’']t|hadn[’']t|(?:has|have|had)(?:n[’']t)?\s+(?:\w+\s+)?"
    r"(?:\w+ed|been|gone|done|made|taken|given|seen|risen|fallen|grown|cut|paid|lost|won|spent|built|sold|"
    r"bought|brought|sent|put|set|got|gotten|become|begun|left|led|held|kept|shown|known|written|told|said)|"
    r"went|came|took|gave|made|said|told|got|paid|lost|won|spent|built|bought|sold|brought|began|became|rose|fell|"
    r"grew|left|met|ran|saw|stood|wrote|held|kept|found|fought|sent|knew|thought|chose|broke|drove|"
    r"(?:i|we|he|she|they|it|who|which|that|and|[A-Z]\w+)\s+(?:\w+ly\s+)?[a-z]{2,}(?:[^e\W]ed|ied|ted|ded|sed|ved|ced|ged|ked|zed))\b"
    r"|\b[a-z]{2,}(?:[^e\W]ed|ied|ted|ded|sed|ved|ced|ged|ked|zed)(?=\s+(?:the|a|an|his|her|their|our|its|my|this|"
    r"these|those|it|them|him|us|me|some|all|every|more|\d|\$|up|down|out|off|over|back)\b)")
_ONGOING = re.compile(r"\b(?:is|are|isn[’']t|aren[’']t)\s+(?!going\b)(?:still\s+|now\s+)?[a-z]{3,}ing\b", _I)
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|cheaper|better|worse|"
    r"than|compared|doubled|tripled|halved|increased|decreased|increase|decrease|rose|risen|fell|fallen|grew|"
    r"grown|declined|dropped|jumped|surged|plunged|soared|up|down|highest|lowest|largest|smallest|biggest|"
    r"most|least|record|times\s+as)\b", _I)
_CAUSAL = re.compile(
    r"\b(?:because|due\s+to|caused|causes|cause|led\s+to|leads\s+to|lead\s+to|resulted\s+in|results\s+in|"
    r"as\s+a\s+result|thanks\s+to|owing\s+to|therefore|hence|consequently|for\s+that\s+reason|so\s+that|"
    r"linked\s+to|blamed|responsible\s+for)\b", _I)
_RULE = re.compile(
    r"\b(?:laws?|acts?|bills?|ban|bans|banned|sanctions?|sanctioned|regulations?|rules?|treaty|treaties|"
    r"agreements?|legislation|legal|illegal|unlawful|prohibit\w*|requires?|required|mandatory|permitted|"
    r"allowed|licen[cs]es?|measures|restrictions?|tariffs?|taxes|tax|vetoed|signed|enacted|ratified|"
    r"constitution\w*|court|ruled|ruling|policy|policies|embargo|quota|subsidies|subsidy)\b", _I)
_STATISTIC = re.compile(
    r"\b(?:percent|per\s+cent|rate|rates|budget|deficit|debt|spending|spent|cost|costs|price|prices|income|"
    r"incomes|wages?|salary|salaries|jobs|unemployment|unemployed|employment|inflation|growth|gdp|economy|"
    r"population|votes?|voted|billion|million|trillion|dollars|average|median|total|majority|number\s+of|"
    r"amount|revenue|profits?|losses|deaths|died|killed|casualties|cases|crime|murders?|poverty|emissions|"
    r"exports|imports|trade|investment|payments?|insurance|funding|funds|taxpayers?|premiums?|benefits)\b", _I)
_SUPERLATIVE = re.compile(
    r"\bthe\s+(?:(?:\w+\s+)?(?:only|first|last|most|least|fewest|\d+(?:st|nd|rd|th))|(?!best\b|least\b|latest\b)"
    r"[a-z]{2,}est)\b|\b(?:never|ever|record|in\s+history|in\s+the\s+world|since)\b", _I)
_REPORTING = re.compile(
    r"\b(?:according\s+to|reported|report|reports|study|studies|survey|poll|polls|data|figures|statistics|"
    r"census|found\s+that|showed|shows|estimated|official\s+figures)\b", _I)
_WORD = re.compile(r"[\w’'-]+")
_HEADLINE_END = re.compile(r"[.!?…\"”’)]\s*$")

# Weights of the check-worthiness score (log-odds). Figures and dates are what a fact-checker can verify;
# named actors and past events make a statement concrete; hedges, modals and evaluations make it a view.
WEIGHTS = {
    "money": 2.9, "percent": 3.5, "number": 2.0, "date": 2.2, "relative date": 1.0, "named entity": 1.0,
    "past event": 1.8, "comparison": 1.0, "causal": 0.3, "rule": 1.0, "statistic": 1.7, "superlative": 0.5,
    "reporting verb": 1.5, "reported speech": 1.5, "ongoing": 0.5, "hedge": -0.7, "modal": -1.0, "evaluation": -0.8, "first person": -0.6,
    "second person": -0.2, "short": -1.2,
}
BIAS = -3.1


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_headline(text: str, s: int, e: int) -> bool:
    """A line of title-case words with no closing punctuation is a headline or a caption, not a statement."""
    chunk = text[s:e]
    if _HEADLINE_END.search(chunk) or "\n" not in text[e:e + 1] and e < len(text):
        return False
    words = chunk.split()
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 20 and caps >= 0.6 * len(words)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _TRIM_LEFT.match(text, s, e)
    if m:
        s = m.end()
    m = _TRIM_RIGHT.search(text, s, e)
    if m:
        e = m.start()
    return s, e


def _quote_cuts(text: str, s: int, e: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Reported content strictly inside the sentence becomes its own clause, and the attribution around it
    (speaker and cue) is left out of the writer's clause."""
    pieces = []
    for q in quotes:
        if s <= q.start and q.end <= e and (q.start > s + 2 or q.end < e - 2) and _words(q.text) >= MIN_WORDS:
            if q.kind == "direct":
                continue
            lo = q.start
            for x in (q.cue_start, q.speaker.start if q.speaker and s <= q.speaker.start < q.start else None):
                if x is not None and s <= x < lo:
                    lo = x
            pieces.append((lo, q.start, q.end))
    return pieces


def _split(text: str, s: int, e: int, quotes: list[Quote]) -> tuple[list[tuple[int, int]], set[int]]:
    """Clause spans of one sentence, and the starts of those that are reported speech; a piece too short to be
    a claim stays with its neighbour."""
    cuts: list[tuple[int, int]] = []  # (cut start, cut end): text between them belongs to no clause
    reported: set[int] = set()
    for lo, qs, qe in _quote_cuts(text, s, e, quotes):
        cuts.append((lo, qs))
        cuts.append((qe, qe))
        reported.add(qs)
    if not cuts:
        m = _REPORTED.search(text, s, e)
        if m and _words(text[m.end():e]) >= MIN_WORDS:
            head = text.rfind(",", s, m.start())
            cuts.append((head if head > s else m.start(), m.end()))
            reported.add(m.end())
    m = _LEADING.match(text, s, e)
    if m and _words(text[m.end():e]) >= MIN_WORDS:
        cuts.append((m.end(), m.end()))
    for m in _INNER.finditer(text, s, e):
        cuts.append((m.start(), m.start()))
    if not cuts:
        return [(s, e)], reported
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
            trimmed.append((ta, tb))
    return _merge_short(text, trimmed), reported


def _merge_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= a:
            continue
        if out and (_words(text[a:b]) < MIN_WORDS or _words(text[out[-1][0]:out[-1][1]]) < MIN_WORDS):
            if _words(text[a:b]) < MIN_WORDS and _words(text[out[-1][0]:out[-1][1]]) >= MIN_WORDS:
                continue  # a stray attribution ("he said") is dropped, not glued on
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _speaker(quotes: list[Quote], s: int, e: int) -> Quote | None:
    """The quote holding most of the clause, if it holds at least half of it."""
    best, best_overlap = None, 0
    for q in quotes:
        overlap = min(e, q.end) - max(s, q.start)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best if best is not None and best_overlap * 2 >= e - s else None


def _features(chunk: str, quantities, dates, entities, in_quote: bool) -> list[str]:
    feats = []
    kinds = {q.kind for q in quantities}
    if "money" in kinds or any(q.currency for q in quantities):
        feats.append("money")
    if "percent" in kinds:
        feats.append("percent")
    if any(q.kind not in ("money", "percent") for q in quantities):
        feats.append("number")
    if any(not d.relative for d in dates):
        feats.append("date")
    elif dates:
        feats.append("relative date")
    if entities:
        feats.append("named entity")
    for name, rx in (("past event", _PAST), ("ongoing", _ONGOING), ("comparison", _COMPARISON), ("causal", _CAUSAL), ("rule", _RULE),
                     ("statistic", _STATISTIC), ("superlative", _SUPERLATIVE), ("reporting verb", _REPORTING),
                     ("hedge", _HEDGE), ("evaluation", _EVALUATIVE), ("second person", _SECOND_PERSON)):
        if rx.search(chunk):
            feats.append(name)
    if _FIRST_PERSON_FUTURE.search(chunk) or _PREDICTION.search(chunk) or _OPINION.search(chunk):
        feats.append("modal")
    if _FIRST_SINGULAR.search(chunk) and not in_quote:
        feats.append("first person")
    if _words(chunk) < 7:
        feats.append("short")
    return feats


def _score(feats: list[str]) -> float:
    z = BIAS + sum(WEIGHTS.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def _kind(chunk: str, feats: list[str], sentence_end: str) -> str:
    """Non-factual kinds win only when the factual evidence is thin: "I think prices rose 40% in 2019" is still a
    checkable figure, "I think we can do better" is an opinion."""
    stripped = chunk.rstrip(" ”\"’')")
    if stripped.endswith("?") or (sentence_end == "?" and not stripped.endswith((".", "!"))):
        return "question"
    hard = sum(1 for f in ("money", "percent", "number", "date") if f in feats)
    if _APPEAL.search(chunk) and hard == 0:
        return "appeal"
    past = "past event" in feats
    if (_FIRST_PERSON_FUTURE.search(chunk) or _PREDICTION.search(chunk)) and not past and hard == 0:
        return "prediction"
    if _OPINION.search(chunk) and hard == 0 and not (past and "named entity" in feats):
        return "opinion"
    if "evaluation" in feats and hard == 0 and not past:
        return "opinion"
    if _PREDICTION.search(chunk) and not past and "date" not in feats:
        return "prediction"
    if any(f in feats for f in ("money", "percent", "number")):
        return "quantity"
    for f, kind in (("rule", "rule"), ("causal", "causal"), ("comparison", "comparison")):
        if f in feats:
            return kind
    if past or "date" in feats or "relative date" in feats:
        return "event"
    return "other"


def _within(items, s: int, e: int, starts: list[int]) -> list:
    i = bisect_left(starts, s)
    out = []
    while i < len(items) and items[i].start < e:
        if items[i].end <= e:
            out.append(items[i])
        i += 1
    return out


def find_claims(text: str, quotes: list[Quote], published: str | None = None, sentence_spans=None) -> list[Claim]:
    """Claims of `text`, sorted by start: factual ones that pass the check-worthiness threshold, and opinions,
    predictions, questions and appeals with their kind so they can be filtered out."""
    if not text:
        return []
    spans = sentence_spans if sentence_spans is not None else sentences(text)
    quantities = find_quantities(text)
    dates = find_dates(text, published=published)
    entities = find_entities(text)
    qs, ds, es = [q.start for q in quantities], [d.start for d in dates], [x.start for x in entities]
    quotes = sorted(quotes or [], key=lambda q: q.start)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for s, e in spans:
        if _is_headline(text, s, e):
            continue
        end_char = text[s:e].rstrip(" ”\"’')")[-1:]
        clauses, reported = _split(text, s, e, quotes)
        for cs, ce in clauses:
            claim = _claim(text, cs, ce, quotes, end_char, cs in reported, _within(quantities, cs, ce, qs),
                           _within(dates, cs, ce, ds), _within(entities, cs, ce, es))
            if claim is None:
                continue
            n = seen.get(claim.id, 0) + 1
            seen[claim.id] = n
            if n > 1:
                claim.id = f"{claim.id}-{n}"
            claims.append(claim)
    claims.sort(key=lambda c: c.start)
    return claims


def _claim(text, s, e, quotes, end_char, reported, quantities, dates, entities) -> Claim | None:
    chunk = text[s:e]
    if _words(chunk) < MIN_WORDS - 1:
        return None
    quote = _speaker(quotes, s, e)
    feats = _features(chunk, quantities, dates, entities, quote is not None)
    if reported or (quote is not None and quote.kind == "indirect"):
        feats.append("reported speech")
    kind = _kind(chunk, feats, end_char)
    score = _score(feats)
    if kind in FACTUAL_KINDS and score < THRESHOLD:
        return None
    return Claim(id=ids.item_id("c", chunk), kind=kind, text=chunk, start=s, end=e,
                 speaker=quote.speaker if quote else None, quantities=quantities, dates=dates,
                 entities=entities, score=round(score, 3), features=feats,
                 quote_id=quote.id if quote else None)
