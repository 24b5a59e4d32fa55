"""The review queue (/-/review) through Datasette's test client: who sees it, what it lists and in what order."""

import re
import sqlite3

import pytest

from tests.conftest import ROOT
from tracker.review.annotations import ensure_annotation_schema
from tracker.review.users import add_user, users_path
from tracker.store.db import connect
from tracker.store.ingest import ingest
from tracker.web.review_queue import NOT_FACTUAL, PAGE_SIZE
from tracker.web.serve import datasette_app

ALICE = {"id": "alice"}


@pytest.fixture
def site(tmp_path):
    db_path = tmp_path / "tracker.db"
    ingest([str(ROOT / "data" / "articles")], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    db.close()
    add_user(users_path(db_path), "alice", "correct horse battery")  # an actor must be a current account
    return datasette_app(db_path), db_path


def ids(db_path, where="1", params=()):
    conn = sqlite3.connect(db_path)
    try:
        kinds = ", ".join(f"'{k}'" for k in NOT_FACTUAL)
        return [
            r[0]
            for r in conn.execute(
                f"select c.id from claims c join articles a on a.id = c.article_id where c.kind not in ({kinds}) "
                "and not exists (select 1 from annotations n where n.target_type = 'claim' and n.target_id = c.id) "
                f"and {where} order by c.score desc, c.id limit {PAGE_SIZE}",
                params,
            )
        ]
    finally:
        conn.close()


def queued(html: str) -> list[str]:
    return re.findall(r'<li class="tracker-card" data-claim-id="([^"]+)">', html)


async def test_anonymous_visitor_gets_log_in_page(site):
    ds, _ = site
    r = await ds.client.get("/-/review")
    assert r.status_code == 403
    assert "Log in to review" in r.text and 'href="/-/login?next=%2F-%2Freview"' in r.text
    assert "tracker-card" not in r.text and 'name="verdict"' not in r.text
    home = (await ds.client.get("/")).text
    assert "Review queue" not in home


async def test_queue_lists_unannotated_factual_claims_by_score(site):
    ds, db_path = site
    r = await ds.client.get("/-/review", actor=ALICE)
    assert r.status_code == 200
    expected = ids(db_path)
    assert queued(r.text) == expected and len(expected) > 3
    assert 'action="/tracker/annotate"' in r.text
    assert "<kbd>1</kbd> true" in r.text and "<kbd>7</kbd> extraction wrong" in r.text
    # Annotated claims leave the queue.
    await ds.client.post(
        "/tracker/annotate",
        actor=ALICE,
        data={"target_id": expected[0], "verdict": "true", "wrong": "", "note": "", "sources": ""},
    )
    assert queued((await ds.client.get("/-/review", actor=ALICE)).text) == ids(db_path)
    assert expected[0] not in ids(db_path)
    # Logged-in users find it in the menu.
    assert 'href="/-/review">Review queue</a>' in (await ds.client.get("/", actor=ALICE)).text


async def test_queue_filters(site):
    ds, db_path = site
    html = (await ds.client.get("/-/review?source=Sample+Wire", actor=ALICE)).text
    assert queued(html) == ids(db_path, "a.source = ?", ["Sample Wire"]) != []
    html = (await ds.client.get("/-/review?kind=quantity", actor=ALICE)).text
    assert queued(html) == ids(db_path, "c.kind = 'quantity'") != []
    html = (await ds.client.get("/-/review?speaker=Akar", actor=ALICE)).text
    assert queued(html) == ids(db_path, "c.speaker_id = 'hulusi-akar'") != []
    html = (await ds.client.get("/-/review?since=2021-02-01&until=2021-02-03", actor=ALICE)).text
    assert queued(html) == ids(db_path, "c.published between '2021-02-01' and '2021-02-03'") != []
    html = (await ds.client.get("/-/review?source=Nobody", actor=ALICE)).text
    assert queued(html) == [] and "No claim without a verdict matches these filters" in html
