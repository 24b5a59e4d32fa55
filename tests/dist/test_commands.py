"""Same answers on every path: ingest (two batch sizes, one and two workers) and extract -> group -> load (in
process, and on a LocalCluster of two workers) store the same rows in every table, run through the commands."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.dist.corpus import contents
from tracker.cli import cli

N = 240
REPEATS = 8  # later copies of articles (tests.dist.corpus.with_repeats)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The made-up corpus in two JSON Lines files and one JSON file (a file per task), and what ingest stores."""
    import json

    from tests.dist.corpus import articles, with_repeats

    d = tmp_path_factory.mktemp("corpus")
    src = d / "in"
    src.mkdir()
    arts = with_repeats(articles(N))  # N articles, some of them several times (ingest keeps one of each)
    (src / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts[:150]), encoding="utf-8")
    (src / "b.json").write_text(json.dumps(arts[150:170]), encoding="utf-8")
    (src / "c.jsonl").write_text("".join(json.dumps(a) + "\n\n" for a in arts[170:]), encoding="utf-8")
    assert len(arts) == N + REPEATS
    runner = CliRunner()
    ingested = []
    for workers, batch in ((1, 1000), (2, 17)):
        db = d / f"ingest-{workers}-{batch}.db"
        r = runner.invoke(cli, ["ingest", str(src), "--db", str(db), "-w", str(workers), "--batch-size", str(batch)])
        assert r.exit_code == 0, r.output
        assert f"{N + REPEATS} articles: {N} new, 3 unchanged, 5 updated" in r.output  # every kind of repeat
        ingested.append(contents(db))
    assert ingested[0] == ingested[1]
    return src, ingested[0]


def _dask_path(src, tmp_path, *scheduler) -> dict:
    runner = CliRunner()
    run, db = tmp_path / "run", tmp_path / "loaded.db"
    r = runner.invoke(cli, ["extract", str(src), "-o", str(run), "--chunk-size", "40", "-q", *scheduler])
    assert r.exit_code == 0, r.output
    assert f"{N + REPEATS} articles" in r.output
    r = runner.invoke(cli, ["group", str(run), "--buckets", "3", "-q", *scheduler])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["load", str(run), "--db", str(db), "-q"])
    assert r.exit_code == 0, r.output
    return contents(db)


def _same(a: dict, b: dict) -> None:
    for table in a:
        assert a[table] == b[table], table


def test_the_dask_path_stores_what_ingest_stores(corpus, tmp_path):
    src, ingested = corpus
    loaded = _dask_path(src, tmp_path)
    _same(ingested, loaded)
    # the corpus is one where order matters: capped conflicts, merged groups, speakers with several roles
    assert len(ingested["claim_conflicts"]) > 1000
    assert len(ingested["claim_groups"]) < len(ingested["claim_group_members"]) / 2
    assert len(ingested["articles"]) == N


def test_a_local_cluster_of_two_workers_stores_the_same(corpus, tmp_path):
    src, ingested = corpus
    _same(ingested, _dask_path(src, tmp_path, "--scheduler", "local", "--workers", "2"))


def test_a_rerun_rewrites_the_same_parts(corpus, tmp_path):
    import pyarrow.parquet as pq

    src, _ = corpus
    run = tmp_path / "run"
    runner = CliRunner()
    runs = []
    for _ in range(2):
        assert runner.invoke(cli, ["extract", str(src), "-o", str(run), "--chunk-size", "40", "-q"]).exit_code == 0
        parts = sorted(p.relative_to(run) for p in run.rglob("*.parquet"))
        runs.append(pq.read_table(run / "claims").to_pylist())
    assert [p.as_posix() for p in parts if p.parts[0] == "claims"] == [
        f"claims/part-{n:06d}.parquet" for n in range(len([p for p in parts if p.parts[0] == "claims"]))
    ]
    claims = runs[1]
    assert runs[0] == claims
    # every copy's claims are in the run (the copies are settled by group): one row per claim of each copy
    articles = pq.read_table(run / "articles").to_pylist()
    assert len(claims) == len({c["ord"] for c in claims}) == sum(a["claim_count"] for a in articles)
    assert len(articles) == N + REPEATS


def test_a_missing_run_or_bad_input_is_reported(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(cli, ["extract", str(bad), "-o", str(tmp_path / "run"), "-q"])
    assert r.exit_code == 1
    assert f"skipped {bad}:1: no body" in r.output and f"skipped {bad}:2: malformed JSON" in r.output
