"""The scale benchmark's server handling (benchmarks/scale.py); the benchmark itself is run by hand."""

import os
import subprocess
import sys
import time

from benchmarks.scale import stop_server


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as fp:
            return fp.read().split(") ")[1][0] != "Z"  # a zombie has ended
    except (ProcessLookupError, FileNotFoundError):
        return False


def test_stopping_the_server_ends_the_process_it_started_too():
    """`tracker serve` runs Datasette as a child: ending only the `tracker` process left Datasette running
    after the benchmark. A Python parent and its `sleep` child stand in for the two."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys; p = subprocess.Popen(['sleep', '60']); print(p.pid, flush=True); p.wait()",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    child = int(proc.stdout.readline())
    assert _alive(child)
    t0 = time.monotonic()
    stop_server(proc, grace=5)
    assert proc.returncode is not None
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)
    assert time.monotonic() - t0 < 5


def test_a_server_that_ignores_sigterm_is_killed():
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print(1, flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    proc.stdout.readline()
    stop_server(proc, grace=0.5)
    assert proc.returncode == -9
