"""`ingest_errors`: every file or record an ingest could not store, so a researcher knows what is missing.

One row per record (`record` is the file, or the file with its line or item: `a.jsonl:12`, `b.json[3]`), with
the step that failed, the reason, the parser version and the time. Every ingest reads its inputs again, so a
record that failed is retried by the next ingest of its file; when it is stored (or found already stored),
its row goes. A file ingested again forgets the rows of its records that did not fail this time (a record
removed from the file, a line renumbered), so the table lists what the latest ingest of each file missed.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils

from tracker.parse import PARSER_VERSION
from tracker.read.formats import ReadError

TABLE = "ingest_errors"


def ensure_table(db: sqlite_utils.Database) -> None:
    db.execute(
        f"""create table if not exists [{TABLE}] (
            record text primary key,
            path text not null,
            stage text not null,
            reason text not null,
            parser_version text not null,
            time text not null
        )"""
    )
    db.execute(f"create index if not exists [idx_{TABLE}_path] on [{TABLE}] (path)")


class ErrorLog:
    """What one ingest run records in `ingest_errors` and clears from it.

    The records that failed before are read once at the start (usually none), so that storing an article
    costs no lookup in the common case."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        ensure_table(db)
        self.known: dict[str, str] = dict(db.execute(f"select record, path from [{TABLE}]").fetchall())
        self.known_paths = set(self.known.values())
        self.failed: set[str] = set()  # records that failed in this run
        self.seen_paths: set[str] = set()  # files of `known_paths` read in this run

    def record(self, e: ReadError) -> None:
        """Record (or update) the failure of one file or record; its own transaction, kept whatever follows."""
        self.failed.add(e.where)
        with self.db.atomic():
            self.db.execute(
                f"""insert into [{TABLE}] (record, path, stage, reason, parser_version, time)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict(record) do update set path = excluded.path, stage = excluded.stage,
                      reason = excluded.reason, parser_version = excluded.parser_version, time = excluded.time""",
                [e.where, e.path, e.stage, e.reason, PARSER_VERSION, datetime.now(UTC).isoformat(timespec="seconds")],
            )
        self.known[e.where] = e.path

    def read(self, path: str) -> None:
        """A file is being read in this run: at the end, its rows that did not fail again are removed."""
        if path in self.known_paths:
            self.seen_paths.add(path)

    def stored(self, records: list[str]) -> None:
        """These records are stored (or were already): their rows, if any, go."""
        done = [r for r in records if r in self.known and r not in self.failed]
        if not done:
            return
        with self.db.atomic():
            self.db.conn.executemany(f"delete from [{TABLE}] where record = ?", [(r,) for r in done])
        for r in done:
            del self.known[r]

    def finish(self) -> None:
        """After a whole run: the rows of files read in it whose records did not fail in it go."""
        stale = [r for r, p in self.known.items() if p in self.seen_paths and r not in self.failed]
        self.stored(stale)
