"""Extraction: an article's text in, quotes and claims out.

Takes a body of text (and its publication date, which anchors "last month") and gives an `Extraction`: sentences,
direct and reported quotes with their speakers resolved to names, and factual claims with their figures, dates and
entities, every one with character offsets into the text. Pure functions over strings: uses only the shared
vocabulary (`tracker.records`, `tracker.ids`), never reads files or touches a database. `pipeline.extract` is the
one entry point (also `tracker.extract`).
"""
