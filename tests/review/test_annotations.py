"""The annotation write path shared by the web form, the CLI and imports, and what it must survive."""

import json
import re
import sqlite3

import pytest
import yaml
from click.testing import CliRunner

import tracker.parse
from tests.conftest import EXAMPLE, ROOT
from tracker.cli import cli
from tracker.review.annotations import (
    ANNOTATE_SQL,
    AnnotationError,
    annotate,
    ensure_annotation_schema,
    history,
    import_file,
)
from tracker.store.db import connect
from tracker.store.ingest import ingest


def build(tmp_path, text=None):
    """A database from the example article (or a variant of its text), as `tracker ingest` builds it."""
    article = tmp_path / "articles" / EXAMPLE.name
    article.parent.mkdir(exist_ok=True)
    article.write_text(text if text is not None else EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    db_path = tmp_path / "tracker.db"
    ingest([str(article.parent)], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    return db, db_path, article


@pytest.fixture
def built(tmp_path):
    db, db_path, article = build(tmp_path)
    assert db["claims"].count and db["quotes"].count, "the example article yields claims and quotes"
    return db, db_path, article


def first(db, table):
    return db.execute(f"select id, text from {table} order by start limit 1").fetchone()


def test_stored_query_is_the_same_sql():
    """The web form runs datasette.yaml's query and the CLI runs ANNOTATE_SQL: they must not drift apart."""
    config = yaml.safe_load((ROOT / "datasette.yaml").read_text())
    query = config["databases"]["tracker"]["queries"]["annotate"]
    assert query["sql"] == ANNOTATE_SQL
    assert query["write"] is True
    assert ":_actor_id" in query["sql"]


def test_annotate_records_target_and_blank_fields_as_null(built):
    db, _, _ = built
    cid, text = first(db, "claims")
    row = annotate(db, cid, "false", note="", sources=(), annotator="alice")
    assert row["target_type"] == "claim" and row["target_text"] == text and row["annotator"] == "alice"
    assert row["note"] is None and row["sources"] is None and row["wrong"] is None
    stored = db.execute("select note, sources, wrong from annotations where id = ?", [row["id"]]).fetchone()
    assert stored == (None, None, None)


def test_annotate_commits_what_it_appends(built):
    """When annotate returns, its annotation is committed, even on a connection the caller left a transaction
    open on (sqlite3 opens none by itself before ANNOTATE_SQL, which starts with WITH)."""
    db, db_path, _ = built
    cid, _ = first(db, "claims")
    db.conn.execute("begin")
    annotate(db, cid, "true", annotator="alice")
    assert not db.conn.in_transaction
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("select target_id, verdict, annotator from annotations").fetchall() == [
            (cid, "true", "alice")
        ]
    finally:
        other.close()


def test_blank_strings_from_a_form_become_null(built):
    """What a browser or JSON client sends for empty fields: '' for every parameter."""
    db, _, _ = built
    cid, _ = first(db, "claims")
    db.conn.execute(
        ANNOTATE_SQL,
        {"target_id": cid, "verdict": "true", "wrong": "", "note": "  ", "sources": "", "_actor_id": "bob"},
    )
    row = db.execute("select verdict, wrong, note, sources from annotations").fetchone()
    assert row == ("true", None, None, None)


def test_sources_as_lines_or_json_list(built):
    db, _, _ = built
    cid, _ = first(db, "claims")
    db.conn.execute(
        ANNOTATE_SQL,
        {
            "target_id": cid,
            "verdict": "false",
            "wrong": "",
            "note": "",
            "sources": "https://a.example/1\r\n\r\nhttps://b.example/2 ",
            "_actor_id": "bob",
        },
    )
    row = annotate(db, cid, "half true", sources='["https://c.example/3"]', annotator="bob")
    got = [json.loads(r[0]) for r in db.execute("select sources from annotations order by id")]
    assert got == [["https://a.example/1", "https://b.example/2"], ["https://c.example/3"]]
    assert json.loads(row["sources"]) == ["https://c.example/3"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(verdict="flase"), "unknown verdict 'flase'"),
        (dict(verdict=""), "choose a verdict"),
        (dict(verdict="extraction wrong"), "say what is wrong"),
        (dict(verdict="false", wrong="wrong span"), "only for the verdict"),
        (dict(verdict="false", sources=["ftp://x"]), "not an http(s) URL"),
        (dict(verdict="false", annotator=""), "needs an annotator"),
    ],
)
def test_invalid_annotations_are_refused_with_a_reason(built, kwargs, message):
    db, _, _ = built
    cid, _ = first(db, "claims")
    kwargs = {"annotator": "alice", **kwargs}
    with pytest.raises(AnnotationError, match=re.escape(message)):
        annotate(db, cid, **kwargs)
    assert db["annotations"].count == 0


def test_database_refuses_what_python_would(built):
    """The triggers guard the web path, which never runs the Python checks."""
    db, _, _ = built
    cid, _ = first(db, "claims")
    qid, _ = first(db, "quotes")
    base = {"target_id": cid, "verdict": "true", "wrong": "", "note": "", "sources": "", "_actor_id": "bob"}
    for change, message in [
        ({"verdict": "pants on fire"}, "unknown verdict"),
        ({"target_id": qid, "verdict": "false"}, "a quote's only verdict is extraction wrong"),
        ({"target_id": "no-such-id"}, "no claim or quote has this id"),
        ({"_actor_id": ""}, "needs an annotator"),
        ({"sources": "javascript:alert(1)"}, "sources must be http(s) URLs"),
        ({"verdict": "extraction wrong", "wrong": "bad vibes"}, "say what is wrong"),
    ]:
        with pytest.raises(sqlite3.IntegrityError, match=re.escape(message)):
            db.conn.execute(ANNOTATE_SQL, {**base, **change})
    assert db["annotations"].count == 0


def test_quote_extraction_wrong(built):
    db, _, _ = built
    qid, text = first(db, "quotes")
    row = annotate(db, qid, "Extraction-Wrong", wrong="wrong speaker", annotator="alice")
    assert (row["target_type"], row["verdict"], row["wrong"], row["target_text"]) == (
        "quote",
        "extraction wrong",
        "wrong speaker",
        text,
    )


def test_append_only(built):
    db, _, _ = built
    cid, _ = first(db, "claims")
    annotate(db, cid, "false", annotator="alice")
    annotate(db, cid, "true", note="corrected", annotator="bob")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("update annotations set verdict = 'true' where id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("delete from annotations")
    assert [r["verdict"] for r in history(db, "claim", cid)] == ["true", "false"]
    current = db.execute("select verdict, annotator from current_verdicts where target_id = ?", [cid]).fetchone()
    assert current == ("true", "bob")
    assert db.execute("select verdict from claims_with_verdict where id = ?", [cid]).fetchone() == ("true",)


def test_insert_or_replace_cannot_rewrite_history(built):
    """REPLACE deletes the old row without firing the delete trigger: the insert itself is refused."""
    db, _, _ = built
    cid, text = first(db, "claims")
    annotate(db, cid, "false", annotator="alice")
    for conflict in ("or replace", "or ignore", ""):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.conn.execute(
                f"insert {conflict} into annotations (id, target_type, target_id, verdict, annotator, created_at) "
                "values (1, 'claim', ?, 'true', 'mallory', '2020-01-01')",
                [cid],
            )
    assert [(r["verdict"], r["annotator"]) for r in history(db, "claim", cid)] == [("false", "alice")]


@pytest.mark.parametrize(
    "target_type, target_id",
    [("claim", "no-such-claim"), ("quote", "no-such-quote"), ("article", None), ("claim", "QUOTE")],
)
def test_direct_insert_for_a_missing_target_is_refused(built, target_type, target_id):
    db, _, _ = built
    qid, _ = first(db, "quotes")
    target_id = qid if target_id == "QUOTE" else target_id or first(db, "claims")[0]
    with pytest.raises(sqlite3.IntegrityError, match="no claim or quote has this id"):
        db.conn.execute(
            "insert into annotations (target_type, target_id, verdict, annotator, created_at) "
            "values (?, ?, 'true', 'alice', '2020-01-01')",
            [target_type, target_id],
        )
    assert db["annotations"].count == 0


def test_survives_reingest_and_parser_change(built, monkeypatch):
    db, db_path, article = built
    cid, _ = first(db, "claims")
    annotate(db, cid, "misleading", annotator="alice")
    db.close()
    summary = ingest([str(article)], db_path)
    assert summary.unchanged == 1
    monkeypatch.setattr(tracker.parse, "PARSER_VERSION", "annotation-test")
    summary = ingest([str(article)], db_path)
    assert summary.updated == 1, "a new parser version re-parses the article"
    db = connect(db_path)
    assert db.execute("select parser_version from articles").fetchone() == ("annotation-test",)
    assert db.execute("select verdict, orphaned from current_verdicts where target_id = ?", [cid]).fetchone() == (
        "misleading",
        0,
    )
    assert db.execute("select verdict from claims_with_verdict where id = ?", [cid]).fetchone() == ("misleading",)


def test_changed_article_orphans_but_keeps_annotation(built):
    db, db_path, article = built
    text = article.read_text(encoding="utf-8")
    claims = db.execute("select id, text from claims order by start").fetchall()
    cid, claim_text = next((c for c in claims if c[1] in text), (None, None))
    assert cid, "some claim appears verbatim in the file"
    annotate(db, cid, "false", note="checked", annotator="alice")
    db.close()
    article.write_text(text.replace(claim_text, "The weather in Ankara was mild."), encoding="utf-8")
    assert ingest([str(article)], db_path).updated == 1
    db = connect(db_path)
    assert db.execute("select count(*) from claims where id = ?", [cid]).fetchone() == (0,)
    row = db.execute(
        "select verdict, orphaned, target_text, note from current_verdicts where target_id = ?", [cid]
    ).fetchone()
    assert row == ("false", 1, claim_text, "checked")
    assert db["annotations"].count == 1


def test_schema_is_idempotent_and_refreshes_changed_definitions(built):
    db, _, _ = built
    before = db.execute(
        "select name, sql from sqlite_master where type in ('trigger', 'view') order by name"
    ).fetchall()
    ensure_annotation_schema(db)
    assert (
        db.execute("select name, sql from sqlite_master where type in ('trigger', 'view') order by name").fetchall()
        == before
    )
    db.execute("drop trigger annotations_no_delete")
    db.execute("drop view claims_with_verdict")
    ensure_annotation_schema(db)
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    assert {"annotations_no_delete", "claims_with_verdict"} <= names


def test_cli_annotate(built):
    db, db_path, _ = built
    cid, _ = first(db, "claims")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "annotate",
            cid,
            "--verdict",
            "false",
            "--note",
            "n",
            "--source",
            "https://a.example",
            "--source",
            "https://b.example",
            "--by",
            "carol",
            "--db",
            str(db_path),
        ],
    )
    assert result.exit_code == 0, result.output
    row = db.execute("select verdict, note, json(sources), annotator from annotations").fetchone()
    assert row == ("false", "n", '["https://a.example","https://b.example"]', "carol")
    bad = runner.invoke(cli, ["annotate", cid, "--verdict", "fals", "--by", "carol", "--db", str(db_path)])
    assert bad.exit_code == 1 and "unknown verdict 'fals'" in bad.output
    assert len(bad.output.strip().splitlines()) == 1
    missing = runner.invoke(cli, ["annotate", "nope", "--verdict", "false", "--by", "c", "--db", str(db_path)])
    assert missing.exit_code == 1 and "no claim or quote has this id" in missing.output
    nodb = runner.invoke(cli, ["annotate", cid, "--verdict", "false", "--by", "c", "--db", str(db_path) + "x"])
    assert nodb.exit_code == 1 and "no such database" in nodb.output


def test_import_csv_and_jsonl_all_or_nothing(built, tmp_path):
    db, db_path, _ = built
    (c1, _), (c2, _) = db.execute("select id, text from claims order by start limit 2").fetchall()
    qid, _ = first(db, "quotes")
    good = tmp_path / "good.csv"
    good.write_text(
        "claim_id,verdict,wrong,note,sources,annotator\n"
        f"{c1},false,,,https://a.example https://b.example,alice\n"
        f"{c2},Mostly True,,a note,,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["annotations", "import", str(good), "--by", "importer", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    rows = db.execute(
        "select target_id, verdict, note, json(sources), annotator from annotations order by id"
    ).fetchall()
    assert rows == [
        (c1, "false", None, '["https://a.example","https://b.example"]', "alice"),
        (c2, "mostly true", "a note", None, "importer"),
    ]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"target_id": qid, "verdict": "extraction wrong", "wrong": "wrong span", "annotator": "a"})
        + "\n"
        + json.dumps({"target_id": c1, "verdict": "nonsense", "annotator": "a"})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["annotations", "import", str(bad), "--db", str(db_path)])
    assert result.exit_code == 1
    assert f"{bad}:2" in result.output and "unknown verdict 'nonsense'" in result.output
    assert db["annotations"].count == 2, "nothing from the failed file was kept"
    with pytest.raises(AnnotationError, match="give a .csv or .jsonl"):
        import_file(db, str(tmp_path / "x.txt"))


def test_query_body_makes_every_parameter_bindable():
    from tracker.review.annotations import query_body

    got = json.loads(query_body(b'{"target_id": "c1", "verdict": null, "sources": ["https://a.example"], "n": 3}'))
    assert got == {
        "target_id": "c1",
        "verdict": "",
        "wrong": "",
        "note": "",
        "sources": '["https://a.example"]',
        "n": 3,
    }
    assert query_body(b"target_id=c1&verdict=true") == b"target_id=c1&verdict=true&wrong=&note=&sources="
    full = b"target_id=c1&verdict=true&wrong=&note=&sources="
    assert query_body(full) is full
    assert query_body(b"{not json}") == b"{not json}"


def test_query_body_reads_a_body_as_datasette_does():
    """Datasette reads a body as JSON only when it starts with { and ends with }, anything else as a form; and
    bytes that are not UTF-8 would make it fail, so they are replaced (U+FFFD) before it sees them."""
    from tracker.review.annotations import query_body

    half = b'{"target_id": "c1"'  # not JSON to Datasette: a form whose one field is named by the whole text
    assert query_body(half) == b"%7B%22target_id%22%3A+%22c1%22=&target_id=&verdict=&wrong=&note=&sources="
    assert query_body(b"target_id=c1&note=\xff") == b"target_id=c1&note=%EF%BF%BD&verdict=&wrong=&sources="
    assert json.loads(query_body(b'{"target_id": "c1", "note": "\xff"}')) == {
        "target_id": "c1",
        "note": "\ufffd",
        "verdict": "",
        "wrong": "",
        "sources": "",
    }


def test_cli_annotator_must_be_an_account_once_there_are_accounts(built, tmp_path):
    """Alone (no accounts) any name annotates; once the database has accounts, `--by` and an import's
    annotators must name one, so a typo never enters the append-only history."""
    from tracker.review.users import add_user, users_path

    db, db_path, _ = built
    cid, _ = first(db, "claims")
    runner = CliRunner()
    alone = runner.invoke(cli, ["annotate", cid, "--verdict", "true", "--by", "anyone", "--db", str(db_path)])
    assert alone.exit_code == 0, alone.output
    add_user(users_path(db_path), "alice", "a long password")
    typo = runner.invoke(cli, ["annotate", cid, "--verdict", "false", "--by", "alcie", "--db", str(db_path)])
    assert typo.exit_code == 1
    assert typo.output.strip() == (
        "Error: 'alcie' is not an account of this database (see `tracker users list`; "
        "add one with `tracker users add alcie`)"
    )
    ok = runner.invoke(cli, ["annotate", cid, "--verdict", "false", "--by", "alice", "--db", str(db_path)])
    assert ok.exit_code == 0, ok.output
    assert db.execute("select annotator, verdict from annotations order by rowid").fetchall() == [
        ("anyone", "true"),
        ("alice", "false"),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"claim_id,verdict,annotator\n{cid},true,alice\n{cid},false,bob\n", encoding="utf-8")
    refused = runner.invoke(cli, ["annotations", "import", str(bad), "--db", str(db_path)])
    assert refused.exit_code == 1
    assert f"{bad}:3: 'bob' is not an account of this database" in refused.output
    unnamed = tmp_path / "unnamed.csv"
    unnamed.write_text(f"claim_id,verdict\n{cid},true\n", encoding="utf-8")
    by_typo = runner.invoke(cli, ["annotations", "import", str(unnamed), "--by", "alcie", "--db", str(db_path)])
    assert by_typo.exit_code == 1 and "'alcie' is not an account" in by_typo.output
    assert db.execute("select count(*) from annotations").fetchone()[0] == 2
    good = runner.invoke(cli, ["annotations", "import", str(unnamed), "--by", "alice", "--db", str(db_path)])
    assert good.exit_code == 0, good.output
    assert db.execute("select count(*) from annotations").fetchone()[0] == 3
