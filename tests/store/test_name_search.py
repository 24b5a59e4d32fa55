"""The trigram indexes of entity, speaker and alias names stay equal to their tables and answer `like` as the
plain scan does (tracker.store.name_search)."""

import sqlite3

import pytest

from tracker.store import name_search
from tracker.store.db import connect

NAMES = ["Turkey", "Türkiye", "United Nations", "S-400", "Ana López", "ana lopez", "50% Fund", "Nato_Plus"]


def _plain(db, table, column, text):
    return sorted(r[0] for r in db.execute(f"select rowid from {table} where {column} like '%' || ? || '%'", [text]))


def _indexed(db, index, column, text):
    return sorted(r[0] for r in db.execute(f"select rowid from {index} where {column} like '%' || ? || '%'", [text]))


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "t.db")
    for i, name in enumerate(NAMES):
        db.execute("insert into entities (id, name, kind) values (?, ?, 'other')", [f"e{i}", name])
        db.execute("insert into speakers (id, name) values (?, ?)", [f"s{i}", name])
        db.execute("insert into speaker_aliases (speaker_id, alias) values (?, ?)", [f"s{i}", name.upper()])
    db.conn.commit()
    return db


@pytest.mark.parametrize("text", ["Turkey", "TURK", "key", "ana l", "S-4", "0% F", "o_P", "Nations", "zzz", "Lóp"])
def test_the_index_answers_like_as_the_scan_does(db, text):
    for index, (table, column) in name_search.INDEXES.items():
        expected = _plain(db, table, column, text)
        assert _indexed(db, index, column, text) == expected, (index, text)
    assert _plain(db, "entities", "name", "turkey") == [1]  # case-insensitive, as `like` is


def test_the_index_follows_inserts_updates_and_deletes(db):
    db.execute("update entities set name = 'Peru' where id = 'e0'")
    db.execute("delete from entities where id = 'e2'")
    db.execute("insert into entities (id, name, kind) values ('e9', 'Lima Metro', 'other')")
    db.execute("update speakers set kind = 'person' where id = 's1'")  # the ingest's upsert: name untouched
    db.conn.commit()
    for index, (table, column) in name_search.INDEXES.items():
        rows = db.execute(f"select rowid, {column} from {table} where {column} is not null order by rowid").fetchall()
        assert db.execute(f"select rowid, {column} from {index} order by rowid").fetchall() == rows, index
    assert _indexed(db, "entities_name_fts", "name", "Turkey") == []
    assert _indexed(db, "entities_name_fts", "name", "Metro") == [9]


def test_an_older_database_gets_the_indexes_on_open(db, tmp_path):
    for index in name_search.INDEXES:
        db.execute(f"drop table {index}")
    db.execute("drop index idx_entities_acronym")
    db.conn.commit()
    db.close()
    db = connect(tmp_path / "t.db")
    for index, (table, column) in name_search.INDEXES.items():
        assert db.execute(f"select count(*) from {index}").fetchone()[0] == len(NAMES)
        assert _indexed(db, index, column, "Nations") == _plain(db, table, column, "Nations") != []
    assert "idx_entities_acronym" in {i.name for i in db["entities"].indexes}


def _same_as_tables(db):
    for index, (table, column) in name_search.INDEXES.items():
        rows = db.execute(f"select rowid, {column} from {table} where {column} is not null order by rowid").fetchall()
        assert db.execute(f"select rowid, {column} from {index} order by rowid").fetchall() == rows, index


def test_a_replace_from_a_plain_connection_does_not_break_later_inserts(db, tmp_path):
    """Without recursive_triggers (the sqlite3 shell, Datasette's write API) INSERT OR REPLACE deletes the old
    row without its delete trigger: the index keeps a row under the old rowid, which a later insert reuses."""
    import sqlite3

    last = f"e{len(NAMES) - 1}"  # the highest rowid: replaced, its new row deleted, the next insert reuses it
    conn = sqlite3.connect(tmp_path / "t.db")
    try:
        assert conn.execute("pragma recursive_triggers").fetchone() == (0,)
        conn.execute("insert or replace into entities (id, name, kind) values (?, 'Lima Metro', 'other')", [last])
        conn.execute("delete from entities where name = 'Lima Metro'")
        conn.execute("insert into entities (id, name, kind) values ('e20', 'Cusco Rail', 'other')")
        conn.execute("insert or replace into speakers (id, name) values ('s0', 'Rosa Diaz')")
        conn.execute("delete from speakers where id = 's0'")
        conn.execute("insert into speakers (id, name) values ('s20', 'Luis Vega')")
        conn.commit()
    finally:
        conn.close()
    rowid = db.execute("select rowid from entities where id = 'e20'").fetchone()[0]
    assert rowid == len(NAMES)  # the rowid the replaced row had
    assert _indexed(db, "entities_name_fts", "name", "Cusco") == [rowid]
    assert _indexed(db, "entities_name_fts", "name", "Nato") == []  # the replaced name is gone with its row
    assert _indexed(db, "speakers_name_fts", "name", "Vega") == [len(NAMES) + 1]


def test_without_the_trigram_tokenizer_the_indexes_are_plain_tables_the_queries_scan(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(name_search, "TOKENIZER", "no_such_tokenizer")  # as SQLite before 3.34 has none
    db = connect(tmp_path / "t.db")
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "trigram" in line] == [
        "tracker: no trigram full-text index in this SQLite (no such tokenizer: no_such_tokenizer): "
        "a search by name scans the names (slower)"
    ]
    for index in name_search.INDEXES:
        sql = db.execute("select sql from sqlite_master where name = ?", [index]).fetchone()[0]
        assert sql.startswith(f"CREATE TABLE [{index}]"), sql
    for i, name in enumerate(NAMES):
        db.execute("insert into entities (id, name, kind) values (?, ?, 'other')", [f"e{i}", name])
        db.execute("insert into speakers (id, name) values (?, ?)", [f"s{i}", name])
        db.execute("insert into speaker_aliases (speaker_id, alias) values (?, ?)", [f"s{i}", name.upper()])
    db.execute("update entities set name = 'Peru' where id = 'e0'")
    db.execute("delete from speaker_aliases where speaker_id = 's2'")
    db.execute("delete from speakers where id = 's2'")
    db.conn.commit()
    _same_as_tables(db)
    for index, (table, column) in name_search.INDEXES.items():
        assert _indexed(db, index, column, "Nation") == _plain(db, table, column, "Nation"), index
    db.close()
    capsys.readouterr()
    db = connect(tmp_path / "t.db")  # opened again: kept as it is, nothing said
    assert "trigram" not in capsys.readouterr().err
    _same_as_tables(db)


def test_an_index_and_its_triggers_are_made_together_or_not_at_all(db, monkeypatch):
    """The refill of an index and the triggers that keep it are one transaction (a savepoint inside a caller's):
    a failure part way leaves the index and its triggers as they were, never an index no trigger keeps."""
    before = {i: db.execute(f"select count(*) from {i}").fetchone()[0] for i in name_search.INDEXES}
    db.execute("drop trigger entities_name_fts_ai")  # as a bulk load leaves it: the next open refills
    db.conn.commit()
    real = name_search.triggers

    def broken(index, table, column):
        made = real(index, table, column)
        made[f"{index}_au"] = "CREATE TRIGGER no syntax"
        return made

    monkeypatch.setattr(name_search, "triggers", broken)
    with pytest.raises(sqlite3.OperationalError):
        name_search.ensure(db)
    assert not db.conn.in_transaction
    assert {i: db.execute(f"select count(*) from {i}").fetchone()[0] for i in name_search.INDEXES} == before
    assert db.execute("select count(*) from sqlite_master where name = 'entities_name_fts_ad'").fetchone()[0] == 1
    monkeypatch.undo()
    # inside a caller's transaction the caller decides: rolled back, the refill is undone with it
    db.execute("begin")
    name_search.ensure(db)
    assert db.execute("select count(*) from sqlite_master where name = 'entities_name_fts_ai'").fetchone()[0] == 1
    db.execute("rollback")
    assert db.execute("select count(*) from sqlite_master where name = 'entities_name_fts_ai'").fetchone()[0] == 0
    name_search.ensure(db)
    _same_as_tables(db)
