"""Text to quotes and claims: the one entry point the CLI, the database and users share."""

from __future__ import annotations

from tracker.extraction.claims import find_claims
from tracker.extraction.quotes import find_quotes
from tracker.extraction.sentences import sentences
from tracker.records import Extraction


def extract(text: str, published: str | None = None) -> Extraction:
    """Quotes (with speakers) and claims (with figures, dates, entities) of `text`; offsets index `text`.

    `published` (ISO date) anchors relative dates such as "last month". Quotes come first because a claim
    inside a quote or reported speech takes the quote's speaker.
    """
    if not text:
        return Extraction([], [])
    spans = sentences(text)
    quotes = find_quotes(text, spans)
    claims = find_claims(text, quotes, published, spans)
    return Extraction(quotes, claims)
