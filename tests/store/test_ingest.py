import json
import shutil

import pytest

from tests.conftest import EXAMPLE, interrupt_extraction_at
from tracker.store.db import connect
from tracker.store.ingest import ingest


def counts(db_path):
    db = connect(db_path)
    try:
        return {t: db[t].count for t in ("articles", "quotes", "claims", "quantities", "speakers")}
    finally:
        db.close()


def test_example_ingest_stores_header_fields_and_extractions(tmp_path):
    db_path = tmp_path / "t.db"
    s = ingest([str(EXAMPLE)], db_path)
    assert (s.new, s.skipped) == (1, 0) and s.quotes > 0 and s.claims > 0
    db = connect(db_path)
    (a,) = db["articles"].rows
    assert a["title"].startswith("Turkey Requests US") and a["published"] == "2021-01-16"
    assert a["source"] == "BIRGUN NET" and a["caption"] == "Turkish Defence Minister, Hulusi Akar"
    assert "gtag" not in a["body"]
    for q in db["quotes"].rows:  # offsets index the stored body
        assert a["body"][q["start"] : q["end"]] == q["text"]
    for c in db["claims"].rows:
        assert a["body"][c["start"] : c["end"]] == c["text"]
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_each_format(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = "The ministry said on Monday that 40 people were injured. “We are working,” Jones said."
    (src / "a.json").write_text(json.dumps({"title": "From JSON", "body": body, "url": "https://x/1"}))
    (src / "b.jsonl").write_text(json.dumps({"title": "From JSONL", "text": body, "date": "2020-05-01"}) + "\n")
    (src / "c.csv").write_text('url,date,title,text\nhttps://x/3,2019-01-04,From CSV,"' + body + '"\n')
    (src / "d.html").write_text(
        f"<html><head><title>From HTML</title></head><body><article><p>{body}</p>"
        "<p>A second paragraph that is long enough to be kept by the extractor as article text.</p>"
        "</article></body></html>"
    )
    (src / "e.txt").write_text("From TXT\n\n" + body + "\n")
    s = ingest([str(src)], tmp_path / "t.db")
    assert s.new == 5 and s.skipped == 0
    db = connect(tmp_path / "t.db")
    titles = {r["title"]: r for r in db["articles"].rows}
    assert set(titles) == {"From JSON", "From JSONL", "From CSV", "From HTML", "From TXT"}
    assert titles["From CSV"]["published"] == "2019-01-04" and titles["From JSON"]["url"] == "https://x/1"
    assert titles["From HTML"]["format"] == "html"


def test_reingest_is_idempotent_and_changed_article_is_reparsed(tmp_path):
    db_path = tmp_path / "t.db"
    art = tmp_path / "a.txt"
    shutil.copy(EXAMPLE, art)
    ingest([str(art)], db_path)
    before = counts(db_path)
    s = ingest([str(art)], db_path)
    assert (s.new, s.unchanged, s.updated) == (0, 1, 0)
    assert counts(db_path) == before
    # A correction in the text: same article id, re-parsed in place, no duplicate rows.
    art.write_text(EXAMPLE.read_text(encoding="utf-8").replace("worth about $2.5 billion", "worth about $2.6 billion"))
    s = ingest([str(art)], db_path)
    assert (s.new, s.updated) == (0, 1)
    after = counts(db_path)
    assert after["articles"] == 1 and after["quotes"] == before["quotes"] and after["claims"] == before["claims"]
    db = connect(db_path)
    assert db.execute("select count(*) from quantities where value = 2600000000").fetchone()[0] == 1
    assert db.execute("select count(*) from quantities where value = 2500000000").fetchone()[0] == 0
    # ingest writes with foreign keys unchecked (for speed): every reference must still hold
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_bad_inputs_are_skipped_and_stored_data_kept(tmp_path):
    db_path = tmp_path / "t.db"
    ingest([str(EXAMPLE)], db_path)
    before = counts(db_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 50)
    (bad / "latin1.txt").write_bytes(b"Caf\xe9 opens\n\nThe caf\xe9 opened.")
    (bad / "broken.json").write_text("{not json")
    (bad / "nobody.json").write_text('{"title": "x"}')
    (bad / "headers-only.txt").write_text("January 16, 2021\nSOURCE: X\n")
    (bad / "unbalanced.txt").write_text("Quotes gone wrong\n\n“He said “this and ” that « and » “ never closed. " * 20)
    errors = []
    s = ingest([str(bad)], db_path, on_error=errors.append)
    assert s.skipped == 6 and s.new == 1  # the unbalanced-quote article is fine, just odd
    reasons = {e.where.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"] and "UTF-8" in reasons["latin1.txt"]
    assert "malformed JSON" in reasons["broken.json"] and "no body" in reasons["nobody.json"]
    assert "no body" in reasons["headers-only.txt"]
    after = counts(db_path)
    assert after["articles"] == before["articles"] + 1 and after["claims"] >= before["claims"]


def test_interrupted_ingest_leaves_whole_batches_and_resumes(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"Article {i}",
                    "text": f"Officials said {i} people were hurt on Monday.",
                    "url": f"https://x/{i}",
                }
            )
            + "\n"
            for i in range(30)
        )
    )
    interrupt_extraction_at(monkeypatch, 25)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(src)], tmp_path / "t.db", batch_size=10)
    assert counts(tmp_path / "t.db")["articles"] == 20  # two whole batches, nothing of the third
    monkeypatch.undo()
    s = ingest([str(src)], tmp_path / "t.db", batch_size=10)
    assert (s.new, s.unchanged) == (10, 20)
    c = counts(tmp_path / "t.db")
    assert c["articles"] == 30
    db = connect(tmp_path / "t.db")
    stored = sorted(r[0] for r in db.execute("select text from claims"))
    assert stored == sorted(f"{i} people were hurt on Monday" for i in range(30))  # one claim each, none twice


def test_workers_give_the_same_database(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"title": f"A{i}", "text": f"The minister said {i} schools closed in March 2020."}) + "\n"
            for i in range(40)
        )
    )
    ingest([str(src)], tmp_path / "one.db", workers=1, batch_size=7)
    ingest([str(src)], tmp_path / "two.db", workers=2, batch_size=7)
    q = "select article_id, kind, text, start from claims order by id"
    assert connect(tmp_path / "one.db").execute(q).fetchall() == connect(tmp_path / "two.db").execute(q).fetchall()
    # the body is not sent back from the workers, but the stored article is whole
    q = "select id, title, body, content_hash from articles order by id"
    assert connect(tmp_path / "one.db").execute(q).fetchall() == connect(tmp_path / "two.db").execute(q).fetchall()
    assert all(body for (body,) in connect(tmp_path / "two.db").execute("select body from articles"))
    assert (
        connect(tmp_path / "two.db")
        .execute("select count(*) from articles_fts where articles_fts match 'schools'")
        .fetchone()[0]
        == 40
    )
