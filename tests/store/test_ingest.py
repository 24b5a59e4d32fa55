import json
import shutil

import pytest

from tests.conftest import EXAMPLE, interrupt_extraction_at
from tracker.parse import PARSER_VERSION
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
    assert s.skipped == 5 and s.new == 2  # the unbalanced-quote article is fine, just odd; latin1.txt is read
    reasons = {e.where.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"] and "latin1.txt" not in reasons
    assert "malformed JSON" in reasons["broken.json"] and "no body" in reasons["nobody.json"]
    assert "no body" in reasons["headers-only.txt"]
    after = counts(db_path)
    assert after["articles"] == before["articles"] + 2 and after["claims"] >= before["claims"]
    db = connect(db_path)
    assert db.execute("select title, body, encoding from articles where path like '%latin1.txt'").fetchall() == [
        ("Café opens", "The café opened.", "cp1252")
    ]


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
    # one claim each, none twice (reported speech keeps its attribution)
    assert stored == sorted(f"Officials said {i} people were hurt on Monday." for i in range(30))


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


def _numbered(path, n):
    path.write_text(
        "".join(
            json.dumps({"title": f"Article {i}", "text": f"Officials said {i} people were hurt on Monday."}) + "\n"
            for i in range(n)
        )
    )


def _failing_on(monkeypatch, titles):
    """The ingest's extractor raises on the articles with these titles, as a parser bug would."""
    import tracker.store.ingest as ingest_mod

    real = ingest_mod._extract_one

    def extract_or_fail(article):
        if article.title in titles:
            raise KeyError(f"tens of {article.title}")
        return real(article)

    monkeypatch.setattr(ingest_mod, "_extract_one", extract_or_fail)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_breaks_extraction_costs_that_article_only(tmp_path, monkeypatch, workers):
    src = tmp_path / "in.jsonl"
    _numbered(src, 30)
    db_path = tmp_path / "t.db"
    _failing_on(monkeypatch, {"Article 3", "Article 17"})
    errors = []
    s = ingest([str(src)], db_path, workers=workers, batch_size=10, on_error=errors.append)
    assert (s.new, s.skipped) == (28, 2)
    assert [str(e) for e in errors] == [
        f"{src}:4: extraction failed (KeyError: 'tens of Article 3')",
        f"{src}:18: extraction failed (KeyError: 'tens of Article 17')",
    ]
    db = connect(db_path)
    assert db["articles"].count == 28
    rows = db.execute(
        "select record, path, stage, reason, parser_version from ingest_errors order by record"
    ).fetchall()
    assert rows == [
        (f"{src}:18", str(src), "extract", "extraction failed (KeyError: 'tens of Article 17')", PARSER_VERSION),
        (f"{src}:4", str(src), "extract", "extraction failed (KeyError: 'tens of Article 3')", PARSER_VERSION),
    ]
    db.close()
    # the parser is fixed: the next ingest stores the two and forgets their errors
    monkeypatch.undo()
    s = ingest([str(src)], db_path, workers=workers, batch_size=10)
    assert (s.new, s.unchanged, s.skipped) == (2, 28, 0)
    db = connect(db_path)
    assert db["articles"].count == 30 and db["ingest_errors"].count == 0


def test_an_article_the_writer_cannot_store_costs_that_article_only(tmp_path, monkeypatch):
    import tracker.store.ingest as ingest_mod

    src = tmp_path / "in.jsonl"
    _numbered(src, 12)
    real = ingest_mod.write_rows
    bad = {"article-5"}

    def write_or_fail(db, batch, **kw):
        if any(aid.startswith(tuple(bad)) for _rows, aid, _status in batch):
            raise ValueError("cannot store")
        return real(db, batch, **kw)

    monkeypatch.setattr(ingest_mod, "write_rows", write_or_fail)
    errors = []
    s = ingest([str(src)], tmp_path / "t.db", batch_size=5, on_error=errors.append)
    assert (s.new, s.skipped) == (11, 1)  # the other four of its window are stored one by one
    assert [str(e) for e in errors] == [f"{src}:6: storing failed (ValueError: cannot store)"]
    db = connect(tmp_path / "t.db")
    titles = {t for (t,) in db.execute("select title from articles")}
    assert titles == {f"Article {i}" for i in range(12)} - {"Article 5"}
    assert db.execute("select record, stage from ingest_errors").fetchall() == [(f"{src}:6", "write")]
    # every stored article is whole: its claims are there, and full-text search finds it
    assert (
        db.execute(
            "select count(*) from articles where claim_count != (select count(*) from claims c "
            "where c.article_id = articles.id)"
        ).fetchone()[0]
        == 0
    )
    assert db.execute("select count(*) from articles_fts where articles_fts match 'officials'").fetchone()[0] == 11


def test_read_errors_are_listed_and_forgotten_once_the_file_is_fixed(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"title": "Good", "text": "Police said 3 people died."}\n{broken\n')
    db_path = tmp_path / "t.db"
    s = ingest([str(src)], db_path)
    assert (s.new, s.skipped) == (1, 1)
    db = connect(db_path)
    (row,) = db.execute("select record, path, stage, reason from ingest_errors").fetchall()
    assert row[:3] == (f"{src}:2", str(src), "read") and row[3].startswith("malformed JSON")
    db.close()
    src.write_text('{"title": "Good", "text": "Police said 3 people died."}\n{"text": "Fixed: 4 people died."}\n')
    s = ingest([str(src)], db_path)
    assert (s.new, s.unchanged, s.skipped) == (1, 1, 0)
    assert connect(db_path)["ingest_errors"].count == 0


def test_nothing_read_creates_no_database(tmp_path):
    errors = []
    s = ingest([str(tmp_path / "typo.txt")], tmp_path / "new.db", on_error=errors.append)
    assert s.skipped == 1 and [e.reason for e in errors] == ["no such file"]
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    "line, reason",
    [
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply to read"),
        ('{"text": "x", "n": ' + "9" * 5000 + "}", "unreadable JSON value (ValueError: Exceeds the limit"),
        ('{"text": "bad \\ud800 text"}', "text holds a lone surrogate (\\ud800 at character 4): not Unicode text"),
    ],
)
def test_json_records_python_cannot_take_are_that_records_error(tmp_path, line, reason):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"title": "A", "text": "Police said 3 people died."}\n'
        + line
        + '\n{"title": "B", "text": "Police said 4 people died."}\n'
    )
    errors = []
    s = ingest([str(src)], tmp_path / "t.db", on_error=errors.append)
    assert (s.new, s.skipped) == (2, 1)
    (e,) = errors
    assert e.where == f"{src}:2" and e.reason.startswith(reason)


def test_same_url_with_a_changed_title_is_reparsed_in_place(tmp_path):
    from tracker.review.annotations import annotate

    body = "The ministry said on Monday that 40 people were injured in the blast."
    src = tmp_path / "a.json"
    src.write_text(json.dumps({"title": "Blast injures 40", "text": body, "url": "https://x.example/blast"}))
    db_path = tmp_path / "t.db"
    ingest([str(src)], db_path)
    db = connect(db_path)
    (aid,) = [r[0] for r in db.execute("select id from articles")]
    cid = db.execute("select id from claims").fetchone()[0]
    annotate(db, cid, "true", annotator="alice")
    db.close()
    src.write_text(json.dumps({"title": "UPDATED: Blast injures 40", "text": body, "url": "https://x.example/blast"}))
    s = ingest([str(src)], db_path)
    assert (s.new, s.updated) == (0, 1)
    db = connect(db_path)
    assert db.execute("select id, title from articles").fetchall() == [(aid, "UPDATED: Blast injures 40")]
    assert db.execute("select target_id, orphaned from current_verdicts").fetchall() == [(cid, 0)]


def test_same_url_twice_in_one_run_is_one_article(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(
        "".join(
            json.dumps({"title": t, "text": f"Officials said {n} people were hurt.", "url": "https://x.example/1"})
            + "\n"
            for t, n in (("First title", 3), ("Second title", 4))
        )
    )
    s = ingest([str(src)], tmp_path / "t.db", batch_size=10)
    assert (s.new, s.updated) == (1, 1)
    db = connect(tmp_path / "t.db")
    assert [r[0] for r in db.execute("select title from articles")] == ["Second title"]


def test_summary_counts_in_the_singular_and_plural():
    from tracker.store.ingest import IngestSummary, plural

    assert IngestSummary(new=1, quotes=1, claims=2).line() == (
        "1 article: 1 new, 0 unchanged, 0 updated, 0 skipped; 1 quote, 2 claims stored"
    )
    assert IngestSummary(new=2, skipped=1).line() == (
        "2 articles: 2 new, 0 unchanged, 0 updated, 1 skipped; 0 quotes, 0 claims stored"
    )
    assert (plural(1, "index", "indexes"), plural(21, "index", "indexes")) == ("1 index", "21 indexes")


def test_a_file_name_that_is_not_utf8_does_not_stop_its_articles(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name on a UTF-8 system: 'caf\udce9.txt'
    try:
        (folder / name).write_text("A headline here\n\nPolice said 3 people died on Monday.\n")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take a file name that is not UTF-8")
    s = ingest([str(folder)], tmp_path / "t.db")
    assert (s.new, s.skipped) == (1, 0)
    (path,) = [r[0] for r in connect(tmp_path / "t.db").execute("select path from articles")]
    assert path == f"{folder}/caf\\udce9.txt"


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_kills_its_worker_process_costs_that_article_only(tmp_path, monkeypatch, workers):
    """Not an exception but the process gone (out-of-memory killer, a crash in C): the pool would wait for
    its result forever. The window is extracted again one article at a time on a new pool. With one worker
    too: extraction has a process of its own, so the writer (and the run) survives."""
    import os

    import tracker.store.ingest as ingest_mod

    src = tmp_path / "in.jsonl"
    _numbered(src, 30)
    real = ingest_mod._extract_one

    def extract_or_die(article):
        if article.title == "Article 12":
            os._exit(9)
        return real(article)

    monkeypatch.setattr(ingest_mod, "_extract_one", extract_or_die)
    errors = []
    s = ingest([str(src)], tmp_path / "t.db", workers=workers, batch_size=10, on_error=errors.append)
    assert (s.new, s.skipped) == (29, 1)
    assert [str(e) for e in errors] == [
        f"{src}:13: extraction failed (its worker process died: killed, out of memory or crashed)"
    ]
    db = connect(tmp_path / "t.db")
    assert {t for (t,) in db.execute("select title from articles")} == {f"Article {i}" for i in range(30)} - {
        "Article 12"
    }
