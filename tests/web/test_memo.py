"""Facet counts kept until the database changes (tracker.web.memo)."""

import asyncio
import sqlite3

import pytest
from datasette.database import QueryInterrupted

from tests.web.conftest import sample_site
from tracker.web import memo
from tracker.web.serve import datasette_app

FACET_SQL = """
                select kind as value, count(*) as count from (
                    select id, kind from claims
                )
                where kind is not null
                group by kind order by count desc, value limit 31
            """


def test_the_facet_shape_is_datasettes_and_nothing_else():
    assert memo.FACET.fullmatch(FACET_SQL)
    assert memo.FACET.fullmatch(FACET_SQL.replace("kind", "[speaker kind]"))
    assert not memo.FACET.fullmatch(FACET_SQL.replace("kind is not null", "unit is not null"))
    assert not memo.FACET.fullmatch("select kind, count(*) from claims group by kind")
    assert not memo.FACET.fullmatch(FACET_SQL.replace("select kind as", "select date(kind) as"))


async def _facet(ds, path):
    data = (await ds.client.get(path + "&_trace=1")).json()
    ran = [t["sql"] for t in data["_trace"]["traces"] if t.get("type") == "sql" and "as value, count(*)" in t["sql"]]
    return data["facet_results"]["results"]["kind"]["results"], ran


async def test_a_facet_count_is_kept_until_the_database_changes(tmp_path):
    _, db_path = sample_site(tmp_path / "tracker.db")
    ds = datasette_app(db_path, settings={"trace_debug": True})
    await ds.invoke_startup()
    path = "/tracker/claims.json?_extra=facet_results&_size=1"
    first, ran = await _facet(ds, path)
    assert len(ran) == 1
    again, ran = await _facet(ds, path)
    assert (again, ran) == (first, [])
    conn = sqlite3.connect(db_path)
    conn.execute(
        "update claims set kind = 'appeal' where rowid = (select min(rowid) from claims where kind <> 'appeal')"
    )
    conn.commit()
    expected = dict(conn.execute("select kind, count(*) from claims group by kind").fetchall())
    conn.close()
    changed, ran = await _facet(ds, path)
    assert len(ran) == 1
    assert {r["value"]: r["count"] for r in changed} == expected != {r["value"]: r["count"] for r in first}


class _Results:
    rows = [("event", 3)]


class _Database:
    """A database whose facet count runs out of time under the facet limit and not under the page limit."""

    is_memory = False

    def __init__(self, path):
        self.path = str(path)
        self.calls = []

    async def execute(self, sql, params=None, custom_time_limit=None, log_sql_errors=True):
        self.calls.append(custom_time_limit)
        if custom_time_limit is not None:
            raise QueryInterrupted(sqlite3.OperationalError("interrupted"), sql, params)
        return _Results()


async def test_a_facet_that_ran_out_of_time_is_counted_for_the_next_view(tmp_path):
    (tmp_path / "t.db").write_bytes(b"")
    db = _Database(tmp_path / "t.db")
    memo.install(db)
    with pytest.raises(QueryInterrupted):
        await db.execute(FACET_SQL, {}, custom_time_limit=400)
    await asyncio.gather(*db._tracker_memo_counting.values())
    assert db.calls == [400, None]  # once within the facet limit, once in the background within the page's
    results = await db.execute(FACET_SQL, {}, custom_time_limit=400)
    assert results.rows == [("event", 3)] and db.calls == [400, None]
    await db.execute("select 1", {})
    await db.execute("select 1", {})
    assert db.calls == [400, None, None, None]  # other SQL is never kept


async def test_a_table_count_that_ran_out_of_time_is_kept_and_counted_in_the_background(tmp_path):
    _, db_path = sample_site(tmp_path / "tracker.db")
    ds = datasette_app(db_path)
    await ds.invoke_startup()
    tracker = ds.get_database("tracker")
    conn = sqlite3.connect(db_path)
    quotes = conn.execute("select count(*) from quotes").fetchone()[0]
    conn.close()
    slow = "select count(*) from (select * from quotes limit"
    seen = []
    original = tracker.execute

    async def execute(sql, params=None, *args, **kwargs):
        seen.append((sql, kwargs.get("custom_time_limit")))
        if sql.startswith(slow) and kwargs.get("custom_time_limit"):
            raise QueryInterrupted(sqlite3.OperationalError("interrupted"), sql, params)
        return await original(sql, params, *args, **kwargs)

    # the wrapper keeping the counts wraps what it found at startup; put the slow count under it
    memo_wrapped = tracker.table_counts
    tracker.execute = execute
    counts = await memo_wrapped(100)
    assert counts["quotes"] is None and counts["claims"] > 0  # "Many rows" on this view, as Datasette shows it
    await asyncio.gather(*tracker._tracker_counts_pending.values())
    seen.clear()
    again = await memo_wrapped(100)
    assert again["quotes"] == quotes > 0 and again["claims"] == counts["claims"]
    assert not seen  # kept: nothing counted again, the timed-out table included
