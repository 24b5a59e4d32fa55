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
)

from .chunk import STORED
from .tables import parts, read_part


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


def _rows(run: str, path: str) -> list[dict]:
    rows = read_part(run, path).to_pylist()
    for r in rows:
        r.pop("ord", None)
    return rows


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


def load(run: str, db_path: str | Path, where: str | None = None, on_status=None) -> LoadSummary:
    """Build the database at `db_path` (replacing any file there) from the run folder `run`."""
    t0 = time.perf_counter()
    say = on_status or (lambda _line: None)
    db = _fresh(db_path)
    by_table = {t: parts(run, t) for t in STORED}
    kept_claims: set[str] | None = None if where is None else set()
    if where is not None:
        cols = [c.name for c in db["articles"].columns]
        db.execute("create temp table _slice as select * from articles where 0")
        select = f"select id from temp._slice where ({where})"
    say(f"Loading {len(by_table['articles'])} parts")
    for i, _ in enumerate(by_table["articles"]):
        rows = {t: _rows(run, by_table[t][i]) for t in STORED}
        with db.atomic():
            if kept_claims is not None:  # a slice (--where)
                db.execute("delete from temp._slice")
                db.conn.executemany(
                    f"insert into temp._slice ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                    [tuple(r.get(c) for c in cols) for r in rows["articles"]],
                )
                keep = {r[0] for r in db.execute(select)}
                rows = _slice(rows, keep)
                kept_claims.update(c["id"] for c in rows["claims"])
            _refuse_repeats(db, rows["articles"])
            _upsert_speakers(db, rows["speakers"])
            _insert(db, "speaker_aliases", rows["speaker_aliases"])
            _insert(db, "entities", _dedupe(rows["entities"], "id"))
            _upsert_articles(db, rows["articles"])
            for table in ("quotes", "claims"):
                _insert(db, table, _dedupe(rows[table], "id"))
            for table in ("quantities", "claim_dates", "claim_entities"):
                _insert(db, table, rows[table])
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
        summary.groups, summary.conflicts = _load_groups(db, run, kept_claims)
    say("Filling full-text search")
    with db.atomic():
        for table, columns in FTS.items():
            listed = ", ".join(f"[{c}]" for c in columns)
            db.execute(f"insert into [{table}_fts] (rowid, {listed}) select rowid, {listed} from [{table}]")
        db.execute(f"delete from [{FTS_BATCH_TABLE}]")
    say(f"Building {len(bulk.deferred(db))} indexes")
    bulk.build_deferred(db)
    summary.articles = db["articles"].count
    summary.claims = db["claims"].count
    db.close()
    summary.seconds = time.perf_counter() - t0
    return summary


class RepeatedArticle(ValueError):
    """The run holds one article twice: ingest would keep one (or re-parse it), the Dask path cannot yet."""


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
            f"the run holds article {repeated[0]} more than once (one copy read from {a['path']}): the Dask path "
            "needs each article once in its input; remove the copies, or use tracker ingest, which keeps one"
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


def _load_groups(db: sqlite_utils.Database, run: str, claims: set[str] | None) -> tuple[int, int]:
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
    n_conflicts = 0
    for path in parts(run, "claim_conflicts"):
        rows = [
            (
                r["claim_id"],
                r["other_claim_id"],
                r["unit"],
                r["value"],
                r["other_value"],
                r["shared_entities"],
                r["wording_overlap"],
            )
            for r in read_part(run, path).to_pylist()
            if inside(r["claim_id"]) and inside(r["other_claim_id"])
        ]
        n_conflicts += len(rows)
        db.conn.executemany(
            "insert into claim_conflicts (claim_id, other_claim_id, unit, value, other_value, shared_entities, "
            "wording_overlap) values (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
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
                for r in read_part(run, path).to_pylist()
                if inside(r["claim_id"])
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
