"""Datasette plugin shipped inside the package (registered through the `datasette` entry point)."""

from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    # SQLite does not enforce foreign keys unless asked, per connection.
    conn.execute("PRAGMA foreign_keys = ON")
