"""The per-chunk work, engine-agnostic: a chunk's records in, its rows per table out.

`chunk_rows` is a pure function of its input (no database, no clock beyond the write times every run differs
in, no engine): the same records give the same rows, so a failed chunk is simply run again, and a Spark user
can call it from `mapPartitions` as Dask does here. The rows are those `tracker ingest` stores (built by the
same `rows_for`), plus each row's input order (`ord`: chunk, article, and claim for claims) and the per-claim inputs of the
batch grouping: `claim_keys` (one row per claim and group key) and `claim_subjects` (one row per claim and
conflict subject key, with what the conflict rule reads of the claim).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tracker.parse import clean_record, extract_article
from tracker.read.formats import (
    ReadError,
    Record,
    _json_loads,
    _record_or_error,
    _records_from_text,
    decode_text,
    read_path,
    sniff_format,
)
from tracker.store.conflicts import by_unit
from tracker.store.rows import STORED_TABLES, article_key, content_hash, rows_for

from .sources import Chunk, is_url, open_input, range_lines

ARTICLE_BITS = 24  # articles per chunk < 16 M
CLAIM_BITS = 16  # claims per article < 65,536
STORED = STORED_TABLES
GROUPING_INPUTS = ("claim_keys", "claim_subjects")


def order(chunk_no: int, article: int, claim: int = 0) -> int:
    """A row's place in the input as one integer: chunks in input order, articles and claims within them."""
    return (chunk_no << (ARTICLE_BITS + CLAIM_BITS)) | (article << CLAIM_BITS) | claim


def read_chunk(chunk: Chunk) -> Iterator[Record | ReadError]:
    """The chunk's records as `tracker ingest` reads them (same `file:line` names), or a ReadError each."""
    try:
        if chunk.end is not None:  # split: the lines that start in its byte range
            with open_input(chunk.path) as f:
                for i, line in enumerate(range_lines(f, chunk.start, chunk.end)):
                    yield from _jsonl_record(line, i == 0 and chunk.start == 0, f"{chunk.path}:{chunk.first_line + i}")
        elif is_url(chunk.path):
            with open_input(chunk.path) as f:
                text, codec = decode_text(f.read(), chunk.path)
            for item in _records_from_text(text, chunk.path, sniff_format(chunk.path, text)):
                if isinstance(item, Record):
                    item.encoding = codec
                yield item
        else:
            yield from read_path(chunk.path)
    except ReadError as e:
        yield e
    except OSError as e:
        yield ReadError(chunk.path, e.strerror or str(e))


def _jsonl_record(line: bytes, first: bool, where: str) -> Iterator[Record | ReadError]:
    """One JSON Lines record, as `tracker.read.formats` reads it within a whole file (blank lines skipped)."""
    text = line.decode("utf-8-sig" if first else "utf-8", errors="replace")
    if not text.strip():
        return
    try:
        data = _json_loads(text, where)
    except ReadError as e:
        yield e
        return
    yield _record_or_error(data, where, "jsonl")


def chunk_rows(
    records: Iterable[Record | ReadError], chunk_no: int, raw: bool = False, path: str | None = None
) -> dict[str, list[dict]]:
    """Rows per table for one chunk's records (see the module's docstring). A record that cannot be read,
    cleaned or extracted goes to `errors` (costing that record only, as in ingest); `path` names the file."""
    out: dict[str, list[dict]] = {t: [] for t in (*STORED, *GROUPING_INPUTS, "errors")}
    n = 0
    for item in records:
        try:
            if isinstance(item, ReadError):
                raise item
            parsed = extract_article(clean_record(item, raw, path), path)
        except ReadError as e:
            out["errors"].append({"chunk": chunk_no, "where": e.where, "reason": e.reason, "stage": e.stage})
            continue
        article = parsed.article
        rows = rows_for(parsed, article_key(article), content_hash(article))
        _add_article(out, rows, order(chunk_no, n))
        n += 1
    return out


def _add_article(out: dict[str, list[dict]], rows: dict, article_ord: int) -> None:
    for table in STORED:  # every row knows its article's place (claims their own): load replays by it
        for r in rows[table]:
            r["ord"] = article_ord
        out[table].extend(rows[table])
    claims = rows["claims"]
    ents: dict[str, list[str]] = {}
    for ce in rows["claim_entities"]:
        ents.setdefault(ce["claim_id"], []).append(ce["entity_id"])
    for i, c in enumerate(claims):
        ord_ = c["ord"] = article_ord | i
        cid = c["id"]
        keys = rows["claim_keys"].get(cid) or []
        for k in sorted({k for k, _how in keys}):
            how = next(h for kk, h in keys if kk == k)
            out["claim_keys"].append(
                {
                    "key": k,
                    "ord": ord_,
                    "claim_id": cid,
                    "article_id": c["article_id"],
                    "published": c["published"],
                    "how": how,
                }
            )
        subject = rows["claim_subjects"].get(cid)
        if not subject:
            continue
        keys, frame = subject
        figures = by_unit(keys)
        claim_ents = sorted(set(ents.get(cid, ())))
        done = set()
        for k, unit, _value in keys:
            if k in done:
                continue
            done.add(k)
            out["claim_subjects"].append(
                {
                    "key": k,
                    "ord": ord_,
                    "claim_id": cid,
                    "article_id": c["article_id"],
                    "unit": unit,
                    "positions": [p for p, _v in figures[unit]],
                    "values": [v for _p, v in figures[unit]],
                    "entities": claim_ents,
                    "frame": sorted(frame),
                }
            )
