"""Cheaper SQL for Datasette's counts and full-text searches, with the same rows (tracker.web.plans).

Timings are not asserted: what would make the pages slow again is a plan, so the plans are checked (SQLite's
EXPLAIN QUERY PLAN on the sample site) together with the rows each page shows.
"""

import sqlite3

import pytest
from datasette.utils import escape_fts

from tracker.web import plans
from tracker.web.serve import datasette_app


def plan(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    conn.create_function("escape_fts", 1, escape_fts)
    try:
        return [row[3] for row in conn.execute("explain query plan " + sql, params)]
    finally:
        conn.close()


async def traced(db_path, path):
    """(JSON of a page, the SQL it ran, spaces folded) from a fresh app, so that patched thresholds apply."""
    ds = datasette_app(db_path, settings={"trace_debug": True})
    await ds.invoke_startup()
    data = (await ds.client.get(path + ("&" if "?" in path else "?") + "_trace=1")).json()
    return data, [" ".join(t["sql"].split()) for t in data["_trace"]["traces"] if t.get("type") == "sql"]


def test_a_count_selects_no_column():
    sql = "select count(*) from (select * from claim_conflicts_side_by_side where unit = :p0 limit 10001)"
    assert plans.count_sql(sql) == (
        "select count(*) from (select 1 from claim_conflicts_side_by_side where unit = :p0 limit 10001)"
    )
    assert plans.count_sql("select count(*) from claims") is None
    assert plans.count_sql("select * from (select * from claims limit 5)") is None


def test_counting_the_conflicts_view_looks_nothing_up(site):
    _, db_path = site
    sql = "select count(*) from (select * from claim_conflicts_side_by_side limit 10001)"
    assert any("CORRELATED SCALAR SUBQUERY" in step for step in plan(db_path, sql))  # what Datasette asks
    cheap = plans.count_sql(sql)
    assert not any("SUBQUERY" in step for step in plan(db_path, cheap))
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute(cheap).fetchone() == conn.execute(sql).fetchone()
    finally:
        conn.close()


async def test_the_conflicts_page_counts_with_select_1(site):
    _, db_path = site
    data, sqls = await traced(db_path, "/tracker/claim_conflicts_side_by_side.json?_extra=count")
    conn = sqlite3.connect(db_path)
    assert data["count"] == conn.execute("select count(*) from claim_conflicts").fetchone()[0] >= 1
    conn.close()
    assert "select count(*) from (select 1 from claim_conflicts_side_by_side limit 10001)" in sqls
    assert not any("select * from claim_conflicts_side_by_side limit" in s for s in sqls)


def _claims_by_score(db_path, term):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "select id, score from claims where rowid in (select rowid from claims_fts where claims_fts match ?)"
            " order by score desc",
            [term],
        ).fetchall()
    finally:
        conn.close()


async def test_a_search_of_many_claims_walks_the_score_index(site, monkeypatch):
    _, db_path = site
    every = _claims_by_score(db_path, "the")
    assert len(every) > 20  # more than a page, so the walk has to stop early
    monkeypatch.setattr(plans, "SEARCH_MANY", 5)
    data, sqls = await traced(db_path, "/tracker/claims.json?_search=the&_col=score&_shape=objects&_size=10")
    main = [s for s in sqls if s.startswith("select id,") and "order by score desc" in s]
    assert main and all("+rowid in (select rowid from claims_fts" in s for s in main)
    steps = plan(db_path, main[0], {"search": "the"})
    assert "SCAN claims USING INDEX idx_claims_score" in steps
    assert not any("TEMP B-TREE FOR ORDER BY" in s for s in steps)
    shown = [(r["id"], r["score"]) for r in data["rows"]]
    assert [s for _, s in shown] == [s for _, s in every[:10]]  # the 10 best scores, best first
    assert set(shown) <= set(every)


async def test_a_search_of_few_rows_keeps_datasettes_plan(site):
    _, db_path = site
    data, sqls = await traced(db_path, "/tracker/claims.json?_search=the&_shape=objects")
    assert not any("+rowid" in s for s in sqls)  # fewer than SEARCH_MANY matches in the sample
    assert len(data["rows"]) == min(50, len(_claims_by_score(db_path, "the")))


async def test_facets_of_a_search_read_a_covering_index_when_the_table_is_small(site, monkeypatch):
    _, db_path = site
    path = "/tracker/articles.json?_search=the&_facet=source&_extra=count&_extra=facet_results"

    async def unchanged(execute, sql, params, sizes):
        return sql

    with monkeypatch.context() as patched:
        patched.setattr(plans, "rewrite", unchanged)  # Datasette's own SQL
        before, sqls = await traced(db_path, path)
    assert not any("+rowid" in s for s in sqls)
    monkeypatch.setattr(plans, "WALK_RATIO", 10**9)
    after, sqls = await traced(db_path, path)
    facet = [s for s in sqls if s.startswith("select source as value")]
    assert facet and "+rowid in (select rowid from articles_fts" in facet[0]
    assert any(s.startswith("explain query plan select source") for s in sqls)
    steps = plan(db_path, facet[0], {"search": "the"})
    assert any(s.startswith("SEARCH articles USING COVERING INDEX idx_articles_source") for s in steps)
    assert after["facet_results"] == before["facet_results"]
    assert after["count"] == before["count"] > 0


async def test_a_claims_search_counts_from_the_index_and_its_kind_facet_from_claim_kinds(site, monkeypatch):
    _, db_path = site
    path = "/tracker/claims.json?_search=the&_facet=kind&_extra=count&_extra=facet_results"

    async def unchanged(execute, sql, params, sizes):
        return sql

    with monkeypatch.context() as patched:
        patched.setattr(plans, "rewrite", unchanged)  # Datasette's own SQL
        before, _ = await traced(db_path, path)
    after, sqls = await traced(db_path, path)
    assert (
        "select count(*) from (select 1 from claims_fts where claims_fts match escape_fts(:search) limit 10001)" in sqls
    )
    assert (
        "select n.kind as value, count(*) as count from claims_fts join [claim_kinds] n on n.id = claims_fts.rowid "
        "where claims_fts match escape_fts(:search) and n.kind is not null group by n.kind "
        "order by count desc, value limit 31" in sqls
    )
    assert after["count"] == before["count"] == len(_claims_by_score(db_path, "the")) > 0
    assert after["facet_results"] == before["facet_results"]
    assert sum(v["count"] for v in after["facet_results"]["results"]["kind"]["results"]) == after["count"]


async def test_a_search_with_another_filter_or_without_claim_kinds_keeps_datasettes_sql():
    inner = "select rowid from claims_fts where claims_fts match escape_fts(:search)"
    filtered = f"select count(*) from (select 1 from claims where rowid in ({inner}) and kind = :p0 limit 10001)"
    assert plans.search_count_sql(filtered) is None
    facet = (
        "select kind as value, count(*) as count from ( select id, kind from claims where rowid in "
        f"({inner}) ) where kind is not null group by kind order by count desc, value limit 31"
    )
    assert plans.search_facet_sql(facet, set()) is None  # a database made before claim_kinds
    assert plans.search_facet_sql(facet.replace("kind", "speaker_id"), {"claim_kinds"}) is None
    assert plans.search_facet_sql(facet, {"claim_kinds"}).startswith("select n.kind as value")


@pytest.mark.parametrize(
    "sql",
    [
        "select * from claims order by score desc limit 51",
        "select id from claims where rowid in (select rowid from claims_fts where text match escape_fts(:search_0))"
        " order by score desc limit 51",
    ],
)
async def test_other_sql_is_left_as_it_is_without_a_lookup(sql):
    async def execute(*args, **kwargs):
        raise AssertionError("no look-up expected")

    assert await plans.rewrite(execute, sql, {"search": "x", "search_0": "x"}, plans.Sizes()) == sql


async def test_a_bad_raw_search_is_reported_by_datasette(site, monkeypatch):
    _, db_path = site
    monkeypatch.setattr(plans, "SEARCH_MANY", 1)
    ds = datasette_app(db_path)
    await ds.invoke_startup()
    response = await ds.client.get("/tracker/claims.json?_search=%22unclosed&_searchmode=raw")
    assert response.status_code == 400
    assert response.json()["error"] == "unterminated string"
