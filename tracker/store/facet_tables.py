"""claim_kinds: each claim's kind under the claim's rowid, kept by triggers, for the kind facet of a search.

A full-text search of the claims for a common word matches tens of thousands of them (67,796 for "government"
at 100,000 articles), and the claims page counts their kinds for its facet. Read from the claims table, that is
one look-up per match into rows of about a kilobyte each (text, features): 67,796 reads spread over gigabytes,
0.1-0.3 s of CPU and far more when those pages are not in memory, on the first view of every search. This
table holds only (rowid, kind), about 18 bytes a claim (50 MB at 2.8 million claims), and a search's matches
come in rowid order, so the facet reads it almost sequentially (0.05 s). `tracker.web.plans` sends the
facet there; nothing else reads it.

Triggers keep it equal to the claims table whoever writes (the ingest, the Dask load, sqlite-utils, Datasette's
row API); a database made before it gets it filled in one pass the next time it is opened for writing
(`tracker ingest`, `tracker serve`): 8 s at 2.8 million claims.
"""

from __future__ import annotations

import sqlite_utils

TABLE = "claim_kinds"
TRIGGERS = {
    f"{TABLE}_ai": (
        f"CREATE TRIGGER [{TABLE}_ai] AFTER INSERT ON [claims] BEGIN "
        f"INSERT OR REPLACE INTO [{TABLE}] (id, kind) VALUES (new.rowid, new.kind); END"
    ),
    f"{TABLE}_ad": (
        f"CREATE TRIGGER [{TABLE}_ad] AFTER DELETE ON [claims] BEGIN DELETE FROM [{TABLE}] WHERE id = old.rowid; END"
    ),
    f"{TABLE}_au": (
        f"CREATE TRIGGER [{TABLE}_au] AFTER UPDATE ON [claims] "
        "WHEN old.kind IS NOT new.kind OR old.rowid <> new.rowid BEGIN "
        f"DELETE FROM [{TABLE}] WHERE id = old.rowid; "
        f"INSERT OR REPLACE INTO [{TABLE}] (id, kind) VALUES (new.rowid, new.kind); END"
    ),
}


def _kept(db: sqlite_utils.Database) -> bool:
    """Whether every trigger is there as written here."""
    have = dict(db.execute(f"select name, sql from sqlite_master where type = 'trigger' and name like '{TABLE}_%'"))
    return all(have.get(name) == sql for name, sql in TRIGGERS.items())


def drop(db: sqlite_utils.Database) -> None:
    """Remove the table and its triggers (a bulk load does, and builds them again at its end)."""
    for name in TRIGGERS:
        db.execute(f"drop trigger if exists [{name}]")
    db.execute(f"drop table if exists [{TABLE}]")


def ensure(db: sqlite_utils.Database, skip: frozenset[str] | set[str] = frozenset()) -> None:
    """Create the table if missing and, whenever it is new or not kept (its triggers missing or different, as
    after a bulk load or an upgrade that changes them), fill it afresh from the claims in the transaction that
    puts the triggers back (a reader never sees it half filled, and no claim is written between the copy and
    the triggers); not while a bulk load has left it out (`skip`)."""
    if TABLE in skip or not db.table("claims").exists():
        return
    exists = db.table(TABLE).exists()
    if exists and _kept(db):
        return
    conn = db.conn
    with db.atomic():  # inside a caller's transaction, a savepoint of it
        for name in TRIGGERS:
            conn.execute(f"drop trigger if exists [{name}]")
        if exists:
            conn.execute(f"delete from [{TABLE}]")  # claims written while it was not kept are missing
        else:
            conn.execute(f"create table [{TABLE}] (id integer primary key, kind text)")
        conn.execute(f"insert into [{TABLE}] (id, kind) select rowid, kind from claims")
        for sql in TRIGGERS.values():
            conn.execute(sql)
