"""A bulk load leaves out the indexes that only the pages read, and builds them once at its end.

Every index costs a write at a random place for each row. At 100,000 articles, the indexes that serve only
Datasette's pages (facets, sorts, a speaker's timeline, the entity and date filters) were about a third of
the ingest's writing time. Building them afterwards from the finished tables is one sorted pass each, about
25 seconds for all of them at that size. An ingest switches to this once it has stored more articles than
the database held when it began (see `tracker.store.ingest`), so adding a few articles to a large database never
pays for a rebuild.

What was dropped is recorded in `_deferred_indexes` in the same transaction. An interrupted load therefore
leaves a database that is consistent, only slower to query, and the next ingest or `tracker serve` builds
the indexes. `ensure_schema` does not recreate a deferred index on open: a connection opened during a load
(a second command, a test) must not put back what the load left out.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlite_utils

from tracker.store import facet_tables, name_search

try:
    import fcntl
except ImportError:  # not on Windows: no lock there, as before
    fcntl = None  # type: ignore[assignment]

DEFERRED_TABLE = "_deferred_indexes"

# Indexes that no statement of an ingest looks rows up by: the page and filter indexes. The indexes an
# ingest reads through stay: primary keys, the article and claim ids of children (re-parse deletes them),
# the grouping keys, group members by group (merges) and conflicts by claim (re-parse), and articles by URL
# (an article whose headline changed is found by its URL).
PAGE_ONLY_INDEXES = (
    "idx_articles_published",
    "idx_articles_source",
    "idx_articles_format",
    "idx_speakers_kind",
    "idx_quotes_kind",
    "idx_quotes_published",
    "idx_quotes_speaker_id_published",
    "idx_quotes_speaker_kind",
    "idx_claims_published",
    "idx_claims_score",
    "idx_claims_kind_score",
    "idx_claims_speaker_id_published",
    "idx_quantities_unit_value",
    "idx_quantities_kind",
    "idx_claim_dates_value",
    "idx_entities_kind",
    "idx_claim_entities_entity_id",
    "claim_groups_articles",
    "claim_groups_first_published",
    "claim_groups_unit",
    "claim_groups_repeated_unit",
    "claim_conflicts_unit",
)


# Tables the pages read that triggers keep equal to the data (tracker.store.facet_tables, name_search): a
# trigger's write for every claim, name and alias added about a tenth to the writer's CPU, so a bulk load
# stops keeping them and builds each again at its end, in one pass (about 11 s at 100,000 articles).
# claim_kinds is dropped (the claims search's facet reads the claims meanwhile); a name index stays as it was
# (the queries that take a name find those stored before the load until it ends, as claim groups are
# refreshed at its end too) and is emptied and filled afresh at the end, since names written meanwhile are
# missing from it. Recorded in the same table as the indexes, with this in place of the statement.
DERIVED = (facet_tables.TABLE, *name_search.INDEXES)
DERIVED_SQL = "-- a derived table, rebuilt by tracker.store.bulk.build_deferred"
LEFT_OUT = PAGE_ONLY_INDEXES + DERIVED


def _drop_derived(db: sqlite_utils.Database, name: str) -> None:
    if name == facet_tables.TABLE:
        facet_tables.drop(db)
    else:
        name_search.drop(db, name)


def _build_derived(db: sqlite_utils.Database, name: str) -> None:
    others = frozenset(DERIVED) - {name}
    if name == facet_tables.TABLE:
        facet_tables.ensure(db, skip=others)
    else:
        name_search.ensure(db, skip=others)


def describe(names: Iterable[str]) -> str:
    """What a set of left-out names is, for a progress line: "26 indexes and tables", "index idx_x", "table
    claim_kinds" (the derived tables are tables, or FTS tables, not indexes)."""
    names = list(names)
    tables = sum(1 for n in names if n in DERIVED)
    if len(names) == 1:
        return f"{'table' if tables else 'index'} {names[0]}"
    n = len(names)
    if tables == 0:
        return f"{n} indexes"
    if tables == n:
        return f"{n} tables"
    return f"{n} indexes and tables"


def ensure_table(db: sqlite_utils.Database) -> None:
    db.execute(f"create table if not exists [{DEFERRED_TABLE}] (name text primary key, sql text not null)")


def deferred(db: sqlite_utils.Database) -> dict[str, str]:
    """The indexes a bulk load has left out and not built yet: name -> the statement that builds it."""
    if not db[DEFERRED_TABLE].exists():
        return {}
    return dict(db.execute(f"select name, sql from [{DEFERRED_TABLE}] order by name").fetchall())


def defer_indexes(db: sqlite_utils.Database) -> int:
    """Drop the page-only indexes and the derived tables that exist, recording how to build each; returns how
    many indexes were dropped."""
    ensure_table(db)
    dropped = 0
    with db.atomic():
        for name in PAGE_ONLY_INDEXES:
            row = db.execute("select sql from sqlite_master where type = 'index' and name = ?", [name]).fetchone()
            if row is None or row[0] is None:
                continue
            db.execute(f"insert or replace into [{DEFERRED_TABLE}] (name, sql) values (?, ?)", [name, row[0]])
            db.execute(f"drop index [{name}]")
            dropped += 1
        tables = set(db.table_names())
        for name in DERIVED:
            if name in tables:
                db.execute(f"insert or replace into [{DEFERRED_TABLE}] (name, sql) values (?, ?)", [name, DERIVED_SQL])
                _drop_derived(db, name)
    return dropped


def build_deferred(db: sqlite_utils.Database, on_index: Callable[[str], None] | None = None) -> int:
    """Build every deferred index, each in its own transaction with the removal of its record, so that an
    interruption loses none of the records of the ones not built yet; returns how many were built."""
    built = 0
    for name, sql in deferred(db).items():
        if on_index:
            on_index(name)
        with db.atomic():
            if name in DERIVED:
                _build_derived(db, name)
            elif db.execute("select 1 from sqlite_master where type = 'index' and name = ?", [name]).fetchone() is None:
                db.execute(sql)
            db.execute(f"delete from [{DEFERRED_TABLE}] where name = ?", [name])
        built += 1
    return built


# Whether an ingest is writing is known from a lock, not guessed: every ingest holds a shared lock on
# `<database>.lock` for its whole run (the kernel releases it when the process ends, killed or not), and
# `tracker serve` builds deferred indexes only if it can take the lock exclusively, i.e. no ingest is running.


def lock_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".lock")


@contextlib.contextmanager
def ingest_lock(db_path: str | Path) -> Iterator[None]:
    """Held by an ingest for its whole run (shared: ingests do not exclude each other; each waits while
    `tracker serve` is building indexes)."""
    with _locked(db_path, exclusive=False, wait=True):
        yield


@contextlib.contextmanager
def no_ingest_running(db_path: str | Path) -> Iterator[bool]:
    """Yields True, holding the lock exclusively (an ingest starting meanwhile waits), when no ingest is
    running; False at once when one is."""
    with _locked(db_path, exclusive=True, wait=False) as held:
        yield held


@contextlib.contextmanager
def _locked(db_path: str | Path, exclusive: bool, wait: bool) -> Iterator[bool]:
    if fcntl is None or str(db_path) == ":memory:":
        yield True
        return
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if exclusive:  # a folder no lock file can be made in (read-only) has no ingest writing in it either
            yield True
            return
        raise
    try:
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
