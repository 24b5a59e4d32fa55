"""One block of writes, committed as one or not at all, inside a caller's transaction or on its own."""

import sqlite3

import pytest

from tracker.store.transactions import immediate


def _db(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    conn.execute("create table t (x)")
    return conn


def test_a_block_of_its_own_commits_or_rolls_back_whole(tmp_path):
    conn = _db(tmp_path)
    with immediate(conn):
        conn.execute("insert into t values (1)")
    assert not conn.in_transaction
    with pytest.raises(sqlite3.OperationalError):
        with immediate(conn):
            conn.execute("insert into t values (2)")
            conn.execute("select raise(abort, 'refused')")
    assert [r[0] for r in conn.execute("select x from t")] == [1]


def test_inside_a_callers_transaction_the_caller_decides(tmp_path):
    conn = _db(tmp_path)
    conn.execute("begin")
    with immediate(conn):
        conn.execute("insert into t values (1)")
    assert conn.in_transaction  # not committed by the block
    conn.execute("rollback")
    assert conn.execute("select count(*) from t").fetchone()[0] == 0
