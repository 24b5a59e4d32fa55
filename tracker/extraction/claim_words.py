"""The word lists a claim is judged by (opinion, prediction, hedge, comparison, cause, rule, statistic, past tense
…) and a clause's tokens with the cues it holds, looked up with two set intersections per clause.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _cue(spec: str) -> tuple[frozenset, dict[str, tuple[str, ...]]]:
    """("because|due to") -> single words to look up in the token set, and phrases by their first word, to find
    in the joined tokens only when that first word occurs."""
    items = [x.strip() for x in spec.split("|") if x.strip()]
    phrases: dict[str, list[str]] = {}
    for x in items:
        if " " in x:
            phrases.setdefault(x.split()[0], []).append(f" {x} ")
    # Tuples, so that `str.startswith` takes a first word's phrases at once (_Tokens.starts).
    return frozenset(x for x in items if " " not in x), {k: tuple(v) for k, v in phrases.items()}


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
    "in the future|one day|may well|scheduled to|forecast to|projected to|slated to|is to be|are to be|expects|expect"
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
    "solemn|vital|crucial|essential|smart|wise|too late|too little|too fast|too slow|to blame"
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


# Every byte but a-z, 0-9 and the apostrophe made a space: a _TOKEN lies within one run of the rest.
_NOT_TOKEN = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c == 39 else 32 for c in range(256))


def _words(low: str) -> list[str]:
    """_TOKEN.findall(low), for a lower-cased clause: the runs of a-z, 0-9 and apostrophes (one translate and one
    split, in C; a non-ASCII character is a "?" there, no token character), of which only those holding an
    apostrophe need the regex ("'we", "don't", "rock'n'roll"). About 1.5 times as fast as the regex scan of a clause."""
    return _split_runs(low.encode("ascii", "replace").translate(_NOT_TOKEN).decode("ascii"))


def _split_runs(runs: str) -> list[str]:
    """The tokens of a lower-cased clause whose other characters are spaces already (see `_words`)."""
    words = runs.split()
    if "'" not in runs:
        return words
    out: list[str] = []
    for w in words:
        if "'" in w:
            out.extend(_TOKEN.findall(w))
        else:
            out.append(w)
    return out


def token_runs(text: str, low: str | None = None) -> str | None:
    """`text` lower-cased with every character but a-z, 0-9 and the apostrophe made a space, as `_Tokens` reads a
    clause: a clause's slice of it splits into the clause's tokens, without lower-casing and translating each
    clause again (a non-ASCII character is one "?", a space, in both; only the Greek capital sigma lower-cases by
    its context, and both its forms are non-ASCII). None when lower-casing changed the text's length, so its
    offsets. A slice holding "non " may hide a "non-", whose hyphen a clause drops: `_Tokens` reads that clause
    itself. `low`: text.lower(), if the caller has it."""
    if low is None:
        low = text.lower()
    if len(low) != len(text):
        return None
    return low.replace("’", "'").encode("ascii", "replace").translate(_NOT_TOKEN).decode("ascii")


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
    """Single cue words -> the cue names they belong to; phrases by their first two words, so that a clause only
    tests the phrases whose first two words stand next to each other in it (the pairs of its tokens met with
    one set intersection, in C, instead of a loop over its words that may open a phrase). A two-word phrase
    needs no further test: its words side by side are the phrase."""
    words: dict[str, set] = {}
    pairs: dict[tuple[str, str], list] = {}
    for name, (ws, ps) in cues.items():
        for w in ws:
            words.setdefault(w, set()).add(name)
        for items in ps.values():
            for p in items:
                first, second = p.split()[:2]
                pairs.setdefault((first, second), []).append((p, name, p.count(" ") == 3))
    by_pair = {k: tuple(v) for k, v in pairs.items()}
    return ({w: frozenset(v) for w, v in words.items()}, frozenset(words), by_pair, frozenset(by_pair))


_CUE_WORDS, _CUE_WORD_SET, _CUE_PAIRS, _CUE_PAIR_SET = _cue_index(CUES)
_PAIR_FIRSTS = frozenset(a for a, _ in _CUE_PAIR_SET)
_PAIR_SECONDS = frozenset(b for _, b in _CUE_PAIR_SET)


class _Tokens:
    """A clause's lower-cased tokens, as a list, a set and a padded string for phrase lookups, and the names of
    the cues (CUES) it holds: two set intersections per clause instead of one lookup per cue."""

    __slots__ = ("list", "set", "joined", "cues")

    def __init__(self, chunk: str, runs: str | None = None):
        if runs is not None and "non " not in runs:  # chunk's slice of token_runs(the text), no "non-" in it
            words = runs.split() if "'" not in runs else _split_runs(runs)  # (_split_runs's first case, no call)
        else:
            low = chunk.lower().replace("’", "'")
            if "non-" in low:
                low = low.replace("non-", "non")  # "non-essential services" is no evaluation: one word, "nonessential"
            words = _words(low)
        self.list = words
        self.set = tokens = set(words)
        self.joined = joined = f" {' '.join(words)} "
        cues: set[str] = set()
        for w in tokens & _CUE_WORD_SET:
            cues |= _CUE_WORDS[w]
        # (Only when the clause holds a word that opens a phrase and one that goes on with one: a short clause
        # seldom does, and the set of its word pairs is half the cost of _Tokens there.)
        pairs = (
            _CUE_PAIR_SET.intersection(zip(words, words[1:]))
            if not tokens.isdisjoint(_PAIR_FIRSTS) and not tokens.isdisjoint(_PAIR_SECONDS)
            else ()
        )
        for pair in pairs:
            for p, name, two_words in _CUE_PAIRS[pair]:
                if name not in cues and (two_words or p in joined):
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
        # The phrases from token i on, in the joined tokens where it starts (the phrases of the cues asked so hold
        # four words at most: the same as testing the string of tokens i to i+3, without building it).
        return self.joined.startswith(candidates, i + sum(map(len, toks[:i])) if i else 0)
