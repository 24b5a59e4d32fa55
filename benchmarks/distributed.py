"""Dask path benchmark: N articles through `tracker ingest` and through extract -> group -> load on a
LocalCluster of 1 and 2 workers. One command gives every figure issue 15 asks for.

usage: python benchmarks/distributed.py [N] [--chunk-size 1000] [--keep DIR]   (N defaults to 8000)

The corpus is built as `benchmarks/scale.py` builds it (Wikinews articles from ../shared/corpus/wikinews,
varied, with planted facts and conflicts; never copied into the repository). Reported, per path:

- articles/s (wall) and, beside it, the machine's load average (os.getloadavg) when the phase began and ended:
  a wall figure taken while other jobs share the cores says little;
- CPU per article *inside* the tasks (each task's own thread: read, clean, extract, build rows, write Parquet;
  plus the line-counting pass) and *outside* them (each worker process's CPU beyond its tasks' threads:
  heartbeats, event loop, (de)serialisation; and the driver's, which holds the LocalCluster's scheduler): the
  engine's overhead, also as a % of the task CPU;
- per worker: its task CPU, its CPU outside tasks, its busy time (the task stream: each task's start and end
  as the workers timed them), its peak memory;
- scaling measured by CPU, which other jobs on the machine do not distort: the parallelism reached (task CPU /
  wall) and the speed-up two workers would give on two free cores (the one worker's total CPU over the busiest
  of the two workers' total CPU), beside the wall speed-up;
- Parquet bytes per article, and group and load times (wall and CPU per article).

Workers are started and warmed (imports, schemas: a one-off cost per worker process, reported apart) before
any clock starts. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
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
from tracker.dist.extract import extract, worker_name  # noqa: E402
from tracker.dist.group import group  # noqa: E402
from tracker.dist.load import load  # noqa: E402


def _cpu() -> tuple[str, float]:
    return worker_name(), time.process_time()


def _rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _warm() -> float:
    """What a worker's first task pays once: imports and the tables' schemas. Returns its CPU seconds."""
    t0 = time.process_time()
    from tracker.dist import chunk, tables  # noqa: F401
    from tracker.extraction.pipeline import extract as run_extraction

    for table in (*chunk.STORED, *chunk.GROUPING_INPUTS, "errors"):
        tables.schema(table)
    run_extraction('"We will finish it," said Maria Okafor. Turkey paid $2 billion for the pipeline.', None)
    return time.process_time() - t0


def _load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def _workers_cpu(client) -> dict[str, float]:
    return dict(client.run(_cpu).values())


def dask_path(jsonl: Path, work: Path, workers: int, chunk_size: int) -> dict:
    run = str(work / f"run-{workers}")
    shutil.rmtree(run, ignore_errors=True)
    with Engine("local", workers, quiet=True) as eng:
        client = eng.client
        warm = client.run(_warm)  # workers up and warm before the clock starts
        load0 = _load()
        before = _workers_cpu(client)
        driver0, wall0 = time.process_time(), time.perf_counter()
        s = extract([str(jsonl)], run, chunk_size=chunk_size, engine=eng)
        wall = time.perf_counter() - wall0
        driver = time.process_time() - driver0
        after = _workers_cpu(client)
        load1 = _load()
        peak = client.run(_rss)
        g0, gd0, gw0 = time.perf_counter(), time.process_time(), sum(_workers_cpu(client).values())
        gs = group(run, engine=eng)
        group_wall = time.perf_counter() - g0
        group_cpu = sum(_workers_cpu(client).values()) - gw0 + time.process_time() - gd0
        load2 = _load()
    l0, lc0 = time.perf_counter(), time.process_time()
    ls = load(run, work / f"loaded-{workers}.db")
    load_wall, load_cpu = time.perf_counter() - l0, time.process_time() - lc0
    n = s.articles
    task_cpu = s.task_cpu + s.count_cpu
    per_worker = {}
    for name in after:
        tasks = [t for t in s.tasks if t.worker == name]
        own = sum(t.cpu for t in tasks)
        per_worker[name] = {
            "tasks": len(tasks),
            "task CPU s": own,
            "CPU outside tasks s": after[name] - before[name] - own,
            "busy s": sum(t.ended - t.started for t in tasks),
            "total CPU s": after[name] - before[name],
        }
    # the count pass's tasks are spread over the workers like the others; their CPU is in `task_cpu` above
    outside = sum(w["CPU outside tasks s"] for w in per_worker.values()) - s.count_cpu + driver
    return {
        "articles": n,
        "chunks (tasks)": s.chunks,
        "articles per task": n / s.chunks,
        "articles/s (wall)": n / wall,
        "extract wall s": wall,
        "load average at start / end of extract": f"{load0} / {load1}",
        "CPU s/article inside tasks (all)": task_cpu / n,
        "  of which Arrow + Parquet writing": s.write_cpu / n,
        "  of which line counting": s.count_cpu / n,
        "CPU s/article outside tasks (workers + driver)": outside / n,
        "  of which driver (client, scheduler)": driver / n,
        "overhead % of task CPU": 100 * outside / task_cpu,
        # the outside-task CPU grows with wall time (heartbeats, ticks), not with articles: its rate per wall
        # second, and the overhead it would be if each worker had a free core (wall = task CPU / workers)
        "outside-task CPU per wall s: each worker / driver": (
            f"{(outside - driver) / workers / wall:.4f} / {driver / wall:.4f}"
        ),
        "overhead % on free cores (from those rates)": 100 * (outside / wall) * (task_cpu / workers) / task_cpu,
        "parallelism (task CPU / wall)": task_cpu / wall,
        "worker start-up CPU s (one-off, each)": " ".join(f"{v:.2f}" for v in warm.values()),
        "peak MiB per worker": " ".join(f"{v / 2**20:.0f}" for v in peak.values()),
        "per worker: tasks, task CPU s, outside s, busy s": "; ".join(
            f"{w['tasks']}, {w['task CPU s']:.1f}, {w['CPU outside tasks s']:.2f}, {w['busy s']:.1f}"
            for w in per_worker.values()
        ),
        "_busiest total CPU s": max(w["total CPU s"] for w in per_worker.values()),
        "_all workers total CPU s": sum(w["total CPU s"] for w in per_worker.values()),
        "Parquet bytes/article": s.parquet_bytes / n,
        "group wall s (load average after)": f"{group_wall:.1f} ({load2})",
        "group CPU s/article (workers + driver)": group_cpu / n,
        "groups, conflicts": f"{gs.groups}, {gs.conflicts} ({gs.iterations} rounds)",
        "load wall s / CPU s per article": f"{load_wall:.1f} / {load_cpu / n:.4f}",
        "loaded": ls.line(),
    }


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.4f}" if abs(v) < 1 else f"{v:.1f}"
    return str(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=8000)
    ap.add_argument("--chunk-size", type=int, default=1000)
    ap.add_argument("--keep", help="Folder to keep the corpus, runs and databases in")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tracker-dist-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl = work / "articles.jsonl"
    t0 = time.perf_counter()
    scale.build(args.n, jsonl)
    print(f"corpus: {args.n} articles, {jsonl.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - t0:.1f} s")
    print(f"machine: {os.cpu_count()} cores, {_load()} before the runs")

    db = work / "ingest.db"
    if db.exists():
        db.unlink()
    load0 = _load()
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed, peak, line = scale.run_ingest(jsonl, db, 1)
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ingest_cpu = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
    conn = sqlite3.connect(db)
    conflicts = conn.execute("select count(*) from claim_conflicts").fetchone()[0]
    print(
        f"ingest, 1 worker: {args.n / elapsed:.1f} articles/s ({elapsed:.1f} s; {load0} / {_load()}), "
        f"{ingest_cpu / args.n:.4f} CPU s/article (extraction, grouping and writing together), "
        f"peak {peak / 2**20:.0f} MiB (process tree), {db.stat().st_size / args.n:.0f} database bytes/article, "
        f"{conflicts} conflicts; {line}"
    )
    results = {w: dask_path(jsonl, work, w, args.chunk_size) for w in (1, 2)}
    print()
    print(f"| Dask path (LocalCluster, chunk size {args.chunk_size}) | 1 worker | 2 workers |")
    print("|---|---|---|")
    for key in results[1]:
        if not key.startswith("_"):
            print(f"| {key} | {_fmt(results[1][key])} | {_fmt(results[2][key])} |")
    one, two = results[1], results[2]
    print(
        f"\nscaling, 2 workers over 1: wall {two['articles/s (wall)'] / one['articles/s (wall)']:.2f}x "
        "(meaningful on a quiet machine only). By CPU, on two free cores: "
        f"{one['_busiest total CPU s'] / two['_busiest total CPU s']:.2f}x (the 1 worker's CPU over the busier "
        f"of the 2 workers'; lower when the CPU per article itself grew: total worker CPU "
        f"{one['_all workers total CPU s']:.1f} s with 1 worker, {two['_all workers total CPU s']:.1f} s with 2, "
        "as it does when the two workers share cores with other jobs); the 2 workers' split of their work: "
        f"{two['_all workers total CPU s'] / two['_busiest total CPU s']:.2f}x (their CPU over the busier's: 2.00 "
        "is an even split with nothing serialised)"
    )
    same = [
        sorted(sqlite3.connect(p).execute("select claim_id, other_claim_id, value, other_value from claim_conflicts"))
        for p in (db, work / "loaded-1.db", work / "loaded-2.db")
    ]
    print(f"conflicts identical on the three paths: {same[0] == same[1] == same[2]}")
    print(f"{_load()} at the end")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
