"""Check-worthy factual claims: which clauses assert something a fact-checker could verify, and why.

Rules, not a model, so that every score comes with the features that made it (a reader can see that a claim
ranked high for "money", "date", "named entity") and so that the whole step stays cheap (the budget is about 2 ms
per article on one core; `benchmarks/extract.py` measures it).
Kinds follow Full Fact's claim taxonomy: factual kinds (quantity, event, rule, causal, comparison, other) are what
a fact-checker verifies; prediction, opinion, question and appeal are kept with their kind so they can be
filtered out rather than silently dropped.

Figures, dates and entities are found once over the whole text and handed to the clauses they fall in, because
acronyms ("SSB") and relative dates need the whole article, and one scan is cheaper than one per sentence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, repeat

from tracker import ids
from tracker.extraction.dates import find_dates
from tracker.extraction.entities import STOP as _ENTITY_STOP
from tracker.extraction.entities import find_entities
from tracker.extraction.quantities import find_quantities
from tracker.extraction.sentences import sentences
from tracker.records import Claim, Quote

FACTUAL_KINDS = frozenset({"quantity", "event", "rule", "causal", "comparison", "other"})
NON_FACTUAL_KINDS = frozenset({"prediction", "opinion", "question", "appeal"})
THRESHOLD = 0.30  # a factual-looking clause below this check-worthiness is not reported
MIN_WORDS = 4

_I = re.IGNORECASE
# --- clause boundaries -------------------------------------------------------------------------------------
# A leading subordinate clause ("When the US' disapproval failed ..., it suspended ...") is material around
# the claim, not the claim; so is a trailing "as ..."/"while ..." clause with its own subject. Before it may come
# a short adverbial of up to three words ("For that reason, when ..."), not a clause ("And they have managed, in
# spite of ..., to build ...", where the "in spite of" part is an aside).
_LEADING = re.compile(
    r"(?:[^\s,;]++(?:\s++[^\s,;]++){0,2},\s*)?"
    r"(?:when|while|whilst|although|though|after|before|once|whereas|despite|in spite of)\b[^,;]{8,200},\s+(?=\w)",
    _I,
)
# Every branch opens with a literal, so the engine skips to the next ";", ":" or "," between tries.
_INNER = re.compile(
    r"(?:;\s+|:\s+(?=[A-Z“\"])|,\s+(?=(?:but|while|whilst|whereas|although|though|as(?!\s+(?:well|much|many|long|"
    r"soon|far|of|a\s+result|part|such|if|though|to|for))|which\s+means)\b))",
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

# --- cue words ---------------------------------------------------------------------------------------------
# Cues are matched on the clause's lower-cased tokens with set lookups, not one regular expression each: fifteen
# regex scans per clause cost ten times the whole budget of the claim step.


def _cue(spec: str) -> tuple[frozenset, dict]:
    """("because|due to") -> single words to look up in the token set, and phrases by their first word, to find
    in the joined tokens only when that first word occurs."""
    items = [x.strip() for x in spec.split("|") if x.strip()]
    phrases: dict[str, list[str]] = {}
    for x in items:
        if " " in x:
            phrases.setdefault(x.split()[0], []).append(f" {x} ")
    return frozenset(x for x in items if " " not in x), phrases


APPEAL_START = _cue(
    "let's|please|imagine|listen|remember|consider|vote|join|stop|help|give|tell|raise|let us|"
    "look at|think about|don't|do not|i want|we want|i wish|we wish|i would like|we would like|"
    "i need|we need"
)
APPEAL = _cue(
    "we invite|i invite|we urge|i urge|we call on|i call on|we call upon|i call upon|we appeal to|"
    "i appeal to|we implore|i implore|i beg|we beg"
)
PREDICTION = _cue(
    "will|won't|shall|gonna|would|forecast|forecasts|predict|predicts|might|someday|going to|"
    "is likely|are likely|was likely|were likely|is unlikely|are unlikely|it's unlikely|"
    "it's likely|expected to|could soon|could eventually|is set to|are set to|about to|next year|"
    "in the future|one day|may well"
)
FIRST_PERSON_FUTURE = _cue(
    "i will|we will|i'll|we'll|i would|we would|i'd|we'd|i am going to|i'm going to|"
    "we are going to|we're going to|i want to|we want to|i intend to|we intend to|"
    "i plan to|we plan to|i can|we can|i must|we must|i should|we should|i need|we need"
)
OPINION = _cue(
    "should|must|i think|we think|i believe|we believe|i feel|we feel|i guess|i suppose|i hope|"
    "we hope|i reckon|i doubt|i know that|i am convinced|i'm convinced|i am sure|i'm sure|"
    "i don't think|we don't think|i do not think|in my view|in my opinion|in my judgment|my view|"
    "my opinion|my position|my belief|ought to|need to|needs to|have got to|has got to|got to|have to|has to"
)
# A clause that opens with the speaker's own judgement is a view even when it names actors and past events.
OPINION_START = _cue(
    "i think|i believe|i feel|i guess|i suppose|i don't think|i do not think|we think|we believe|i would say|i'd say"
)
OPINION_AFTER_IT_IS = frozenset("important necessary essential clear obvious problematic wrong right time".split())
EVALUATIVE = _cue(
    "good|bad|great|terrible|horrible|wonderful|wrong|fair|unfair|best|worst|important|problematic|dangerous|"
    "disastrous|ridiculous|outrageous|shameful|strong|weak|tough|excellent|brilliant|stupid|crazy|amazing|"
    "incredible|disgrace|disaster|mistake|proud|honored|honoured|sad|unacceptable|deserve|deserves|believe in|"
    "solemn|vital|crucial|essential|smart|wise"
)
HEDGE = _cue(
    "perhaps|maybe|probably|possibly|seem|seems|might|may|could|reportedly|allegedly|apparently|"
    "i think|i believe|i feel|i guess|i suppose|kind of|sort of|appears to|appear to"
)
SECOND_PERSON = _cue("you|you're|you've|you'll|your|you'd")
FIRST_SINGULAR = _cue("i|me|my|i'm|i've|i'd|i'll")
COMPARISON = _cue(
    "more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|cheaper|better|worse|than|"
    "compared|doubled|tripled|halved|increased|decreased|increase|decrease|rose|risen|fell|fallen|grew|grown|"
    "declined|dropped|jumped|surged|plunged|soared|up|down|highest|lowest|largest|smallest|biggest|most|least|"
    "record|times as"
)
CAUSAL = _cue(
    "because|caused|causes|cause|therefore|hence|consequently|blamed|due to|led to|leads to|lead to|"
    "resulted in|results in|as a result|thanks to|owing to|for that reason|so that|linked to|"
    "responsible for"
)
RULE = _cue(
    "law|laws|act|acts|bill|bills|ban|bans|banned|sanction|sanctions|sanctioned|regulation|regulations|rule|rules|"
    "treaty|treaties|agreement|agreements|legislation|legal|illegal|unlawful|prohibit|prohibits|prohibited|"
    "prohibition|require|requires|required|mandatory|permitted|allowed|license|licenses|licence|licences|"
    "measures|restriction|restrictions|tariff|tariffs|taxes|tax|vetoed|signed|enacted|ratified|constitution|"
    "constitutional|court|ruled|ruling|policy|policies|embargo|quota|subsidies|subsidy|resolution|resolutions|"
    "amendment|amendments|statute|statutes|decree|decrees|mandate|mandates|executive order"
)
STATISTIC = _cue(
    "percent|rate|rates|budget|deficit|debt|spending|spent|cost|costs|price|prices|income|incomes|wage|wages|"
    "salary|salaries|jobs|unemployment|unemployed|employment|inflation|growth|gdp|economy|population|vote|votes|"
    "voted|billion|million|trillion|dollars|average|median|total|majority|amount|revenue|profit|profits|losses|"
    "deaths|died|killed|casualties|cases|crime|murder|murders|poverty|emissions|exports|imports|trade|"
    "investment|payment|payments|insurance|funding|funds|taxpayer|taxpayers|premium|premiums|benefits|per cent|"
    "number of|mortality|homicide|homicides|arrests|prisoners|inmates|enrollment|productivity|earnings|mortgage|"
    "mortgages|pension|pensions|homeless|homelessness|uninsured|layoffs|bankruptcies|deficits|surplus|surpluses"
)
# What governments and politicians have done that leaves a record: votes, bills signed or vetoed, budgets cut.
POLICY_ACTION = _cue(
    "vote|votes|voted|veto|vetoed|signed|passed|cut|cuts|raised|proposed|supported|opposed|funded|created|reduced|"
    "increased|balanced|sponsored|authored|introduced|enacted|repealed|appointed"
)
REPORTING = _cue(
    "reported|report|reports|study|studies|survey|poll|polls|data|figures|statistics|census|showed|"
    "shows|estimated|according to|found that|official figures"
)
SUPERLATIVE = _cue(
    "never|ever|record|since|in history|in the world|the only|the first|the last|the most|the least|the fewest"
)
NOT_SUPERLATIVE = frozenset(
    "best least latest interest forest protest request suggest honest arrest west rest test "
    "guest contest harvest invest manifest modest earnest nest chest quest".split()
)
PAST_AUX = frozenset("was were had did didn't wasn't weren't hadn't".split())
PAST_IRREGULAR = frozenset(
    "went came took gave made said told got paid lost won spent built bought sold brought began became rose fell "
    "grew left met ran saw stood wrote held kept found fought sent knew thought chose broke drove".split()
)
PARTICIPLES = frozenset(
    "been gone done made taken given seen risen fallen grown cut paid lost won spent built sold bought brought sent "
    "put set got gotten become begun left led held kept shown known written told said".split()
)
HAVE = frozenset("has have had hasn't haven't hadn't".split())
SUBJECTS = frozenset("i we he she they it who which that and".split())
OBJECT_START = frozenset(
    "the a an his her their our its my this these those it them him us me some all every more "
    "up down out off over back".split()
)
ED_NOT_VERB = frozenset(
    "need indeed speed feed seed bleed breed proceed succeed exceed united red bed shed wed hundred based concerned "
    "interested supposed called so-called advanced detailed limited qualified experienced balanced committed "
    "determined educated organized organised talented skilled related prepared tired scared worried excited "
    "pleased surprised married retired named aged armed talked".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_LETS_INSIDE = re.compile(r"(?:^|[^\w\s]\s*)let[’']s\s+(?!concede|say|suppose|assume)", _I)
# The cues every clause is tested for, by name: looked up all at once per clause (see _Tokens.cues).
CUES = {
    "appeal": APPEAL,
    "prediction": PREDICTION,
    "first person future": FIRST_PERSON_FUTURE,
    "opinion": OPINION,
    "evaluation": EVALUATIVE,
    "hedge": HEDGE,
    "second person": SECOND_PERSON,
    "first singular": FIRST_SINGULAR,
    "comparison": COMPARISON,
    "causal": CAUSAL,
    "rule": RULE,
    "statistic": STATISTIC,
    "reporting verb": REPORTING,
    "superlative": SUPERLATIVE,
    "policy action": POLICY_ACTION,
}


def _cue_index(cues: dict) -> tuple[dict, frozenset, dict, frozenset]:
    """Single cue words -> the cue names they belong to; phrases by first word, then by second word, so that a
    clause only tests the phrases whose first two words it holds."""
    words: dict[str, set] = {}
    phrases: dict[str, dict[str, list]] = {}
    for name, (ws, ps) in cues.items():
        for w in ws:
            words.setdefault(w, set()).add(name)
        for first, items in ps.items():
            for p in items:
                phrases.setdefault(first, {}).setdefault(p.split()[1], []).append((p, name))
    by_first = {f: (frozenset(d), d) for f, d in phrases.items()}
    return ({w: frozenset(v) for w, v in words.items()}, frozenset(words), by_first, frozenset(by_first))


_CUE_WORDS, _CUE_WORD_SET, _CUE_PHRASES, _CUE_PHRASE_SET = _cue_index(CUES)


class _Tokens:
    """A clause's lower-cased tokens, as a list, a set and a padded string for phrase lookups, and the names of
    the cues (CUES) it holds: two set intersections per clause instead of one lookup per cue."""

    __slots__ = ("list", "set", "joined", "cues")

    def __init__(self, chunk: str):
        self.list = words = _TOKEN.findall(chunk.lower().replace("’", "'"))
        self.set = tokens = set(words)
        self.joined = joined = f" {' '.join(words)} "
        cues: set[str] = set()
        for w in tokens & _CUE_WORD_SET:
            cues |= _CUE_WORDS[w]
        for first in tokens & _CUE_PHRASE_SET:
            seconds, by_second = _CUE_PHRASES[first]
            for second in tokens & seconds:
                for p, name in by_second[second]:
                    if name not in cues and p in joined:
                        cues.add(name)
        self.cues = cues

    def has(self, cue: tuple[frozenset, dict]) -> bool:
        words, phrases = cue
        if not self.set.isdisjoint(words):
            return True
        for first in self.set.intersection(phrases):
            for p in phrases[first]:
                if p in self.joined:
                    return True
        return False

    def starts(self, cue: tuple[frozenset, dict]) -> bool:
        toks = self.list
        if not toks:
            return False
        i = 0
        while i < len(toks) - 1 and toks[i] in ("and", "so", "but", "now", "well"):
            i += 1
        words, phrases = cue
        if toks[i] in words:
            return True
        candidates = phrases.get(toks[i])
        if not candidates:
            return False
        head = " " + " ".join(toks[i : i + 4]) + " "
        return any(head.startswith(p) for p in candidates)


PAST_WORDS = PAST_AUX | PAST_IRREGULAR
_GOT = {"got"}
_HAD = {"had"}
_HAD_BETTER = re.compile(r" (?:had|[a-z]+'d) better ")
MODALS = frozenset("would could should might must may will shall can wouldn't couldn't shouldn't won't".split())
# "if ... would/could": a condition and its consequence, not an event.
_COUNTERFACTUAL = re.compile(r" (?:would|could|might|[a-z]+'d) ")
# "we've got", "he has got": possession in the present, not a past event.
_HAVE_GOT = re.compile(r" (?:have|has|[a-z]+'ve|[a-z]+'s) got ")
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


_BE = frozenset(("be", "being"))  # "will be ratcheted up", "is being reviewed": a passive, not a past event


def _past(t: _Tokens) -> bool:
    """Past tense or present perfect used as a verb: "was", "went", "have funded", "we reduced the penalty";
    not "-ed" adjectives ("managed care", "people involved") nor passives after "be" ("will be approved")."""
    hits = t.set & PAST_WORDS
    if hits and (hits != _GOT or not _HAVE_GOT.search(t.joined)) and (hits != _HAD or not _HAD_BETTER.search(t.joined)):
        return True
    if "been" in t.set and "'s been " in t.joined:
        return True  # "it's been extended": "'s" before "been" can only be "has"
    if "ed " not in t.joined and "'ve " not in t.joined and t.set.isdisjoint(HAVE):
        return False
    toks = t.list
    for i, w in enumerate(toks):
        end = w[-2:]
        if end == "ed":
            if len(w) > 4 and w not in ED_NOT_VERB and w[-3] != "e" and not (i and toks[i - 1] in _BE):
                if (i and toks[i - 1] in SUBJECTS) or (
                    i + 1 < len(toks) and (toks[i + 1] in OBJECT_START or toks[i + 1][0].isdigit())
                ):
                    return True
        elif end == "ve" or w in HAVE:
            if w not in HAVE and not w.endswith("'ve"):
                continue
            if w.endswith("'ve") and w[:-3] in MODALS or i and toks[i - 1] in MODALS:
                continue  # "would have been", "could've done": what did not happen
            for x in toks[i + 1 : i + 3]:
                if (x in PARTICIPLES and x != "got") or (x.endswith("ed") and x not in ED_NOT_VERB):
                    return True
    return False


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
    elif ("it's" in t.set or "it" in t.set) and any(x in OPINION_AFTER_IT_IS for x in _IT_IS.findall(t.joined)):
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
    return ("it's" in head or "it" in head) and any(x in OPINION_AFTER_IT_IS for x in _IT_IS.findall(joined))


def _appeal(t: _Tokens, chunk: str) -> bool:
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
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if w in ("if", "unless", "suppose", "supposing"):
        return "if"
    if w in ("there", "there's"):
        return "there" if w == "there's" or nxt in _THERE_VERBS else ""
    if w in _SELF:
        return "self"
    if w in _WE:
        if (
            nxt in ("have", "had", "has")
            and i + 2 < len(toks)
            and (toks[i + 2] in _HAVE_OBJECT or toks[i + 2][0].isdigit())
        ):
            return "we have"
        return "we"
    if w in _YOU:
        return "you"
    if w in _THIRD:
        return "third"
    if w[:1].isalpha() and w.split("'")[0].capitalize() not in _ENTITY_STOP:
        for k, m in enumerate(_WORD_AT.finditer(chunk)):
            if k == i:
                word = m.group()
                if word[0].isupper():
                    word = word.replace("’", "'").split("'")[0]
                    if word not in _ENTITY_STOP and word.lower() == w.split("'")[0]:
                        return "named"
                break
    return ""


def _prediction(t: _Tokens) -> bool:
    return "prediction" in t.cues or "first person future" in t.cues or "'ll " in t.joined


_HEADLINE_END_CHARS = frozenset('.!?…"”’)')

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
# explains a score without moving it.
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
}
BIAS = -2.2
_ZEROS = repeat(0.0)


_AT_LEAST = {n: re.compile(r"(?:[^\w’'-]*+[\w’'-]++){%d}" % n) for n in {2, 6, MIN_WORDS - 1, MIN_WORDS}}


def _has_words(text: str, n: int, s: int = 0, e: int | None = None) -> bool:
    """At least n words in text[s:e]: stops after the n-th instead of counting them all."""
    return _AT_LEAST[n].match(text, s, len(text) if e is None else e) is not None


def _is_headline(text: str, s: int, e: int) -> bool:
    """A line of title-case words with no closing punctuation is a headline or a caption, not a statement."""
    if "\n" not in text[e : e + 1] and e < len(text):
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


def _quote_cuts(text: str, s: int, e: int, quotes: list[Quote]) -> list[tuple[int, int, int]]:
    """Reported content strictly inside the sentence becomes its own clause, and the attribution around it
    (speaker and cue) is left out of the writer's clause: (attribution start, content start, content end)."""
    pieces = []
    for q in quotes:
        if s <= q.start and q.end <= e and (q.start > s + 2 or q.end < e - 2) and _has_words(q.text, MIN_WORDS):
            if q.kind in ("direct", "indirect"):
                continue
            lo = q.start
            for x in (q.cue_start, q.speaker.start if q.speaker and s <= q.speaker.start < q.start else None):
                if x is not None and s <= x < lo:
                    lo = x
            pieces.append((lo, q.start, q.end))
    return pieces


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
        return self._between(self.inner, self.inner_starts, s, e)

    def that_in(self, s: int, e: int) -> bool:
        return bool(self._between(self.that, self.that_starts, s, e))


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
    for lo, qs, qe in _quote_cuts(text, s, e, quotes) if quotes else ():
        cuts.append((lo, qs))
        cuts.append((qe, qe))
        reported.add(qs)
    if not cuts and (marks.that_in(s, e) and marks.may_report(s, e) if marks else _THAT.search(text, s, e)):
        m = _REPORTED.search(text, s, e)
        if m and _has_words(text, MIN_WORDS, m.end(), e) and not _UNASSERTED.search(text, s, m.end()):
            head = text.rfind(",", s, m.start())
            cuts.append((head if head > s else m.start(), m.end()))
            reported.add(m.end())
    m = _LEADING.match(text, s, e)
    if m and _has_words(text, MIN_WORDS, m.end(), e):
        cuts.append((m.end(), m.end()))
    for a, b in marks.inner_in(s, e) if marks else [m.span() for m in _INNER.finditer(text, s, e)]:
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


def _speaker(quotes: list[Quote], s: int, e: int) -> Quote | None:
    """The quote holding most of the clause, if it holds at least half of it."""
    best, best_overlap = None, 0
    for q in quotes:
        overlap = min(e, q.end) - max(s, q.start)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best if best is not None and best_overlap * 2 >= e - s else None


_FACT_CUES = ("comparison", "causal", "rule", "statistic", "reporting verb", "policy action")
_VIEW_CUES = ("hedge", "evaluation", "second person")


def _features(chunk: str, t: _Tokens, quantities, dates, entities, in_quote: bool, modal: bool) -> list[str]:
    feats = []
    if quantities:
        kinds = {q.kind for q in quantities}
        if "money" in kinds or any(q.currency for q in quantities):
            feats.append("money")
        if "percent" in kinds:
            feats.append("percent")
        if kinds - {"money", "percent"}:
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
    if _ongoing(t):
        feats.append("ongoing")
    cues = t.cues
    if cues:
        for name in _FACT_CUES:
            if name in cues:
                feats.append(name)
    if _superlative(t):
        feats.append("superlative")
    if cues:
        for name in _VIEW_CUES:
            if name in cues:
                feats.append(name)
        if "hedge" in cues and "may" in t.set and dates and _may_is_month(t, dates):
            feats.remove("hedge")
    if modal:
        feats.append("modal")
    if not in_quote and "first singular" in cues:
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


def _score(feats: list[str]) -> float:
    z = BIAS + sum(map(WEIGHTS.get, feats, _ZEROS))
    return 1.0 / (1.0 + math.exp(-z))


def _kind(chunk: str, t: _Tokens, feats: list[str], sentence_end: str, predicts: bool, opinion: bool) -> str:
    """Non-factual kinds win only when the factual evidence is thin: "I think prices rose 40% in 2019" is still a
    checkable figure, "I think we can do better" is an opinion."""
    stripped = chunk.rstrip(" ”\"’')")
    if stripped.endswith("?") or (sentence_end == "?" and not stripped.endswith((".", "!"))):
        return "question"
    hard = ("money" in feats) + ("percent" in feats) + ("number" in feats) + ("date" in feats)
    if hard == 0 and _appeal(t, chunk):
        return "appeal"
    past = "past event" in feats
    if "hypothetical" in feats and not past:
        return "prediction"  # "If you cut taxes, revenue will fall": a condition and what follows, not a fact
    if hard == 0 and opinion and (not (past and "named entity" in feats) or t.starts(OPINION_START)):
        return "opinion"
    if predicts and not past and hard == 0:
        return "prediction"
    if "evaluation" in feats and hard == 0 and not past:
        return "opinion"
    if predicts and not past:
        return "prediction"
    if hard - ("date" in feats):
        return "quantity"
    if "rule" in feats:
        return "rule"
    if "causal" in feats:
        return "causal"
    if "comparison" in feats:
        return "comparison"
    if past or "date" in feats or "relative date" in feats:
        return "event"
    return "other"


def _within(items, s: int, e: int, starts: list[int]) -> list:
    if not items:
        return []
    i = bisect_left(starts, s)
    j = bisect_left(starts, e, i)
    if i == j:
        return []
    return [x for x in items[i:j] if x.end <= e]


_CLOSING = frozenset(" ”\"’')")


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
    marks = _Marks(text)
    q_starts = [q.start for q in quotes]
    q_reach = list(accumulate((q.end for q in quotes), max))  # the furthest end among the first i+1 quotes
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for s, e in spans:
        if _is_headline(text, s, e) or _is_dateline(text, s, e):
            continue
        k = e  # the sentence's last character before closing quotes and brackets
        while k > s and text[k - 1] in _CLOSING:
            k -= 1
        end_char = text[k - 1] if k > s else ""
        near = (
            [q for q in quotes[bisect_right(q_reach, s) : bisect_left(q_starts, e)] if q.end > s] if quotes else quotes
        )
        clauses, reported, inner = _split(text, s, e, near, marks)
        pieces: Sequence[tuple | None]  # a tuple of one for most sentences, which need no list
        if len(clauses) == 1:  # most sentences: nothing to re-join
            cs, ce = clauses[0]
            pieces = (
                _assess(
                    text,
                    cs,
                    ce,
                    near,
                    end_char,
                    cs in reported,
                    _within(quantities, cs, ce, qs),
                    _within(dates, cs, ce, ds),
                    _within(entities, cs, ce, es),
                ),
            )
        else:
            pieces = [
                _assess(
                    text,
                    cs,
                    ce,
                    near,
                    end_char,
                    cs in reported,
                    _within(quantities, cs, ce, qs),
                    _within(dates, cs, ce, ds),
                    _within(entities, cs, ce, es),
                )
                for cs, ce in clauses
            ]
            if inner:
                pieces = _rejoin(text, pieces, inner, near)
        for piece in pieces:
            if piece is None or (piece[3] in FACTUAL_KINDS and piece[4] < THRESHOLD):
                continue
            cs, ce, chunk, kind, score, feats, quote, qn, dt, en, _ = piece
            claim = Claim(
                id=ids.item_id("c", chunk),
                kind=kind,
                text=chunk,
                start=cs,
                end=ce,
                speaker=quote.speaker if quote else None,
                quantities=qn,
                dates=dt,
                entities=en,
                score=round(score, 3),
                features=feats,
                quote_id=quote.id if quote else None,
            )
            n = seen.get(claim.id, 0) + 1
            seen[claim.id] = n
            if n > 1:
                claim.id = f"{claim.id}-{n}"
            claims.append(claim)
    claims.sort(key=lambda c: c.start)
    return claims


# A clause as judged, before it becomes a Claim (only those reported do): a plain tuple, as one is made per clause.
# (start, end, text, kind, score, features, quote, quantities, dates, entities, number of tokens)
_START, _END, _KIND, _FEATS, _QUANTITIES, _DATES, _ENTITIES, _NWORDS = 0, 1, 3, 5, 7, 8, 9, 10


def _assess(text, s, e, quotes, end_char, reported, quantities, dates, entities) -> tuple | None:
    chunk = text[s:e]
    if not _has_words(chunk, MIN_WORDS - 1):
        return None
    quote = _speaker(quotes, s, e)
    judged, jq, jd, je = chunk, quantities, dates, entities
    if quote is not None and quote.kind != "indirect" and (quote.start > s + 2 or quote.end < e - 2):
        # '"We were not expecting this," said Kosgei': the quote is judged, not its attribution, whose name and
        # "said" would make any remark look like a named past event.
        a, b = max(s, quote.start), min(e, quote.end)
        judged = text[a:b]
        jq = [x for x in quantities if a <= x.start and x.end <= b]
        jd = [x for x in dates if a <= x.start and x.end <= b]
        je = [x for x in entities if a <= x.start and x.end <= b]
    t = _Tokens(judged)
    predicts, opinion = _prediction(t), _opinion(t)
    feats = _features(judged, t, jq, jd, je, quote is not None, predicts or opinion)
    if reported or (quote is not None and quote.kind == "indirect"):
        feats.append("reported speech")
    kind = _kind(judged, t, feats, end_char, predicts, opinion)
    return s, e, chunk, kind, _score(feats), feats, quote, quantities, dates, entities, len(t.list)


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
            while j < n and pieces[j] is not None and pieces[j][_KIND] in FACTUAL_KINDS and pieces[j][_START] in inner:
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
    return (s, e, text[s:e], kind, _score(ordered), ordered, _speaker(quotes, s, e), quantities, dates, entities, words)
