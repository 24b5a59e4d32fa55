"""Read: files and records in, articles out.

Takes paths (files, folders, `-`) in the formats tracker reads (plain text, HTML, JSON, JSON Lines, CSV) and gives
`Record`s (what a file held) and then `Article`s (headline, date, source and a clean body, with page furniture such
as repeated headlines, captions and SOURCE lines taken off). Uses only the shared vocabulary (`tracker.records`,
`tracker.ids`); knows nothing of extraction or the database.
"""
