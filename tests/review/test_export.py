"""Exports: tables and views as CSV / JSON / JSON Lines, and annotated claims as schema.org ClaimReview."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLE
from tracker.cli import cli
from tracker.review.annotations import annotate, ensure_annotation_schema
from tracker.review.export import ExportError, claim_reviews, export_string
from tracker.store.db import connect
from tracker.store.ingest import ingest


@pytest.fixture
def annotated(tmp_path):
    db_path = tmp_path / "tracker.db"
    ingest([str(EXAMPLE)], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    claims = db.execute(
        "select c.id, c.text, s.name from claims c left join speakers s on s.id = c.speaker_id order by c.start"
    ).fetchall()
    spoken = next(c for c in claims if c[2])  # a claim with a speaker
    plain = next(c for c in claims if not c[2])  # one in the writer's own voice
    qid = db.execute("select id from quotes limit 1").fetchone()[0]
    annotate(db, spoken[0], "false", note="no such statement", sources=["https://example.org/a"], annotator="alice")
    annotate(db, plain[0], "true", annotator="bob")
    annotate(db, plain[0], "mostly true", note="rounded figure", annotator="carol")
    annotate(db, qid, "extraction wrong", wrong="wrong speaker", annotator="alice")
    return db, db_path, spoken, plain


def test_claimreview_fields(annotated):
    db, _, spoken, plain = annotated
    reviews = claim_reviews(db, base_url="https://tracker.example/")
    assert len(reviews) == 2, "one per claim (current verdict only); quotes and extraction errors are not reviews"
    by_claim = {r["claimReviewed"]: r for r in reviews}
    r = by_claim[spoken[1]]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["url"] == f"https://tracker.example/tracker/claims/{spoken[0]}"
    assert r["author"] == {"@type": "Person", "name": "alice"}
    assert r["reviewRating"]["@type"] == "Rating" and r["reviewRating"]["alternateName"] == "false"
    assert r["reviewRating"]["ratingExplanation"] == "no such statement"
    assert r["isBasedOn"] == ["https://example.org/a"]
    assert len(r["datePublished"]) == 10 and r["datePublished"][4] == "-"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == spoken[2]
    assert item["datePublished"] == db.execute("select published from articles").fetchone()[0]
    assert item["appearance"]["url"].startswith("https://tracker.example/tracker/articles/")
    p = by_claim[plain[1]]
    assert p["reviewRating"]["alternateName"] == "mostly true" and p["author"]["name"] == "carol"
    assert p["itemReviewed"]["author"]["name"], "writer's-voice claims are attributed to the byline or outlet"


def test_claimreview_uses_article_url_and_keeps_orphans(annotated):
    db, _, spoken, _ = annotated
    with db.conn:
        db.conn.execute("update articles set url = 'https://news.example/turkey'")
        for t in ("claim_entities", "quantities", "claim_dates"):
            db.conn.execute(f"delete from {t} where claim_id = ?", [spoken[0]])
        db.conn.execute("delete from claims where id = ?", [spoken[0]])
    reviews = {r["claimReviewed"]: r for r in claim_reviews(db)}
    assert reviews[spoken[1]]["itemReviewed"]["appearance"]["url"] == "https://news.example/turkey"


def test_csv_json_jsonl_of_current_verdicts(annotated):
    db, _, spoken, plain = annotated
    rows = list(csv.DictReader(io.StringIO(export_string(db, "csv", table="current_verdicts"))))
    assert {r["target_id"]: r["verdict"] for r in rows} == {
        spoken[0]: "false",
        plain[0]: "mostly true",
        db.execute("select target_id from annotations where target_type = 'quote'").fetchone()[0]: "extraction wrong",
    }
    js = json.loads(export_string(db, "json", table="current_verdicts", where="verdict = 'mostly true'"))
    assert [(r["target_id"], r["annotator"], r["orphaned"]) for r in js] == [(plain[0], "carol", 0)]
    lines = export_string(db, "jsonl").splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["annotator"] == "alice"


def test_errors_are_one_line(annotated):
    db, _, _, _ = annotated
    with pytest.raises(ExportError, match="no table or view 'nope'"):
        export_string(db, "csv", table="nope")
    with pytest.raises(ExportError, match="--where"):
        export_string(db, "csv", where="no_such_column = 1")
    with pytest.raises(ExportError, match="does not apply"):
        export_string(db, "claimreview", table="claims")


def test_cli(annotated, tmp_path):
    _, db_path, spoken, _ = annotated
    out = tmp_path / "reviews.json"
    result = CliRunner().invoke(
        cli,
        ["export", "--format", "claimreview", "--db", str(db_path), "-o", str(out), "--base-url", "https://t.example"],
    )
    assert result.exit_code == 0, result.output
    assert "2 records exported" in result.output
    assert {r["claimReviewed"] for r in json.loads(out.read_text())} >= {spoken[1]}
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "--format",
            "csv",
            "--table",
            "claims_with_verdict",
            "--where",
            "verdict is not null",
            "--db",
            str(db_path),
        ],
    )
    assert result.exit_code == 0
    assert sorted(r["verdict"] for r in csv.DictReader(io.StringIO(result.stdout))) == ["false", "mostly true"]
    bad = CliRunner().invoke(cli, ["export", "--table", "nope", "--db", str(db_path)])
    assert bad.exit_code == 1 and "no table or view" in bad.output


def test_the_tables_suggested_are_the_ones_a_person_exports(annotated):
    db, _, _, _ = annotated
    with pytest.raises(ExportError) as e:
        export_string(db, "csv", table="nope")
    suggested = str(e.value).split("try one of: ")[1].rstrip(")").split(", ")
    assert {"articles", "quotes", "claims", "annotations", "claims_with_verdict", "ingest_errors"} <= set(suggested)
    # not the full-text indexes and their own tables, nor the bookkeeping ones Datasette hides
    assert not [t for t in suggested if "_fts" in t or t.startswith("_")]
    assert any("_fts" in t for t in db.table_names())


def test_an_export_to_a_file_is_whole_or_not_written(annotated, tmp_path):
    _, db_path, _, _ = annotated
    out = tmp_path / "claims.csv"
    ok = CliRunner().invoke(cli, ["export", "--table", "claims", "--db", str(db_path), "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    before = out.read_bytes()
    assert before.count(b"\n") > 5
    # a refused export leaves the earlier file as it was, and nothing half-written beside it
    for bad in (["--where", "no_such_column = 1"], ["--table", "nope"]):
        r = CliRunner().invoke(cli, ["export", "--table", "claims", "--db", str(db_path), "-o", str(out), *bad])
        assert r.exit_code == 1
        assert out.read_bytes() == before
    r = CliRunner().invoke(cli, ["export", "--table", "nope", "--db", str(db_path), "-o", str(tmp_path / "new.csv")])
    assert r.exit_code == 1 and not (tmp_path / "new.csv").exists()
    assert not list(tmp_path.glob(".*.part"))  # no partial file left behind


def test_an_export_to_a_folder_that_does_not_exist_is_one_line(annotated, tmp_path):
    _, db_path, _, _ = annotated
    r = CliRunner().invoke(cli, ["export", "--db", str(db_path), "-o", str(tmp_path / "no" / "such" / "x.csv")])
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'no' / 'such' / 'x.csv'}: No such file or directory"
    ]
