"""Store: parsed articles in, a SQLite database out.

Takes what `tracker.parse` gives (read, then extracted) and writes it with sqlite-utils: the schema and its
annotation rules, idempotent ingest with re-parse when the parser changes, bulk loads that build page indexes at
their end, and grouping (the same fact across articles, and figures that conflict). Uses read, extraction and the
shared vocabulary; the review and web layers build on it.
"""
