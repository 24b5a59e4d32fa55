"""Conflicts of a whole run (step 6 of `tracker group`): a self-join inside each subject-key bucket, then the
rules of `tracker.store.conflicts` in each claim partition. A claim is compared with the earlier of its keys'
first MAX_CANDIDATES holders still stored when it came (`fates.py`: a replaced article's claims are stored
until the copy that replaces them), from another article; it keeps its first five conflicting claims."""

from __future__ import annotations

import itertools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tracker.store.conflicts import MAX_CANDIDATES, conflict_row, first_disagreement, keep_first

from . import fates, shuffle, tables
from .layout import Layout

PAIR = pa.schema([("ord", pa.int64()), ("other_ord", pa.int64()), ("unit", pa.string())])
ANCHOR = pa.schema(
    [
        ("ord", pa.int64()),
        ("unit", pa.string()),
        ("claim_id", pa.string()),
        ("values", pa.list_(pa.float64())),
        ("entities", pa.list_(pa.string())),
        ("frame", pa.list_(pa.string())),
        ("dies", pa.int64()),
    ]
)
SUBJECT = tables.GROUPING["claim_subjects"].append(pa.field("dies", pa.int64()))


def step_pairs(job: tuple[Layout, int]) -> int:
    """Per subject key: each holder against the earlier of the key's first MAX_CANDIDATES holders. The pairs go
    to the later claim's partition as three integers' worth (orders and unit); what the rule reads of the
    earlier claim (figures, entities, wording frame) goes there once per claim and unit, not once per pair."""
    layout, b = job
    got = shuffle.receive_table(layout.run, "subjects", b, SUBJECT).sort_by(
        [("key", "ascending"), ("ord", "ascending")]
    )
    col = got.select(["key", "ord", "article_id", "unit", "dies"]).to_pydict()
    keys, ords, arts, units, dies = col["key"], col["ord"], col["article_id"], col["unit"], col["dies"]
    pair_ord, pair_other, pair_unit = [], [], []
    anchors: dict[tuple[int, str, int], int] = {}  # (claim, unit, destination) -> its row
    n, lo = len(keys), 0
    while lo < n:  # one key's holders, in input order, are rows lo .. hi - 1
        hi = lo
        while hi < n and keys[hi] == keys[lo]:
            hi += 1
        mortal = any(dies[x] is not None for x in range(lo, hi))
        for x in range(lo, hi):
            if mortal:  # the first holders still stored when x came
                alive = (y for y in range(lo, x) if fates.alive(dies[y], ords[x]))
                earlier: list[int] | range = list(itertools.islice(alive, MAX_CANDIDATES))
            else:
                earlier = range(lo, min(x, lo + MAX_CANDIDATES))
            for y in earlier:
                if arts[y] == arts[x]:
                    continue
                pair_ord.append(ords[x])
                pair_other.append(ords[y])
                pair_unit.append(units[x])
                anchors.setdefault((ords[y], units[y], layout.part_of(ords[x])), y)
        lo = hi
    dest = layout.parts_of_list(pair_ord)
    layout.send_cols("pairs", b, {"ord": pair_ord, "other_ord": pair_other, "unit": pair_unit}, dest, PAIR)
    rows = list(anchors.values())
    sent = got.take(pa.array(rows, pa.int64())).select(ANCHOR.names)
    shuffle.send_table(layout.run, "anchors", b, sent, np.asarray([d for _o, _u, d in anchors], dtype=np.int64))
    return len(pair_ord)


def step_conflicts(job: tuple[Layout, int]) -> int:
    """The partition's claims' conflicts with earlier claims, by `tracker.store.conflicts`."""
    layout, q = job
    broad = {r["id"] for b in range(layout.buckets) for r in shuffle.receive(layout.run, "broad", b)}
    pairs: dict[int, dict[int, set[str]]] = {}
    received = shuffle.receive_table(layout.run, "pairs", q, PAIR).to_pydict()
    for c_ord, o_ord, unit in zip(received["ord"], received["other_ord"], received["unit"]):
        pairs.setdefault(c_ord, {}).setdefault(o_ord, set()).add(unit)
    subjects = layout.claims("claim_subjects", q)
    subjects = subjects.filter(pc.is_in(subjects["ord"], pa.array(list(pairs), pa.int64())))  # claims with pairs
    mine: dict[int, dict] = {}
    for r in subjects.to_pylist():
        c = mine.setdefault(
            r["ord"],
            {
                "id": r["claim_id"],
                "ents": set(r["entities"]),
                "frame": frozenset(r["frame"]),
                "figs": {},
                "dies": r["dies"],
            },
        )
        c["figs"][r["unit"]] = list(zip(r["positions"], r["values"]))
    others: dict[int, dict] = {}
    for a in shuffle.receive(layout.run, "anchors", q):
        o = others.get(a["ord"])
        if o is None:
            o = others[a["ord"]] = {
                "id": a["claim_id"],
                "ents": set(a["entities"]),
                "frame": frozenset(a["frame"]),
                "values": {},
                "dies": a["dies"],
            }
        o["values"][a["unit"]] = a["values"]
    rows: list[tuple] = []
    removed: list[tuple] = []
    for c_ord in sorted(pairs):
        c = mine[c_ord]
        found = []
        for o_ord in sorted(pairs[c_ord]):
            o = others[o_ord]
            fig = first_disagreement(c["figs"], o["values"], sorted(pairs[c_ord][o_ord]))
            if fig is None:
                continue
            row = conflict_row(c["id"], o["id"], fig, (c["ents"], o["ents"]), (c["frame"], o["frame"]), broad)
            found.append(None if row is None else (*row, c_ord, o_ord))
        # the cap counted conflicts with claims deleted later (a replaced article's); they go with them
        for r in keep_first(found):
            gone = [d for d in (c["dies"], others[r[-1]]["dies"]) if d is not None]
            (removed if gone else rows).append((*r, min(gone)) if gone else r)
    names = tables.schema("claim_conflicts_removed").names
    tables.write_part(layout.run, "claim_conflicts", q, [dict(zip(names, r)) for r in rows])
    if removed:
        tables.write_part(layout.run, "claim_conflicts_removed", q, [dict(zip(names, r)) for r in removed])
    return len(rows)
