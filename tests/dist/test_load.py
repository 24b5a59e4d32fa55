"""Loading a run into SQLite: a slice holds its articles and what hangs off them, with the indexes, full-text
search and group summaries a database made by ingest has, and Datasette serves it."""

from __future__ import annotations

import json

import pytest

from tests.dist.corpus import articles
from tracker.dist.extract import extract
from tracker.dist.group import group
from tracker.dist.load import load
from tracker.store import bulk
from tracker.store.db import connect


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    d = tmp_path_factory.mktemp("run")
    src = d / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles(80, seed=11)), encoding="utf-8")
    extract([str(src)], str(d / "run"), chunk_size=30)
    group(str(d / "run"))
    return str(d / "run")


def test_a_slice_keeps_its_articles_and_what_hangs_off_them(run, tmp_path):
    load(run, tmp_path / "whole.db")
    whole = connect(tmp_path / "whole.db")
    s = load(run, tmp_path / "ap.db", where="source = 'AP'")
    db = connect(tmp_path / "ap.db")
    expected = whole.execute("select count(*) from articles where source = 'AP'").fetchone()[0]
    assert s.articles == db["articles"].count == expected > 0
    assert db.execute("select count(*) from articles where source != 'AP'").fetchone()[0] == 0
    assert (
        db["claims"].count
        == whole.execute(
            "select count(*) from claims c join articles a on a.id = c.article_id where a.source = 'AP'"
        ).fetchone()[0]
    )
    # no row points outside the slice
    for sql in (
        "select count(*) from claims where article_id not in (select id from articles)",
        "select count(*) from quantities where claim_id not in (select id from claims)",
        "select count(*) from claim_group_members where claim_id not in (select id from claims)",
        "select count(*) from claim_conflicts where claim_id not in (select id from claims) "
        "or other_claim_id not in (select id from claims)",
        "select count(*) from speakers where id not in (select speaker_id from quotes where speaker_id is not null "
        "union select speaker_id from claims where speaker_id is not null)",
    ):
        assert db.execute(sql).fetchone()[0] == 0, sql
    # the groups' summaries are the slice's
    assert (
        db.execute(
            "select count(*) from claim_groups g where appearances != "
            "(select count(*) from claim_group_members m where m.group_id = g.id)"
        ).fetchone()[0]
        == 0
    )
    assert db["claim_groups"].count > 0 and db["claim_conflicts"].count < whole["claim_conflicts"].count
    # full-text search, and every index a page needs (none left deferred)
    assert db.execute("select count(*) from claims_fts where claims_fts match 'pipeline'").fetchone()[0] > 0
    db.execute("insert into claims_fts(claims_fts) values ('integrity-check')")
    assert bulk.deferred(db) == {}
    names = {r[0] for r in db.execute("select name from sqlite_master where type = 'index'")}
    assert set(bulk.PAGE_ONLY_INDEXES) <= names


async def test_datasette_serves_a_loaded_database(run, tmp_path):
    from datasette.app import Datasette

    load(run, tmp_path / "whole.db")
    ds = Datasette([str(tmp_path / "whole.db")])
    r = await ds.client.get("/whole/claim_groups.json?_shape=array&_size=1&_sort_desc=appearances")
    assert r.status_code == 200
    [top] = r.json()
    assert top["appearances"] > 1
    r = await ds.client.get("/whole/claims.json?_search=pipeline&_shape=array")
    assert r.status_code == 200 and r.json()


def test_an_article_twice_is_stored_once_after_group_and_refused_before(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    arts = articles(3, seed=2)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in [*arts, arts[1]]), encoding="utf-8")
    run = str(tmp_path / "run")
    extract([str(src)], run)
    r = CliRunner().invoke(cli, ["load", run, "--db", str(tmp_path / "t.db")])
    assert r.exit_code == 1  # which copy is kept is settled by group
    assert "more than once (one copy read from " in r.output and "run tracker group" in r.output
    assert group(run).repeats == 1
    s = load(run, tmp_path / "t.db")
    db = connect(tmp_path / "t.db")
    assert s.articles == db["articles"].count == 3
    # the exact copy is skipped, as ingest skips it: the first copy's row (its file:line) is the one stored
    assert db.execute("select path from articles where url = ?", [arts[1]["url"]]).fetchall() == [(f"{src}:2",)]


async def test_the_name_indexes_of_a_loaded_database_hold_its_names(run, tmp_path):
    """The load leaves the name indexes out and builds them at its end: filled from the loaded tables, so that
    the stored queries find a speaker or entity by any part of the name."""
    from tracker.store import name_search
    from tracker.web.serve import datasette_app

    load(run, tmp_path / "whole.db")
    db = connect(tmp_path / "whole.db")
    for index, (table, column) in name_search.INDEXES.items():
        count = db.execute(f"select count({column}) from {table}").fetchone()[0]
        assert count > 0 and db.execute(f"select count(*) from {index}").fetchone()[0] == count, index
    assert db.execute("select count(*) from claim_kinds").fetchone()[0] == db["claims"].count > 0
    name = db.execute(
        "select s.name from speakers s join quotes q on q.speaker_id = s.id "
        "where length(s.name) >= 5 group by s.id order by count(*) desc, s.id limit 1"
    ).fetchone()[0]
    part = name[1:5]  # any part of the name, three characters or more: read from the index
    expected = {
        r[0]
        for r in db.execute(
            "select id from quotes where speaker_id in (select id from speakers where name like '%' || ? || '%' "
            "union select speaker_id from speaker_aliases where alias like '%' || ? || '%')",
            [part, part],
        )
    }
    db.close()
    ds = datasette_app(tmp_path / "whole.db")
    r = await ds.client.get("/whole/quotes_by_speaker.json", params={"_shape": "array", "speaker": part})
    assert r.status_code == 200
    assert {row["id"] for row in r.json()} == expected != set()


def test_a_run_says_which_grouping_rules_its_keys_follow_and_an_older_one_is_regrouped(run, tmp_path):
    """Claim keys are made at extract: a database loaded from a run carries the run's rules version, so that a
    run extracted before the version was noted (no note: version 1) is regrouped by the next ingest."""
    import os

    from tracker.dist.tables import RULES_NOTE, read_note
    from tracker.store import grouping

    assert read_note(run, RULES_NOTE) == str(grouping.RULES_VERSION)
    load(run, tmp_path / "new.db")
    db = connect(tmp_path / "new.db")
    assert db.execute("select version from claim_grouping_rules").fetchall() == [(grouping.RULES_VERSION,)]
    assert grouping.ensure_rules(db) is False
    note = os.path.join(run, RULES_NOTE)
    kept = open(note).read()
    os.remove(note)
    try:
        load(run, tmp_path / "old.db")
    finally:
        with open(note, "w") as f:
            f.write(kept)
    db = connect(tmp_path / "old.db")
    assert db.execute("select version from claim_grouping_rules").fetchall() == [(1,)]
    lines: list[str] = []
    assert grouping.ensure_rules(db, echo=lines.append) is True
    assert lines[0].startswith("regrouping the claims of ") and lines[-1].endswith(" articles")
    assert db.execute("select version from claim_grouping_rules").fetchall() == [(grouping.RULES_VERSION,)]
