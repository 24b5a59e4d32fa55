"""The run's Parquet tables: their Arrow schemas and how parts are written and read (locally or through fsspec).

The stored tables take their columns and types from the project's SQLite schema (`tracker.store.db`), so the
Parquet run and a database loaded from it cannot disagree on a column; `ord` (input order: the article's, or
the claim's for claims) is added to each, for the batch steps and for load's replay of repeated articles. A table is a folder of parts, `RUN/<table>/part-<n>.parquet`, one per chunk or bucket:
writing a part again replaces it whole.
"""

from __future__ import annotations

import functools

import pyarrow as pa
import pyarrow.parquet as pq

from .sources import filesystem

_TYPES = {"TEXT": pa.string(), "INTEGER": pa.int64(), "FLOAT": pa.float64(), "REAL": pa.float64()}
# autoincrement ids that only the database assigns (in load, in input order)
_DB_ONLY = {"quantities": {"id"}, "claim_dates": {"id"}}

GROUPING = {
    "claim_keys": pa.schema(
        [
            ("key", pa.int64()),
            ("ord", pa.int64()),
            ("claim_id", pa.string()),
            ("article_id", pa.string()),
            ("published", pa.string()),
            ("how", pa.string()),
        ]
    ),
    "claim_subjects": pa.schema(
        [
            ("key", pa.int64()),
            ("ord", pa.int64()),
            ("claim_id", pa.string()),
            ("article_id", pa.string()),
            ("unit", pa.string()),
            ("positions", pa.list_(pa.int32())),
            ("values", pa.list_(pa.float64())),
            ("entities", pa.list_(pa.string())),
            ("frame", pa.list_(pa.string())),
        ]
    ),
    "errors": pa.schema(
        [("chunk", pa.int64()), ("where", pa.string()), ("reason", pa.string()), ("stage", pa.string())]
    ),
}
_CONFLICTS = pa.schema(
    [
        ("claim_id", pa.string()),
        ("other_claim_id", pa.string()),
        ("unit", pa.string()),
        ("value", pa.float64()),
        ("other_value", pa.float64()),
        ("shared_entities", pa.int64()),
        ("wording_overlap", pa.float64()),
        ("ord", pa.int64()),  # the later claim's
        ("other_ord", pa.int64()),  # the earlier claim's
    ]
)

GROUPED = {
    "claim_group_members": pa.schema(
        [
            ("claim_id", pa.string()),
            ("group_id", pa.int64()),
            ("article_id", pa.string()),
            ("published", pa.string()),
            ("match", pa.string()),
            ("keys", pa.string()),
            ("ord", pa.int64()),
        ]
    ),
    "claim_conflicts": _CONFLICTS,
    # conflicts found with a claim of an article a later copy replaced (tracker.dist.fates): ingest stored them
    # and deleted them with the claim, at the replacing copy's input order (`gone`); kept apart, only so that
    # load numbers the conflicts as ingest does
    "claim_conflicts_removed": _CONFLICTS.append(pa.field("gone", pa.int64())),
    "claim_groups": pa.schema(
        [
            ("id", pa.int64()),
            ("first_claim_id", pa.string()),
            ("appearances", pa.int64()),
            ("articles", pa.int64()),
            ("first_published", pa.string()),
            ("last_published", pa.string()),
        ]
    ),
}


@functools.cache
def stored_schema(table: str) -> pa.Schema:
    """A stored table's Arrow schema, from the project's SQLite schema."""
    from tracker.store.db import connect

    db = connect(":memory:")
    fields = [
        (name, _TYPES[type_.upper()])
        for _cid, name, type_, *_ in db.execute(f"pragma table_info([{table}])").fetchall()
        if name not in _DB_ONLY.get(table, ())
    ]
    fields.append(("ord", pa.int64()))  # every stored table: its article's input order (a claim's own)
    return pa.schema(fields)


def schema(table: str) -> pa.Schema:
    return GROUPING.get(table) or GROUPED.get(table) or stored_schema(table)


def part_path(run: str, table: str, n: int) -> str:
    return f"{run.rstrip('/')}/{table}/part-{n:06d}.parquet"


def write_part(run: str, table: str, n: int, rows: list[dict] | pa.Table) -> int:
    """Write one part (replacing it); returns its size in bytes."""
    t = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=schema(table))
    fs, path = filesystem(part_path(run, table, n))
    fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    with fs.open(path, "wb") as f:
        pq.write_table(t, f, compression="zstd")
    return fs.size(path)


def parts(run: str, table: str) -> list[str]:
    """The table's part files in part order."""
    fs, path = filesystem(f"{run.rstrip('/')}/{table}")
    if not fs.exists(path):
        return []
    return sorted(p for p in fs.ls(path, detail=False) if p.endswith(".parquet"))


def read_part(run: str, path: str, columns: list[str] | None = None) -> pa.Table:
    fs, _ = filesystem(run)
    with fs.open(path, "rb") as f:
        return pq.read_table(f, columns=columns)


def clear(run: str, table: str) -> None:
    """Remove a table's parts (a rerun with fewer chunks must not leave old parts behind)."""
    fs, path = filesystem(f"{run.rstrip('/')}/{table}")
    if fs.exists(path):
        fs.rm(path, recursive=True)


RULES_NOTE = "grouping_rules_version"  # the grouping rules (claim keys) a run was extracted under


def write_note(run: str, name: str, text: str) -> None:
    """A small text file in the run folder saying how its rows were made (e.g. the grouping rules version)."""
    fs, path = filesystem(f"{run.rstrip('/')}/{name}")
    fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    with fs.open(path, "w") as f:
        f.write(text)


def read_note(run: str, name: str) -> str | None:
    """The note `name` of the run, or None for a run made before it was written."""
    fs, path = filesystem(f"{run.rstrip('/')}/{name}")
    if not fs.exists(path):
        return None
    with fs.open(path, "r") as f:
        return f.read().strip()
