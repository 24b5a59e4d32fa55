"""Accounts: salted hashes, password checks, and the `tracker users` commands."""

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.review.users import (
    UserError,
    add_user,
    check_password,
    hash_password,
    list_users,
    remove_user,
    users_path,
    verify,
)


def test_users_live_beside_not_inside_the_database():
    assert str(users_path("data/tracker.db")) == "data/tracker.users.db"


def test_hash_is_salted_and_checks():
    a, b = hash_password("correct horse"), hash_password("correct horse")
    assert a != b and a.startswith("scrypt$")
    assert "correct horse" not in a
    assert check_password("correct horse", a) and check_password("correct horse", b)
    assert not check_password("correct hors", a)
    assert not check_password("x", "garbage") and not check_password("x", "md5$1$2$3$00$00")


def test_add_verify_remove(tmp_path):
    path = tmp_path / "t.users.db"
    add_user(path, "alice", "long enough pw")
    assert verify(path, "alice", "long enough pw")
    assert not verify(path, "alice", "wrong password")
    assert not verify(path, "bob", "long enough pw")
    assert not verify(tmp_path / "missing.db", "alice", "long enough pw")
    with pytest.raises(UserError, match="exists"):
        add_user(path, "alice", "another password")
    add_user(path, "alice", "another password", replace=True)
    assert verify(path, "alice", "another password") and not verify(path, "alice", "long enough pw")
    assert [n for n, _ in list_users(path)] == ["alice"]
    remove_user(path, "alice")
    assert not verify(path, "alice", "another password")
    with pytest.raises(UserError, match="no user"):
        remove_user(path, "alice")


@pytest.mark.parametrize(
    "name, password, message",
    [
        ("", "long enough pw", "invalid user name"),
        ("a b", "long enough pw", "invalid user name"),
        ("alice", "short", "too short"),
    ],
)
def test_refused_accounts(tmp_path, name, password, message):
    with pytest.raises(UserError, match=message):
        add_user(tmp_path / "u.db", name, password)


def test_cli_prompts_for_password(tmp_path):
    db = tmp_path / "tracker.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["users", "add", "alice", "--db", str(db)], input="s3cret pass\ns3cret pass\n")
    assert result.exit_code == 0, result.output
    assert "s3cret pass" not in result.output
    assert verify(users_path(db), "alice", "s3cret pass")
    mismatch = runner.invoke(
        cli,
        ["users", "add", "bob", "--db", str(db)],
        input="one password\nother password\none password\none password\n",
    )
    assert mismatch.exit_code == 0 and "do not match" in mismatch.output
    again = runner.invoke(cli, ["users", "add", "alice", "--db", str(db)], input="new password\nnew password\n")
    assert again.exit_code == 1 and "exists" in again.output
    listed = runner.invoke(cli, ["users", "list", "--db", str(db)])
    assert [line.split("\t")[0] for line in listed.output.splitlines()] == ["alice", "bob"]
    assert runner.invoke(cli, ["users", "remove", "bob", "--db", str(db)]).exit_code == 0
    assert not verify(users_path(db), "bob", "one password")


def test_accounts_file_is_readable_by_its_owner_only(tmp_path):
    import os
    import stat

    path = tmp_path / "t.users.db"
    add_user(path, "carol", "a long password")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    path.chmod(0o644)  # made by an older version
    remove_user(path, "carol")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_accounts_for_annotation(tmp_path):
    from tracker.review.users import accounts_for_annotation

    path = tmp_path / "t.users.db"
    assert accounts_for_annotation(path) is None
    add_user(path, "alice", "a long password")
    add_user(path, "bob", "another password")
    assert accounts_for_annotation(path) == frozenset({"alice", "bob"})
    remove_user(path, "alice")
    remove_user(path, "bob")
    assert accounts_for_annotation(path) is None
