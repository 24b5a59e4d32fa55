"""The conflict rule between two claims, written once for every path that finds conflicts.

`tracker ingest` (batch after batch, in `conflict_search._find_conflicts`) and the Dask path (`tracker group`, bucket
by bucket) both call these functions, so the two cannot drift apart. Every choice is made by the claims' global
input order, never by which batch or bucket they happen to meet in:

* a claim is compared with the earlier claims among the first `MAX_CANDIDATES` holders of each subject key it
  has (hot subjects are capped, and the cap is the first holders in input order);
* every figure of both claims in a unit they share a key in is compared: a figure of the later claim that the
  earlier claim states too (within rounding) agrees, one it does not state but comes within a factor of five of
  disagrees, and the first disagreeing pair (in the later claim's figure order, then the earlier claim's) is
  the one recorded;
* an entity counts as broad (a country or place, not enough to identify a subject alone) when the kind it was
  first stored with, in input order, says so;
* a claim keeps its first `MAX_CONFLICTS_PER_CLAIM` earlier conflicting claims, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.store.claim_keys import (
    MAX_CANDIDATES,
    MAX_CONFLICTS_PER_CLAIM,
    conflict_signals,
    figures_conflict,
    same_within_rounding,
)

__all__ = ["MAX_CANDIDATES", "MAX_CONFLICTS_PER_CLAIM", "by_unit", "first_disagreement", "conflict_row", "keep_first"]


def by_unit(subject_keys: Iterable[tuple[int, str, float]]) -> dict[str, list[tuple[int, float]]]:
    """A claim's headline figures by unit, each with its position among the claim's figures, from the
    `(key, unit, value)` list `grouping.claim_subjects` gives (keys are listed figure by figure, in order)."""
    out: dict[str, list[tuple[int, float]]] = {}
    seen: list[tuple[str, float]] = []
    for _k, unit, value in subject_keys:
        if (unit, value) not in seen:
            seen.append((unit, value))
            out.setdefault(unit, []).append((len(seen) - 1, value))
    return out


def first_disagreement(
    later: dict[str, list[tuple[int, float]]], earlier: dict[str, list[float]], units: Iterable[str]
) -> tuple[str, float, float] | None:
    """(unit, later value, earlier value) of the first pair of figures that disagree, among the units the two
    claims meet in: the later claim's figures in order, each not stated by the earlier claim against the
    earlier claim's in order. None when every figure is stated by both (or too far from the other's to be the
    same quantity)."""
    best = None
    for unit in units:
        theirs = earlier.get(unit, ())
        for pos, value in later.get(unit, ()):
            if best is not None and pos > best[0]:
                break
            if any(same_within_rounding(value, other) for other in theirs):
                continue  # the earlier claim states this figure too
            for j, other in enumerate(theirs):
                if figures_conflict(value, other):
                    if best is None or (pos, j) < best[:2]:
                        best = (pos, j, unit, value, other)
                    break
    return None if best is None else best[2:]


def conflict_row(
    later: str,
    earlier: str,
    figures: tuple[str, float, float],
    ents: tuple[set[str], set[str]],
    frames: tuple[frozenset[str], frozenset[str]],
    broad: set[str] | frozenset[str],
) -> tuple | None:
    """The `claim_conflicts` row for two claims whose figures disagree, or None when they do not share enough
    to be about the same subject. The row names the pair in id order (claim_id < other_claim_id), each value
    beside its own claim."""
    ok, shared, overlap = conflict_signals(ents[0], ents[1], frames[0], frames[1], broad)
    if not ok:
        return None
    unit, v_later, v_earlier = figures
    if later < earlier:
        return (later, earlier, unit, v_later, v_earlier, shared, overlap)
    return (earlier, later, unit, v_earlier, v_later, shared, overlap)


def keep_first(rows_in_order: Iterable[tuple | None]) -> list[tuple]:
    """A claim's conflicts with earlier claims, given in the earlier claims' input order: the first
    MAX_CONFLICTS_PER_CLAIM that are conflicts."""
    out = []
    for row in rows_in_order:
        if row is not None:
            out.append(row)
            if len(out) >= MAX_CONFLICTS_PER_CLAIM:
                break
    return out
