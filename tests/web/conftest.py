"""Shared set-up for the web tests."""

import sqlite3

import pytest

from tests.conftest import ROOT


def plant_conflict(db_path) -> tuple[str, str]:
    """A conflicting-figures row between the sample articles' $2 billion and $2.5 billion claims, so that the
    pages showing conflicts are tested whatever the conflict rules of the day find in the sample articles;
    returns (claim with $2 billion, claim with $2.5 billion). Kept if the rules already found it."""
    conn = sqlite3.connect(db_path)
    try:
        found = conn.execute(
            "select c.claim_id, c.other_claim_id from claim_conflicts c"
            " join quantities qa on qa.claim_id = c.claim_id and qa.unit = 'USD' and qa.value = 2e9"
            " join quantities qb on qb.claim_id = c.other_claim_id and qb.unit = 'USD' and qb.value = 2.5e9"
            " order by c.claim_id, c.other_claim_id limit 1"
        ).fetchone()
        if found:
            a, b = found
        else:
            a, b = (
                conn.execute(
                    "select claim_id from quantities where unit = 'USD' and value = ? order by claim_id limit 1", [v]
                ).fetchone()[0]
                for v in (2e9, 2.5e9)
            )
            conn.execute(
                "insert into claim_conflicts (claim_id, other_claim_id, unit, value, other_value, shared_entities, "
                "wording_overlap) values (?, ?, 'USD', 2e9, 2.5e9, 2, 0.3)",
                [a, b],
            )
            conn.commit()
        return a, b
    finally:
        conn.close()


def sample_site(db_path):
    """The bundled articles ingested, with the annotation rules, an account (an actor must be a current one) and
    a conflict the pages can show: (Datasette app, database path)."""
    from tracker.review.users import add_user, users_path
    from tracker.store.annotation_rules import ensure_annotation_schema
    from tracker.store.db import connect
    from tracker.store.ingest import ingest
    from tracker.web.serve import datasette_app

    ingest([str(ROOT / "data" / "articles")], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    db.close()
    add_user(users_path(db_path), "alice", "correct horse battery")
    plant_conflict(db_path)
    return datasette_app(db_path), db_path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return sample_site(tmp_path_factory.mktemp("site") / "tracker.db")
