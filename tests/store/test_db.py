import sqlite3

import pytest

from tracker.records import Article
from tracker.store.db import article_key, connect, content_hash, status_of


def test_schema_has_foreign_keys_indexes_and_fts(tmp_path):
    db = connect(tmp_path / "t.db")
    fks = {
        (fk.table, fk.column, fk.other_table) for t in ("quotes", "claims", "quantities") for fk in db[t].foreign_keys
    }
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


def _fts_count(db, table: str, query: str) -> int:
    return db.execute(f"select count(*) from {table}_fts where {table}_fts match ?", [query]).fetchone()[0]


def test_full_text_index_follows_batches_reparses_and_other_writers(tmp_path):
    """write_rows indexes a batch's new rows itself (the insert triggers stand aside inside its transaction);
    a re-parse replaces the old entries; a row written by anyone else is still indexed by the trigger."""
    from tracker.extraction.pipeline import extract
    from tracker.parse import Parsed
    from tracker.store.db import FTS, write_batch

    def parse_article(a):
        return Parsed(a, extract(a.body, a.published))

    db = connect(tmp_path / "t.db")
    one = Article(
        title="Dam deal",
        body='The Blue Dam will cost Peru $2.5 billion, officials said. "We will build '
        'it," said Ana Lopez, the minister.',
        url="https://x/1",
        published="2024-03-01",
    )
    two = Article(title="Port news", body="The Red Port opened in 2019 with 400 workers.", url="https://x/2")
    batch = []
    for a in (one, two):
        aid, digest, status = status_of(db, a)
        batch.append((parse_article(a), aid, digest, status))
    write_batch(db, batch)
    assert db.execute("select count(*) from _fts_batch").fetchone()[0] == 0
    assert _fts_count(db, "claims", "billion") == 1 and _fts_count(db, "claims", "workers") == 1
    assert _fts_count(db, "quotes", "build") == 1 and _fts_count(db, "articles", "port") == 1
    # a re-parse: the old wording leaves the index, the new one enters it
    fixed = Article(
        title="Dam deal",
        body=one.body.replace("$2.5 billion", "$3 billion").replace("build", "finish"),
        url="https://x/1",
        published="2024-03-01",
    )
    aid, digest, status = status_of(db, fixed)
    assert status == "updated"
    write_batch(db, [(parse_article(fixed), aid, digest, status)])
    assert _fts_count(db, "quotes", "build") == 0 and _fts_count(db, "quotes", "finish") == 1
    assert _fts_count(db, "articles", "finish") == 1 and _fts_count(db, "articles", "build") == 0
    # another writer (sqlite-utils here) goes through the trigger
    db["articles"].insert({"id": "other", "title": "Harbour strike", "body": "Dockers stopped work."})
    assert _fts_count(db, "articles", "dockers") == 1
    db["articles"].update("other", {"body": "Dockers went back to work."})
    db["articles"].delete("other")
    for table in FTS:
        db.execute(f"insert into {table}_fts({table}_fts) values ('integrity-check')")
        n = db.execute(f"select count(*) from {table}").fetchone()[0]
        assert db.execute(f"select count(*) from {table}_fts_docsize").fetchone()[0] == n


def test_speaker_index_leaves_out_unattributed_claims_and_still_serves_speaker_queries(tmp_path):
    db = connect(tmp_path / "t.db")
    sql = db.execute("select sql from sqlite_master where name = 'idx_claims_speaker_id_published'").fetchone()[0]
    assert sql.lower().endswith("where speaker_id is not null")
    for query in (
        "select count(*) from claims where speaker_id = 'x'",
        "select published from claims where speaker_id in (select id from speakers) order by published",
    ):
        plan = " ".join(r[3] for r in db.execute("explain query plan " + query))
        assert "idx_claims_speaker_id_published" in plan, plan


def test_a_speakers_mentions_fold_to_the_first_name_and_kind_and_the_last_role():
    from tracker.store.db import fold_speakers

    rows = [
        {"id": "maria-okafor", "name": "Maria Okafor", "kind": None, "role": None},
        {"id": "maria-okafor", "name": "MARIA OKAFOR", "kind": "person", "role": "finance minister"},
        {"id": "olga-petrov", "name": "Olga Petrov", "kind": "person", "role": None},
        {"id": "maria-okafor", "name": "Maria Okafor", "kind": "organisation", "role": "prime minister"},
        {"id": "maria-okafor", "name": "Maria Okafor", "kind": "person", "role": None},
    ]
    assert fold_speakers(rows) == [
        {"id": "maria-okafor", "name": "Maria Okafor", "kind": "person", "role": "prime minister"},
        {"id": "olga-petrov", "name": "Olga Petrov", "kind": "person", "role": None},
    ]
    assert rows[0]["kind"] is None  # the caller's rows are left as they were


def test_the_claim_groups_page_reads_repeated_groups_from_their_own_index_also_in_older_databases(tmp_path):
    """The page's unit facet and count over `articles >= 2` (its default filter) read the partial index of
    repeated groups alone; without it the facet looked up every repeated group's row (0.3 s at 100,000
    articles). A database made before the index gets it when next opened (`tracker serve` and `tracker ingest`
    open it through connect)."""
    connect(tmp_path / "t.db").close()
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute("drop index claim_groups_repeated_unit")
    conn.commit()
    conn.close()
    db = connect(tmp_path / "t.db")
    facet = (
        "select unit as value, count(*) as count from (select id, label, unit, articles from claim_groups "
        "where articles >= 2) where unit is not null group by unit order by count desc, value limit 31"
    )
    plan = [r[3] for r in db.execute("explain query plan " + facet)]
    assert plan[0] == "SEARCH claim_groups USING INDEX claim_groups_repeated_unit (unit>?)", plan
    count = "select count(*) from (select 1 from claim_groups where articles >= 2 limit 10001)"
    plan = [r[3] for r in db.execute("explain query plan " + count)]
    assert any("claim_groups USING COVERING INDEX" in step for step in plan), plan
