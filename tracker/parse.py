"""Files to parsed articles, without a database: what `tracker parse` prints and `tracker ingest` stores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tracker.extraction.pipeline import extract
from tracker.read.cleaning import clean, raw_article
from tracker.read.formats import ReadError, Record, iter_files, read_path
from tracker.records import Article, Extraction

# Bump when cleaning or extraction changes what is stored: ingest re-parses articles parsed by an older version.
PARSER_VERSION = "1"


@dataclass(slots=True)
class Parsed:
    article: Article
    extraction: Extraction

    def to_dict(self) -> dict:
        return {"article": self.article.to_dict(), **self.extraction.to_dict()}


def parse_record(record: Record, raw: bool = False) -> Parsed:
    """Clean (unless `raw`) and extract one record; an article with no body left raises `ReadError`."""
    article = raw_article(record) if raw else clean(record)
    if not article.body.strip():
        raise ReadError(record.where, "no body text (only headers or markup)")
    return Parsed(article, extract(article.body, article.published))


def parse_paths(paths: list[str], raw: bool = False, stdin=None) -> Iterator[Parsed | ReadError]:
    """Every article under `paths` (files, folders, `-`), or a `ReadError` for each one that cannot be read."""
    for path in iter_files(paths):
        try:
            for item in read_path(path, stdin=stdin):
                if isinstance(item, ReadError):
                    yield item
                    continue
                try:
                    yield parse_record(item, raw)
                except ReadError as e:
                    yield e
        except ReadError as e:
            yield e
        except OSError as e:
            yield ReadError(path, e.strerror or str(e))
