"""`ingest_errors`: what an ingest could not store, listed and shown by Datasette, forgotten once stored."""

from tracker.parse import PARSER_VERSION
from tracker.read.formats import ReadError
from tracker.store.db import connect
from tracker.store.errors import ErrorLog
from tracker.store.ingest import ingest
from tracker.web.serve import datasette_app


def test_log_records_updates_and_forgets(tmp_path):
    db = connect(tmp_path / "t.db")
    log = ErrorLog(db)
    log.record(ReadError("a.jsonl:2", "malformed JSON", "a.jsonl"))
    log.record(ReadError("a.jsonl:2", "extraction failed (KeyError: 'x')", "a.jsonl", "extract"))
    log.record(ReadError("b.csv:3", "no body", "b.csv", "clean"))
    rows = db.execute("select record, path, stage, reason, parser_version from ingest_errors order by record")
    assert rows.fetchall() == [
        ("a.jsonl:2", "a.jsonl", "extract", "extraction failed (KeyError: 'x')", PARSER_VERSION),
        ("b.csv:3", "b.csv", "clean", "no body", PARSER_VERSION),
    ]
    # a later run: a.jsonl:2 is stored, b.csv is read again and its record 3 does not fail any more
    log = ErrorLog(db)
    log.read("a.jsonl")
    log.read("b.csv")
    log.stored(["a.jsonl:2", "a.jsonl:1"])
    assert [r for (r,) in db.execute("select record from ingest_errors")] == ["b.csv:3"]
    log.finish()
    assert db["ingest_errors"].count == 0


def test_a_file_not_read_again_keeps_its_rows(tmp_path):
    db = connect(tmp_path / "t.db")
    ErrorLog(db).record(ReadError("a.jsonl:2", "malformed JSON", "a.jsonl"))
    log = ErrorLog(db)
    log.read("other.jsonl")
    log.finish()
    assert db["ingest_errors"].count == 1


async def test_datasette_shows_the_errors(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"title": "Good", "text": "Police said 3 people died."}\n{"title": "No body"}\n')
    db_path = tmp_path / "tracker.db"
    ingest([str(src)], db_path)
    ds = datasette_app(db_path)
    data = (await ds.client.get("/tracker.json")).json()
    (table,) = [t for t in data["tables"] if t["name"] == "ingest_errors"]
    assert table["hidden"] is False and table["count"] == 1
    r = await ds.client.get("/tracker/ingest_errors.json?_shape=array")
    assert r.status_code == 200
    (row,) = r.json()
    assert (row["record"], row["path"], row["stage"]) == (f"{src}:2", str(src), "read")
    assert row["reason"].startswith("no body")
    page = await ds.client.get("/tracker/ingest_errors")
    assert "could not store" in page.text  # its description from metadata.yml
