"""Who is speaking: find the speaker mention next to a reporting cue and resolve it within the article.

News names a speaker once in full ("Turkish Defence Minister Hulusi Akar") and then as "Akar", "he", "the
official" or "the defence minister"; a dataset of quotes is only useful when all of those land on one name. The
mention is found by walking tokens outwards from the cue (cheap, no parser), and `Resolver` keeps the people,
organisations and countries seen so far so that later mentions resolve to the most recent compatible one.
Place names standing for governments ("Washington", "the US side") resolve through the editable alias table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extraction.aliases import resolve_alias
from tracker.extraction.quantities import NATIONALITY
from tracker.extraction.sentences import ABBREVIATIONS
from tracker.records import SpeakerRef

_TOKEN = re.compile(r"[\w$][\w'’.&-]*[\w$.]|[\w$]|[^\w\s]")

PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "anonymous",
    "it": "organisation",
    "we": "anonymous",
    "i": "person",
    "you": "anonymous",
}
RELATIVES = frozenset({"who", "which"})
# Words that go before a name without being part of it; a role made of them is kept in `SpeakerRef.role`.
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt. col col. capt capt. sgt sgt.
    adm adm. rev rev. hon hon. pres pres. sir dame lord lady st. judge justice
    president vice minister secretary senator representative congressman congresswoman governor mayor chancellor
    ambassador chairman chairwoman chair director spokesman spokeswoman spokesperson speaker leader chief deputy
    prime foreign defence defense interior finance economy trade health justice state attorney general commander
    executive ceo cfo founder head king queen prince princess pope premier envoy commissioner counsel officer
    candidate nominee sheriff lieutenant colonel captain sergeant admiral pastor rabbi imam professor dr
    inspector superintendent detective constable
    democratic republican former then-president acting assistant associate senior special
    prosecutor cardinal archbishop bishop reverend mp mep whip administrator co-author coauthor researcher
    scientist coach manager editor economist analyst lawyer attorney-general councillor councilman
    councilwoman alderman chairperson president-elect vice-president emir sheikh ayatollah
    """.split()
)
# Last words of a publication's name, which keeps its "The" ("The Guardian", "The Aviation Herald"); other
# organisations are named without the article ("the House of Commons Library" -> "House of Commons Library").
PRESS_WORDS = frozenset(
    "times post guardian herald atlantic telegraph independent economist journal tribune gazette chronicle "
    "observer globe star sun mirror examiner inquirer hill intercept spectator daily news week".split()
)
# Words that make a capitalised name an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    ministry department committee council party campaign agency office house senate congress parliament court
    university college institute foundation center centre association union commission bureau administration
    government army navy police news times post journal press reuters ap afp bbc cnn fox nbc abc cbs msnbc
    inc inc. corp corp. co co. ltd ltd. llc group bank fund company corporation network service services
    board authority organization organisation coalition alliance federation league caucus presidency industries
    conference command
    poll survey report study magazine newspaper channel television radio tribune herald guardian gazette telegraph
    politifact nato un eu fbi cia nsa pentagon kremlin
    """.split()
)
# Nouns that name an unnamed source; with an indefinite article or in the plural the speaker stays anonymous.
ANON_NOUNS = frozenset(
    """
    source sources official officials analyst analysts expert experts critic critics observer observers
    diplomat diplomats aide aides adviser advisers advisor advisors insider insiders people person witness witnesses
    resident residents spokesman spokeswoman spokesperson someone somebody one many some others
    reporters journalists lawmakers legislators protesters demonstrators voters
    """.split()
)
# Definite role nouns that, like a pronoun, point back at a named person ("the official", "the minister").
PERSON_ROLE_NOUNS = frozenset(
    """
    official minister president secretary senator governor mayor chancellor ambassador chairman chairwoman
    director spokesman spokeswoman spokesperson speaker leader chief executive ceo candidate nominee lawmaker
    congressman congresswoman representative businessman businesswoman billionaire politician general commander
    judge professor prosecutor attorney lawyer pollster analyst economist author writer host founder premier
    envoy diplomat activist officer woman man doctor mogul star actor actress singer
    """.split()
)
DETERMINERS = frozenset(
    "the a an another one two three four several some many most his her its their this that these those our my "
    "no any each every both few other all".split()
)
# Tokens allowed between a subject and its reporting verb ("Akar further added", "she has also said").
SKIP_BEFORE_CUE = frozenset(
    "has have had also further then later again now would will could once previously recently repeatedly "
    "already first publicly reportedly earlier is was were are been be just still even did does do may might "
    "had ultimately often frequently since ever long".split()
)
NEGATIONS = frozenset(
    {
        "not",
        "n't",
        "never",
        "no",
        "nor",
        "neither",
        "didn't",
        "doesn't",
        "don't",
        "won't",
        "wouldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "cannot",
        "can't",
        "couldn't",
        "refused",
        "declined",
        "failed",
    }
)
PREPOSITIONS = frozenset({"of", "for", "with", "at", "from", "in", "to", "on", "close", "near", "familiar", "within"})
FUNCTION_WORDS = frozenset(
    """
    the a an but and or so yet in on at as if when while though although because since after before then thus
    hence however meanwhile still also moreover instead this that these those there here what which who why how
    for to of by with from into about over under during than until unless whether where yesterday today tomorrow
    monday tuesday wednesday thursday friday saturday sunday last next earlier later asked speaking writing
    january february march april may june july august september october november december
    """.split()
)
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning afternoon evening "
    "night week month year earlier later".split()
)
_CAP = re.compile(r"[A-Z0-9À-Ý]")


def _is_cap(tok: str) -> bool:
    return bool(_CAP.match(tok)) and tok.lower() not in FUNCTION_WORDS


def tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


@dataclass(slots=True)
class Mention:
    """A speaker mention as written; `role` is the part of the phrase that is a title, not the name."""

    start: int
    end: int
    text: str
    kind: str  # person, organisation, country, anonymous, pronoun, role, relative
    name: str | None = None
    role: str | None = None


_HONORIFICS = frozenset("mr. mrs. ms. mr mrs ms dr. dr prof. prof sir dame".split())


# Words that link the parts of one proper name ("Ministry of Foreign Affairs", "Center for Strategic and
# International Studies"); a title word after them is part of the name, not a role before it.
NAME_LINKS = frozenset({"of", "for", "and", "&"})
# Title words that head a role ("Governor" in "Bank of England Governor Andrew Bailey"), unlike the modifiers
# ("Defence", "Foreign", "State") that also occur inside organisation names.
_HEAD_ROLES = frozenset(
    "minister secretary spokesman spokeswoman spokesperson director chairman chairwoman president ambassador "
    "commander chief envoy governor mayor senator ceo cfo executive officer commissioner speaker leader whip mp "
    "prosecutor administrator judge".split()
)


def _org_chain(words: list[str]) -> set[int]:
    """Indices of the words inside an organisation's linked name ("Presidency of Defence Industries"): from an
    organisation word (or any capitalised word that is not a title: "Conference of State Legislatures") followed
    by of/for/and over the capitalised words after it. Head role nouns
    ("Spokesman") end the chain, so "Ministry of Defence Spokesman Ali Veli" still splits at the spokesman."""
    inside: set[int] = set()
    i = 0
    n = len(words)
    while i < n - 2:
        wl = words[i].lower().rstrip(",")
        if (
            (wl in ORG_WORDS or _is_cap(words[i]) and wl not in TITLES)
            and words[i + 1].lower() in NAME_LINKS
            and (_is_cap(words[i + 2]) or words[i + 2].lower() == "the")
        ):
            k = i + 1
            while (
                k < n
                and (words[k].lower() in NAME_LINKS or words[k].lower() == "the" or _is_cap(words[k]))
                and words[k].lower() not in _HEAD_ROLES
            ):
                inside.add(k)
                k += 1
            i = k
        else:
            i += 1
    return inside


# Demonyms in -i; a first name in -i ("Nikki", "Giorgi") is not one.
_I_DEMONYMS = frozenset(
    "iraqi israeli saudi pakistani afghani yemeni omani kuwaiti qatari bahraini emirati somali bangladeshi "
    "azerbaijani nepali punjabi bengali hindi kashmiri".split()
)


def _is_demonym(word: str) -> bool:
    """A nationality word ("Turkish", "Iraqi"), by its list; an ending alone would take "Juan" or "Brian"."""
    return word in NATIONALITY or word in _I_DEMONYMS


_INITIAL = re.compile(r"[A-Z]\.")


def _split_role(words: list[str]) -> tuple[str | None, list[str]]:
    """Split "Turkish Defence Minister Hulusi Akar" into the role and the name after its last title word."""
    last_title = -1
    chain = _org_chain(words) if len(words) > 2 else ()
    for i, w in enumerate(words[:-1]):
        lw = w.lower().rstrip(",")
        if i in chain:
            continue
        if lw in TITLES or lw.endswith("'s") or lw.endswith("’s") or (i == 0 and _is_demonym(lw)):
            last_title = i
    rest = words[last_title + 1 :]
    if last_title >= 0 and len(rest) >= 4 and rest[0].lower() == "of" and all(_is_cap(w) for w in rest[1:]):
        # "Secretary of Labor Dana Whitfield": the "of" phrase belongs to the title; the name is its last two
        # words (three with a middle initial).
        keep = 3 if len(rest) >= 5 and _INITIAL.fullmatch(rest[-2]) else 2
        last_title += len(rest) - keep
    role_words = [w for w in words[: last_title + 1] if w.lower() not in _HONORIFICS]
    role = " ".join(role_words).rstrip(",") or None
    return role, words[last_title + 1 :]


def classify_name(name: str) -> tuple[str, str]:
    """(canonical name, kind) of a capitalised phrase: alias table first, then organisation words, else person."""
    hit = resolve_alias(name)
    if hit:
        return hit
    words = name.lower().replace("’", "'").split()
    if any(w.rstrip(",") in ORG_WORDS for w in words) or words and words[0] == "the":
        return name, "organisation"
    if len(words) >= 3 and any(w in ("of", "for", "&") for w in words[1:-1]):
        return name, "organisation"  # "Conference of State Legislatures": a linked name is an institution's
    if len(words) == 1 and name.isupper() and len(name) > 1:
        return name, "organisation"
    if len(words) == 1 and name.endswith("s") and name[:1].isupper() and name.lower().rstrip("s") + "" in _GROUPS:
        return name, "anonymous"
    return name, "person"


_GROUPS = frozenset({"republican", "democrat", "conservative", "liberal", "progressive", "american", "voter"})


def _mention_from_words(toks: list[tuple[int, int, str]]) -> Mention:
    last = toks[-1][2]
    if len(last) > 2 and last.endswith(".") and last[:-1].lower() not in ABBREVIATIONS and "." not in last[:-1]:
        toks = toks[:-1] + [(toks[-1][0], toks[-1][1] - 1, last[:-1])]  # a full stop after the phrase
    start, end = toks[0][0], toks[-1][1]
    words = [t[2] for t in toks]
    text = " ".join(words)
    head = words[-1].lower()
    if len(words) == 1 and head in ANON_NOUNS:
        return Mention(start, end, words[0], "anonymous", words[0])  # "Officials said" at a sentence start
    if len(words) == 1 and head in PRONOUNS:
        return Mention(start, end, words[0], "pronoun")
    if len(words) == 1 and head in RELATIVES:
        return Mention(start, end, words[0], "relative")
    poss = next((k for k in range(len(words) - 2, -1, -1) if words[k].endswith(("'s", "’s"))), None)
    if poss is not None and words[-1].lower() in _OWNED_SOURCES and all(w.islower() for w in words[poss + 1 :]):
        # "The Centre for Aviation's database says", "Biden's Twitter account": the owner speaks.
        inner = _mention_from_words(toks[: poss + 1])
        return Mention(start, end, text, inner.kind, inner.name, inner.role)
    if words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
        # A possessive names whose the speaker is: "The Centre for Aviation's database" speaks for the Centre;
        # "Baloch and Waseem's mother" is neither of them, and no person is made of it.
        if "and" in words:
            return Mention(start, end, text, "anonymous", text)
        inner = _mention_from_words(toks[:-1] + [(toks[-1][0], toks[-1][1] - 2, words[-1][:-2])])
        return Mention(start, end, text, inner.kind, inner.name, inner.role)
    headed = _headed_by_source_noun(toks, words, start, end, text)
    if headed is not None:
        return headed
    if _is_cap(words[-1]) or words[-1][:1].isupper() and len(words) == 1:
        alias = resolve_alias(text)
        if alias:
            return Mention(start, end, text, alias[1], alias[0])
        first_cap = next(i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit() or i == len(words) - 1)
        role, name_words = _split_role(words[first_cap:])
        pre = " ".join(words[:first_cap])
        if pre and pre.lower() not in DETERMINERS:
            role = f"{pre} {role}" if role else pre
        bare = [w for w in name_words if w.lower() != "the"]
        if name_words and name_words[0].lower() == "of" or len(bare) == 1 and bare[0].lower() in TITLES:
            # "the acting Prime Minister of Iraq": all title, no name; a role noun that points back at a person.
            return Mention(start, end, text, "role", None, " ".join(words[first_cap:]))
        name_words, place = _person_tail(name_words)
        if place:
            role = f"{role} {place}" if role else place
        name = " ".join(name_words) or text
        canon, kind = classify_name(name)
        if kind == "person" and pre.lower() == "the" and not role and len(name_words) == 1:
            kind = "organisation"  # "the Treasury", "the Bundesbank": a person is not named with "the"
        if kind == "organisation" and (words[0].lower() == "the" or role):
            # "The Interior Ministry", "The Foreign Ministry of Iraq": a title-like word before an organisation
            # word is part of its name (an organisation has no role).
            canon = _without_article(text)
        return Mention(start, end, text, kind, canon, role if kind == "person" else None)
    alias = resolve_alias(text)
    if alias:
        return Mention(start, end, text, alias[1], alias[0])
    det = words[0].lower()
    definite = det in ("the", "this", "that")
    if definite and head in PERSON_ROLE_NOUNS:
        return Mention(start, end, text, "role", None, " ".join(words[1:]))
    if head in ANON_NOUNS or head.endswith("s") and not definite:
        return Mention(start, end, text, "anonymous", text)
    if definite:
        return Mention(start, end, text, "organisation", text)
    return Mention(start, end, text, "anonymous", text)


def _person_tail(words: list[str]) -> tuple[list[str], str | None]:
    """ "Steve Scalise of Louisiana", "Yvette Cooper of the Labour Party": a person's name with where they come
    from; the name is the part before "of" when that part names a person (two or three capitalised words, no
    organisation or title word), the rest is kept as the role."""
    if "of" not in words:
        return words, None
    k = words.index("of")
    head = words[:k]
    if not 2 <= len(head) <= 3 or k + 1 >= len(words):
        return words, None
    if not all(w[:1].isupper() for w in head) or head[0].lower() in _NOT_FIRST_WORDS:
        return words, None
    if any(w.lower().rstrip(",") in ORG_WORDS or w.lower() in TITLES for w in head):
        return words, None
    return head, " ".join(words[k:])


_NOT_FIRST_WORDS = frozenset(
    "new north south east west united saint san los las great upper lower central northern southern eastern "
    "western supreme national federal royal prime foreign white black red the".split()
)


def _without_article(name: str) -> str:
    """An organisation's name without a leading "the", unless it is a publication's ("The Guardian")."""
    words = name.split()
    if len(words) < 2 or words[0].lower() != "the":
        return name
    if words[0] == "The" and words[-1].lower() in PRESS_WORDS:
        return name
    return " ".join(words[1:])


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# What an owner speaks through: "the agency's database", "her account", "the ministry's website".
_OWNED_SOURCES = frozenset("database account website site feed page records statement report data figures".split())


def _headed_by_source_noun(toks, words: list[str], start: int, end: int, text: str) -> Mention | None:
    """A source noun with a prepositional phrase ("Officials in Brussels", "two diplomats at the UN", "the
    spokesman for the ministry"): the noun, not the capitalised name at the end, decides who speaks. A
    spokesperson for an organisation speaks for it; other such phrases stay anonymous (or a role, when definite)."""
    p = next((i for i in range(1, len(words)) if words[i].lower() in PREPOSITIONS), None)
    if p is None or p + 1 >= len(words):
        return None
    head = words[p - 1]
    hl = head.lower()
    if not (hl in ANON_NOUNS or hl in PERSON_ROLE_NOUNS and head.islower()):
        return None
    if (
        p - 1 > 0
        and words[p - 2][:1].isupper()
        and words[p - 2].lower() not in DETERMINERS
        and words[p - 2].lower() not in FUNCTION_WORDS
    ):
        return None  # "State Department spokesman of …": a name before the noun; leave it to the name rules
    if hl in _SPOKES and words[p].lower() in ("for", "of", "at") and words[p + 1][:1].isalpha():
        org = _mention_from_words(toks[p + 1 :])
        if org.kind in ("organisation", "country"):
            return Mention(start, end, text, org.kind, org.name)
    if words[0].lower() in ("the", "this", "that") and p == 2 and hl in PERSON_ROLE_NOUNS:
        return Mention(start, end, text, "role", None, head)
    return Mention(start, end, text, "anonymous", text)


def _np_back(toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the first token of the noun phrase that ends at token i, or None when there is none."""
    word = toks[i][2]
    low = word.lower()
    if low in PRONOUNS or low in RELATIVES:
        return i
    if _is_cap(word) or (word[:1].isupper() and low not in FUNCTION_WORDS):
        j = i
        while j > 0:
            prev = toks[j - 1][2]
            pl = prev.lower()
            if (
                _is_cap(prev)
                and pl not in TIME_WORDS
                or pl in ("of", "de", "van", "von", "al", "bin")
                and j - 2 >= 0
                and _is_cap(toks[j - 2][2])
            ):
                j -= 1
            elif pl in NAME_LINKS and j - 2 >= 0 and _is_cap(toks[j - 2][2]) and _org_before(toks, j - 2):
                j -= 1  # "Center for Strategic and International Studies": one name, not two speakers
            elif (
                pl in TITLES
                or pl.endswith("-based")
                or pl in ("longtime", "former", "top", "veteran", "the", "then-president")
            ):
                j -= 1
            elif pl in PERSON_ROLE_NOUNS or pl in ANON_NOUNS:
                j -= 1
            else:
                break
        # "the" only belongs to the phrase at its left edge.
        return j
    if not word[:1].isalpha() or low in FUNCTION_WORDS and low not in ("one", "others", "many", "some"):
        return None
    j = i
    for k in range(i, max(-1, i - 7), -1):
        w = toks[k][2].lower()
        if not toks[k][2][:1].isalnum() and toks[k][2] not in ("-",):
            break
        if w in DETERMINERS:
            return k
        if k < i and w in FUNCTION_WORDS and w not in PREPOSITIONS and w != "and":
            break
        j = k
    if (j == 0 or not toks[j - 1][2][:1].isalnum()) and toks[j][2][:1].isupper() and j < i:
        return j  # "Experts on North Korea and nuclear nonproliferation said": the phrase opens the clause
    # A bare plural or mass noun ("officials said", "polls show") is its own phrase.
    if low.endswith("s") or low in ANON_NOUNS or low in PERSON_ROLE_NOUNS:
        return i if not toks[i - 1][2][:1].isalpha() or i == 0 else _bare_left(toks, i)
    return None


def _org_before(toks: list[tuple[int, int, str]], k: int) -> bool:
    """An organisation word in the run of capitalised and linking words that ends at token k."""
    while k >= 0 and (_is_cap(toks[k][2]) or toks[k][2].lower() in NAME_LINKS):
        if toks[k][2].lower() in ORG_WORDS:
            return True
        k -= 1
    return False


def _bare_left(toks: list[tuple[int, int, str]], i: int) -> int:
    """Extend a bare noun over preceding adjectives ("White House officials", "some Republican senators")."""
    j = i
    while j > 0 and j > i - 3:
        w = toks[j - 1][2]
        if w.lower() in FUNCTION_WORDS or not w[:1].isalpha() or w.lower() in SKIP_BEFORE_CUE:
            break
        j -= 1
    return j


def subject_before(text: str, lo: int, cue_start: int) -> tuple[Mention | None, bool]:
    """The subject of a reporting verb: the noun phrase just before it, skipping adverbs and auxiliaries.

    Returns (mention, negated); appositions ("Akar, a former general, said") are stepped over to their head, and
    a trailing prepositional phrase ("a source familiar with the matter") is kept with its noun.
    """
    toks = tokens(text, max(lo, cue_start - 200), cue_start)
    i = len(toks) - 1
    negated = False
    appos = None
    while i >= 0:
        w = toks[i][2].lower()
        if w in NEGATIONS or w.endswith("n't"):
            negated = True
        elif w in TIME_WORDS and w not in ("earlier", "later"):
            # "Sanders on Tuesday said", "Trump last week said"
            if i > 0 and toks[i - 1][2].lower() in ("on", "last", "this", "that", "late", "early", "on"):
                i -= 1
        elif w == ")":
            # "Sen. Claire McCaskill (D-Mo.) said": a party label in brackets is not the subject.
            k = i - 1
            while k >= 0 and i - k < 8 and toks[k][2] != "(":
                k -= 1
            if k < 0 or toks[k][2] != "(":
                break
            i = k
        elif not (w in SKIP_BEFORE_CUE or w.endswith("ly") and w.isalpha() and len(w) > 3):
            break
        i -= 1
    if i < 0:
        return None, negated
    if toks[i][2] == ",":
        # "Akar, a former general, said" / "Mr. Kamin, who ...," : the head sits before the opening comma.
        for k in range(i - 1, max(-1, i - 32), -1):
            if toks[k][2] == ",":
                inner = toks[k + 1][2].lower()
                if (
                    inner not in ("and", "but", "or", "so", "yet", "then", "while", "as", "because", "though")
                    and toks[k + 1][2][:1].isalnum()
                ):
                    appos = (k + 1, i - 1)
                    i = k - 1
                    break
                return None, negated
            if toks[k][2] in '.;:!?“”"':
                return None, negated
        else:
            return None, negated
        if i < 0:
            return None, negated
    j = _np_back(toks, i)
    if j is None:
        return None, negated
    # "a spokesman for the ministry", "a source familiar with the talks": keep the noun before the preposition.
    while (
        j >= 2
        and toks[j - 1][2].lower() in PREPOSITIONS
        and (toks[j - 1][2].lower() != "to" or toks[j - 2][2].lower() in ("close", "near"))
    ):
        k = j - 2
        if toks[k][2].lower() in ("familiar", "close") and k >= 1:
            k -= 1
        j2 = _np_back(toks, k)
        if j2 is None or toks[k][2].lower() in PRONOUNS:
            break
        j = j2
    if toks[j][2].lower() in FUNCTION_WORDS and toks[j][2].lower() not in DETERMINERS and j < i:
        j += 1
    if appos is not None and _names_role(toks[i][2], toks[appos[0] : appos[1] + 1]):
        # "Turkish Defence Minister, Hulusi Akar, said": the name sits in the apposition, the head is the role.
        return _mention_from_words(toks[j : i + 1] + toks[appos[0] : appos[1] + 1]), negated
    return _mention_from_words(toks[j : i + 1]), negated


def _names_role(head: str, inner: list[tuple[int, int, str]]) -> bool:
    if head.lower() not in TITLES and head.lower() not in PERSON_ROLE_NOUNS:
        return False
    words = [w for _, _, w in inner]
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


_STOP_AFTER = frozenset(
    "who which that in on at during while when adding after before as because to told said says and but about "
    "according has have had is was were are would will could can may might did does do also".split()
)


def subject_after(text: str, start: int, hi: int) -> Mention | None:
    """The speaker of an inverted attribution ("…,” said Akar", "according to the ministry")."""
    toks = tokens(text, start, min(hi, start + 160))
    if not toks:
        return None
    first = toks[0][2]
    low = first.lower()
    if low in PRONOUNS:
        return _mention_from_words(toks[:1])
    if not (first[:1].isupper() or first[:1].isdigit() or low in DETERMINERS or low.isalpha()):
        return None
    if low in FUNCTION_WORDS and low not in DETERMINERS:
        return None
    n = 0
    caps_run = False
    for k, (_, _, w) in enumerate(toks):
        wl = w.lower()
        if not w[:1].isalnum() and w not in ("’s", "'s"):
            break
        if (
            k > 0
            and wl in _STOP_AFTER
            and not (
                wl == "of" or wl == "and" and k + 1 < len(toks) and _is_cap(toks[k + 1][2]) and _is_cap(toks[k - 1][2])
            )
        ):
            break
        if k > 0 and wl in TIME_WORDS:
            break
        if (
            k > 0
            and wl in ("for", "&")
            and caps_run
            and k + 1 < len(toks)
            and _is_cap(toks[k + 1][2])
            and _is_cap(toks[k - 1][2])
            and _org_before(toks, k - 1)
        ):
            n = k + 1
            continue  # "the Center for Strategic Studies"
        if (
            k > 0
            and caps_run
            and not _is_cap(w)
            and wl not in ("of", "and", "’s", "'s")
            and wl not in PERSON_ROLE_NOUNS
            and wl not in ANON_NOUNS
            and wl not in ("side", "government")
            and not (wl in TITLES and k + 1 < len(toks) and _is_cap(toks[k + 1][2]))
        ):
            break  # "Hillary Clinton chimed in": the name ends where lower-case words start
        if (
            k >= 2
            and w.islower()
            and wl.endswith("ed")
            and not toks[k - 1][2].lower().endswith("ly")
            and toks[k - 1][2].lower() not in DETERMINERS
        ):
            break
        if _is_cap(w):
            caps_run = True
        n = k + 1
        if n >= 9:
            break
    while n > 1 and toks[n - 1][2].lower() in NAME_LINKS:
        n -= 1  # "Superintendent Ana Cruz of the national police": a link word does not end a name
    if n == 0:
        return None
    return _mention_from_words(toks[:n])


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str  # person, organisation, country, or group (a plural unnamed source: "researchers from …")
    role: str | None = None
    mentions: list[str] = field(default_factory=list)
    last: int = -1
    gender: str | None = None  # "f", "m" or unknown, for "she" and "he"


# Nouns of documents and statements: "the statement said" is the voice of whoever issued it.
DOCUMENT_NOUNS = frozenset(
    """
    statement statements report reports study studies decree motion letter warning warnings request tweet tweets
    post ruling order memo document documents release announcement communique
    survey message bulletin notice
    """.split()
)
# Definite nouns that name an organisation met before ("the company", "the agency", "the industry publication").
ORG_ROLE_NOUNS = frozenset(
    """
    company firm agency publication newspaper outlet broadcaster network channel retailer chain airline carrier
    organisation organization charity group manufacturer producer supplier insurer lender bank website paper
    """.split()
)
_FEMALE_WORDS = frozenset(
    "mrs mrs. ms ms. miss dame lady queen princess duchess countess spokeswoman chairwoman congresswoman "
    "businesswoman councilwoman actress sister mother wife daughter woman girl grandmother aunt widow".split()
)
_MALE_WORDS = frozenset(
    "mr mr. sir lord king prince duke count spokesman chairman congressman businessman councilman actor brother "
    "father husband son man boy grandfather uncle widower pope cardinal archbishop bishop".split()
)
# Common first names whose gender is settled; a name outside the lists leaves the gender unknown.
_FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
    kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy
    shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine
    carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn
    judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
    madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
    brittany natalie isabella charlotte rose alexis kayla hillary nikki nancy angela theresa ursula jacinda
    kamala elizabeth greta malala yvette priti margrethe christine ilhan alexandria tulsi kirsten amy elaine
    carrie tsai ingrid fatima aisha leila yulia svetlana natalia olga irina tatiana elena ana lucia carmen
    isabel sofia giulia francesca chiara beatriz marta agnieszka katarzyna magdalena ewa anna joanna
    """.split()
)
_MALE_NAMES = frozenset(
    """
    james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark
    donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
    gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
    patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
    noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan
    bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
    russell bobby mason philip louis boris emmanuel vladimir xi recep mohammed muhammad ahmed ali hassan
    hussein omar mustafa abdul ibrahim yusuf mike bill ted jim tom bob dick steve nick tony chuck mitch lindsey
    bernie pete hulusi mevlut tayyip benjamin ivan sergei dmitry alexei mikhail andrzej jan piotr krzysztof
    tomasz pawel marek jacek carlos luis miguel jorge pedro manuel antonio francisco javier giuseppe marco luca
    giovanni hans klaus jurgen wolfgang stefan pierre jean-claude francois adil qasem hassan narendra rahul imran
    """.split()
)


def gender_of(name: str, role: str | None = None, mention: str | None = None) -> str | None:
    """ "f" or "m" from a title or role word ("Mrs", "spokeswoman", "King") or a common first name; else None."""
    for phrase in (role, mention):
        for w in (phrase or "").lower().replace(",", " ").split():
            if w in _FEMALE_WORDS:
                return "f"
            if w in _MALE_WORDS:
                return "m"
    first = name.split()[0].lower() if name.split() else ""
    if first in _FEMALE_NAMES:
        return "f"
    if first in _MALE_NAMES:
        return "m"
    return None


def _head_noun(text: str) -> str:
    """The head of a noun phrase: its last word, or the word before a prepositional or participial tail ("the
    decree signed by the Pope" -> "decree", "a statement released by …" -> "statement")."""
    words = text.lower().replace("’s", " ").replace("'s", " ").split()
    for i, w in enumerate(words):
        if i and (w in PREPOSITIONS or w in ("by", "that", "which") or w.endswith("ed") and i + 1 < len(words)):
            return words[i - 1]
    return words[-1] if words else ""


# A title word, then the name it introduces ("Minister Hulusi Akar", "President, Dr. Ismail Demir"); the words
# before the title ("Turkish Defence") are picked up from a short window, which keeps the scan linear.
_TITLE_WORDS = (
    r"Minister President Secretary Senator Sen\. Rep\. Gov\. Governor Mayor Chancellor Ambassador Chairman Director "
    r"Spokesman Spokeswoman Judge General Gen\. Dr\. Mr\. Mrs\. Ms\. Prof\. Professor Leader Chief Commander CEO "
    r"Speaker Attorney"
).split()


def _by_first_letter(words: list[str]) -> str:
    """("Mr", "Mrs", "Dr") -> "M(?<!\\wM)(?:r|rs)|D(?<!\\wD)r": an alternation whose branches each open with a
    literal letter, `\\b` before it spelt as a lookbehind after it. A pattern so made lets the engine skip to the
    next of those letters, and try only the branch of that letter, instead of entering it at every character."""
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{k}(?<!\\w{k})" + (f"(?:{'|'.join(v)})" if len(v) > 1 else v[0]) for k, v in rests.items())


# Same matches as "\b(?:Minister|President|...)" (_by_first_letter), a few times faster.
_TITLED = re.compile(
    rf"(?:{_by_first_letter(_TITLE_WORDS)})"
    r"(?:,(?:[ \t\xa0]+(?:Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Gen\.))?)?"
    r"[ \t\xa0]+([A-Z][\w’'-]+(?:[ \t\xa0]+[A-Z]\.)?(?:[ \t\xa0]+[A-Z][\w’'-]+){0,2})"
)
# Two or three capitalised words ("Jane Okafor", "Peter J. Mwangi"): a person for pronouns to point back at.
# Opening with a plain capital, `\b` before it spelt as the lookbehind `(?<!\w[A-Z])`, lets the engine skip to the
# next capital; the first word's letters are taken possessively, as only a space can follow them in a match.
_NAME_PAIR = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]++)(?:[ \t\xa0]+[A-Z]\.)?(?:[ \t\xa0]+[A-Z][a-z’'-]+){1,2}\b"
    r"(?![ \t\xa0]+[A-Z])"
)
_NOT_FIRST_NAMES = frozenset(
    "new north south east west united saint san los las great upper lower central northern southern eastern "
    "western supreme national federal royal prime foreign white black red".split()
)
_OPEN_MARKS = frozenset("\"“«„'‘")
_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w’'.-]*[ \t\xa0]+){0,3})$")


_ROLE_FILLER = frozenset("the a an of for and acting former then new".split())


def _stem(word: str) -> str:
    """A role word cut to its first four letters, so a country meets its demonym ("Iraq" = "Iraqi", "Turkey" =
    "Turkish")."""
    return word.strip(",.")[:4]


def _ref_kind(ent: _Entity) -> str:
    return "anonymous" if ent.kind == "group" else ent.kind


def _is_plural_source(words: list[str]) -> bool:
    """A plural unnamed source that later "they" can point back at ("researchers from …", "critics")."""
    head = _head_noun(" ".join(words))
    return head.endswith("s") and not head.endswith(("ss", "us", "is")) and head not in DOCUMENT_NOUNS


class Resolver:
    """Resolve mentions in text order to the article's speakers.

    Named people met anywhere before (a prescan picks up "Defence Minister Hulusi Akar" even where he is not
    quoted) are candidates for pronouns and role nouns; a surname alone joins the full name seen earlier.
    """

    def __init__(self, text: str):
        self.entities: list[_Entity] = []
        # The persons among them with the words of their names, for _person_for's scan: split once each, not
        # once per entity at every lookup.
        self.people: list[list] = []
        self.by_name: dict[str, _Entity] = {}
        self.titled: list[tuple[int, str, str | None]] = []  # (position, name, role)
        for m in _TITLED.finditer(text):
            pre = _ROLE_BEFORE.search(text, max(0, m.start() - 48), m.start())
            phrase = (pre.group(1) if pre else "") + m.group(0)
            role, name_words = _split_role(phrase.replace(",", " , ").split())
            name = " ".join(w for w in name_words if w != ",")
            role = (role or "").replace(" ,", "").strip() or None
            if name and len(name.split()) >= 1 and classify_name(name)[1] == "person":
                self.titled.append((m.start(), name, role))
        for m in _NAME_PAIR.finditer(text):
            first = m.group(1).lower()
            if first in FUNCTION_WORDS or first in TITLES or first in TIME_WORDS or first in _NOT_FIRST_NAMES:
                continue
            if m.start() and text[m.start() - 1] in _OPEN_MARKS:
                continue  # 'the "Kim Kardashian of Pakistan"': a nickname or a title in quote marks, not a person here
            if classify_name(m.group(0))[1] == "person":
                self.titled.append((m.start(), m.group(0), None))
        self._surnames(text)
        self.titled.sort()
        self.last_speaker: _Entity | None = None

    def _surnames(self, text: str) -> None:
        """Later mentions of a named person by surname alone ("Waseem appeared in court"): the person is the one
        talked about there, for the pronouns that follow."""
        seen: dict[str, tuple[int, str]] = {}
        for pos, name, _ in self.titled:
            words = name.split()
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                surname = words[-1]
                if surname not in seen or pos < seen[surname][0]:
                    seen[surname] = (pos, name)
        extra = []
        for surname, (first_pos, name) in seen.items():
            i = text.find(surname, first_pos + len(name))
            while i >= 0:
                j = i + len(surname)
                if not (text[i - 1 : i].isalnum() or text[j : j + 1].isalnum()):
                    extra.append((i, name, None))
                i = text.find(surname, j)
        self.titled.extend(extra)

    def _entity(self, name: str, kind: str, role: str | None, pos: int) -> _Entity:
        ent = self.by_name.get(name)
        if ent is None:
            ent = _Entity(name, kind, role)
            self.by_name[name] = ent
            self.entities.append(ent)
            if kind == "person":
                self.people.append([ent, name.split()])
                ent.gender = gender_of(name, role)
        if role and not ent.role:
            ent.role = role
            if ent.kind == "person" and ent.gender is None:
                ent.gender = gender_of(name, role)
        ent.last = max(ent.last, pos)
        return ent

    def _register_titled(self, before: int) -> None:
        while self.titled and self.titled[0][0] < before:
            pos, name, role = self.titled.pop(0)
            ent = self._person_for(name, pos) or self._entity(name, "person", role, pos)
            if role and not ent.role:
                ent.role = role
            ent.last = max(ent.last, pos)

    def _person_for(self, name: str, pos: int) -> _Entity | None:
        """The earlier person a (partial) name refers to: same full name, or one ending in this surname."""
        ent = self.by_name.get(name)
        if ent is not None:
            return ent
        words = name.split()
        n = len(words)
        best = None
        for person in self.people:
            e, ew = person
            if n < len(ew) and ew[-n:] == words or n == 1 and words[0] in ew:
                if best is None or e.last > best.last:
                    best = e
            elif n > len(ew) and words[-len(ew) :] == ew:
                # The full name arrives after the surname: let it take over.
                e.name = name
                person[1] = words
                self.by_name[name] = e
                return e
        return best

    def _recent(self, kinds: tuple[str, ...], pos: int, not_gender: str | None = None) -> _Entity | None:
        best = None
        for e in self.entities:
            if e.kind in kinds and e.last <= pos and (best is None or e.last > best.last):
                if not_gender is None or e.gender != not_gender:
                    best = e
        return best

    def _pronoun(self, low: str, pos: int) -> _Entity | None:
        """Who a pronoun points back at, by person, number and gender: "she" the most recent person not known to
        be a man, "he" not known to be a woman, "it" an organisation or country, "they" a group or an
        organisation."""
        if low == "she":
            return self._recent(("person",), pos, not_gender="m")
        if low == "he":
            return self._recent(("person",), pos, not_gender="f")
        if low == "i":
            return self._recent(("person",), pos)
        if low == "it":
            return self._recent(("organisation", "country"), pos)
        if low == "they":
            return self._recent(("group", "organisation"), pos)
        return None

    def _issuer(self, pos: int) -> _Entity | None:
        """Whoever issued a document or statement: the most recent speaker or body named before it."""
        if self.last_speaker is not None and self.last_speaker.last <= pos:
            return self.last_speaker
        return self._recent(("person", "organisation", "country", "group"), pos)

    def resolve(self, m: Mention, antecedent: Mention | None = None) -> SpeakerRef:
        """A SpeakerRef for the mention, updating the article's registry."""
        ref = self._resolve(m, antecedent)
        ent = self.by_name.get(ref.name)
        if ent is not None and ref.kind != "anonymous" or ent is not None and ent.kind == "group":
            self.last_speaker = ent
        return ref

    def _resolve(self, m: Mention, antecedent: Mention | None = None) -> SpeakerRef:
        self._register_titled(m.start)
        if m.kind == "relative" and antecedent is not None:
            ref = self.resolve(antecedent)
            return SpeakerRef(ref.name, m.text, m.start, m.end, ref.kind, ref.role)
        ent = None
        low = m.text.lower()
        words = low.split()
        if m.kind not in ("person", "pronoun", "relative") and len(words) > 1 and words[0] not in ("a", "an"):
            head = _head_noun(m.text)
            if head in DOCUMENT_NOUNS and not m.text[:1].isupper() or head in DOCUMENT_NOUNS and words[0] == "the":
                issuer = self._issuer(m.start)
                if issuer is not None:
                    return SpeakerRef(issuer.name, m.text, m.start, m.end, _ref_kind(issuer), issuer.role)
            if words[0] == "the" and head in ORG_ROLE_NOUNS and m.text[4:].islower():
                org = self._recent(("organisation",), m.start)
                if org is not None:
                    return SpeakerRef(org.name, m.text, m.start, m.end, "organisation", org.role)
            if words[0] == "the" and head.endswith("s") and not head.endswith("ss") and m.text[4:5].islower():
                # "the researchers", "the scientists": the group named before.
                group = self._recent(("group",), m.start)
                if group is not None:
                    return SpeakerRef(group.name, m.text, m.start, m.end, "anonymous")
        if m.kind == "anonymous" and words and words[0] not in ("a", "an", "one") and _is_plural_source(words):
            ent = self._entity(m.name or m.text, "group", None, m.start)
            return SpeakerRef(ent.name, m.text, m.start, m.end, "anonymous", m.role)
        if m.kind == "pronoun":
            ent = self._pronoun(low, m.start)
            if ent is None:
                return SpeakerRef(m.text, m.text, m.start, m.end, PRONOUNS.get(low, "anonymous"))
        elif m.kind == "role":
            ent = self._role_match(m) or self._recent(("person",), m.start)
            if ent is None:
                return SpeakerRef(m.text, m.text, m.start, m.end, "person", m.role)
        elif m.kind == "person":
            ent = self._person_for(m.name or m.text, m.start) or self._entity(
                m.name or m.text, "person", m.role, m.start
            )
            if m.role and not ent.role:
                ent.role = m.role
        elif m.kind in ("organisation", "country"):
            kind = m.kind
            if kind == "organisation" and m.text[:1].isupper() and _is_plural_source(low.split()):
                kind = "group"  # "Researchers from the Ocean Institute": people, whom "they" and "the scientists" name
            ent = self._entity(m.name or m.text, kind, m.role, m.start)
        else:
            return SpeakerRef(m.name or m.text, m.text, m.start, m.end, "anonymous", m.role)
        ent.last = max(ent.last, m.start)
        if m.text not in ent.mentions:
            ent.mentions.append(m.text)
        if ent.kind == "person" and ent.gender is None and m.kind != "pronoun":
            ent.gender = gender_of(ent.name, m.role, m.text)
        role = ent.role if m.kind in ("role", "pronoun") else m.role or ent.role
        return SpeakerRef(ent.name, m.text, m.start, m.end, _ref_kind(ent), role or m.role)

    def _role_match(self, m: Mention) -> _Entity | None:
        """The most recent person whose known role shares the role noun ("the defence minister")."""
        if not m.role:
            return None
        words = {_stem(w) for w in m.role.lower().split() if w not in _ROLE_FILLER}
        best, best_key = None, (0, -1)
        for e in self.entities:
            if e.kind == "person" and e.role and e.last <= m.start:
                shared = len(words & {_stem(w) for w in e.role.lower().split()})
                # The role that shares most words wins ("the acting Prime Minister of Iraq" is the Iraqi prime
                # minister, not the Israeli one named later), then the most recent.
                if shared and (shared, e.last) > best_key:
                    best, best_key = e, (shared, e.last)
        return best

    def aliases(self, name: str) -> list[str]:
        ent = self.by_name.get(name)
        return list(ent.mentions) if ent else []
