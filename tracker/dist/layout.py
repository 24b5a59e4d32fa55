"""Where a run's rows live during `tracker group`: claim partitions (ranges of chunks, so input order runs across
them) and key buckets, and how a step's task reads its partition and sends rows to others (as columns, through
`shuffle`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from . import fates, shuffle, tables
from .chunk import ARTICLE_BITS, CLAIM_BITS

CHUNK_SHIFT = ARTICLE_BITS + CLAIM_BITS


@dataclass(frozen=True)
class Layout:
    run: str
    chunks: int  # chunk numbers run 0 .. chunks - 1
    partitions: int  # claim partitions (ranges of chunks)
    buckets: int  # key buckets

    def part_of(self, ord_: int) -> int:
        return (ord_ >> CHUNK_SHIFT) * self.partitions // self.chunks

    def chunks_of(self, q: int) -> range:
        lo = -(-q * self.chunks // self.partitions)
        hi = -(-(q + 1) * self.chunks // self.partitions)
        return range(lo, hi)

    def bucket_of(self, key: int) -> int:
        return key % self.buckets

    def buckets_of(self, keys):
        """`bucket_of` for a column of keys (numpy's % is Python's: never negative)."""
        return keys.to_numpy() % self.buckets

    def parts_of(self, ords):
        """`part_of` for a column of input orders."""
        return (ords.to_numpy() >> CHUNK_SHIFT) * self.partitions // self.chunks

    def read_table(self, table: str, q: int, columns: list[str] | None = None) -> pa.Table:
        out = []
        for n in self.chunks_of(q):
            fs, path = tables.filesystem(tables.part_path(self.run, table, n))
            if fs.exists(path):
                out.append(tables.read_part(self.run, path, columns))
        if not out:
            return tables.schema(table).empty_table().select(columns or tables.schema(table).names)
        return pa.concat_tables(out)

    def claims(self, table: str, q: int, columns: list[str] | None = None) -> pa.Table:
        """A table of partition q with its articles' fates applied (`fates.apply`: a `dies` column)."""
        return fates.apply(self.read_table(table, q, columns), fates.received(self, q))

    def read_cols(self, step: str, q: int, schema: pa.Schema) -> dict[str, list]:
        """What was sent or kept for q in `step`, as columns."""
        return shuffle.receive_table(self.run, step, q, schema).to_pydict()

    def send_cols(self, step: str, src: int, cols: dict[str, list], dest, schema: pa.Schema) -> int:
        """Rows given as columns to the partitions or buckets in `dest` (one per row)."""
        if not len(dest):
            return 0
        return shuffle.send_table(self.run, step, src, pa.table(cols, schema=schema), np.asarray(dest))

    def keep_cols(self, step: str, q: int, cols: dict[str, list], schema: pa.Schema) -> None:
        """A partition's own state between steps (its claims, labels and links), kept in the run."""
        shuffle.send_table(
            self.run, step, 0, pa.table(cols, schema=schema), np.full(len(cols["ord" if "ord" in cols else "child"]), q)
        )

    def parts_of_list(self, ords: list[int]):
        """`part_of` for a list of input orders."""
        return (np.asarray(ords, dtype=np.int64) >> CHUNK_SHIFT) * self.partitions // self.chunks
