"""Read article files of any supported format into plain records, one per article.

Reading is kept apart from cleaning so that every format (scraped text, HTML, JSON, JSON Lines, CSV, stdin)
ends up as the same `Record`, and so that a bad file fails here with one clear reason before anything is parsed
or stored. Structured files are streamed record by record: a 2 GB JSON Lines dump never sits in memory.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tracker.read.encoding import DecodeError, decode_bytes

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

# One article larger than this is almost certainly not an article (a log, a dump, a binary): refuse it rather
# than spend minutes parsing it. Record-per-line formats are streamed and have no file limit, only a record one.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

BODY_FIELDS = ("text", "body", "content", "article", "maintext")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "pubdate", "date_publish", "datetime")
URL_FIELDS = ("url", "link", "canonical_url")
SOURCE_FIELDS = ("source", "site", "site_name", "sitename", "publisher", "outlet")
BYLINE_FIELDS = ("byline", "author", "authors")

# The csv module's own limit is set well above the article limit: a field between the two is read whole and
# refused as that row's error, so the rows after it are still read (at the csv module's limit the reader loses
# its place in the file, and the rest of the file is refused with the reason).
CSV_FIELD_LIMIT = 8 * MAX_ARTICLE_BYTES
csv.field_size_limit(CSV_FIELD_LIMIT)


def printable(text: str) -> str:
    """`text` safe to print and to store: lone surrogates (from JSON escapes such as "\\ud800", or file names
    that are not UTF-8) become backslash escapes, and line breaks spaces, so a message stays one line."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.replace("\r", " ").replace("\n", " ")


def describe(e: BaseException, limit: int = 200) -> str:
    """One line for an unexpected exception: its type and the start of its message."""
    message = printable(str(e))
    if len(message) > limit:
        message = message[:limit] + "…"
    return f"{type(e).__name__}: {message}" if message else type(e).__name__


class ReadError(Exception):
    """A file or record that failed (could not be read, cleaned, extracted or stored); `str()` is the one line
    shown to the user. `path` is the file it came from (`where` adds the line or item inside it), `stage` the
    step that failed: read, clean, extract or write."""

    def __init__(self, where: str, reason: str, path: str | None = None, stage: str = "read"):
        where, reason = printable(where), printable(reason)
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
        self.path = printable(path) if path is not None else where
        self.stage = stage

    def __reduce__(self):  # picklable with its keyword fields (sent back from extraction workers)
        return (ReadError, (self.where, self.reason, self.path, self.stage))


@dataclass(slots=True)
class Record:
    """One article as found in the input, before cleaning."""

    where: str  # file, or file:line for a record inside a file
    text: str
    format: str  # txt, html, json, jsonl, csv
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    caption: str | None = None
    extra: dict = field(default_factory=dict)
    encoding: str = "utf-8"  # the codec the file was decoded with: offsets index its decoded text


def iter_files(paths: list[str]) -> Iterator[str]:
    """Expand folders recursively (supported suffixes only, sorted, hidden files skipped); keep files and `-`."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED:
                        yield str(Path(root) / name)
        else:
            yield p


def decode(data: bytes, where: str) -> str:
    """Bytes to text, refusing what is not text rather than storing mojibake (see `decode_text`)."""
    return decode_text(data, where)[0]


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """(text, codec): by byte-order mark, declared charset, UTF-8, then detection (`tracker.read.encoding`)."""
    if not data.strip():
        raise ReadError(where, "empty file")
    try:
        text, codec = decode_bytes(data)
    except DecodeError as e:
        raise ReadError(where, str(e)) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > 0.05 * min(len(text), 4096):
        raise ReadError(where, "binary file (mostly control characters), not an article")
    if not text.strip():
        raise ReadError(where, "empty file")
    return text, codec


def sniff_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<head" in head):
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0].strip()
        return "jsonl" if first.endswith("}") and "\n{" in text else "json"
    return "txt"


def _first(d: dict, names: tuple[str, ...]) -> str | None:
    lowered = {str(k).lower(): v for k, v in d.items()}
    for n in names:
        v = lowered.get(n)
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v if x)
        if v not in (None, ""):
            return str(v).strip()
    return None


def record_from_mapping(d: dict, where: str, fmt: str) -> Record:
    if not isinstance(d, dict):
        raise ReadError(where, f"expected an object with a text or body field, got {type(d).__name__}")
    body = _first(d, BODY_FIELDS)
    if not body:
        raise ReadError(where, "no body (none of the fields " + ", ".join(BODY_FIELDS) + ")")
    record = Record(
        where=where,
        text=body,
        format=fmt,
        title=_first(d, TITLE_FIELDS),
        published=_first(d, DATE_FIELDS),
        url=_first(d, URL_FIELDS),
        source=_first(d, SOURCE_FIELDS),
        byline=_first(d, BYLINE_FIELDS),
        caption=_first(d, ("caption",)),
    )
    for name in ("text", "title", "published", "url", "source", "byline", "caption"):
        _check_unicode(getattr(record, name), name, where)
    return record


def _check_unicode(value: str | None, name: str, where: str) -> None:
    """JSON may escape a lone surrogate ("\\ud800"): not a character, so it can be neither hashed, stored nor
    printed as UTF-8. Refuse the record with the position rather than store a mangled copy."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ReadError(
            where,
            f"{name} holds a lone surrogate (\\u{ord(value[e.start]):04x} at character {e.start}): not Unicode text",
        ) from None


def _json_loads(text: str, where: str):
    """json.loads, with the errors it raises besides malformed syntax as one line each: nesting deeper than
    Python's recursion limit (RecursionError) and integers past Python's 4,300-digit conversion limit
    (ValueError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ReadError(where, f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise ReadError(where, "JSON nested too deeply to read") from None
    except ValueError as e:
        raise ReadError(where, f"unreadable JSON value ({describe(e)})") from None


def _read_html(text: str, where: str) -> Record:
    from tracker.read.html import extract_html  # trafilatura is imported only when HTML is met

    return extract_html(text, where)


def _records_from_text(text: str, where: str, fmt: str) -> Iterator[Record | ReadError]:
    if fmt == "html":
        yield _read_html(text, where)
    elif fmt == "json":
        data = _json_loads(text, where)
        items = data if isinstance(data, list) else [data]
        if not items:
            raise ReadError(where, "empty JSON list")
        for i, item in enumerate(items, 1):
            w = f"{where}[{i}]" if isinstance(data, list) else where
            yield _record_or_error(item, w, "json")
    elif fmt == "jsonl":
        yield from _jsonl_records(io.StringIO(text), where)
    elif fmt == "csv":
        dialect = "excel-tab" if where.lower().endswith(".tsv") else "excel"
        yield from _csv_records(io.StringIO(text, newline=""), where, dialect)
    else:
        yield Record(where=where, text=text, format="txt")


def read_path(path: str, stdin=None) -> Iterator[Record | ReadError]:
    """Records of one file (or `-` for stdin). A whole-file problem raises `ReadError`; a bad record inside a
    good file is yielded as a `ReadError` so the other records still go through."""
    if path == "-":
        data = (stdin or sys.stdin.buffer).read()
        where = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise ReadError(path, "no such file")
        if p.is_dir():
            raise ReadError(path, "is a folder")
        size = p.stat().st_size
        fmt_guess = sniff_format(path, "")
        if size > MAX_ARTICLE_BYTES and fmt_guess not in ("jsonl", "csv"):
            raise ReadError(path, f"too large for one article ({size / 1e6:.0f} MB > {MAX_ARTICLE_BYTES // 2**20} MB)")
        if size > MAX_ARTICLE_BYTES:
            yield from _stream_records(p, fmt_guess)
            return
        data = p.read_bytes()
        where = printable(path)  # a file name that is not UTF-8 must not stop its articles being stored
    text, codec = decode_text(data, where)
    for item in _records_from_text(text, where, sniff_format(path, text)):
        if isinstance(item, Record):
            item.encoding = codec
        yield item


def _jsonl_records(lines, where: str) -> Iterator[Record | ReadError]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        w = f"{where}:{lineno}"
        try:
            data = _json_loads(line, w)
        except ReadError as e:
            yield e
            continue
        yield _record_or_error(data, w, "jsonl")


def _record_or_error(data, where: str, fmt: str) -> Record | ReadError:
    """One record, or its one-line error: whatever goes wrong with one record costs that record only."""
    try:
        return record_from_mapping(data, where, fmt)
    except ReadError as e:
        return e
    except Exception as e:  # a reading bug (or a value no rule foresaw) must not cost the file's other records
        return ReadError(where, f"unreadable record ({describe(e)})")


class _QuoteCounter:
    """The lines a csv reader reads, counting the quote characters since the last row. A row over several
    lines (only a quoted field can hold a line break) with an odd count has a quote that was never closed:
    the reader went on through the lines after it, rows of their own, to the next quote or the end of the file
    (in a quoted field a quote is escaped by doubling it, so a closed field has an even count; a stray quote in
    an unquoted field is a plain character, but such a field is one line)."""

    __slots__ = ("lines", "quotes", "read")

    def __init__(self, lines):
        self.lines = iter(lines)
        self.quotes = 0
        self.read = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.quotes += line.count('"')
        self.read += 1
        return line


def _csv_records(lines, where: str, dialect: str = "excel") -> Iterator[Record | ReadError]:
    """The rows of a CSV file as records. A row that cannot be read (a field past the article limit, an
    unterminated quote) is that row's error; the rows after it are still read."""
    counter = _QuoteCounter(lines)
    reader = csv.DictReader(counter, dialect=dialect)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as e:
        raise ReadError(f"{where}:1", f"malformed CSV header ({e})") from None
    if not fieldnames or not any((f or "").lower() in BODY_FIELDS for f in fieldnames):
        raise ReadError(where, "CSV has no text or body column (columns: " + ", ".join(fieldnames or []) + ")")
    while True:
        counter.quotes = 0
        first = counter.read + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            if "field larger than field limit" in str(e):  # the reader has lost its place: stop this file
                raise ReadError(
                    f"{where}:{first}", f"a field past {CSV_FIELD_LIMIT // 2**20} MB (an unterminated quote?)"
                ) from None
            yield ReadError(f"{where}:{reader.line_num}", f"malformed CSV ({e})")
            continue
        w = f"{where}:{first}"
        if counter.quotes % 2 and reader.line_num > first:
            n = reader.line_num - first
            yield ReadError(
                w,
                f"unterminated quote: the row runs on to line {reader.line_num}, taking in {n} more "
                f"line{'s' if n > 1 else ''} that may be rows of their own; close the quote",
            )
            continue
        big = max((len(v) for v in row.values() if isinstance(v, str)), default=0)
        if big > MAX_ARTICLE_BYTES:
            yield ReadError(
                w, f"field too large for one article ({big / 1e6:.0f} MB > {MAX_ARTICLE_BYTES // 2**20} MB)"
            )
            continue
        yield _record_or_error({k: v for k, v in row.items() if k}, w, "csv")


def _stream_records(p: Path, fmt: str) -> Iterator[Record | ReadError]:
    """Large JSON Lines and CSV files, read line by line so memory stays flat."""
    where = printable(str(p))
    try:
        with open(p, encoding="utf-8-sig", newline="") as fp:
            if fmt == "jsonl":
                yield from _jsonl_records(fp, where)
            else:
                yield from _csv_records(fp, where, "excel-tab" if where.lower().endswith(".tsv") else "excel")
    except UnicodeDecodeError as e:
        raise ReadError(where, f"not UTF-8 text ({e.reason})") from None
