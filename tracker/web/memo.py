"""Facet counts kept until the database changes.

A table page counts its facets' values over the whole table (or the whole of its filter) on every view: the
claims page's kind facet steps through all 2.8 million entries of an index at 100,000 articles (0.15-0.4 s),
the quotes page's three facets through 786,000 each. Their answers change only when the database does, and
every write changes the database file or its write-ahead log (size or modification time), so each answer is
kept until then, as the table counts are (`keep_table_counts`). Only Datasette's facet
counts are kept (a few dozen rows each, at most KEPT answers). A facet that runs past Datasette's facet time
limit (400 ms here) is left off that page, as before, and counted once more in the background within the
page time limit (3 s), so that the next view shows it.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path

from datasette.database import QueryInterrupted
from datasette.utils import escape_sqlite

KEPT = 256
FACET = re.compile(  # Datasette's (1.0a41, datasette/facets.py) count of a column's values
    r"\s*select (?P<col>\w+|\[[^\]]+\]) as value, count\(\*\) as count from \(.+\)\s+"
    r"where (?P=col) is not null\s+group by (?P=col) order by count desc, value limit \d+\s*",
    re.S,
)


def file_state(path: str) -> tuple:
    """What changes whenever the database does: every commit appends to the -wal file (or, outside WAL mode,
    rewrites the main file), so equal size and mtime of both mean no write in between."""
    state: list[tuple[int, int] | None] = []
    for p in (path, path + "-wal"):
        try:
            st = Path(p).stat()
            state.append((st.st_mtime_ns, st.st_size))
        except OSError:
            state.append(None)
    return tuple(state)


def _key(sql: str, params, args: tuple, kwargs: dict):
    bound: tuple
    if isinstance(params, dict):
        bound = tuple(sorted((k, repr(v)) for k, v in params.items()))
    else:
        bound = tuple(repr(v) for v in params or ())
    return (sql, bound, args, tuple(sorted(kwargs.items())))


def install(db) -> None:
    """Keep the database's facet counts (once per Database object; not for in-memory databases)."""
    if getattr(db, "_tracker_memo", False) or db.is_memory or not db.path:
        return
    original = db.execute
    kept: dict = {}
    counting: dict = {}  # key -> the background task counting a facet that ran out of time

    def keep(key, state, results) -> None:
        if len(kept) >= KEPT:
            kept.clear()
        kept[key] = (state, results)

    async def count_later(key, state, sql, params) -> None:
        try:
            keep(key, state, await original(sql, params, log_sql_errors=False))
        except (QueryInterrupted, sqlite3.Error):
            pass  # past the page time limit too: the next view tries again
        finally:
            counting.pop(key, None)

    async def execute(sql, params=None, *args, **kwargs):
        if not isinstance(sql, str) or not FACET.fullmatch(sql):
            return await original(sql, params, *args, **kwargs)
        key = _key(sql, params, args, kwargs)
        state = file_state(db.path)  # taken before counting: a write while counting shows up next time
        hit = kept.get(key)
        if hit is not None and hit[0] == state:
            return hit[1]
        try:
            results = await original(sql, params, *args, **kwargs)
        except QueryInterrupted:
            if key not in counting:
                counting[key] = asyncio.get_running_loop().create_task(count_later(key, state, sql, params))
            raise
        keep(key, state, results)
        return results

    db.execute = execute
    db._tracker_memo = True
    db._tracker_memo_counting = counting


def keep_table_counts(db) -> None:
    """Datasette 1.0a41 counts every table of a mutable database (`select count(*)` of up to 10,001 rows each)
    on every stored-query page, only to offer `select * from <first table>` in the SQL box, and on the database
    page: ~0.2 s per page at 100,000 articles. Keep the counts until the database file or its write-ahead
    log changes (any write does), so the numbers shown are the same as before, just not recounted.

    A count that runs past Datasette's limit for it (100 ms a table on the database page) shows as "Many rows",
    as before, but is kept too, and counted again once in the background within the page time limit: recounting
    every table on every view until all of them fit (the full-text index's own tables take 35-55 ms each, more
    when the file is not in memory) was what kept the database page at 0.3-0.6 s on some views."""
    if not db.is_mutable or db.is_memory or not db.path or getattr(db, "_tracker_counts_cached", False):
        return
    original = db.table_counts
    cache: dict = {}
    pending: dict = {}  # limit -> the background task filling in the counts that timed out

    async def fill_in(limit, key, counts) -> None:
        try:
            for table in [t for t, n in counts.items() if n is None]:
                try:
                    sql = f"select count(*) from (select * from {escape_sqlite(table)} limit {db.count_limit + 1})"
                    counts[table] = (await db.execute(sql, log_sql_errors=False)).rows[0][0]
                except (QueryInterrupted, sqlite3.Error):
                    pass  # past the page time limit too: "Many rows" until the database changes
            if cache.get(limit, (None,))[0] == key:
                cache[limit] = (key, counts)
        finally:
            pending.pop(limit, None)

    async def table_counts(limit=10):
        key = file_state(db.path)  # taken before counting: a write while counting shows up next time
        hit = cache.get(limit)
        if hit is not None and hit[0] == key:
            return dict(hit[1])
        counts = await original(limit)
        cache[limit] = (key, dict(counts))
        if None in counts.values() and limit not in pending:
            pending[limit] = asyncio.get_running_loop().create_task(fill_in(limit, key, dict(counts)))
        return dict(counts)

    db.table_counts = table_counts
    db._tracker_counts_cached = True
    db._tracker_counts_pending = pending
