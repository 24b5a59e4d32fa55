"""Speakers resolved within one article: every mention, in text order, to the fullest name the article gives.

Pronouns by person, number and gender, surnames to the full name met before, role nouns ("the minister", "the
company") to the person or body whose role matches, documents ("the statement") to whoever issued them.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from tracker.extraction.letters import caps
from tracker.extraction.names import (
    _PLATFORMS,
    _is_occupation,
    _mention_from_words,
    _split_role,
    _without_article,
    classify_name,
)
from tracker.extraction.referents import (  # noqa: F401  (DOCUMENT_NOUNS is read here by speakers.py)
    DOCUMENT_NOUNS,
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_ROLE_NOUNS,
    TEAM_MENTION,
    gender_of,
    may_name_team,
    team_mentions,
)
from tracker.extraction.speaker_words import (
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORG_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
    TITLES,
    Mention,
    is_first_name,
    tokens,
)
from tracker.records import SpeakerRef

# Up to this many surnames, `Resolver._surnames` searches the text for each; past it, it reads the text once. A
# search (str.find) is far cheaper than the Python step per capitalised word of the one pass: on the Wikinews
# articles Resolver() took 0.29 ms at 8 and 0.22 ms at 32 (CPU per article).
_SURNAME_SEARCHES = 32
_WORD_RUN = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
# Whole runs of word characters that open with a character an upper-case letter may be (every one that is not a
# digit, an underscore or a lower-case ASCII letter): the runs a capitalised name can open with.
_CAPITALISED_WORD_RUN = re.compile(r"(?<!\w)[^\W\d_a-z]\w*")
_ALNUM_RUN = re.compile(r"[^\W_]+")
# The runs `_surnames` looks up: whole runs of letters and digits that do not open with a lower-case ASCII letter
# or an ASCII digit (a surname opens with a capital), so the engine, not a Python step, passes over common words.
# The run's first character comes first and the test that none precedes it after it (a two-character lookbehind),
# so the engine skips to the next such character instead of entering the pattern at every one (a third faster
# than "(?<![^\W_])[^\W_a-z0-9][^\W_]*", the same matches).
_CAPITAL_RUN = re.compile(r"[^\W_a-z0-9](?<![^\W_][^\W_a-z0-9])[^\W_]*")


# `_CAPITAL_RUN` for runs of at least 1, 2, 3 and 4 characters (the engine passes over a shorter run whole, its
# lookbehind refusing a start inside it): `_surnames` reads the runs as long as its shortest lead at least, so
# that "He", "It", "A" cost no match object and look-up each.
_CAPITAL_RUNS_OF = tuple(re.compile(rf"[^\W_a-z0-9](?<![^\W_][^\W_a-z0-9])[^\W_]{{{k},}}") for k in range(4))


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str  # person, organisation, country, or group (a plural unnamed source: "researchers from …")
    role: str | None = None
    mentions: list[str] = field(default_factory=list)
    last: int = -1
    gender: str | None = None  # "f", "m" or unknown, for "she" and "he"
    index: int = -1  # place in Resolver.entities


# "Biden's Twitter", "the mayor's office": an owner and what speaks for them.
_OWNER = re.compile(caps(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s(?:\s+(\w+))?.*"))


# What follows a possessive and is a body speaking as itself, not its owner's medium.
_BODY_NOUNS = frozenset("office campaign government administration ministry team lawyers lawyer party staff".split())


# What follows an owner's possessive when the owner speaks through it ("Lima's Twitter account").
_MEDIA_WORDS = frozenset(p.lower() for p in _PLATFORMS) | {"account", "website", "feed"}


# Irregular participles that open a tail after a noun ("a tweet sent from …", "a letter written by …").
_PARTICIPLES = frozenset("sent written made given put shown seen taken read signed brought".split())


def _head_noun(text: str) -> str:
    """The head of a noun phrase: its last word, or the word before a prepositional or participial tail ("the
    decree signed by the Pope" -> "decree", "a statement released by …" -> "statement")."""
    words = text.lower().replace("’s", " ").replace("'s", " ").split()
    for i, w in enumerate(words):
        if i and (
            w in PREPOSITIONS
            or w in ("by", "that", "which")
            or (w.endswith("ed") or w in _PARTICIPLES)
            and i + 1 < len(words)
        ):
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
    caps(
        rf"(?:{_by_first_letter(_TITLE_WORDS)})"
        r"(?:,(?:[ \t\xa0]+(?:Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Gen\.))?)?"
        r"[ \t\xa0]+([A-Z][\w’'-]+(?:[ \t\xa0]+[A-Z]\.)?(?:[ \t\xa0]+[A-Z][\w’'-]+){0,2})"
    )
)


# Two or three capitalised words ("Jane Okafor", "Peter J. Mwangi"): a person for pronouns to point back at.
# Opening with a plain capital, `\b` before it spelt as the lookbehind `(?<!\w[A-Z])`, lets the engine skip to the
# next capital; the first word's letters are taken possessively, as only a space can follow them in a match.
# A capitalised word and "of" or "for" just before a capitalised pair: the pair ends a linked name ("Office of the
# High Commissioner for Human Rights", "Ministry of Foreign Affairs").
_LINKED_BEFORE = re.compile(caps(r"[A-Z][\w’'-]*[ \t\xa0]+(?:of|for)[ \t\xa0]+(?:the[ \t\xa0]+)?$"))
_LINK_ENDS = ("of", "for", "the")
_NAME_PAIR = re.compile(
    caps(
        r"([A-Z](?<!\w[A-Z])[a-zß-öø-ÿā-ž]++)(?:[ \t\xa0]+[A-Z]\.)?"
        r"(?:[ \t\xa0]+[A-Z][a-zß-öø-ÿā-ž’']+(?:-[A-Z]?[a-zß-öø-ÿā-ž]+)*){1,2}\b"
        r"(?![ \t\xa0]+[A-Z])"
    )
)


_NOT_FIRST_NAMES = frozenset(
    "new north south east west united saint san los las great upper lower central northern southern eastern "
    "western supreme national federal royal prime foreign white black red".split()
)


# Words that open a sentence before a name without being part of it.
_OPENERS = frozenset("now just even only perhaps maybe indeed instead soon already again thus whereas".split())

# Every first word of a name pair that a rule of `Resolver()`'s pair scan asks about (besides a long one and one
# ending in "ever"): a first word in none of them, as most are, skips those rules.
_FIRST_WORD_RULES = (
    TITLES | MALE_WORDS | FEMALE_WORDS | FUNCTION_WORDS | TIME_WORDS | _OPENERS | _NOT_FIRST_NAMES | {"said", "says"}
)
_LINK_LAST = frozenset("fre")
_LINK_TAIL = frozenset("fre \t\xa0\n")


def _may_end_link(text: str, start: int) -> bool:
    """Whether text[:start] may end in "of", "for" or "the" once the spaces and line ends at its end are stripped
    (the test before `_LINKED_BEFORE`, cheaper): its last kept character is "f", "r" or "e", so the last character
    is one of them or a space with one of them or another space before it."""
    if not start:
        return False
    last = text[start - 1]
    if last in _LINK_LAST:
        return True
    return last in " \t\xa0\n" and start > 1 and text[start - 2] in _LINK_TAIL


# Last words of the names of places and facilities.
_PLACE_HEADS = frozenset(
    """
    mine mines river lake sea ocean bay island islands mountain mountains mount valley street avenue road square
    park bridge station airport port harbour harbor hospital stadium arena hall centre center county province
    district region state city town village base camp beach coast desert forest canyon falls strait gulf
    """.split()
)


_OPEN_MARKS = frozenset("\"“«„'‘")


# The same matches as "\b(Mrs|Mr|Ms|Miss|Sir|Dame)…", each branch opening with its literal letter and `\b` spelt as
# a lookbehind after it (see _by_first_letter): the engine skips to the next M, S or D instead of trying every
# character of the text (5x faster over an article).
_HONORIFIC_NAME = re.compile(
    caps(
        r"(M(?<!\wM)(?:rs|r|s|iss)|S(?<!\wS)ir|D(?<!\wD)ame)\.?[ \t\xa0]+([A-Z][\w’'-]+(?:[ \t\xa0]+[A-Z][\w’'-]+){0,2})"
    )
)


# Role nouns for a business, and the words that name a body that is none.
_COMMERCIAL_NOUNS = frozenset(
    "company firm retailer chain airline carrier manufacturer producer supplier insurer lender".split()
)
_NOT_COMMERCIAL = frozenset(
    "union unions association federation council ministry department committee party government police court "
    "university commission parliament senate congress army navy charity".split()
)


# Up to three capitalised words before a title ("Democratic Senator", "U.S. Ambassador"); a word may end in a
# full stop only as an initialism or a short abbreviation ("U.S.", "Lt."), never a sentence's last word ("…
# by Omar Khan. Later Senator Mary Diaz": no role "Omar Khan. Later").
_ROLE_BEFORE = re.compile(caps(r"((?:(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{0,2}\.|[A-Z][\w’'-]*)[ \t\xa0]+){0,3})$"))


_ROLE_FILLER = frozenset("the a an of for and acting former then new".split())


# The author a document is credited to: "a report by The Atlantic", "a statement from the ministry", "reports by
# the Center for Systems Science and Engineering" (an "and" inside the name, which else fell to an earlier speaker).
_BY_NAME = re.compile(
    caps(
        r"\b(?:by|from)\s+((?:the\s+|The\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'.&-]*)*(?:['’]s(?:\s+\w+){1,2})?)$"
    )
)


def _stem(word: str) -> str:
    """A role word cut to its first four letters, so a country meets its demonym ("Iraq" = "Iraqi", "Turkey" =
    "Turkish")."""
    return word.strip(",.")[:4]


_RUN_BEFORE = re.compile(caps(r"((?:[A-Z][\w.&'’-]*[ \t\xa0]+){1,4})$"))
_RUN_AFTER = re.compile(caps(r"(?:[ \t\xa0]+(?:of[ \t\xa0]+)?[A-Z][\w.&'’-]*){1,3}"))


def _capitalised_run(text: str, start: int, end: int) -> str:
    """The capitalised words around text[start:end] ("Northern Arapaho Tribe" around "Arapaho"), a leading
    "The" kept only for a publication (as `_without_article` does); a sentence-opening word that is not a name
    ("Whatever", "Now") does not join."""
    before = _RUN_BEFORE.search(text, max(0, start - 60), start)
    after = _RUN_AFTER.match(text, end)
    head = before.group(1).split() if before else []
    the = False
    while head and (head[0].lower() in FUNCTION_WORDS or head[0].lower() in TIME_WORDS or head[0].endswith(".")):
        the = head[0] == "The"
        head = head[1:]
    tail = after.group(0).split() if after else []
    while tail and not tail[-1][:1].isupper():
        tail = tail[:-1]
    full = " ".join([*head, *text[start:end].split(), *tail]).rstrip(".,")
    return _without_article("The " + full if the and head else full)


_APPOSED = re.compile(caps(r"([A-Z][\w’'-]+(?:[ \t\xa0]+[A-Z][\w’'.-]+){0,3}),[ \t\xa0]*$"))


# A named subject and the verb that put a document out, right before the document's mention: "the Combined
# Joint Task Force released [a statement]", "Met Éireann issued [its warning]".
_ISSUED = re.compile(
    caps(
        r"(?<![\w’'.&-])((?:[Tt]he[ \t\xa0]+)?[A-Z][\w’'.&-]*(?:[ \t\xa0]+(?:of[ \t\xa0]+|for[ \t\xa0]+|the[ \t\xa0]+)*"
        r"[A-Z][\w’'.&-]*)*)[ \t\xa0]+(?:\w+ly[ \t\xa0]+)?(?:released|issued|filed|published|posted|sent|put[ \t\xa0]+out|"
        r"submitted|tweeted|delivered)[ \t\xa0]+$"
    )
)


def _from_first_name(name: str, mention: str) -> str:
    """A person's name from a known first name on, when words of a body or place run before it ("the United
    Nations Nikki Haley" after "Ambassador to"): "Nikki Haley"."""
    words = name.split()
    if len(words) < 3 or not mention.lower().startswith("the ") and not any(w.lower() in ORG_WORDS for w in words):
        return name  # "Sayyid Ali Hosseini Khamenei": a name with an honorific before its known first name
    for k in range(1, len(words) - 1):
        first = words[k].lower()
        if is_first_name(first) and not is_first_name(words[k - 1]):
            return " ".join(words[k:])
    return name


_ISSUE_VERBS = r"(?:issued|released|filed|published|posted|sent|submitted|put[ \t\xa0]+out)"


# (name particles inside: "the request of Ana de Souza", "released by Ursula von der Leyen")
_PROPER = (
    r"(?:[Tt]he[ \t\xa0]+)?[A-ZÀ-Þ][\w’'.&-]*(?:[ \t\xa0]+(?:(?:of|for|the|"
    + "|".join(sorted(NAME_PARTICLES))
    + r")[ \t\xa0]+)*[A-ZÀ-Þ][\w’'.&-]*)*"
)


# A named body issuing something, with an optional apposition ("Met Éireann, the national meteorological
# service, issued"), or a thing issued by it ("released by Erdogan's office").
_ISSUER = re.compile(
    caps(
        rf"(?<![\w’'.&-])({_PROPER})(?:,[^,.;]{{1,80}},)?[ \t\xa0]+{_ISSUE_VERBS}\b"
        rf"|\b{_ISSUE_VERBS}[ \t\xa0]+by[ \t\xa0]+({_PROPER}(?:[ \t\xa0]+office)?)"
    )
)


# An issuing verb right after a subject: "… filed a lawsuit", "… quickly released a report".
_ISSUES = re.compile(rf"[ \t\xa0]+(?:\w+ly[ \t\xa0]+)?{_ISSUE_VERBS}\b")


_BY_AFTER = re.compile(rf"[ \t\xa0]+{_ISSUE_VERBS}[ \t\xa0]+by[ \t\xa0]+({_PROPER}(?:[ \t\xa0]+office)?)")


def _with_name(m: Mention, name: str) -> Mention:
    return m if name == m.name else Mention(m.start, m.end, m.text, m.kind, name, m.role)


def _is_named(name: str) -> bool:
    """A proper name ("Kimberly-Clark", "The Guardian"), not a common noun phrase with "The" ("The new model")."""
    words = name.split()
    return any(w[:1].isupper() for w in words[1:]) or len(words) == 1 and name[:1].isupper()


def _ref_kind(ent: _Entity) -> str:
    return "anonymous" if ent.kind == "group" else ent.kind


def _is_plural_source(words: list[str]) -> bool:
    """A plural unnamed source that later "they" can point back at ("researchers from …", "critics")."""
    head = _head_noun(" ".join(words))
    return head.endswith("s") and not head.endswith(("ss", "us", "is")) and head not in DOCUMENT_NOUNS


# A full stop after a word of three lower-case letters or more ends a sentence, not an abbreviation ("Monday. The
# Harbour Authority released …" names the authority; "U.S. Navy" and "Dr. Kay" stay whole).
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3}\.)[ \t\xa0]+")


# A lower-case "the" inside a run of capitalised words that no "of"/"for" links: what stands before it is an
# opening phrase ("On Tuesday the Harbour Authority issued …"), not part of the body's name.
_INNER_THE = re.compile(r"(?<![Oo]f)(?<![Ff]or)[ \t\xa0]+the[ \t\xa0]+")


def _no_stop(name: str) -> str:
    """A name without the sentence's full stop after it ("Ana de Souza."), but an initial's or a short form's kept
    ("Jack B.", "U.S.")."""
    last = name.rsplit(None, 1)[-1]
    return name[:-1] if len(last) > 2 and last.endswith(".") and "." not in last[:-1] else name


def _issuer_words(raw: str) -> str:
    """The issuer's name in the capitalised run before an issuing verb: not the sentence the run began in ("…
    met in Geneva. The Harbour Authority released …") nor an opening time phrase ("On Tuesday the …")."""
    name = _SENTENCE_BREAK.split(raw)[-1]
    return _INNER_THE.split(name)[-1]


def _issuer_name(issued: re.Match) -> str:
    """The body an _ISSUER match names, without its article, possessive or a sentence the match ran over."""
    name = _issuer_words(issued.group(1) or issued.group(2))
    return _no_stop(_without_article(name.removesuffix("'s").removesuffix("’s")))


def _common_head(text: str) -> bool:
    """The head noun is a common noun ("Researchers from the Ocean Institute"), not the last word of a name
    ("Ostrava Motors", "General Motors"), nor the first word of a name linked by "for" or "&" ("Doctors for
    Peace", "Americans for Prosperity": a group's name; people described are "Researchers from …")."""
    head = _head_noun(text)
    words = text.split()
    if len(words) >= 3 and words[1].lower() in ("for", "&") and words[2][:1].isupper():
        return False
    return words[0].lower() == head or not any(w == head.capitalize() or w == head.upper() for w in words[1:])


# A role noun that names its office by the place or body it is held in: "the governor of Ohio".
_OFFICE_OF = re.compile(r"\bof (?:the )?[A-Z]")


_NEVER = 1 << 60  # (a position past any text's end; a short int in the compiled build)


def _enter(index: dict, key: object, i: int) -> None:
    """Enter person i under `key`, the list kept in order (see Resolver._index_person)."""
    at = index.get(key)
    if at is None:
        index[key] = [i]
    elif not at or at[-1] < i:
        at.append(i)  # (people are entered in order: most keys take the newest at their end)
    else:
        insort(at, i)


class Resolver:
    """Resolve mentions in text order to the article's speakers.

    Named people met anywhere before (a prescan picks up "Defence Minister Hulusi Akar" even where he is not
    quoted) are candidates for pronouns and role nouns; a surname alone joins the full name seen earlier.
    """

    def __init__(self, text: str):
        self.entities: list[_Entity] = []
        # The persons among them with the words of their names ([entity, words]), and indexes of their places in
        # `people` by whole name, by ending of two or more words and by any word: _person_for looks up the few
        # persons a name can refer to instead of scanning every person (quadratic in a long text of many names).
        self.people: list[list] = []
        self._by_full: dict[tuple[str, ...], list[int]] = {}
        self._by_suffix: dict[tuple[str, ...], list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        # Recency by bucket (kind, gender, named): sorted (last, -index) keys, one pushed whenever an entity's
        # `last` or bucket changes (older keys of it go stale and are skipped), so that the most recent entity
        # of some kinds before a position is a bisection, not a scan of every entity per pronoun (see _latest).
        self._logs: dict[tuple, list[tuple[int, int]]] = {}
        # The buckets `_recent` reads for each (kinds, not_gender) it is asked, in the order of `_logs`; cleared when
        # a bucket is added (rarely: a handful per article), so a pronoun does not filter every bucket again.
        self._chosen: dict[tuple, list[tuple]] = {}
        self._state: list[tuple | None] = []  # per entity, the (last, bucket) of its newest key
        self._live: dict[tuple, int] = {}  # entities per bucket
        # The same for the persons with a role, for role nouns (_role_match): their keys (last, -index), sorted,
        # and the `last` of each one's current key.
        self._role_log: list[tuple[int, int]] = []
        # The most recent person holding a word or an ending of two or more words (the earliest made on a tie), for
        # _person_for's surname look-ups: found by a scan of the holders once, then kept by _touch and
        # _index_person (a scan per look-up made "X Lee said … Lee said …" with a new X each time quadratic).
        self._holder: dict[tuple, _Entity] = {}
        # The organisation last seen whose name holds each organisation word ("ministry" -> the Ministry of
        # Transport), for "the ministry said", kept by _touch.
        self._org_heads: dict[str, _Entity] = {}
        self._role_last: dict[int, int] = {}
        self._titled_next = 0  # titled[:_titled_next] are registered
        self._runs: dict[str, list[int]] | None = None  # capitalised word runs -> their starts (see _occurrences)
        self.text = text
        self.by_name: dict[str, _Entity] = {}
        self.titled: list[tuple[int, str, str | None]] = []  # (position, name, role)
        for m in _TITLED.finditer(text):
            pre = _ROLE_BEFORE.search(text, max(0, m.start() - 48), m.start())
            lead = pre.group(1).split() if pre else []
            while lead and lead[0].lower() in FUNCTION_WORDS:  # a sentence's opening "Later", "The", "When"
                lead.pop(0)
            phrase = " ".join([*lead, m.group(0)])
            role, name_words = _split_role(phrase.replace(",", " , ").split())
            name = " ".join(w for w in name_words if w != ",")
            role = (role or "").replace(" ,", "").strip() or None
            if name and len(name.split()) >= 1 and classify_name(name)[1] == "person":
                self.titled.append((m.start(), name, role))
        # "Mr. Robin Park": the honorific settles a gender the first name leaves open, for "he" and "she".
        self._gender_hints = {
            m.group(2): gender_of(m.group(2), None, m.group(1)) for m in _HONORIFIC_NAME.finditer(text)
        }
        for m in _NAME_PAIR.finditer(text):
            first = m.group(1).lower()
            name = m.group(0)
            start = m.start()
            possessive = name.endswith(("'s", "’s"))
            if possessive:
                name = name[:-2]  # "the Constitution Party's nominee": the owner, classified without its "'s"
            # (a first word in none of the sets asked below and short, as most are, skips their tests)
            asked = first in _FIRST_WORD_RULES or len(first) > 6 or first.endswith("ever")
            if (
                asked
                and (
                    first in TITLES
                    or first in MALE_WORDS
                    or first in FEMALE_WORDS
                    or len(first) > 6  # (as _is_occupation asks first)
                    and _is_occupation(first)
                )
                and len(name.split()) == 3
            ):
                # "Businessman Don Blankenship": the role word opens the run, the name is the rest.
                rest = name.split(None, 1)[1]
                if classify_name(rest)[1] == "person" and rest.split()[0].lower() not in _NOT_FIRST_NAMES:
                    self.titled.append((start + len(name) - len(rest), rest, m.group(1)))
                continue
            # The name's last word, read once for the place and the title tests (a last word with its "'s" is no
            # place's: "River's" is not "river").
            last = name.rsplit(None, 1)[-1].lower()
            if not possessive and last in _PLACE_HEADS:
                continue  # "Big Branch Mine", "Hudson River": a place, which "he" and "she" never point at
            if asked:
                opener = first in FUNCTION_WORDS or first in TIME_WORDS or first in _OPENERS or first.endswith("ever")
                if first in ("said", "says") and text[m.end() : m.end() + 1] == ":":
                    continue  # "Said Ellis: …": the cue before its speaker, not a first name
                if opener and first not in TITLES and len(name.split()) == 3:
                    # "Now Ana Lima is mayor", "When Ana Lima arrived": an opening word is no first name, but the
                    # two words after it may be a person's name (known first name on)
                    rest = name.split(None, 1)[1]
                    if is_first_name(rest.split()[0]):
                        self.titled.append((start + len(name) - len(rest), rest, None))
                    continue
                if opener or first in TITLES or first in _NOT_FIRST_NAMES:
                    continue  # ("Whatever Apple does", "Now Assange")
            if start and text[start - 1] in _OPEN_MARKS:
                continue  # 'the "Kim Kardashian of Pakistan"': a nickname or a title in quote marks, not a person here
            if _may_end_link(text, start):
                lo = max(0, start - 24)
                # (every match ends in "of", "for" or "the" and spaces, a line end after them at most: asked first)
                if text[lo:start].rstrip(" \t\xa0\n").endswith(_LINK_ENDS) and _LINKED_BEFORE.search(text, lo, start):
                    continue  # "the High Commissioner for Human Rights": the end of a body's linked name, not a person
            if last in TITLES and not is_first_name(first):
                continue  # "the UN High Commissioner": a title, not a name (but "Ann King", "Tom Judge")
            if classify_name(name)[1] == "person":
                self.titled.append((start, name, None))
        self._surnames(text)
        self.titled.sort()
        self.teams = team_mentions(text)  # (position, lead, as written), in text order
        self._due = 0
        self._set_due()
        self.last_speaker: _Entity | None = None
        # Who spoke through each kind of document so far ("statement" → its issuer, where it was resolved), so
        # that "the statement" later names the same author as the statement quoted before it.
        self.documents: dict[str, tuple[int, SpeakerRef]] = {}

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
        if len(seen) <= _SURNAME_SEARCHES:
            for surname, (first_pos, name) in seen.items():
                i = text.find(surname, first_pos + len(name))
                while i >= 0:
                    j = i + len(surname)
                    if not (text[i - 1 : i].isalnum() or text[j : j + 1].isalnum()):
                        extra.append((i, name, None))
                    i = text.find(surname, j)
        else:
            # Many surnames (a long text): one pass over the text's runs of letters and digits instead of a search
            # of the whole text per surname. A mention starts a run (the character before is not alphanumeric), so
            # each surname is looked up by its leading run (which opens with a capital: `_CAPITAL_RUN`). The same
            # mentions as the searches above; `titled` is sorted next, so their order does not matter.
            # Most surnames are one whole run and are looked up in `seen` itself; the others ("Abdul-Mahdi") by
            # their leading run. The runs read are those as long as the shortest of either (up to four).
            others: dict[str, list[str]] = {}
            shortest = 4
            for surname in seen:
                if not surname.isalnum():
                    lead = _ALNUM_RUN.match(surname)
                    if lead is not None:
                        others.setdefault(lead[0], []).append(surname)
                        shortest = min(shortest, len(lead[0]))
                elif len(surname) < shortest:
                    shortest = len(surname)
            after: dict[str, int] = {surname: first_pos + len(name) for surname, (first_pos, name) in seen.items()}
            for m in _CAPITAL_RUNS_OF[shortest - 1].finditer(text):
                run = m[0]
                if run in seen:
                    # (the surname is the whole run, so it starts there and no letter or digit follows it)
                    i = m.start()
                    if i >= after[run]:
                        extra.append((i, seen[run][1], None))
                        after[run] = i + len(run)  # (the search above goes on after a mention, never inside it)
                if not others:
                    continue  # (most texts: every surname one run)
                found = others.get(run)
                if found is None:
                    continue
                i = m.start()
                for surname in found:
                    j = i + len(surname)
                    if i >= after[surname] and text.startswith(surname, i) and not text[j : j + 1].isalnum():
                        extra.append((i, seen[surname][1], None))
                        after[surname] = j
        self.titled.extend(extra)

    def _entity(self, name: str, kind: str, role: str | None, pos: int) -> _Entity:
        ent = self.by_name.get(name)
        if ent is None:
            ent = _Entity(name, kind, role, index=len(self.entities))
            self.by_name[name] = ent
            self.entities.append(ent)
            self._state.append(None)
            if kind == "person":
                self.people.append([ent, name.split()])
                self._index_person(len(self.people) - 1)
                ent.gender = gender_of(name, role) or self._gender_hints.get(name)
        if role and not ent.role:
            ent.role = role
            if ent.kind == "person" and ent.gender is None:
                ent.gender = gender_of(name, role)
        if pos > ent.last:  # (`max` of the two, without the call)
            ent.last = pos
        self._touch(ent)
        return ent

    def _register_titled(self, before: int) -> None:
        titled = self.titled
        k = self._titled_next
        while k < len(titled) and titled[k][0] < before:
            pos, name, role = titled[k]
            k += 1
            self._titled_next = k
            ent = self._person_for(name, pos)
            if ent is None:
                self._entity(name, "person", role, pos)  # (made with its role, seen at pos and recorded: done)
                continue
            if role and not ent.role:
                ent.role = role
            if pos > ent.last:
                ent.last = pos
            self._touch(ent)
        while self.teams and self.teams[0][0] < before:
            pos, lead, written = self.teams.pop(0)
            self._entity(self._team_name(lead, written, pos), "group", None, pos)
        self._set_due()

    def _set_due(self) -> None:
        """`_due`: the first position after which `_register_titled` has work (a titled name or a team not yet
        entered), so that a mention before it skips the call. Teams are only ever dropped later
        (`_drop_groups_in`): `_due` may then be early, which costs a call that finds nothing."""
        due = self.titled[self._titled_next][0] if self._titled_next < len(self.titled) else _NEVER
        if self.teams and self.teams[0][0] < due:
            due = self.teams[0][0]
        self._due = due

    def _index_person(self, i: int, add: bool = True) -> None:
        """Enter people[i] under its whole name, its endings of two or more words and its words (or take it out);
        each list stays in the order of `people`."""
        words = self.people[i][1]
        if add and not self._holder:
            # (no holder kept yet, as in most texts: each key entered straight, without the list of them)
            _enter(self._by_full, tuple(words), i)
            for k in range(2, len(words)):
                _enter(self._by_suffix, tuple(words[-k:]), i)
            for w in dict.fromkeys(words):
                _enter(self._by_word, w, i)
            return
        keys: list[tuple[dict, object]] = [(self._by_full, tuple(words))]
        keys += [(self._by_suffix, tuple(words[-k:])) for k in range(2, len(words))]
        keys += [(self._by_word, w) for w in dict.fromkeys(words)]
        e = self.people[i][0]
        holders = self._holder
        for index, key in keys:
            # Keep the most recent holder of that word or ending as _person_for found it (if it was asked for).
            if holders:
                held = ("w", key) if index is self._by_word else ("s", key) if index is self._by_suffix else None
                best = holders.get(held) if held is not None else None
                if held is not None and best is not None:
                    if not add and best is e:
                        del holders[held]
                    elif add and (e.last, -e.index) > (best.last, -best.index):
                        holders[held] = e
            if add:
                if key not in index:
                    index[key] = [i]
                    continue
                at = index[key]
                if not at or at[-1] < i:
                    at.append(i)  # (people are entered in order: most keys take the newest at their end)
                else:
                    insort(at, i)
            else:
                index[key].remove(i)

    def _team_name(self, lead: str, written: str, pos: int) -> str:
        """A team by the fullest name of the person who leads it ("Stamenković et al" after "Vlada Stamenković
        and colleagues": "Vlada Stamenković and colleagues"); an unknown lead's team as written; a source group
        ("researchers from …") as written."""
        if not lead:
            return written
        name = " ".join(_split_role(lead.split())[1]) or lead
        person = self._person_for(name, pos)
        if person is not None:
            return f"{person.name} and colleagues"
        return (
            written
            if not {"et", "et."}.isdisjoint(written.split()[-2:-1]) or written.endswith(("et al", "et al."))
            else f"{name} and colleagues"
        )

    def _person_for(self, name: str, pos: int) -> _Entity | None:
        """The earlier person a (partial) name refers to: same full name, or one ending in this surname.

        As a scan of `people` in order would: the first person whose whole name ends this longer one takes it
        over; else, of the persons whose name ends in this one (or holds this one word), the most recent."""
        ent = self.by_name.get(name)
        if ent is not None:
            return ent
        words = name.split()
        n = len(words)
        first = None
        for k in range(1, n):
            found = self._by_full.get(tuple(words[-k:]))
            if found and (first is None or found[0] < first):
                first = found[0]
        if first is not None:
            # The full name arrives after the surname: let it take over.
            person = self.people[first]
            e = person[0]
            self._index_person(first, add=False)
            e.name = name
            person[1] = words
            self._index_person(first)
            self.by_name[name] = e
            return e
        held = ("w", words[0]) if n == 1 else ("s", tuple(words))
        best = self._holder.get(held)
        if best is not None:
            return best
        for i in self._by_word.get(words[0], ()) if n == 1 else self._by_suffix.get(tuple(words), ()):
            e = self.people[i][0]
            if best is None or e.last > best.last:
                best = e
        if best is not None:
            self._holder[held] = best
        return best

    def _touch(self, e: _Entity) -> None:
        """Record a change of the entity's `last`, gender or name (see _latest)."""
        kind, last, index = e.kind, e.last, e.index  # (each read several times below)
        if kind == "organisation":
            for w in e.name.lower().split():
                if w in ORG_WORDS:
                    self._org_heads[w] = e
        if e.role and kind == "person" and self._role_last.get(index) != last:
            # (a role, once given, stays; `last` only grows)
            self._role_last[index] = last
            log = self._role_log
            key = (last, -index)
            if not log or log[-1] <= key:
                log.append(key)
            else:
                insort(log, key)
            if len(log) > 2 * len(self._role_last) + 32:
                log[:] = sorted({k for k in log if self._role_last[-k[1]] == k[0]})
        bucket = (kind, e.gender, kind != "organisation" or _is_named(e.name))
        state = self._state[index]
        if state is not None and state[0] == last and state[1] == bucket:
            return
        if self._holder and kind == "person" and (state is None or state[0] != last):
            words = e.name.split()
            key = (last, -index)
            for held in [("w", w) for w in words] + [("s", tuple(words[-k:])) for k in range(2, len(words))]:
                best = self._holder.get(held)
                if best is not None and key > (best.last, -best.index):
                    self._holder[held] = e
        live = self._live
        if state is None or state[1] != bucket:
            live[bucket] = live.get(bucket, 0) + 1
            if state is not None:
                live[state[1]] -= 1
        self._state[index] = (last, bucket)
        got = self._logs.get(bucket)
        if got is None:
            got = self._logs[bucket] = []
            self._chosen.clear()  # (a new bucket: `_recent` chooses again)
        log = got
        key = (last, -index)
        if not log or log[-1] <= key:
            log.append(key)
        else:
            insort(log, key)
        if len(log) > 2 * live[bucket] + 32:
            # Mostly stale keys: keep the current one of each entity still in the bucket.
            log[:] = sorted({k for k in log if self._current(k, bucket)})

    def _current(self, key: tuple[int, int], bucket: tuple) -> bool:
        state = self._state[-key[1]]
        return state is not None and state[0] == key[0] and state[1] == bucket

    def _latest(self, buckets: list[tuple], pos: int) -> _Entity | None:
        """The entity of those buckets seen last at or before `pos`, the earliest made on a tie: what a scan of
        `entities` in order for the greatest `last` finds."""
        best = None
        states = self._state
        for bucket in buckets:
            log = self._logs[bucket]
            j = bisect_right(log, (pos, 1))
            while j:
                j -= 1
                key = log[j]
                state = states[-key[1]]  # (`_current`, read in place: one call fewer a pronoun)
                if state is not None and state[0] == key[0] and state[1] == bucket:
                    if best is None or key > best:
                        best = key
                    break
        return None if best is None else self.entities[-best[1]]

    def _recent(self, kinds: tuple[str, ...], pos: int, not_gender: str | None = None) -> _Entity | None:
        buckets = self._chosen.get((kinds, not_gender))
        if buckets is None:
            buckets = [b for b in self._logs if b[0] in kinds and (not_gender is None or b[1] != not_gender)]
            self._chosen[kinds, not_gender] = buckets
        return self._latest(buckets, pos) if buckets else None

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
            # A group or a named body; "the new model" or "the plan" is a thing, not a voice "they" is.
            return self._latest([b for b in self._logs if b[0] == "group" or b[0] == "organisation" and b[2]], pos)
        return None

    def _author_before(self, head: str, pos: int) -> _Entity | None:
        """ "the request" after "the request of Prime Minister Jan Ode": the author named with the same document
        noun before, when no one issued a document since."""
        lo = max(0, pos - 2000)
        if head not in self.text[lo:pos]:
            return None
        pattern = rf"{head}s?[ \t\xa0]+(?:of|from|by)[ \t\xa0]+({_PROPER})"  # a literal start: a quick scan
        found = max(re.finditer(pattern, self.text[lo:pos]), key=lambda x: x.start(), default=None)
        if found is None or found.start() and self.text[lo + found.start() - 1].isalnum():
            return None
        at = lo + found.start()
        if _ISSUER.search(self.text, at + len(found.group(0)), pos):
            return None
        canon, kind = classify_name(_no_stop(_without_article(found.group(1).removesuffix("'s").removesuffix("’s"))))
        if kind == "person":
            role, words = _split_role(canon.split())
            canon = " ".join(words) or canon
            return self._person_for(canon, pos) or self._entity(canon, "person", role, at)
        return self._entity(canon, kind, None, at)

    def _other_issuer(self, lo: int, hi: int, name: str) -> bool:
        """Whether text[lo:hi] names someone other than `name` issuing a document."""
        for issued in _ISSUER.finditer(self.text, lo, hi):
            if _issuer_name(issued) != name:
                return True
        return False

    def _issuer(self, pos: int) -> _Entity | None:
        """Whoever issued a document or statement: the last body named as issuing one ("Met Éireann, the weather
        service, issued alerts", "a statement released by Erdogan's office") when that comes after the last
        speaker; else the most recent speaker or body named before it."""
        issued = max(_ISSUER.finditer(self.text, max(0, pos - 2000), pos), key=lambda x: x.start(), default=None)
        since = max(self.last_speaker.last if self.last_speaker is not None else -1, issued.start() if issued else -1)
        for e in self.entities:
            # "attorneys general from sixteen states filed a lawsuit": a group issues a document as a body does.
            if e.kind == "group" and since < e.last < pos and _ISSUES.match(self.text, e.last + len(e.name)):
                return e
        if issued is not None and (self.last_speaker is None or self.last_speaker.last < issued.start()):
            name = _issuer_name(issued)
            canon, kind = classify_name(name)
            if kind == "person" and len(canon.split()) > 3:
                kind = "organisation"
            ent = self._person_for(canon, pos) if kind == "person" else None
            return ent or self._entity(canon, kind, None, issued.start())
        if self.last_speaker is not None and self.last_speaker.last <= pos:
            return self.last_speaker
        return self._recent(("person", "organisation", "country", "group"), pos)

    def resolve(self, m: Mention, antecedent: Mention | None = None) -> SpeakerRef:
        """A SpeakerRef for the mention, updating the article's registry."""
        ref = self._resolve(m, antecedent)
        if m.kind not in ("person", "pronoun", "relative") and " " in m.text and ref.name != m.text:
            head = _head_noun(m.text)
            if head in DOCUMENT_NOUNS:
                self.documents[head] = (m.start, ref)
        ent = self.by_name.get(ref.name)
        if ent is not None and ref.kind != "anonymous" or ent is not None and ent.kind == "group":
            self.last_speaker = ent
        return ref

    def _resolve(self, m: Mention, antecedent: Mention | None = None) -> SpeakerRef:
        if m.start > self._due:
            self._register_titled(m.start)
        if m.kind == "coordinated":
            return self._coordinated(m)
        if m.kind == "relative" and antecedent is not None:
            ref = self.resolve(antecedent)
            return SpeakerRef(ref.name, m.text, m.start, m.end, ref.kind, ref.role)
        ent = None
        low = m.text.lower()
        words = low.split()
        # (a team's mention is two words or more: "Kim et al", "Kim and colleagues")
        team = TEAM_MENTION.fullmatch(m.text) if len(words) > 1 and may_name_team(m.text) else None
        if team is not None:
            ent = self._entity(self._team_name(team.group(1), m.text, m.start), "group", None, m.start)
            return SpeakerRef(ent.name, m.text, m.start, m.end, "anonymous")
        spoken = m.kind in ("person", "pronoun", "relative")  # (asked by the three document rules below)
        # "A tweet sent from Biden's Twitter": a capitalised tail does not make the document a person
        documentary = (not spoken or words[0] in ("a", "an", "the")) and len(words) > 1
        if documentary and _head_noun(m.text) in DOCUMENT_NOUNS:
            after = _BY_AFTER.match(self.text, m.end)
            if after is not None:
                # "a statement released by Erdogan's office, …": the author named right after the mention
                name = _without_article(after.group(1)).rstrip(".")  # (the sentence's stop is no part of it)
                return self._author_ref(name, m)
            by = _BY_NAME.search(m.text)
            if by is not None:
                # "a recent report by The Atlantic", "a statement released by Erdogan's office": the named author
                name = _without_article(by.group(1))
                owner = _OWNER.fullmatch(name)
                if owner is not None and (owner.group(2) or "").lower() not in _BODY_NOUNS:
                    # "a tweet sent from Biden's Twitter account": the account's owner speaks ("Erdogan's office"
                    # is a body of its own and speaks as itself).
                    ent = self._person_for(owner.group(1), m.start)
                    if ent is not None:
                        return SpeakerRef(ent.name, m.text, m.start, m.end, _ref_kind(ent), ent.role)
                    if (owner.group(2) or "").lower() in _MEDIA_WORDS:
                        name = owner.group(1)  # (an owner not named before: "Lima's Twitter account" is Lima's)
                return self._author_ref(name, m)
        if not spoken and len(words) > 1 and _head_noun(m.text) in DOCUMENT_NOUNS:
            issued = _ISSUED.search(self.text, max(0, m.start - 120), m.start)
            if issued is not None:
                # "the Task Force released a statement saying …": the body that issued it speaks.
                name = _without_article(_issuer_words(issued.group(1)))
                canon, kind = classify_name(name)
                role = None
                if kind == "person":
                    role, name_words = _split_role(canon.split())  # "Senator Mary Wong issued a warning"
                    canon = " ".join(name_words) or canon
                if kind == "person" and len(canon.split()) > 3:
                    kind = "organisation"  # "Combined Joint Task Force Operation": too long for a person's name
                ent = self._person_for(canon, m.start) if kind == "person" else None
                ent = ent or self._entity(canon, kind, role, m.start)
                return SpeakerRef(ent.name, m.text, m.start, m.end, _ref_kind(ent), ent.role)
        if not spoken and len(words) > 1 and words[0] not in ("a", "an"):
            head = _head_noun(m.text)
            if head in DOCUMENT_NOUNS and not m.text[:1].isupper() or head in DOCUMENT_NOUNS and words[0] == "the":
                author = self._author_before(head, m.start)
                if author is not None:
                    return SpeakerRef(author.name, m.text, m.start, m.end, _ref_kind(author), author.role)
                seen = self.documents.get(head)
                if seen is not None and not self._other_issuer(seen[0], m.start, seen[1].name):
                    # "a statement released by Erdogan's office … The Turkish statement called for …": the same
                    # document's author, unless someone issued another one since.
                    ref = seen[1]
                    return SpeakerRef(ref.name, m.text, m.start, m.end, ref.kind, ref.role)
                issuer = self._issuer(m.start)
                if issuer is not None:
                    return SpeakerRef(issuer.name, m.text, m.start, m.end, _ref_kind(issuer), issuer.role)
            if len(words) == 2 and words[0] == "the" and m.text[4:].islower() and head in self._org_heads:
                # "The Ministry of Transport said … the ministry said": the body last named with that word
                body = self._org_heads[head]
                return SpeakerRef(body.name, m.text, m.start, m.end, "organisation", body.role)
            if words[0] == "the" and head in ORG_ROLE_NOUNS and m.text[4:].islower():
                org = self._recent(("organisation",), m.start)
                if (
                    org is not None
                    and head in _COMMERCIAL_NOUNS
                    and not _NOT_COMMERCIAL.isdisjoint(org.name.lower().split())
                ):
                    org = None  # "the company" is no union or ministry named last, but a firm not yet a speaker
                if org is not None:
                    return SpeakerRef(org.name, m.text, m.start, m.end, "organisation", org.role)
            if words[0] == "the" and head.endswith("s") and not head.endswith("ss") and m.text[4:5].islower():
                # "the researchers", "the scientists": the group named before.
                group = self._recent(("group",), m.start)
                if group is not None:
                    return SpeakerRef(group.name, m.text, m.start, m.end, "anonymous")
        if m.kind == "anonymous" and words and words[0] != "one" and _is_plural_source(words):
            if self.teams:
                self._drop_groups_in(m)
            ent = self._entity(m.name or m.text, "group", None, m.start)
            return SpeakerRef(ent.name, m.text, m.start, m.end, "anonymous", m.role)
        if m.kind == "pronoun":
            ent = self._pronoun(low, m.start)
            if ent is None:
                return SpeakerRef(m.text, m.text, m.start, m.end, PRONOUNS.get(low, "anonymous"))
        elif m.kind == "role":
            ent = self._apposed(m.start) or self._role_match(m)
            if ent is None:
                # No one known by this role: the most recent person, unless the role names its office ("the
                # governor of Ohio", "the director of Amnesty International" pick out whoever holds it) and that
                # person is known by another role (after "President Vladimir Putin", the governor is someone else,
                # not yet named). A description ("the Wooster professor") may still be the last person redescribed.
                ent = self._recent(("person",), m.start)
                if ent is not None and ent.role and _OFFICE_OF.search(m.text):
                    ent = None
            if ent is None:
                return SpeakerRef(m.text, m.text, m.start, m.end, "person", m.role)
        elif m.kind == "person":
            full = _from_first_name(m.name or m.text, m.text)
            if full != m.name:
                m = _with_name(m, full)
            ent = self._person_for(m.name or m.text, m.start) or self._entity(
                m.name or m.text, "person", m.role, m.start
            )
            if m.role and not ent.role:
                ent.role = m.role
        elif m.kind in ("organisation", "country"):
            kind = m.kind
            if kind == "organisation" and m.name and m.name not in self.by_name:
                m = _with_name(m, self._full_form(m.name, m.start))
                full = m.name or ""
                other = full[4:] if full.startswith("The ") else f"The {full}"
                if other in self.by_name:
                    m = _with_name(m, other)  # "the San Francisco Chronicle" … "The San Francisco Chronicle": one
            if (
                kind == "organisation"
                and m.text[:1].isupper()
                and _is_plural_source(low.split())
                and _common_head(m.text)
                # ("Yesterday, Roscosmos, the Russian space agency, announced": one word capitalised inside a
                # sentence is a name, not a plural noun)
                and (
                    " " in m.text
                    or self.text[max(0, m.start - 3) : m.start].rstrip()[-1:]
                    in ("", ".", "!", "?", "“", '"', ":", "\n")
                )
            ):
                kind = "group"  # "Researchers from the Ocean Institute": people, whom "they" and "the scientists" name
                if self.teams:
                    self._drop_groups_in(m)
            ent = self._entity(m.name or m.text, kind, m.role, m.start)
        else:
            return SpeakerRef(m.name or m.text, m.text, m.start, m.end, "anonymous", m.role)
        if m.start > ent.last:
            ent.last = m.start
        if m.text not in ent.mentions:
            ent.mentions.append(m.text)
        if ent.kind == "person" and ent.gender is None and m.kind != "pronoun":
            ent.gender = gender_of(ent.name, m.role, m.text)
        self._touch(ent)
        role = ent.role if m.kind in ("role", "pronoun") else m.role or ent.role
        kind = "anonymous" if ent.kind == "group" else ent.kind  # (`_ref_kind`, in place)
        return SpeakerRef(ent.name, m.text, m.start, m.end, kind, role or m.role)

    def _coordinated(self, m: Mention) -> SpeakerRef:
        """ "Mr. Grassley and Mr. Leahy said": each name resolved as if it spoke alone ("Charles Grassley and Patrick
        Leahy", when the article named them in full before), and the pair kept as a group that "they" can name."""
        cut = self.text.find(" and ", m.start, m.end)
        parts = [_mention_from_words(tokens(self.text, a, b)) for a, b in ((m.start, cut), (cut + 5, m.end))]
        for part in parts:
            if (
                part.kind == "person"
                and " " not in part.text
                and self._person_for(part.name or part.text, m.start) is None
            ):
                # A single capitalised word no one was named by before is as likely the end of one name ("Research
                # and Education"): the last part alone speaks, as without the rule
                return self._resolve(parts[-1])
        names = [self._resolve(part).name for part in parts]
        ent = self._entity(" and ".join(names), "group", None, m.start)
        return SpeakerRef(ent.name, m.text, m.start, m.end, "anonymous")

    def _drop_groups_in(self, m: Mention) -> None:
        """ "Marine researchers at the Ocean Institute said": a source group the prescan found inside a plural
        speaker's mention ("researchers at the Ocean Institute") is that speaker, not a second group for "they"."""
        self.teams = [t for t in self.teams if t[1] or not (m.start <= t[0] and t[0] + len(t[2]) <= m.end)]

    def _author_ref(self, name: str, m: Mention) -> SpeakerRef:
        """The speaker of a document named with its author ("a statement released by Erdogan's office", "… by
        Senator Casey Khan"): a possessive names a body; a person's title is their role, not part of the name,
        and a person named before keeps their full name."""
        kind = classify_name(name)[1]
        if kind == "person" and ("'" in name or "’" in name):
            return SpeakerRef(name, m.text, m.start, m.end, "organisation")
        if kind != "person":
            return SpeakerRef(name, m.text, m.start, m.end, kind)
        role, name_words = _split_role(name.split())
        canon = " ".join(name_words) or name
        ent = self._person_for(canon, m.start) or self._entity(canon, kind, role, m.start)
        return SpeakerRef(ent.name, m.text, m.start, m.end, _ref_kind(ent), ent.role)

    def _apposed(self, pos: int) -> _Entity | None:
        """The person a role noun stands in apposition to ("Adil Abdul-Mahdi, the acting Prime Minister of Iraq,
        spoke"): the name just before the comma, not the last person who held a like title."""
        before = _APPOSED.search(self.text, max(0, pos - 60), pos)
        if before is None:
            return None
        return self._person_for(before.group(1), pos)

    def _full_form(self, name: str, pos: int) -> str:
        """The fuller name an earlier sentence gives a body named short ("the Chronicle" after "The San Francisco
        Chronicle", "The Arapaho" after "the Northern Arapaho Tribe"): the first capitalised run before `pos`
        that contains the short name's words and is longer; else the name as given."""
        words = name.split()
        if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words) or name.isupper():
            return name
        for start in self._occurrences(name, pos):
            full = _capitalised_run(self.text, start, start + len(name))
            if len(full.split()) > len(words):
                return full
        return name

    def _occurrences(self, name: str, pos: int) -> Iterator[int]:
        r"""The starts of what `re.finditer(r"(?<![\w-])NAME(?![\w-])", text[:pos])` finds, in order, from an index
        of the text's capitalised word runs built once: a search of the text before each new body's mention made a
        long text of many bodies quadratic (13 s/MB at 100 KB). A match opens a whole run of word characters equal to
        the name's first run (the name opens with a capital; no word character is before the match, and what
        follows the name's first run in the name is none), so only those runs' starts are tried."""
        if self._runs is None:
            self._runs = {}
            for m in _CAPITALISED_WORD_RUN.finditer(self.text):
                self._runs.setdefault(m.group(), []).append(m.start())
        text = self.text
        n = len(name)
        lead = _WORD_RUN.match(name)
        after = 0  # finditer goes on after a match, never inside it
        for p in self._runs.get(lead.group(), ()) if lead is not None else ():
            end = p + n
            if end >= pos:
                break  # (a match ending at pos itself is tried below: the slice's end needs no boundary after it)
            if (
                p >= after
                and text.startswith(name, p)
                and (not p or text[p - 1] != "-")
                and not _WORD_OR_HYPHEN.match(text, end)
            ):
                after = end
                yield p
        p = pos - n
        if p >= after and p >= 0 and text.startswith(name, p) and not (p and _WORD_OR_HYPHEN.match(text, p - 1)):
            yield p

    def _role_match(self, m: Mention) -> _Entity | None:
        """The most recent person whose known role shares the role noun ("the defence minister")."""
        if not m.role:
            return None
        words = {_stem(w) for w in m.role.lower().split() if w not in _ROLE_FILLER}
        if not words:
            return None
        best, best_key = None, (0, -1)
        # The persons with a role seen by m.start, most recent first (ties: the earliest made first), from their
        # recency log: the first whose role shares every word wins at once, as no later one in this order can beat
        # it (a scan of every entity per role noun made a long text of titled people quadratic: 12 s/MB at 200 KB).
        log, current = self._role_log, self._role_last
        for j in range(bisect_right(log, (m.start, 1)) - 1, -1, -1):
            last, index = log[j]
            if current[-index] != last:
                continue  # a stale key: the person was seen again later
            e = self.entities[-index]
            shared = len(words & {_stem(w) for w in e.role.lower().split()})  # type: ignore[union-attr]
            # The role that shares most words wins ("the acting Prime Minister of Iraq" is the Iraqi prime
            # minister, not the Israeli one named later), then the most recent.
            if shared and (shared, e.last) > best_key:
                best, best_key = e, (shared, e.last)
                if shared == len(words):
                    break
        return best

    def aliases(self, name: str, without: str | None = None) -> list[str]:
        """The mentions of the entity named `name`, other than `without` (a speaker's own mention)."""
        ent = self.by_name.get(name)
        if ent is None:
            return []
        found = ent.mentions.copy()  # (each mention is entered once: `without` is there once at most)
        if without in found:
            found.remove(without)
        return found
