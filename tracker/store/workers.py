"""The ingest's extraction processes, and what happens when one of them dies.

An exception in a worker comes back as that article's error (`tracker.store.ingest._prepare`). A worker that
dies outright (killed by the out-of-memory killer, a crash in C code, `os._exit`) is another matter:
multiprocessing's pool replaces the process but waits for the lost result forever, and the ingest would hang.
So the wait is in steps, checking that every worker started is still alive; when one has died, the pool is
replaced and the window's articles are extracted again one at a time, so the article that kills a process is
that article's error and the others are stored. The windows queued behind it are handed to the new pool.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable

from tracker.read.formats import ReadError

DIED = "extraction failed (its worker process died: killed, out of memory or crashed)"
POLL_SECONDS = 1.0


class Workers:
    """A pool of `n` processes running `prepare(item)` for items `(article, id, hash, file)`."""

    def __init__(self, n: int, prepare: Callable, initializer: Callable | None = None):
        self.n = n
        self.prepare = prepare
        self.initializer = initializer
        self._start()

    def _start(self) -> None:
        context = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.pool = context.Pool(self.n, initializer=self.initializer)
        self.pids = self._pids()

    def _processes(self) -> list:
        """The pool's processes: multiprocessing has no public view, and its stubs leave the private one out."""
        return self.pool._pool  # type: ignore[attr-defined]

    def _pids(self) -> set[int]:
        return {p.pid for p in self._processes()}

    def died(self) -> bool:
        """Has a process of this pool died since it started (the pool replaces it under a new pid)?"""
        return any(p.exitcode is not None for p in self._processes()) or self._pids() != self.pids

    def submit(self, work: list):
        return self.pool.map_async(self.prepare, work, chunksize=max(1, len(work) // (self.n * 4)))

    def results(self, pending) -> list | None:
        """The results of `pending` (from `submit`), or None when a process died before they all came."""
        while True:
            try:
                return pending.get(timeout=POLL_SECONDS)
            except mp.TimeoutError:
                if self.died():
                    return None

    def restart(self) -> None:
        self.pool.terminate()
        self.pool.join()
        self._start()

    def one_by_one(self, work: list) -> list:
        """Each item in turn, on a fresh pool after each death: the item a process died on is its error."""
        out = []
        for item in work:
            got = self.results(self.pool.map_async(self.prepare, [item]))
            if got is None:
                article, _aid, _digest, path = item
                out.append(ReadError(article.path or path, DIED, path, "extract"))
                self.restart()
            else:
                out.extend(got)
        return out

    def terminate(self) -> None:
        self.pool.terminate()
