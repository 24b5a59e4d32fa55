"""Named entities: people, organisations, countries, weapons systems and laws, acronyms joined to expansions.

Capitalised word sequences plus short keyword lists, not a tagger: a statistical NER model would blow the
budget of about 2 ms per article many times over, and what a claim needs is which actors and laws it names,
with "SSB" and "Presidency of Defence Industries (SSB)" counted as one.
"""

from __future__ import annotations

import re

from tracker.extraction.aliases import load_aliases
from tracker.extraction.aliases import resolve_alias as _resolve_alias
from tracker.extraction.letters import caps
from tracker.records import Entity

LAW_WORDS = frozenset(
    "Act Law Treaty Bill Convention Accord Accords Amendment Protocol Code Directive Charter "
    "Resolution Statute Ordinance Decree Regulation Regulations Constitution".split()
)
ORG_WORDS = frozenset(
    """Ministry Agency Council Party Inc Inc. Ltd Ltd. LLC Corp Corp. Corporation Company Co University College
    Department Committee Commission Bank Group Association Institute Organization Organisation Union Court
    Parliament Congress Senate House Assembly Presidency Office Bureau Board Service Services Forces Force Army
    Navy Police Industries Federation Foundation Fund Administration Authority Alliance Coalition Front
    Movement Network Times Post News Agency Church Airlines Airways Holdings Technologies Systems Motors
    Guard Command Directorate Secretariat Cabinet Government Tribunal School Hospital League Club Society
    Centre Center Reserve Treasury Pentagon Kremlin NATO""".split()
)
TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Prof Professor President Minister Secretary Senator Sen Governor Gov General Gen
    Chancellor King Queen Prince Princess Judge Justice Mayor Ambassador Chairman Chairwoman Chair Director
    Spokesman Spokeswoman Spokesperson Sheikh Pope Archbishop Bishop Representative Rep Colonel Col Captain
    Lieutenant Admiral Commander Sir Dame Lord Lady Premier Vice Deputy Chief Leader Speaker Sergeant Officer""".split()
)
# Capitalised words that open sentences or name times rather than things.
STOP = frozenset(
    """The A An This That These Those In On At For But And Or Nor If When While Though Although As After Before
    Since Because So Hence Thus However Meanwhile Moreover Furthermore Also Last Next Over Under Despite During
    It Its He She We They I You His Her Their Our My Your There Here What Who Whom Whose Why How Where Which
    Yes No Not Now Then Today Yesterday Tomorrow Tonight Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December Jan Feb Mar
    Apr Jun Jul Aug Sep Sept Oct Nov Dec Let Let's Please Well Oh Both
    All Some Many Most Several Each Every Any Such Other Another One Two Three Four Five Six Seven Eight Nine Ten
    First Second Third Finally Further Still Yet Even Only Just Instead Indeed Perhaps Maybe Unlike Like With
    Without From To By Of Into Through Against Between Among Around About Above Below Within Upon Once Unless
    Until Whether Either Neither Do Does Did Is Are Was Were Be Been Have Has Had Will Would Could Should May
    Might Must Can Shall According Earlier Later Already Again Many Much More Less Few Sir Madam OK Okay""".split()
)
NATIONALITIES = frozenset(
    """American British English French German Italian Spanish Turkish Russian Ukrainian Chinese Japanese Korean
    Indian Pakistani Iranian Iraqi Syrian Israeli Palestinian Saudi Egyptian European Asian African Arab Kurdish
    Greek Polish Dutch Swedish Norwegian Danish Finnish Canadian Mexican Brazilian Australian Afghan Cuban
    Venezuelan Nigerian Kenyan Western Eastern Soviet Democratic Republican Democrat Republicans Democrats
    Israeli Lebanese Jordanian Qatari Emirati Yemeni Libyan Belarusian Georgian Armenian Azerbaijani Serbian
    Swiss Austrian Belgian Irish Scottish Welsh Portuguese Czech Hungarian Romanian Bulgarian Vietnamese Thai
    Indonesian Filipino Malaysian Taiwanese Muslim Christian Jewish Catholic Sunni Shia Islamic""".split()
)
WEAPON_NOUNS = re.compile(
    r"\b(?:missiles?|system|systems|jets?|fighters?|aircraft|tanks?|rockets?|bombers?|drones?|helicopters?"
    r"|submarines?|launchers?|programs?|programmes?|defen[cs]e|warships?|frigates?|rifles?|guns?|howitzers?"
    r"|batteries|air|deal|purchase)\b",
    re.IGNORECASE,
)

_TITLE_ABBREVIATIONS = "Mr Mrs Ms Dr Prof Gen Sen Gov Rep St Col Capt Lt Sgt Adm".split()
_CAP = caps(
    rf"(?:(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.(?=\s+[A-Z])|[A-Z][\w]*(?:[-'’][A-Z][\w]*)*|[A-Z]\.(?:[A-Z]\.)+)"
)
_CONNECT = r"(?:of|for|the|de|del|da|di|du|la|le|von|van|der|den|al|bin)"
# The first capital of a name is consumed by a plain character class, with the title abbreviations tested by
# lookbehind after it (`_CAP` spelt so): a pattern that opens with a class lets the engine skip straight to the
# next capital letter instead of entering the pattern at every character. Same matches as `_CAP` first.


def _after_first_letter(words: list[str]) -> str:
    """("Mr", "Mrs", "Dr") -> "(?<=M)(?:r|rs)|(?<=D)r": the words, their first letter already consumed."""
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(w[1:])
    return "|".join(f"(?<={k})" + (f"(?:{'|'.join(v)})" if len(v) > 1 else v[0]) for k, v in rests.items())


_CAP_FIRST = caps(
    rf"[A-Z](?:(?:{_after_first_letter(_TITLE_ABBREVIATIONS)})\.(?=\s+[A-Z])|[\w]*(?:[-'’][A-Z][\w]*)*"
    r"|\.(?:[A-Z]\.)+)"
)
ENTITY_RE = re.compile(
    rf"(?P<name>{_CAP_FIRST}(?:(?:['’]s)?\s+(?:{_CONNECT}\s+){{0,2}}{_CAP})*)"
    rf"(?:\s*\((?P<acr>[A-Z][A-Za-z&]{{1,9}})\))?"
)
MODEL_RE = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z]{0,4}-\d{1,4}[A-Z]{0,2}\b")  # `(?<!\w[A-Z])`: `\b` before it
# A name's words are those of an ENTITY_RE match, or a tail of them: each opens with an ASCII capital or is one
# of these (all lower-case). So "every word capitalised" is `_CONNECTORS.isdisjoint(words)`, one set operation
# instead of a generator per name (a test checks the two agree on the words of every match of a sample).
_CONNECTORS = frozenset("of for the de del da di du la le von van der den al bin".split())
_POSSESSIVE_ENDS = ("'s", "’s")
_POSSESSIVE_INSIDE = re.compile(r"['’]s\s")
_OPENERS = frozenset('.!?:;"“”‘’([')


_SKIP_SINGLE = STOP | NATIONALITIES | TITLES
_TRIMMED = STOP | frozenset(("of", "the", "and"))  # an opening word `_trim` drops, as it is
_STOP_OR_TITLE = STOP | TITLES  # one it drops without its stops, or a title
_alias_memo: list = [None, {}]


def resolve_alias(name: str) -> tuple[str, str] | None:
    """aliases.resolve_alias, remembered per name while the alias table stays the same (names repeat a lot)."""
    table = load_aliases()
    if _alias_memo[0] is not table or len(_alias_memo[1]) > 50_000:
        _alias_memo[0], _alias_memo[1] = table, {}
    memo = _alias_memo[1]
    hit = memo.get(name, memo)
    if hit is memo:
        hit = memo[name] = _resolve_alias(name)
    return hit


def _is_sentence_start(text: str, i: int) -> bool:
    """Whether i opens a sentence, judged on the four characters before it: nothing, a stop, colon, quote or
    bracket and spaces, or a line break and spaces."""
    window = text[max(0, i - 4) : i]
    if not window:
        return True
    core = window.rstrip()
    if len(core) < len(window) and "\n" in window[len(core) :]:
        return True
    return bool(core) and core[-1] in _OPENERS


def _kind(name: str, words: list[str], alias: tuple[str, str] | None) -> str:
    """The kind of a name whose alias (resolve_alias) the caller has looked up already."""
    if alias:
        return alias[1]
    if words[-1] in LAW_WORDS:
        return "law"
    if not ORG_WORDS.isdisjoint(words):
        return "organisation"
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return "organisation"
    if 2 <= len(words) <= 4 and _CONNECTORS.isdisjoint(words):  # every word capitalised (see _CONNECTORS)
        return "person"
    return "other"


def _trim(words: list[str]) -> tuple[list[str], bool]:
    """Drop sentence-opening words off the front, and job titles: "Defence Minister Hulusi Akar" is Hulusi Akar,
    and the title says he is a person."""
    while words and (words[0] in STOP or words[0].rstrip(".") in STOP or words[0] in ("of", "the", "and")):
        words = words[1:]
    titled = False
    for i in range(len(words) - 2, -1, -1):
        if words[i].rstrip(".") in TITLES:
            rest = words[i + 1 :]
            if _CONNECTORS.isdisjoint(rest):  # every word capitalised (see _CONNECTORS)
                return rest, True
            break
    return words, titled


def _resolve_name(name: str, kind: str, people: dict[str, str], alias: tuple[str, str] | None) -> tuple[str, str]:
    """A bare surname seen before as part of a full name is that person ("Akar" -> "Hulusi Akar")."""
    if kind in ("person", "other") and " " not in name and name in people:
        return people[name], "person"
    if alias:
        return alias
    return name, kind


def find_entities(text: str, start: int = 0, end: int | None = None) -> list[Entity]:
    """Entities in text[start:end], offsets into `text`, in order; acronyms resolve within the text."""
    end = len(text) if end is None else end
    acronyms: dict[str, tuple[str, str]] = {}
    people: dict[str, str] = {}
    # Whether the text capitalises a word where grammar does not force it, by word.
    capitalised = _Capitalised(text)
    out: list[Entity] = []
    skip = _SKIP_SINGLE
    for m in ENTITY_RE.finditer(text, start, end):
        if m.lastindex == 1:  # no acronym after it
            name = m.group(1)
            if " " not in name:
                if name in skip or name.rstrip(".-'’") in skip or name.rstrip(".") in skip:
                    continue  # "The", "He", "American": one opening word or title alone is never an entity
                if len(name.split()) == 1:  # one word (not "Ankara\nTurkey"): the most common name by far
                    ent = _single(text, m.start(), m.end(), name, acronyms, people, capitalised)
                    if ent is not None:
                        out.append(ent)
                    continue
            else:
                words = name.split()
                # Two words, the first no possessive ("’s " else splits the name: `_pieces`), no opening word and
                # no title (`_trim` would drop it): one piece, nothing to trim, the next most common name.
                if len(words) == 2:
                    first = words[0]
                    if (
                        not first.endswith(_POSSESSIVE_ENDS)
                        and first not in _TRIMMED
                        and first.rstrip(".") not in _STOP_OR_TITLE
                    ):
                        ent = _entity(text, m.start(), m.end(), None, None, acronyms, people, capitalised, True)
                        if ent is not None:
                            out.append(ent)
                        continue
        for s, e, acr_end in _pieces(m, text, acronyms):
            ent = _entity(text, s, e, m.group("acr") if acr_end else None, acr_end, acronyms, people, capitalised)
            if ent is not None:
                out.append(ent)
    models = _models(text, start, end)
    if models:  # (the names come in text order: only model codes need sorting in)
        out.extend(models)
        out.sort(key=lambda x: x.start)
    return out


# Every model code holds a hyphen and a digit ("S-400"): four articles in five hold none, and there MODEL_RE, which
# enters its pattern at every capital letter, is not run (a search for a literal hyphen skips ahead to each).
_DASH_DIGIT = re.compile(r"-\d")


def _models(text: str, start: int, end: int) -> list[Entity]:
    """Model codes are weapons when any mention sits next to a weapon noun ("the S-400 missile system")."""
    if _DASH_DIGIT.search(text, start, end) is None:
        return []
    found = [(m.start(), m.end(), m.group(0)) for m in MODEL_RE.finditer(text, start, end)]
    weapons = {n for s, e, n in found if WEAPON_NOUNS.search(text[e : e + 40] + " " + text[max(start, s - 25) : s])}
    return [Entity(text=n, start=s, end=e, name=n, kind="weapon" if n in weapons else "other") for s, e, n in found]


def _pieces(m: re.Match, text: str, acronyms: dict) -> list[tuple[int, int, int | None]]:
    """Split a capitalised run at possessives that join two names ("Turkey’s Presidency of ..."), but not
    inside a law's title ("Countering America’s Adversaries Through Sanctions Act")."""
    s, e = m.span("name")
    acr_end = m.end() if m.group("acr") else None
    raw = m.group("name")
    if ("’s " not in raw and "'s " not in raw) or raw.split()[-1] in LAW_WORDS:
        return [(s, e, acr_end)]
    pieces: list[tuple[int, int, int | None]] = []
    cut = s
    for pm in _POSSESSIVE_INSIDE.finditer(text, s, e):
        head = text[cut : pm.start()]
        if (
            resolve_alias(head.split()[-1])
            or head in acronyms
            or head.split()[-1] in acronyms
            or head.split()[-1] in ORG_WORDS
        ):
            pieces.append((cut, pm.end() - 1, None))
            cut = pm.end()
    pieces.append((cut, e, acr_end))
    return pieces


def _entity(
    text: str,
    s: int,
    e: int,
    acr: str | None,
    acr_end: int | None,
    acronyms: dict,
    people: dict,
    capitalised: _Capitalised,
    two_words: bool = False,
) -> Entity | None:
    """The entity of text[s:e], a piece of an ENTITY_RE match; `two_words`: two words, neither trimmed (`_trim`), as
    find_entities checked."""
    if two_words:
        one, titled = False, False
    else:
        words = text[s:e].split()
        if (
            len(words) > 2
            and words[1] in _CONNECTORS
            and _is_sentence_start(text, s)
            and not (set(words) & ORG_WORDS or words[-1] in LAW_WORDS or resolve_alias(" ".join(words)))
        ):
            # "Licences for Turkey": a capitalised opening word joined by a connector is not part of the name.
            words = words[1:]
            while words and words[0] in _CONNECTORS:
                words = words[1:]
        trimmed, titled = _trim(words)
        if not trimmed:
            return None
        s = text.index(trimmed[0], s)
        one = len(trimmed) == 1
    name = text[s:e]
    if name.endswith(_POSSESSIVE_ENDS):  # a name ends with a word character or a stop, never a line break
        name = name[:-2]
        e = s + len(name)
    while name and name[-1] in ".-'’":
        name = name[:-1]
        e -= 1
    words = name.split()  # (the same words as the joined name's: split once)
    name = " ".join(words)
    if not name or (one and _drop_single(name, s, text, capitalised)):
        return None
    if name in acronyms:
        full, kind = acronyms[name]
        return Entity(text=text[s:e], start=s, end=e, name=full, kind=kind, acronym=name)
    alias = resolve_alias(name)
    kind = "person" if titled else _kind(name, words, alias)
    if acr and acr_end is not None and len(words) > 1:  # the caller passes acr only with its end
        kind = kind if kind != "person" else "organisation"
        acronyms[acr] = (name, kind)
        return Entity(text=text[s:acr_end], start=s, end=acr_end, name=name, kind=kind, acronym=acr)
    canon, kind = _resolve_name(name, kind, people, alias)
    if kind == "person" and len(words) >= 2:
        people[words[-1]] = name
    return Entity(text=text[s:e], start=s, end=e, name=canon, kind=kind)


def _single(
    text: str, s: int, e: int, name: str, acronyms: dict, people: dict, capitalised: _Capitalised
) -> Entity | None:
    """`_entity` for a match of one word with no acronym after it that find_entities found outside _SKIP_SINGLE
    (so no opening word or title to trim, no connector, no possessive inside): the same entity, without the
    general path's splitting and joining of words, for the two matches in three that are one word."""
    if name.endswith(_POSSESSIVE_ENDS):
        name = name[:-2]
        e = s + len(name)
    while name and name[-1] in ".-'’":
        name = name[:-1]
        e -= 1
    if not name or _drop_single(name, s, text, capitalised):
        return None
    if name in acronyms:
        full, kind = acronyms[name]
        return Entity(text=text[s:e], start=s, end=e, name=full, kind=kind, acronym=name)
    alias = resolve_alias(name)
    if alias:
        kind = alias[1]
    elif name in LAW_WORDS:
        kind = "law"
    elif name in ORG_WORDS or (name.isupper() and len(name) >= 2):
        kind = "organisation"
    else:
        kind = "other"  # (`_kind` of one word: a person's name takes two)
    canon, kind = _resolve_name(name, kind, people, alias)
    return Entity(text=text[s:e], start=s, end=e, name=canon, kind=kind)


def _drop_single(word: str, s: int, text: str, capitalised: _Capitalised) -> bool:
    """A lone capitalised word that opens a sentence is a name only if the text never writes it lower-case."""
    if word in NATIONALITIES or word in TITLES or len(word) < 2:
        return True
    if not _is_sentence_start(text, s):
        return False
    if word.isupper() or resolve_alias(word):
        return False
    # Only a name if the text also capitalises it where grammar does not force it.
    return not capitalised.inside(word)


def _is_w(c: str) -> bool:
    return c.isalnum() or c == "_"


class _Capitalised:
    """Whether the text writes a word right after a lower-case letter, a comma or a semicolon and spaces (the
    regex `[a-z,;]\\s+WORD\\b`), asked for each lone capitalised word that opens a sentence.

    The first few words are searched for in the text; after that, one pass indexes the word run after each such
    place, by its leading `\\w+` run, and a word is looked up, not searched for in the whole text (a search per
    distinct word made an article of many distinct sentence-opening words quadratic). Words end with a word
    character (`_entity` strips the rest), so a word of one run is there exactly when its run is a key; a
    hyphenated or dotted word ("Al-Assad", "U.S") is checked at the places whose run is its first."""

    __slots__ = ("text", "index", "cache")

    def __init__(self, text: str):
        self.text = text
        self.index: dict[str, list[int]] | None = None
        self.cache: dict[str, bool] = {}

    def inside(self, word: str) -> bool:
        found = self.cache.get(word)
        if found is None:
            found = self.cache[word] = self._lookup(word)
        return found

    def _lookup(self, word: str) -> bool:
        text = self.text
        if len(self.cache) <= _SEARCHES:
            return _capitalised_inside(text, word)
        if self.index is None:
            self.index = {}
            for m in _AFTER_LOWER.finditer(text):
                self.index.setdefault(m.group(1), []).append(m.start(1))
        lead = _LEADING_RUN.match(word)
        if lead is None:
            return False
        places = self.index.get(lead.group())
        if not places:
            return False
        if lead.end() == len(word):
            return True
        size = len(word)
        n = len(text)
        return any(text.startswith(word, p) and (p + size == n or not _is_w(text[p + size])) for p in places)


# An article asks about a handful of words: each is searched for in the text (str.find, fast) until this many
# have been, then the index is built (one pass, worth it only for an article of many such words). Building it costs
# a Python step per word of the text, some 60 searches' worth: at 16, the Wikinews articles that built it spent a
# fifth of their entity time on it (find_entities over the corpus, CPU: 0.20 s at 16, 0.16 s at 64).
_SEARCHES = 64


def _capitalised_inside(text: str, word: str) -> bool:
    """`_Capitalised.inside` by searching the text for the word: each occurrence is checked for the `\\b` after
    it and for a lower-case letter, comma or semicolon before the spaces before it."""
    n = len(text)
    size = len(word)
    last_w = _is_w(word[-1])
    i = text.find(word)
    while i >= 0:
        j = i + size
        if (j < n and _is_w(text[j])) != last_w:  # \b after the word
            k = i - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            if k < i - 1 and k >= 0 and ("a" <= text[k] <= "z" or text[k] in ",;"):
                return True
        i = text.find(word, i + 1)
    return False


_AFTER_LOWER = re.compile(r"(?<=[a-z,;])\s+(\w+)")
_LEADING_RUN = re.compile(r"\w+")
