"""tracker: who said what, and which facts were asserted, in news articles.

The Python API behind the CLI: `extract(text, published=None)` for the quotes and claims of a text,
`tracker.parse.parse_paths` for files, `tracker.store.ingest.ingest` for a database. Imports are lazy so that
Datasette, which loads `tracker.web.plugin` through this package, does not pay for the extraction rules.
"""

from tracker.records import Article, Claim, DateMention, Entity, Extraction, Quantity, Quote, SpeakerRef


def extract(text: str, published: str | None = None) -> Extraction:
    """Quotes and claims of `text` (see `tracker.extraction.pipeline.extract`)."""
    from tracker.extraction.pipeline import extract as _extract

    return _extract(text, published)


__all__ = ["extract", "Article", "Claim", "DateMention", "Entity", "Extraction", "Quantity", "Quote", "SpeakerRef"]
