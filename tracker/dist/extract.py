"""`tracker extract`: run the per-chunk function over the input on Dask and write the run's Parquet parts."""

from __future__ import annotations

import os
import time
from contextlib import nullcontext
from dataclasses import dataclass, field

from tracker.store.grouping import RULES_VERSION

from .chunk import GROUPING_INPUTS, STORED, chunk_rows, read_chunk
from .engine import Engine
from .sources import Chunk, count_lines, number_lines, plan
from .tables import RULES_NOTE, clear, write_note, write_part

TABLES = (*STORED, *GROUPING_INPUTS, "errors")


@dataclass
class ChunkResult:
    no: int
    articles: int
    quotes: int
    claims: int
    errors: list[str]
    cpu: float  # CPU seconds of the task's own thread: reading, cleaning, extracting, building rows, writing
    write_cpu: float  # the part of `cpu` spent turning rows into Arrow tables and writing Parquet
    parquet_bytes: int
    peak_rss: int  # the worker process's peak resident memory so far, bytes
    started: float  # wall-clock start and end (epoch seconds), and which process ran it: the task stream
    ended: float
    worker: str


@dataclass
class ExtractSummary:
    chunks: int = 0
    articles: int = 0
    quotes: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    task_cpu: float = 0.0
    write_cpu: float = 0.0
    count_cpu: float = 0.0  # the line-counting pass (JSON Lines): task work too, reading the input once more
    parquet_bytes: int = 0
    peak_rss: int = 0
    tasks: list[ChunkResult] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.chunks} chunks: {self.articles} articles, {self.quotes} quotes, {self.claims} claims; "
            f"{len(self.errors)} skipped"
        )


def worker_name() -> str:
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


def run_chunk(job: tuple[Chunk, str, bool]) -> ChunkResult:
    """One task: read, clean and extract the chunk, write a part per table; only this small summary goes back
    to the driver. Pure in its output: running it again writes the same parts.

    Its CPU is the task thread's own (`time.thread_time`), not the process's: a Dask worker's other threads
    (heartbeats, its event loop) run beside the task, and they are the engine's cost, not the task's."""
    import resource

    chunk, run, raw = job
    started, t0 = time.time(), time.thread_time()
    rows = chunk_rows(read_chunk(chunk), chunk.no, raw, chunk.path)
    t1 = time.thread_time()
    size = sum(write_part(run, table, chunk.no, rows[table]) for table in TABLES)
    t2 = time.thread_time()
    return ChunkResult(
        chunk.no,
        len(rows["articles"]),
        len(rows["quotes"]),
        len(rows["claims"]),
        [f"{e['where']}: {e['reason']}" for e in rows["errors"]],
        t2 - t0,
        t2 - t1,
        size,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        started,
        time.time(),
        worker_name(),
    )


def count_chunk(chunk: Chunk) -> tuple[int, float]:
    """The line-counting task: the chunk's line count and the CPU it took."""
    t0 = time.thread_time()
    n = count_lines(chunk)
    return n, time.thread_time() - t0


def extract(
    inputs: list[str],
    run: str,
    *,
    scheduler: str = "synchronous",
    workers: int | None = None,
    chunk_size: int = 1000,
    raw: bool = False,
    quiet: bool = True,
    engine: Engine | None = None,
) -> ExtractSummary:
    """Extract every article under `inputs` into the run folder `run` (local path or fsspec URL)."""
    chunks = plan(inputs, chunk_size)
    with nullcontext(engine) if engine is not None else Engine(scheduler, workers, quiet) as eng:
        counted = []
        if any(c.split for c in chunks):
            counted = eng.map(count_chunk, chunks, "Counting lines")
            chunks = number_lines(chunks, [n for n, _cpu in counted])
        for table in TABLES:
            clear(run, table)
        # the claim keys are made here: a load must know which grouping rules they follow (tracker.store.grouping)
        write_note(run, RULES_NOTE, str(RULES_VERSION))
        results = eng.map(run_chunk, [(c, run, raw) for c in chunks], "Extracting")
    s = ExtractSummary(chunks=len(chunks), count_cpu=sum(cpu for _n, cpu in counted), tasks=results)
    for r in results:
        s.articles += r.articles
        s.quotes += r.quotes
        s.claims += r.claims
        s.errors += r.errors
        s.task_cpu += r.cpu
        s.write_cpu += r.write_cpu
        s.parquet_bytes += r.parquet_bytes
        s.peak_rss = max(s.peak_rss, r.peak_rss)
    return s
