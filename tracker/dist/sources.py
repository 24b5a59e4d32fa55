"""Where the input is and how it is cut into chunks: files, folders, globs and fsspec URLs (s3://…).

A chunk is a byte range of a JSON Lines file (about `chunk_size` articles, estimated from the file's first
lines) or one whole file of any other format. Chunks are numbered in the order `tracker ingest` reads its
input (paths as given, folders expanded sorted), and that number is the first part of every row's input order.
JSON Lines records keep the `file:line` they have under ingest: a cheap first pass counts each range's lines.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from tracker.read.formats import JSONL_SUFFIXES, SUPPORTED, iter_files

SAMPLE_BYTES = 1 << 16  # read at a few places of a JSON Lines file to estimate bytes per article
SAMPLES = 16  # the file's start and 15 more places spread over it: its first articles need not be typical


@dataclass(frozen=True, slots=True)
class Chunk:
    """One task's input: `path` whole (start 0, end None) or the lines starting in bytes [start, end)."""

    no: int
    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1  # the line number of the range's first line (JSON Lines), for `file:line`

    @property
    def split(self) -> bool:
        return self.end is not None


def is_url(path: str) -> bool:
    return "://" in path


def filesystem(path: str):
    """(fsspec filesystem, path inside it)."""
    import fsspec

    return fsspec.core.url_to_fs(path)


def open_input(path: str, mode: str = "rb"):
    if is_url(path):
        fs, p = filesystem(path)
        return fs.open(p, mode)
    return open(path, mode)


def size_of(path: str) -> int:
    if is_url(path):
        fs, p = filesystem(path)
        return fs.size(p)
    return os.path.getsize(path)


def expand(inputs: list[str]) -> list[str]:
    """Input files in ingest's order: a local folder as `iter_files` walks it, a glob sorted, a URL folder or glob
    sorted with its supported files only."""
    out: list[str] = []
    for item in inputs:
        if is_url(item):
            fs, p = filesystem(item)
            protocol = item.split("://", 1)[0]
            if any(c in p for c in "*?["):
                found = sorted(fs.glob(p))
            elif fs.isdir(p):
                found = sorted(f for f in fs.find(p) if os.path.splitext(f)[1].lower() in SUPPORTED)
            else:
                found = [p]
            out += [f"{protocol}://{f}" if not f.startswith(f"{protocol}://") else f for f in found]
        elif any(c in item for c in "*?[") and not os.path.exists(item):
            out += list(iter_files(sorted(glob.glob(item, recursive=True))))
        else:
            out += list(iter_files([item]))
    return out


def _bytes_per_line(path: str, size: int) -> float:
    """Bytes per line from the newlines in windows read at SAMPLES places of the file: the newlines a window of
    fixed length holds estimate their density without favouring short lines (whole lines in a window would:
    an article longer than the window is never whole in it)."""
    nbytes = lines = 0
    with open_input(path) as f:
        for k in range(SAMPLES if size > SAMPLES * SAMPLE_BYTES else 1):
            f.seek(k * size // SAMPLES)
            window = f.read(SAMPLE_BYTES)
            nbytes += len(window)
            lines += window.count(b"\n")
    return nbytes / lines if lines else float(size or 1)


def plan(inputs: list[str], chunk_size: int = 1000) -> list[Chunk]:
    """The chunks of the input, numbered in input order; JSON Lines ranges still have first_line 1 (see
    `number_lines`)."""
    chunks: list[Chunk] = []
    for path in expand(inputs):
        if os.path.splitext(path)[1].lower() in JSONL_SUFFIXES:
            size = size_of(path)
            # ranges of equal size, as many as make them nearest chunk_size articles (no short last range)
            n = max(1, round(size / (_bytes_per_line(path, size) * chunk_size)))
            step = max(1, -(-size // n))
            for start in range(0, max(size, 1), step):
                chunks.append(Chunk(len(chunks), path, start, min(start + step, size)))
        else:
            chunks.append(Chunk(len(chunks), path))
    return chunks


def range_lines(f, start: int, end: int):
    """The lines (bytes) that start in [start, end) of an open binary file: a line belongs to the range its
    first byte is in, so consecutive ranges read every line once."""
    if start > 0:
        f.seek(start - 1)
        f.readline()  # the rest of the line that started before the range (or just its newline)
    else:
        f.seek(0)
    pos = f.tell()
    while pos < end:
        line = f.readline()
        if not line:
            break
        yield line
        pos += len(line)


def count_lines(chunk: Chunk) -> int:
    """How many lines the chunk's range holds: what the first pass adds up into each range's first line."""
    if chunk.end is None:  # not split: a whole file
        return 0
    with open_input(chunk.path) as f:
        return sum(1 for _ in range_lines(f, chunk.start, chunk.end))


def number_lines(chunks: list[Chunk], counts: list[int]) -> list[Chunk]:
    """Chunks with the line number their range starts at, from every range's line count (in chunk order)."""
    out: list[Chunk] = []
    seen: dict[str, int] = {}
    for c, n in zip(chunks, counts):
        first = seen.get(c.path, 0)
        out.append(Chunk(c.no, c.path, c.start, c.end, first + 1))
        seen[c.path] = first + n
    return out
