"""Where a sentence can be the writer's own narration, asserted as fact.

Claims marks a full sentence of a text that reports speech as "narration". That holds for news prose, not for
a transcript: in a Q&A interview ("((Jane Roe)) We started in 2010.", "Q: …", "A: …", "MAYOR: …") the sentences
are the interviewee's answers, not the writer's statements. Nor does it hold for a sentence in the first or
second person ("we", "you": someone speaking, not a reporter), a picture's caption or credit ("Image: …"), or a
fragment of a few words.
"""

from __future__ import annotations

import re

from tracker.extraction.letters import caps

# A speaker label opening a paragraph: "((Jane Roe))", "Q:", "A:", "MAYOR:", "Jane Roe:" (up to four
# capitalised words, then a colon and a space).
_LABEL = re.compile(
    caps(r"[ \t\xa0]*(?:\(\([^()\n]{1,60}\)\)|[QA]:|[A-Z][\w.'’-]*(?:[ \t\xa0][A-Z][\w.'’-]*){0,3}:(?=[ \t\xa0]))")
)

# Labels that open a paragraph without naming a speaker ("Update: …", "Note: …").
_NOT_SPEAKERS = frozenset("update note correction editor's editors source sources see also image photo".split())

# Paragraphs opened by a label in a text that make the whole text an interview: an answer may run on over
# paragraphs that carry no label of their own.
INTERVIEW_LABELS = 3

_PARAGRAPH = re.compile(r"[^\n]+")

# First- and second-person words (case matters: "US" is a country, "I" only upper-case).
_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|us|[Yy]ou|[Yy]our)\b")

# Text between quote marks, which may hold someone's "I" or "we" inside a writer's sentence.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")

_CAPTION = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Video)\s*:", re.IGNORECASE)

MIN_WORDS = 5


def _labelled(text: str, s: int, e: int) -> bool:
    m = _LABEL.match(text, s, e)
    if m is None:
        return False
    word = m.group().strip(" \t\xa0:()").split(" ")[0].lower()
    return word not in _NOT_SPEAKERS


def transcript_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are transcript: each paragraph opened by a speaker label, or, when at least
    INTERVIEW_LABELS paragraphs are, all of the text from the first label on (the writer's introduction before it
    stays narration)."""
    spans = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if _labelled(text, m.start(), m.end())]
    if len(spans) >= INTERVIEW_LABELS:
        return [(spans[0][0], len(text))]
    return spans


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """`pos` falls in one of `spans` (few: a list scan)."""
    return any(a <= pos < b for a, b in spans)


def may_narrate(chunk: str) -> bool:
    """The sentence can be the writer's statement: five words or more, no caption or credit label, and no first-
    or second-person word outside quote marks."""
    # (At most MIN_WORDS pieces are split off: enough to count to MIN_WORDS. A caption label holds a colon.)
    if len(chunk.split(None, MIN_WORDS - 1)) < MIN_WORDS or ":" in chunk and _CAPTION.search(chunk) is not None:
        return False
    # (Each pattern's first need asked first: a quote mark for _QUOTED, a match at all for _PERSON; most sentences
    # have neither, and the substitution and the generator cost more than the tests.)
    plain = _QUOTED.sub(" ", chunk) if '"' in chunk or "“" in chunk else chunk
    if _PERSON.search(plain) is None:
        return True
    return not any(m.group() != "I" or not _numeral(plain, m.start()) for m in _PERSON.finditer(plain))


_NUMERAL_WINDOW = 80  # characters before an "I" that hold the capitalised word and the one before it
_CAP_BEFORE = re.compile(caps(r"(?<=\S)[ \t\xa0]+[A-Z][\w.'’-]*[ \t\xa0]+$"))


def _numeral(text: str, i: int) -> bool:
    """An "I" after a capitalised word that does not open the sentence is a numeral ("World War I", "Elizabeth I",
    "Phase I"), not the speaker."""
    # Only the few words before it matter: searching from the sentence's start would rescan it for every "I".
    return _CAP_BEFORE.search(text, max(0, i - _NUMERAL_WINDOW), i) is not None
