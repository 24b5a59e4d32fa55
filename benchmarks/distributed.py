"""Dask path benchmark: N articles through `tracker ingest` and through extract -> group -> load on a
LocalCluster of 1 and 2 workers.

usage: python benchmarks/distributed.py N [--chunk-size 1000] [--keep DIR]

The corpus is built as `benchmarks/scale.py` builds it (Wikinews articles from ../shared/corpus/wikinews,
varied, with planted facts and conflicts; never copied into the repository). Reported, per path: articles/s
(wall), CPU seconds per article inside the tasks (read, clean, extract, write Parquet) and outside them (Dask's
scheduling, serialisation and the driver: the engine's overhead), peak memory per worker, Parquet bytes per
article, and the group and load times. Worker CPU is read on each worker (`Client.run`) before and after, so the
overhead is what the workers and the driver spent beyond the tasks' own CPU. A benchmark, not a test: nothing is
asserted. The machine is shared: prefer the CPU figures to the wall ones.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run as a script, this file's folder is first on sys.path, and this file's name would hide the `distributed`
# package Dask needs: take the folder off, and load scale.py (the corpus builder, the ingest runner) by path.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]
_spec = importlib.util.spec_from_file_location("scale", HERE / "scale.py")
scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scale)

from tracker.dist.engine import Engine  # noqa: E402
from tracker.dist.extract import extract  # noqa: E402
from tracker.dist.group import group  # noqa: E402
from tracker.dist.load import load  # noqa: E402


def _cpu() -> float:
    return time.process_time()


def _rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def dask_path(jsonl: Path, work: Path, workers: int, chunk_size: int) -> dict:
    run = str(work / f"run-{workers}")
    shutil.rmtree(run, ignore_errors=True)
    with Engine("local", workers, quiet=True) as eng:
        client = eng.client
        client.run(lambda: None)  # workers up before the clock starts
        before = sum(client.run(_cpu).values())
        driver0, wall0 = time.process_time(), time.perf_counter()
        s = extract([str(jsonl)], run, chunk_size=chunk_size, engine=eng)
        wall = time.perf_counter() - wall0
        driver = time.process_time() - driver0
        worker_cpu = sum(client.run(_cpu).values()) - before
        peak = max(client.run(_rss).values())
        g0, gc0 = time.perf_counter(), sum(client.run(_cpu).values())
        gs = group(run, engine=eng)
        group_wall, group_cpu = time.perf_counter() - g0, sum(client.run(_cpu).values()) - gc0
    l0, lc0 = time.perf_counter(), time.process_time()
    ls = load(run, work / f"loaded-{workers}.db")
    load_wall, load_cpu = time.perf_counter() - l0, time.process_time() - lc0
    n = s.articles
    return {
        "articles": n,
        "chunks": s.chunks,
        "articles/s": n / wall,
        "task CPU s/article": s.task_cpu / n,
        "overhead CPU s/article": (worker_cpu - s.task_cpu + driver) / n,
        "overhead %": 100 * (worker_cpu - s.task_cpu + driver) / s.task_cpu,
        "peak MiB/worker": peak / 2**20,
        "Parquet bytes/article": s.parquet_bytes / n,
        "group s (wall / worker CPU)": f"{group_wall:.1f} / {group_cpu:.1f}",
        "groups, conflicts": f"{gs.groups}, {gs.conflicts} ({gs.iterations} rounds)",
        "load s (wall / CPU)": f"{load_wall:.1f} / {load_cpu:.1f}",
        "loaded": ls.line(),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--chunk-size", type=int, default=1000)
    ap.add_argument("--keep", help="Folder to keep the corpus, runs and databases in")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tracker-dist-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl = work / "articles.jsonl"
    t0 = time.perf_counter()
    scale.build(args.n, jsonl)
    print(f"corpus: {args.n} articles, {jsonl.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - t0:.1f} s")

    db = work / "ingest.db"
    if db.exists():
        db.unlink()
    elapsed, peak, line = scale.run_ingest(jsonl, db, 1)
    conn = sqlite3.connect(db)
    conflicts = conn.execute("select count(*) from claim_conflicts").fetchone()[0]
    print(
        f"ingest, 1 worker: {args.n / elapsed:.1f} articles/s ({elapsed:.1f} s), peak {peak / 2**20:.0f} MiB "
        f"(process tree), {db.stat().st_size / args.n:.0f} database bytes/article, {conflicts} conflicts; {line}"
    )
    results = {w: dask_path(jsonl, work, w, args.chunk_size) for w in (1, 2)}
    print()
    print(f"| Dask path (LocalCluster, chunk size {args.chunk_size}) | 1 worker | 2 workers |")
    print("|---|---|---|")
    for key in results[1]:
        a, b = results[1][key], results[2][key]
        fmt = (lambda v: f"{v:.4f}" if isinstance(v, float) and v < 1 else f"{v:.1f}") if isinstance(a, float) else str
        print(f"| {key} | {fmt(a)} | {fmt(b)} |")
    print(f"\nspeed-up with 2 workers: {results[2]['articles/s'] / results[1]['articles/s']:.2f}x")
    same = [
        sorted(sqlite3.connect(p).execute("select claim_id, other_claim_id, value, other_value from claim_conflicts"))
        for p in (db, work / "loaded-1.db", work / "loaded-2.db")
    ]
    print(f"conflicts identical on the three paths: {same[0] == same[1] == same[2]}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
