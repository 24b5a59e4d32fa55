"""Shared set-up for the web tests."""

import sqlite3


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
