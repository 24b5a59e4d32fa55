"""A mention's words turned into a name and a kind: titles and origins split off ("Turkish Defence Minister Hulusi
Akar" -> Hulusi Akar; "Steve Scalise of Louisiana" -> Steve Scalise), organisations named whole and without their
article, source nouns ("officials in Brussels", "a spokesperson for the ministry") and possessives decided.
"""

from __future__ import annotations

import re

from tracker.extraction.aliases import alias_of, load_aliases, resolve_alias
from tracker.extraction.letters import caps
from tracker.extraction.quantities import NATIONALITY
from tracker.extraction.referents import ORG_ROLE_NOUNS
from tracker.extraction.sentences import ABBREVIATIONS
from tracker.extraction.speaker_words import (
    _HEAD_ROLES,
    _HONORIFICS,
    ANON_NOUNS,
    DETERMINERS,
    FUNCTION_WORDS,
    NAME_LINKS,
    NAME_PARTICLES,
    ORG_WORDS,
    OWNED_BODIES,
    PERSON_ROLE_NOUNS,
    PLURAL_TITLES,
    PREPOSITIONS,
    PRESS_WORDS,
    PRONOUNS,
    RELATIVES,
    SOURCE_PARTICIPLES,
    TITLES,
    Mention,
    _is_cap,
    described_start,
    is_first_name,
    is_surname_word,
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
                and not _name_after_chain(words, i, k)
            ):
                inside.add(k)
                k += 1
            i = k
        else:
            i += 1
    return inside


def _name_after_chain(words: list[str], i: int, k: int) -> bool:
    """ "Office of the Special Counsel Jack Smith": a person's name (a known first name and one or two more
    capitalised words, no organisation word) closes the phrase after a body's linked name, not inside it."""
    n = len(words)
    return (
        k > i + 2
        and 2 <= n - k <= 3
        and _is_cap(words[k - 1])
        and is_first_name(words[k])
        and not any(w.lower() in ORG_WORDS for w in words[k:])
    )


# Demonyms in -i; a first name in -i ("Nikki", "Giorgi") is not one.
_I_DEMONYMS = frozenset(
    "iraqi israeli saudi pakistani afghani yemeni omani kuwaiti qatari bahraini emirati somali bangladeshi "
    "azerbaijani nepali punjabi bengali hindi kashmiri".split()
)


def _is_demonym(word: str) -> bool:
    """A nationality word ("Turkish", "Iraqi"), by its list; an ending alone would take "Juan" or "Brian"."""
    return word in NATIONALITY or word in _I_DEMONYMS


_INITIAL = re.compile(caps(r"[A-Z]\."))


# Endings of the names of trades and sciences ("Demographer", "Epidemiologist", "Historian", "Physician",
# "Astronomer"): opening a phrase of three words or more, such a word is the role before a name.
_OCCUPATION_ENDS = ("ologist", "ographer", "onomer", "ician", "torian", "ist")


def _is_occupation(word: str) -> bool:
    return len(word) > 6 and word.endswith(_OCCUPATION_ENDS) and not is_first_name(word)


# Lower-case words after a title that are no part of the role: a name's particles ("von der Leyen") and the
# words that link a title to what it heads ("Secretary of Labor").
_NOT_ROLE_WORDS = NAME_PARTICLES | FUNCTION_WORDS


def _split_role(words: list[str]) -> tuple[str | None, list[str]]:
    """Split "Turkish Defence Minister Hulusi Akar" into the role and the name after its last title word."""
    last_title = -1
    chain = _org_chain(words) if len(words) > 2 else ()
    for i, w in enumerate(words[:-1]):
        lw = w.lower().rstrip(",")
        if i in chain or lw == "general" and i > 0 and words[i - 1].lower() in ORG_WORDS:
            continue  # ("Directorate General of Civil Aviation": "General" is in the body's name)
        if (
            lw in TITLES
            or lw.endswith("'s")
            or lw.endswith("’s")
            or i == 0
            and (_is_demonym(lw) or len(words) > 2 and _is_occupation(lw))
        ):
            last_title = i
    k = last_title + 1
    while k < len(words) - 1 and words[k].isalpha() and words[k].islower() and words[k] not in _NOT_ROLE_WORDS:
        k += 1
    if k > last_title + 1 and _is_cap(words[k]):
        last_title = k - 1  # "University health expert Wendy Parmet": a common noun after the title is in the role
    elif last_title < 0 and len(words) >= 3:
        last_title = _role_noun_before_name(words)
    if last_title > 0:
        # "Minister for Foreign Affairs Marise Payne": a title word inside the title's own "of"/"for" phrase
        # ("Foreign") does not end the title; the phrase is read from the title word that opens it.
        first = _phrase_title(words, last_title)
        if first >= 0:
            last_title = first
    rest = words[last_title + 1 :]
    if (
        last_title >= 0
        and len(rest) >= 4
        and rest[0].lower() in ("of", "to", "for")
        and all(_is_cap(w) or w == "the" for w in rest[1:])
    ):
        # "Secretary of Labor Dana Whitfield", "Special Representative for Iran Brian Hook": the "of" or "for"
        # phrase belongs to the title; the name is its last two words (three with a middle initial).
        keep = 3 if len(rest) >= 5 and _INITIAL.fullmatch(rest[-2]) else 2
        for k in range(2, len(rest) - 1):
            # ... or from a known first name on ("Ambassador to the United Nations Mary Ann Smith")
            if is_first_name(rest[k]) and not is_first_name(rest[k - 1]):
                keep = len(rest) - k
                break
        last_title += len(rest) - keep
    if chain and last_title < max(chain) < len(words) - 2 and is_first_name(words[max(chain) + 1]):
        # "Office of the Special Counsel Jack Smith": a body's linked name, then a person's from a known first name
        last_title = max(chain)
    if last_title < 0:
        return None, words[:]  # (no title: no role, the words a copy as below)
    role_words = [w for w in words[: last_title + 1] if w.lower() not in _HONORIFICS]
    role = " ".join(role_words).rstrip(",") or None
    return role, words[last_title + 1 :]


def _phrase_title(words: list[str], last_title: int) -> int:
    """The index of a title word before `last_title` that an "of", "to" or "for" phrase of capitalised words
    follows to the end, with a name after it ("Minister for Foreign Affairs Marise Payne"), or -1."""
    for t in range(last_title):
        nxt = words[t + 1].lower()
        if nxt in ("of", "to", "for") and words[t].lower() in TITLES:
            # (a name after the phrase, as the rule below reads it: at least the phrase's word and three more)
            ok = len(words) - t >= 5 and all(_is_cap(w) or w == "the" for w in words[t + 2 :])
            return t if ok else -1
    return -1


# Endings of nouns for what a person does ("campaigner", "investor", "economist", "historian").
_AGENT_ENDS = ("er", "or", "ist", "ian")


def _role_noun_before_name(words: list[str]) -> int:
    """ "Fisheries expert Ana Lima", "Greenpeace campaigner Ana Lima": with no title word, a lower-case noun for a
    person after a capitalised word and before the capitalised rest is the end of the role; the index of that
    noun, or -1. Only when the rest opens with a known first name, so a body's own lower-case word ("Doctors
    without Borders") is left alone."""
    for k in range(1, len(words) - 2):
        w = words[k]
        if not (w.isalpha() and w.islower()):
            continue
        if not (w in PERSON_ROLE_NOUNS or w in ANON_NOUNS or w.endswith(_AGENT_ENDS)) or w in _NOT_ROLE_WORDS:
            return -1
        if is_first_name(words[k + 1]) and all(_is_cap(x) for x in words[k + 1 :]):
            return k
        return -1
    return -1


def classify_name(name: str) -> tuple[str, str]:
    """(canonical name, kind) of a capitalised phrase: alias table first, then organisation words, else person."""
    low = name.strip().lower()  # (the alias key, and the words below: `split` drops the same spaces `strip` does)
    hit = alias_of(low)
    if hit:
        return hit
    return _classify_lowered(name, low)


def _classify_lowered(name: str, low: str) -> tuple[str, str]:
    """`classify_name` for a name already looked up in the alias table and not found there, given it lower-cased."""
    words = low.replace("’", "'").split()
    if (
        (not ORG_WORDS.isdisjoint(words) if "," not in low else any(w.rstrip(",") in ORG_WORDS for w in words))
        or words
        and words[0] == "the"
    ):
        return name, "organisation"
    if len(words) >= 3 and any(w in ("of", "for", "&") for w in words[1:-1]):
        return name, "organisation"  # "Conference of State Legislatures": a linked name is an institution's
    if len(words) == 1 and name.isupper() and (len(name) > 1 or name not in ("A", "I")):
        return name, "organisation"  # (one capital letter names no person either: "X", the platform)
    if len(words) == 1 and name.endswith("s") and name[:1].isupper() and name.lower().rstrip("s") + "" in _GROUPS:
        return name, "anonymous"
    return name, "person"


_GROUPS = frozenset({"republican", "democrat", "conservative", "liberal", "progressive", "american", "voter"})


# What `_mention_from_words` made of each phrase's words, by the alias table it was made with: (table, end cut,
# kind, name, role). A mention depends on its words alone (its offsets are the first token's start and the last
# one's end, less a full stop dropped after the phrase), and a speaker is named the same way again and again in
# an article ("Smith said" … "Smith said", "he said"), so each phrase is read once. Cleared when full.
_MENTIONS: dict[tuple[str, ...], tuple] = {}
_MENTIONS_MAX = 8192


# A lower-case description before a body's name ends at none of these: "researchers from …", "estimates by …".
_DESCRIPTION_LINKS = PREPOSITIONS | {"by"}


def _people_plural(head: str) -> bool:
    """A plural head noun that names people ("farmers", "residents"), not bodies ("unions", "companies") nor a
    singular in -s ("census", "news", "address")."""
    if not head.endswith("s") or head.endswith(("ss", "us", "is")) or head in ORG_WORDS:
        return False
    one = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return one not in ORG_WORDS and one not in ORG_ROLE_NOUNS


def _mention_from_words(toks: list[tuple[int, int, str]]) -> Mention:
    """The mention a phrase's tokens make: a person, organisation, pronoun, role, … with its name and role."""
    key = tuple([t[2] for t in toks])
    table = load_aliases()
    hit = _MENTIONS.get(key)
    start, end = toks[0][0], toks[-1][1]
    if hit is not None and hit[0] is table:
        _, cut, text, kind, name, role = hit
        return Mention(start, end - cut, text, kind, name, role)
    m = _read_mention(toks)
    if len(_MENTIONS) >= _MENTIONS_MAX:
        _MENTIONS.clear()
    _MENTIONS[key] = (table, end - m.end, m.text, m.kind, m.name, m.role)
    return m


def _described_name(words: list[str]) -> bool:
    """ "a defiant Johnson", "A visibly emotional Ardern": an article, one or two describing words, then the name."""
    return any(j < len(words) and _is_cap(words[j]) and described_start(words, j) == 0 for j in (2, 3))


def _read_mention(toks: list[tuple[int, int, str]]) -> Mention:
    last = toks[-1][2]
    if (
        len(last) > 2
        and last.endswith(".")
        and (last[:-1].lower() not in ABBREVIATIONS or last[:-1].lower() in _DATE_SHORT_FORMS)
        and "." not in last[:-1]
    ):  # (a day's or a month's short form ends no name: "the Baltimore Sun.")
        toks = toks[:-1] + [(toks[-1][0], toks[-1][1] - 1, last[:-1])]  # a full stop after the phrase
    start, end = toks[0][0], toks[-1][1]
    words = [t[2] for t in toks]
    text = " ".join(words)
    if "%" in text:
        text = text.replace(" %", "%")  # ("40% of voters": a token of its own, written against its number)
    head = words[-1].lower()
    first = words[0].lower()  # (asked by several rules below: lower-cased once)
    if len(words) == 1 and (head in ANON_NOUNS or head in PLURAL_TITLES):
        return Mention(start, end, words[0], "anonymous", words[0])  # "Officials said" at a sentence start
    if len(words) == 1 and head in PRONOUNS:
        return Mention(start, end, words[0], "pronoun")
    if len(words) == 1 and head in RELATIVES:
        return Mention(start, end, words[0], "relative")
    if head.endswith("-year-old") and first in ("the", "this", "that"):
        # "the 45-year-old told the court": a person described by their age, who points back as a role noun does
        return Mention(start, end, text, "role", None, " ".join(words[1:]))
    if len(words) >= 2 and _is_industry(first) and _is_cap(words[0]) and all(_is_cap(w) for w in words[1:]):
        # "Carmaker Ostrava Motors said": a descriptive noun opening the sentence before a company's name.
        inner = _mention_from_words(toks[1:])
        if inner.kind in ("organisation", "person"):
            return Mention(
                start,
                end,
                text,
                "organisation",
                inner.name if inner.kind == "organisation" else text[len(words[0]) + 1 :],
            )
    poss = None
    if "'s" in text or "’s" in text:  # (most mentions hold no possessive: no word to test)
        for k in range(len(words) - 2, -1, -1):
            if words[k].endswith(("'s", "’s")):
                poss = k
                break
    if (
        poss is not None
        and (words[-1].lower() in _OWNED_SOURCES or words[poss + 1].lower() in _OWNED_SOURCES)
        and all(
            w.islower() or w in _PLATFORMS and (_named_owner(words[: poss + 1]) or first == "the")
            for w in words[poss + 1 :]
        )  # ("the ministry's Facebook page": a definite owner as a named one)
    ):
        # "The Centre for Aviation's database says", "Biden's Twitter account": the owner speaks.
        inner = _mention_from_words(toks[: poss + 1])
        return Mention(start, end, text, inner.kind, inner.name, inner.role)
    if poss is not None and poss == len(words) - 2 and head in OWNED_BODIES and _named_owner(words[: poss + 1]):
        # "Erdogan's office", "the president's campaign": a body of its own, named by whose it is
        return Mention(start, end, text, "organisation", _without_article(text))
    if words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
        # A possessive names whose the speaker is: "The Centre for Aviation's database" speaks for the Centre;
        # "Baloch and Waseem's mother" is neither of them, and no person is made of it.
        if "and" in words:
            return Mention(start, end, text, "anonymous", text)
        inner = _mention_from_words(toks[:-1] + [(toks[-1][0], toks[-1][1] - 2, words[-1][:-2])])
        return Mention(start, end, text, inner.kind, inner.name, inner.role)
    if (
        poss is None
        and len(words) >= 3
        and head in _OWNED_SOURCES
        and _is_cap(words[-2])
        and (first == "the" or _is_cap(words[0]))
    ):
        # "The Internal Revenue Service website advises …": the body whose website, database or account it is.
        inner = _mention_from_words(toks[:-1])
        if inner.kind in ("organisation", "country", "person"):
            return Mention(start, end, text, inner.kind, inner.name, inner.role)
    if len(words) >= 2 and words[-1] in ("Today", "Tonight") and _is_cap(words[-2]):
        # "according to USA Today.": a publication or programme, not a time ("Today" is a function word)
        return Mention(start, end, text, "organisation", _without_article(text))
    # (a source noun's phrase is three words at least, "Officials in Brussels": no call for fewer)
    headed = _headed_by_source_noun(toks, words, start, end, text) if len(words) > 2 else None
    if headed is not None:
        return headed
    cap_last = _is_cap(words[-1])
    if not cap_last and words[0][:1].isupper() and not _PLACE_LINKS.isdisjoint(words):
        who, place = _person_tail(words)
        if place and classify_name(" ".join(who))[1] == "person":
            # "Crystal C'Bearing of the tribal preservation office": a person and where they work
            return Mention(start, end, text, "person", " ".join(who), place)
    if (
        cap_last
        or words[-1][:1].isupper()
        and (len(words) == 1 or is_surname_word(words[-2], words[-1]))  # ("Theresa May")
    ):
        low = text.lower()  # (the alias key below, and the classification's when the name is the whole text)
        alias = alias_of(low.strip())
        if alias:
            return Mention(start, end, text, alias[1], alias[0])
        first_cap = len(words) - 1
        described = first in ("a", "an") and _described_name(words)
        counted = first in _QUANTIFIERS and head.endswith("s") and not _has_org_word(words)
        for i, w in enumerate(words):
            if (w[:1].isupper() or w[:1].isdigit()) and not ((described or counted) and i == 0):
                first_cap = i  # (not "Most" in "Most Democrats": a quantifier opening the sentence is no name)
                break
        if (
            first_cap < len(words) - 2
            and words[first_cap].lower() in DETERMINERS
            and _HYPHEN_DESCRIBER.match(words[first_cap + 1])
        ):
            first_cap += 1  # "The Oscar-winning Emma Stone": a capitalised article before the describer
        if (
            first_cap < len(words) - 2
            and _HYPHEN_DESCRIBER.match(words[first_cap])
            and is_first_name(words[first_cap + 1])
            and all(w.lower() in DETERMINERS or w in _BEFORE_DESCRIBER for w in words[:first_cap])
        ):
            # "The Oscar-winning Emma Stone", "the former Nobel-winning Malala Yousafzai": the describer opens no
            # name and is no role (as "a defiant Johnson"); a person is named after it.
            described = True
            first_cap += 1
        while first_cap > 0 and words[first_cap - 1] in NAME_PARTICLES:
            first_cap -= 1  # "von der Leyen": the particles open the name
        role, name_words = _split_role(words[first_cap:])
        pre = " ".join(words[:first_cap])
        if pre and pre.lower() not in DETERMINERS and not described:
            # (not "a defiant Johnson", "A smiling Merkel": words that describe the person are no title)
            role = f"{pre} {role}" if role else pre
        elif described and not _BEFORE_DESCRIBER.isdisjoint(words[:first_cap]):
            # "the former Nobel-winning …": "former" is the role, the article and the describer are not
            former = " ".join(w for w in words[:first_cap] if w in _BEFORE_DESCRIBER)
            role = f"{former} {role}" if role else former
        # (a word that lower-cases to "the" is in the lower-cased text: most names hold none, nothing to drop)
        bare = [w for w in name_words if w.lower() != "the"] if "the" in low else name_words
        if name_words and name_words[0].lower() in ("of", "to") or len(bare) == 1 and bare[0].lower() in TITLES:
            # "the acting Prime Minister of Iraq": all title, no name; a role noun that points back at a person.
            return Mention(start, end, text, "role", None, " ".join(words[first_cap:]))
        name_words, place = _person_tail(name_words)
        if place:
            role = f"{role} {place}" if role else place
        name = " ".join(name_words) or text
        if name.endswith(("s'", "s’")):
            name = name[:-1]  # "According to Windsor Locks' …": the owner, without the possessive's mark
        # (the alias table was asked for the whole text above: the same name needs no second look-up)
        canon, kind = _classify_lowered(name, low) if name == text else classify_name(name)
        if kind == "person" and pre.lower() == "the" and not role and not place:
            # "the Treasury", "the Bundesbank", "the San Francisco Chronicle", "the Morning Star": a person is not
            # named with "the"
            kind = "organisation"
        if kind == "organisation" and (first == "the" or role):
            # "The Interior Ministry", "The Foreign Ministry of Iraq": a title-like word before an organisation
            # word is part of its name (an organisation has no role).
            canon = _without_article(text)
            if (
                pre
                and pre.lower() not in DETERMINERS
                and pre[-1:].islower()
                and _DESCRIPTION_LINKS.isdisjoint(pre.lower().split())
            ):
                # "carmaker Nordvik Motors", "the maritime data firm Kestrel Analytics": a lower-case description
                # before the name is no part of it (but "researchers from the University of Bristol" are people)
                canon = " ".join(words[first_cap:])
        return Mention(start, end, text, kind, canon, role if kind == "person" else None)
    alias = resolve_alias(text)
    if alias:
        return Mention(start, end, text, alias[1], alias[0])
    definite = first in ("the", "this", "that")
    if definite and (head in PERSON_ROLE_NOUNS or head in TITLES and head not in ORG_WORDS and len(words) > 2):
        # ("The BBC's political editor": a title as the head of an owned phrase names a person by role)
        return Mention(start, end, text, "role", None, " ".join(words[1:]))
    if head in ANON_NOUNS or head.endswith("s") and not definite:
        return Mention(start, end, text, "anonymous", text)
    if len(words) == 1 and head in ORG_WORDS:
        return Mention(start, end, text, "organisation", text)  # "…, police said": a body named bare
    if definite and text[4:].islower() and (_people_plural(head) or len(words) == 2 and head.endswith("ed")):
        # "the farmers", "the residents", "the accused", "the wounded": people, not a body
        return Mention(start, end, text, "anonymous", text)
    if definite:
        # "The Iraqi government": a body named by a proper adjective drops its article like a named one.
        named = any(w[:1].isupper() for w in words[1:])
        return Mention(start, end, text, "organisation", _without_article(text) if named else text)
    return Mention(start, end, text, "anonymous", text)


# Nouns for a kind of company that open a sentence before its name ("Carmaker Ostrava Motors", "Retailer Kmart").
_INDUSTRY = frozenset("retailer broadcaster insurer lender grocer supermarket airline".split())


# Participles between a source noun and its prepositional phrase ("Critics opposed to the plan").
_TIE_PARTICIPLES = SOURCE_PARTICIPLES | {"familiar", "close"}


_DATE_SHORT_FORMS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)


def _has_org_word(words: list[str]) -> bool:
    return any(w.lower().rstrip(",") in ORG_WORDS for w in words)  # ("All Nippon Airways" is a name)


# Determiners that count people; capitalised at a sentence's start they open no name ("Most Democrats said").
_QUANTIFIERS = frozenset("most some many several all few both".split())


# A capitalised compound adjective that describes a person named after it ("Oscar-winning", "Nobel-winning",
# "London-born", "Harvard-educated").
_HYPHEN_DESCRIBER = re.compile(r"[A-Z][\w.]*(?:-[a-z]+)*-(?:[a-z]+(?:ing|ed)|born|based)$")
# Words that may stand before such a describer in the phrase ("the former Nobel-winning Malala Yousafzai").
_BEFORE_DESCRIBER = frozenset("former late retired veteran".split())


def _is_industry(word: str) -> bool:
    return word in _INDUSTRY or word.endswith("maker") and len(word) > 6


# Words that join a person's name to where they work or come from ("of Louisiana", "at Tesco", "from Unite").
_PLACE_LINKS = frozenset("of at from for".split())


def _person_tail(words: list[str]) -> tuple[list[str], str | None]:
    """ "Steve Scalise of Louisiana", "Yvette Cooper of the Labour Party", "Ana Lima at Tesco", "Ann Rogers for
    Unite": a person's name with where they come from; the name is the part before the link word when that part
    names a person (two or three capitalised words, no organisation or title word), the rest is kept as the role."""
    if _PLACE_LINKS.isdisjoint(words):
        return words, None  # (most names hold no link word: one test in C)
    k = next((i for i, w in enumerate(words) if w in _PLACE_LINKS), -1)
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
# Platforms named in an owned source ("Biden's Twitter account", "the ministry's Facebook page").
_PLATFORMS = frozenset("Twitter Facebook Instagram YouTube TikTok Telegram LinkedIn Weibo WhatsApp X".split())


def _named_owner(words: list[str]) -> bool:
    """The words before a possessive are a name ("Biden's", "the Centre for Aviation's"), not a phrase that holds
    one ("A tweet sent from Lima's")."""
    return all(_is_cap(w) or w.lower() in NAME_LINKS or w.lower() == "the" for w in words)


def _headed_by_source_noun(toks, words: list[str], start: int, end: int, text: str) -> Mention | None:
    """A source noun with a prepositional phrase ("Officials in Brussels", "two diplomats at the UN", "the
    spokesman for the ministry"): the noun, not the capitalised name at the end, decides who speaks. A
    spokesperson for an organisation speaks for it; other such phrases stay anonymous (or a role, when definite)."""
    p = None
    for i in range(1, len(words)):
        if words[i].lower() in PREPOSITIONS:
            p = i
            break
    if p is None or p + 1 >= len(words):
        return None
    tied = p >= 2 and words[p - 1].lower() in _TIE_PARTICIPLES
    if tied:
        p -= 1  # "Critics opposed to the plan", "Researchers based in Oslo": the noun before the participle
    head = words[p - 1]
    hl = head.lower()
    if not (hl in ANON_NOUNS or hl in PERSON_ROLE_NOUNS and head.islower() or tied and _people_plural(hl)):
        return None
    if (
        p - 1 > 0
        and words[p - 2][:1].isupper()
        and words[p - 2].lower() not in DETERMINERS
        and words[p - 2].lower() not in FUNCTION_WORDS
        and not (hl in ANON_NOUNS and hl.endswith("s"))  # ("Senior analysts at Goldman Sachs": still unnamed)
    ):
        return None  # "State Department spokesman of …": a name before the noun; leave it to the name rules
    if hl in _SPOKES and words[p].lower() in ("for", "of", "at") and words[p + 1][:1].isalpha():
        org = _mention_from_words(toks[p + 1 :])
        if org.kind in ("organisation", "country"):
            return Mention(start, end, text, org.kind, org.name)
    if words[0].lower() in ("the", "this", "that") and p == 2 and hl in PERSON_ROLE_NOUNS:
        for k in range(p + 2, len(words) - 1):
            if is_first_name(words[k]) and all(_is_cap(w) for w in words[k:]) and not is_first_name(words[k - 1]):
                # "said the ambassador to the UN Nikki Haley": the person named after the role's phrase
                return Mention(start, end, text, "person", " ".join(words[k:]), " ".join(words[1:k]))
        return Mention(start, end, text, "role", None, head)
    return Mention(start, end, text, "anonymous", text)
