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

An index is refilled from its table whenever its triggers are missing or different (after a bulk load, which
drops them, or an upgrade that changes them), in the transaction that puts them back. Each insert trigger
first removes any row the index holds under the new rowid: an `INSERT OR REPLACE` from a connection without
`PRAGMA recursive_triggers` (Datasette's write API, the sqlite3 shell) deletes the old row without firing the
delete trigger, and the index's stale row would otherwise make a later insert reusing that rowid fail.

Without the trigram tokenizer (SQLite before 3.34, or a build without it) an index is a plain table of the
same (rowid, name) columns, kept by the same triggers: the queries read it with the same `like`, which then
scans the copy as it would the table (slower, not wrong).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

import sqlite_utils

# index -> (table, column)
INDEXES = {
    "entities_name_fts": ("entities", "name"),
    "speakers_name_fts": ("speakers", "name"),
    "speaker_aliases_alias_fts": ("speaker_aliases", "alias"),
}
ACRONYM_INDEX = "create index if not exists [idx_entities_acronym] on [entities] ([acronym]) where acronym is not null"
TOKENIZER = "trigram"


def _say(message: str) -> None:
    print(f"tracker: {message}", file=sys.stderr, flush=True)


def triggers(index: str, table: str, column: str) -> dict[str, str]:
    """The triggers keeping `index` equal to `table`'s `column` (by rowid), by name."""
    # the DELETE first: a stale row under new.rowid (left by a REPLACE that fired no delete trigger) goes
    add = (
        f"DELETE FROM [{index}] WHERE rowid = new.rowid; "
        f"INSERT INTO [{index}] (rowid, [{column}]) VALUES (new.rowid, new.[{column}]);"
    )
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
            f"DELETE FROM [{index}] WHERE rowid IN (old.rowid, new.rowid); "
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


def _create(conn: sqlite3.Connection, index: str, column: str) -> str | None:
    """The index as a trigram FTS5 table or, without that tokenizer, as a plain table the same `like` scans;
    returns why it is plain, if it is."""
    try:
        conn.execute(f"create virtual table [{index}] using fts5([{column}], tokenize='{TOKENIZER}', detail='none')")
    except sqlite3.OperationalError as e:
        if "tokenizer" not in str(e) and "fts5" not in str(e):
            raise
        conn.execute(f"create table [{index}] (rowid integer primary key, [{column}] text)")
        return str(e)
    return None


def ensure(
    db: sqlite_utils.Database, skip: frozenset[str] | set[str] = frozenset(), say: Callable[[str], None] = _say
) -> None:
    """Create each index that is missing, and fill each that is new or not kept (its triggers missing or
    different, as a bulk load leaves it) afresh from its table, each in one transaction with its triggers, so
    that no name is written between the copy and the triggers; not those a running bulk load has left out
    (`skip`)."""
    names = set(db.table_names())
    if "entities" in names:
        db.execute(ACRONYM_INDEX)
    plain = None
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
        with db.atomic():
            for name in wanted:
                conn.execute(f"drop trigger if exists [{name}]")
            if index in names:
                conn.execute(f"delete from [{index}]")  # names written while it was not kept are missing
            else:
                plain = _create(conn, index, column) or plain
            conn.execute(
                f"insert into [{index}] (rowid, [{column}]) "
                f"select rowid, [{column}] from [{table}] where [{column}] is not null"
            )
            for sql in wanted.values():
                conn.execute(sql)
    if plain:
        say(f"no trigram full-text index in this SQLite ({plain}): a search by name scans the names (slower)")
