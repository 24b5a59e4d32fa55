"""Accounts of the people who may annotate.

Passwords are kept as salted scrypt hashes in a separate SQLite file next to the database
(`data/tracker.users.db` for `data/tracker.db`), never in the published database: Datasette lets anyone
download the database file and run SQL against it, so a table there could not be kept private, whatever its
permissions. Datasette does not open the users file; only the login page of the plugin reads it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

# scrypt cost: about 50 ms and 16 MB per check, cheap for a login, expensive for guessing.
N, R, P = 2**14, 8, 1
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8


class UserError(ValueError):
    """A refused account change; the message is one line."""


def users_path(db_path: str | Path) -> Path:
    """Where the accounts for the database at `db_path` live."""
    p = Path(db_path)
    return p.with_name(p.stem + ".users.db")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(digest) // 2
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# Checked against when the user does not exist, so a wrong name costs as much time as a wrong password.
_DUMMY = hash_password("not a password", b"\0" * 16)


def _connect(path: Path) -> sqlite3.Connection:
    """Open the accounts file, creating it readable and writable by its owner only (0600): it holds password
    hashes. A file made by an older version with wider permissions is narrowed on open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
    conn = sqlite3.connect(str(path))
    conn.execute(
        "create table if not exists users (name text primary key, password_hash text not null, "
        "created_at text not null)"
    )
    return conn


def add_user(path: str | Path, name: str, password: str, replace: bool = False) -> None:
    """Create an account, or with `replace` set a new password for an existing one."""
    if not NAME.match(name or ""):
        raise UserError(
            f"invalid user name {name!r}: letters, digits, . _ @ - (up to 64), starting with a letter or digit"
        )
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"password too short: at least {MIN_PASSWORD} characters")
    conn = _connect(Path(path))
    try:
        with conn:
            exists = conn.execute("select 1 from users where name = ?", [name]).fetchone()
            if exists and not replace:
                raise UserError(f"user {name!r} exists (use --replace to set a new password)")
            conn.execute(
                "insert or replace into users (name, password_hash, created_at) values (?, ?, ?)",
                [name, hash_password(password), datetime.now(UTC).isoformat(timespec="seconds")],
            )
    finally:
        conn.close()


def remove_user(path: str | Path, name: str) -> None:
    """Remove an account; the annotations it made keep its name."""
    conn = _connect(Path(path))
    try:
        with conn:
            if conn.execute("delete from users where name = ?", [name]).rowcount == 0:
                raise UserError(f"no user {name!r}")
    finally:
        conn.close()


def list_users(path: str | Path) -> list[tuple[str, str]]:
    if not Path(path).exists():
        return []
    conn = _connect(Path(path))
    try:
        return conn.execute("select name, created_at from users order by name").fetchall()
    finally:
        conn.close()


def exists(path: str | Path | None, name: str | None) -> bool:
    """True when `name` is a current account: every annotation checks this, so a removed user's cookie and a
    token signed for a name that is no account (`datasette create-token bob`) cannot write."""
    if path is None or not name or not Path(path).exists():
        return False
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return conn.execute("select 1 from users where name = ?", [name]).fetchone() is not None
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def accounts_for_annotation(path: str | Path) -> frozenset[str] | None:
    """The names that may annotate from the command line, or None when any name may.

    Once a database has accounts, `--by` and an import's annotators must name one of them: the annotation
    history is append-only, so a typo ("alcie") would stay in it for good, and the same person would appear
    under two names in the browser's history and the command line's. A database with no accounts (one
    researcher working alone, nothing served for annotation) takes any name."""
    names = frozenset(name for name, _ in list_users(path))
    return names or None


def verify(path: str | Path, name: str, password: str) -> bool:
    """True when `name` exists in the accounts file and `password` is its password."""
    stored = None
    if Path(path).exists() and name:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            row = conn.execute("select password_hash from users where name = ?", [name]).fetchone()
        except sqlite3.OperationalError:
            row = None
        finally:
            conn.close()
        stored = row[0] if row else None
    ok = check_password(password or "", stored or _DUMMY)
    return ok and stored is not None
