"""The annotation table's rules in the database: history is append-only whatever the column and whatever the
statement, since any SQLite client (sqlite-utils, the Datasette row API, a script) can try to rewrite it."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.parse import Parsed
from tracker.records import Article, Claim, Extraction, Quote
from tracker.review.annotations import annotate
from tracker.store.annotation_rules import APPEND_ONLY
from tracker.store.db import connect, status_of, write_batch

COLUMNS = {  # every column of annotations, with a value it could be rewritten to (valid, so only the rule refuses)
    "id": 99,
    "target_type": "quote",
    "target_id": "another-claim",
    "article_id": "another-article",
    "target_text": "Something else.",
    "verdict": "true",
    "wrong": "wrong span",
    "note": "rewritten",
    "sources": '["https://example.org/other"]',
    "annotator": "mallory",
    "created_at": "2001-01-01T00:00:00+00:00",
}


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "t.db")
    text = "The dam cost $2 billion."
    claim = Claim(id="c1", kind="quantity", text=text, start=0, end=len(text), speaker=None, score=0.5)
    quote = Quote(id="q1", kind="indirect", text=text, start=0, end=len(text), cue="said", speaker=None)
    a = Article(title="Dam", body=text, published="2020-01-05", url="https://e.org/1")
    other = "The lake rose by 2 metres."
    claim2 = Claim(id="c2", kind="quantity", text=other, start=0, end=len(other), speaker=None, score=0.5)
    p = Parsed(a, Extraction([quote], [claim, claim2]))
    write_batch(db, [(p, *status_of(db, p.article))])
    cid = db.execute("select id from claims where text like 'The dam%'").fetchone()[0]
    annotate(db, cid, "false", note="first", sources="https://example.org/a", annotator="alice")
    return db


def _rows(db):
    return db.execute("select * from annotations order by id").fetchall()


def test_the_columns_listed_are_all_the_columns(db):
    assert set(db["annotations"].columns_dict) == set(COLUMNS)


@pytest.mark.parametrize("column", sorted(COLUMNS))
def test_no_column_can_be_updated(db, column):
    before = _rows(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute(f"update annotations set [{column}] = ? where id = 1", [COLUMNS[column]])
    assert _rows(db) == before


def test_an_update_to_the_same_value_is_refused_too(db):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("update annotations set note = note")


def test_no_row_can_be_deleted(db):
    before = _rows(db)
    with pytest.raises(sqlite3.IntegrityError, match=APPEND_ONLY):
        db.conn.execute("delete from annotations where id = 1")
    assert _rows(db) == before


def _replace(conn, verb: str) -> None:
    (row,) = conn.execute("select * from annotations").fetchall()
    cols = [r[1] for r in conn.execute("pragma table_info(annotations)")]
    values = dict(zip(cols, row), verdict="true", note="replaced", annotator="mallory")
    conn.execute(
        f"{verb} into annotations ({', '.join(cols)}) values ({', '.join('?' for _ in cols)})",
        [values[c] for c in cols],
    )


@pytest.mark.parametrize("verb", ["insert or replace", "replace"])
def test_replace_cannot_overwrite_a_row_through_sqlite_utils(db, verb):
    """sqlite-utils turns recursive_triggers on, so the REPLACE's implicit delete fires the delete trigger."""
    before = _rows(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _replace(db.conn, verb)
    assert _rows(db) == before


# A plain SQLite connection (the sqlite3 shell, Datasette, any script) has recursive_triggers off, so REPLACE
# deletes the old row without firing the delete trigger: the insert trigger on a taken id is what refuses it.
@pytest.mark.parametrize("verb", ["insert or replace", "replace"])
def test_replace_cannot_overwrite_a_row_through_a_plain_connection(db, verb):
    path = db.execute("pragma database_list").fetchone()[2]
    before = _rows(db)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("pragma recursive_triggers").fetchone() == (0,)
        with pytest.raises(sqlite3.DatabaseError):
            _replace(conn, verb)
        conn.commit()
    finally:
        conn.close()
    assert _rows(db) == before


def test_a_plain_insert_with_a_taken_id_is_refused(db):
    before = _rows(db)
    with pytest.raises(sqlite3.IntegrityError):
        _replace(db.conn, "insert")
    assert _rows(db) == before


def _insert(db, **values):
    """A raw insert, past every Python check: only the validate trigger stands in the way."""
    kind = values.get("target_type", "claim")
    row = {
        "target_type": "claim",
        "target_id": db.execute("select id from quotes" if kind == "quote" else "select id from claims").fetchone()[0],
        "verdict": "true",
        "annotator": "alice",
        "created_at": "2024-01-01T00:00:00+00:00",
        **values,
    }
    cols = list(row)
    db.conn.execute(
        f"insert into annotations ({', '.join(cols)}) values ({', '.join('?' for _ in cols)})", [row[c] for c in cols]
    )


CLAIM_LIST = "true, mostly true, half true, misleading, false, unverifiable, extraction wrong"


@pytest.mark.parametrize(
    "values, message",
    [
        ({"target_id": None}, "say which claim or quote to annotate: target_id is missing"),
        ({"target_id": ""}, "say which claim or quote to annotate: target_id is missing"),
        ({"target_type": None}, "no claim or quote has this id"),
        ({"target_type": "article"}, "no claim or quote has this id"),
        ({"target_id": "no-such-claim"}, "no claim or quote has this id"),
        (
            {
                "target_type": "quote",
                "target_id": "no-such-quote",
                "verdict": "extraction wrong",
                "wrong": "wrong span",
            },
            "no claim or quote has this id",
        ),
        ({"annotator": None}, "an annotation needs an annotator: log in, or pass --by"),
        ({"verdict": None}, "choose a verdict"),
        ({"verdict": "pants on fire"}, f"unknown verdict: a claim's verdict is one of {CLAIM_LIST}"),
        ({"verdict": "Mostly True"}, f"unknown verdict: a claim's verdict is one of {CLAIM_LIST}"),
        ({"target_type": "quote", "verdict": "false"}, "unknown verdict: a quote's only verdict is extraction wrong"),
        (
            {"verdict": "extraction wrong"},
            "say what is wrong with the extraction: not a claim, wrong span, wrong speaker",
        ),
        (
            {"verdict": "extraction wrong", "wrong": "bad vibes"},
            "say what is wrong with the extraction: not a claim, wrong span, wrong speaker",
        ),
        ({"verdict": "false", "wrong": "wrong span"}, "'what is wrong' is only for the verdict extraction wrong"),
        ({"sources": "https://a.example"}, "sources must be http(s) URLs"),  # not JSON
        ({"sources": '{"url": "https://a.example"}'}, "sources must be http(s) URLs"),  # JSON, not a list
        ({"sources": "[1]"}, "sources must be http(s) URLs"),  # not a string
        ({"sources": '["https://a.example", "ftp://b.example"]'}, "sources must be http(s) URLs"),
        ({"sources": '["http://"]'}, "sources must be http(s) URLs"),  # a scheme with nothing after it
        ({"sources": '["javascript:alert(1)"]'}, "sources must be http(s) URLs"),
    ],
)
def test_the_validate_trigger_refuses_with_its_reason(db, values, message):
    before = _rows(db)
    with pytest.raises(sqlite3.IntegrityError) as e:
        _insert(db, **values)
    assert str(e.value) == message
    assert _rows(db) == before


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"verdict": "extraction wrong", "wrong": "not a claim"},
        {"verdict": "extraction wrong", "wrong": "wrong speaker"},
        {"target_type": "quote", "verdict": "extraction wrong", "wrong": "wrong span"},
        {"verdict": "unverifiable", "sources": '["http://a.example/x", "https://b.example"]'},
        {"verdict": "misleading", "sources": None},
        {"verdict": "half true"},
        {"verdict": "mostly true"},
    ],
)
def test_the_validate_trigger_lets_valid_rows_in(db, values):
    _insert(db, **values)
    assert db["annotations"].count == 2


def test_verdict_views_show_each_targets_latest_annotation(db):
    cid = db.execute("select id from claims where text like 'The dam%'").fetchone()[0]
    other = db.execute("select id from claims where text like 'The lake%'").fetchone()[0]
    qid = db.execute("select id from quotes").fetchone()[0]
    annotate(db, cid, "true", note="second", annotator="bob")
    got = db.execute("select id, verdict from claims_with_verdict").fetchall()
    assert sorted(got, key=str) == sorted([(cid, "true"), (other, None)], key=str)  # unannotated claims stay
    annotate(db, other, "misleading", note="the lake", annotator="cy")  # newer, of another claim
    annotate(db, qid, "extraction wrong", wrong="wrong speaker", annotator="dee")  # newer still, of a quote
    got = db.execute("select id, verdict, verdict_note, annotator from claims_with_verdict order by id").fetchall()
    assert sorted(got) == sorted([(cid, "true", "second", "bob"), (other, "misleading", "the lake", "cy")])
    got = db.execute("select id, verdict, wrong, annotator from quotes_with_verdict").fetchall()
    assert got == [(qid, "extraction wrong", "wrong speaker", "dee")]


def test_opening_a_current_database_writes_nothing(db):
    """Every open runs ensure_annotation_schema: when the triggers and views are current it must not rewrite them,
    so a database opened read-only (a published copy) opens, and the schema is not rewritten under a reader."""
    import sqlite_utils

    from tracker.store.annotation_rules import ensure_annotation_schema

    version = db.execute("pragma schema_version").fetchone()[0]
    ensure_annotation_schema(db)
    assert db.execute("pragma schema_version").fetchone()[0] == version
    path = db.execute("pragma database_list").fetchone()[2]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ensure_annotation_schema(sqlite_utils.Database(conn))
    finally:
        conn.close()
    db.execute("drop view claims_with_verdict")  # a missing (or changed) definition is made again
    ensure_annotation_schema(db)
    assert db.execute("pragma schema_version").fetchone()[0] > version
    assert db.execute("select count(*) from claims_with_verdict").fetchone() == (2,)
