"""The annotation table's rules in the database: history is append-only whatever the column and whatever the
statement, since any SQLite client (sqlite-utils, the Datasette row API, a script) can try to rewrite it."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.parse import Parsed
from tracker.records import Article, Claim, Extraction
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
    p = Parsed(Article(title="Dam", body=text, published="2020-01-05", url="https://e.org/1"), Extraction([], [claim]))
    write_batch(db, [(p, *status_of(db, p.article))])
    (cid,) = [r[0] for r in db.execute("select id from claims")]
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
