"""Which copy of an article a run keeps: the rule `tracker ingest` follows, applied to a whole run as a batch.

An article's identity is its URL when it has one, else its id (title, date and source: `store.rows.identity`).
Ingest meets the copies of one identity in input order: the first is stored under its own id; a later copy
whose content hash is the one stored is skipped ("unchanged": none of its rows is written, not even its
speakers); a later copy with another hash is re-parsed in place ("updated"): the stored article's claims and
quotes are deleted and the copy's rows are written under the *stored* id (a copy under the same URL with a
changed headline keeps the first copy's id). The claims deleted that way had been grouped and compared while
they were stored: the groups they started or joined keep their ids and stay merged, and conflicts other
claims found with them are deleted with them (a claim's cap of five had counted them).

Here, each article copy gets a *fate* when its identity has several copies in the run: `dropped` (skipped as
unchanged), `replaces` (an update of the stored copy), `dies` (the input order of the copy that replaces it:
its claims are stored, grouped and compared until then) and `stored_id` (the id its rows go under). Copies of
identities seen once have no fate row. `step_identities` and `step_fates` compute them with a shuffle by
identity (no article is collected on the driver); `apply` gives a table of a claim partition with its fates
applied (dropped copies' rows gone, ids re-keyed, a `dies` column); `tracker load` replays the same fates.
"""

from __future__ import annotations

import zlib

import pyarrow as pa
import pyarrow.compute as pc

from . import shuffle, tables
from .chunk import CLAIM_BITS

IDENTITY = pa.schema([("key", pa.string()), ("ord", pa.int64()), ("id", pa.string()), ("hash", pa.string())])
FATE = pa.schema(
    [
        ("ord", pa.int64()),  # the copy's (an article's) input order
        ("stored_id", pa.string()),
        ("dropped", pa.bool_()),
        ("replaces", pa.bool_()),
        ("dies", pa.int64()),  # null: the copy is the one kept at the end
    ]
)
TABLE = "article_fates"
ID_COLUMNS = ("id", "article_id", "claim_id", "quote_id")


def identity_key(aid: str, url: str | None) -> str:
    """What makes two records of a run the same article (`store.ingest._keys`, `store.db.status_of`)."""
    return "url\x1f" + url if url else "id\x1f" + aid


def settle(copies: list[dict]) -> list[dict]:
    """The fates of one identity's copies (dicts with ord, id, hash), by ingest's rule (module docstring)."""
    copies = sorted(copies, key=lambda c: c["ord"])
    stored_id, stored_hash = copies[0]["id"], copies[0]["hash"]
    fates = [{"ord": copies[0]["ord"], "stored_id": stored_id, "dropped": False, "replaces": False, "dies": None}]
    kept = fates[0]
    for c in copies[1:]:
        if c["hash"] == stored_hash:
            fates.append({"ord": c["ord"], "stored_id": stored_id, "dropped": True, "replaces": False, "dies": None})
            continue
        kept["dies"] = c["ord"]
        kept = {"ord": c["ord"], "stored_id": stored_id, "dropped": False, "replaces": True, "dies": None}
        fates.append(kept)
        stored_hash = c["hash"]
    return fates


def _bucket(key: str, buckets: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % buckets


def step_identities(job) -> int:
    """A claim partition's articles (identity, order, id, hash) to identity buckets."""
    layout, q = job
    arts = layout.read_table("articles", q, ["id", "url", "content_hash", "ord"]).to_pylist()
    out: dict[int, list[dict]] = {}
    for a in arts:
        key = identity_key(a["id"], a["url"])
        out.setdefault(_bucket(key, layout.buckets), []).append(
            {"key": key, "ord": a["ord"], "id": a["id"], "hash": a["content_hash"]}
        )
    return shuffle.send(layout.run, "identities", q, out, IDENTITY)


def step_fates(job) -> int:
    """Fates of the bucket's identities seen more than once, sent to their copies' partitions; returns how many
    copies are not simply kept (dropped, or replaced later)."""
    layout, b = job
    ids = shuffle.receive_table(layout.run, "identities", b, IDENTITY)
    if not len(ids):
        return 0
    counts = ids.group_by("key").aggregate([("ord", "count")])
    repeated = counts.filter(pc.greater(counts["ord_count"], 1))["key"]
    if not len(repeated):
        return 0
    by_key: dict[str, list[dict]] = {}
    for r in ids.filter(pc.is_in(ids["key"], repeated)).to_pylist():
        by_key.setdefault(r["key"], []).append(r)
    out: dict[int, list[dict]] = {}
    changed = 0
    for copies in by_key.values():
        for f in settle(copies):
            changed += f["dropped"] or f["dies"] is not None
            out.setdefault(layout.part_of(f["ord"]), []).append(f)
    shuffle.send(layout.run, "fates", b, out, FATE)
    return changed


def received(layout, q: int) -> dict[int, dict]:
    """The fates of partition q's articles, by the article's input order."""
    return {f["ord"]: f for f in shuffle.receive(layout.run, "fates", q)}


def rekey(row: dict, own: str, stored: str) -> None:
    """Put a row of an article stored as `own` under `stored`: the article's id and every id made from it
    (`<article id>-<n>`)."""
    prefix = own + "-"
    for col in ID_COLUMNS:
        v = row.get(col)
        if v == own:
            row[col] = stored
        elif v is not None and v.startswith(prefix):
            row[col] = stored + v[len(own) :]


def own_id(row: dict) -> str:
    """The id of the article a row came from (its `article_id`, or its `id` in the articles table)."""
    return row["article_id"] if "article_id" in row else row["id"]


def article_ord(ord_: int) -> int:
    """The input order of the article a row's `ord` (an article's or a claim's) belongs to."""
    return (ord_ >> CLAIM_BITS) << CLAIM_BITS


def alive(dies: int | None, at: int) -> bool:
    """Whether a claim that dies at `dies` (None: never) is still stored when input order `at` comes."""
    return dies is None or dies > at


def apply(table: pa.Table, fates: dict[int, dict]) -> pa.Table:
    """`table` (with `ord`) with the fates applied: dropped copies' rows gone, replacing copies' ids re-keyed,
    and a `dies` column (null for rows kept to the end). Runs with no repeated article pay one column."""
    schema = table.schema.append(pa.field("dies", pa.int64()))
    if fates and len(table):
        arts = pc.shift_left(pc.shift_right(table["ord"], CLAIM_BITS), CLAIM_BITS)
        if pc.any(pc.is_in(arts, pa.array(list(fates), pa.int64()))).as_py():
            out = []
            for r in table.to_pylist():
                f = fates.get(article_ord(r["ord"]))
                if f is not None and f["dropped"]:
                    continue
                r["dies"] = None if f is None else f["dies"]
                if f is not None and f["replaces"] and ("article_id" in r or "url" in r):
                    rekey(r, own_id(r), f["stored_id"])
                out.append(r)
            return pa.Table.from_pylist(out, schema=schema)
    return table.append_column("dies", pa.nulls(len(table), pa.int64()))


def write(layout, q: int, fates: dict[int, dict]) -> None:
    """Partition q's fates as a part of the run's `article_fates` table (what `tracker load` replays)."""
    rows = sorted(fates.values(), key=lambda f: f["ord"])
    tables.write_part(layout.run, TABLE, q, pa.Table.from_pylist(rows, schema=FATE))


def read_all(run: str) -> dict[int, dict] | None:
    """Every fate of the run by article order; None when `tracker group` has not settled them."""
    names = tables.parts(run, TABLE)
    if not names:
        return None
    return {f["ord"]: f for p in names for f in tables.read_part(run, p).to_pylist()}
