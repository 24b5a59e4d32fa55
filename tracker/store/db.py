"""The SQLite schema and the writes that keep it consistent.

Everything is created with sqlite-utils so the schema is readable Python, with foreign keys and indexes for the
columns Datasette facets and filters on. An article's quotes and claims are replaced in one transaction, so a
reader (Datasette, in WAL mode) never sees half an article. Annotations have no foreign key to claims or
quotes on purpose: they must outlive a re-parse, and an annotation whose claim is gone is kept as orphaned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from tracker import parse
from tracker.parse import Parsed
from tracker.records import Article
from tracker.store.rows import _now, article_key, content_hash, identity, rows_for  # noqa: F401  (re-exported)

DEFAULT_DB = "data/tracker.db"

FTS = {
    "articles": ["title", "body"],
    "quotes": ["text", "mention"],
    "claims": ["text"],
}


# (table, columns, condition): three claims in four are the writer's own, with no speaker, and are left out of
# the speaker index (a query for a speaker's claims still uses it), which spares a random index write each.
PAGE_INDEXES = [
    ("claims", ["kind", "score"], None),
    ("claims", ["speaker_id", "published"], "speaker_id is not null"),
    ("quotes", ["speaker_id", "published"], None),
    ("quotes", ["speaker_kind"], None),
    ("articles", ["format"], None),
]


def connect(path: str | Path = DEFAULT_DB) -> sqlite_utils.Database:
    """Open (creating the folder and schema if needed) with WAL and foreign keys on."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    if str(path) != ":memory:":
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    # Index pages of a large corpus do not fit SQLite's 2 MB default cache; 128 MB keeps batched inserts
    # from re-reading them (memory per connection, well inside the ingest's budget).
    db.execute("PRAGMA cache_size = -131072")
    db.execute("PRAGMA temp_store = MEMORY")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables, indexes, full-text search and views; safe to run on every open."""
    t = db.table
    if not t("articles").exists():
        t("articles").create(
            {
                "id": str,
                "title": str,
                "published": str,
                "source": str,
                "url": str,
                "byline": str,
                "caption": str,
                "body": str,
                "format": str,
                "encoding": str,
                "path": str,
                "content_hash": str,
                "parser_version": str,
                "quote_count": int,
                "claim_count": int,
                "ingested_at": str,
                "updated_at": str,
            },
            pk="id",
        )
        t("articles").create_index(["published"])
        t("articles").create_index(["source"])
        t("articles").create_index(["url"])
    if not t("speakers").exists():
        t("speakers").create({"id": str, "name": str, "kind": str, "role": str}, pk="id")
        t("speakers").create_index(["kind"])
    if not t("speaker_aliases").exists():
        t("speaker_aliases").create(
            {"speaker_id": str, "alias": str},
            pk=("speaker_id", "alias"),
            foreign_keys=[("speaker_id", "speakers", "id")],
        )
    if not t("quotes").exists():
        t("quotes").create(
            {
                "id": str,
                "article_id": str,
                "speaker_id": str,
                "kind": str,
                "text": str,
                "start": int,
                "end": int,
                "cue": str,
                "mention": str,
                "mention_start": int,
                "mention_end": int,
                "speaker_kind": str,
                "published": str,
            },
            pk="id",
            foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        )
        for cols in (["article_id"], ["kind"], ["published"]):
            t("quotes").create_index(cols)
    if not t("claims").exists():
        t("claims").create(
            {
                "id": str,
                "article_id": str,
                "speaker_id": str,
                "quote_id": str,
                "kind": str,
                "text": str,
                "start": int,
                "end": int,
                "score": float,
                "features": str,
                "published": str,
            },
            pk="id",
            foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        )
        for cols in (["article_id"], ["published"], ["score"]):
            t("claims").create_index(cols)
    if not t("quantities").exists():
        t("quantities").create(
            {
                "id": int,
                "claim_id": str,
                "text": str,
                "start": int,
                "end": int,
                "value": float,
                "unit": str,
                "currency": str,
                "approximate": int,
                "lower": float,
                "upper": float,
                "kind": str,
            },
            pk="id",
            foreign_keys=[("claim_id", "claims", "id")],
        )
        for cols in (["claim_id"], ["unit", "value"], ["kind"]):
            t("quantities").create_index(cols)
    if not t("claim_dates").exists():
        t("claim_dates").create(
            {
                "id": int,
                "claim_id": str,
                "text": str,
                "start": int,
                "end": int,
                "value": str,
                "precision": str,
                "relative": int,
            },
            pk="id",
            foreign_keys=[("claim_id", "claims", "id")],
        )
        t("claim_dates").create_index(["claim_id"])
        t("claim_dates").create_index(["value"])
    if not t("entities").exists():
        t("entities").create({"id": str, "name": str, "kind": str, "acronym": str}, pk="id")
        t("entities").create_index(["kind"])
    if not t("claim_entities").exists():
        t("claim_entities").create(
            {"claim_id": str, "entity_id": str, "text": str, "start": int, "end": int},
            pk=("claim_id", "entity_id", "start"),
            foreign_keys=[("claim_id", "claims", "id"), ("entity_id", "entities", "id")],
        )
        t("claim_entities").create_index(["entity_id"])
    if not t("annotations").exists():
        t("annotations").create(
            {
                "id": int,
                "target_type": str,
                "target_id": str,
                "article_id": str,
                "target_text": str,
                "verdict": str,
                "wrong": str,
                "note": str,
                "sources": str,
                "annotator": str,
                "created_at": str,
            },
            pk="id",
            not_null={"target_type", "target_id", "annotator", "created_at"},
        )
        t("annotations").create_index(["target_type", "target_id"])
        t("annotations").create_index(["annotator"])
    if "encoding" not in t("articles").columns_dict:  # a database made before the column
        t("articles").add_column("encoding", str)
    from tracker.store import bulk, errors

    errors.ensure_table(db)
    bulk.ensure_table(db)
    waiting = set(bulk.deferred(db))  # left out by a bulk load that has not finished: not put back here
    # Composite indexes the pages at scale need (also added to databases made before them): a kind's claims
    # by score, a speaker's quotes and claims by date, and the default facets of quotes and articles.
    for table, cols, where in PAGE_INDEXES:
        if f"idx_{table}_{'_'.join(cols)}" in waiting:
            continue
        db.execute(
            f"create index if not exists [idx_{table}_{'_'.join(cols)}] on [{table}] "
            f"({', '.join(f'[{c}]' for c in cols)})" + (f" where {where}" if where else "")
        )
    for table, columns in FTS.items():
        if not db.table(table).detect_fts():
            db.table(table).enable_fts(columns, create_triggers=True, tokenize="porter")
    _batch_fts_triggers(db)
    _create_views(db)
    from tracker.store import grouping
    from tracker.store.annotation_rules import ensure_annotation_schema

    grouping.ensure_schema(db, skip=waiting)
    grouping.record_rules(db)
    ensure_annotation_schema(db)
    from tracker.store import facet_tables, name_search

    facet_tables.ensure(db, skip=waiting)
    name_search.ensure(db, skip=waiting)


# While write_rows holds a row here (only inside its own transaction, so no other connection ever sees one),
# the full-text insert triggers stand aside and write_rows indexes the batch's rows itself (_index_new_rows).
FTS_BATCH_TABLE = "_fts_batch"


def _batch_fts_triggers(db: sqlite_utils.Database) -> None:
    """sqlite-utils' insert triggers, made to skip rows that write_rows indexes in bulk; any other writer
    (sqlite-utils, Datasette's row API) still has its rows indexed by the trigger. Updates and deletes keep
    sqlite-utils' triggers: they already come one statement per article or batch."""
    db.execute(f"create table if not exists [{FTS_BATCH_TABLE}] (active integer)")
    for table, columns in FTS.items():
        cols = ", ".join(f"[{c}]" for c in columns)
        new = ", ".join(f"new.[{c}]" for c in columns)
        sql = (
            f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] "
            f"WHEN NOT EXISTS (SELECT 1 FROM [{FTS_BATCH_TABLE}]) BEGIN "
            f"INSERT INTO [{table}_fts] (rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        row = db.execute(
            "select sql from sqlite_master where type = 'trigger' and name = ?", [f"{table}_ai"]
        ).fetchone()
        if row is None or row[0] != sql:
            db.execute(f"drop trigger if exists [{table}_ai]")
            db.execute(sql)


def _create_views(db: sqlite_utils.Database) -> None:
    views = {
        "current_verdicts": """
            select a.target_type, a.target_id, a.article_id, a.verdict, a.wrong, a.note, a.sources, a.annotator,
                   a.created_at as annotated_at, a.target_text,
                   case when coalesce(c.id, q.id) is null then 1 else 0 end as orphaned
            from annotations a
            left join claims c on a.target_type = 'claim' and c.id = a.target_id
            left join quotes q on a.target_type = 'quote' and q.id = a.target_id
            where a.id = (select max(b.id) from annotations b
                          where b.target_type = a.target_type and b.target_id = a.target_id)
        """,
    }
    for name, sql in views.items():
        if name not in db.view_names():
            db.create_view(name, sql)


@dataclass(slots=True)
class Stored:
    article_id: str
    status: str  # new, updated, unchanged
    quotes: int = 0
    claims: int = 0


def status_of(db: sqlite_utils.Database, article: Article) -> tuple[str, str, str]:
    """(article id, content hash, 'new' | 'updated' | 'unchanged'), before any parsing is spent on it."""
    aid = article_key(article)
    digest = content_hash(article)
    row = db.execute("select content_hash, parser_version from articles where id = ?", [aid]).fetchone()
    if row is None and article.url:
        # The URL is the article's identity: a changed headline ("UPDATED: ...") changes the slug of the id,
        # but the article stored under that URL is the one to re-parse in place (its annotations stay on it).
        row = db.execute(
            "select content_hash, parser_version, id from articles where url = ? order by rowid limit 1", [article.url]
        ).fetchone()
        if row is not None:
            aid = row[2]
    if row is None:
        return aid, digest, "new"
    if row[0] == digest and row[1] == parse.PARSER_VERSION:
        return aid, digest, "unchanged"
    return aid, digest, "updated"


def delete_children(db: sqlite_utils.Database, aid: str) -> None:
    """Drop an article's extracted rows before a re-parse; annotations are deliberately left alone."""
    claim_ids = "select id from claims where article_id = ?"
    for table in ("quantities", "claim_dates", "claim_entities"):
        db.execute(f"delete from {table} where claim_id in ({claim_ids})", [aid])
    db.execute("delete from claims where article_id = ?", [aid])
    db.execute("delete from quotes where article_id = ?", [aid])


def write_batch(db: sqlite_utils.Database, batch: list[tuple[Parsed, str, str, str]]) -> None:
    """Write parsed articles `(parsed, id, hash, status)` in one transaction: all of the batch or none."""
    write_rows(db, [(rows_for(parsed, aid, digest), aid, status) for parsed, aid, digest, status in batch])


# Plain executemany with a fixed column list: sqlite-utils' insert_all re-derives columns and JSON-encodes every
# value, which cost more than the writes themselves on the ingest hot path.
_INSERT_MODE = {
    "speaker_aliases": "or ignore",
    "entities": "or ignore",
    "claim_entities": "or ignore",
    "quotes": "or replace",
    "claims": "or replace",
    "quantities": "",
    "claim_dates": "",
}


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = (
        f"insert {_INSERT_MODE[table]} into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
        f"values ({', '.join('?' * len(cols))})"
    )
    db.conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def write_rows(
    db: sqlite_utils.Database,
    batch: list[tuple[dict[str, Any], str, str]],
    refresh_groups: bool = True,
    memo: dict | None = None,
) -> None:
    """Write prepared rows `(rows_for(...), id, status)` of several articles in one transaction.

    Rows are prepared apart (in the ingest workers) so the single writing process only writes."""
    merged: dict[str, Any] = {}
    for rows, _aid, _status in batch:
        for table, table_rows in rows.items():
            if table in ("claim_keys", "claim_subjects"):
                merged.setdefault(table, {}).update(table_rows)
            else:
                merged.setdefault(table, []).extend(table_rows)
    with db.atomic():
        for _rows, aid, status in batch:
            if status == "updated":
                delete_children(db, aid)
                old = db.execute("select ingested_at from articles where id = ?", [aid]).fetchone()
                if old:
                    for row in merged["articles"]:
                        if row["id"] == aid:
                            row["ingested_at"] = old[0]
        # Rows inserted from here on have rowids above these (deleted rows are gone by now): what full-text
        # search must index at the end of the batch.
        first_new = {table: db.execute(f"select coalesce(max(rowid), 0) from [{table}]").fetchone()[0] for table in FTS}
        db.execute(f"insert into [{FTS_BATCH_TABLE}] (active) values (1)")
        _upsert_speakers(db, merged.get("speakers", []))
        _insert(db, "speaker_aliases", merged.get("speaker_aliases", []))
        _insert(db, "entities", _dedupe(merged.get("entities", []), "id"))
        _upsert_articles(db, merged["articles"])
        for table in ("quotes", "claims"):
            _insert(db, table, _dedupe(merged.get(table, []), "id"))
        for table in ("quantities", "claim_dates", "claim_entities"):
            _insert(db, table, merged.get(table, []))
        from tracker.store import grouping

        grouping.update(
            db,
            merged,
            refresh=refresh_groups,
            replaced=[aid for _rows, aid, status in batch if status != "new"],
            memo=memo,
        )
        for table, after in first_new.items():
            _index_new_rows(db, table, after)
        db.execute(f"delete from [{FTS_BATCH_TABLE}]")


def _index_new_rows(db: sqlite_utils.Database, table: str, after: int) -> None:
    """Add the rows inserted by this batch to the table's full-text index, in one statement.

    Not with the insert trigger: FTS5 writes out its pending index at every statement that touches it inside a
    transaction, so a trigger fired by each row of an executemany wrote one tiny segment per row and then spent
    its time merging them (4x slower on the claims). One statement per batch writes one segment."""
    cols = ", ".join(f"[{c}]" for c in FTS[table])
    db.execute(
        f"insert into [{table}_fts] (rowid, {cols}) select rowid, {cols} from [{table}] where rowid > ?", [after]
    )


def _upsert_articles(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Insert or update in place (never delete-and-insert: the article's rowid keys its full-text entry)."""
    if not rows:
        return
    cols = list(rows[0])
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != "id")
    db.conn.executemany(
        f"insert into articles ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))}) "
        f"on conflict(id) do update set {updates}",
        [tuple(r[c] for c in cols) for r in _dedupe(rows, "id")],
    )


def _dedupe(rows: list[dict], key: str) -> list[dict]:
    seen: dict = {}
    for r in rows:
        seen.setdefault(r[key], r)
    return list(seen.values())


def _upsert_speakers(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """One row per canonical speaker across articles; a role once known is not erased by an article
    that does not give it."""
    db.conn.executemany(
        """insert into speakers (id, name, kind, role) values (:id, :name, :kind, :role)
           on conflict(id) do update set
             kind = coalesce(speakers.kind, excluded.kind),
             role = coalesce(excluded.role, speakers.role)""",
        fold_speakers(rows),
    )


def fold_speakers(rows: list[dict]) -> list[dict]:
    """A speaker's mentions (in input order) as one row, by the same rule the upsert applies across batches:
    the first name, the first kind given and the last role given. So a batch of any size stores what one
    mention at a time would."""
    out: dict[str, dict] = {}
    for r in rows:
        have = out.get(r["id"])
        if have is None:
            out[r["id"]] = dict(r)
            continue
        if have["kind"] is None:
            have["kind"] = r["kind"]
        if r["role"] is not None:
            have["role"] = r["role"]
    return list(out.values())
