"""Running tasks on Dask: which scheduler, how many workers, progress, retries.

`synchronous` runs every task in this process (tests, debugging), `threads` and `processes` on this machine
without a cluster, `local` starts a LocalCluster of `workers` single-threaded processes, and anything else is
the address of a running scheduler (`tcp://host:8786`, what dask-jobqueue or the Dask operator gives). Tasks
take and return small values (chunk descriptions, counts): the data itself goes through the run's files, so
the driver never holds it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: only a cluster needs distributed
    from distributed import Client, LocalCluster

LOCAL = ("synchronous", "threads", "processes")
RETRIES = 2  # a failed task (a lost worker, a flaky read) is run again alone, this many times
# A LocalCluster's workers and scheduler with less background work. Measured on an idle single-worker cluster
# (benchmarks/distributed.py's machine): the worker spent 0.042 CPU-s per second of wall time by default and
# 0.009 with these; the scheduler (in the driver's process) 0.051 and 0.018. The statistical profiler samples
# every running task's stack every 10 ms, which is also CPU taken from the task itself; the ticks and monitors
# poll every 20-500 ms. Tasks here last seconds to minutes, so polling once a second loses nothing. A cluster
# started elsewhere (dask-jobqueue, the Dask operator) takes the same settings from its Dask configuration
# (docs/scale.md gives them as YAML).
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


class Engine:
    """One scheduler for the length of a command: `map(fn, items)` runs fn on every item and returns the
    results in order, showing progress on stderr unless quiet."""

    def __init__(self, scheduler: str = "synchronous", workers: int | None = None, quiet: bool = True):
        self.scheduler = scheduler
        self.workers = workers
        self.quiet = quiet
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None

    def __enter__(self) -> Engine:
        if self.scheduler not in LOCAL:
            from distributed import Client, LocalCluster

            if self.scheduler == "local":
                import dask

                with dask.config.set(QUIET_CLUSTER):  # the nannies hand the configuration to their workers
                    self.cluster = LocalCluster(
                        n_workers=self.workers or 1, threads_per_worker=1, processes=True, dashboard_address=None
                    )
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.scheduler)
            if not self.quiet and self.client.dashboard_link:
                print(f"Dask dashboard: {self.client.dashboard_link}", file=sys.stderr)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, fn: Callable, items: Sequence, label: str = "") -> list:
        if not items:
            return []
        if self.client is not None:
            futures = self.client.map(fn, items, retries=RETRIES, pure=False)
            if not self.quiet:
                from distributed import progress

                print(label, file=sys.stderr)
                progress(futures)
                print(file=sys.stderr)
            return self.client.gather(futures)
        import dask

        tasks = [dask.delayed(fn, pure=False)(item) for item in items]
        with self._progress(label):
            kwargs = {"num_workers": self.workers} if self.workers and self.scheduler != "synchronous" else {}
            return list(dask.compute(*tasks, scheduler=self.scheduler, **kwargs))

    @contextmanager
    def _progress(self, label: str):
        if self.quiet:
            yield
            return
        from dask.diagnostics import ProgressBar

        print(label, file=sys.stderr)
        with ProgressBar(out=sys.stderr):
            yield
