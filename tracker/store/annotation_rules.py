"""The annotation table's rules, kept in the database as triggers and views.

Every write path (Datasette's form and row API, `tracker annotate`, imports, `sqlite-utils`) goes through
SQLite, so the rules that make history append-only and verdicts valid live there, created with the rest of the
schema; `tracker.review.annotations` is the Python API that writes through them.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

VERDICTS = ("true", "mostly true", "half true", "misleading", "false", "unverifiable")
EXTRACTION_WRONG = "extraction wrong"
WRONG = ("not a claim", "wrong span", "wrong speaker")
CLAIM_VERDICTS = VERDICTS + (EXTRACTION_WRONG,)
# A quote is reported speech, not an assertion to rate: the only verdict on it is that the extraction is wrong.
QUOTE_VERDICTS = (EXTRACTION_WRONG,)


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _validate_trigger() -> str:
    def fail(message: str) -> str:
        return "select raise(abort, '{}')".format(message.replace("'", "''"))

    checks = [
        ("coalesce(new.target_id, '') = ''", fail("say which claim or quote to annotate: target_id is missing")),
        ("new.target_type is null and coalesce(new.target_id, '') <> ''", fail("no claim or quote has this id")),
        (
            "new.target_type not in ('claim', 'quote') "
            "or (new.target_type = 'claim' and not exists (select 1 from claims where id = new.target_id)) "
            "or (new.target_type = 'quote' and not exists (select 1 from quotes where id = new.target_id))",
            fail("no claim or quote has this id"),
        ),
        ("new.annotator is null", fail("an annotation needs an annotator: log in, or pass --by")),
        ("new.verdict is null", fail("choose a verdict")),
        (
            f"new.target_type = 'claim' and new.verdict not in ({_quoted(CLAIM_VERDICTS)})",
            fail(f"unknown verdict: a claim's verdict is one of {', '.join(CLAIM_VERDICTS)}"),
        ),
        (
            f"new.target_type = 'quote' and new.verdict not in ({_quoted(QUOTE_VERDICTS)})",
            fail(f"unknown verdict: a quote's only verdict is {EXTRACTION_WRONG}"),
        ),
        (
            f"new.verdict = '{EXTRACTION_WRONG}' and (new.wrong is null or new.wrong not in ({_quoted(WRONG)}))",
            fail(f"say what is wrong with the extraction: {', '.join(WRONG)}"),
        ),
        (
            f"new.verdict <> '{EXTRACTION_WRONG}' and new.wrong is not null",
            fail(f"'what is wrong' is only for the verdict {EXTRACTION_WRONG}"),
        ),
        (
            "new.sources is not null and (not json_valid(new.sources) or json_type(new.sources) <> 'array' or exists ("
            "select 1 from json_each(new.sources) where json_each.type <> 'text' or (json_each.value not like "
            "'http://_%' and json_each.value not like 'https://_%')))",
            fail("sources must be http(s) URLs"),
        ),
    ]
    body = "\n".join(f"  {action} where {cond};" for cond, action in checks)
    return f"CREATE TRIGGER annotations_validate before insert on annotations\nbegin\n{body}\nend"


APPEND_ONLY = "annotations are append-only: add a new annotation instead of changing or deleting one"

# REPLACE deletes the row it replaces without firing delete triggers (unless recursive triggers are on), so
# `insert or replace` would rewrite history past annotations_no_delete. A BEFORE INSERT trigger does fire for
# it: an insert whose id is taken is refused, whatever its conflict clause.
TRIGGERS = {
    "annotations_no_replace": "CREATE TRIGGER annotations_no_replace before insert on annotations\n"
    f"when exists (select 1 from annotations where id = new.id)\nbegin select raise(abort, '{APPEND_ONLY}'); end",
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
