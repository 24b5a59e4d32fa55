"""Article text is data, never markup: a `<script>` in a headline, body, quote or claim stays inert text on the
reader, the claim and quote pages, the review queue and the tables that now render links."""

import json
import sqlite3

import pytest

from tracker.review.annotations import ensure_annotation_schema
from tracker.review.users import add_user, users_path
from tracker.store.db import connect
from tracker.store.ingest import ingest
from tracker.web.serve import datasette_app

EVIL = "<script>alert(1)</script>"
ARTICLE = {
    "title": f"Minister {EVIL} defends the $3 billion deal",
    "published": "2021-03-01",
    "source": f"Wire {EVIL}",
    "url": "https://example.org/evil",
    "text": (
        f'"We paid $3 billion for the system {EVIL} and we will not go back," Defence Minister Jane Roe said on '
        f"Monday.\n\nThe contract {EVIL} was signed in July 2019 and cost $3 billion, officials said."
    ),
}


@pytest.fixture
def site(tmp_path):
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db_path = tmp_path / "tracker.db"
    ingest([str(src)], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    db.close()
    add_user(users_path(db_path), "alice", "correct horse battery")  # an actor must be a current account
    return datasette_app(db_path), db_path


async def test_script_in_article_text_is_escaped_on_every_page(site):
    ds, db_path = site
    conn = sqlite3.connect(db_path)
    article = conn.execute("select id from articles").fetchone()[0]
    claims = [r[0] for r in conn.execute("select id from claims where text like '%<script>%'")]
    quotes = [r[0] for r in conn.execute("select id from quotes where text like '%<script>%'")]
    group = conn.execute("select group_id from claim_group_members limit 1").fetchone()[0]
    # A conflict between two of its claims, for the side-by-side pages (cards and tables).
    first, second = [r[0] for r in conn.execute("select id from claims order by start limit 2")]
    conn.execute(
        "insert into claim_conflicts (claim_id, other_claim_id, unit, value, other_value, shared_entities, "
        "wording_overlap) values (?, ?, 'USD', 3e9, 4e9, 1, 0.5)",
        [first, second],
    )
    conn.commit()
    conn.close()
    assert claims and quotes, "the script text is inside a claim and a quote"
    pages = [
        f"/tracker/articles/{article}",
        "/-/review",
        "/tracker/claim_groups?_groups=all",
        f"/tracker/claim_group?group={group}",
        "/tracker/claim_conflicts_side_by_side",
        "/tracker/claim_conflicts_side_by_side?_layout=table",
        "/tracker/conflicting_figures?entity=",
        "/tracker/conflicting_figures?entity=&_layout=table",
    ]
    pages += [f"/tracker/claims/{c}" for c in claims] + [f"/tracker/quotes/{q}" for q in quotes]
    for path in pages:
        r = await ds.client.get(path, actor={"id": "alice"})
        assert r.status_code == 200, path
        assert EVIL not in r.text, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text, path
