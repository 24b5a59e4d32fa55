"""The reported content around a cue: what follows "said" (a clause, a quote, a "that"-clause after time and place
phrases), or what precedes ", officials said"; and where that content ends.

These rules know the shape of English reporting sentences but not who speaks; attribution.py joins the two.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tracker.extraction.clause_shape import (
    _AUX,
    _PREP,
    _aux_after_subject,
    _finite_soon,
    _past,
)
from tracker.extraction.cues import (
    _CLAUSE_OPENERS,
    _CONTINUATIONS,
    AS_VERBS,
    MANNER_VERBS,
    NP_VERBS,
    OBJECT_VERBS,
    QUOTE_ONLY_VERBS,
    TO_VERBS,
    WEAK_VERBS,
    WH_VERBS,
    _Cue,
)
from tracker.extraction.letters import caps
from tracker.extraction.quantity_words import SCALE_WORDS, SMALL, VAGUE
from tracker.extraction.quotemarks import (
    _OPENS,
    _first_ending_from,
    _first_nonspace,
    _inside,
    _quote_at,
    _rstrip,
    _trim_end,
    _word_count,
)
from tracker.extraction.speakers import (
    DETERMINERS,
    FUNCTION_WORDS,
    TIME_WORDS,
)

# The words a clause opens with after whom a verb of telling tells ("told the court he …", "told investigators the
# car was stolen"): a subject pronoun, or (after a one-word object) a determiner.
_PRONOUN_SUBJECTS = r"he|she|it|they|we|i|there"
_SUBJECT_WORDS = _PRONOUN_SUBJECTS + r"|the|his|their|its|this|these|those"


_OBJECT = re.compile(
    caps(
        r"\s*(?:(?:him|her|them|us|me|you|it|reporters|journalists|lawmakers|supporters|voters|senators|members)"
        r"(?![\w’'-])|"
        # ("told the court he …", "told his wife she …": two words at most, so that no clause is taken for whom)
        r"(?:the|a|an|his|her|its|their|our)\s+(?:[\w’'-]+\s+)?[\w’'-]+(?=\s+(?:" + _PRONOUN_SUBJECTS + r")\b)|"
        r"(?:the|a|an|his|her|its|their|our)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=\s+(?:to|that|on|in|at|during|how|"
        r"what|why|whether|about)\b)|"
        r"(?:[A-Z][\w’'.&-]*)(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*)*)"
    )
)


# A bare plural object of up to four words before "to" or "that": "advises citizens to", "advised U.S. citizens
# to", "told analysts that" (whom a report is told to is no part of it); of one word before a clause's subject
# ("told investigators the car was stolen", "told police he …", "told the press the …", "told the Military
# Times the …", not "told Wikinews the twists they saw …").
_PLURAL_OBJECT = re.compile(
    r"\s*(?:(?:(?![\w’'.&-]*ing\s)[\w’'.&-]+\s+){0,3}?[a-z][\w’'-]*[a-z](?<![sui])s(?=\s+(?:to|that)\b)|"
    r"(?:[a-z][\w’'-]*[a-z](?<![sui])s|police|parliament|congress|staff|the\s+(?:press|media|court|jury)|"
    r"the(?:\s+[A-Z][\w’'.&-]*){1,4})(?=\s+(?:" + _SUBJECT_WORDS + r")\b))"
)


_ADVERB_TIME = frozenset(
    """
    last this late early earlier later monday tuesday wednesday thursday friday saturday sunday yesterday today
    tonight morning afternoon evening night week weekend month year also again repeatedly publicly previously
    recently then once separately privately openly
    """.split()
)


# Words that are time adverbials only with a time noun after them ("this week", "last Tuesday").
_DEICTIC = frozenset("this last late early".split())


_TIME_NOUN_NEXT = re.compile(
    r"\s+(?:week|weekend|month|year|morning|afternoon|evening|night|summer|winter|spring|autumn|fall|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|time)\b",
    re.IGNORECASE,
)


# A time preposition after "early" or "late" makes them adverbs of time: "said early on Monday", "late in the day".
_PHRASE_OPENERS = "on|in|at|during|this|last|next"  # (the words a time or place phrase opens with)
_PREP_NEXT = re.compile(r"[ \t\xa0]+(?:" + _PHRASE_OPENERS + r")\b", re.IGNORECASE)


_ADVERB_NOUNS = frozenset(
    """
    statement interview conference briefing reporters journalists press call speech rally post tweet letter email
    television radio video op-ed meeting hearing event appearance show program programme release phone news
    network twitter facebook instagram session remarks address debate forum podcast broadcast blog
    """.split()
)


_SUBORDINATORS = frozenset(
    "though although while whereas because since if when as even unless once after before".split()
)


def _hedged_clause(text: str, start: int, e: int) -> bool:
    """A hedged number opening a clause: "said about 20 people have applied", "at least 116 people died" (not
    "wrote about 20 books", nor "would add about £330 million a year, the assessment estimated": the verb must
    come before a comma)."""
    m = _HEDGED_NUMBER.match(text, start, e)
    if m is None:
        return False
    near = min(e, m.end() + 120)  # (a bounded look, as `_finite_soon`'s)
    k = text.find(",", m.end(), near)
    end = near if k < 0 else k
    return _finite_soon(text, start, end) or any(_past(w) for w in _LETTER_RUN.findall(text, m.end(), end))


# A number after a hedge ("about 20 people", "over 300 homes").
_NUMBER_WORDS = sorted(
    {*SMALL, *SCALE_WORDS, *(k for k in VAGUE if " " not in k), "half", "third", "quarter", "dozen"},
    key=len,
    reverse=True,
)
_NUMBER_NEXT = re.compile(
    r"[ \t\xa0]+(?:[$€£]?\d|(?:a[ \t\xa0]+)?(?:" + "|".join(_NUMBER_WORDS) + r")\b)", re.IGNORECASE
)
# A hedge and the number it hedges: "about 20", "over 300", "at least 116", "up to 40", "as many as 50".
_HEDGED_NUMBER = re.compile(
    r"(?:about|around|over|under|at[ \t\xa0]+least|at[ \t\xa0]+most|up[ \t\xa0]+to|as[ \t\xa0]+(?:many|much|few)[ \t\xa0]+as)"
    + _NUMBER_NEXT.pattern,
    re.IGNORECASE,
)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*([\w’'-]+)")


_TO_AUDIENCE = re.compile(caps(r"\s*(?:(?:reporters|journalists|the|a|an|his|her|their)\b|[A-Z])"))


# The patterns of the functions below, compiled once rather than looked up in `re`'s cache at every call.
_AFTER_CUE = re.compile(r"[ \t\xa0]*([:,])?[ \t\xa0]*(\n\s*)?")
# After a cue's comma: an aside closed by a comma, then "that" ("said, in a statement, that …", "said, however,
# that …").
_ASIDE_THEN_THAT = re.compile(r"[^,;:.!?“”\"\n]{1,60},[ \t\xa0]*(?P<that>that)\b")


_EXPRESSED_ABOUT = re.compile(r"\s+(?:about|over|at|that|for|with|regarding)\b")


_CONTENT_WORD = re.compile(r"\s*(?:that|to|how|what|why|whether)\b")


_THAT_SOON = re.compile(r"[^,;.“”\"]{0,40}?\bthat\b")


_CONTENT_OPENER = re.compile(r"\s*,?\s*(that|to|how|what|why|whether|if|when|where)\b")


_HAS_WORD = re.compile(r"\w")


_FIRST_WORD_OF = re.compile(r"[\w’'$-]+")


_FIRST_LETTERS = re.compile(r"\W*([A-Za-z]+)")


def _skip_adverbials(text: str, pos: int, hi: int, comma_ends: bool = False) -> int:
    """Position after time and place phrases between a cue and its content ("said on Wednesday in a statement").

    Determiners and nouns are only stepped over inside a prepositional phrase, so "said the talks …" keeps
    "the talks" as the start of its content. With `comma_ends`, a lower-case noun before a comma ends the phrases
    ("said at the launch of the report, “…”"), for a caller that reads what follows the comma."""
    k = pos
    in_pp = False
    head = False  # the phrase has its noun: a determiner after it opens the content ("in an interview the deal …")
    # The preposition of the first phrase: a noun of a phrase opened by "to", "of" or "by" right after the cue ends
    # no phrase ("warned of a possibility of flooding", "agreed to the request of the mayor to …": what is said)
    first = ""
    while True:
        m = _NEXT_WORD.match(text, k, hi)
        if not m:
            return k
        w = m.group(1)
        wl = w.lower()
        if wl == "that":
            return k
        if wl == "for":
            mf = _FOR_TIME.match(text, m.start(1), hi)
            if mf is not None:
                # "said for the first time that …", "said for years the plant was unsafe": a time phrase
                k = mf.end()
                in_pp = False
                continue
            if not (in_pp and head):
                return k  # ("called for a tax": what is called for is the content)
            # "said at a briefing for analysts", "in a statement for the ministry": a phrase on the phrase's noun
            in_pp = True
            head = False
        elif wl in _PREP:
            first = first or wl
            if wl == "to" and not _TO_AUDIENCE.match(text[m.end() : m.end() + 14]):
                return k
            if _HEDGED_NUMBER.match(text, m.start(1), hi):
                return k  # "said about 20 people have applied", "at least 116": a hedge on a number opens the content
            in_pp = True
            head = False
        elif (
            wl in _DEICTIC
            and not _TIME_NOUN_NEXT.match(text, m.end(), hi)
            and not (wl in ("early", "late") and _PREP_NEXT.match(text, m.end(), hi))
        ):
            return k  # "claimed this is a move": "this" opens the content unless a time noun follows
        elif wl in _ADVERB_TIME or wl.endswith("ly") and len(wl) > 4:
            if wl in TIME_WORDS:
                in_pp = False  # "said on Friday the United States is …": the phrase ends at its time noun
        elif in_pp and wl in DETERMINERS:
            if head:
                return k  # "said on 3 March 2021 the repairs came too late"
        elif in_pp and (
            wl in _ADVERB_NOUNS or w[0].isupper() or wl.endswith(("’s", "'s")) or wl.isdigit()
        ):  # a number only inside a phrase ("on 3 March"): "said 7 people were hurt" reports the 7
            head = True
        elif in_pp and not head and w.isalpha() and w.islower() and _CLAUSE_NEXT.match(text, m.end(), hi):
            head = True  # "said after the vote nothing changed": a noun of the phrase, then the clause opens
        elif (
            in_pp
            and not head
            and first not in _CONTENT_PREPS
            and w.isalpha()
            and w.islower()
            and (mn := _NOUN_END.match(text, m.end(), hi))
        ):
            # "said at a briefing for analysts on Tuesday", "said at the launch of the report, “…”": the phrase's
            # noun, then another phrase, or a comma that ends the phrases (what follows it is the caller's to read)
            if mn.group().endswith(","):
                if not comma_ends:
                    return k
                return m.end()
            head = True
        elif in_pp and head and (wl == "and" or wl == "or") and _NAME_NEXT.match(text, m.end(), hi):
            head = False  # "told a guard, in French and English, “…”": one phrase of two names
        else:
            return k
        k = m.end()


_NAME_NEXT = re.compile(caps(r"[ \t\xa0]+[A-Z]"))
_CONTENT_PREPS = frozenset(("to", "of", "by"))


# What opens a clause after a circumstance's noun: "… after the vote nothing changed", "… during the visit he
# would …", "… in the talks Turkey had …".
_CLAUSE_NEXT = re.compile(
    r"[ \t\xa0]+(?:(?:the|a|an|he|she|they|it|we|i|no|nothing|none|there|this|these|those|his|her|their|its)\b|"
    r"[A-Z])"
)


# What ends a prepositional phrase's noun: another phrase (of time, place, whose or for whom), or a comma.
_NOUN_END = re.compile(r"[ \t\xa0]*,|[ \t\xa0]+(?:" + _PHRASE_OPENERS + r"|of|for|with|from)\b", re.IGNORECASE)


# A time phrase opened by "for" after a cue.
_FOR_TIME = re.compile(
    r"for[ \t\xa0]+(?:(?:the[ \t\xa0]+)?(?:first|second|third|last|final|only)[ \t\xa0]+time|"
    r"(?:(?:many|several|some|two|three|four|five|ten)[ \t\xa0]+)?(?:years|months|weeks|decades|days|hours)|"
    r"now|a[ \t\xa0]+(?:long[ \t\xa0]+)?(?:time|while))\b",
    re.IGNORECASE,
)


# The object of a verb of telling and then a colon: " the council:", " reporters:", " the BBC's Jane Doe:".
_OBJECT_COLON = re.compile(r"[ \t\xa0]+(?:[\w’'.&-]+[ \t\xa0]+){0,3}?[\w’'.&-]+[ \t\xa0]*:(?=\s)")


# The characters `_AFTER_CUE` reads: after a cue, most texts have one space and a word or a mark that is none of
# these, or none of these at once, where it matches only the spaces.
_AFTER_CUE_CHARS = frozenset(" \t\xa0:,\n")


def _after_cue(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """`_AFTER_CUE` at pos: the comma or colon after a cue, the line break after it, and where they end."""
    if text[pos : pos + 1] not in _AFTER_CUE_CHARS:
        return None, None, pos
    if text[pos] == " " and text[pos + 1 : pos + 2] not in _AFTER_CUE_CHARS:
        return None, None, pos + 1
    m = _AFTER_CUE.match(text, pos)
    assert m is not None  # every part of the pattern is optional: it matches, if only the empty string
    return m.group(1), m.group(2), m.end()


def _content_after(
    text: str, cue: _Cue, s: int, e: int, quotes: list[tuple[int, int, bool]], opening: dict | None = None
) -> tuple[int, int] | None:
    """The reported content that follows a cue, or None when the cue is not followed by one. (`opening`: the quotes
    by where they open, when the caller has them: a look-up for the quote right after the cue, not a bisection.)"""
    pos = cue.end
    n = len(text)
    mark, newline, after = _after_cue(text, pos)
    if cue.base in OBJECT_VERBS and not mark and not newline and text.find(":", pos, pos + 40) >= 0:
        mo = _OBJECT_COLON.match(text, pos)
        if mo is not None:
            # "told the council: “…”", "told reporters:" and the quote in the next paragraph: whom it tells is
            # no content, what follows the colon is.
            mark, newline, after = _after_cue(text, mo.end() - 1)
    colon = mark == ":"
    if newline and not colon:
        return None
    q = opening.get(after) if opening is not None else _quote_at(quotes, after)
    if q is not None and (mark or colon):
        return q[0], q[1]
    if (
        q is not None
        and not newline
        and after < e
        and text[after] not in "'’"
        and cue.base not in OBJECT_VERBS
        and (cue.base not in QUOTE_ONLY_VERBS or cue.base in MANNER_VERBS)
        and cue.base != "according"
        and cue.base != "express"
    ):
        # 'said “…”': a quote opens right after the cue and its spaces. The steps below would step over no time
        # phrase, comma, object or "that" (a quote mark is none of them) and come to this quote: its content, to
        # its end or past it (a manner of speaking, to its end: 'shouting "shame on you!" and holding signs').
        return q[0], q[1] if cue.base in MANNER_VERBS else _quote_content_end(text, q, after, s, e, cue, quotes)
    if colon:
        if newline:  # "Caddell continued:" and the quote in the next paragraph
            pe = text.find("\n", after)
            return (after, _rstrip(text, after, pe if pe >= 0 else n)) if after < n else None
        return (after, _trim_end(text, after, e)) if e > after else None
    if mark == ",":
        aside = _ASIDE_THEN_THAT.match(text, after, e)
        if aside is None or cue.base in QUOTE_ONLY_VERBS:
            return None
        # "The minister said, in a statement, that the bridge is safe": an aside between commas, then the report
        start = aside.start("that")
        return start, _content_end(text, start, s, e, cue, quotes)
    if cue.base == "according":
        return None
    if cue.base == "express":
        m2 = _EXPRESSED_ABOUT.match(text, pos, e)
        return (m2.start() + 1, _content_end(text, m2.start() + 1, s, e, cue, quotes)) if m2 else None
    k = pos
    if cue.base in OBJECT_VERBS:
        mo = _OBJECT.match(text, pos, e)
        if not text.endswith("ing", cue.start, cue.end):
            # "advised U.S. citizens to leave" (not "a policy urging staff to …": the participle's noun is no
            # speaker)
            mo = _PLURAL_OBJECT.match(text, pos, e) or mo
        if mo and mo.end() > pos and not _CONTENT_WORD.match(text[pos : pos + 10]):
            k = mo.end()
    k0 = k
    k = _skip_adverbials(text, k0, e, comma_ends=True)
    mc = _COMMA.match(text, k, e)
    if mc and k > pos:
        q = _quote_at(quotes, mc.end())
        if q is not None:
            return q[0], q[1]  # 'wrote on Twitter, "…"', 'told Wikinews, "…"'
        k2 = _skip_adverbials(text, mc.end(), e)
        m2 = _COMMA.match(text, k2, e) if k2 > mc.end() else None
        q = _quote_at(quotes, m2.end()) if m2 is not None else None
        if q is not None:
            return q[0], q[1]  # 'told a guard at the door, in French and English, "…"'
        aside = _ASIDE_THEN_THAT.match(text, mc.end(), e) if k2 == mc.end() else None
        if aside is not None:
            # "told Anadolu Agency, a local news outlet, that …": an apposition between commas, then the report
            start = aside.start("that")
            return start, _content_end(text, start, s, e, cue, quotes)
        if (
            k2 == mc.end()
            and cue.base in ("say", "write", "state", "add", "explain")
            and text.find(" ", pos, k) >= 0  # (a phrase was read: "said in its report", not "said, ")
            and text[mc.end() - 1].isspace()
            and _CLAUSE_NEXT.match(text, mc.end() - 1, e)
        ):
            k = mc.end()  # "said in its report, the fault makes the province active": the clause after the phrases
        else:
            # Nothing the phrases lead to after the comma: read as if the noun before it began the content, as
            # the other callers do ("was questioned on her clothing, and …" reports nothing)
            k = _skip_adverbials(text, k0, e)
    if cue.base in QUOTE_ONLY_VERBS or cue.base in NP_VERBS:
        mq = _OBJECT_THEN_QUOTE.match(text, k, e)
        q = _quote_at(quotes, mq.end()) if mq else None
        if q is not None:
            return q[0], q[1]  # 'defended his decision, "…"'
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
        end = _content_end(text, start, s, e, cue, quotes)
        if _HAS_WORD.search(text, mt.end(1), end) is None:
            return None  # "… she added that" and nothing after it: a report with no content is no quote
        return start, end
    start = _first_nonspace(text, k)
    if start >= e:
        return None
    q = _quote_at(quotes, start)
    if q is not None:
        return q[0], _quote_content_end(text, q, start, s, e, cue, quotes)
    first = _FIRST_WORD_OF.match(text, start, e)
    if not first:
        return None
    w = first.group()
    wl = w.lower()
    if wl in _AUX:
        return None  # "Everything Trump says is a lie": the cue sits in a relative clause
    if wl in _NEVER_CONTENT:
        return None  # "the emergency he declared last week so he could build a wall": a purpose, not a report
    if _SAYS_ABOUT.match(text, start, e):
        return None  # "says something about the media", "said a lot about his priorities": what it shows, or a topic
    if wl == "as" and _AS_PRONOUN.match(text, first.end(), e):
        # "said Friday as he entered the talks": a time clause, no report; the report may follow it, after "that"
        # ("said as he left that taxes would rise") or a comma ("told me as I am pregnant, I should do this")
        near = min(e, first.end() + 200)  # (a bounded look: a sentence of many cues stays linear)
        that = _THAT_WORD.search(text, first.end(), near)
        if that is not None:
            return that.start(), _content_end(text, that.start(), s, e, cue, quotes)
        if text.find(",", first.end(), near) < 0:
            return None
    if wl in _CLAUSE_OPENERS and cue.base not in WEAK_VERBS and _finite_soon(text, first.end(), e):
        # "she said as a teenager she was forced …": the content opens with a subordinate clause
        end = _content_end(text, start, s, e, cue, quotes)
        return (start, end) if _word_count(text, start, end) >= 4 else None
    if cue.base in AS_VERBS and wl not in FUNCTION_WORDS or cue.base in AS_VERBS and wl in DETERMINERS:
        if _AS_OBJECT.match(text, start, e) and (cue.base != "estimate" or not _finite_soon(text, start, e)):
            return start, _content_end(text, start, s, e, cue, quotes)  # "identifies X as Y", "estimated X at Y"
        if cue.base != "estimate":
            return None
    clause_start = (
        wl in ("he", "she", "they", "we", "i", "it", "there", "this", "that", "these", "those")
        or w[0].isupper()
        or w[0].isdigit()
        or wl in DETERMINERS
        or wl in ("no", "nobody", "everyone", "no-one", "none", "nothing", "someone", "everybody")
        or _hedged_clause(text, start, e)
    )
    if (
        not clause_start
        and cue.base == "tell"
        and not _finite_soon(text, start, e)
        and _CONTENT_MARK.search(text, start, e) is None
        and _TO.search(text, start, e) is None
    ):
        return None  # "…, the minister told members of the assembly on Tuesday.": whom and when, but no clause
    if not clause_start and cue.base not in NP_VERBS:
        if (
            cue.base in WEAK_VERBS or cue.base not in ("say", "tell", "claim", "insist", "argue", "warn", "write")
        ) and not (_past(text[cue.start : cue.end]) and _aux_after_subject(text, start, e)):
            return None
        if wl in FUNCTION_WORDS:
            return None
    if cue.base in NP_VERBS and (wl in DETERMINERS or wl not in FUNCTION_WORDS) and wl not in _NOT_NP:
        end = _content_end(text, start, s, e, cue, quotes)
        if cue.base == "call" and wl in _OBJECT_PRONOUNS and _quote_at(quotes, _first_nonspace(text, first.end())):
            return start, end  # 'called it "unexpected"': a pronoun and the quoted word it was called
        return (start, end) if _word_count(text, start, end) >= 3 else None
    if (cue.base in WEAK_VERBS or cue.base in _DIRECTIVE_VERBS) and wl not in (
        "he",
        "she",
        "they",
        "we",
        "i",
        "it",
        "there",
    ):
        if not _finite_soon(text, start, e):
            return None  # "reported a new mechanism", "found the body": an object, not a clause
    end = _content_end(text, start, s, e, cue, quotes)
    if _word_count(text, start, end) < 3:
        return None
    return start, end


# An object and a comma before a quote: 'defended his decision, "…"', 'repeated the claim, "…"'.
_OBJECT_THEN_QUOTE = re.compile(
    r"[ \t\xa0]+(?:his|her|their|its|the|this|that|our|my)[ \t\xa0]+(?:[\w’'-]+[ \t\xa0]+){0,3}?[\w’'-]+[ \t\xa0]*,[ \t\xa0]*"
)


_OBJECT_PRONOUNS = frozenset("it them him her this that".split())


# Verbs of directing or pledging, whose content is someone told to act ("ordered troops to …") or a "to"-clause
# ("committed to cutting …"), not a clause: with no verb after it the object is a thing done ("ordered three
# days of mourning", "committed a crime").
_DIRECTIVE_VERBS = frozenset("order urge invite encourage press implore instruct advise commit".split())


# An object of up to eight words and then "as" or "at" ("February 26, 1944 as the day", "the total at just over
# one million").
_AS_OBJECT = re.compile(r"(?:[\w’'.$%-]+,?[ \t\xa0]+){1,8}?\b(?:as|at)[ \t\xa0]+[\w$]")


# "something about", "a lot about", "nothing about": a cue followed by a topic ("the record says a lot about him"), not
# by what was said.
_SAYS_ABOUT = re.compile(
    r"(?:something|anything|everything|nothing|a[ \t\xa0]+lot|a[ \t\xa0]+great[ \t\xa0]+deal|much|little|"
    r"volumes|more|less|plenty)[ \t\xa0]+about\b",
    re.IGNORECASE,
)


# A personal pronoun after "as": "as he entered", "as they left" (a time clause).
_AS_PRONOUN = re.compile(r"[ \t\xa0]+(?:he|she|they|we|i|it)\b", re.IGNORECASE)
_THAT_WORD = re.compile(r"\bthat\b")


# Words that open no reported content right after a cue (and its time phrases).
_NEVER_CONTENT = frozenset("so than until unless".split())


# Words that open an adverbial clause, never a noun phrase: "the emergency he declared last week so he could
# build …" reports nothing.
_NOT_NP = frozenset("so because since until unless while although though if when after before as than".split())


_CUT = re.compile(
    r",\s+(?:" + "|".join(_CONTINUATIONS) + r"|according\s+to|while|whereas|but\s+(?:added|said|noted)|"
    r"(?:he|she|they|it)\s+(?:said|added|says|noted|wrote|told)\b)|;\s|\s+[—–]\s+(?:" + "|".join(_CONTINUATIONS) + ")"
)


# One of these opens or ends every _CUT match: a content without any (most short ones) is not searched for a cut,
# a scan of every position in the engine (a search for these characters skips to them: a sixth of the cost).
_CUT_CHARS = re.compile("[,;—–]")


_AND_THEN = re.compile(r"[ \t\xa0]*,?[ \t\xa0]+(?:and|then|before)[ \t\xa0]+([a-z]+)\b")


def _quote_content_end(text: str, q, start: int, s: int, e: int, cue: _Cue, quotes) -> int:
    """The end of a content that opens with a quote: the quote's end or past it ('said “…” and that …'), but not
    over a verb the speaker goes on with ('said “prices will fall by spring” and left the room')."""
    if q[1] >= e:
        # The quote runs to the sentence's end or past it (most do): nothing follows it, and `_content_end` of a
        # content that opens with it ends at or before the quote's end, its only extension past e.
        return q[1]
    m = _AND_THEN.match(text, q[1], e)
    if m is not None and _past(m.group(1)):
        return q[1]
    return max(q[1], _content_end(text, start, s, e, cue, quotes))


def _content_end(text: str, start: int, s: int, e: int, cue: _Cue, quotes) -> int:
    """Where reported content ends: the sentence end, before a trailing ", adding …" or ", he said", and at the
    first comma when the attribution itself is a subordinate clause ("Though X stressed that …, Y …")."""
    end = e
    # A quote opened inside the content carries it to the quote's end, even across sentences.
    # (Quotes are sorted and apart: only the last one opening before the end can run past it.)
    i = bisect.bisect_left(quotes, end, key=_OPENS) - 1
    if i >= 0 and quotes[i][0] >= start and quotes[i][1] > end:
        end = quotes[i][1]
    m = _CUT.search(text, start, end) if _CUT_CHARS.search(text, start, end) is not None else None
    if m and m.start() < cue.start < m.end():
        # The content's own attribution, set in it: "The bridge, she said, will open in May."
        m = _CUT.search(text, m.end(), end)
    if m and not _inside(quotes, m.start()):
        end = m.start()
    if _subordinate(text, s, cue.start):
        k = text.find(",", start, end)
        while k >= 0 and _inside(quotes, k):
            i = bisect.bisect_left(quotes, k, key=_OPENS) - 1
            if quotes[i][1] - k <= 2 and quotes[i][1] < end:
                # 'Though the mayor said the bridge was “safe and sound,” the council …': an American comma
                # inside the closing mark ends the subordinate clause as one outside it does
                k = quotes[i][1]
                break
            k = text.find(",", k + 1, end)
        if k > start:
            end = k
    return _trim_end(text, start, end)


def _subordinate(text: str, s: int, cue_start: int) -> bool:
    m = _FIRST_LETTERS.match(text, s, cue_start)
    if not m or m.group(1).lower() not in _SUBORDINATORS:
        return False
    comma = _first_comma(text, m.end())
    return not 0 <= comma < cue_start


def _content_before(
    text: str, s: int, upto: int, quotes, subject: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """Content that precedes its attribution ("…, sources said", "“…,” Akar said"): from the sentence (or the
    quote) start to the comma or closing mark just before the attribution. `subject`: `upto` is where the
    attribution's subject starts, which "as" may stand before ("…, as police have said"), and these are the
    cue's end and the sentence's end: "as" opens no attribution in a question ("Will the tax rise, as the
    minister promised?"), asked only once an "as" is there."""
    k = upto
    while k > s and text[k - 1].isspace():
        k -= 1
    if k <= s:
        return None
    if (
        subject is not None
        and text[k - 2 : k] == "as"
        and not text[k - 3 : k - 2].isalnum()
        and _last_mark(text, s, subject[1], "?") < subject[0]
    ):
        # "Scott had a gun, as police have said." (`upto` the subject's start): "as" after the comma opens the
        # attribution, not the content
        j = k - 2
        while j > s and text[j - 1].isspace():
            j -= 1
        if j > s and text[j - 1] == ",":
            k = j
    ch = text[k - 1]
    # The quote ending at k (or at k - 1 before a comma or dash); quotes are sorted and apart, so their ends are
    # sorted too and a binary search finds it. Two such quotes cannot both exist (a quote spans two characters).
    for want in (k - 1, k) if ch in ",—–" else (k,):
        i = _first_ending_from(quotes, want)
        if i < len(quotes) and quotes[i][1] == want:
            return quotes[i][0], quotes[i][1]
    if ch not in ",—–":
        return None
    end = _trim_end(text, s, k - 1)
    start = s
    i = bisect.bisect_left(quotes, s, key=_OPENS) - 1  # the last quote opening before s is the only one that can hold s
    if i >= 0 and s < quotes[i][1]:
        start = quotes[i][0]  # the sentence began inside a quote that the splitter cut at an inner full stop
    if _word_count(text, start, end) < 3:
        return None
    return start, end


_COMMA = re.compile(r"\s*,\s*")
_STOPS = frozenset(".!?")
_RESUME = re.compile(r"\s*[,;]\s*(?:(?:and|but)\s+)?")  # ('“A,” he said, but “B.”': the quote goes on)


def _forward_quote(text: str, pos: int, e: int, quotes, content: tuple[int, int]) -> int:
    """“A,” he said, “B.” — a quote that resumes right after the attribution (after its comma or semicolon: “A,”
    she said; “B.”) belongs to the same content."""
    m: re.Match[str] | None = None
    if text[pos : pos + 1] in _STOPS:
        k = pos  # ('“A,” he said.': a stop right after the cue starts no adverbial and resumes no quote)
    else:
        k = _skip_adverbials(text, pos, e)
        m = _RESUME.match(text, k)
    if m:
        q = _quote_at(quotes, m.end())
        if q is not None:
            return q[1]
    else:
        # '"Our team" Wong said in a release "has developed …"': with no comma, a quote that opens in lower case
        # carries on the sentence that the quote before the attribution began. (The case of the letter after the
        # next mark is asked before the two searches for the quotes.)
        while k < e and text[k].isspace():
            k += 1
        if text[k + 1 : k + 2].islower() and _quote_at(quotes, content[0]) is not None:
            q = _quote_at(quotes, k)
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
    r"following|ahead|amid|despite|outside|inside|to|late|early|last|this|earlier|later|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b",
    re.IGNORECASE,
)


def _circumstance_only(text: str, cue: _Cue, e: int) -> bool:
    """After the cue (and the object of "told"), only circumstances run to the sentence end: "said in a
    statement on Monday", "told reporters in Ankara", "said during a visit to the port". No "that", colon or
    quote mark follows, so the report's content is the clause before the attribution."""
    if cue.base not in _PLAIN_SAY and (cue.base != "insist" or _ON.match(text, cue.end) is not None):
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


_TO = re.compile(r"\bto\b")  # "told rush-hour passengers to take a longer route": what they were told to do


# What shows that content follows after all: a "that" opening a clause (not "that is"), a colon, a quote mark.
_CONTENT_MARK = re.compile(r"\bthat\b(?!\s+(?:" + "|".join(_AUX) + r")\b)|[:“”\"«»]|\n")


_ON = re.compile(r"[ \t\xa0]+(?:on|upon)\b")  # "insisted on a vote": the complement ("insisted despite …" is none)


# Reporting verbs whose prepositional phrases are circumstances (where, when, in what medium), not complements.
_PLAIN_SAY = frozenset(
    "say tell add write note explain stress warn announce confirm state declare reiterate acknowledge admit "
    "predict claim argue concede tweet post estimate report".split()
)


def _parenthetical(text: str, cue: _Cue, e: int) -> bool:
    """ "The deal, he said, is dead": the attribution sits between commas inside its content ("The difference,
    he told me on Friday, is …": whom it is told to is part of the attribution)."""
    k = cue.end
    if cue.base in OBJECT_VERBS:
        mo = _OBJECT.match(text, k, e)
        if mo is not None:
            k = mo.end()
    k = _skip_adverbials(text, k, e)
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


def _has_clause(text: str, s: int, e: int) -> bool:
    """text[s:e] holds a clause (four words or more), not only a lead-in ("Longer term,", "Potentially,")."""
    return _word_count(text, s, e) >= 4


@lru_cache(maxsize=16)
def _first_comma(text: str, pos: int) -> int:
    return text.find(",", pos)


@lru_cache(maxsize=16)
def _last_mark(text: str, s: int, e: int, mark: str) -> int:
    """The last `mark` in the sentence text[s:e] (-1 if none): asked for each cue of a sentence, found once per
    sentence (a search per cue made a sentence of many cues quadratic)."""
    return text.rfind(mark, s, e)
