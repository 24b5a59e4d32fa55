"""What makes two claims the same fact, or the same subject: the keys grouping and conflicts are built on.

Pure functions over a claim's rows (its wording, figures and entities), shared by the incremental grouping of
`tracker ingest` (`store/grouping.py`) and the batch grouping of the Dask path (`tracker/dist`), so that both
give the same groups and conflicts. The rules themselves are described in `store/grouping.py`'s docstring.
"""

from __future__ import annotations

import hashlib
import re
from itertools import combinations

from tracker.extraction.unit_names import canonical_unit

MIN_WORDING_TOKENS = 5
MIN_FRAME_TOKENS = 3
MAX_ENTITIES = 5
MAX_CANDIDATES = 25  # stored claims read per subject key when looking for conflicts (hot subjects are capped)
MAX_CONFLICTS_PER_CLAIM = 5
MEMO_MAX = 100_000  # stored conflict candidates remembered during one ingest (tens of MB at most)
MAX_RATIO = 5.0
MIN_RELATIVE_DIFF = 0.02

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why will with would
you your said says say told according reported also new one two three four five six seven eight nine ten per
""".split()
)
SCALE_WORDS = frozenset(
    "hundred thousand thousands million millions billion billions trillion bn m k mn tn usd us dollar dollars "
    "euro euros eur pound pounds gbp yen percent per cent around about nearly almost roughly some approximately "
    "over under least than more less up".split()
)
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"^\d")


def _word(t: str) -> str:
    """A word's normal form for matching, or "" when it carries no content."""
    if t in STOPWORDS or (len(t) < 3 and t not in ("bn", "mn", "tn")):
        return ""
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        return t[:-1]
    return t


# Normal forms of the words seen so far: every claim of every article is tokenised, and words recur. Bounded
# so that a stream of odd tokens cannot grow it without end.
_WORDS: dict[str, str] = {}
_WORDS_MAX = 200_000


def _tokens(text: str) -> list[str]:
    out = []
    words = _WORDS
    for t in _TOKEN.findall(text.lower()):
        w = words.get(t)
        if w is None:
            if t[0].isdigit():
                out.append(t.replace(",", ""))
                continue
            w = _word(t)
            if len(words) < _WORDS_MAX:
                words[t] = w
        if w:
            out.append(w)
    return out


def wording_tokens(text: str) -> frozenset[str]:
    """Content words of a claim, numbers included: what near-identical wording shares."""
    return frozenset(_tokens(text))


def frame_tokens(text: str) -> frozenset[str]:
    """Content words without numbers, scale and currency words: what two claims about the same subject with
    different figures still share."""
    return frame_of(_tokens(text))


def frame_of(words) -> frozenset[str]:
    """The frame of a claim from its content words (`_tokens`, or `wording_tokens` when the caller has them
    already, so the text is not tokenised twice): the one place the frame's rule is written."""
    return frozenset(t for t in words if not _NUMBER.match(t) and t not in SCALE_WORDS)


def rounded(value: float) -> str:
    """The value at two significant figures: what "within rounding" means for a figure key."""
    return "%.2g" % value


def same_within_rounding(a: float, b: float) -> bool:
    if rounded(a) == rounded(b):
        return True
    top = max(abs(a), abs(b))
    return top == 0 or abs(a - b) / top <= MIN_RELATIVE_DIFF


def norm_unit(unit: str | None) -> str | None:
    """The unit claims are compared by: its one name (`unit_names.canonical_unit`: "kilometers" = "km", "countries"
    = "country"), so that one figure written two ways is one fact, and a conflict's unit reads as a word."""
    return canonical_unit(unit)


def key_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def headline_figures(quantities: list[dict]) -> list[tuple[str, float]]:
    """(unit, value) of the figures a claim is about: money and percentages when it has any (the "four
    batteries" in "$2.5 billion for four batteries" does not make a different fact the same), else counts."""
    figs = []
    for q in quantities:
        unit, value = norm_unit(q.get("unit")), q.get("value")
        if unit is None or value is None:
            continue
        figs.append((q.get("kind") or "", unit, float(value)))
    strong = [f for f in figs if f[0] in ("money", "percent") or f[1] in ("USD", "EUR", "GBP", "percent")]
    chosen = strong or figs
    out: list[tuple[str, float]] = []
    for _kind, unit, value in chosen:
        if (unit, value) not in out:
            out.append((unit, value))
    return out[:4]


BROAD_KINDS = frozenset({"country", "place"})
# A question or an appeal states no fact, so it is never grouped or flagged as a conflict.
UNGROUPED_KINDS = frozenset({"question", "appeal"})


def specific(eid: str, broad: frozenset[str] | set[str]) -> bool:
    """A named thing narrow enough to identify a subject: several words, not a country or place."""
    return "-" in eid and eid not in broad


def key_entities(entities: list[str], broad: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The entities a figure key is made with: the specific ones when there are any (a pipeline, a missile
    system, a company), else all (a figure about a country alone)."""
    ents = sorted(set(entities))
    narrow = [e for e in ents if specific(e, broad)]
    return (narrow or ents)[:MAX_ENTITIES]


def group_keys(
    text: str,
    quantities: list[dict],
    entities: list[str],
    broad: frozenset[str] | set[str] = frozenset(),
    words: frozenset[str] | None = None,
) -> list[tuple[int, str]]:
    """(hashed key, how) for a claim; `how` is "figure" or "wording". `words` is `wording_tokens(text)` when the
    caller has it already."""
    keys: list[tuple[int, str]] = []
    ents = key_entities(entities, broad)
    for unit, value in headline_figures(quantities):
        for e in ents:
            keys.append((key_hash(f"f\x1f{unit}\x1f{rounded(value)}\x1f{e}"), "figure"))
    if words is None:
        words = wording_tokens(text)
    if len(words) >= MIN_WORDING_TOKENS:
        keys.append((key_hash("w\x1f" + " ".join(sorted(words))), "wording"))
    return keys


def rows_by_claim(merged: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], dict[str, list[str]], set[str]]:
    """A batch's (or an article's) figures and entity ids by claim id, and its broad (country, place) entities:
    built once and shared by the key functions and the conflict search."""
    quantities: dict[str, list[dict]] = {}
    for q in merged.get("quantities", []):
        quantities.setdefault(q["claim_id"], []).append(q)
    entities: dict[str, list[str]] = {}
    for e in merged.get("claim_entities", []):
        entities.setdefault(e["claim_id"], []).append(e["entity_id"])
    broad = {e["id"] for e in merged.get("entities", []) if e.get("kind") in BROAD_KINDS}
    return quantities, entities, broad


def claim_keys(
    rows: dict[str, list[dict]], by_claim=None, wording: dict[str, tuple[str, frozenset[str]]] | None = None
) -> dict[str, list[tuple[int, str]]]:
    """Group keys of every claim in one article's rows, computed where the rows are built (in the ingest
    workers) so that the single writing process does not spend its time hashing wording. `by_claim` is
    `rows_by_claim(rows)` when the caller has it already; `wording`, when given, receives each keyed claim's
    text and wording_tokens by id, for claim_subjects to take its frame from instead of tokenising the text
    again."""
    quantities, entities, broad = by_claim or rows_by_claim(rows)
    out: dict[str, list[tuple[int, str]]] = {}
    for c in rows.get("claims", []):
        cid = c["id"]
        if c.get("kind") in UNGROUPED_KINDS:
            out[cid] = []
            continue
        text = c.get("text") or ""
        words = wording_tokens(text)
        if wording is not None:
            wording[cid] = (text, words)
        out[cid] = group_keys(text, quantities.get(cid, []), entities.get(cid, []), broad, words)
    return out


def claim_subjects(
    rows: dict[str, list[dict]], by_claim=None, wording: dict[str, tuple[str, frozenset[str]]] | None = None
) -> dict[str, tuple[list[tuple[int, str, float]], frozenset[str]]]:
    """Per claim that names an entity and states a figure: its conflict subject keys `(key, unit, value)` and
    its wording frame. Computed in the ingest workers, like `claim_keys`; `wording` is what claim_keys
    gathered, if anything."""
    quantities, entities, broad = by_claim or rows_by_claim(rows)
    out = {}
    for c in rows.get("claims", []):
        cid = c["id"]
        ents = entities.get(cid)
        if not ents or c.get("kind") in UNGROUPED_KINDS:
            continue
        figures = headline_figures(quantities.get(cid, []))
        if not figures:
            continue
        text = c.get("text") or ""
        known = wording.get(cid) if wording is not None else None
        frame = frame_of(known[1]) if known is not None and known[0] == text else frame_tokens(text)
        keys = [(k, unit, value) for unit, value in figures for k in subject_keys(unit, ents, frame, broad)]
        out[cid] = (keys, frame)
    return out


def subject_keys(
    unit: str, entities: list[str], frame: frozenset[str], broad: frozenset[str] | set[str] = frozenset()
) -> list[int]:
    """Keys under which claims that may conflict meet: unit + a specific entity, unit + entity pair, unit +
    entity + wording frame. Meeting is not enough: `conflict_signals` decides."""
    ents = sorted(set(entities))[:MAX_ENTITIES]
    out = [key_hash(f"p\x1f{unit}\x1f{a}\x1f{b}") for a, b in combinations(ents, 2)]
    out += [key_hash(f"e\x1f{unit}\x1f{e}") for e in ents if specific(e, broad)]
    if len(frame) >= MIN_FRAME_TOKENS:
        f = " ".join(sorted(frame))
        out += [key_hash(f"s\x1f{unit}\x1f{e}\x1f{f}") for e in ents]
    return out


def conflict_signals(
    ents_a: set[str],
    ents_b: set[str],
    frame_a: frozenset[str],
    frame_b: frozenset[str],
    broad: frozenset[str] | set[str] = frozenset(),
) -> tuple[bool, int, float]:
    """(is a conflict subject, shared entities, wording overlap). More than one shared signal is needed: an
    entity and most of the wording, two entities and some of it, or a specific (multi-word, not a country)
    entity and a quarter of it. The unit is always shared, and is not counted."""
    both = ents_a & ents_b
    shared = len(both)
    union = len(frame_a | frame_b)
    overlap = len(frame_a & frame_b) / union if union else 0.0
    ok = (
        (shared >= 1 and overlap >= 0.5)
        or (shared >= 2 and overlap >= 0.3)
        or (any(specific(e, broad) for e in both) and overlap >= 0.25)
    )
    return ok, shared, round(overlap, 2)


def figures_conflict(a: float, b: float) -> bool:
    if a <= 0 or b <= 0 or same_within_rounding(a, b):
        return False
    return max(a, b) / min(a, b) <= MAX_RATIO
