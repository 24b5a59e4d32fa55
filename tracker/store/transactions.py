"""A block of writes that commits as one, joining the caller's transaction when one is open."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """`begin immediate` … `commit`, rolled back on any error (a derived table and the triggers that keep it
    must never be seen apart); inside a caller's transaction, the caller's commit or rollback covers it."""
    own = not conn.in_transaction
    if own:
        conn.execute("begin immediate")
    try:
        yield
    except BaseException:
        if own:
            conn.execute("rollback")
        raise
    if own:
        conn.execute("commit")
