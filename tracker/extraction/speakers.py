"""Who is speaking: find the speaker mention next to a reporting cue and resolve it within the article.

News names a speaker once in full ("Turkish Defence Minister Hulusi Akar") and then as "Akar", "he", "the
official" or "the defence minister"; a dataset of quotes is only useful when all of those land on one name. The
mention is found by walking tokens outwards from the cue (cheap, no parser), and `Resolver` keeps the people,
organisations and countries seen so far so that later mentions resolve to the most recent compatible one.
Place names standing for governments ("Washington", "the US side") resolve through the editable alias table.
"""

from __future__ import annotations

import re
import string
from itertools import islice

from tracker.extraction.names import _OWNED_SOURCES, _PLATFORMS, _mention_from_words, classify_name  # noqa: F401
from tracker.extraction.referents import ORG_ROLE_NOUNS
from tracker.extraction.resolver import DOCUMENT_NOUNS, Resolver, gender_of  # noqa: F401
from tracker.extraction.speaker_words import (  # noqa: F401
    _MONTH_SURNAMES,
    _TOKEN,
    ANON_NOUNS,
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    NAME_LINKS,
    NAME_PARTICLES,
    NEGATIONS,
    ORG_WORDS,
    OWNED_BODIES,
    PERSON_ROLE_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RECORDINGS,
    RELATIVES,
    SKIP_BEFORE_CUE,
    SOURCE_PARTICIPLES,
    TIME_WORDS,
    TITLES,
    Mention,
    _is_cap,
    described_start,
    is_describing,
    is_first_name,
    is_surname_word,
    iter_tokens,  # noqa: F401
    tokens,
)

_PARTICLES = NAME_PARTICLES


def _cap_before_particles(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the run of particles ending at token k follows a capitalised word ("Ursula von der")."""
    while k > 0 and toks[k - 1][2].lower() in _PARTICLES:
        k -= 1
    return k > 0 and _is_cap(toks[k - 1][2])


def _particles_open_name(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the run of name particles ending at token k opens the name after it with no first name before:
    after a title word ("Commission president von der Leyen") or as a run of two ("… and von der Leyen"), which
    no other phrase has before a capitalised word."""
    first = k
    while k > 0 and toks[k - 1][2].lower() in _PARTICLES:
        k -= 1
    return first > k or k > 0 and toks[k - 1][2].lower() in TITLES


_DASH_TOKENS = frozenset("— – -".split())


def _opening_dash(toks: list[tuple[int, int, str]], i: int) -> int | None:
    """The token of the dash that opens the aside closed by the dash at token i (a hyphen pair "--" is one dash),
    when the aside is words only and a capitalised word stands before it; else None."""
    close = i - 1 if toks[i][2] == "-" and i > 0 and toks[i - 1][2] == "-" else i
    for k in range(close - 1, max(0, close - 40), -1):
        w = toks[k][2]
        if w in _DASH_TOKENS:
            head = k - 1 - (w == "-" and toks[k - 1][2] == "-")
            return k if head >= 0 and k < close - 1 and _is_cap(toks[head][2]) else None
        if w in '.;:!?“”"()':
            return None
    return None


# Words before "to" that keep the phrase after it in the source: "a source close to the talks", "advisers to Mr.
# Obama say" (the advisers speak, not Mr. Obama).
_BEFORE_TO = frozenset(
    """
    close near aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson counsel ambassador
    ambassadors envoy envoys assistant assistants consultant consultants lawyer lawyers attorney attorneys
    """.split()
)


_SUBORDINATORS = frozenset(
    "when while whilst after before as if though although because since until unless once".split()
)


def _clause_between(toks: list[tuple[int, int, str]], lo: int, hi: int) -> bool:
    """Whether toks[lo:hi] is a clause ("For some, the losses would outstrip the gains, said Batchelder": no
    apposition to "some", who does not speak) rather than an apposition, whose relative clause may hold an
    auxiliary ("Akar, a general who has served for years, said")."""
    if toks[lo][2].lower() in _SUBORDINATORS:
        return False  # "Leyts, when asked whether it was done, told …": a subordinate clause is stepped over
    for k in range(lo, hi):
        w = toks[k][2]  # (as written: "in May" holds no auxiliary)
        if w in RELATIVES or w == "that":
            return False
        if w in AUXILIARIES:  # (one in the words between two commas: a clause, not an apposition)
            return True
    return False


# Words that stand before a title or a name as part of the role: "former", "retired Air Force general …".
_BEFORE_TITLES = frozenset(
    "the longtime former top veteran then-president retired outgoing incoming embattled ousted exiled".split()
)


def _role_modifier(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the lower-case word at token k, just before a title, is a noun that says whose the role is
    ("police spokesman", "campaign spokesman", "White House press secretary", "panel Chairman"). Left out, it
    stands between the quote and its speaker ("“…,” campaign spokesman Brian Fallon said"), and the quote was lost.
    Only a noun in a phrase's opening position counts: after punctuation, an article or possessive, a capitalised
    word or a title, or opening the window; a verb ("Voters elected senator Ann Lee") has its subject before it,
    and words with a verb's or adverb's ending are left out (after a name, one in "s" too)."""
    w = toks[k][2]
    if not (w.isalpha() and w.islower()) or w in FUNCTION_WORDS or w in SKIP_BEFORE_CUE or w in NEGATIONS:
        return False
    if w.endswith(("ed", "ing", "ly")) or w in TIME_WORDS or w in _TIME_PLURALS:
        return False
    if k == 0:
        return True
    before = toks[k - 1][2]
    low = before.lower()
    if low in DETERMINERS or low in TITLES or not before[:1].isalnum():
        return True
    # After a name, a word in "s" is as likely a verb ("Trump fires spokesman …") as a noun ("Sports minister").
    return (low.endswith(("’s", "'s")) or _is_cap(before) and low not in PRONOUNS) and not w.endswith("s")


# Bodies named by a bare singular noun, as a plural is ("…, police said", "…, military said").
_BARE_BODIES = frozenset("police military staff management government".split())


def _publication_today(toks: list[tuple[int, int, str]], i: int) -> bool:
    """ "USA Today", "Newsnight Tonight": a capitalised "Today" or "Tonight" after a capitalised word ends a name."""
    return toks[i][2] in ("Today", "Tonight") and i > 0 and _is_cap(toks[i - 1][2])


def _np_back(toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the first token of the noun phrase that ends at token i, or None when there is none."""
    word = toks[i][2]
    low = word.lower()
    if low in PRONOUNS or low in RELATIVES:
        return i
    if (
        _is_cap(word)
        or word[:1].isupper()
        and (
            low not in FUNCTION_WORDS
            or i > 0
            and (is_surname_word(toks[i - 1][2], word) or _publication_today(toks, i))
        )
    ):
        j = i
        while j > 0:
            prev = toks[j - 1][2]
            pl = prev.lower()
            if pl == "the" and j >= 2 and toks[j - 2][2].lower() not in NAME_LINKS:
                j -= 1  # "Last week in Tampa the Moms for Liberty said": nothing before the article is in the phrase
                break
            if (
                _is_cap(prev)
                and (pl not in TIME_WORDS or toks[j][2] in NAME_LINKS)  # ("The Night of Ideas said")
                or (pl == "of" or pl in _PARTICLES)
                and _cap_before_particles(toks, j - 1)
            ):
                j -= 1
            elif pl in _PARTICLES and _particles_open_name(toks, j - 1):
                while j > 0 and toks[j - 1][2].lower() in _PARTICLES:
                    j -= 1  # "Commission president von der Leyen", "… and von der Leyen said"
            elif pl in NAME_LINKS and j - 2 >= 0 and _is_cap(toks[j - 2][2]) and _linked_name(toks, j - 1):
                j -= 1  # "Center for Strategic and International Studies": one name, not two speakers
            elif pl in TITLES or pl.endswith("-based") or pl in _BEFORE_TITLES:
                j -= 1
            elif pl in PERSON_ROLE_NOUNS or pl in ANON_NOUNS:
                j -= 1
            elif toks[j][2].lower() in TITLES and _role_modifier(toks, j - 1):
                j -= 1  # "“…,” campaign spokesman Brian Fallon said": the noun before the title is in the role
            elif (
                j >= 2
                and prev.isalpha()
                and prev.islower()
                and toks[j][2].lower() in TITLES
                and toks[j - 2][2].lower() in TITLES
            ):
                j -= 1  # "Chief financial officer Mark Deluca": a word between two title words is in the title
            else:
                break
        if j >= 2 and is_describing(toks[j - 1][2]):
            lo = max(0, j - 3)  # ("a visibly emotional Johnson": the article is at most three tokens back)
            d = described_start([t[2] for t in toks[lo : j + 1]], j - lo)
            if d is not None:
                j = lo + d  # "a defiant Johnson": the article opens the phrase
        # "the" only belongs to the phrase at its left edge.
        return j
    share = i - 1 if low == "%" or low == "percent" else i - 2 if low == "cent" and i > 1 else -1
    if share >= 0 and toks[share][2][:1].isdigit() and (low != "cent" or toks[i - 1][2].lower() == "per"):
        # "63 percent said", "about 40% of voters said": a share of those asked, with its number and hedge
        return share - 1 if share > 0 and toks[share - 1][2].lower() in _SHARE_HEDGES else share
    if not word[:1].isalpha() or low in FUNCTION_WORDS and low not in ("one", "others", "many", "some"):
        return None
    # "the experts I interviewed said", "the protesters Wikinews interviewed said": a relative clause of a pronoun
    # or a name and a past ends the phrase
    relative = i > 1 and low.endswith("ed") and (toks[i - 1][2].lower() in PRONOUNS or _is_cap(toks[i - 1][2]))
    if low in _PAST_VERBS and not relative:
        return None  # "the nation began mourning": a past heads no noun phrase
    if (
        len(low) > 4
        and low.endswith("ed")
        and not low.endswith(_NOUNS_IN_ED)
        and not relative
        and i == len(toks) - 1
        and not (i > 0 and toks[i - 1][2].lower() in DETERMINERS)  # ("the accused said": an adjective as a noun)
    ):
        # "the rats avoided pressing the lever": a past tense right before the cue heads no noun phrase (a
        # participle after its noun, "the report released last year found", has words after it)
        return None
    j = i
    owner = None
    for k in range(i, max(-1, i - 7), -1):
        w = toks[k][2].lower()
        if owner is None and k < i and w.endswith(("’s", "'s")) and _is_cap(toks[k][2]):
            owner = k  # "Erdogan’s office": the owner's name opens the phrase, if nothing before it does
        if not toks[k][2][:1].isalnum() and toks[k][2] not in ("-",) or k < i and w in _TIME_PLURALS:
            break  # ("For years critics said": the time phrase is no part of the source)
        if k < i and (
            w in AUXILIARIES
            or w in NEGATIONS
            or w in PRONOUNS
            and w != "it"
            and not relative
            or w in _PAST_VERBS
            or w == "be"
        ):
            # "questions that I can describe", "… decided not to play for the federation saying": a clause, not
            # the words of a noun phrase
            return None
        if w in DETERMINERS:
            return k
        if k < i and w in FUNCTION_WORDS and w not in PREPOSITIONS and w != "and":
            break
        j = k
    if (j == 0 or not toks[j - 1][2][:1].isalnum()) and toks[j][2][:1].isupper() and j < i:
        return j  # "Experts on North Korea and nuclear nonproliferation said": the phrase opens the clause
    # A bare plural or mass noun ("officials said", "polls show") is its own phrase.
    if low.endswith("s") or low in ANON_NOUNS or low in PERSON_ROLE_NOUNS or low in _BARE_BODIES:
        return i if not toks[i - 1][2][:1].isalpha() or i == 0 else _bare_left(toks, i)
    if owner is not None:
        return _np_back(toks, owner)  # "A statement released by Erdogan’s office said"
    return None


# Irregular pasts, which are no words of a noun phrase ("Lee spoke to reporters saying …"); not "met" or "left",
# which are ("the Met", "the left").
_PAST_VERBS = frozenset("said spoke told wrote went came made took gave got began".split())


# Nouns that end in "-ed" (a past tense heads no noun phrase; these do).
_NOUNS_IN_ED = ("eed", "ead", "hundred", "shed", "sled", "red", "bed")


def _participle_at_cue(text: str, cue_start: int) -> bool:
    t = _TOKEN.match(text, cue_start)
    return t is not None and t.group().endswith("ing")


_PLACE_PREPOSITIONS = frozenset("through outside inside across along around into past toward towards".split())


_SHARE_HEDGES = frozenset("about nearly almost only some around roughly over under just".split())


def _org_before(toks: list[tuple[int, int, str]], k: int) -> bool:
    """An organisation word in the run of capitalised and linking words that ends at token k."""
    while k >= 0 and (_is_cap(toks[k][2]) or toks[k][2].lower() in NAME_LINKS):
        if toks[k][2].lower() in ORG_WORDS:
            return True
        k -= 1
    return False


def _org_after(toks: list[tuple[int, int, str]], k: int) -> bool:
    """An organisation word in the run of capitalised words that starts at token k."""
    while k < len(toks) and _is_cap(toks[k][2]):
        if toks[k][2].lower() in ORG_WORDS:
            return True
        k += 1
    return False


def _linked_name(toks: list[tuple[int, int, str]], k: int) -> bool:
    """The link word at token k (between capitalised words) joins one name rather than two: always for "&"
    ("Johnson & Johnson", "Procter & Gamble": a firm's name, never two speakers); for "of"/"for"/"and" after an
    organisation word ("Center for Strategic and International Studies"); and "for" after a lone capitalised
    plural ("Doctors for Peace", "Americans for Prosperity"), which is a group's name, since a person is not
    named by one plural word."""
    link = toks[k][2].lower()
    if link == "&":
        return True
    if _org_before(toks, k - 1):
        return True
    if link == "and" and _org_after(toks, k + 1) and (k < 2 or not _is_cap(toks[k - 2][2])):
        return True  # "The Food and Drink Federation": one capitalised word, "and", then the body's name
    if link != "for" or k < 1:
        return False
    head = toks[k - 1][2]
    lone = k < 2 or not (_is_cap(toks[k - 2][2]) or toks[k - 2][2].lower() in NAME_LINKS)
    return lone and head.isalpha() and len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))


_TIME_PLURALS = frozenset("years months weeks days decades centuries hours minutes".split())


def _bare_left(toks: list[tuple[int, int, str]], i: int) -> int:
    """Extend a bare noun over preceding adjectives ("White House officials", "some Republican senators")."""
    j = i
    while j > 0 and j > i - 3:
        w = toks[j - 1][2]
        wl = w.lower()
        if wl in FUNCTION_WORDS or not w[:1].isalpha() or wl in SKIP_BEFORE_CUE or wl in _TIME_PLURALS:
            break  # ("For years critics said": the time phrase is no adjective of the source)
        j -= 1
    return j


def subject_before(
    text: str, lo: int, cue_start: int, toks: list[tuple[int, int, str]] | None = None
) -> tuple[Mention | None, bool]:
    """The subject of a reporting verb: the noun phrase just before it, skipping adverbs and auxiliaries.

    Returns (mention, negated); appositions ("Akar, a former general, said") are stepped over to their head, and
    a trailing prepositional phrase ("a source familiar with the matter") is kept with its noun. `toks`: the
    tokens of text[max(lo, cue_start - 200):cue_start], when the caller has them already.
    """
    if toks is None:
        quick = _pronoun_before(text, lo, cue_start)
        if quick is not None:
            return quick, False
        toks = _window_tokens(text, max(lo, cue_start - 200), cue_start)
    if len(toks) <= 2 and _plain_name_window(toks):
        return _mention_from_words(toks), False
    quick = _pronoun_at_cue(toks)
    if quick is not None:
        return quick, False
    i = len(toks) - 1
    negated = False
    appos = None
    while i >= 0:
        w = toks[i][2].lower()
        if i > 0 and (is_surname_word(toks[i - 1][2], toks[i][2]) or _publication_today(toks, i)):
            break  # "Theresa May said", "USA Today reported": the name's last word, not the modal or the time
        if w in _BE and _participle_at(text, cue_start):
            # "Qawi was accused of …": the subject is whom it was said about; the speaker is not named.
            return None, negated
        if w in NEGATIONS or w.endswith("n't"):
            negated = True
        elif w in TIME_WORDS and w not in ("earlier", "later"):
            # "Sanders on Tuesday said", "Trump last week said"
            if i > 0 and toks[i - 1][2].lower() in ("on", "last", "this", "that", "late", "early", "on"):
                i -= 1
        elif w == ")":
            # "Sen. Claire McCaskill (D-Mo.) said": a party label in brackets is not the subject.
            k = i - 1
            while k >= 0 and i - k < 32 and toks[k][2] != "(":
                k -= 1  # (a bracketed aside of some length: "Ana Lima (who has led the council for years) said")
            if k < 0 or toks[k][2] != "(":
                break
            i = k
        elif not (w in SKIP_BEFORE_CUE or w.endswith("ly") and w.isalpha() and len(w) > 3 and w not in _LY_NOUNS):
            break
        i -= 1
    if i < 0:
        return None, negated
    if toks[i][2] in _DASH_TOKENS:
        # "Kall -- co-editor of a book on Trump -- said", "John Dickey — the chief executive — told": an apposition
        # between dashes; the head sits before the opening one.
        d = _opening_dash(toks, i)
        if d is None:
            return None, negated
        appos = (d + 1, i - 1 - (toks[i - 1][2] == "-" and toks[i][2] == "-"))
        i = d - 1 - (d > 0 and toks[d][2] == "-" and toks[d - 1][2] == "-")
        if i < 0:
            return None, negated
    if toks[i][2] == ",":
        # "Akar, a former general, said" / "Mr. Kamin, who ...," : the head sits before the opening comma.
        for k in range(i - 1, max(-1, i - 32), -1):
            if toks[k][2] == ",":
                inner = toks[k + 1][2].lower()
                if (
                    (
                        inner not in ("and", "but", "or", "so", "yet", "then", "while", "as", "because", "though")
                        # "Ann Lee, then a senator, said": "then" before a noun phrase opens an apposition
                        or inner == "then"
                        and k + 2 <= i
                        and toks[k + 2][2].lower() in DETERMINERS
                    )
                    and toks[k + 1][2][:1].isalnum()
                    and not _clause_between(toks, k + 1, i)
                ):
                    appos = (k + 1, i - 1)
                    i = k - 1
                    if i > 1 and toks[i][2].isdigit() and toks[i - 1][2] == ",":
                        i -= 2  # "Geoffrey Tallis, 58, of Leeds, said": an age between the name and the apposition
                    if i > 0 and toks[i][2] == ")":
                        # "The Guard Corps (IRGC), which …, declared": the head sits before its bracketed short form
                        b = i - 1
                        while b > 0 and i - b < 8 and toks[b][2] != "(":
                            b -= 1
                        if toks[b][2] == "(":
                            i = b - 1
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
    while j >= 2 and (
        toks[j - 1][2].lower() in PREPOSITIONS
        and (
            toks[j - 1][2].lower() != "to"
            or toks[j - 2][2].lower() in _BEFORE_TO
            or toks[j - 2][2].lower() in SOURCE_PARTICIPLES
        )
        # "Protesters marching through the streets chanted", "Protesters gathered outside the court said": a
        # participle's phrase of place
        or toks[j - 1][2].lower() in _PLACE_PREPOSITIONS
        and toks[j - 2][2].endswith(("ing", "ed"))
        and toks[j - 2][2].islower()
    ):
        k = j - 2
        kw = toks[k][2].lower()
        if kw in RECORDINGS and toks[j - 1][2].lower() == "of" and _participle_at_cue(text, cue_start):
            break  # "footage of Trump saying …", "a video of the mayor telling …": whom it shows speaks
        if (kw in ("familiar", "close") or kw in SOURCE_PARTICIPLES) and k >= 1:
            k -= 1  # "a source familiar with the talks", "Critics opposed to the plan", "Researchers based in Oslo"
        j2 = _np_back(toks, k)
        if j2 is None or toks[k][2].lower() in PRONOUNS:
            break
        j = j2
    if toks[j][2].lower() in FUNCTION_WORDS and toks[j][2].lower() not in DETERMINERS and j < i:
        j += 1
    if appos is not None and _names_role(toks[i][2], toks[appos[0] : appos[1] + 1]):
        # "Turkish Defence Minister, Hulusi Akar, said": the name sits in the apposition, the head is the role.
        both = _mention_from_words(toks[j : i + 1] + toks[appos[0] : appos[1] + 1])
        if toks[i][2].islower():
            # "Varma's chief buyer, Rohan Iyer, said": a role that no title list knows; the name is the apposition.
            name = _mention_from_words(toks[appos[0] : appos[1] + 1])
            role = " ".join(w for _, _, w in toks[j : i + 1])
            return Mention(both.start, both.end, both.text, "person", name.name, role), negated
        return both, negated
    member = _member_of(toks, j, i)
    if member is not None:
        return member, negated
    m = _mention_from_words(toks[j : i + 1])
    if appos is not None and m.kind == "person" and _body_apposition(toks[appos[0] : appos[1] + 1]):
        # "Met Éireann, the national weather service, said": the apposition says the name is a body's
        return Mention(m.start, m.end, m.text, "organisation", m.name), negated
    if appos is None and j >= 2 and toks[j - 1][2] == "and" and m.kind in _NAMED_KINDS:
        pair = _coordinated(toks, j, i, m)
        if pair is not None:
            return pair, negated
    return m, negated


_NAMED_KINDS = frozenset(("person", "organisation", "country"))


# Words after which a subject opens its clause: "But Lima and Reyes said", "When China and Russia said".
_PAIR_OPENERS = _SUBORDINATORS | frozenset("but and so yet then also now whereas".split())


def _coordinated(toks: list[tuple[int, int, str]], j: int, i: int, last: Mention) -> Mention | None:
    """The two names of a coordinated subject ("Mr. Grassley and Mr. Leahy said", "China and Russia said"), the
    name before "and" at toks[j - 2]: both speak, not the last alone. Only when the pair opens its clause (not
    "The mayor met Lima and Reyes said"): kind "coordinated", which the resolver resolves name by name. A body's
    name with "and" in it is one name ("North Wales Fire and Rescue Service"), and so is a title ("Road Transport
    and Bridges Minister Obaidul Quader") or a name linked by "of" ("Ann Lee of Rogaland Fire and Rescue")."""
    k = _np_back(toks, j - 2)
    if k is not None and k < j - 2 and toks[k][2].lower() in _PAIR_OPENERS:
        k += 1  # "Whereas Pierce and Hawkins said": the clause's opening word is no part of the first name
    elif k is None or k > 0 and toks[k - 1][2][:1].isalnum() and toks[k - 1][2].lower() not in _PAIR_OPENERS:
        return None
    first = _mention_from_words(toks[k : j - 1])
    if first.kind not in _NAMED_KINDS or "of" in first.text.split():
        return None
    whole = _mention_from_words(toks[k : i + 1])
    if (
        whole.kind == "organisation"
        and toks[j][2].lower() not in DETERMINERS
        and not (first.kind == "person" and is_first_name(toks[k][2]))
    ):
        return whole  # (not "Ana Lima and the Police Federation": a person, then a body with its article)
    if last.role is not None and last.role[:1].isupper() and last.role.split()[0].lower() not in TITLES:
        return None
    text = f"{first.text} and {last.text}"
    return Mention(first.start, last.end, text, "coordinated", text)


def _body_apposition(inner: list[tuple[int, int, str]]) -> bool:
    """An apposition that describes a body: an article, then words ending at a body noun before any preposition
    or relative ("the national weather service", "a Norwegian shipping company", not "the head of the agency")."""
    if len(inner) < 2 or inner[0][2].lower() not in ("a", "an", "the"):
        return False
    head = inner[-1][2].lower()
    for _, _, w in inner[1:]:
        if w.lower() in PREPOSITIONS or w.lower() in RELATIVES or w.lower() == "that":
            break
        head = w.lower()
    return head in ORG_WORDS or head in ORG_ROLE_NOUNS


def _window_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """`tokens(text, lo, hi)`, split by spaces when the window is short and holds only ASCII letters and spaces
    ("John Ba " after a sentence's start): `_TOKEN` then matches each run of letters whole (its other branches need a
    digit, a mark or an apostrophe), and the split costs a third of the pattern's pass. A longer window (most of
    them in real news, where the sentence started earlier) goes to the pattern without the test."""
    if hi - lo > 48:
        return tokens(text, lo, hi)
    window = text[lo:hi]
    if not (window.isascii() and window.replace(" ", "").isalpha()):
        return tokens(text, lo, hi)
    out: list[tuple[int, int, str]] = []
    k = lo
    for word in window.split(" "):
        if word:
            out.append((k, k + len(word), word))
            k += len(word) + 1
        else:
            k += 1
    return out


def _pronoun_at_cue(toks: list[tuple[int, int, str]]) -> Mention | None:
    """The subject when it is a personal pronoun that the walk below would take alone: the window's only token
    ("He said") or its last one after a word that no step reads past (`_pronoun_subject`); else None."""
    if len(toks) >= 2:
        last = toks[-1]
        return Mention(last[0], last[1], last[2], "pronoun") if _pronoun_subject(last[2], toks[-2][2]) else None
    if toks and toks[0][2].lower() in PRONOUNS:
        return Mention(toks[0][0], toks[0][1], toks[0][2], "pronoun")  # (what `_mention_from_words` makes of it)
    return None


_ASCII_LETTERS = frozenset(string.ascii_letters)
# Besides letters and digits, what a token may hold after its first character (`_TOKEN`); and what it may end on.
_TOKEN_INNER = frozenset("_$'’.&-")
_TOKEN_LAST = frozenset("_$'’.")
_PRONOUN_LAST = frozenset(w[-1] for w in PRONOUNS) | frozenset(w[-1].upper() for w in PRONOUNS)


def _pronoun_before(text: str, lo: int, cue_start: int) -> Mention | None:
    """`_pronoun_at_cue` of the tokens before the cue, read backwards from the cue without tokenising the window
    (most quotes: '…,” he said', "He said"), when the last token is a pronoun of ASCII letters and the one before
    it, if any, a word of ASCII letters or a single mark; None when it is not, or when those tokens are not plain
    enough to be told apart this way (the caller then tokenises the window).

    Exact because `_TOKEN` never spans a space and every other character starts a token: a run of letters with a
    space or the window's start before it and a character that no token may hold inside (or end on) before that,
    is a whole token."""
    w0 = max(lo, cue_start - 200)
    k = cue_start
    while k > w0 and text[k - 1].isspace():
        k -= 1
    if k == w0 or text[k - 1] not in _PRONOUN_LAST:
        return None  # (most names end on another letter: "John Smith said")
    j = k
    while j > w0 and k - j < 5 and text[j - 1] in _ASCII_LETTERS:
        j -= 1
    if j == k or j > w0 and (text[j - 1].isalnum() or text[j - 1] in _TOKEN_INNER):
        return None
    word = text[j:k]
    if word.lower() not in PRONOUNS:
        return None
    m = j
    while m > w0 and text[m - 1].isspace():
        m -= 1
    if m == w0:
        return Mention(j, k, word, "pronoun")  # the window's only token
    p = m - 1
    if text[p] in _ASCII_LETTERS:
        while p > w0 and m - p < 16 and text[p - 1] in _ASCII_LETTERS:
            p -= 1
        if p > w0 and (text[p - 1].isalnum() or text[p - 1] in _TOKEN_INNER):
            return None
    elif text[p].isalnum() or text[p] in _TOKEN_LAST:
        return None  # (it may end a longer token: "U.S.", "5", "Jones'")
    return Mention(j, k, word, "pronoun") if _pronoun_subject(word, text[p:m]) else None


def _pronoun_subject(last: str, before: str) -> bool:
    """A personal pronoun right before the cue ("…,” he said", "and she said") with nothing that the steps of
    `subject_before` would read past it: the word before is no preposition (which would join a phrase: "one of
    them"), and none that opens a body's description (`_member_of`: a lower-case word that is not a stop). The
    pronoun alone is then the subject, not negated, whatever comes before."""
    return (
        last.lower() in PRONOUNS
        and before.lower() not in PREPOSITIONS
        and (not before[:1].islower() or before in _MEMBER_STOPS)
    )


def _member_of(toks: list[tuple[int, int, str]], j: int, i: int) -> Mention | None:
    """ "Peter Iseley of victims' group Ending Clergy Abuse said": a person named before "of" and a body described
    by common nouns; the person speaks, the body is where they come from."""
    k = j - 1
    while k >= 0 and j - k <= 4 and toks[k][2][:1].islower() and toks[k][2] != "of" and toks[k][2] not in _MEMBER_STOPS:
        k -= 1
    if k < 1 or k == j - 1 or toks[k][2] != "of" or not _is_cap(toks[k - 1][2]):
        return None
    p = k - 1
    while p > 0 and k - p < 3 and _is_cap(toks[p - 1][2]):
        p -= 1
    person = _mention_from_words(toks[p:k])
    if person.kind != "person":
        return None
    whole = _mention_from_words(toks[p : i + 1])
    return Mention(whole.start, whole.end, whole.text, "person", person.name, person.role)


# Words that end the description of a body before its name (a verb or a clause word, not a common noun).
_MEMBER_STOPS = frozenset("and or but said says that who which was were is are has have had".split())


_BE = frozenset("was were is are been be being".split())


# Nouns ending in "-ly" that are no adverb before a cue ("lawyers for the family said").
_LY_NOUNS = frozenset("family assembly ally supply rally monopoly anomaly homily".split())


# Lower-cased words that a step of `subject_before`'s walk reads when they end the window or open a window of two
# ("Mr May", "USA Today", "He", "was", "never", "Tuesday", "also", "publicly"): such a window takes the walk.
_NOT_PLAIN_LAST = (
    FUNCTION_WORDS
    | TIME_WORDS
    | SKIP_BEFORE_CUE
    | NEGATIONS
    | frozenset(PRONOUNS)
    | RELATIVES
    | _MONTH_SURNAMES
    | _BE
    | {"today", "tonight"}
)
_NOT_PLAIN_FIRST = FUNCTION_WORDS | TIME_WORDS


def _plain_name_window(toks: list[tuple[int, int, str]]) -> bool:
    """One or two capitalised ASCII words and nothing else before the cue ("Smith said", "John Smith said" at a
    sentence's start), none of them a word the walk below reads: the walk then stops at once on the last word,
    `_np_back` takes both, and the phrase is the whole window (no apposition, member or coordination)."""
    if not toks:
        return False
    last = toks[-1][2]
    if not (last.isascii() and last.isalpha() and last.istitle()):
        return False
    low = last.lower()
    if low in _NOT_PLAIN_LAST or low.endswith("ly"):
        return False
    if len(toks) == 1:
        return True
    first = toks[0][2]
    return first.isascii() and first.isalpha() and first.istitle() and first.lower() not in _NOT_PLAIN_FIRST


# A participle with "of" after it: "was accused of", "was convicted of".
_PARTICIPLE = re.compile(r"(?:[a-z]+ed|told|said|written|shown|found|given|known|seen|heard)(?=[ \t\xa0]+of\b)")


def _participle_at(text: str, k: int) -> bool:
    """The cue at k is a past participle with "of" after it ("accused of"), not "quoted" or "told"."""
    m = _PARTICIPLE.match(text, k)
    return m is not None and m.group() not in _SPEAKER_STAYS


# Participles after which the reported speech stays a quote: "X was quoted as saying", and "he was told/asked"
# (whoever told him is often named after, and the exchange is reported speech all the same).
_SPEAKER_STAYS = frozenset("quoted told asked informed advised warned".split())


def _names_role(head: str, inner: list[tuple[int, int, str]]) -> bool:
    """ "Turkish Defence Minister, Hulusi Akar, said", "Varma's chief buyer, Rohan Iyer, said": the head is a title
    or a lower-case role and the apposition a name (for a common noun, a person's name)."""
    words = [w for _, _, w in inner]
    if not (1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)):
        return False
    if head.lower() in TITLES or head.lower() in PERSON_ROLE_NOUNS:
        return True
    return head.isalpha() and head.islower() and 2 <= len(words) <= 3 and classify_name(" ".join(words))[1] == "person"


_STOP_AFTER = frozenset(
    "who which that in on at during while when adding after before as because to told said says and but about "
    "according has have had is was were are would will could can may might did does do also".split()
)


# Bodies named with the place they are posted in: "the Embassy in Iraq", "the Consulate in Erbil".
_POSTED_BODIES = frozenset("embassy consulate mission office bureau delegation".split())


# Common nouns that end a body's name after a proper adjective ("Iraqi military", "the US side").
_BODY_NOUNS = frozenset("side government military army navy police media press authorities forces embassy".split())


# What a named owner speaks through or as: "Erdogan's office", "Biden's Twitter account".
_OWNED = OWNED_BODIES | _OWNED_SOURCES


def _colleagues_after(toks: list[tuple[int, int, str]], k: int) -> int:
    """The end (exclusive) of "and colleagues" / "and her colleagues" starting at token k, or 0."""
    for size in (2, 3):
        if k + size <= len(toks) and toks[k + size - 1][2].lower().rstrip(".") == "colleagues":
            return k + size if size == 2 or toks[k + 1][2].lower() in ("his", "her", "their") else 0
    return 0


def _owner_before(toks: list[tuple[int, int, str]], k: int) -> bool:
    """A capitalised possessive at token k - 1, or at k - 2 before a platform's name ("Biden's Twitter")."""
    for p in (k - 1, k - 2):
        if p >= 0 and toks[p][2].endswith(("'s", "’s")) and _is_cap(toks[p][2]):
            return p == k - 1 or toks[k - 1][2] in _PLATFORMS
    return False


def _cap_after_particles(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the run of particles starting at token k leads to a capitalised word ("von der Leyen")."""
    while k < len(toks) and toks[k][2].lower() in _PARTICLES:
        k += 1
    return k < len(toks) and _is_cap(toks[k][2])


# Past tenses not in "-ed" that end a subject as "-ed" does ("The president met reporters and said …"): only the
# forms that are no participle as well ("took", not "sent": "A tweet sent from Biden's account said …" names its
# source after the participle) and seldom a noun or an adjective inside a name or a description.
_PAST_NOT_ED = frozenset(
    """
    took gave went came saw began became fell rose knew grew drew drove flew fled spoke swore wore wrote ran sank
    chose threw
    """.split()
)


_NAME_ENDS = re.compile(r"[ \t\xa0]*(?:[,.;!?)”\"]|$)")  # what closes a name in apposition


_NAME_TODAY = re.compile(r"To(?:day|night)\.")  # capitalised after a name, part of it: "USA Today."


# Words that open a time phrase after a speaker's name: "said the mayor this morning", "… last week".
_TIME_OPENERS = frozenset("this that last next early late each every".split())


def subject_after(text: str, start: int, hi: int) -> Mention | None:
    """The speaker of an inverted attribution ("…,” said Akar", "according to the ministry")."""
    # The walk below reads at most 13 tokens (a name stops at twelve, with one token of look-ahead), so only
    # the first sixteen of the window are made: making all of a 160-character window cost more than the walk.
    # The first token alone settles most calls (a quote mark, a function word, a pronoun): it is tested before
    # the rest are made, so a text of many quotes does not tokenise sixteen words after each.
    end = min(hi, start + 160)
    m = _TOKEN.search(text, start, end)
    if m is None:
        return None
    first = m.group()
    low = first.lower()
    if low in PRONOUNS:
        return _mention_from_words([(m.start(), m.end(), first)])
    if not (first[:1].isupper() or first[:1].isdigit() or low in DETERMINERS or low.rstrip(".").isalpha()):
        return None
    if low in FUNCTION_WORDS and low not in DETERMINERS:
        return None
    toks = list(islice(iter_tokens(text, m.start(), end), 16))
    n = 0
    caps_run = False
    for k, (_, _, w) in enumerate(toks):
        wl = w.lower()
        if (
            k > 0
            and wl in ("for", "&")
            and caps_run
            and k + 1 < len(toks)
            and _is_cap(toks[k + 1][2])
            and _is_cap(toks[k - 1][2])
            and _linked_name(toks, k)
        ):
            n = k + 1
            continue  # "the Center for Strategic Studies", "Johnson & Johnson", "Doctors for Peace"
        if not w[:1].isalnum() and w not in ("’s", "'s"):
            break
        if k > 0 and is_surname_word(toks[k - 1][2], w):
            n = k + 1  # "said Theresa May on Monday": a month after a first name is the surname
            caps_run = True
            continue
        if wl == "and" and caps_run:
            team = _colleagues_after(toks, k)
            if team:
                n = team  # "said Rosa Lindqvist and her colleagues.": the team speaks
                break
            if any(t[2].lower() in TITLES for t in toks[k + 1 : k + 3]):
                break  # "said Ana Lima and Police Chief Tom Reyes.": two speakers; the first named is taken
        if (
            k > 0
            and wl in _STOP_AFTER
            and not (
                wl == "of"
                or wl == "and"
                and k + 1 < len(toks)
                and _is_cap(toks[k + 1][2])
                and _is_cap(toks[k - 1][2])
                or wl == "to"
                and toks[k - 1][2].lower() in TITLES  # "Ambassador to the United Nations Nikki Haley"
                or wl == "in"
                and toks[k - 1][2].lower() in _POSTED_BODIES
                and k + 1 < len(toks)
                and _is_cap(toks[k + 1][2])  # "the United States Embassy in Iraq"
            )
        ):
            break
        if (
            k > 0
            and (wl in TIME_WORDS or wl.endswith(".") and wl[:-1] in TIME_WORDS and not _NAME_TODAY.match(w))
            and not (  # "said Doctors for Evening Classes", "said the Morning Star": a name goes on after it
                w[:1].isupper()
                and k + 1 < len(toks)
                and _is_cap(toks[k + 1][2])
                and toks[k + 1][2].lower().rstrip(".") not in TIME_WORDS
            )
        ):
            if n == k and k > 1 and toks[k - 1][2].lower() in _TIME_OPENERS:
                n = k - 1  # "said the mayor this morning.": the word opening the time phrase is no part of the name
            break  # "said Ann Lee Tuesday." (not "according to USA Today.")
        if (
            k > 0
            and caps_run
            and not _is_cap(w)
            and wl not in ("of", "and", "’s", "'s")
            and wl.rstrip(".") not in PERSON_ROLE_NOUNS  # "said a Tesco spokesman.": the stop stays on the word
            and wl.rstrip(".") not in ANON_NOUNS
            and wl.rstrip(".") not in _BODY_NOUNS
            and not (wl in TITLES and k + 1 < len(toks) and _is_cap(toks[k + 1][2]))
            and not (wl == "to" and toks[k - 1][2].lower() in TITLES)
            and not (wl == "in" and toks[k - 1][2].lower() in _POSTED_BODIES)
            and not (wl in _PARTICLES and _cap_after_particles(toks, k))
            and not (
                wl == "the" and toks[k - 1][2].lower() in ("of", "to") and k + 1 < len(toks) and _is_cap(toks[k + 1][2])
            )
            and not (wl.rstrip(".") in _OWNED and _owner_before(toks, k))
        ):
            break  # "Hillary Clinton chimed in": the name ends where lower-case words start
        if (
            k >= 2
            and w.islower()
            and (wl.endswith("ed") or wl in _PAST_NOT_ED)
            and not toks[k - 1][2].lower().endswith("ly")
            and toks[k - 1][2].lower() not in DETERMINERS
        ):
            break
        if wl in PRONOUNS and toks[k - 1][2].endswith("."):
            break  # "said Malcolm X. He left": the stop ended the sentence
        if _is_cap(w):
            caps_run = True
        n = k + 1
        if n >= 12:
            break
    while n > 1 and toks[n - 1][2].lower() in NAME_LINKS:
        n -= 1  # "Superintendent Ana Cruz of the national police": a link word does not end a name
    if n == 0:
        return None
    if n < len(toks) and toks[n][2] == "," and all(t[2].lower() in TITLES for t in toks[:n]):
        # "said President, Dr. Ismail Demir.": a bare title, then the name in apposition, which speaks
        named = subject_after(text, toks[n][1], hi)
        if named is not None and named.kind == "person" and _NAME_ENDS.match(text, named.end, hi):
            role = " ".join(t[2] for t in toks[:n])
            role = f"{role} {named.role}" if named.role else role
            return Mention(toks[0][0], named.end, text[toks[0][0] : named.end], "person", named.name, role)
    last = toks[n - 1]
    if n > 1 and len(last[2]) == 2 and last[2][1] == "." and last[2][0].isupper():
        # "said Malcolm X.", "said King Henry V.": a name ends in no initial, so the full stop ends the sentence
        return _mention_from_words(toks[: n - 1] + [(last[0], last[1] - 1, last[2][0])])
    return _mention_from_words(toks[:n])
