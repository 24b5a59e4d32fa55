"""The conflict search of an ingest: for each new claim, the stored claims under its subject keys, read back
from the database a batch at a time (and remembered for the rest of the run), held to the rules in
`store/conflicts.py`. The Dask path reaches the same pairs by a self-join (`tracker/dist/group.py`).
"""

from __future__ import annotations

import json
from itertools import islice

from tracker.store.claim_keys import BROAD_KINDS, MAX_CANDIDATES, MEMO_MAX, frame_tokens


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _groups_of(db, claim_ids) -> set[int]:
    marks = ",".join("?" * len(claim_ids))
    return {
        r[0]
        for r in db.execute(
            f"select group_id from claim_group_members where claim_id in ({marks})", list(claim_ids)
        ).fetchall()
    }


def memo_get(memo: dict, cid: str):
    """A remembered candidate, moved to the young end: the oldest claims under a subject key are the ones read
    batch after batch (candidates are read oldest first), and they must outlive the ones read once."""
    hit = memo.pop(cid, None)
    if hit is not None:
        memo[cid] = hit
    return hit


def memo_put(memo: dict, cid: str, value) -> None:
    """Remember a candidate; past MEMO_MAX the least recently read half is forgotten (a dict keeps the order
    of insertion, and memo_get re-inserts what it finds)."""
    if len(memo) >= MEMO_MAX:
        for old in list(islice(memo, len(memo) // 2 or 1)):
            del memo[old]
    memo[cid] = value


def _find_conflicts(db, claims, subjects, group_of, by_claim, memo=None):
    """Record the conflicts of the batch's claims with earlier claims (stored ones and the batch's own) under
    the rules of `tracker.store.conflicts`, which define everything by input order, so that the same corpus
    gives the same conflicts whatever the batch size.

    `memo` (one per ingest run) keeps what was read of stored candidates (wording frame, entities): the same
    few claims head the hottest subject keys batch after batch, and reading them back from cold pages of a
    large database cost more than the rest of the search."""
    from tracker.store.conflicts import by_unit, conflict_row, first_disagreement, keep_first

    ex = db.execute
    figures = {cid: by_unit(keys) for cid, (keys, _frame) in subjects.items()}
    article = {cid: claims[cid]["article_id"] for cid in subjects}
    holders: dict[int, list[str]] = {}  # subject key -> the batch's claims under it, in input order
    key_unit: dict[int, str] = {}
    subject_rows = []
    for cid, (keys, _frame) in subjects.items():
        for k, unit, _value in keys:
            if k in key_unit and holders[k][-1] == cid:
                continue  # one row per key and claim; its unit's figures go with it
            key_unit[k] = unit
            holders.setdefault(k, []).append(cid)
            values = [v for _pos, v in figures[cid][unit]]
            more = json.dumps(values[1:]) if len(values) > 1 else None
            subject_rows.append((k, cid, article[cid], unit, values[0], more))
    if not subject_rows:
        return set(), {}
    # The first MAX_CANDIDATES holders of each key are its anchors: stored ones first (rows are appended in
    # input order, so rowid order is input order), then the batch's own.
    order: dict[str, tuple[int, int]] = {cid: (1, i) for i, cid in enumerate(subjects)}
    stored_values: dict[str, dict[str, list[float]]] = {}
    anchors: dict[int, list[str]] = {}
    read = db.conn.execute
    for k in holders:
        found = anchors[k] = []
        for rowid, ocid, oaid, unit, value, more in read(
            "select rowid, claim_id, article_id, unit, value, more from claim_subject_keys where key = ? "
            "order by rowid limit ?",
            (k, MAX_CANDIDATES),
        ):
            found.append(ocid)
            article[ocid] = oaid
            order[ocid] = min(order.get(ocid, (0, rowid)), (0, rowid))
            stored_values.setdefault(ocid, {})[unit] = [value, *(json.loads(more) if more else ())]
    db.conn.executemany(
        "insert into claim_subject_keys (key, claim_id, article_id, unit, value, more) values (?, ?, ?, ?, ?, ?)",
        subject_rows,
    )
    # candidate pairs (later claim of the batch, earlier claim) and the units they meet in
    meets: dict[str, dict[str, set[str]]] = {}
    for k, hs in holders.items():
        stored = anchors[k]
        room = max(0, MAX_CANDIDATES - len(stored))
        unit = key_unit[k]
        for i, cid in enumerate(hs):
            for o in (*stored, *hs[: min(i, room)]):
                if article[o] != article[cid]:
                    meets.setdefault(cid, {}).setdefault(o, set()).add(unit)
    disagree: dict[str, list[tuple[str, tuple]]] = {}
    for cid, others in meets.items():
        for o, units in others.items():
            theirs = stored_values.get(o) or {u: [v for _p, v in vs] for u, vs in figures[o].items()}
            fig = first_disagreement(figures[cid], theirs, sorted(units))
            if fig is not None:
                disagree.setdefault(cid, []).append((o, fig))
    if not disagree:
        return set(), {}
    # the signals: entities, wording frames and which entities are broad, for the claims of those pairs
    need = sorted({c for cid, pairs in disagree.items() for c in (cid, *(o for o, _f in pairs))})
    _q, entities, _broad = by_claim
    text: dict[str, str] = {cid: c.get("text") or "" for cid, c in claims.items()}
    ents: dict[str, set[str]] = {cid: set(v) for cid, v in entities.items()}
    frames: dict[str, frozenset] = {}
    broad: set[str] = set()
    missing = [c for c in need if c not in claims]
    if memo is not None:
        for c in missing:
            hit = memo_get(memo, c)
            if hit is not None:
                frames[c], e, b = hit
                text[c] = ""  # present; its frame is known
                ents[c] = set(e)
                broad |= b
        missing = [c for c in missing if c not in frames]
    for part in _chunks(missing):
        marks = ",".join("?" * len(part))
        text.update(ex(f"select id, text from claims where id in ({marks})", part).fetchall())
        found_broad: set[str] = set()
        for cid, eid, kind in ex(
            f"select ce.claim_id, ce.entity_id, e.kind from claim_entities ce "
            f"left join entities e on e.id = ce.entity_id where ce.claim_id in ({marks})",
            part,
        ):
            ents.setdefault(cid, set()).add(eid)
            if kind in BROAD_KINDS:
                found_broad.add(eid)
        broad |= found_broad
        if memo is not None:
            for c in part:
                if c in text:
                    e = frozenset(ents.get(c, ()))
                    frames[c] = frame_tokens(text[c])
                    memo_put(memo, c, (frames[c], e, e & found_broad))
    # an entity is broad by the kind it was first stored with (this batch's entities are stored by now)
    own = sorted({e for c in need if c in claims for e in ents.get(c, ())})
    kinds = ",".join("?" * len(BROAD_KINDS))
    for part in _chunks(own):
        marks = ",".join("?" * len(part))
        broad.update(
            r[0]
            for r in ex(
                f"select id from entities where id in ({marks}) and kind in ({kinds})", [*part, *sorted(BROAD_KINDS)]
            )
        )
    for c in need:
        if c not in frames:
            frames[c] = subjects[c][1] if c in subjects else frame_tokens(text.get(c, ""))
    rows = []
    for cid in subjects:  # later claims in input order, each with its earlier ones in input order
        pairs = disagree.get(cid)
        if not pairs:
            continue
        pairs.sort(key=lambda p: order[p[0]])
        rows += keep_first(
            conflict_row(cid, o, fig, (ents.get(cid, set()), ents.get(o, set())), (frames[cid], frames[o]), broad)
            for o, fig in pairs
            if o in text
        )
    db.conn.executemany(
        "insert or ignore into claim_conflicts (claim_id, other_claim_id, unit, value, other_value, "
        "shared_entities, wording_overlap) values (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    counts: dict[str, int] = {}
    for r in rows:
        for c in r[:2]:
            counts[c] = counts.get(c, 0) + 1
    out = {group_of[c] for c in counts if c in group_of}
    rest = [c for c in counts if c not in group_of]
    if rest:
        for part in _chunks(rest):
            out |= _groups_of(db, part)
    return out, counts
