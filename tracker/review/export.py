"""Exports of the dataset: any table or view as CSV, JSON or JSON Lines, and fact checks as ClaimReview.

Datasette already serves CSV and JSON of every table; this is the same data from the command line, for
pipelines and archives that should not depend on a running server, plus schema.org ClaimReview JSON-LD so
verdicts can be shared with fact-check aggregators in the format they read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO
from urllib.parse import quote

import sqlite_utils

from tracker.review.annotations import EXTRACTION_WRONG

FORMATS = ("csv", "json", "jsonl", "claimreview")
DEFAULT_TABLE = "annotations"
DEFAULT_BASE_URL = "http://127.0.0.1:8001"


class ExportError(ValueError):
    """A refused export; the message is one line."""


def rows(
    db: sqlite_utils.Database, table: str = DEFAULT_TABLE, where: str | None = None, params: dict | None = None
) -> tuple[list[str], Iterator[dict]]:
    """Column names and rows of a table or view, optionally filtered by a SQL `where` clause."""
    if table not in db.table_names() and table not in db.view_names():
        raise ExportError(f"no table or view {table!r} (try one of: {', '.join(exportable(db))})")
    sql = f"select * from [{table}]" + (f" where {where}" if where else "")
    try:
        cursor = db.execute(sql, params or {})
    except Exception as e:  # sqlite3 errors from a user's --where
        raise ExportError(f"--where {where!r}: {e}") from None
    columns = [d[0] for d in cursor.description]
    return columns, (dict(zip(columns, r)) for r in cursor)


def exportable(db: sqlite_utils.Database) -> list[str]:
    """The tables and views a person would export: not the full-text indexes' own tables nor the bookkeeping
    ones whose names start with "_" (which Datasette hides too)."""
    names = db.table_names()
    fts = {t for t in names if (db.table(t).virtual_table_using or "").upper().startswith("FTS")}
    shadows = {f"{f}_{part}" for f in fts for part in _FTS_SHADOWS}
    return [t for t in names + db.view_names() if not t.startswith("_") and t not in fts and t not in shadows]


# The tables SQLite keeps for a full-text index named t: t_data, t_idx, ... (FTS5 and FTS3/4).
_FTS_SHADOWS = ("data", "idx", "docsize", "config", "content", "segments", "segdir", "stat")


def _person_or_org(name: str | None, kind: str | None) -> dict | None:
    if not name:
        return None
    return {"@type": "Person" if kind in (None, "person", "anonymous") else "Organization", "name": name}


def claim_reviews(
    db: sqlite_utils.Database,
    base_url: str = DEFAULT_BASE_URL,
    where: str | None = None,
    params: dict | None = None,
    database: str = "tracker",
) -> list[dict]:
    """One ClaimReview per claim with a current verdict that rates it (not "extraction wrong"), orphaned
    ones included: the review stands even if the parser no longer finds the claim.

    The claim's author is its speaker, else (a claim in the writer's own voice) the byline or the outlet.
    """
    sql = (
        """
        select v.target_id, v.article_id, v.target_text, v.verdict, v.note, v.sources, v.annotator, v.annotated_at, v.orphaned,
               a.title, a.url, a.published, a.source, a.byline, s.name as speaker, s.kind as speaker_kind
        from current_verdicts v
        left join articles a on a.id = v.article_id
        left join claims c on c.id = v.target_id
        left join speakers s on s.id = c.speaker_id
        where v.target_type = 'claim' and v.verdict is not null and v.verdict <> :extraction_wrong
    """
        + (f" and ({where})" if where else "")
        + " order by v.annotated_at, v.target_id"
    )
    try:
        found = list(db.query(sql, {"extraction_wrong": EXTRACTION_WRONG, **(params or {})}))
    except Exception as e:
        raise ExportError(f"--where {where!r}: {e}") from None
    base = base_url.rstrip("/")
    out = []
    for r in found:
        author = (
            _person_or_org(r["speaker"], r["speaker_kind"])
            or _person_or_org(r["byline"], "person")
            or _person_or_org(r["source"], "organisation")
        )
        item = {"@type": "Claim", "datePublished": r["published"]}
        if author:
            item["author"] = author
        # Where the claim appeared: the article's own URL, else its page on the Datasette site.
        appearance = r["url"] or f"{base}/{database}/articles/{quote(r['article_id'] or '', safe='')}"
        item["appearance"] = {"@type": "CreativeWork", "url": appearance, "headline": r["title"]}
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}/{database}/claims/{quote(r['target_id'], safe='')}",
            "claimReviewed": r["target_text"],
            "itemReviewed": item,
            "author": {"@type": "Person", "name": r["annotator"]},
            "reviewRating": {"@type": "Rating", "alternateName": r["verdict"]},
            "datePublished": (r["annotated_at"] or "")[:10],
        }
        if r["note"]:
            review["reviewRating"]["ratingExplanation"] = r["note"]
        sources = json.loads(r["sources"]) if r["sources"] else []
        if sources:
            review["isBasedOn"] = sources
        out.append(review)
    return out


def write_rows(columns: list[str], items: Iterable[dict], fmt: str, fp: IO[str]) -> int:
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(fp, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in items:
            w.writerow(r)
            n += 1
    elif fmt == "jsonl":
        for r in items:
            fp.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "json":
        items = list(items)
        json.dump(items, fp, ensure_ascii=False, indent=2)
        fp.write("\n")
        n = len(items)
    else:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return n


def export(
    db: sqlite_utils.Database,
    fmt: str,
    fp: IO[str],
    table: str | None = None,
    where: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
) -> int:
    """Write `table` (default: annotations) or the ClaimReviews to `fp`; returns how many records."""
    if fmt == "claimreview":
        if table:
            raise ExportError("--table does not apply to claimreview (it always exports annotated claims)")
        reviews = claim_reviews(db, base_url=base_url, where=where)
        json.dump(reviews, fp, ensure_ascii=False, indent=2)
        fp.write("\n")
        return len(reviews)
    columns, items = rows(db, table or DEFAULT_TABLE, where)
    return write_rows(columns, items, fmt, fp)


def export_string(db: sqlite_utils.Database, fmt: str, **kwargs) -> str:
    buf = io.StringIO()
    export(db, fmt, buf, **kwargs)
    return buf.getvalue()
