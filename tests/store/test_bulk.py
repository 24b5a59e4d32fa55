"""Bulk loads leave out the page-only indexes and build them at their end (tracker.store.bulk)."""

import json

import pytest

from tests.conftest import interrupt_extraction_at
from tracker.cli import _build_deferred_indexes
from tracker.store import bulk
from tracker.store.db import connect
from tracker.store.ingest import ingest
from tracker.web.serve import datasette_app


def _corpus(path, n, start=0):
    path.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"Dam report {i}",
                    "url": f"https://example.org/{i}",
                    "date": f"2021-03-{1 + i % 28:02d}",
                    "source": f"Outlet {i % 3}",
                    "text": f"The Ministry of Water said the Grand River Dam cost ${2 + i % 4} billion in {2010 + i % 9}. "
                    f'"We will open it in May," said Water Minister Ana Lopez on Monday.',
                }
            )
            + "\n"
            for i in range(start, start + n)
        )
    )
    return path


def indexes(db_path) -> dict[str, str]:
    db = connect(db_path)
    try:
        return dict(
            db.execute("select name, sql from sqlite_master where type = 'index' and sql is not null").fetchall()
        )
    finally:
        db.close()


def dump(db_path) -> list:
    db = connect(db_path)
    try:
        return [
            db.execute(f"select * from {t} order by 1, 2").fetchall()
            for t in ("claims", "quotes", "quantities", "claim_entities", "claim_group_members")
        ]
    finally:
        db.close()


def test_bulk_load_ends_with_the_same_indexes_and_rows(tmp_path):
    src = _corpus(tmp_path / "in.jsonl", 60)
    lines = []
    ingest([str(src)], tmp_path / "bulk.db", batch_size=10, on_status=lines.append)
    ingest([str(src)], tmp_path / "plain.db", batch_size=100)  # one window: never a bulk load
    assert lines == [f"Building {len(bulk.LEFT_OUT)} indexes and tables left out during the load"]
    assert indexes(tmp_path / "bulk.db") == indexes(tmp_path / "plain.db")
    assert set(bulk.PAGE_ONLY_INDEXES) <= set(indexes(tmp_path / "plain.db"))
    assert dump(tmp_path / "bulk.db") == dump(tmp_path / "plain.db")
    db = connect(tmp_path / "bulk.db")
    assert bulk.deferred(db) == {}
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    _assert_derived_tables_kept(db)


def _assert_derived_tables_kept(db):
    """claim_kinds and the name indexes hold what their tables do, and their triggers are back."""
    from tracker.store import facet_tables, name_search

    claims = db.execute("select rowid, kind from claims order by rowid").fetchall()
    assert claims and db.execute(f"select id, kind from {facet_tables.TABLE} order by id").fetchall() == claims
    for index, (table, column) in name_search.INDEXES.items():
        rows = db.execute(f"select rowid, {column} from {table} where {column} is not null order by rowid").fetchall()
        assert rows and db.execute(f"select rowid, {column} from {index} order by rowid").fetchall() == rows, index
    triggers = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")}
    assert set(facet_tables.TRIGGERS) <= triggers
    for index, (table, column) in name_search.INDEXES.items():
        assert set(name_search.triggers(index, table, column)) <= triggers


def test_adding_less_than_the_database_holds_or_reparsing_it_keeps_the_indexes(tmp_path, monkeypatch):
    import tracker.parse

    ingest([str(_corpus(tmp_path / "a.jsonl", 40))], tmp_path / "t.db", batch_size=10)
    monkeypatch.setattr(bulk, "defer_indexes", lambda db: pytest.fail("indexes dropped, then rebuilt, for nothing"))
    s = ingest([str(_corpus(tmp_path / "b.jsonl", 30, start=40))], tmp_path / "t.db", batch_size=10)
    assert s.new == 30
    monkeypatch.setattr(tracker.parse, "PARSER_VERSION", "a newer parser")  # every stored article is re-parsed
    s = ingest([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], tmp_path / "t.db", batch_size=10)
    assert s.updated == 70


def test_interrupted_bulk_load_is_consistent_and_the_next_run_builds_the_indexes(tmp_path, monkeypatch):
    src = _corpus(tmp_path / "in.jsonl", 50)
    interrupt_extraction_at(monkeypatch, 35)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(src)], tmp_path / "t.db", batch_size=10)
    db = connect(tmp_path / "t.db")  # opening the database does not put back what the load left out
    left_out = bulk.deferred(db)
    assert set(left_out) == set(bulk.LEFT_OUT)
    assert not set(left_out) & set(indexes(tmp_path / "t.db"))
    assert db["articles"].count == 30 and db.execute("pragma integrity_check").fetchone()[0] == "ok"
    db.close()
    monkeypatch.undo()
    s = ingest([str(src)], tmp_path / "t.db", batch_size=10)
    assert (s.new, s.unchanged) == (20, 30)
    ingest([str(src)], tmp_path / "plain.db", batch_size=100)
    assert indexes(tmp_path / "t.db") == indexes(tmp_path / "plain.db")
    assert dump(tmp_path / "t.db") == dump(tmp_path / "plain.db")


async def test_pages_answer_while_indexes_are_left_out_and_serve_builds_them(tmp_path):
    ingest([str(_corpus(tmp_path / "in.jsonl", 20))], tmp_path / "tracker.db", batch_size=100)
    db = connect(tmp_path / "tracker.db")
    assert bulk.defer_indexes(db) == len(bulk.PAGE_ONLY_INDEXES)
    assert "claim_kinds" not in db.table_names()  # dropped; the name indexes stay, no longer kept
    assert {"entities_name_fts", "speakers_name_fts"} <= set(db.table_names())
    db.close()
    ds = datasette_app(tmp_path / "tracker.db")
    for path in (
        "/tracker/claims?_facet=kind",
        "/tracker/claims?_search=the&_facet=kind",
        "/tracker/speaker_timeline?speaker=Lopez",
        "/tracker/conflicting_figures?entity=Peru",
        "/tracker/quotes?speaker_id=ana-lopez",
        "/tracker/quantities?unit=USD&_sort=value",
        "/tracker/claim_groups",
    ):
        assert (await ds.client.get(path)).status_code == 200, path
    _build_deferred_indexes(tmp_path / "tracker.db")
    assert set(bulk.PAGE_ONLY_INDEXES) <= set(indexes(tmp_path / "tracker.db"))
    assert bulk.deferred(connect(tmp_path / "tracker.db")) == {}
    _assert_derived_tables_kept(connect(tmp_path / "tracker.db"))


def test_an_interrupted_build_keeps_the_records_of_the_indexes_not_built(tmp_path):
    ingest([str(_corpus(tmp_path / "in.jsonl", 5))], tmp_path / "t.db")
    db = connect(tmp_path / "t.db")
    bulk.defer_indexes(db)
    seen = []

    def stop_at_third(name):
        seen.append(name)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        bulk.build_deferred(db, on_index=stop_at_third)
    assert set(bulk.deferred(db)) == set(bulk.LEFT_OUT) - set(seen[:2])
    assert set(seen[:2]) <= set(indexes(tmp_path / "t.db"))
    assert bulk.build_deferred(db) == len(bulk.LEFT_OUT) - 2
    assert bulk.deferred(db) == {}


def test_serve_leaves_the_indexes_to_a_running_ingest(tmp_path, capsys):
    """An ingest holds the lock for its whole run: `tracker serve` started meanwhile does not build the
    indexes under it; once no ingest holds it, serve builds them."""
    db_path = tmp_path / "tracker.db"
    ingest([str(_corpus(tmp_path / "in.jsonl", 5))], db_path)
    db = connect(db_path)
    bulk.defer_indexes(db)
    db.close()
    with bulk.ingest_lock(db_path):
        _build_deferred_indexes(db_path)
        assert set(bulk.deferred(connect(db_path))) == set(bulk.LEFT_OUT)
    assert "an ingest is writing" in capsys.readouterr().err
    _build_deferred_indexes(db_path)
    assert bulk.deferred(connect(db_path)) == {}
    err = capsys.readouterr().err.splitlines()
    assert "Building index idx_articles_published (left out by an interrupted ingest)" in err
    assert "Building table claim_kinds (left out by an interrupted ingest)" in err
    assert "Building table entities_name_fts (left out by an interrupted ingest)" in err


def test_names_first_written_during_a_bulk_load_are_in_the_indexes_after_it(tmp_path):
    """The name indexes stay during a load, no longer kept: its end fills them afresh, not only their triggers."""
    from tracker.store import name_search

    db = connect(tmp_path / "t.db")
    db.execute("insert into entities (id, name, kind) values ('peru', 'Peru', 'country')")
    db.execute("insert into entities (id, name, kind) values ('chile', 'Chile', 'country')")
    db.execute("insert into speakers (id, name) values ('ana', 'Ana Lopez')")
    db.execute("insert into speaker_aliases (speaker_id, alias) values ('ana', 'Minister Lopez')")
    db.conn.commit()
    bulk.defer_indexes(db)
    db.execute("insert into entities (id, name, kind) values ('metro', 'Lima Metro', 'organisation')")
    db.execute("update entities set name = 'Republic of Chile' where id = 'chile'")
    db.execute("insert into speakers (id, name) values ('rosa', 'Rosa Diaz')")
    db.execute("insert into speaker_aliases (speaker_id, alias) values ('rosa', 'Dr Diaz')")
    db.execute("delete from speaker_aliases where speaker_id = 'ana'")
    db.conn.commit()
    bulk.build_deferred(db)
    for index, (table, column) in name_search.INDEXES.items():
        rows = db.execute(f"select rowid, {column} from {table} order by rowid").fetchall()
        assert db.execute(f"select rowid, {column} from {index} order by rowid").fetchall() == rows, index
    assert db.execute("select rowid, name from entities_name_fts where name like '%Metro%'").fetchall() == [
        (3, "Lima Metro")
    ]
    assert db.execute("select alias from speaker_aliases_alias_fts").fetchall() == [("Dr Diaz",)]


def test_an_ingest_holds_the_lock_while_it_writes(tmp_path):
    db_path = tmp_path / "tracker.db"
    seen = []

    def progress(_n):
        with bulk.no_ingest_running(db_path) as idle:
            seen.append(idle)

    ingest([str(_corpus(tmp_path / "in.jsonl", 5))], db_path, on_progress=progress)
    assert seen and not any(seen)
    with bulk.no_ingest_running(db_path) as idle:
        assert idle  # released at its end


def test_the_lock_is_released_when_an_ingest_is_killed(tmp_path):
    import subprocess
    import sys

    db_path = tmp_path / "tracker.db"
    code = (
        "import sys, time\n"
        "from tracker.store import bulk\n"
        "with bulk.ingest_lock(sys.argv[1]):\n"
        "    print('locked', flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "locked\n"
        with bulk.no_ingest_running(db_path) as idle:
            assert not idle
    finally:
        proc.kill()
        proc.wait()
    with bulk.no_ingest_running(db_path) as idle:
        assert idle


def test_serve_on_a_read_only_folder_is_not_stopped_by_the_lock(tmp_path, monkeypatch):
    import os

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with bulk.no_ingest_running(tmp_path / "tracker.db") as idle:
        assert idle
    with pytest.raises(PermissionError):
        with bulk.ingest_lock(tmp_path / "tracker.db"):
            pass
