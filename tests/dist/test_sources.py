"""Input listing and chunking: ingest's order and names, byte ranges that read each line once, and S3 through a
local fake S3 server (moto's server mode on 127.0.0.1; no network)."""

from __future__ import annotations

import io
import json

import pytest

from tests.dist.corpus import articles, contents
from tracker.dist.chunk import read_chunk
from tracker.dist.sources import Chunk, count_lines, expand, number_lines, plan, range_lines
from tracker.read.formats import iter_files


def test_ranges_read_every_line_once_whatever_the_cut():
    lines = [b"x" * n + b"\n" for n in (0, 5, 1, 17, 3, 0, 40, 2)] + [b"last-without-newline"]
    data = b"".join(lines)
    for step in range(1, len(data) + 2):
        got = []
        for start in range(0, len(data), step):
            got += list(range_lines(io.BytesIO(data), start, min(start + step, len(data))))
        assert got == lines, step


def test_chunks_follow_ingest_order_and_line_numbers(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles(30)), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Officials said the bridge opened.", encoding="utf-8")
    (tmp_path / "c.md").write_text("The dam cost $2 billion.", encoding="utf-8")
    assert expand([str(tmp_path)]) == list(iter_files([str(tmp_path)]))
    assert expand([str(tmp_path / "*.*")]) == [str(tmp_path / "a.txt"), str(tmp_path / "c.md")]
    chunks = plan([str(tmp_path)], chunk_size=7)
    assert [c.path for c in chunks][:1] == [str(tmp_path / "a.txt")] and not chunks[0].split
    split = [c for c in chunks if c.split]
    assert len(split) >= 4 and [c.no for c in chunks] == list(range(len(chunks)))
    numbered = number_lines(chunks, [count_lines(c) for c in chunks])
    names = [r.where for c in numbered for r in read_chunk(c)]
    jsonl = str(tmp_path / "b" / "2.jsonl")
    assert [n for n in names if n.startswith(jsonl)] == [f"{jsonl}:{i}" for i in range(1, 31)]


def test_a_missing_file_is_one_error(tmp_path):
    [err] = list(read_chunk(Chunk(0, str(tmp_path / "gone.txt"))))
    assert err.reason == "no such file"


@pytest.fixture
def s3(monkeypatch):
    """A fake S3 on 127.0.0.1 for this test, with fsspec pointed at it."""
    import fsspec
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for k, v in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setitem(fsspec.config.conf, "s3", {"client_kwargs": {"endpoint_url": f"http://{host}:{port}"}})
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir("corpus")
    yield fs
    fsspec.filesystem("s3").clear_instance_cache()
    server.stop()


def test_extract_group_and_load_through_s3(s3, tmp_path):
    from tracker.dist.extract import extract
    from tracker.dist.group import group
    from tracker.dist.load import load
    from tracker.store.ingest import ingest

    local = tmp_path / "in"
    local.mkdir()
    arts = articles(60, seed=3)
    (local / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts[:50]), encoding="utf-8")
    (local / "b.json").write_text(json.dumps(arts[50:]), encoding="utf-8")
    for name in ("a.jsonl", "b.json"):
        s3.put(str(local / name), f"corpus/in/{name}")
    s = extract(["s3://corpus/in/"], "s3://corpus/run", chunk_size=15)
    # 50 lines in 3 equal ranges (the nearest to 15 articles each), the JSON file whole: parts 0 to 3
    assert (s.chunks, s.articles, s.errors) == (4, 60, [])
    assert s3.exists("corpus/run/claims/part-000003.parquet")
    group("s3://corpus/run", buckets=2)
    assert s3.exists("corpus/run/claim_conflicts/part-000000.parquet")
    assert not s3.exists("corpus/run/_shuffle")
    load("s3://corpus/run", tmp_path / "s3.db")
    ingest([str(local)], tmp_path / "local.db", workers=1)
    a, b = contents(tmp_path / "local.db"), contents(tmp_path / "s3.db")
    # the same rows; only where each article was read from differs
    path_col = [c for c in range(len(a["articles"][0])) if str(a["articles"][0][c]).startswith(str(local))]
    for t in (a, b):
        t["articles"] = sorted(tuple(v for i, v in enumerate(r) if i not in path_col) for r in t["articles"])
    assert any(
        str(v).startswith("s3://corpus/in/a.jsonl:") for r in contents(tmp_path / "s3.db")["articles"] for v in r
    )
    for table in a:
        assert a[table] == b[table], table
    assert len(a["claim_conflicts"]) > 10
