"""tracker: who said what, and which facts were asserted, in news articles.

The Python API behind the CLI: `extract(text, published=None)` for quotes and claims of a text,
`parse_paths` for files, `ingest` for a database.
"""

from .extraction import extract
from .records import Article, Claim, DateMention, Entity, Extraction, Quantity, Quote, SpeakerRef

__all__ = ["extract", "Article", "Claim", "DateMention", "Entity", "Extraction", "Quantity", "Quote", "SpeakerRef"]
