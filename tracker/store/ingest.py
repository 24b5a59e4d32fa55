"""Ingest files into the database: read, skip what is unchanged, extract on all cores, write in batches.

The work is streamed in windows of `batch_size` articles: memory stays flat however large the corpus, each
window is committed in one transaction, and an interrupted run leaves whole windows only, so the next run
skips what was stored and finishes the rest. Extraction (the costly part) runs in worker processes; reading,
the unchanged check and writing stay in the main process, which owns the only write connection.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extraction.pipeline import extract
from tracker.parse import Parsed, read_articles
from tracker.read.formats import ReadError, describe, iter_files
from tracker.records import Article
from tracker.store import bulk, grouping
from tracker.store.db import DEFAULT_DB, connect, status_of, write_rows
from tracker.store.errors import ErrorLog
from tracker.store.rows import _now, rows_for
from tracker.store.workers import Workers


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    quotes: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.new + self.updated + self.unchanged

    def line(self) -> str:
        return (
            f"{plural(self.articles, 'article')}: {self.new} new, {self.unchanged} unchanged, {self.updated} updated, "
            f"{self.skipped} skipped; {plural(self.quotes, 'quote')}, {plural(self.claims, 'claim')} stored"
        )


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """`1 article`, `2 articles`, `0 articles`; `nouns` when the plural is not `noun` + s."""
    return f"{n} {noun}" if n == 1 else f"{n} {nouns or noun + 's'}"


# Claim groups' summary columns (appearances, sources, first and last date) are brought up to date every this
# many windows during an ingest (50,000 articles, about four minutes, at the default window), and always at
# its end. Large groups gain members in most windows, so each refresh recounts them: one took about three
# seconds of the writer's time at 30,000 articles.
REFRESH_EVERY = 50
# Windows handed to the workers ahead of the one being written (2 measured no faster: both cores are busy).
PIPELINE = 1


def _extract_one(article: Article) -> Parsed:
    return Parsed(article, extract(article.body, article.published))


def _prepare(item: tuple[Article, str, str, str]) -> dict[str, list[dict]] | ReadError:
    """Extraction and the rows it becomes, in a worker: the writing process only writes. The article's body
    is not sent back: the writing process still holds it. An exception becomes the article's `ReadError`, so
    one article that breaks the extractor costs that article only (and never the pool's whole window)."""
    article, aid, digest, path = item
    try:
        rows = rows_for(_extract_one(article), aid, digest)
    except Exception as e:
        return ReadError(article.path or path, f"extraction failed ({describe(e)})", path, "extract")
    rows["articles"][0]["body"] = None
    return rows


def _worker_init() -> None:
    # The single writing process is what limits an ingest: when the cores are all busy, let it run first.
    try:
        os.nice(5)
    except OSError:
        pass
    _tune_gc()


def _tune_gc() -> None:
    """Extraction and writing allocate many small objects that live until their window is written: with
    Python's default thresholds the collector runs very often over them, finding no cycles."""
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def ingest(
    paths: list[str],
    db_path: str | Path = DEFAULT_DB,
    *,
    raw: bool = False,
    workers: int | None = 0,
    batch_size: int = 1000,
    stdin=None,
    on_error: Callable[[ReadError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_status: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest `paths` into the database at `db_path` and say what happened.

    `on_error` receives each file or record that was skipped (the run goes on); `on_progress` receives the
    number of characters of input handled, for a progress bar; `on_status` a line on the work done after
    the input is read (building the indexes a bulk load left out). `workers` is the number of extraction
    processes (None: one per core). With 0 the writing process extracts too: no processes to start, which
    suits a few articles and tests, but an article that crashes the interpreter itself (a fault in C code,
    the out-of-memory killer) then ends the run; with a process of its own, it is that article's error only.
    """
    summary = IngestSummary()
    items = read_articles(paths, raw, stdin)
    head, found = _read_ahead(items, db_path)
    if not found:  # nothing could be read: no database is created for it
        for _path, e in head:
            _count_error(summary, e, on_error)
        return summary
    items = itertools.chain(head, items)
    with bulk.ingest_lock(db_path):
        return _store(items, db_path, summary, workers, batch_size, on_error, on_progress, on_status)


def _store(items, db_path, summary, workers, batch_size, on_error, on_progress, on_status) -> IngestSummary:
    """The ingest proper, holding the ingest lock: extract the articles read and write them in windows."""
    db = connect(db_path)
    # groups made under other rules are made again first, under the ingest lock (see grouping.ensure_rules)
    grouping.ensure_rules(db, skip=set(bulk.deferred(db)), echo=on_status)
    log = ErrorLog(db)
    # A run that stores more articles than the database held when it began (and more than one window) is a
    # bulk load: from then on it leaves out the page-only indexes and builds them at its end (tracker.store.bulk).
    # Re-parsing every stored article after a parser change never gets there, so it never drops and rebuilds
    # the indexes for nothing at its last window.
    held = db.execute("select count(*) from articles").fetchone()[0]
    started = _now()  # articles stored from here on were stored by this run (`_stored_since`)
    bulk_after = max(held, batch_size)
    # The rows written here are consistent by construction (an article, then its claims, then their figures,
    # in one transaction; tests hold that), and checking every reference cost about 6 % of the writer's time at
    # scale. Other connections (Datasette, the annotation commands) keep enforcing foreign keys.
    db.execute("PRAGMA foreign_keys = OFF")

    def error(e: ReadError) -> None:
        log.record(e)
        _count_error(summary, e, on_error)

    workers = default_workers() if workers is None else workers
    pool = Workers(workers, _prepare, _worker_init) if workers > 0 else None
    gc_threshold = gc.get_threshold()
    _tune_gc()
    try:
        window: list[tuple[Article, str, str, str, str]] = []  # article, id, hash, status, file
        in_window: set[str] = set()
        # The workers extract the next window while the main process writes the last one (pipelined).
        pending: list[tuple] = []
        pending_ids: set[str] = set()
        state = {"windows": 0, "bulk": False}  # windows written; bulk load under way
        memo: dict = {}  # stored conflict candidates already read (conflict_search._find_conflicts)

        def write(result, items, work) -> None:
            prepared = result if pool is None else pool.results(result)
            if prepared is None:  # a worker process died: find the article it died on, one at a time
                assert pool is not None  # results go missing only with worker processes
                pool.restart()
                prepared = pool.one_by_one(work)
                for i, (_result, later_items, later_work) in enumerate(pending):  # lost with the old pool
                    pending[i] = (pool.submit(later_work), later_items, later_work)
            batch = []
            for rows, (article, aid, _d, status, path) in zip(prepared, items):
                if isinstance(rows, ReadError):  # extraction failed in the worker
                    error(rows)
                    continue
                rows["articles"][0]["body"] = article.body
                batch.append((rows, aid, status, article.path or path, path))
            # Group summaries are recomputed once at the end (and every few windows), not per window.
            state["windows"] += 1
            written = _write_each_or_all(db, batch, state["windows"] % REFRESH_EVERY == 0, memo, error)
            for rows, _aid, status, _where, _path in written:
                setattr(summary, status, getattr(summary, status) + 1)
                summary.quotes += len(rows["quotes"])
                summary.claims += len(rows["claims"])
            log.stored([w[3] for w in written])
            if not state["bulk"] and summary.new + summary.updated > bulk_after:
                state["bulk"] = True
                bulk.defer_indexes(db)
            if on_progress:
                on_progress(sum(len(w[0].body) for w in items))

        def flush(wait: bool = False) -> None:
            if window:
                work = [(a, aid, digest, path) for a, aid, digest, _status, path in window]
                result = pool.submit(work) if pool is not None else [_prepare(w) for w in work]
                pending.append((result, list(window), work))
                window.clear()
                in_window.clear()
            # Windows are written in order; up to PIPELINE of them stay queued for the workers, so that they
            # never wait for the writer to hand them the next one.
            while pending and (wait or pool is None or len(pending) > PIPELINE):
                write(*pending.pop(0))
            pending_ids.clear()
            for _result, items, _work in pending:
                for w in items:
                    pending_ids.update(_keys(w[0], w[1]))

        for path, article in items:
            log.read(path)
            if isinstance(article, ReadError):
                error(article)
                continue
            try:
                aid, digest, status = status_of(db, article)
                if not in_window.isdisjoint(_keys(article, aid)) or not pending_ids.isdisjoint(_keys(article, aid)):
                    # the same article again (same id, or same URL): store the first, look again
                    flush(wait=True)
                    aid, digest, status = status_of(db, article)
                elif status == "updated" and (window or pending) and _stored_since(db, aid, started):
                    # a later copy of an article this run stored: the stored copy's claims are deleted when the
                    # window is written, so the window must start here (else the articles before it in the
                    # window would not meet them, and the result would depend on the window's size)
                    flush(wait=True)
            except Exception as e:  # e.g. a value that cannot be hashed: this article only
                error(ReadError(article.path or path, f"storing failed ({describe(e)})", path, "write"))
                continue
            if status == "unchanged":
                summary.unchanged += 1
                log.stored([article.path or path])
                if on_progress:
                    on_progress(len(article.body))
                continue
            window.append((article, aid, digest, status, path))
            in_window.update(_keys(article, aid))
            if len(window) >= batch_size:
                flush()
        flush(wait=True)
        log.finish()
        if pool is not None:  # its memory is not needed for what is left
            pool.terminate()
            pool = None
        grouping.refresh(db)
        waiting = bulk.deferred(db)
        if waiting:
            if on_status:
                on_status(f"Building {bulk.describe(waiting)} left out during the load")
            bulk.build_deferred(db)
    finally:
        if pool is not None:
            pool.terminate()
        db.close()
        gc.set_threshold(*gc_threshold)
        gc.unfreeze()
    return summary


def _stored_since(db, aid: str, started: str) -> bool:
    """Whether the stored article `aid` was first stored at or after `started` (by this run)."""
    row = db.execute("select ingested_at from articles where id = ?", [aid]).fetchone()
    return row is not None and (row[0] or "") >= started


def _keys(article: Article, aid: str) -> tuple[str, ...]:
    """What makes two records of one run the same article: its id, or its URL (`status_of`)."""
    return (aid, "url\x1f" + article.url) if article.url else (aid,)


def _read_ahead(items: Iterator, db_path) -> tuple[list, bool]:
    """The items read up to the first article and whether there is one. Only read ahead when the database
    does not exist yet: a mistyped path, where nothing at all could be read, must not leave an empty database
    behind."""
    if str(db_path) == ":memory:" or Path(db_path).exists():
        return [], True
    head = []
    for path, item in items:
        head.append((path, item))
        if not isinstance(item, ReadError):
            return head, True
    return head, False


def _count_error(summary: IngestSummary, e: ReadError, on_error) -> None:
    summary.skipped += 1
    summary.errors.append(str(e))
    if on_error:
        on_error(e)


def _write_each_or_all(db, batch: list[tuple], refresh: bool, memo: dict, error: Callable[[ReadError], None]):
    """Write a window's articles in one transaction; if that fails, roll it back and write them one by one,
    so that an article the writer cannot store costs that article only. Returns the items written."""
    if not batch:
        return []
    try:
        write_rows(db, [(rows, aid, status) for rows, aid, status, _w, _p in batch], refresh_groups=refresh, memo=memo)
        return batch
    except Exception as e:
        memo.clear()  # it may hold what the rolled-back transaction read
        if len(batch) == 1:
            _rows, _aid, _status, where, path = batch[0]
            error(ReadError(where, f"storing failed ({describe(e)})", path, "write"))
            return []
    written = []
    for item in batch:
        written.extend(_write_each_or_all(db, [item], False, memo, error))
    return written


def input_size(paths: list[str]) -> int | None:
    """Total size of the files under `paths`, for a progress bar; None when reading stdin."""
    total = 0
    for p in iter_files(paths):
        if p == "-":
            return None
        try:
            total += os.path.getsize(p)
        except OSError:
            pass
    return total
