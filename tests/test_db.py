import sqlite3

import pytest

from tracker.db import article_key, connect, content_hash, status_of
from tracker.records import Article


def test_schema_has_foreign_keys_indexes_and_fts(tmp_path):
    db = connect(tmp_path / "t.db")
    fks = {(fk.table, fk.column, fk.other_table) for t in ("quotes", "claims", "quantities") for fk in db[t].foreign_keys}
    assert ("quotes", "article_id", "articles") in fks and ("claims", "speaker_id", "speakers") in fks
    assert ("quantities", "claim_id", "claims") in fks
    assert any(i.columns == ["unit", "value"] for i in db["quantities"].indexes)
    for t in ("articles", "quotes", "claims"):
        assert db[t].detect_fts() == f"{t}_fts"
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into quotes (id, article_id, text) values ('q', 'no-such-article', 'x')")


def test_connect_is_repeatable(tmp_path):
    connect(tmp_path / "t.db").close()
    db = connect(tmp_path / "t.db")
    assert "current_verdicts" in db.view_names()


def test_article_identity_survives_text_changes():
    a = Article(title="Big news", body="One.", url="https://x/1")
    b = Article(title="Big news", body="One, corrected.", url="https://x/1")
    assert article_key(a) == article_key(b) and article_key(a).startswith("big-news-")
    assert content_hash(a) != content_hash(b)
    c = Article(title="Big news", body="One.", published="2020-01-01", source="S")
    d = Article(title="Big news", body="One.", published="2020-01-02", source="S")
    assert article_key(c) != article_key(d)


def test_status(tmp_path):
    db = connect(tmp_path / "t.db")
    a = Article(title="T", body="B.")
    aid, digest, status = status_of(db, a)
    assert status == "new"
    db["articles"].insert({"id": aid, "content_hash": digest, "parser_version": "0"})
    assert status_of(db, a)[2] == "updated"  # older parser
    from tracker.parse import PARSER_VERSION

    db["articles"].update(aid, {"parser_version": PARSER_VERSION})
    assert status_of(db, a)[2] == "unchanged"
