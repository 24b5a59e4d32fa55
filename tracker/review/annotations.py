"""Annotations: reviewers' verdicts, notes and sources on claims and quotes.

Every write path (the Datasette form, scripts using the JSON API, `tracker annotate`, `tracker annotations
import`) runs the same INSERT, `ANNOTATE_SQL`, which is also the `annotate` stored query in datasette.yaml
(a test keeps the two identical). It takes the annotator from `:_actor_id`, which Datasette fills from the
logged-in actor and a client cannot supply, and looks up the target's type, article and text itself, so an
annotation records what it was made on even after the claim is gone. The rules live in the database, as
triggers, so that no path (not even Datasette's root user with the row API) can store an invalid verdict or
edit or delete an annotation: an edit is a new row, and the newest row is the current verdict.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import sqlite_utils

from tracker.store.annotation_rules import (  # noqa: F401  (re-exported: the review API's vocabulary)
    APPEND_ONLY,
    CLAIM_VERDICTS,
    EXTRACTION_WRONG,
    QUOTE_VERDICTS,
    TRIGGERS,
    VERDICTS,
    VIEWS,
    WRONG,
    ensure_annotation_schema,
)

# The stored query `annotate` in datasette.yaml is this text, byte for byte. Blank form fields arrive as ''
# and become NULL. Sources arrive as URLs separated by new lines or spaces (the form's text area) or as a
# JSON list, and are stored as a JSON list. Plain SQL only: Datasette 1.0a41 checks a stored query on a
# connection that has no plugin functions, so a custom SQL function here would fail.
ANNOTATE_SQL = """with recursive
  raw(s) as (
    select replace(replace(replace(trim(:sources), char(13), char(10)), char(9), char(10)), ' ', char(10)) || char(10)
  ),
  split(url, rest) as (
    select '', s from raw
    union all
    select substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
    from split where rest <> ''
  )
insert into annotations
  (target_type, target_id, article_id, target_text, verdict, wrong, note, sources, annotator, created_at)
select
  case when c.id is not null then 'claim' when q.id is not null then 'quote' end,
  t.id, coalesce(c.article_id, q.article_id), coalesce(c.text, q.text),
  lower(nullif(trim(:verdict), '')), lower(nullif(trim(:wrong), '')), nullif(trim(:note), ''),
  case when json_valid(trim(:sources)) and json_type(trim(:sources)) = 'array'
       then nullif(json(trim(:sources)), '[]')
       else (select nullif(json_group_array(url), '[]') from split where url <> '') end,
  nullif(trim(:_actor_id), ''), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
from (select trim(:target_id) as id) t
left join claims c on c.id = t.id
left join quotes q on q.id = t.id"""

QUERY_NAME = "annotate"
# What a client of the stored query supplies (`_actor_id` is Datasette's, from the actor).
QUERY_PARAMS = ("target_id", "verdict", "wrong", "note", "sources")


def query_body(body: bytes) -> bytes:
    """The body of a POST to the annotate query, made bindable, so that a JSON API call is answered by the
    rules' own messages ("choose a verdict") instead of Datasette's: Datasette turns a JSON `null` into the
    text "None" and a list into its Python repr, and a parameter left out into a raw binding error. Here a
    null or missing parameter becomes blank (which the query stores as NULL), a list of sources JSON, and
    any other value text. A body Datasette would not read as JSON or a form is left as it is."""
    text = body.decode("utf-8", "replace").strip()
    if text.startswith("{") and text.endswith("}"):
        try:
            data = json.loads(text)
        except ValueError:
            return body
        if not isinstance(data, dict):
            return body
        for name in QUERY_PARAMS:
            value = data.get(name)
            if value is None:
                data[name] = ""
            elif isinstance(value, (list, dict)):
                data[name] = json.dumps(value)
        return json.dumps(data).encode("utf-8")
    from urllib.parse import parse_qsl, urlencode

    fields = parse_qsl(text, keep_blank_values=True)
    given = {k for k, _ in fields}
    missing = [(name, "") for name in QUERY_PARAMS if name not in given]
    return urlencode(fields + missing).encode("utf-8") if missing else body


class AnnotationError(ValueError):
    """A rejected annotation; the message is one line meant for the person who made it."""


def parse_sources(value) -> list[str]:
    """URLs from a form field (one per line, or separated by spaces or commas), a JSON list, or a list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        text = str(value).strip()
        if text.startswith("["):
            try:
                loaded = json.loads(text)
            except ValueError:
                loaded = None
            if isinstance(loaded, list):
                return [str(v).strip() for v in loaded if str(v).strip()]
        items = re.split(r"[\s,]+", text)
    return [i.strip() for i in items if i and i.strip()]


def normalise_verdict(verdict: str | None) -> str:
    """Accept `mostly-true`, `Mostly_True` and the like from the command line and files."""
    return re.sub(r"[\s_-]+", " ", (verdict or "").strip().lower())


@dataclass(frozen=True)
class Annotation:
    target_id: str
    verdict: str
    wrong: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    annotator: str | None = None


def check(target_id: str, verdict: str, wrong: str | None, sources: Iterable[str], annotator: str | None) -> None:
    """Refuse what the triggers would refuse, before touching the database, with the value that is wrong."""
    if not (target_id or "").strip():
        raise AnnotationError("give the id of a claim or quote")
    if not (annotator or "").strip():
        raise AnnotationError("an annotation needs an annotator: log in, or pass --by")
    if not verdict:
        raise AnnotationError("choose a verdict")
    if verdict not in CLAIM_VERDICTS:
        raise AnnotationError(f"unknown verdict {verdict!r}: choose one of {', '.join(CLAIM_VERDICTS)}")
    wrong = normalise_verdict(wrong) or None
    if verdict == EXTRACTION_WRONG and wrong not in WRONG:
        raise AnnotationError(f"say what is wrong with the extraction ({', '.join(WRONG)}), e.g. --wrong 'wrong span'")
    if verdict != EXTRACTION_WRONG and wrong:
        raise AnnotationError(f"--wrong is only for the verdict {EXTRACTION_WRONG!r}")
    for url in sources:
        if not re.match(r"https?://\S", url):
            raise AnnotationError(f"source {url!r} is not an http(s) URL")


def annotate(
    db: sqlite_utils.Database | sqlite3.Connection,
    target_id: str,
    verdict: str,
    wrong: str | None = None,
    note: str | None = None,
    sources: Iterable[str] | str = (),
    annotator: str | None = None,
    commit: bool = True,
) -> dict:
    """Append one annotation and return the stored row; raises `AnnotationError` with a one-line reason.

    Runs `ANNOTATE_SQL`, the statement behind the web form, with the annotator in `_actor_id`: there is one
    definition of what an annotation is, whichever way it arrives.
    """
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    verdict = normalise_verdict(verdict)
    urls = parse_sources(sources)
    check(target_id, verdict, wrong, urls, annotator)
    params = {
        "target_id": target_id,
        "verdict": verdict,
        "wrong": normalise_verdict(wrong),
        "note": note or "",
        "sources": json.dumps(urls) if urls else "",
        "_actor_id": annotator,
    }
    try:
        cursor = conn.execute(ANNOTATE_SQL, params)
        rowid = cursor.lastrowid
        if commit:
            conn.commit()
    except sqlite3.DatabaseError as e:
        if commit:
            conn.rollback()
        raise AnnotationError(f"{target_id}: {e}") from None
    cursor = conn.execute("select * from annotations where rowid = ?", [rowid])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone()))


def history(db: sqlite_utils.Database, target_type: str, target_id: str) -> list[dict]:
    """Every annotation of one claim or quote, newest first."""
    return list(
        db.query(
            "select * from annotations where target_type = ? and target_id = ? order by id desc",
            [target_type, target_id],
        )
    )


IMPORT_FIELDS = ("target_id", "verdict", "wrong", "note", "sources", "annotator")


def read_import(path: str) -> list[tuple[str, dict]]:
    """(where, record) pairs from a CSV (header row) or JSON Lines file; `claim_id`/`quote_id`/`id` name the
    target and `by` the annotator, so an export of `current_verdicts` can be re-imported."""
    import csv

    records: list[tuple[str, dict]] = []
    if path.endswith((".jsonl", ".ndjson", ".json")):
        with open(path, encoding="utf-8") as fp:
            text = fp.read()
        if path.endswith(".json") and text.lstrip().startswith("["):
            rows = json.loads(text)
            records = [(f"{path}:item {i}", r) for i, r in enumerate(rows, 1)]
        else:
            for n, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    records.append((f"{path}:{n}", json.loads(line)))
                except ValueError as e:
                    raise AnnotationError(f"{path}:{n}: not JSON ({e})") from None
    elif path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as fp:
            records = [(f"{path}:{n}", row) for n, row in enumerate(csv.DictReader(fp), 2)]
    else:
        raise AnnotationError(f"{path}: give a .csv or .jsonl file")
    out = []
    for where, r in records:
        if not isinstance(r, dict):
            raise AnnotationError(f"{where}: expected an object with target_id and verdict")
        rec = {
            "target_id": r.get("target_id") or r.get("claim_id") or r.get("quote_id") or r.get("id"),
            "verdict": r.get("verdict"),
            "wrong": r.get("wrong") or None,
            "note": r.get("note") or None,
            "sources": r.get("sources") or (),
            "annotator": r.get("annotator") or r.get("by"),
        }
        out.append((where, rec))
    return out


def import_file(
    db: sqlite_utils.Database, path: str, annotator: str | None = None, accounts: Collection[str] | None = None
) -> int:
    """Append every annotation in `path` in one transaction: all of them, or (on the first bad line, named
    in the error) none. `annotator` fills rows that do not say who made them; with `accounts`, every
    annotator must be one of those names."""
    records = read_import(path)
    conn = db.conn
    if not conn.in_transaction:
        # Explicitly: sqlite3 opens a transaction by itself only before statements starting with INSERT and the
        # like, and ANNOTATE_SQL starts with WITH.
        conn.execute("begin")
    try:
        for where, rec in records:
            if annotator and not rec["annotator"]:
                rec["annotator"] = annotator
            if accounts is not None and rec["annotator"] and rec["annotator"] not in accounts:
                raise AnnotationError(f"{where}: {rec['annotator']!r} is not an account of this database")
            try:
                annotate(conn, commit=False, **rec)
            except AnnotationError as e:
                raise AnnotationError(f"{where}: {e}") from None
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return len(records)
