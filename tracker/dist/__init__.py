"""The path for corpora that outgrow one machine: extract on Dask into Parquet, group as a batch, load SQLite.

It takes the same inputs as `tracker ingest` (files, folders, globs, and `s3://` or other fsspec URLs) and gives
the same rows: `chunk.chunk_rows` is the one per-chunk function (records in, rows per table out, pure, so Spark
or any engine can call it), `extract.extract` runs it over byte ranges of JSON Lines and whole other files on a
Dask scheduler and writes `RUN/<table>/part-<chunk>.parquet`; `group.group` settles repeated articles as
ingest does (`fates`) and computes claim groups and conflicts (`pairs`) from those parts with shuffles (no
claim ever collected on the driver) under the rules of `tracker.store.conflicts`; `load.load` builds a
SQLite database Datasette serves, whole or a slice. Dask, pyarrow and fsspec come with the optional extra
`tracker[dist]`: nothing else in the package imports them.
"""
