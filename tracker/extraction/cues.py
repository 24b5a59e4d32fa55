"""Reporting cues: the verbs (and a few phrases: "according to", "expressed concern", "pointed out") that introduce
reported speech, found by one word scan and a dictionary lookup per article.

The verb classes here decide what may follow a cue: an object first ("told reporters that"), a "to"-clause
("vowed to"), a question ("asked whether"), a noun phrase ("denied the report"), or only a clause or a quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tracker.extraction.clauses import ends_line
from tracker.extraction.letters import caps
from tracker.extraction.triggers import _trie


def inflections(verb: str) -> set[str]:
    """Regular inflections of a verb ("urge" → urges, urged, urging) plus the irregular past forms."""
    forms = {verb, verb + "s", verb + "ing", verb + "ed"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if re.search(r"[sxz]$|[cs]h$", verb):
        forms.add(verb + "es")
    if re.search(r"[^aeiou][aeiou][pt]$", verb) and verb not in ("limit", "visit", "edit", "credit"):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    forms.update(_IRREGULAR.get(verb, ()))
    return forms


_IRREGULAR = {
    "speak": ("spoke", "spoken"),
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written", "writing"),
    "think": ("thought",),
    "predict": (),
    "forecast": ("forecast",),
    "put": ("put",),
    "hold": ("held",),
    "maintain": (),
    "admit": ("admitted", "admitting"),
    "tweet": (),
    "retweet": (),
    "post": (),
    "rebut": ("rebutted",),
    "blog": ("blogged",),
    "quip": ("quipped",),
    "swear": ("swore", "sworn"),
    "show": ("shown",),
    "find": ("found",),
    "read": (),
}


# Verbs that introduce reported speech; a clause, "that …" or a quote follows them.
SAY_VERBS = """
say tell add note write stress warn insist argue claim announce deny mention explain declare state acknowledge
suggest reply respond tweet post recall admit predict promise vow repeat report confirm assert contend complain
testify concede allege estimate observe remark comment emphasize emphasise reiterate maintain indicate reveal
disclose pledge boast caution lament charge counter retort quip joke conclude speculate hint signal agree
announce affirm proclaim answer blog forecast swear acknowledge dispute rebut concur add continue describe
find show reckon remark question blame accuse instruct advise speak defend condemn confess identify list
commit read shout yell scream whisper chant exclaim mutter murmur
""".split()


# Verbs whose object comes before the reported content ("urged Washington to …", "told Reuters that …").
OBJECT_VERBS = frozenset(
    "tell urge ask warn remind assure inform advise invite encourage press order implore instruct".split()
)


# Verbs whose content may be a "to"-infinitive ("vowed to …", "urged X to …").
TO_VERBS = frozenset(
    "urge ask warn promise vow pledge threaten invite encourage press order implore call agree confess advise "
    "instruct commit".split()
)


# Verbs whose content may be an indirect question ("asked whether …").
WH_VERBS = frozenset("ask explain question wonder say tell note".split())


WEAK_VERBS = frozenset(
    "add post continue state note report answer charge counter signal maintain hold agree comment call "
    "promise estimate indicate conclude reveal disclose confirm announce find show reckon remark question blame "
    "accuse".split()
)


# Verbs whose reported content may be a noun phrase ("mentioned disparaging remarks", "called for a ban").
NP_VERBS = frozenset(
    "mention note deny explain describe announce confirm acknowledge admit reveal disclose dispute predict promise "
    "recall repeat call blame condemn accuse declare".split()
)


# Verbs that report an object and what it is taken for ("identifies the wreck as the Grayback", "lists the
# airline as belonging to the air force", "estimated the cost at $2 million"): only with "as" or "at" after it.
AS_VERBS = frozenset("identify list estimate".split())


# Verbs that report only a quote that follows them ('defended his decision, "…"', 'spoke on Fox News, "…"').
# Verbs of the manner of speaking ('chanted "What curfew?"', '"Get out!" he shouted'): they report a direct quote
# only, right after them too, and nothing else ("shouted at the police", "chanted slogans").
MANNER_VERBS = frozenset("shout yell scream whisper chant exclaim mutter murmur".split())


QUOTE_ONLY_VERBS = frozenset("speak defend".split()) | MANNER_VERBS


# Subordinators that may open reported content ("said as a teenager she was …", "said when he was …").
_CLAUSE_OPENERS = frozenset("as when after before because since while although though once".split())


# Participles that continue the previous speaker's report after a comma (", adding that …").
_CONTINUATIONS = "adding saying noting arguing explaining warning insisting claiming stressing telling writing".split()


_FORM_TO_BASE: dict[str, str] = {}


for _v in SAY_VERBS + list(OBJECT_VERBS):
    for _f in inflections(_v):
        _FORM_TO_BASE.setdefault(_f, _v)


_FORM_TO_BASE.pop("calls", None)


# Forms that are nouns more often than reporting verbs ("a similar question:", "the show that aired"); their
# past forms ("questioned", "showed", "found") stay cues.
for _f in "question questions show shows remark remarks blame find finds".split():
    _FORM_TO_BASE.pop(_f, None)


# Cues are found by a word scan and a dictionary lookup (a regex alternation of ~500 forms is ten times slower);
# the few multi-word cues are checked with an anchored pattern once their first word is seen.
_LOWER_WORD = re.compile(r"[a-z]+")


_MULTI = {
    "according": ("according", re.compile(r"according\s+to\b")),
    "express": (
        "express",
        re.compile(
            r"(?:express|voice)(?:ed|es|ing|d|s)?\s+(?:(?:its|his|her|their|our|deep|grave|serious|strong)\s+)*"
            r"(?:concerns?|hopes?|regret|frustration|support|opposition|doubts?|confidence|disappointment|displeasure|"
            r"optimism|fears?)\b"
        ),
    ),
    "call": ("call", re.compile(r"call(?:ed|s|ing)?(?:\s+(?:on|for)\b)?")),
    "point": ("note", re.compile(r"point(?:ed|s|ing)?\s+out\b")),
    # "as the minister put it", "She put it bluntly: …" (not "put it on the table", "put it to a vote")
    "put": (
        "say",
        re.compile(
            r"puts?\s+it(?=\s*(?:[,.:;!?\"“”)]|$)|\s+(?:this\s+way|that\s+way|bluntly|simply|succinctly|best|plainly|"
            r"mildly|another\s+way)\b)"
        ),
    ),
    # "Per the decree, …": "according to" in two words fewer.
    "per": (
        "according",
        re.compile(r"per(?=\s+(?:the|a|an|his|her|its|their)\s|\s+(?:figures|numbers|data|estimates|records)\s)"),
    ),
}


_FIRST_WORD = {
    "per": "per",
    "according": "according",
    "express": "express",
    "expressed": "express",
    "expresses": "express",
    "expressing": "express",
    "voice": "express",
    "voiced": "express",
    "voices": "express",
    "voicing": "express",
    "call": "call",
    "called": "call",
    "calls": "call",
    "calling": "call",
    "point": "point",
    "pointed": "point",
    "points": "point",
    "pointing": "point",
    "put": "put",
    "puts": "put",
}


_CUE_FIRST = frozenset(_FORM_TO_BASE) | frozenset(_FIRST_WORD)


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    base: str  # the verb's base form, or "according", "express", "call"


# A whole lower-case word (a maximal run of a-z, as _LOWER_WORD splits them) that may start a cue, found by the
# regex engine rather than by a Python test per word of the article. The word is matched with the character
# before it (the word is group 1): a pattern that opens with the class `[^a-z]` lets the engine skip over letters
# instead of testing `(?<![a-z])` at each of them (a third faster). Only a word opening the text has no such
# character: _CUE_AT_START.
_CUE_WORD = re.compile(r"[^a-z](" + _trie(_CUE_FIRST) + r")(?![a-z])")


_CUE_AT_START = re.compile(_trie(_CUE_FIRST) + r"(?![a-z])")


def _cue_words(low: str) -> list[tuple[int, int, str]]:
    """Every word of the lower-cased text that may start a cue, in one pass over the article."""
    out = [(m.start(1), m.end(), m[1]) for m in _CUE_WORD.finditer(low)]  # (m[1]: no method looked up)
    m = _CUE_AT_START.match(low)
    if m is not None:
        out.insert(0, (0, m.end(), m.group()))
    return out


_CAPITAL_NEXT = re.compile(caps(r"[ \t\xa0]+[A-Z]"))


# Verbs a headline reports with in its "-s" form ("Obama Says …", "…, Graham Warns").
_HEADLINE_VERBS = frozenset("say tell warn claim insist deny admit argue vow urge".split())
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as vs is".split())


def _title_case(text: str, s: int, e: int) -> bool:
    """text[s:e] is a headline written in title case on a line of its own: no stop ends it and every word but
    the small ones opens with a capital ("Obama Says African-American Museum Will Tell of …")."""
    if e - s > 200 or text[s:e].rstrip(" \t\xa0\"”’'").endswith((".", "!", "?")) and not ends_line(text, e):
        return False
    words = [w for w in _HEADLINE_WORD.findall(text, s, e) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


_CALL_IN = re.compile(r"[ \t\xa0]+in(?:to)?\b")


def _cues(
    text: str,
    low: str,
    s: int,
    e: int,
    inside: list[tuple[int, int, bool]],
    words: list[tuple[int, int, str]],
    first: int | None = None,
    starts: list[int] | None = None,
) -> list[_Cue]:
    """Reporting cues in text[s:e], from the article's candidate words (`first`: the index of the first one at or
    after s, when the caller has found it already; `starts`: where the quotes of `inside` open, when the caller has
    them: a bisection of ints, not of tuples)."""
    if starts is None:
        starts = [q[0] for q in inside]
    out = []
    headline: bool | None = None  # (asked only when a capitalised cue word is met)
    # Indexed from the sentence's first word, not sliced: a slice would copy the rest of the article's words
    # for every sentence.
    if first is None:
        first = bisect.bisect_left(words, (s, -1, ""))
    for i in range(first, len(words)):
        start, we, word = words[i]
        if start >= e:
            break
        multi = _FIRST_WORD.get(word)
        base: str | None
        if multi is not None:
            base, pattern = _MULTI[multi]
            mm = pattern.match(low, start, e)
            if mm is None or (multi == "call" and word == "call" and mm.end() == we):
                continue
            if multi == "call" and _CALL_IN.match(low, mm.end()) is not None:
                continue  # "she called into a radio show", "called in to a town hall": she phoned, said nothing yet
            end = mm.end()
        else:
            base = _FORM_TO_BASE.get(word)
            if base is None:
                continue
            end = we
        if start and low[start - 1].isalnum() or end < len(low) and (low[end].isalnum() or low[end] in "’'-"):
            continue  # part of a longer word or name ("Said-Ahmed", "says’")
        i = bisect.bisect_left(starts, start) - 1  # the last quote opening before the cue: is it inside?
        if i >= 0 and start < inside[i][1]:
            continue
        cap = text[start].isupper()
        if cap and start > s and base != "according":
            if headline is None:
                headline = _title_case(text, s, e)
            if not headline or word[-1:] != "s" or base not in _HEADLINE_VERBS:
                continue  # "Said" inside a name or a title
            # "Trump Could Address Clean Energy, Lindsey Graham Says": a headline's "-s" form
        elif cap and word == base and base != "according" and _CAPITAL_NEXT.match(text, end):
            continue  # "State Department spokesman Ned Price said": a bare form before a capital opens a name
        if word in _CHECKED_WORDS:  # (most cue words, "said" among them, meet none of the four tests)
            if (
                base not in ("according", "call", "express", "note")
                and word.endswith(("s", "ing"))
                and _as_noun(low, s, start, word)
            ):
                continue
            if (base == "list" or base == "identify") and low.find(" as ", end, min(e, end + 90)) < 0:
                continue  # "the group lists", "identified the man": only "lists X as …" reports
            if base in _INSTRUCTING and _passive(low, s, start):
                continue  # "residents were advised to leave": who advised them is not said
            if base in AS_VERBS and _participle_apposition(low, s, start, end):
                continue  # "a boy, identified only as Ivan, was rescued": a description, not speech
        out.append(_Cue(start, end, base))
    return out


_BE_FORMS = frozenset("is are was were be been being".split())


def _base_of(word: str) -> str | None:
    """The base `_cues` gives a candidate word (a multi-word cue's, for its first word)."""
    multi = _FIRST_WORD.get(word)
    return _MULTI[multi][0] if multi is not None else _FORM_TO_BASE.get(word)


def _checked(word: str) -> bool:
    """Whether one of the four last tests of `_cues` reads a cue of this candidate word (of the one base `_cues`
    gives it): a noun form, "list" or "identify" without "as", a passive instruction, a participle in apposition."""
    base = _base_of(word)
    return base is not None and (
        base not in ("according", "call", "express", "note")
        and word.endswith(("s", "ing"))
        or base in ("list", "identify")
        or base in _INSTRUCTING
        or base in AS_VERBS
    )


# Verbs whose passive ("were advised to", "have been instructed to", "was told to") names only who was addressed:
# the one who spoke is not said, so the verb reports no one's words.
_INSTRUCTING = frozenset("advise instruct order urge encourage tell ask".split())


# The candidate words whose cues those tests read (each word has one base); the others skip them.
_CHECKED_WORDS = frozenset(w for w in _CUE_FIRST if _checked(w))


_APPOSITION = re.compile(r"[ \t\xa0]+(?:(?:only|simply|officially|formally|locally)[ \t\xa0]+)?a[st]\b")


def _participle_apposition(low: str, s: int, start: int, end: int) -> bool:
    """The cue is a participle set off by a comma and followed straight by "as"/"at" (", identified only as Ivan,",
    ", estimated at 5,000,"): it describes the noun before it. "Police identified the man as …" keeps its object
    between the verb and "as", and no comma opens it."""
    k = start
    while k > s and low[k - 1] in " \t\xa0":
        k -= 1
    return k > s and low[k - 1] == "," and _APPOSITION.match(low, end) is not None


def _passive(low: str, s: int, start: int) -> bool:
    """The cue form follows a form of "be" (an adverb may sit between): "is widely expected"."""
    prev = _WORD_BEFORE.search(low, max(s, start - 24), start)
    if prev is not None and prev.group(1).endswith("ly"):
        prev = _WORD_BEFORE.search(low, max(s, prev.start() - 24), prev.start())
    return prev is not None and prev.group(1) in _BE_FORMS


# Words before a noun: "his notes", "the warning", "their posts" are things, not speech.
_DETERMINERS = frozenset("the a an this that these those its his her their our my your no any every each".split())


# -ing forms that are nouns after a determiner and one modifier ("the orange warning", "a court ruling").
_ING_NOUNS = frozenset("warning warnings writing writings finding findings ruling rulings posting".split())
# "press" after a determiner and one modifier is the news media ("the Iranian press", "the local press"), more
# often than a verb ("the unions press for …"); "claims", "reports", "tweets" there are verbs as often ("The
# motion claims …").
_NOUN_FORMS = frozenset(("press",))


_WORD_BEFORE = re.compile(r"([a-z]+)[ \t\xa0]+$")


def _as_noun(low: str, s: int, start: int, word: str) -> bool:
    """A cue form read as a noun: right after a determiner ("his posts", "the warning"), or for a noun in -ing
    after a determiner and one modifier ("the orange warning issued by …")."""
    prev = _WORD_BEFORE.search(low, max(s, start - 24), start)
    if prev is None:
        return False
    if prev.group(1) in _DETERMINERS:
        return True
    if word not in _ING_NOUNS and word not in _NOUN_FORMS or prev.group(1).endswith("ly"):
        return False
    prev2 = _WORD_BEFORE.search(low, max(s, prev.start() - 24), prev.start())
    return prev2 is not None and prev2.group(1) in _DETERMINERS


def _lower(text: str) -> str:
    """Lower-cased text with the same length, so offsets found in it index the original ("İ" lowers to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
