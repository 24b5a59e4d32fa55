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
from dataclasses import dataclass
from typing import Iterable

import sqlite_utils

VERDICTS = ("true", "mostly true", "half true", "misleading", "false", "unverifiable")
EXTRACTION_WRONG = "extraction wrong"
WRONG = ("not a claim", "wrong span", "wrong speaker")
CLAIM_VERDICTS = VERDICTS + (EXTRACTION_WRONG,)
# A quote is reported speech, not an assertion to rate: the only verdict on it is that the extraction is wrong.
QUOTE_VERDICTS = (EXTRACTION_WRONG,)

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


class AnnotationError(ValueError):
    """A rejected annotation; the message is one line meant for the person who made it."""


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _validate_trigger() -> str:
    def fail(message: str) -> str:
        return "select raise(abort, '{}')".format(message.replace("'", "''"))

    checks = [
        ("new.target_type is null", fail("no claim or quote has this id")),
        ("new.annotator is null", fail("an annotation needs an annotator: log in, or pass --by")),
        ("new.verdict is null", fail("choose a verdict")),
        (f"new.target_type = 'claim' and new.verdict not in ({_quoted(CLAIM_VERDICTS)})",
         fail(f"unknown verdict: a claim's verdict is one of {', '.join(CLAIM_VERDICTS)}")),
        (f"new.target_type = 'quote' and new.verdict not in ({_quoted(QUOTE_VERDICTS)})",
         fail(f"unknown verdict: a quote's only verdict is {EXTRACTION_WRONG}")),
        (f"new.verdict = '{EXTRACTION_WRONG}' and (new.wrong is null or new.wrong not in ({_quoted(WRONG)}))",
         fail(f"say what is wrong with the extraction: {', '.join(WRONG)}")),
        (f"new.verdict <> '{EXTRACTION_WRONG}' and new.wrong is not null",
         fail(f"'what is wrong' is only for the verdict {EXTRACTION_WRONG}")),
        ("new.sources is not null and (not json_valid(new.sources) or json_type(new.sources) <> 'array' or exists ("
         "select 1 from json_each(new.sources) where json_each.type <> 'text' or (json_each.value not like "
         "'http://_%' and json_each.value not like 'https://_%')))",
         fail("sources must be http(s) URLs")),
    ]
    body = "\n".join(f"  {action} where {cond};" for cond, action in checks)
    return f"CREATE TRIGGER annotations_validate before insert on annotations\nbegin\n{body}\nend"


APPEND_ONLY = "annotations are append-only: add a new annotation instead of changing or deleting one"

TRIGGERS = {
    "annotations_validate": _validate_trigger(),
    "annotations_no_update": "CREATE TRIGGER annotations_no_update before update on annotations\n"
                             f"begin select raise(abort, '{APPEND_ONLY}'); end",
    "annotations_no_delete": "CREATE TRIGGER annotations_no_delete before delete on annotations\n"
                             f"begin select raise(abort, '{APPEND_ONLY}'); end",
}


def _with_verdict_view(table: str, target_type: str) -> str:
    # Datasette facets and filters columns of what it shows, so the current verdict has to be a column:
    # the table joined to its latest annotation.
    return f"""CREATE VIEW {table}_with_verdict as
select t.*, a.verdict, a.wrong, a.note as verdict_note, a.annotator, a.created_at as annotated_at
from {table} t
left join annotations a on a.id = (
  select max(b.id) from annotations b where b.target_type = '{target_type}' and b.target_id = t.id
)"""


VIEWS = {
    "claims_with_verdict": _with_verdict_view("claims", "claim"),
    "quotes_with_verdict": _with_verdict_view("quotes", "quote"),
}


def ensure_annotation_schema(db: sqlite_utils.Database) -> None:
    """Add the annotation rules (triggers) and verdict views; safe to run on every open.

    A trigger or view whose definition changed (say, a new verdict) is replaced; nothing is rewritten
    when it is current, so opening a database stays read-only in the common case.
    """
    existing = {
        (row[0], row[1]): row[2]
        for row in db.execute("select type, name, sql from sqlite_master where type in ('trigger', 'view')")
    }
    wanted = [("trigger", n, s) for n, s in TRIGGERS.items()] + [("view", n, s) for n, s in VIEWS.items()]
    stale = [(kind, name, sql) for kind, name, sql in wanted if existing.get((kind, name)) != sql]
    if not stale:
        return
    with db.conn:
        for kind, name, sql in stale:
            db.execute(f"drop {kind} if exists [{name}]")
            db.execute(sql)
        db.execute("create index if not exists idx_annotations_article_id on annotations(article_id)")


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
        "target_id": target_id, "verdict": verdict, "wrong": normalise_verdict(wrong), "note": note or "",
        "sources": json.dumps(urls) if urls else "", "_actor_id": annotator,
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
    return list(db.query(
        "select * from annotations where target_type = ? and target_id = ? order by id desc",
        [target_type, target_id],
    ))


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


def import_file(db: sqlite_utils.Database, path: str, annotator: str | None = None) -> int:
    """Append every annotation in `path` in one transaction: all of them, or (on the first bad line, named
    in the error) none. `annotator` fills rows that do not say who made them."""
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
            try:
                annotate(conn, commit=False, **rec)
            except AnnotationError as e:
                raise AnnotationError(f"{where}: {e}") from None
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return len(records)
