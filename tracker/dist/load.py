"""`tracker load`: build the SQLite database Datasette serves from a run, whole or a slice.

The schema is the project's own (`tracker.store.db.connect`), and rows go in with the statements `tracker
ingest` uses, part by part in input order, so a database loaded from a run holds the rows an ingest of the same
input holds (ids, speakers' roles and entities' kinds included). What ingest does per batch is done once here:
the page-only indexes are left out and built at the end (`tracker.store.bulk`), each full-text table is filled
by one statement, and the claim groups' summaries are computed by the ingest's own refresh. A slice (`where`,
an SQL condition on the articles table's columns, such as `published like '2021%'` or `source = 'AP'`) keeps
those articles and everything that hangs off them; groups and their summaries are then the slice's.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from tracker.store import bulk, grouping
from tracker.store.db import (
    FTS,
    FTS_BATCH_TABLE,
    _dedupe,
    _insert,
    _upsert_articles,
    _upsert_speakers,
    connect,
    delete_children,
)

from . import fates
from .chunk import STORED
from .tables import RULES_NOTE, parts, read_note, read_part


@dataclass
class LoadSummary:
    articles: int = 0
    claims: int = 0
    groups: int = 0
    conflicts: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.articles} articles, {self.claims} claims, {self.groups} claim groups, "
            f"{self.conflicts} conflicts loaded in {self.seconds:.1f} s"
        )


def _segments(rows: dict[str, list[dict]], fate: dict[int, dict]):
    """A part's rows as ingest writes them when the input repeats articles (`fates.py`): a dropped copy's rows
    gone, a replacing copy's re-keyed to the stored id, and the part cut where a copy replaces a stored one,
    since ingest deletes the stored copy's quotes and claims just before writing it. Yields (rows, the stored
    id to clear first or None); the rows lose their `ord`."""
    cuts: list[tuple[int, str | None]] = [(-1, None)]
    if fate and any(fates.article_ord(r["ord"]) in fate for r in rows["articles"]):
        own = {r["ord"]: r["id"] for r in rows["articles"]}  # each copy's own id, before re-keying
        kept: dict[str, list[dict]] = {}
        for table, table_rows in rows.items():
            kept[table] = []
            for r in table_rows:
                f = fate.get(fates.article_ord(r["ord"]))
                if f is not None and f["dropped"]:
                    continue
                if f is not None and f["replaces"] and table not in ("speakers", "speaker_aliases", "entities"):
                    fates.rekey(r, own[fates.article_ord(r["ord"])], f["stored_id"])
                kept[table].append(r)
        rows = kept
        cuts += [
            (r["ord"], fate[r["ord"]]["stored_id"]) for r in rows["articles"] if fate.get(r["ord"], {}).get("replaces")
        ]
    segments = []
    for i, (lo, clear) in enumerate(cuts):
        hi = cuts[i + 1][0] if i + 1 < len(cuts) else None
        if len(cuts) == 1:
            segments.append((rows, clear))
            continue
        segments.append(
            ({t: [r for r in rs if r["ord"] >= lo and (hi is None or r["ord"] < hi)] for t, rs in rows.items()}, clear)
        )
    for table_rows in rows.values():
        for r in table_rows:
            del r["ord"]
    yield from segments


def _fresh(db_path: str | Path) -> sqlite_utils.Database:
    for suffix in ("", "-wal", "-shm"):
        p = Path(f"{db_path}{suffix}")
        if p.exists():
            os.remove(p)
    db = connect(db_path)
    db.execute("PRAGMA foreign_keys = OFF")  # the rows are consistent by construction, as in ingest
    bulk.defer_indexes(db)
    db.execute(f"insert into [{FTS_BATCH_TABLE}] (active) values (1)")
    return db


def _fts_triggers(db: sqlite_utils.Database) -> list[str]:
    """Take off the full-text tables' delete and update triggers, returning their SQL to put them back: the
    index is filled in one statement at the end, and until then a re-parsed article's deleted claims (and its
    updated row) have no entry for a trigger to remove (removing one that is not there corrupts the index)."""
    found = db.execute(
        "select name, sql from sqlite_master where type = 'trigger' and (name like '%_ad' or name like '%_au') "
        f"and tbl_name in ({', '.join('?' * len(FTS))})",
        list(FTS),
    ).fetchall()
    for name, _sql in found:
        db.execute(f"drop trigger [{name}]")
    return [sql for _name, sql in found]


def load(run: str, db_path: str | Path, where: str | None = None, on_status=None) -> LoadSummary:
    """Build the database at `db_path` (replacing any file there) from the run folder `run`."""
    t0 = time.perf_counter()
    say = on_status or (lambda _line: None)
    db = _fresh(db_path)
    by_table = {t: parts(run, t) for t in STORED}
    fate = fates.read_all(run)  # None: `tracker group` has not settled repeated articles
    triggers = _fts_triggers(db)
    kept_claims: set[str] | None = None if where is None else set()
    if where is not None:
        db.execute("create temp table _slice as select * from articles where 0")
    say(f"Loading {len(by_table['articles'])} parts")
    for i, _ in enumerate(by_table["articles"]):
        with db.atomic():
            for rows, clear in _segments({t: read_part(run, by_table[t][i]).to_pylist() for t in STORED}, fate or {}):
                if fate is None:
                    _refuse_repeats(db, rows["articles"])
                if clear is not None:  # ingest deletes the stored copy's quotes and claims, then writes this one
                    delete_children(db, clear)
                if where is not None and kept_claims is not None:
                    rows = _slice(rows, _in_slice(db, rows["articles"], where))
                    kept_claims.update(c["id"] for c in rows["claims"])
                _write(db, rows)
    if where is not None:  # a speaker or entity named in several parts was kept by each part that named it
        with db.atomic():
            db.execute(
                "delete from speakers where id not in (select speaker_id from quotes where speaker_id is not null "
                "union select speaker_id from claims where speaker_id is not null)"
            )
            db.execute("delete from speaker_aliases where speaker_id not in (select id from speakers)")
            db.execute("delete from entities where id not in (select entity_id from claim_entities)")
    summary = LoadSummary()
    if not parts(run, "claim_group_members"):
        say(f"No claim groups in {run}: run `tracker group {run}` first to have them")
    say("Loading claim groups and conflicts")
    with db.atomic():
        summary.groups, summary.conflicts = _load_groups(db, run, kept_claims, fate)
    say("Filling full-text search")
    with db.atomic():
        for table, columns in FTS.items():
            listed = ", ".join(f"[{c}]" for c in columns)
            db.execute(f"insert into [{table}_fts] (rowid, {listed}) select rowid, {listed} from [{table}]")
        db.execute(f"delete from [{FTS_BATCH_TABLE}]")
        for sql in triggers:
            db.execute(sql)
    say(f"Building {len(bulk.deferred(db))} indexes")
    bulk.build_deferred(db)
    # Groups made under other rules than today's are regrouped by the next `tracker ingest`;
    # a run extracted before runs noted their rules made its keys under version 1.
    with db.atomic():
        db.execute("update claim_grouping_rules set version = ?", [int(read_note(run, RULES_NOTE) or 1)])
    summary.articles = db["articles"].count
    summary.claims = db["claims"].count
    db.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def _in_slice(db: sqlite_utils.Database, articles: list[dict], where: str) -> set[str]:
    """The ids of `articles` that meet the slice's condition, asked of SQLite (the condition is SQL)."""
    cols = [c.name for c in db["articles"].columns]
    db.execute("delete from temp._slice")
    db.conn.executemany(
        f"insert into temp._slice ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
        [tuple(r.get(c) for c in cols) for r in articles],
    )
    return {r[0] for r in db.execute(f"select id from temp._slice where ({where})")}


def _write(db: sqlite_utils.Database, rows: dict[str, list[dict]]) -> None:
    """One segment's rows, with the statements and in the order ingest writes a window."""
    _upsert_speakers(db, rows["speakers"])
    _insert(db, "speaker_aliases", rows["speaker_aliases"])
    _insert(db, "entities", _dedupe(rows["entities"], "id"))
    _upsert_articles(db, rows["articles"])
    for table in ("quotes", "claims"):
        _insert(db, table, _dedupe(rows[table], "id"))
    for table in ("quantities", "claim_dates", "claim_entities"):
        _insert(db, table, rows[table])


def _load_conflicts(db: sqlite_utils.Database, run: str, inside) -> int:
    """The conflicts, numbered as ingest numbers them: in input order, and with the ones ingest stored and then
    deleted with a replaced article's claims (`claim_conflicts_removed`) inserted and deleted at the same
    points, so that the ids after them are ingest's too."""
    cols = ("claim_id", "other_claim_id", "unit", "value", "other_value", "shared_entities", "wording_overlap")
    insert = f"insert into claim_conflicts ({', '.join(cols)}) values ({', '.join('?' * len(cols))})"
    removed = {int(p.rsplit("part-", 1)[1].split(".")[0]): p for p in parts(run, "claim_conflicts_removed")}
    pending: list[tuple[int, int]] = []  # (input order it is deleted at, its id)
    n = 0
    for path in parts(run, "claim_conflicts"):
        rows = read_part(run, path).to_pylist()
        q = int(path.rsplit("part-", 1)[1].split(".")[0])
        if q in removed:
            rows = sorted(rows + read_part(run, removed[q]).to_pylist(), key=lambda r: (r["ord"], r["other_ord"]))
        rows = [r for r in rows if inside(r["claim_id"]) and inside(r["other_claim_id"])]
        if not any(r.get("gone") is not None for r in rows) and not pending:
            db.conn.executemany(insert, [tuple(r[c] for c in cols) for r in rows])
            n += len(rows)
            continue
        for r in rows:  # one at a time: the ids of what is deleted later are needed
            due = sorted(p for p in pending if p[0] <= r["ord"])
            if due:
                db.conn.executemany("delete from claim_conflicts where id = ?", [(i,) for _at, i in due])
                pending = [p for p in pending if p[0] > r["ord"]]
            cur = db.conn.execute(insert, tuple(r[c] for c in cols))
            if r.get("gone") is not None:
                assert cur.lastrowid is not None  # an insert's rowid
                pending.append((r["gone"], cur.lastrowid))
            else:
                n += 1
    if pending:
        db.conn.executemany("delete from claim_conflicts where id = ?", [(i,) for _at, i in pending])
    return n


class RepeatedArticle(ValueError):
    """The run holds one article twice and `tracker group` has not settled which copy is kept."""


def _refuse_repeats(db: sqlite_utils.Database, articles: list[dict]) -> None:
    ids = [a["id"] for a in articles]
    seen: set[str] = set()
    repeated = []
    for i in ids:
        if i in seen:
            repeated.append(i)
        seen.add(i)
    for part in range(0, len(ids), 500):
        marks = ",".join("?" * len(ids[part : part + 500]))
        repeated += [r[0] for r in db.execute(f"select id from articles where id in ({marks})", ids[part : part + 500])]
    if repeated:
        a = next(x for x in articles if x["id"] == repeated[0])
        raise RepeatedArticle(
            f"the run holds article {repeated[0]} more than once (one copy read from {a['path']}): run "
            "tracker group on the run first, which settles which copy is kept (as tracker ingest keeps it)"
        )


def _slice(rows: dict[str, list[dict]], keep: set[str]) -> dict[str, list[dict]]:
    out = {
        t: [r for r in rows[t] if r.get("article_id", r.get("id")) in keep] for t in ("articles", "quotes", "claims")
    }
    claims = {c["id"] for c in out["claims"]}
    for t in ("quantities", "claim_dates", "claim_entities"):
        out[t] = [r for r in rows[t] if r["claim_id"] in claims]
    speakers = {r["speaker_id"] for t in ("quotes", "claims") for r in out[t]} - {None}
    out["speakers"] = [r for r in rows["speakers"] if r["id"] in speakers]
    out["speaker_aliases"] = [r for r in rows["speaker_aliases"] if r["speaker_id"] in speakers]
    ents = {r["entity_id"] for r in out["claim_entities"]}
    out["entities"] = [r for r in rows["entities"] if r["id"] in ents]
    return out


def _load_groups(
    db: sqlite_utils.Database, run: str, claims: set[str] | None, fate: dict[int, dict] | None
) -> tuple[int, int]:
    """Group members, conflicts and the ingest's lookup tables (group keys, subject keys, the next group id) from
    the run's `tracker group` output, then the groups' summaries by the ingest's own refresh."""
    inside = (lambda c: True) if claims is None else claims.__contains__
    for path in parts(run, "claim_group_members"):
        db.conn.executemany(
            "insert into claim_group_members (claim_id, group_id, article_id, published, match, keys) "
            "values (?, ?, ?, ?, ?, ?)",
            [
                (r["claim_id"], r["group_id"], r["article_id"], r["published"], r["match"], r["keys"])
                for r in read_part(run, path).to_pylist()
                if inside(r["claim_id"])
            ],
        )
    n_conflicts = _load_conflicts(db, run, inside)
    for path in parts(run, "claim_subjects"):
        db.conn.executemany(
            "insert into claim_subject_keys (key, claim_id, article_id, unit, value, more) values (?, ?, ?, ?, ?, ?)",
            [
                (
                    r["key"],
                    r["claim_id"],
                    r["article_id"],
                    r["unit"],
                    r["values"][0],
                    json.dumps(r["values"][1:]) if len(r["values"]) > 1 else None,
                )
                for r in fates.apply(read_part(run, path), fate or {}).to_pylist()
                if inside(r["claim_id"]) and r["dies"] is None  # a replaced article's claims were deleted
            ],
        )
    db.execute(
        "insert into claim_group_keys (key, group_id, members) select j.value, m.group_id, count(*) "
        "from claim_group_members m, json_each(m.keys) j group by j.value"
    )
    db.execute("insert into claim_groups (id) select distinct group_id from claim_group_members")
    db.execute("insert into claim_groups_dirty (id) select id from claim_groups")
    grouping._refresh(db)
    meta = parts(run, "claim_group_ids")
    nxt = read_part(run, meta[0]).to_pylist()[0]["next"] if meta else 1
    db.execute("insert into claim_group_ids (next) values (?)", [nxt])
    return db["claim_groups"].count, n_conflicts
