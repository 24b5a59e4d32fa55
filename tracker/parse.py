"""Files to parsed articles, without a database: what `tracker parse` prints and `tracker ingest` stores.

Whatever goes wrong with one article (reading, cleaning, extracting) becomes a `ReadError` for that article
alone, naming its file and record and the reason, and the stream goes on: a bug in the parser must never cost
the user the rest of their corpus. KeyboardInterrupt and SystemExit are not caught.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tracker.extraction.pipeline import extract
from tracker.read.cleaning import clean, raw_article
from tracker.read.formats import ReadError, Record, describe, iter_files, printable, read_path
from tracker.records import Article, Extraction

# Bump when cleaning or extraction changes what is stored: ingest re-parses articles parsed by an older version.
PARSER_VERSION = "33"


@dataclass(slots=True)
class Parsed:
    article: Article
    extraction: Extraction

    def to_dict(self) -> dict:
        return {"article": self.article.to_dict(), **self.extraction.to_dict()}


def clean_record(record: Record, raw: bool = False, path: str | None = None) -> Article:
    """Clean (unless `raw`) one record; raises `ReadError` when no body is left or cleaning fails."""
    try:
        article = raw_article(record) if raw else clean(record)
    except Exception as e:
        raise ReadError(record.where, f"cleaning failed ({describe(e)})", path, "clean") from None
    if not article.body.strip():
        raise ReadError(record.where, "no body text (only headers or markup)", path, "clean")
    return article


def extract_article(article: Article, path: str | None = None) -> Parsed:
    """Extract one article's quotes and claims; raises `ReadError` naming the article when extraction fails."""
    try:
        return Parsed(article, extract(article.body, article.published))
    except Exception as e:
        raise ReadError(article.path or "<article>", f"extraction failed ({describe(e)})", path, "extract") from None


def parse_record(record: Record, raw: bool = False) -> Parsed:
    """Clean (unless `raw`) and extract one record; an article with no body left raises `ReadError`."""
    return extract_article(clean_record(record, raw))


def read_articles(paths: list[str], raw: bool = False, stdin=None) -> Iterator[tuple[str, Article | ReadError]]:
    """(file, article) for every article under `paths` (files, folders, `-`), or (file, error) for each file or
    record that cannot be read or cleaned. An error while reading a file ends that file only; one in a record
    costs that record only."""
    for path in iter_files(paths):
        name = "<stdin>" if path == "-" else printable(path)
        try:
            for item in read_path(path, stdin=stdin):
                if isinstance(item, ReadError):
                    item.path = name
                    yield name, item
                    continue
                try:
                    yield name, clean_record(item, raw, name)
                except ReadError as e:
                    yield name, e
        except ReadError as e:
            e.path = name
            yield name, e
        except OSError as e:
            yield name, ReadError(path, e.strerror or str(e), name)
        except Exception as e:  # a reading bug: the file's other records are lost, but not the other files
            yield name, ReadError(path, f"reading failed ({describe(e)})", name)


def parse_paths(paths: list[str], raw: bool = False, stdin=None) -> Iterator[Parsed | ReadError]:
    """Every article under `paths` (files, folders, `-`), or a `ReadError` for each one that cannot be read,
    cleaned or extracted."""
    for path, item in read_articles(paths, raw, stdin):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield extract_article(item, path)
        except ReadError as e:
            yield e
