"""claim_kinds stays equal to (claims.rowid, claims.kind) through batches, re-parses and other writers, and is
filled in when an older database is opened."""

from tracker.extraction.pipeline import extract
from tracker.parse import Parsed
from tracker.records import Article
from tracker.store import facet_tables
from tracker.store.db import connect, status_of, write_batch

BODY = (
    'The Blue Dam will cost Peru $2.5 billion, officials said. "We will build it," said Ana Lopez, the minister. '
    "Prices will rise next year. The Red Port opened in 2019 with 400 workers."
)


def _mirror(db) -> tuple[list, list]:
    claims = db.execute("select rowid, kind from claims order by rowid").fetchall()
    kinds = db.execute(f"select id, kind from {facet_tables.TABLE} order by id").fetchall()
    return claims, kinds


def _store(db, article):
    aid, digest, status = status_of(db, article)
    write_batch(db, [(Parsed(article, extract(article.body, article.published)), aid, digest, status)])


def test_claim_kinds_follows_every_write(tmp_path):
    db = connect(tmp_path / "t.db")
    _store(db, Article(title="Dam deal", body=BODY, url="https://x/1", published="2024-03-01"))
    claims, kinds = _mirror(db)
    assert len(claims) >= 3 and kinds == claims
    # a re-parse replaces the article's claims
    _store(db, Article(title="Dam deal", body=BODY.replace("$2.5 billion", "$3 billion"), url="https://x/1"))
    claims2, kinds2 = _mirror(db)
    assert kinds2 == claims2
    # another writer: an update of the kind, a delete
    first = claims2[0][0]
    db.execute("update claims set kind = 'opinion' where rowid = ?", [first])
    assert db.execute(f"select kind from {facet_tables.TABLE} where id = ?", [first]).fetchone() == ("opinion",)
    db.execute("delete from quantities where claim_id in (select id from claims where rowid = ?)", [first])
    db.execute("delete from claim_entities where claim_id in (select id from claims where rowid = ?)", [first])
    db.execute("delete from claim_dates where claim_id in (select id from claims where rowid = ?)", [first])
    db.execute("delete from claims where rowid = ?", [first])
    claims3, kinds3 = _mirror(db)
    assert kinds3 == claims3 and len(claims3) == len(claims2) - 1


def test_an_older_database_gets_the_table_filled_on_open(tmp_path):
    path = tmp_path / "t.db"
    db = connect(path)
    _store(db, Article(title="Dam deal", body=BODY, url="https://x/1", published="2024-03-01"))
    for name in facet_tables.TRIGGERS:
        db.execute(f"drop trigger [{name}]")
    db.execute(f"drop table {facet_tables.TABLE}")
    db.close()
    db = connect(path)
    claims, kinds = _mirror(db)
    assert len(claims) >= 3 and kinds == claims
    names = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")}
    assert set(facet_tables.TRIGGERS) <= names


def test_claims_written_while_it_was_not_kept_are_filled_in_on_open(tmp_path):
    path = tmp_path / "t.db"
    db = connect(path)
    _store(db, Article(title="Dam deal", body=BODY, url="https://x/1", published="2024-03-01"))
    for name in facet_tables.TRIGGERS:
        db.execute(f"drop trigger [{name}]")
    first = db.execute("select rowid from claims order by rowid").fetchone()[0]
    db.execute("update claims set kind = 'opinion' where rowid = ?", [first])
    _store(db, Article(title="Port deal", body=BODY.replace("Blue", "Green"), url="https://x/2"))
    db.conn.commit()
    db.close()
    db = connect(path)
    claims, kinds = _mirror(db)
    assert len(claims) >= 6 and kinds == claims
    assert db.execute(f"select kind from {facet_tables.TABLE} where id = ?", [first]).fetchone() == ("opinion",)


def test_a_replace_from_a_plain_connection_leaves_no_stale_kind_in_the_way(tmp_path):
    """Without recursive_triggers INSERT OR REPLACE fires no delete trigger; a later insert reusing the rowid
    must still store its own kind."""
    import sqlite3

    path = tmp_path / "t.db"
    db = connect(path)
    _store(db, Article(title="Dam deal", body=BODY, url="https://x/1", published="2024-03-01"))
    db.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("pragma recursive_triggers").fetchone() == (0,)
        rowid, cid = conn.execute("select rowid, id from claims order by rowid desc limit 1").fetchone()
        conn.execute("insert or replace into claims (id, kind, text) values (?, 'opinion', 'x')", [cid])
        conn.execute("delete from claims where id = ?", [cid])
        conn.execute("insert into claims (id, kind, text) values ('c-new', 'question', 'y')")
        conn.commit()
        assert conn.execute("select rowid from claims where id = 'c-new'").fetchone()[0] == rowid  # reused
    finally:
        conn.close()
    db = connect(path)
    assert db.execute(f"select kind from {facet_tables.TABLE} where id = ?", [rowid]).fetchone() == ("question",)
