"""Cheaper SQL for two things Datasette 1.0a41 asks of a large database, with the same answers.

Datasette writes its table pages' SQL itself and has no hook to shape it, so the plugin wraps the tracker
database's `execute` at startup (as it does the table counts) and rewrites two shapes before they run:

- **Counts.** A table page counts its rows as `select count(*) from (select * FROM ... limit 10001)`. The
  `select *` makes SQLite compute every column of every counted row: for the claim_conflicts_side_by_side
  view, whose columns are lookups of both claims, articles, speakers and groups, that was 18 index searches a
  row and 3 s of CPU at 100,000 articles, for a number that needs none of them. `select 1` counts the same
  rows and lets SQLite read an index instead of the table.
- **A full-text search sorted by an indexed column** (`... where rowid in (select rowid from claims_fts where
  claims_fts match ...) order by score desc limit 51`). SQLite cannot know how many rows match, so it looks
  every match up and sorts them all: 67,796 claims for "government", 0.4 s, only to show 51. When a search
  matches many rows, walking the sort column's index and keeping the rows that match stops after the first
  page; `+rowid in (...)` (the same condition) keeps SQLite from looking the matches up by rowid. It is used
  only when the search matches at least SEARCH_MANY rows (with few matches the look-ups are the cheaper way)
  and only when SQLite's plan for it then walks an index with no sort. Rows of equal sort value then come
  newest-stored first, as on the same table page without a search.
- **The count of a plain search** (`select count(*) from (select 1 from claims where rowid in (select rowid
  from claims_fts where claims_fts match ...) limit 10001)`, no other filter) counts the full-text index's
  matches alone: every entry there is a row of the table (the triggers keep them equal), and looking 10,001
  claims up only to count them cost 50-85 ms on every view of a common word's search, 10 ms without.
- **The kind facet of a claims search** counts from `claim_kinds` (rowid, kind; tracker.store.facet_tables)
  instead of looking every match up in the claims table: 67,796 matches for "government" at 100,000
  articles, 0.11-0.26 s of CPU and 0.4-0.7 s of wall time when those pages of the 6 GB file were not in
  memory, now 0.05 s, on the first view of each search (the facet memo keeps it after). Only for a search
  with no other filter, and only when the table is there.
"""

from __future__ import annotations

import re
import sqlite3

from datasette.database import QueryInterrupted

from tracker.web.memo import file_state

# At this many matches, a walk down the sort index finds a page of 51 matches within about 55,000 index
# entries of the 2.8 million claims at 100,000 articles (a few ms); fewer matches are cheaper to look up.
SEARCH_MANY = 2000
# A count or a facet of a search reads every match. Looking a match up by rowid costs 12-28 times as much as
# stepping over one index entry when the table's pages are in memory (measured on the articles and claims at
# 100,000 articles) and far more when they are not, so reading a whole covering index and keeping the matches
# is the cheaper way once the table has at most WALK_RATIO rows per match: the facets of the 3,401 articles
# that mention "storm" (of 100,000: 0.16 s -> 0.02 s each), not of the 67,796 claims (of 2.8 million) that
# mention "government".
WALK_RATIO = 30
_SIZES_KEPT = 512  # (table, search) sizes remembered: they only choose a plan, so a stale one costs time, not rows

COUNT = re.compile(r"select count\(\*\) from \(select \* (from .+) limit (\d+)\)", re.S)
SEARCH = re.compile(
    r"(?<![.+\w])rowid in \(select rowid from (?P<fts>\[[^\]]+\]|\w+) where (?P=fts) match "
    r"(?P<match>escape_fts\(:search\)|:search)\)"
)
FROM = re.compile(r"\bfrom (\[[^\]]+\]|\w+) where ", re.I)
ORDERED = re.compile(r"\sorder by [^()]+ limit \d+\s*$", re.I)
GROUPED = re.compile(r"\sgroup by\s", re.I)
# Datasette's count of a search with no other filter (after count_sql), and its facet of a column over one.
SEARCH_COUNT = re.compile(
    r"select count\(\*\) from \(select 1 from (?P<table>\[[^\]]+\]|\w+) where rowid in \(select rowid from "
    r"(?P<fts>\[[^\]]+\]|\w+) where (?P=fts) match (?P<match>escape_fts\(:search\)|:search)\)\s+limit (?P<limit>\d+)\)"
)
SEARCH_FACET = re.compile(
    r"\s*select (?P<col>\w+) as value, count\(\*\) as count from \(\s*select [^()]+ from (?P<table>\[[^\]]+\]|\w+) "
    r"where rowid in \(select rowid from (?P<fts>\[[^\]]+\]|\w+) where (?P=fts) match "
    r"(?P<match>escape_fts\(:search\)|:search)\)\s*\)\s+where (?P=col) is not null\s+group by (?P=col) "
    r"order by count desc, value limit (?P<limit>\d+)\s*",
    re.S,
)
# (table, column) -> the narrow table keyed by the table's rowid that a facet of a search reads instead.
NARROW = {("claims", "kind"): "claim_kinds"}
TABLE_SCAN = re.compile(r"SCAN [\w\[\]\"]+")  # a whole table read row by row (not an index, subquery or FTS)


def count_sql(sql: str) -> str | None:
    """Datasette's row count with `select 1` for `select *`; None for any other SQL."""
    m = COUNT.fullmatch(sql)
    return f"select count(*) from (select 1 {m[1]} limit {m[2]})" if m else None


def walks_index(plan: list[str]) -> bool:
    """True when a query plan reads its table through an index with no sort of its own."""
    return not any("TEMP B-TREE FOR ORDER BY" in step or TABLE_SCAN.fullmatch(step) for step in plan)


def reads_index_only(plan: list[str], table: str) -> bool:
    """True when a query plan reads `table` from a covering index alone (never a row of the table)."""
    name = table.strip("[]")
    steps = [step for step in plan if re.match(rf"(SCAN|SEARCH) {re.escape(name)}\b", step)]
    return bool(steps) and all("USING COVERING INDEX" in step for step in steps)


class Sizes:
    """How many rows a table has (its largest rowid: tables here are appended to) and how many of them a
    search matches, counted up to what the choice needs; remembered for the next query of the same page."""

    def __init__(self, state=lambda: None):
        self.kept: dict[tuple, tuple[int, int]] = {}
        self.state = state  # what changes with every write to the database (memo.file_state)
        self.narrow: tuple = (object(), set())

    async def narrow_tables(self, execute) -> set[str]:
        """Which of the NARROW tables the database has, looked for again after any write (a bulk load drops
        claim_kinds while it runs)."""
        state = self.state()
        if state is None or self.narrow[0] != state:
            names = ", ".join(f"'{t}'" for t in sorted(set(NARROW.values())))
            rows = (await execute(f"select name from sqlite_master where type = 'table' and name in ({names})")).rows
            self.narrow = (state, {r[0] for r in rows})
        return self.narrow[1]

    async def of(self, execute, table: str, fts: str, match: str, search) -> tuple[int, int]:
        key = (table, fts, match, search)
        if key not in self.kept:
            rows = (await execute(f"select coalesce(max(rowid), 0) from {table}", log_sql_errors=False)).rows[0][0]
            cap = max(SEARCH_MANY, rows // WALK_RATIO + 1)
            probe = f"select count(*) from (select 1 from {fts} where {fts} match {match} limit {cap})"
            matches = (await execute(probe, {"search": search}, log_sql_errors=False)).rows[0][0]
            if len(self.kept) >= _SIZES_KEPT:
                self.kept.clear()
            self.kept[key] = (rows, matches)
        return self.kept[key]


def search_count_sql(sql: str) -> str | None:
    """A plain search's count read from the full-text index alone; None for any other SQL."""
    m = SEARCH_COUNT.fullmatch(sql)
    if m is None:
        return None
    return f"select count(*) from (select 1 from {m['fts']} where {m['fts']} match {m['match']} limit {m['limit']})"


def search_facet_sql(sql: str, tables: set[str]) -> str | None:
    """A plain search's facet counted from the column's narrow table (when `tables` has it); else None."""
    m = SEARCH_FACET.fullmatch(sql)
    if m is None:
        return None
    narrow = NARROW.get((m["table"].strip("[]"), m["col"]))
    if narrow is None or narrow not in tables:
        return None
    fts, col = m["fts"], m["col"]
    return (
        f"select n.{col} as value, count(*) as count from {fts} join [{narrow}] n on n.id = {fts}.rowid "
        f"where {fts} match {m['match']} and n.{col} is not null group by n.{col} "
        f"order by count desc, value limit {m['limit']}"
    )


async def rewrite(execute, sql: str, params, sizes: Sizes) -> str:
    """The SQL to run instead of `sql` (itself when nothing applies). `execute` runs the look-ups it needs."""
    sql = count_sql(sql) or sql
    plain = search_count_sql(sql)
    if plain is None and SEARCH_FACET.fullmatch(sql):
        plain = search_facet_sql(sql, await sizes.narrow_tables(execute))
    if plain is not None:
        return plain
    m = SEARCH.search(sql)
    if m is None or not isinstance(params, dict) or "search" not in params:
        return sql
    tables = FROM.findall(sql, 0, m.start())
    if not tables:
        return sql
    table = tables[-1]
    ordered = bool(ORDERED.search(sql)) and not GROUPED.search(sql)
    walked = sql[: m.start()] + "+" + sql[m.start() :]
    try:
        rows, matches = await sizes.of(execute, table, m["fts"], m["match"], params["search"])
        if (matches < SEARCH_MANY) if ordered else (rows > WALK_RATIO * matches):
            return sql
        plan = [r["detail"] for r in (await execute("explain query plan " + walked, params, log_sql_errors=False)).rows]
    except (sqlite3.Error, QueryInterrupted):
        return sql  # an FTS syntax error and the like: Datasette runs its own SQL and reports it
    return walked if (walks_index(plan) if ordered else reads_index_only(plan, table)) else sql


def install(db) -> None:
    """Route the database's `execute` through `rewrite` (once per Database object)."""
    if getattr(db, "_tracker_plans", False):
        return
    original = db.execute
    path = None if db.is_memory or not db.path else db.path
    sizes = Sizes(lambda: file_state(path) if path else None)

    async def execute(sql, params=None, *args, **kwargs):
        return await original(await rewrite(original, sql, params, sizes), params, *args, **kwargs)

    db.execute = execute
    db._tracker_plans = True
