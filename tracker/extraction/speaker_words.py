"""The vocabulary of speaker mentions: pronouns, titles, organisation words, unnamed-source nouns, role nouns,
function words; a mention's tokens and the Mention record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.letters import caps
from tracker.extraction.referents import FEMALE_NAMES, MALE_NAMES

# (A number with thousands separators is one token: "4,000" is no "4", comma, "000", whose comma would read as an
# apposition's: "The union, which represents 4,000 nurses, said …" gave the speaker "4".)
# (So is a plural possessive: "The workers' union said …" is one phrase, not a word, a mark and a bare noun.)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|[\w$][\w'’.&-]*[\w$.](?:(?<=s)['’](?![\w'’]))?|[\w$]|[^\w\s]")


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


# Plural titles, before two names ("Senators Charles Grassley and Patrick Leahy", "Sens. Jon Tester and …"); alone,
# a group ("Senators said").
PLURAL_TITLES = frozenset(
    """
    senators sens sens. reps reps. governors ministers mayors presidents ambassadors judges
    justices commissioners professors profs. drs drs.
    """.split()
)


# Words that go before a name without being part of it; a role made of them is kept in `SpeakerRef.role`.
TITLES = (
    frozenset(
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
    businessman businesswoman entrepreneur activist journalist author novelist actor actress singer
    scientist coach manager editor economist analyst lawyer attorney-general councillor councilman
    councilwoman alderman chairperson president-elect vice-president emir sheikh ayatollah
    aide adviser advisor official negotiator strategist
    """.split()
    )
    | frozenset(
        # Hyphenated titles, one token each ("Secretary-General Antonio Guterres"): a title word on its own above
        # does not make them one.
        """
    secretary-general director-general solicitor-general surgeon-general inspector-general governor-general
    lieutenant-governor lieutenant-general lieutenant-colonel major-general vice-admiral vice-chancellor vice-chair
    vice-chairman vice-chairwoman vice-premier deputy-director co-founder co-chair editor-in-chief commander-in-chief
    """.split()
    )
    | PLURAL_TITLES
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
    conference command airlines airways motors holdings securities partners capital energy systems technologies
    labs laboratories pharmaceuticals media analytics consortium railways ag plc gmbh embassy consulate
    secretariat directorate inspectorate tribunal
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
    reports media authorities
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
    coach manager captain player teacher nurse driver pilot farmer owner teenager victim survivor suspect defendant
    secretary-general director-general attorney-general vice-president vice-chancellor
    master headmaster headteacher headmistress principal surgeon scientist researcher engineer
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
    "had ultimately often frequently since ever long should must can shall".split()
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


_CAP = re.compile(caps(r"[A-Z0-9À-Ý]"))  # (every capital letter: letters.py)
# The characters `_CAP` matches, for a set lookup of a token's first one: `_is_cap` runs for every word a speaker
# search walks over, and a lookup costs a fraction of a regex match.
_CAP_FIRST = frozenset(c for c in map(chr, range(0x2000)) if _CAP.match(c))


def _is_cap(tok: str) -> bool:
    return tok[:1] in _CAP_FIRST and tok.lower() not in FUNCTION_WORDS


# Months that are surnames too ("Theresa May", "Brian May"): the function-word list takes them for dates.
_MONTH_SURNAMES = frozenset(
    "january february march april may june july august september october november december".split()
)


def is_first_name(word: str) -> bool:
    """A known first name ("Theresa", "Ana"), in any case."""
    low = word.lower()
    return low in FEMALE_NAMES or low in MALE_NAMES


# Recordings that show someone speaking: whom "footage of Trump saying …" shows speaks.
RECORDINGS = frozenset("footage video videos recording recordings clip clips audio tape tapes film".split())


# Auxiliaries and modals: one among words makes them a clause ("the losses would outstrip the gains").
AUXILIARIES = frozenset("is are was were has have had will would can could should may might must".split())


# Participles that tie a source to what they are for or where they are ("Critics opposed to the plan said",
# "Researchers based in Oslo said"): the noun before them speaks, not the phrase after.
SOURCE_PARTICIPLES = frozenset("opposed based stationed posted allied linked loyal involved".split())


def is_surname_word(prev: str, word: str) -> bool:
    """A month written capitalised right after a known first name or a title is the person's surname ("Theresa
    May said", "Mrs May said"), not a date or the modal "may": "in May", "on May 5", "May I" keep no such word
    before them."""
    return (
        word[:1].isupper()
        and word.rstrip(".").lower() in _MONTH_SURNAMES
        and (is_first_name(prev) or prev.lower() in TITLES and prev[:1].isupper())
    )


def iter_tokens(text: str, lo: int, hi: int):
    """`tokens`, one at a time, for a caller that reads only the first few of a span that may be long."""
    return ((m.start(), m.end(), m[0]) for m in _TOKEN.finditer(text, lo, hi))


def tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    # (m[0] rather than m.group(): a slot, not a method looked up per token, which is 6 % of this call)
    return [(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(text, lo, hi)]


@dataclass(slots=True)
class Mention:
    """A speaker mention as written; `role` is the part of the phrase that is a title, not the name."""

    start: int
    end: int
    text: str
    kind: str  # person, organisation, country, anonymous, pronoun, role, relative, coordinated ("X and Y")
    name: str | None = None
    role: str | None = None


_HONORIFICS = frozenset("mr. mrs. ms. mr mrs ms dr. dr prof. prof sir dame".split())


# Bodies named by whose they are, which speak as themselves ("according to Erdogan's office", "said Trump's
# campaign"): not the owner, and not an anonymous source.
OWNED_BODIES = frozenset("office campaign government administration ministry team".split())


# Words that link the parts of one proper name ("Ministry of Foreign Affairs", "Center for Strategic and
# International Studies"); a title word after them is part of the name, not a role before it.
NAME_LINKS = frozenset({"of", "for", "and", "&"})

# The lower-case particles inside personal names: "Ursula von der Leyen", "Mohammed bin Salman", "Charles de Gaulle".
NAME_PARTICLES = frozenset("de la le della van von der den ter ten zu del da di du al bin ibn dos das".split())


# Title words that head a role ("Governor" in "Bank of England Governor Andrew Bailey"), unlike the modifiers
# ("Defence", "Foreign", "State") that also occur inside organisation names.
_HEAD_ROLES = frozenset(
    "minister secretary spokesman spokeswoman spokesperson director chairman chairwoman president ambassador "
    "commander chief envoy governor mayor senator ceo cfo executive officer commissioner speaker leader whip mp "
    "prosecutor administrator judge secretary-general director-general attorney-general vice-president".split()
)


# Endings of adjectives that describe a named person before the name ("a defiant Johnson", "an emotional Ardern",
# "a tearful Lee", "an embattled Morrison", "a smiling Merkel"); a noun there ("the court Johnson …") has none.
_ADJECTIVE_ENDS = ("ant", "ent", "al", "ful", "ed", "ing", "ous", "ive", "ic", "ish", "less", "ible", "able")


# Nouns with those endings that open a phrase of their own ("a total of 39"; "an official", a source noun, is
# ruled out with the others below).
_NOT_DESCRIBING = frozenset("total rival individual arrival proposal referral animal".split())


def is_describing(word: str) -> bool:
    """A lower-case word that may describe the person named after it ("defiant", "emotional", "embattled")."""
    return (
        word.isalpha()
        and word.islower()
        and word.endswith(_ADJECTIVE_ENDS)
        and word not in FUNCTION_WORDS
        and word not in _NOT_DESCRIBING
        and word not in ANON_NOUNS
        and word not in PERSON_ROLE_NOUNS
    )


def described_start(words: list[str], j: int) -> int | None:
    """The index of "a" or "an" opening one or two describing words before the name at words[j] ("a defiant
    Johnson", "a visibly emotional Johnson"), or None when there is none."""
    k = j - 1
    if k < 1 or not is_describing(words[k]):
        return None
    if k >= 2 and words[k - 1].endswith("ly") and words[k - 1].isalpha() and words[k - 1].islower():
        k -= 1  # "visibly"
    return k - 1 if words[k - 1].lower() in ("a", "an") else None
