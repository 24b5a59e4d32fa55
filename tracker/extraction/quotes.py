"""Find direct, partial and indirect (reported) quotes in an article body, with their cue and speaker.

Rules, not a model: news attribution is formulaic ("…,” Akar said", "X told Reuters that …", "according to X"),
a few compiled regular expressions and a token walk around each reporting cue find it at well under a
millisecond per article, and every rule stays readable and general. Quote marks are paired by their context
(so a mistyped ” opening a paragraph still opens), a quote left open at a paragraph end continues only when the
next paragraph opens with a mark (news convention), and anything else open is closed at its paragraph end, so a
stray mark never swallows the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tracker.extraction.dates import _trie
from tracker.extraction.sentences import sentences as _sentences
from tracker.extraction.speakers import (
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
    TIME_WORDS,
    Mention,
    Resolver,
    subject_after,
    subject_before,
    tokens,
)
from tracker.ids import item_id
from tracker.records import Quote, SpeakerRef

MAX_QUOTE_PARAGRAPHS = 6  # an open quote may continue over this many paragraphs, no more
MAX_QUOTE_CHARS = 4000


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
}

# Verbs that introduce reported speech; a clause, "that …" or a quote follows them.
SAY_VERBS = """
say tell add note write stress warn insist argue claim announce deny mention explain declare state acknowledge
suggest reply respond tweet post recall admit predict promise vow repeat report confirm assert contend complain
testify concede allege estimate observe remark comment emphasize emphasise reiterate maintain indicate reveal
disclose pledge boast caution lament charge counter retort quip joke conclude speculate hint signal agree
announce affirm proclaim answer blog forecast swear acknowledge dispute rebut concur add continue describe
find show reckon remark question blame accuse instruct advise speak defend
""".split()
# Verbs whose object comes before the reported content ("urged Washington to …", "told Reuters that …").
OBJECT_VERBS = frozenset(
    "tell urge ask warn remind assure inform advise invite encourage press order implore instruct".split()
)
# Verbs whose content may be a "to"-infinitive ("vowed to …", "urged X to …").
TO_VERBS = frozenset(
    "urge ask warn promise vow pledge threaten invite encourage press order implore call agree".split()
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
    "recall repeat call".split()
)
# Verbs that report only a quote that follows them ('defended his decision, "…"', 'spoke on Fox News, "…"').
QUOTE_ONLY_VERBS = frozenset("speak defend".split())
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
    # "Per the decree, …": "according to" in two words fewer.
    "per": ("according", re.compile(r"per(?=\s+(?:the|a|an|his|her|its|their)\s)")),
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
}
_CUE_FIRST = frozenset(_FORM_TO_BASE) | frozenset(_FIRST_WORD)
_DOUBLE = re.compile(r"“|”|\"|''|``|«|»|„")
_OPEN_GLYPHS = frozenset({"“", "«", "„", "``"})
_CLOSE_GLYPHS = frozenset({"”", "»"})
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:['’][A-Za-z]+)?")
_OBJECT = re.compile(
    r"\s*(?:him|her|them|us|me|you|it|reporters|journalists|lawmakers|supporters|voters|senators|members|"
    r"(?:the|a|an|his|her|its|their|our)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=\s+(?:to|that|on|in|at|during|how|"
    r"what|why|whether|about)\b)|(?:[A-Z][\w’'.&-]*)(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*)*)"
)
_ADVERB_TIME = frozenset(
    """
    last this late early earlier later monday tuesday wednesday thursday friday saturday sunday yesterday today
    tonight morning afternoon evening night week weekend month year also again repeatedly publicly previously
    recently then once separately privately openly
    """.split()
)
_PREP = frozenset("on in at during to via through after before with of from over by".split())
# Words that are time adverbials only with a time noun after them ("this week", "last Tuesday").
_DEICTIC = frozenset("this last late early".split())
_TIME_NOUN_NEXT = re.compile(
    r"\s+(?:week|weekend|month|year|morning|afternoon|evening|night|summer|winter|spring|autumn|fall|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|time)\b",
    re.IGNORECASE,
)
_ADVERB_NOUNS = frozenset(
    """
    statement interview conference briefing reporters journalists press call speech rally post tweet letter email
    television radio video op-ed meeting hearing event appearance show program programme release phone news
    network twitter facebook instagram session remarks address debate forum podcast broadcast blog
    """.split()
)
_FINAL_PUNCT = ".!?;:,"
_QUOTE_CHARS = "“”\"«»„'’‘"
_AUX = frozenset(
    "is are was were has have had will would can could should may might must does did do be been being am".split()
)
_SUBORDINATORS = frozenset(
    "though although while whereas because since if when as even unless once after before".split()
)


@dataclass(slots=True)
class _Raw:
    """A quote before its speaker is resolved; kept apart so resolution runs in text order."""

    start: int
    end: int
    kind: str
    cue_start: int | None
    cue_end: int | None
    mention: Mention | None
    antecedent: Mention | None = None
    speaker: SpeakerRef | None = None


# ---------------------------------------------------------------- quote marks


def _paragraph_ends(text: str) -> list[int]:
    ends = []
    i = text.find("\n")
    while i >= 0:
        ends.append(i)
        i = text.find("\n", i + 1)
    ends.append(len(text))
    return ends


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _mark_role(text: str, m: re.Match) -> str:
    """ "open" or "close", from the glyph and its neighbours: a mark after a space before a word opens."""
    g = m.group()
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    opens_ctx = (_is_space(before) or before in "([{—–-/") and not _is_space(after)
    closes_ctx = not _is_space(before) and (_is_space(after) or after in ".,;:!?)]}—–-…" or after in _QUOTE_CHARS)
    if g in _OPEN_GLYPHS:
        return "close" if closes_ctx and not opens_ctx else "open"
    if g in _CLOSE_GLYPHS:
        return "open" if opens_ctx and not closes_ctx else "close"
    if opens_ctx and not closes_ctx:
        return "open"
    if closes_ctx and not opens_ctx:
        return "close"
    return "open" if _is_space(before) else "close"


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Spans of double-quoted passages, marks included, as (start, end, closed).

    An open quote continues into the next paragraph only when that paragraph opens with a mark; otherwise it ends
    at its paragraph end (closed=False) so an unbalanced mark cannot run on.
    """
    out: list[tuple[int, int, bool]] = []
    para_ends = _paragraph_ends(text)
    pi = 0
    open_at = -1
    paras_open = 0
    for m in _DOUBLE.finditer(text):
        pos = m.start()
        while para_ends[pi] < pos:
            # A paragraph ends while a quote is open.
            if open_at >= 0:
                nxt = _next_paragraph_start(text, para_ends[pi])
                continues = (
                    nxt < len(text) and _DOUBLE.match(text, nxt) is not None and paras_open < MAX_QUOTE_PARAGRAPHS
                )
                if not continues or nxt - open_at > MAX_QUOTE_CHARS:
                    out.append((open_at, _rstrip(text, open_at, para_ends[pi]), False))
                    open_at = -1
                else:
                    paras_open += 1
            pi += 1
        role = _mark_role(text, m)
        if open_at < 0:
            if role == "open":
                open_at, paras_open = pos, 0
        elif role == "close":
            out.append((open_at, m.end(), True))
            open_at = -1
        elif _at_paragraph_start(text, pos) and paras_open > 0:
            pass  # the conventional re-opening mark of a continued quote
    if open_at >= 0:
        end = para_ends[pi] if pi < len(para_ends) else len(text)
        out.append((open_at, _rstrip(text, open_at, end), False))
    return [(s, e, c) for s, e, c in out if e > s + 1]


def _next_paragraph_start(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def _at_paragraph_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    return k < 0 or text[k] == "\n"


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _word_count(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text, s, e))


def _is_title(text: str, s: int, e: int) -> bool:
    """A title of a work or a name in quotes ("Shark Tank"): every word capitalised."""
    words = _WORD.findall(text, s, e)
    content = [w for w in words if w.lower() not in FUNCTION_WORDS or w[0].isupper()]
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in content) and len(words) <= 8


# ---------------------------------------------------------------- cues


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
    out = [(m.start(1), m.end(), m.group(1)) for m in _CUE_WORD.finditer(low)]
    m = _CUE_AT_START.match(low)
    if m is not None:
        out.insert(0, (0, m.end(), m.group()))
    return out


def _cues(
    text: str, low: str, s: int, e: int, inside: list[tuple[int, int, bool]], words: list[tuple[int, int, str]]
) -> list[_Cue]:
    """Reporting cues in text[s:e], from the article's candidate words."""
    out = []
    # Indexed from the sentence's first word, not sliced: a slice would copy the rest of the article's words
    # for every sentence.
    for i in range(bisect.bisect_left(words, (s, -1, "")), len(words)):
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
            end = mm.end()
        else:
            base = _FORM_TO_BASE.get(word)
            if base is None:
                continue
            end = we
        if start and low[start - 1].isalnum() or end < len(low) and (low[end].isalnum() or low[end] in "’'-"):
            continue  # part of a longer word or name ("Said-Ahmed", "says’")
        if any(qs < start < qe for qs, qe, _ in inside):
            continue
        if text[start].isupper() and start > s and base != "according":
            continue  # "Said" inside a name or a title
        out.append(_Cue(start, end, base))
    return out


_NEXT_WORD = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*([\w’'-]+)")
_TO_AUDIENCE = re.compile(r"\s*(?:reporters|journalists|the|a|an|his|her|their|[A-Z])")
# The patterns of the functions below, compiled once rather than looked up in `re`'s cache at every call.
_AFTER_CUE = re.compile(r"[ \t\xa0]*([:,])?[ \t\xa0]*(\n\s*)?")
_EXPRESSED_ABOUT = re.compile(r"\s+(?:about|over|at|that|for|with|regarding)\b")
_CONTENT_WORD = re.compile(r"\s*(?:that|to|how|what|why|whether)\b")
_THAT_SOON = re.compile(r"[^,;.“”\"]{0,40}?\bthat\b")
_CONTENT_OPENER = re.compile(r"\s*,?\s*(that|to|how|what|why|whether|if|when|where)\b")
_FIRST_WORD_OF = re.compile(r"[\w’'$-]+")
_FIRST_LETTERS = re.compile(r"\W*([A-Za-z]+)")


def _skip_adverbials(text: str, pos: int, hi: int) -> int:
    """Position after time and place phrases between a cue and its content ("said on Wednesday in a statement").

    Determiners and nouns are only stepped over inside a prepositional phrase, so "said the talks …" keeps
    "the talks" as the start of its content."""
    k = pos
    in_pp = False
    while True:
        m = _NEXT_WORD.match(text, k, hi)
        if not m:
            return k
        w = m.group(1)
        wl = w.lower()
        if wl == "that":
            return k
        if wl in _PREP:
            if wl == "to" and not _TO_AUDIENCE.match(text[m.end() : m.end() + 14]):
                return k
            in_pp = True
        elif wl in _DEICTIC and not _TIME_NOUN_NEXT.match(text, m.end(), hi):
            return k  # "claimed this is a move": "this" opens the content unless a time noun follows
        elif wl in _ADVERB_TIME or wl.endswith("ly") and len(wl) > 4:
            if wl in TIME_WORDS:
                in_pp = False  # "said on Friday the United States is …": the phrase ends at its time noun
        elif in_pp and (
            wl in DETERMINERS or wl in _ADVERB_NOUNS or w[0].isupper() or wl.endswith(("’s", "'s")) or wl.isdigit()
        ):  # a number only inside a phrase ("on 3 March"): "said 7 people were hurt" reports the 7
            pass
        else:
            return k
        k = m.end()


def _content_after(text: str, cue: _Cue, s: int, e: int, quotes: list[tuple[int, int, bool]]) -> tuple[int, int] | None:
    """The reported content that follows a cue, or None when the cue is not followed by one."""
    pos = cue.end
    n = len(text)
    m = _AFTER_CUE.match(text, pos)
    assert m is not None  # every part of the pattern is optional: it matches, if only the empty string
    colon = m.group(1) == ":"
    after = m.end()
    if m.group(2) and not colon:
        return None
    q = _quote_at(quotes, after)
    if q is not None and (m.group(1) or colon):
        return q[0], q[1]
    if colon:
        if m.group(2):  # "Caddell continued:" and the quote in the next paragraph
            pe = text.find("\n", after)
            return (after, _rstrip(text, after, pe if pe >= 0 else n)) if after < n else None
        return (after, _trim_end(text, after, e)) if e > after else None
    if m.group(1) == ",":
        return None
    if cue.base == "according":
        return None
    if cue.base == "express":
        m2 = _EXPRESSED_ABOUT.match(text, pos, e)
        return (m2.start() + 1, _content_end(text, m2.start() + 1, s, e, cue, quotes)) if m2 else None
    k = pos
    if cue.base in OBJECT_VERBS:
        mo = _OBJECT.match(text, pos, e)
        if mo and mo.end() > pos and not _CONTENT_WORD.match(text[pos : pos + 10]):
            k = mo.end()
    k0 = k
    k = _skip_adverbials(text, k, e)
    mc = _COMMA.match(text, k, e)
    if mc and k > pos:
        q = _quote_at(quotes, mc.end())
        if q is not None:
            return q[0], q[1]  # 'wrote on Twitter, "…"', 'told Wikinews, "…"'
    if cue.base in QUOTE_ONLY_VERBS:
        return None
    if k > k0:
        mj = _THAT_SOON.match(text, k, e)
        if mj:
            k = mj.end() - 4
    mt = _CONTENT_OPENER.match(text, k, e)
    if mt:
        word = mt.group(1)
        if word == "to" and cue.base not in TO_VERBS:
            return None
        if word in ("how", "what", "why", "whether", "if", "when", "where") and cue.base not in WH_VERBS:
            if word in ("when", "if", "where"):
                return None
        start = mt.start(1)
        if cue.base in OBJECT_VERBS and word == "to":
            start = _first_nonspace(text, pos)  # "urged X to …": the content takes in whom it urges
        return start, _content_end(text, start, s, e, cue, quotes)
    start = _first_nonspace(text, k)
    if start >= e:
        return None
    q = _quote_at(quotes, start)
    if q is not None:
        return q[0], max(q[1], _content_end(text, start, s, e, cue, quotes))
    first = _FIRST_WORD_OF.match(text, start, e)
    if not first:
        return None
    w = first.group()
    wl = w.lower()
    if wl in _AUX:
        return None  # "Everything Trump says is a lie": the cue sits in a relative clause
    if wl in _CLAUSE_OPENERS and cue.base not in WEAK_VERBS and _finite_soon(text, first.end(), e):
        # "she said as a teenager she was forced …": the content opens with a subordinate clause
        end = _content_end(text, start, s, e, cue, quotes)
        return (start, end) if _word_count(text, start, end) >= 4 else None
    clause_start = (
        wl in ("he", "she", "they", "we", "i", "it", "there", "this", "that", "these", "those")
        or w[0].isupper()
        or w[0].isdigit()
        or wl in DETERMINERS
        or wl in ("no", "nobody", "everyone")
    )
    if not clause_start and cue.base not in NP_VERBS:
        if cue.base in WEAK_VERBS or cue.base not in ("say", "tell", "claim", "insist", "argue", "warn", "write"):
            return None
        if wl in FUNCTION_WORDS:
            return None
    if cue.base in NP_VERBS and (wl in DETERMINERS or wl not in FUNCTION_WORDS):
        end = _content_end(text, start, s, e, cue, quotes)
        return (start, end) if _word_count(text, start, end) >= 3 else None
    if cue.base in WEAK_VERBS and wl not in ("he", "she", "they", "we", "i", "it", "there"):
        if not _finite_soon(text, start, e):
            return None  # "reported a new mechanism", "found the body": an object, not a clause
    end = _content_end(text, start, s, e, cue, quotes)
    if _word_count(text, start, end) < 3:
        return None
    return start, end


# Past forms that are not "-ed": a clause's verb after its subject ("stated the aircraft overran the runway").
_IRREGULAR_PAST = frozenset(
    """
    was were had did made took gave went came saw found got said told ran overran began became fell rose won lost
    held left kept put set sent spent built broke brought bought caught chose drew drove felt fought flew grew hit
    knew led let meant met paid sank sat spoke stood struck swore taught thought threw understood wore wrote shot
    """.split()
)
_CLAUSE_WORD = re.compile(r"[\w’'-]+|[;:.!?“”\"(]")
_FINITE_AUX = _AUX - {"be", "been", "being", "do"}


def _skip_space(text: str, k: int) -> int:
    while k < len(text) and text[k] in " \t\xa0":
        k += 1
    return k


def _finite_soon(text: str, start: int, e: int) -> bool:
    """A finite verb within the first words of what follows a cue, after at least one word of subject: "reported
    the cockpit voice recorder was recovered" is a clause (a report), "reported a new mechanism" an object."""
    prev = ""
    for n, m in enumerate(_CLAUSE_WORD.finditer(text, start, min(e, start + 120))):
        w = m.group().lower()
        if w in ';:.!?“”"(' or n > 12:
            return False
        if n and (w in _FINITE_AUX or w in _IRREGULAR_PAST):
            return True
        if n and w.endswith("ed") and len(w) > 4 and prev not in DETERMINERS and prev not in _PREP:
            after = _CLAUSE_WORD.match(text, _skip_space(text, m.end()))
            nxt = after.group().lower() if after else "."
            if nxt in FUNCTION_WORDS or nxt in DETERMINERS or nxt in PRONOUNS or not nxt[0].isalnum():
                return True  # "recommended the troops withdraw"; not "accredited reporter", an adjective
        prev = w
    return False


def _first_nonspace(text: str, k: int) -> int:
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    return k


def _quote_at(quotes: list[tuple[int, int, bool]], pos: int) -> tuple[int, int, bool] | None:
    for q in quotes:
        if q[0] == pos:
            return q
        if q[0] > pos:
            break
    return None


_CUT = re.compile(
    r",\s+(?:" + "|".join(_CONTINUATIONS) + r"|according\s+to|while|whereas|but\s+(?:added|said|noted)|"
    r"(?:he|she|they|it)\s+(?:said|added|says|noted|wrote|told)\b)|;\s|\s+[—–]\s+(?:" + "|".join(_CONTINUATIONS) + ")"
)


def _content_end(text: str, start: int, s: int, e: int, cue: _Cue, quotes) -> int:
    """Where reported content ends: the sentence end, before a trailing ", adding …" or ", he said", and at the
    first comma when the attribution itself is a subordinate clause ("Though X stressed that …, Y …")."""
    end = e
    # A quote opened inside the content carries it to the quote's end, even across sentences.
    for qs, qe, _ in quotes:
        if start <= qs < end and qe > end:
            end = qe
    m = _CUT.search(text, start, end)
    if m and not _inside(quotes, m.start()):
        end = m.start()
    if _subordinate(text, s, cue.start):
        k = text.find(",", start, end)
        while k >= 0 and _inside(quotes, k):
            k = text.find(",", k + 1, end)
        if k > start:
            end = k
    return _trim_end(text, start, end)


def _inside(quotes, pos: int) -> bool:
    return any(qs < pos < qe - 1 for qs, qe, _ in quotes)


def _subordinate(text: str, s: int, cue_start: int) -> bool:
    m = _FIRST_LETTERS.match(text, s, cue_start)
    return m is not None and m.group(1).lower() in _SUBORDINATORS and "," not in text[m.end() : cue_start]


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and the sentence's own stop, but keep a stop that sits inside closing marks."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in _FINAL_PUNCT):
        end -= 1
    return end


def _content_before(text: str, s: int, upto: int, quotes) -> tuple[int, int] | None:
    """Content that precedes its attribution ("…, sources said", "“…,” Akar said"): from the sentence (or the
    quote) start to the comma or closing mark just before the attribution."""
    k = upto
    while k > s and text[k - 1].isspace():
        k -= 1
    if k <= s:
        return None
    ch = text[k - 1]
    for qs, qe, _ in quotes:
        if qe == k or (qe == k - 1 and ch in ",—–"):
            return qs, qe
    if ch not in ",—–":
        return None
    end = _trim_end(text, s, k - 1)
    start = s
    for qs, qe, _ in quotes:
        if qs < s < qe:  # the sentence began inside a quote that the splitter cut at an inner full stop
            start = qs
    if _word_count(text, start, end) < 3:
        return None
    return start, end


# ---------------------------------------------------------------- attribution


def _attribute(text: str, cue: _Cue, s: int, e: int, quotes, prev: _Raw | None) -> _Raw | None:
    """Turn one cue into a raw quote: find its speaker on either side and its content on either side."""
    if cue.base == "according":
        return _according(text, cue, s, e, quotes)
    mention, negated = subject_before(text, s, cue.start)
    if negated:
        return None
    before = text[s : cue.start].rstrip()
    # Both patterns below end in `$` and match a word of at most five letters (`before` ends in no space): only
    # its last characters need searching, not the whole sentence so far.
    tail = max(0, len(before) - 8)
    if mention is not None and _NOUN_BEFORE.search(before, tail):
        return None  # "Editor’s note", "a claim": the cue word is a noun here
    if (
        mention is None
        and _BARE_VP.search(before, tail)
        and (before.endswith(("and", "then", "but")) or text[cue.start : cue.end].endswith("ing"))
    ):
        # "…, adding that", "X did Y and said": the clause carries on with the sentence's subject.
        mention = (
            prev.mention if prev is not None and prev.mention is not None else _sentence_subject(text, s, cue.start)
        )
    if mention is None:
        mention = subject_after(text, cue.end, e)
        if mention is None:
            return None
        content = _content_before(text, s, cue.start, quotes)
        if content is None and _NO_WORDS.match(text[s : cue.start]):
            # "Said Ellis: “…”" — the inverted attribution opens the sentence.
            content = _content_after(text, _Cue(cue.start, mention.end, "say"), s, e, quotes)
            if content is None or content[0] < mention.end:
                return None
            return _Raw(content[0], content[1], "", cue.start, cue.end, mention)
        if content is None:
            return None
        end = _forward_quote(text, mention.end, e, quotes, content)
        return _Raw(content[0], end, "", cue.start, cue.end, mention)
    antecedent = None
    if mention.kind == "relative":
        antecedent, _ = subject_before(text, s, mention.start)
    back = _content_before(text, s, mention.start, quotes)
    if back is not None and _quote_at(quotes, back[0]) is not None and text[back[1] - 1] in _QUOTE_CHARS:
        content = back[0], _forward_quote(text, cue.end, e, quotes, back)
    elif back is not None and _framing(text, back[0]):
        content = _content_after(text, cue, s, e, quotes)
    elif _COMMA_END.search(text[s : mention.start]) and _parenthetical(text, cue, e):
        content = s, _content_end(text, s, s, e, cue, quotes)  # "The deal, he said, is dead."
    elif back is not None and _forward_quote(text, cue.end, e, quotes, back) > back[1]:
        content = back[0], _forward_quote(text, cue.end, e, quotes, back)  # "…, Mr. Barrett said, “we were …”"
    elif back is not None and _circumstance_only(text, cue, e):
        # "…, the minister said in a written answer to parliament.": the phrase is a circumstance. A clause
        # coordinated after it ("…, the agency said in a report, and …") continues the content, which then spans
        # the attribution as in "The deal, he said, is dead."
        more = _COORDINATED_AFTER.match(text, cue.end, e)
        content = (back[0], _content_end(text, back[0], s, e, cue, quotes)) if more else back
    else:
        content = _content_after(text, cue, s, e, quotes)
        if content is None and back is not None and _ends_sentence(text, cue, e):
            content = back
    if content is None or content[1] <= content[0]:
        return None
    return _Raw(content[0], content[1], "", cue.start, cue.end, mention, antecedent)


_BARE_VP = re.compile(r"(?:,|\band|\bthen|\bbut)\s*$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their|this|that|whose))$", re.IGNORECASE)
_NO_WORDS = re.compile(r"\W*$")
_COMMA_END = re.compile(r",\s*$")
_COORDINATED_AFTER = re.compile(r"[^,;]*,\s+(?:and|but)\s+\w")


def _sentence_subject(text: str, s: int, pos: int) -> Mention | None:
    """The first noun phrase of the sentence, when it names someone (or is a pronoun)."""
    return _first_named(
        text,
        tokens(text, s, pos),
        pos,
        lambda w: not w[:1].isalnum() or w.lower() in ("and", "but", "so", "yet", "then"),
    )


_SPEAKER_KINDS = frozenset(("person", "organisation", "country", "pronoun", "role"))


def _first_named(text: str, toks, pos: int, skip) -> Mention | None:
    """The noun phrase at the first token `skip` lets through, when it names someone (or is a pronoun)."""
    i = 0
    while i < len(toks) and skip(toks[i][2]):
        i += 1
    if i >= len(toks):
        return None
    m = subject_after(text, toks[i][0], pos)
    return m if m is not None and m.kind in _SPEAKER_KINDS else None


_COMMA = re.compile(r"\s*,\s*")


def _forward_quote(text: str, pos: int, e: int, quotes, content: tuple[int, int]) -> int:
    """“A,” he said, “B.” — a quote that resumes right after the attribution belongs to the same content."""
    k = _skip_adverbials(text, pos, e)
    m = _COMMA.match(text, k)
    if m:
        q = _quote_at(quotes, m.end())
        if q is not None:
            return q[1]
    return content[1]


_FRAMING = frozenset(
    "during in at on after before despite though although while when since as following amid asked speaking "
    "for with without unlike like by from under".split()
)


def _framing(text: str, start: int) -> bool:
    """A sentence-opening phrase that frames the attribution ("During his years in office, X said …")."""
    m = _FIRST_LETTERS.match(text, start)
    if not m:
        return False
    w = m.group(1).lower()
    return w in _FRAMING or (w.endswith("ing") and len(w) > 5 and m.group(1)[0].isupper())


_ONLY_STOPS = re.compile(r"[\s.!?;:)\]]*$")
_WHO_AFTER = re.compile(r"\s*,\s*(?:who|which)\b")


def _ends_sentence(text: str, cue: _Cue, e: int) -> bool:
    """Only adverbials (or a "who …" clause about the speaker) follow the cue up to the sentence end."""
    k = _skip_adverbials(text, cue.end, e)
    return _ONLY_STOPS.match(text[k:e]) is not None or _WHO_AFTER.match(text, k) is not None


_CIRCUMSTANCE = re.compile(
    r"[ \t\xa0]*,?[ \t\xa0]+(?:in|at|on|during|after|before|via|through|with|from|over|while|when|"
    r"following|ahead|amid|outside|inside|to|late|early|last|this|earlier|later|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b",
    re.IGNORECASE,
)


def _circumstance_only(text: str, cue: _Cue, e: int) -> bool:
    """After the cue (and the object of "told"), only circumstances run to the sentence end: "said in a
    statement on Monday", "told reporters in Ankara", "said during a visit to the port". No "that", colon or
    quote mark follows, so the report's content is the clause before the attribution."""
    if cue.base not in _PLAIN_SAY:
        return False  # "insist on", "agree with", "respond to": the preposition is the verb's complement
    k = cue.end
    if cue.base in OBJECT_VERBS:
        mo = _OBJECT.match(text, k, e)
        if mo:
            k = mo.end()
    rest = text[k:e]
    if not rest.strip(" \t\xa0.!?)"):
        return False  # nothing follows: the existing rules handle it
    if _CIRCUMSTANCE.match(rest) is None:
        return False
    return _CONTENT_MARK.search(rest) is None


# What shows that content follows after all: a "that" opening a clause (not "that is"), a colon, a quote mark.
_CONTENT_MARK = re.compile(r"\bthat\b(?!\s+(?:" + "|".join(_AUX) + r")\b)|[:“”\"«»]|\n")

# Reporting verbs whose prepositional phrases are circumstances (where, when, in what medium), not complements.
_PLAIN_SAY = frozenset(
    "say tell add write note explain stress warn announce confirm state declare reiterate acknowledge admit "
    "predict claim argue concede tweet post estimate report".split()
)


def _parenthetical(text: str, cue: _Cue, e: int) -> bool:
    """ "The deal, he said, is dead": the attribution sits between commas inside its content."""
    k = _skip_adverbials(text, cue.end, e)
    if text[k : k + 1] != ",":
        return False
    if _CIRCUMSTANCE_AFTER_COMMA.match(text, k):
        return False  # "…, an official said on Tuesday, weeks after the vote.": a circumstance, not more content
    return not _QUOTE_AFTER_COMMA.match(text, k)


_QUOTE_AFTER_COMMA = re.compile(r",\s*[“\"«„]|,\s*''")
_CIRCUMSTANCE_AFTER_COMMA = re.compile(
    r",\s*(?:(?:a|one|two|three|several|some|just|only|hours?|days?|weeks?|months?|years?|minutes?|shortly|"
    r"moments?|soon|long)\s+)*(?:after|before|as|while|when|amid|following|despite|ahead|citing|during|"
    r"according|adding|noting|saying|without|hours|days|weeks|months)\b",
    re.IGNORECASE,
)


def _according(text: str, cue: _Cue, s: int, e: int, quotes) -> _Raw | None:
    """ "according to X, …" puts the content after the source; "…, according to X" before it."""
    mention = subject_after(text, cue.end, e)
    if mention is None:
        return None
    after = text.find(",", mention.end, e)
    if cue.start - s < 3 or _NO_WORDS.match(text[s : cue.start]):
        if after < 0:
            return None
        start = _first_nonspace(text, after + 1)
        end = _content_end(text, start, s, e, cue, quotes)
        return _Raw(start, end, "", cue.start, cue.end, mention) if end > start else None
    content = _content_before(text, s, cue.start, quotes)
    if content is None and after >= 0 and _COMMA_END.search(text, s, cue.start) and not _has_clause(text, s, cue.start):
        # "Longer term, according to NASA, the goal is …": only a lead-in before it, the content after it
        start = _first_nonspace(text, after + 1)
        end = _content_end(text, start, s, e, cue, quotes)
        return _Raw(start, end, "", cue.start, cue.end, mention) if _word_count(text, start, end) >= 3 else None
    if content is None:
        return None
    return _Raw(content[0], content[1], "", cue.start, cue.end, mention)


def _has_clause(text: str, s: int, e: int) -> bool:
    """text[s:e] holds a clause (four words or more), not only a lead-in ("Longer term,", "Potentially,")."""
    return _word_count(text, s, e) >= 4


def _kind(text: str, start: int, end: int, quotes) -> str:
    inner = [q for q in quotes if q[0] >= start and q[1] <= end + 1]
    if not inner:
        return "indirect"
    if inner[0][0] <= start + 1 and inner[-1][1] >= end - 1:
        return "direct"
    return "partial"


# ---------------------------------------------------------------- quotes without a cue of their own


_VERBISH = re.compile(
    r"(?:has|have|had|is|was|were|are|\w+ed|\w+es|\w+s|said|told|wrote|read|thought|sang|spoke|"
    r"took|gave|made|put|saw|felt|went|came|says|tells|writes|reads)$"
)
_BOUNDARY_WORDS = frozenset("that which who whom because since while when so whether if although though".split())


def _clause_subject(text: str, s: int, pos: int) -> tuple[Mention, int, int] | None:
    """The named subject and verb of the clause holding a quoted fragment ("the US has opposed … “…”")."""
    k = max(text.rfind(",", s, pos), text.rfind(";", s, pos))
    lo = k + 1 if k >= 0 else s
    m = _first_named(
        text,
        tokens(text, lo, pos),
        pos,
        lambda w: w.lower() in _SUBORDINATORS or w.lower() in ("and", "but", "so", "yet"),
    )
    if m is None:
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


def _fragment(text: str, s: int, qs: int, qe: int) -> _Raw | None:
    """A quoted phrase inside a clause with a named subject: "Obama called the holiday “a celebration …”".

    The content runs from the verb's object to the quote when the quote completes that verb phrase, and is the
    quote alone when a clause boundary lies between (so a scare-quoted word deep in a sentence stays small)."""
    found = _clause_subject(text, s, qs)
    if found is None:
        return None
    m, vs, ve = found
    gap = tokens(text, ve, qs)
    start = qs
    if len(gap) <= 8 and not any(w.lower() in _BOUNDARY_WORDS or not w[:1].isalnum() for _, _, w in gap):
        start = _first_nonspace(text, ve)
    elif _word_count(text, qs, qe) < 3:
        return None  # a scare-quoted word far from the verb
    return _Raw(start, qe, "partial", vs, ve, m)


_DASH_NAME = re.compile(r"[ \t\xa0]*(?:[―—–]|--)[ \t\xa0]*((?:[A-Z][\w’'.-]*[ \t\xa0]*){1,5})")


def _dash_attribution(text: str, qe: int) -> Mention | None:
    """“…” ― Jane Doe: a name after a dash under a quote (listicles, readers' comments, epigraphs)."""
    m = _DASH_NAME.match(text, qe)
    if not m:
        return None
    rest = text[m.end(1) : m.end(1) + 3]
    if rest and rest[0] not in "\n.,;" and not rest.startswith(" ") and m.end(1) < len(text):
        return None
    toks = tokens(text, m.start(1), m.end(1))
    toks = [t for t in toks if t[2] not in (".",)]
    return subject_after(text, m.start(1), m.end(1)) if toks else None


def _post_quote(text: str, qe: int) -> tuple[Mention, int, int] | None:
    """“…,” Vitter demanded. / “…” the article read. — any verb right after a quote, with its subject."""
    lim = len(text)
    for ch in '\n.!?;“"':
        k = text.find(ch, qe + 1, qe + 120)
        if k >= 0:
            lim = min(lim, k)
    if lim == len(text) or lim - qe > 110:
        return None
    seg = tokens(text, qe, lim)
    words = [t for t in seg if t[2][:1].isalnum()]
    if len(words) < 2 or len(words) > 12:
        return None
    first = words[0]
    if _VERBISH.match(first[2]) and first[2].islower():
        m = subject_after(text, first[1], lim)
        if m is not None and m.kind != "pronoun" or m is not None and m.text.lower() in ("he", "she", "they"):
            return m, first[0], first[1]
        return None
    for vs, ve, w in words[1:]:
        if w.islower() and _VERBISH.match(w):
            m, neg = subject_before(text, qe, vs)
            if m is not None and not neg and m.start <= words[0][0] + 1:
                return m, vs, ve
            return None
    return None


def _attach_loose(text: str, raws: list[_Raw], quotes, spans: list[tuple[int, int]]) -> list[_Raw]:
    """Direct quotes that no cue claimed: a speaker in the next sentence, a continuation after a mid-quote
    attribution, a fragment whose clause has a named subject, or a whole quoted paragraph by the last speaker."""
    covered = [(r.start, r.end) for r in raws]
    by_start = sorted(raws, key=lambda r: r.start)
    out = list(raws)
    for qs, qe, _closed in quotes:
        if any(a <= qs + 1 and qe - 1 <= b for a, b in covered) or any(a < qe and qs < b for a, b in covered):
            continue
        words = _word_count(text, qs, qe)
        prev = _previous(by_start, qs)
        if prev is not None and _continues(text, prev, qs):
            prev.end = qe
            prev.kind = "direct"
            covered.append((prev.start, qe))
            continue
        s = _sentence_start(spans, qs)
        full = _NO_WORDS.match(text[s:qs]) is not None
        r = None
        if full and words >= 2:
            dash = _dash_attribution(text, qe)
            post = None if dash else _post_quote(text, qe)
            if dash is not None:
                r = _Raw(qs, qe, "direct", None, None, dash)
            elif post is not None:
                r = _Raw(qs, qe, "direct", post[1], post[2], post[0])
        if r is None and not full and not _is_title(text, qs + 1, qe - 1):
            r = _fragment(text, s, qs, qe)
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
            covered.append((r.start, r.end))
    return out


def _previous(raws: list[_Raw], pos: int) -> _Raw | None:
    best = None
    for r in raws:
        if r.end <= pos and (best is None or r.end >= best.end):
            best = r
    return best


_STOP_END = re.compile(r"[.,:]\s*$")


def _continues(text: str, prev: _Raw, qs: int) -> bool:
    """“A,” he said. “B” — the second part follows the attribution sentence in the same paragraph."""
    if prev.kind != "direct" or prev.cue_start is None or prev.cue_start < prev.end:
        return False
    gap = text[prev.cue_end : qs]
    return "\n" not in gap and len(gap) < 250 and not any(c in gap for c in '“”"') and _STOP_END.search(gap) is not None


def _sentence_start(spans: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return spans[lo - 1][0] if lo else 0


def _colon_lead(text: str, raw: _Raw, quotes) -> None:
    """A cue at a paragraph end with a colon takes the quote in the next paragraph whole, across paragraphs."""
    q = _quote_at(quotes, raw.start)
    if q is not None and q[1] > raw.end:
        raw.end = q[1]


# ---------------------------------------------------------------- entry point


def _clean_spans(text: str, spans) -> list[tuple[int, int]]:
    n = len(text)
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


def find_quotes_raw(text: str, sentence_spans: list[tuple[int, int]] | None = None) -> list[Quote]:
    """`find_quotes` without its safety net, so that tests see any exception."""
    if not isinstance(text, str) or not text.strip():
        return []
    spans = _clean_spans(text, sentence_spans if sentence_spans is not None else _sentences(text))
    quotes = quote_spans(text)
    low = _lower(text)
    words = _cue_words(low)
    raws: list[_Raw] = []
    for s, e in spans:
        prev = None
        taken: list[tuple[int, int]] = []
        for cue in _cues(text, low, s, e, quotes, words):
            if any(a <= cue.start < b for a, b in taken):
                if prev is None or not _coordinated(text, prev, cue, s):
                    continue
                taken = [(a, prev.end) if b > prev.end else (a, b) for a, b in taken]
            raw = _attribute(text, cue, s, e, quotes, prev)
            if raw is None:
                continue
            _colon_lead(text, raw, quotes)
            if any(r.start == raw.start and r.end == raw.end for r in raws):
                continue
            raws.append(raw)
            taken.append((raw.start, raw.end))
            prev = raw
    for r in raws:
        r.kind = _kind(text, r.start, r.end, quotes)
    raws = [
        r
        for r in raws
        if not (r.kind == "direct" and _word_count(text, r.start, r.end) <= 6 and _is_title(text, r.start, r.end))
        and not _writers_voice(text, r, quotes)
    ]
    raws = _attach_loose(text, raws, quotes, spans)
    raws = _drop_nested(raws)
    _resolve(text, raws)
    return _to_quotes(text, raws)


_FIRST_PERSON = frozenset(("i", "we"))


def _writers_voice(text: str, raw: _Raw, quotes) -> bool:
    """ "In our testing we found that …": "I" or "we" outside any quote mark is the writer speaking, not a
    source being quoted."""
    m = raw.mention
    return (
        m is not None
        and m.kind == "pronoun"
        and m.text.lower() in _FIRST_PERSON
        and not any(qs <= m.start < qe for qs, qe, _ in quotes)
    )


_COORD = re.compile(r"(?:,\s*|\s+)(?:but|and|while|whereas|although|though)\s*$")


def _coordinated(text: str, prev: _Raw, cue: _Cue, s: int) -> bool:
    """ "X said A, but he noted B" / "X said A and said B": a second report coordinated inside the first one's
    content ends that content and starts its own (the previous one is cut in place)."""
    if not (prev.start < cue.start < prev.end) or _inside_quote_span(text, prev, cue.start):
        return False
    mention, negated = subject_before(text, s, cue.start)
    anchor = mention.start if mention is not None else cue.start
    m = _COORD.search(text, max(prev.start, anchor - 12), anchor)
    if m is None or negated or m.start() <= prev.start:
        return False
    prev.end = _trim_end(text, prev.start, m.start())
    return prev.end > prev.start


def _inside_quote_span(text: str, raw: _Raw, pos: int) -> bool:
    return text.count("“", raw.start, pos) > text.count("”", raw.start, pos) or text.count('"', raw.start, pos) % 2 == 1


def _lower(text: str) -> str:
    """Lower-cased text with the same length, so offsets found in it index the original ("İ" lowers to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _drop_nested(raws: list[_Raw]) -> list[_Raw]:
    """A content that lies inside another one (a quote inside a report of it) is kept once, as the outer."""
    raws = sorted(raws, key=lambda r: (r.start, -r.end))
    out: list[_Raw] = []
    for r in raws:
        if out and r.start >= out[-1].start and r.end <= out[-1].end:
            continue
        out.append(r)
    return out


def _resolve(text: str, raws: list[_Raw]) -> None:
    resolver = Resolver(text)
    for r in sorted(raws, key=lambda r: r.mention.start if r.mention else r.start):
        if r.mention is not None:
            r.speaker = resolver.resolve(r.mention, r.antecedent)
    for r in raws:
        if r.speaker is not None:
            r.speaker.aliases = [a for a in resolver.aliases(r.speaker.name) if a != r.speaker.mention]


_HAS_WORD = re.compile(r"\w")


def _to_quotes(text: str, raws: list[_Raw]) -> list[Quote]:
    out = []
    seen: dict[str, int] = {}
    for r in sorted(raws, key=lambda r: (r.start, r.end)):
        qtext = text[r.start : r.end]
        if not _HAS_WORD.search(qtext):
            continue  # quote marks with nothing inside them
        if r.speaker is not None:
            # The mention as written (a mention is assembled from tokens, which may have dropped spacing).
            r.speaker.mention = text[r.speaker.start : r.speaker.end]
        qid = item_id("q", qtext)
        seen[qid] = seen.get(qid, 0) + 1
        if seen[qid] > 1:
            qid = f"{qid}-{seen[qid]}"
        cue = text[r.cue_start : r.cue_end] if r.cue_start is not None else None
        out.append(Quote(qid, r.kind, qtext, r.start, r.end, cue, r.speaker, r.cue_start, r.cue_end))
    return out


def find_quotes(text: str, sentence_spans: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All quotes of an article, sorted by start; never raises (a broken article yields no quotes, not a crash)."""
    try:
        return find_quotes_raw(text, sentence_spans)
    except Exception:  # noqa: BLE001 - one odd article must not stop a batch; tests call find_quotes_raw
        return []
