"""Trigram indexes of the names the stored queries find by any part: entities, speakers and speaker aliases.

`conflicting_figures`, `claims_about_entity`, `speaker_timeline`, `quotes_by_speaker` and the speaker's chart
take a name or any part of it and matched it with `like '%...%'`, which reads every row: 374,000 entities
(about 55 ms of CPU) or 86,000 speakers and 198,000 aliases (about 35 ms, twice on the timeline's page) at
100,000 articles, on every view. SQLite's FTS5 trigram tokenizer answers the same `like` from an index when
the text has three characters or more (1-2 ms); the queries use it then, and the plain scan for one or two
characters, which a trigram index cannot narrow. Each index keeps its own copy of the names (a regular FTS5
table, not an external-content one, so that Datasette does not take it for the table's full-text search),
kept equal to the table by triggers whoever writes. `entities.acronym`, matched exactly, gets a small
partial index. A database made before them gets them built the next time it is opened for writing
(`tracker ingest`, `tracker serve`): about 6 s at 100,000 articles.
"""

from __future__ import annotations

import sqlite_utils

# index -> (table, column)
INDEXES = {
    "entities_name_fts": ("entities", "name"),
    "speakers_name_fts": ("speakers", "name"),
    "speaker_aliases_alias_fts": ("speaker_aliases", "alias"),
}
ACRONYM_INDEX = "create index if not exists [idx_entities_acronym] on [entities] ([acronym]) where acronym is not null"


def triggers(index: str, table: str, column: str) -> dict[str, str]:
    """The triggers keeping `index` equal to `table`'s `column` (by rowid), by name."""
    add = f"INSERT INTO [{index}] (rowid, [{column}]) VALUES (new.rowid, new.[{column}]);"
    return {
        f"{index}_ai": (
            f"CREATE TRIGGER [{index}_ai] AFTER INSERT ON [{table}] WHEN new.[{column}] IS NOT NULL BEGIN {add} END"
        ),
        f"{index}_ad": (
            f"CREATE TRIGGER [{index}_ad] AFTER DELETE ON [{table}] BEGIN "
            f"DELETE FROM [{index}] WHERE rowid = old.rowid; END"
        ),
        f"{index}_au": (
            f"CREATE TRIGGER [{index}_au] AFTER UPDATE OF [{column}] ON [{table}] BEGIN "
            f"DELETE FROM [{index}] WHERE rowid = old.rowid; "
            f"INSERT INTO [{index}] (rowid, [{column}]) SELECT new.rowid, new.[{column}] "
            f"WHERE new.[{column}] IS NOT NULL; END"
        ),
    }


def drop(db: sqlite_utils.Database, index: str) -> None:
    """Stop keeping one index (a bulk load does, and fills it again at its end): its triggers go, the index
    stays as it was, so that the queries still run, finding the names stored before the load."""
    table, column = INDEXES[index]
    for name in triggers(index, table, column):
        db.execute(f"drop trigger if exists [{name}]")


def ensure(db: sqlite_utils.Database, skip: frozenset[str] | set[str] = frozenset()) -> None:
    """Create and fill each index that is missing or not kept (its triggers missing or different), each in one
    transaction with its triggers, so that no name is written between the copy and the triggers; not those a
    running bulk load has left out (`skip`)."""
    names = set(db.table_names())
    if "entities" in names:
        db.execute(ACRONYM_INDEX)
    for index, (table, column) in INDEXES.items():
        if table not in names or index in skip:
            continue
        wanted = triggers(index, table, column)
        have = dict(
            db.execute("select name, sql from sqlite_master where type = 'trigger' and name like ?", [f"{index}_%"])
        )
        if index in names and all(have.get(k) == v for k, v in wanted.items()):
            continue
        conn = db.conn
        own = not conn.in_transaction
        if own:
            conn.execute("begin immediate")
        try:
            if index not in names:
                conn.execute(
                    f"create virtual table [{index}] using fts5([{column}], tokenize='trigram', detail='none')"
                )
                conn.execute(
                    f"insert into [{index}] (rowid, [{column}]) "
                    f"select rowid, [{column}] from [{table}] where [{column}] is not null"
                )
            for name, sql in wanted.items():
                conn.execute(f"drop trigger if exists [{name}]")
                conn.execute(sql)
        except BaseException:
            if own:
                conn.execute("rollback")
            raise
        if own:
            conn.execute("commit")
