"""A shuffle through the run's files: each task of one step writes, per destination partition, the rows bound
for it (`RUN/_shuffle/<step>/<dest>/from-<src>.parquet`); each task of the next step reads its destination's
files. Engine-agnostic (any task on any worker that sees the run folder, local disk or S3, can take part), and
the driver only ever sees counts.
"""

from __future__ import annotations

import pyarrow as pa

from .sources import filesystem

ROOT = "_shuffle"


def _dir(run: str, step: str, dest: int) -> str:
    return f"{run.rstrip('/')}/{ROOT}/{step}/{dest:06d}"


def send(run: str, step: str, src: int, rows_by_dest: dict[int, list[dict]], schema: pa.Schema) -> int:
    """Write each destination's rows; returns how many rows were sent."""
    sent = 0
    for dest, rows in rows_by_dest.items():
        if not rows:
            continue
        fs, path = filesystem(f"{_dir(run, step, dest)}/from-{src:06d}.arrow")
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        table = pa.Table.from_pylist(rows, schema=schema)
        with fs.open(path, "wb") as f, pa.ipc.new_stream(f, schema) as w:
            w.write_table(table)
        sent += len(rows)
    return sent


def receive(run: str, step: str, dest: int) -> list[dict]:
    """Every row sent to `dest` in `step`, in the order of the sending partitions."""
    fs, path = filesystem(_dir(run, step, dest))
    if not fs.exists(path):
        return []
    out: list[dict] = []
    for p in sorted(fs.ls(path, detail=False)):
        with fs.open(p, "rb") as f:
            out += pa.ipc.open_stream(f.read()).read_all().to_pylist()
    return out


def clear(run: str) -> None:
    fs, path = filesystem(f"{run.rstrip('/')}/{ROOT}")
    if fs.exists(path):
        fs.rm(path, recursive=True)


def send_table(run: str, step: str, src: int, table: pa.Table, dest) -> int:
    """Column-wise `send`: the rows of `table` go to the partitions in `dest` (a numpy array, one entry per
    row), each destination's rows in their order in `table`."""
    import numpy as np

    if not len(table):
        return 0
    order = np.argsort(dest, kind="stable")
    table, dest = table.take(pa.array(order)), dest[order]
    cuts = [0, *(np.flatnonzero(np.diff(dest)) + 1).tolist(), len(dest)]
    for lo, hi in zip(cuts, cuts[1:]):
        fs, path = filesystem(f"{_dir(run, step, int(dest[lo]))}/from-{src:06d}.arrow")
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        with fs.open(path, "wb") as f, pa.ipc.new_stream(f, table.schema) as w:
            w.write_table(table.slice(lo, hi - lo))
    return len(table)


def receive_table(run: str, step: str, dest: int, schema: pa.Schema) -> pa.Table:
    """Column-wise `receive`."""
    fs, path = filesystem(_dir(run, step, dest))
    if not fs.exists(path):
        return schema.empty_table()
    parts = []
    for p in sorted(fs.ls(path, detail=False)):
        with fs.open(p, "rb") as f:
            parts.append(pa.ipc.open_stream(f.read()).read_all())
    return pa.concat_tables(parts) if parts else schema.empty_table()
