"""`tracker extract`: run the per-chunk function over the input on Dask and write the run's Parquet parts."""

from __future__ import annotations

import time
from contextlib import nullcontext
from dataclasses import dataclass, field

from .chunk import GROUPING_INPUTS, STORED, chunk_rows, read_chunk
from .engine import Engine
from .sources import Chunk, count_lines, number_lines, plan
from .tables import clear, write_part

TABLES = (*STORED, *GROUPING_INPUTS, "errors")


@dataclass
class ChunkResult:
    no: int
    articles: int
    quotes: int
    claims: int
    errors: list[str]
    cpu: float  # seconds of CPU inside the task (extraction and writing)
    parquet_bytes: int
    peak_rss: int  # the worker process's peak resident memory so far, bytes


@dataclass
class ExtractSummary:
    chunks: int = 0
    articles: int = 0
    quotes: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    task_cpu: float = 0.0
    parquet_bytes: int = 0
    peak_rss: int = 0

    def line(self) -> str:
        return (
            f"{self.chunks} chunks: {self.articles} articles, {self.quotes} quotes, {self.claims} claims; "
            f"{len(self.errors)} skipped"
        )


def run_chunk(job: tuple[Chunk, str, bool]) -> ChunkResult:
    """One task: read, clean and extract the chunk, write a part per table. Pure in its output: running it
    again writes the same parts."""
    import resource

    chunk, run, raw = job
    t0 = time.process_time()
    rows = chunk_rows(read_chunk(chunk), chunk.no, raw, chunk.path)
    size = sum(write_part(run, table, chunk.no, rows[table]) for table in TABLES)
    return ChunkResult(
        chunk.no,
        len(rows["articles"]),
        len(rows["quotes"]),
        len(rows["claims"]),
        [f"{e['where']}: {e['reason']}" for e in rows["errors"]],
        time.process_time() - t0,
        size,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    )


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
        if any(c.split for c in chunks):
            chunks = number_lines(chunks, eng.map(count_lines, chunks, "Counting lines"))
        for table in TABLES:
            clear(run, table)
        results = eng.map(run_chunk, [(c, run, raw) for c in chunks], "Extracting")
    s = ExtractSummary(chunks=len(chunks))
    for r in results:
        s.articles += r.articles
        s.quotes += r.quotes
        s.claims += r.claims
        s.errors += r.errors
        s.task_cpu += r.cpu
        s.parquet_bytes += r.parquet_bytes
        s.peak_rss = max(s.peak_rss, r.peak_rss)
    return s
