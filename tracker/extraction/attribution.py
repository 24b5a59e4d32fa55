"""Attribution: one cue turned into a raw quote, with its content on either side and its speaker's mention
("Akar said …", "…, said Akar", "according to the ministry, …", "The deal, he said, is dead").

A raw quote keeps the mention unresolved; quotes.py resolves every mention in text order once all are found.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.extraction.claim_words import PAST_IRREGULAR
from tracker.extraction.clause_shape import _AUX, _IRREGULAR_PAST, _past
from tracker.extraction.content import (
    _CONTENT_MARK,
    _ONLY_STOPS,
    _circumstance_only,
    _content_after,
    _content_before,
    _content_end,
    _ends_sentence,
    _forward_quote,
    _framing,
    _has_clause,
    _parenthetical,
)
from tracker.extraction.cues import _FORM_TO_BASE as _CUE_FORMS
from tracker.extraction.cues import _Cue
from tracker.extraction.letters import caps
from tracker.extraction.quotemarks import (
    _OPENS,
    _QUOTE_CHARS,
    _ending_by,
    _first_nonspace,
    _quote_at,
    _trim_end,
    _word_count,
)
from tracker.extraction.speaker_words import (
    ANON_NOUNS,
    AUXILIARIES,
    DETERMINERS,
    ORG_WORDS,
    PERSON_ROLE_NOUNS,
    PREPOSITIONS,
    RECORDINGS,
    TITLES,
    tokens,
)
from tracker.extraction.speakers import (
    _TOKEN,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    Mention,
    subject_after,
    subject_before,
)
from tracker.records import SpeakerRef


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
    subject: Mention | None = None  # the clause's subject when another speaks ("It cited X as saying …")


def _attribute(
    text: str, cue: _Cue, s: int, e: int, quotes, prev: _Raw | None, opening: dict | None = None
) -> _Raw | None:
    """Turn one cue into a raw quote: find its speaker on either side and its content on either side.

    "read" reports only for a document ("the statement read", "…, reads the motion, …"): people read books.
    `opening`: the quotes by where they open, when the caller has them (`_content_after` looks one up)."""
    raw = _attribute_any(text, cue, s, e, quotes, prev, opening)
    if cue.base == "read" and (raw is None or raw.mention is None or not _is_document(raw.mention.text)):
        return None
    return raw


def _is_document(mention: str) -> bool:
    words = mention.lower().split()
    return len(words) > 1 and words[-1] in DOCUMENT_NOUNS


def _attribute_any(
    text: str, cue: _Cue, s: int, e: int, quotes, prev: _Raw | None, opening: dict | None = None
) -> _Raw | None:
    if cue.base == "according":
        return _according(text, cue, s, e, quotes)
    mention, negated = subject_before(text, s, cue.start)
    if negated:
        return None
    # The sentence before the cue, without its trailing spaces. Both patterns below end in `$` and match a word
    # of at most five letters (`before` ends in no space): only its last characters are searched, and only the
    # last 16 are copied (with the 9th from the end, `\b` at the search's start sees what it saw in the whole).
    b_end = cue.start
    while b_end > s and text[b_end - 1].isspace():
        b_end -= 1
    before = text[max(s, b_end - 16) : b_end]
    tail = max(0, len(before) - 8)
    ing = text.endswith("ing", cue.start, cue.end)  # (a participle: "saying", "adding"; asked below five times)
    if (
        mention is not None
        and before[-1:] in _NOUN_BEFORE_ENDS
        and _noun_before(before, tail)
        and not (
            before[-2:] in _POSSESSIVE_ENDS
            and _past(text[cue.start : cue.end])
            and before.rsplit(None, 1)[-1][:-2].lower() not in _CONTRACTED  # ("It's called …" is "it is")
        )
    ):
        return None  # "Editor’s note", "a claim": the cue word is a noun here (not "analysts at Moody's said")
    if (
        mention is not None
        # (both read a cue in its bare form, "a reply", "the welfare state"; or after "some", "many": "some calls")
        and (cue.end - cue.start == len(cue.base) or mention.text.lower() in _PLURAL_QUANTIFIERS)
        and (_noun_of_indefinite(text, mention, cue) or _compound_noun(text, mention, cue))
    ):
        return None  # "published a short reply": after "a" and its words, a bare base form is the phrase's noun
    if mention is not None and mention.text[:1].isdigit() and _count_and_participle(text, mention, cue):
        return None  # "has recorded 184 confirmed cases": a participle describing what is counted, not a report
    if mention is None:
        mention = _that_relative(text, s, cue.start)
    if ing and before.endswith("as"):
        cited = _CITED_AS.search(text, max(s, cue.start - 90), cue.start)
        named = subject_after(text, cited.start(1), cited.end(1)) if cited else None
        if cited is not None and named is not None:
            # "It cited the Air Force as stating …", "quoted the mayor as saying …": whom it cites speaks.
            content = _content_after(text, cue, s, e, quotes)
            if content is None:
                return None
            raw = _Raw(content[0], content[1], "", cue.start, cue.end, named)
            raw.subject = subject_before(text, s, cited.start())[0]
            return raw
    if ing and _WITHOUT.search(before):
        return None  # "It goes without saying that …", "He left without saying …": nothing is said
    if mention is not None and before.endswith(",") and ing:
        mention = None  # "Biden announced his plan, saying …": a participle after a comma has no subject of its own
    carried = False
    if (
        mention is not None
        and ing
        and mention.kind != "pronoun"
        and _PREPOSITION_BEFORE.search(text, max(s, mention.start - 12), mention.start) is not None
        and _RECORDING_OF.search(text, max(s, mention.start - 16), mention.start) is None
    ):
        # "Derakhshani decided not to play for the federation saying …": the object of a preposition does not
        # say it; the participle goes with the sentence's subject
        mention = _sentence_subject(text, s, cue.start)
        carried = mention is not None
    if mention is None and (
        (ing or before.endswith(("and", "then", "but")))
        and _BARE_VP.search(before, tail)
        or ing
        and _BY_ING.search(before, tail)
        or before.endswith(" to")
        and _WENT_ON.search(before) is not None
        or before.endswith(("ly", "later", "also", "again"))
        and _BARE_VP_ADVERB.search(text, max(s, b_end - 40), b_end) is not None
    ):
        # "…, adding that", "X did Y and said": the clause carries on with the sentence's subject.
        mention = (
            (prev.subject or prev.mention)
            if prev is not None and prev.mention is not None
            else _sentence_subject(text, s, cue.start)
        )
        carried = mention is not None
    if mention is None and before.endswith(","):
        mention = _subject_across_aside(text, s, b_end - 1, cue.end, e)
    if mention is None:
        mention = subject_after(text, cue.end, e)
        if mention is None or mention.text.split(None, 1)[0].lower() in ("any", "no", "that"):
            return None  # "had not, as of Monday, announced any plans": an object, not an inverted speaker
        mention = _apposed_name(text, mention, e)
        content = _content_before(text, s, cue.start, quotes)
        if content is None and _first_word(text, s) >= cue.start and mention.text[:1].isupper():
            # "Said Ellis: “…”" — the inverted attribution opens the sentence (a name: in "Reports said at least
            # 116 …" the word after "Reports" is no speaker).
            content = _content_after(text, _Cue(cue.start, mention.end, "say"), s, e, quotes)
            if content is None or content[0] < mention.end:
                return None
            return _Raw(content[0], content[1], "", cue.start, cue.end, mention)
        if content is None:
            return None
        end = _forward_quote(text, mention.end, e, quotes, content)
        after = _Cue(cue.start, mention.end, cue.base)
        if (
            end == content[1]
            and text[end - 1] not in _QUOTE_CHARS
            and _is_document(mention.text)
            and _parenthetical(text, after, e)
            and _word_count(text, mention.end, e) >= 4
        ):
            # "Because only Congress may spend it, reads the motion, the order breaks the law.": an inverted
            # document's attribution sits inside its content, which runs on after it (a person named there
            # takes an apposition instead: "…, said Ann Lee, a lawyer.").
            end = _content_end(text, mention.end, s, e, after, quotes)
        return _Raw(content[0], end, "", cue.start, cue.end, mention)
    antecedent = None
    if mention.kind == "relative":
        k = mention.start
        while k > s and text[k - 1] in " \t\xa0":
            k -= 1
        if k > s and text[k - 1] == "," and not _apposition_before(text, s, k - 1):
            k -= 1  # "Mr Ode, who said …": the antecedent ends before the comma that opens the clause
        antecedent, _ = subject_before(text, s, k)
    # A subject carried on from the clause before reports what follows its own cue: what precedes the subject is
    # the earlier report's ('"We are ready," Lee said, adding that the team had trained hard').
    # (subject: "…, as the minister said." lets "as" open the attribution, but not in a question: "Will the tax
    # rise, as the minister promised?" asks whether it will, and reports no one.)
    back = None if carried else _content_before(text, s, mention.start, quotes, (cue.end, e))
    if back is not None and text[back[1] - 1] in _QUOTE_CHARS and _quote_at(quotes, back[0]) is not None:
        content = back[0], _forward_quote(text, cue.end, e, quotes, back)
        if text[back[1] - 2 : back[1] - 1] not in _CLOSING_STOPS:
            # 'Calling it a "culture of death" the archbishop said "We need to pray …"': a quoted phrase with no
            # stop of its own before the subject is a scare quote; a quote after the cue is what was said.
            following = _content_after(text, cue, s, e, quotes)
            if (
                following is not None
                and _quote_at(quotes, following[0]) is not None
                and text[following[0] + 1 : following[0] + 2].isupper()
            ):
                content = (
                    following  # (one opening in lower case carries on the first: '"Our team" … "has developed …"')
                )
    elif back is not None and (
        _framing(text, back[0])
        and (
            (content := _content_after(text, cue, s, e, quotes)) is not None
            # "Though the transition was smooth, he said, replacing her would be harder.": framed, and the
            # attribution is an aside (the branch below)
            or not (_comma_before(text, s, mention.start) and _parenthetical(text, cue, e))
        )
    ):
        if (
            content is None
            and (text.find(",", back[0], back[1]) >= 0 or _AUXILIARY.search(text, back[0], back[1]) is not None)
            and (_ends_sentence(text, cue, e) or _told_whom_only(text, cue, e) or _circumstance_only(text, cue, e))
        ):
            # "After some challenges, the work has met the standards, one official said.": nothing follows the
            # cue, so the opening phrase frames a clause that is the content, not the attribution; or the opening
            # word was no framing participle ("Shifting monsoon patterns could affect …, Obama said."). A clause
            # has a comma after its opening phrase or an auxiliary ("During the meeting in Geneva, he said." none).
            content = back
    elif _comma_before(text, s, mention.start) and _parenthetical(text, cue, e):
        # "The deal, he said, is dead." (after a semicolon: "…; enough, the study suggests, to feed sponges")
        lo = max(s, text.rfind(";", s, mention.start) + 1)
        content = _first_nonspace(text, lo), _content_end(text, lo, s, e, cue, quotes)
    elif back is not None and _forward_quote(text, cue.end, e, quotes, back) > back[1]:
        content = back[0], _forward_quote(text, cue.end, e, quotes, back)  # "…, Mr. Barrett said, “we were …”"
    elif back is not None and _circumstance_only(text, cue, e):
        # "…, the minister said in a written answer to parliament.": the phrase is a circumstance. A clause
        # coordinated after it ("…, the agency said in a report, and …") continues the content, which then spans
        # the attribution as in "The deal, he said, is dead."
        more = _COORDINATED_AFTER.match(text, cue.end, e)
        content = (back[0], _content_end(text, back[0], s, e, cue, quotes)) if more else back
    else:
        content = _content_after(text, cue, s, e, quotes, opening)
        if content is None and back is not None and (_ends_sentence(text, cue, e) or _told_whom_only(text, cue, e)):
            content = back
        if content is None and _RELATIVE_BEFORE.search(text, max(s, mention.start - 12), mention.start):
            content = _relative_content(text, cue, s, e, quotes)
    if content is None or content[1] <= content[0]:
        return None
    if mention.kind == "relative" and content[0] > cue.start:
        # "the family, who asked the police to release the video, watched it": the relative clause ends at its
        # closing comma, and so does what it reports.
        k = _comma_outside_quotes(text, content[0], content[1], quotes)
        q = _quote_at(quotes, _first_nonspace(text, k + 1)) if k > content[0] else None
        if q is not None:
            content = q[0], q[1]  # "Ann Lee, who said on the council floor, “…”": the quote after the comma
        elif k > content[0]:
            content = content[0], _trim_end(text, content[0], k)
    return _Raw(content[0], content[1], "", cue.start, cue.end, mention, antecedent)


_PARTICIPLES_EN = frozenset("written spoken given taken shown known seen drawn".split())  # "1,200 written objections"
_LOWER_WORD_AFTER = re.compile(r"[ \t\xa0]+([a-z]+)")


def _count_and_participle(text: str, mention: Mention, cue: _Cue) -> bool:
    """ "184 confirmed cases", "1,200 written objections": a bare number before a participle cue and a lower-case
    word after it (not "that"): the number counts the noun the participle describes. ("Of those polled, 184 said
    they …" and "300 complained that …" are reports.)"""
    if not mention.text.replace(",", "").isdigit():
        return False
    if not text.endswith("ed", cue.start, cue.end) and text[cue.start : cue.end].lower() not in _PARTICIPLES_EN:
        return False
    nxt = _LOWER_WORD_AFTER.match(text, cue.end)
    return nxt is not None and nxt.group(1) != "that"


def _told_whom_only(text: str, cue: _Cue, e: int) -> bool:
    """ "Prices will rise, the minister told members of the assembly on Tuesday.": after "told" only whom and
    when (no "that", colon or quote mark, and `_content_after` found no clause), so what was told is before."""
    return cue.base == "tell" and _CONTENT_MARK.search(text, cue.end, e) is None


# Words that open an aside between a subject and its verb: "The company, though profitable, said …".
_ASIDE_OPENERS = frozenset("though although while whilst despite even if when once as unlike like because".split())


_NEXT_TOKEN = re.compile(r"[ \t\xa0]*([\w’'-]+)")


def _subject_across_aside(text: str, s: int, comma: int, cue_end: int, e: int) -> Mention | None:
    """ "The company, though profitable, said it would cut jobs": an aside set off by commas (opened by a word
    such as "though") sits between the sentence's subject and the cue, which then has a clause after it, not an
    inverted speaker ("…, while imperfect, said Ann Lee" keeps Ann Lee)."""
    j = comma
    for _ in range(3):  # the aside's opening comma: "though profitable" or "though small, lean and young"
        j = text.rfind(",", s, j)
        w = _NEXT_TOKEN.match(text, j + 1, comma) if j > s else None
        if w is None or w.group(1).lower() in _ASIDE_OPENERS:
            break
    if w is None or w.group(1).lower() not in _ASIDE_OPENERS:
        return None
    after = subject_after(text, cue_end, e)
    if after is not None and after.kind != "pronoun":
        nxt = _NEXT_TOKEN.match(text, after.end, e)
        if nxt is None or nxt.group(1).lower() not in _AUX:
            return None  # a name or a phrase not followed by a verb: the inverted speaker
    lead = _LEAD_IN.match(text, s, j)  # "In May, the company, though profitable, said …"
    first = _first_word(text, lead.end() if lead is not None else s)
    m, negated = subject_before(text, s, j)
    if m is None or negated or m.start > first or m.kind not in _SPEAKER_KINDS:
        return None
    return m


# A person's name in apposition after an inverted speaker's role: "said the head of SpaceX, Elon Musk.".
_APPOSED_AFTER = re.compile(caps(r"[ \t\xa0]*,[ \t\xa0]*(?=[A-Z])"))


_NAME_CLOSE = re.compile(r"[ \t\xa0]*(?:[,.;!?)]|$)")


def _apposed_name(text: str, mention: Mention, e: int) -> Mention:
    """The name that a role phrase introduces ("said the chief executive of SpaceX, Elon Musk"), which speaks for
    it; the phrase stays the speaker when no person's name closes the apposition."""
    if not mention.text[:1].islower():
        return mention  # a name itself ("said Jane Doe, a lawyer")
    m = _APPOSED_AFTER.match(text, mention.end, e)
    if m is None:
        return mention
    named = subject_after(text, m.end(), e)
    if named is None or named.kind != "person" or not _NAME_CLOSE.match(text, named.end, e):
        return mention
    return named


def _comma_outside_quotes(text: str, lo: int, hi: int, quotes) -> int:
    """The first comma in text[lo:hi] outside quote marks, or -1."""
    k = text.find(",", lo, hi)
    while k >= 0 and _quote_at_or_around(quotes, k):
        k = text.find(",", k + 1, hi)
    return k


def _quote_at_or_around(quotes, pos: int) -> bool:
    i = bisect.bisect_left(quotes, pos + 1, key=_OPENS) - 1
    return i >= 0 and quotes[i][0] <= pos < quotes[i][1]


_CLOSING_STOPS = frozenset(",.!?;:…")
_AUXILIARY = re.compile(r"\b(?:" + "|".join(sorted(AUXILIARIES)) + r")\b")  # (one in a span: it holds a clause)


# A relative pronoun right before the speaker: "a mission which NASA said might take place in May".
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)[ \t\xa0]*$")


# The verb that opens what a relative attribution reports: an auxiliary or a past form, never a noun.
_RELATIVE_VERB = re.compile(
    r"[ \t\xa0]*(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do|"
    r"[a-z]{3,}ed|as)\b"
)


def _relative_content(text: str, cue: _Cue, s: int, e: int, quotes) -> tuple[int, int] | None:
    """ "…, which NASA said might take place this summer": the relative clause's subject is the pronoun before the
    speaker, so the verb right after the cue opens the reported content."""
    m = _RELATIVE_VERB.match(text, cue.end, e)
    if m is None:
        return None
    start = _first_nonspace(text, m.end() + 1 if m.group().strip() == "as" else cue.end)
    end = _content_end(text, start, s, e, cue, quotes)
    dash = _DASH.search(text, start, end)  # "— which the BBC noted as unusual — ": the clause ends at its dash
    if dash is not None:
        end = _trim_end(text, start, dash.start())
    return (start, end) if _word_count(text, start, end) >= 2 else None


_DASH = re.compile(r"[ \t\xa0]+[—–][ \t\xa0]|[ \t\xa0]+--[ \t\xa0]")


_CITED_AS = re.compile(
    r"\b(?:cited|cites|citing|quoted|quotes|quoting)[ \t\xa0]+([^,;:]{2,60}?)[ \t\xa0]+as[ \t\xa0]*$"
)


# ("footage of Trump saying …", "a video of the mayor telling …": whom the recording shows speaks)
_RECORDING_OF = re.compile(r"\b(?:" + "|".join(sorted(RECORDINGS)) + r")[ \t\xa0]+of[ \t\xa0]+$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|to|of|in|at|on|from|against|about)[ \t\xa0]+$")


_BARE_VP = re.compile(r"(?:,|\band|\bthen|\bbut)\s*$", re.IGNORECASE)
# The same with an adverb before the cue ("… and repeatedly says", "… and later said"). ("only", "early" and
# "family" end in "ly" as well: an adverb in "-ly" here has at least six letters.)
_BARE_VP_ADVERB = re.compile(
    r"(?:\band|\bthen|\bbut)[ \t\xa0]+(?:[a-z]{4,}ly|later|also|again)[ \t\xa0]*$", re.IGNORECASE
)


# "… tried to have him freed by saying …", "… after saying …": the gerund's subject is the sentence's.
_BY_ING = re.compile(r"\b(?:by|after|while|before)$", re.IGNORECASE)


_WITHOUT = re.compile(r"\bwithout$", re.IGNORECASE)


# "…, going on to say that …", "She went on to claim …": the sentence's subject says it next.
_WENT_ON = re.compile(r"\b(?:went|go|goes|going|gone)[ \t\xa0]+on[ \t\xa0]+to$", re.IGNORECASE)


# A singular indefinite noun phrase, which no bare base form of a verb can follow as its subject.
_A_OR_AN = re.compile(r"an?[ \t\xa0]", re.IGNORECASE)


def _noun_of_indefinite(text: str, mention: Mention, cue: _Cue) -> bool:
    """The cue word is a bare base form ("reply", "comment") right after a singular noun phrase opened by "a" or
    "an": no such phrase is the subject of a base form ("a reader would ask" has its modal between them, "a review
    of records indicate" ends on a plural that the verb agrees with), so the word is the phrase's noun ("a
    short reply:", "send a strong signal that …", "an extension on a court order to …"). A colon after it is asked
    for when the phrase ends on a capitalised word or the form is also a past ("a Reuters report", "a reporter
    read"), or a plural quantifier opens it ("some calls into the hotline": "some" takes "call")."""
    if text[mention.end : cue.start].strip():
        return False
    if mention.text.lower() in _PLURAL_QUANTIFIERS:
        return text.endswith("s", cue.start, cue.end) and not text.endswith("ss", cue.start, cue.end)
    if text[cue.start : cue.end].lower() != cue.base or _A_OR_AN.match(mention.text) is None:
        return False
    if mention.text.endswith("s"):
        return False
    last = mention.text.rsplit(None, 1)[-1]
    if last.islower() and cue.base not in _SAME_PAST:
        return True
    return _COLON_AFTER.match(text, cue.end) is not None


# A plural quantifier alone as the subject: it takes a plural verb ("some call", not "some calls").
_PLURAL_QUANTIFIERS = frozenset("some many several few both most".split())


def _compound_noun(text: str, mention: Mention, cue: _Cue) -> bool:
    """ "the surveillance state", "the welfare state": a bare base form right after "the" and a lower-case singular
    noun is the second noun of a compound, since such a subject takes "states", "stated" or a modal. Bodies that
    British English gives a plural verb ("the government say", "the majority say") are left as reports."""
    if cue.base in _SAME_PAST or text[cue.start : cue.end] != cue.base:
        return False  # (most cues are a past or an "-s" form: asked first, it spares the split below)
    words = mention.text.split()
    head = words[-1]
    return (
        len(words) == 2
        and words[0].lower() == "the"
        and head.isalpha()
        and head.islower()
        and not head.endswith("s")
        and head not in _COLLECTIVE
        and head not in ORG_WORDS
        and head not in ANON_NOUNS
        and head not in PERSON_ROLE_NOUNS  # ("the mayor forecast": a past, spelt as the base form)
        and head not in TITLES
        and not text[mention.end : cue.start].strip()
    )


# Cues whose past is spelt as their base form.
_SAME_PAST = frozenset("forecast broadcast read put set cut".split())


# Singular nouns for a body of people, which British English gives a plural verb.
_COLLECTIVE = frozenset("majority minority public crowd family team jury panel staff electorate audience".split())


# The noun that a colon follows introduces what comes after it ("a short reply: “…”"). (Without a colon the
# same reading of "make a controversial comment that …" lost a found quote on polnear-dev.)
_COLON_AFTER = re.compile(r"[ \t\xa0]*:")


_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their|this|that|whose))$", re.IGNORECASE)
# The words `_NOUN_BEFORE` lists of two letters or more, by their last two.
_NOUN_BEFORE_BY_LAST_TWO: dict[str, list[str]] = {}
for _w in "the an his her its their this that whose".split():
    _NOUN_BEFORE_BY_LAST_TWO.setdefault(_w[-2:], []).append(_w)


def _noun_before(before: str, tail: int) -> bool:
    """`_NOUN_BEFORE.search(before, tail)`, read without the pattern when `before` ends on two ASCII letters or
    digits (most subjects: "John Ba", "He"): then "['’]s" cannot match, nor "a" (no `\\b` before it), and a listed
    word only where `before` ends on it in ASCII (no fold then: the pattern is asked when it is not) with no word
    character before it."""
    last2 = before[-2:]
    if not (len(last2) == 2 and last2.isascii() and last2.isalnum()):
        return _NOUN_BEFORE.search(before, tail) is not None
    for w in _NOUN_BEFORE_BY_LAST_TWO.get(last2.lower(), ()):
        end = before[-len(w) :]
        if not end.isascii():
            return _NOUN_BEFORE.search(before, tail) is not None
        k = len(before) - len(w)
        if k >= tail and end.lower() == w and (k == 0 or not (before[k - 1].isalnum() or before[k - 1] == "_")):
            return True
    return False


# The last characters a _NOUN_BEFORE match may end on (with "ſ", which the engine folds to "s", and a line end,
# which "$" may stand before): a cheap test of the last one first, since most subjects end otherwise ("Akar", "he").
_POSSESSIVE_ENDS = frozenset(("'s", "’s"))
_CONTRACTED = frozenset("it that he she there what who here where how let".split())
_NOUN_BEFORE_ENDS = frozenset("eanrstEANRSTſ\n")


_COORDINATED_AFTER = re.compile(r"[^,;]*,\s+(?:and|but)\s+\w")


# "records that showed …": "that" as a relative pronoun after a noun, right before the cue.
_THAT_BEFORE = re.compile(r"((?:\b[a-z]+[ \t\xa0]+){0,2})\b([a-z]{3,})[ \t\xa0]+that[ \t\xa0]+$")


_PREPOSITIONS = frozenset(
    """
    about above across after against along among around at before behind below beneath beside between beyond by
    down during for from in inside into near of off on onto out outside over past through throughout to toward
    towards under until up upon with within without
    """.split()
)


def _that_relative(text: str, s: int, cue_start: int) -> Mention | None:
    """ "came across military records that showed a bomber had attacked": "that" after a plural noun is the
    relative pronoun subject of the cue; it stands for the noun phrase before it (the relative's antecedent)."""
    k = cue_start
    while k > s and text[k - 1] in " \t\xa0":
        k -= 1
    if not text.endswith("that", s, k):
        return None
    m = _THAT_BEFORE.search(text, max(s, cue_start - 60), cue_start)
    if m is None:
        return None
    noun = m.group(2)
    if not noun.endswith("s") or noun.endswith("ss") or noun in FUNCTION_WORDS or noun in _CUE_FORMS:
        return None
    start = m.start(2)
    for w in reversed(m.group(1).split()):  # the adjectives before the noun: "military records"
        if w in FUNCTION_WORDS or w in _PREPOSITIONS or w.endswith("ed") or w in _CUE_FORMS:
            break
        start = text.rfind(w, m.start(1), start)
    phrase = text[start : m.end(2)]
    return Mention(start, m.end(2), phrase, "anonymous", phrase)


def _sentence_subject(text: str, s: int, pos: int) -> Mention | None:
    """The first noun phrase of the sentence, when it names someone (or is a pronoun).

    A lead-in phrase before a comma ("On Thursday, the union filed …") is stepped over, and a name in apposition
    stands for a head that is no name ("Her mother, Anwar, wept …", "One of the groups, the SDF, opposed …")."""
    lead = _LEAD_IN.match(text, s, pos)
    if lead is not None:
        s = lead.end()
    m = _first_named(text, s, pos, _not_subject_word)
    if m is None:
        m = subject_after(text, _first_word(text, s), pos)
        if m is None or m.kind != "anonymous":
            return None
    verb = _writers_verb(text, m, pos)
    if verb is not None:
        # "The mayor cut the ribbon and said …": the subject ends at the sentence's own verb, which a speaker walk
        # that reads lower-case words after "the mayor" takes in when it is an irregular past
        m = subject_after(text, m.start, verb)
        if m is None or m.kind not in _SPEAKER_KINDS and m.kind != "anonymous":
            return None
    appos = _APPOSED_NAME.match(text, m.end, pos)
    if appos is not None and (
        m.kind in ("anonymous", "role") or m.text.endswith(("'s", "’s")) or m.text.rsplit(None, 1)[-1].islower()
    ):
        named = subject_after(text, appos.end(), pos)
        if named is not None and named.kind in ("person", "organisation") and _APPOS_CLOSE.match(text, named.end, pos):
            return named
    return m


def _writers_verb(text: str, m: Mention, pos: int) -> int | None:
    """Where a past verb of no "-ed" form sits inside a sentence subject's mention (the subject of "… and said"
    at `pos`), after a word that is no determiner ("The two farmers sold the land", "The mayor cut the ribbon"):
    the subject ends before it. Most such pasts are participles too: one before a preposition describes the noun
    ("A tweet sent from Biden's account quoted him") unless nothing but the link to the cue follows the mention
    ("The delegates met with reporters and said"), when it is the only verb the clause has."""
    toks = tokens(text, m.start, m.end)
    before_cue = _LINK_ONLY.fullmatch(text, m.end, pos) is not None
    for k in range(1, len(toks) - 1):
        w = toks[k][2]
        if (
            w in _SUBJECT_ENDING_PAST
            and toks[k - 1][2].lower() not in DETERMINERS
            and (before_cue or toks[k + 1][2].lower() not in _NOT_OBJECT)
        ):
            return toks[k][0]
    return None


_LINK_ONLY = re.compile(r"[\s,]*(?:(?:and|then|but)\b[\s,]*)?", re.IGNORECASE)


_NOT_OBJECT = PREPOSITIONS | {"by", "as", "into", "during", "under", "over", "after"}


# Irregular pasts that end a sentence's subject (lower-case, as a verb is written): the clause shapes' and the
# claim features' lists, and "cut", "put", "set", "hit" and "shut", which are their own pasts.
_SUBJECT_ENDING_PAST = _IRREGULAR_PAST | PAST_IRREGULAR | frozenset("cut put set hit shut".split())


# Words that open a sentence before its subject without a comma: "Then the mayor …", "Later the mayor opened the
# bridge and said …".
_BEFORE_SUBJECT = frozenset("and but so yet then later earlier meanwhile afterwards afterward separately".split())


def _not_subject_word(w: str) -> bool:
    return not w[:1].isalnum() or w.lower() in _BEFORE_SUBJECT


# A sentence-opening time or place phrase closed by a comma: "On Thursday,", "In a statement released Monday,";
# or a participle's ("Having won tournaments as a kid,", "Asked about the plan,").
_LEAD_IN = re.compile(
    r"\s*(?:(?:On|In|At|During|After|Before|Since|Following|Earlier|Later|Yesterday|Today|Last|This)\b|"
    r"[A-Z][a-z]{2,}(?:ing|ed)\b)[^,;:.“”\"]{0,60},\s*"
)


# What may lie between a subject's head and a name in apposition to it: the rest of the head's phrase.
_APPOSED_NAME = re.compile(r"(?:[ \t\xa0]+(?:of|these|those|the|its|their|his|her|[a-z]+)){0,4},[ \t\xa0]*")


_APPOS_CLOSE = re.compile(r"(?:[ \t\xa0]*\([^()]{1,30}\))?[ \t\xa0]*,[ \t\xa0]+[a-z]")


_SPEAKER_KINDS = frozenset(("person", "organisation", "country", "pronoun", "role"))


def _first_named(text: str, lo: int, pos: int, skip) -> Mention | None:
    """The noun phrase at the first token of text[lo:pos] that `skip` lets through, when it names someone (or is a
    pronoun).

    The tokens are read lazily up to that token: tokenising the whole clause for every quote in it made a long
    sentence with many quotes quadratic."""
    t = _first_unskipped(text, lo, pos, skip)
    if t is None:
        return None
    m = subject_after(text, t.start(), pos)
    return m if m is not None and m.kind in _SPEAKER_KINDS else None


def _first_unskipped(text: str, lo: int, pos: int, skip) -> re.Match[str] | None:
    """The first token of text[lo:pos] that `skip` lets through, read lazily (see `_first_named`)."""
    for t in _TOKEN.finditer(text, lo, pos):
        if not skip(t.group()):
            return t
    return None


def _apposition_before(text: str, s: int, comma: int) -> bool:
    """The words before a relative clause's comma are an apposition set off by an earlier comma and opened by a
    lower-case word ("Mark Hay, a marine ecologist at GT, who said"): the speaker is the name before the
    apposition, which the subject search reaches by stepping over it from the comma; only a name itself right
    before the comma ("the coach, Ann Lee, who said") is the antecedent there."""
    prev = text.rfind(",", s, comma)
    if prev < 0:
        return False
    k = _first_nonspace(text, prev + 1)
    return k < comma and text[k].islower()


def _clause_break(text: str, s: int, cue_start: int) -> int:
    """Where the clause holding the cue opens: after the last colon or semicolon before it that whitespace follows
    ("potentially: according to …"), never inside a time or ratio ("at about 2:20 a.m., according to …")."""
    k = cue_start
    while True:
        k = max(text.rfind(":", s, k), text.rfind(";", s, k))
        if k < 0:
            return s
        if text[k + 1 : k + 2] in (" ", "\t", "\xa0", "\n"):
            return _first_nonspace(text, k + 1)


def _according(text: str, cue: _Cue, s: int, e: int, quotes) -> _Raw | None:
    """ "according to X, …" puts the content after the source; "…, according to X" before it."""
    mention = subject_after(text, cue.end, e)
    if mention is None:
        return None
    by = _BY_AGENT.search(text, cue.end, min(e, cue.end + 40)) if _FIGURES.match(text, cue.end) else None
    if by is not None and "," not in text[cue.end : by.start()]:
        # "Per numbers reported by the Associated Press, …": the agent gave the figures.
        mention = subject_after(text, by.end(), e) or mention
    # "… from other places: potentially, according to X, …": a colon or semicolon opens the clause it reports.
    s = _clause_break(text, s, cue.start)
    after = text.find(",", mention.end, e)
    if cue.start - s < 3 or _first_word(text, s) >= cue.start:
        if after < 0:
            return None
        start = _first_nonspace(text, after + 1)
        end = _content_end(text, start, s, e, cue, quotes)
        return _Raw(start, end, "", cue.start, cue.end, mention) if end > start else None
    content = _content_before(text, s, cue.start, quotes)
    if (
        content is not None
        and content[0] > _first_word(text, s) + 1
        and _quote_at(quotes, content[0]) is not None
        and text[content[1] - 1] in _QUOTE_CHARS
        and _ONLY_STOPS.match(text, mention.end, e)
    ):
        # '… go around at "very low height" according to the Herald.': the quoted words are part of the
        # sentence it reports, which runs from its start.
        content = None
    if content is None and _ONLY_STOPS.match(text, mention.end, e) and _word_count(text, s, cue.start) >= 4:
        # "… at very low height according to The Aviation Herald.": the source closes the sentence, no comma
        content = s, _trim_end(text, s, cue.start)
    if content is None and after >= 0 and _comma_before(text, s, cue.start) and not _has_clause(text, s, cue.start):
        # "Longer term, according to NASA, the goal is …": only a lead-in before it, the content after it
        start = _first_nonspace(text, after + 1)
        end = _content_end(text, start, s, e, cue, quotes)
        return _Raw(start, end, "", cue.start, cue.end, mention) if _word_count(text, start, end) >= 3 else None
    if content is None:
        return None
    return _Raw(content[0], content[1], "", cue.start, cue.end, mention)


# Figures as a source: "per numbers reported by", "according to data compiled by" (a document stays the
# resolver's: "a statement released by the ministry").
_FIGURES = re.compile(
    r"[ \t\xa0]+(?:the[ \t\xa0]+)?(?:[a-z]+[ \t\xa0]+)?(?:figures|numbers|data|estimates|records|statistics)\b"
)


# A source's figures credited to someone: "numbers reported by", "data compiled by", "figures released by".
_BY_AGENT = re.compile(r"[ \t\xa0]+(?:reported|released|compiled|published|gathered|collected)[ \t\xa0]+by[ \t\xa0]+")


def _kind(text: str, start: int, end: int, quotes) -> str:
    # The quotes wholly inside start..end+1. They are sorted and apart, so their ends are sorted too: the first
    # and the last are found by binary search, not by a scan of every quote for every content.
    i = bisect.bisect_left(quotes, start, key=_OPENS)
    if i == len(quotes) or quotes[i][1] > end + 1:
        return "indirect"
    if quotes[i][0] <= start + 1 and quotes[i][1] >= end - 1:
        return "direct"  # (the first quote spans it: the last, which ends no earlier, need not be searched for)
    last = quotes[_ending_by(quotes, end + 1) - 1]
    if quotes[i][0] <= start + 1 and last[1] >= end - 1:
        return "direct"
    return "partial"


# The tests below are asked for every cue of a sentence about the text from the sentence's start; answered by
# a search from that start, cached, rather than by a copy of the sentence so far per cue (which made a long
# sentence with many cues quadratic).
@lru_cache(maxsize=16)
def _first_word(text: str, s: int) -> int:
    """Where the first word character at or after s is (len(text) if none): text[s:k] holds no word (only
    marks, spaces, punctuation) when this is at least k."""
    m = _HAS_WORD.search(text, s)
    return m.start() if m else len(text)


def _comma_before(text: str, s: int, pos: int) -> bool:
    """Whether text[s:pos] ends with a comma and any spaces."""
    k = pos
    while k > s and text[k - 1].isspace():
        k -= 1
    return k > s and text[k - 1] == ","


_HAS_WORD = re.compile(r"\w")
