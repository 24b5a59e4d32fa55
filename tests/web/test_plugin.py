"""The annotation feature as Datasette serves it, through Datasette's own test client: who may write, what is
refused and why, and what readers see."""

import json
import re

import pytest
from datasette.tokens import TokenRestrictions

from tests.conftest import EXAMPLE
from tracker.review.annotations import ensure_annotation_schema
from tracker.review.users import add_user, remove_user, users_path
from tracker.store.db import connect
from tracker.store.ingest import ingest
from tracker.web.serve import datasette_app

JSON = {"Accept": "application/json"}
BLANK = {"wrong": "", "note": "", "sources": ""}


@pytest.fixture
def setup(tmp_path):
    db_path = tmp_path / "tracker.db"
    ingest([str(EXAMPLE)], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    add_user(users_path(db_path), "alice", "correct horse battery")
    cid = db.execute("select id from claims order by start limit 1").fetchone()[0]
    qid = db.execute("select id from quotes order by start limit 1").fetchone()[0]
    ds = datasette_app(db_path)
    return ds, db, cid, qid


def annotations(db):
    return [dict(r) for r in db.query("select * from annotations order by id")]


async def test_anonymous_reads_but_sees_no_form(setup):
    ds, db, cid, _ = setup
    r = await ds.client.get(f"/tracker/claims/{cid}")
    assert r.status_code == 200
    assert "No annotations yet" in r.text
    assert 'id="annotate"' not in r.text and 'name="verdict"' not in r.text
    assert "Log in to annotate" in r.text and "/-/login?next=" in r.text


async def test_logged_in_user_gets_form_and_action(setup):
    ds, db, cid, qid = setup
    r = await ds.client.get(f"/tracker/claims/{cid}", actor={"id": "alice"})
    assert 'id="annotate"' in r.text and 'action="/tracker/annotate"' in r.text
    assert 'href="#annotate"' in r.text  # the row action
    assert '<option value="misleading">' in r.text
    q = await ds.client.get(f"/tracker/quotes/{qid}", actor={"id": "alice"})
    assert '<option value="extraction wrong">' in q.text and '<option value="false">' not in q.text


async def test_form_post_takes_annotator_from_actor_and_stores_null(setup):
    ds, db, cid, _ = setup
    r = await ds.client.post(
        "/tracker/annotate",
        actor={"id": "alice"},
        data={"target_id": cid, "verdict": "false", **BLANK, "_actor_id": "mallory", "annotator": "mallory"},
    )
    assert r.status_code == 302
    [row] = annotations(db)
    assert row["annotator"] == "alice"
    assert (row["verdict"], row["wrong"], row["note"], row["sources"]) == ("false", None, None, None)
    assert row["target_type"] == "claim" and row["target_text"]


async def test_json_post_and_history_newest_first(setup):
    ds, db, cid, _ = setup
    for verdict, note in (("false", "first look"), ("mostly true", "after reading the report")):
        r = await ds.client.post(
            "/tracker/annotate",
            actor={"id": "alice"},
            headers=JSON,
            content=json.dumps(
                {
                    "target_id": cid,
                    "verdict": verdict,
                    "wrong": "",
                    "note": note,
                    "sources": "https://example.org/report",
                }
            ),
        )
        assert r.status_code == 200 and r.json()["ok"], r.text
    page = (await ds.client.get(f"/tracker/claims/{cid}")).text
    assert page.index("after reading the report") < page.index("first look")
    assert "Current verdict" in page and "https://example.org/report" in page
    assert [a["sources"] for a in annotations(db)] == ['["https://example.org/report"]'] * 2


async def test_invalid_post_says_why_and_writes_nothing(setup):
    ds, db, _, qid = setup
    r = await ds.client.post(
        "/tracker/annotate", actor={"id": "alice"}, headers=JSON, data={"target_id": qid, "verdict": "false", **BLANK}
    )
    assert r.status_code == 400 and "a quote's only verdict is extraction wrong" in r.text
    assert annotations(db) == []


async def test_anonymous_post_is_refused(setup):
    ds, db, cid, _ = setup
    r = await ds.client.post(
        "/tracker/annotate", data={"target_id": cid, "verdict": "false", **BLANK, "_actor_id": "mallory"}
    )
    assert r.status_code == 403 and "Only logged-in users may annotate" in r.text
    r = await ds.client.post("/tracker/annotate", headers=JSON, data={"target_id": cid, "verdict": "false", **BLANK})
    assert r.status_code == 403 and r.json()["errors"] == [
        "Only logged-in users may annotate: log in first. Nothing was written."
    ]
    assert annotations(db) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
    ],
)
async def test_cross_site_post_is_refused(setup, headers):
    ds, db, cid, _ = setup
    r = await ds.client.post(
        "/tracker/annotate",
        actor={"id": "alice"},
        headers=headers,
        data={"target_id": cid, "verdict": "false", **BLANK},
    )
    assert r.status_code == 403
    assert "Sec-Fetch-Site" in r.text or "does not match Host" in r.text
    assert annotations(db) == []


async def test_same_origin_browser_post_is_accepted(setup):
    ds, db, cid, _ = setup
    r = await ds.client.post(
        "/tracker/annotate",
        actor={"id": "alice"},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
        data={"target_id": cid, "verdict": "true", **BLANK},
    )
    assert r.status_code == 302 and len(annotations(db)) == 1


async def test_token_restricted_to_the_query(setup):
    ds, db, cid, _ = setup
    add_user(users_path(db.conn.execute("pragma database_list").fetchone()[2]), "script-bot", "a long password")
    token = await ds.create_token(
        "script-bot", restrictions=TokenRestrictions().allow_resource("tracker", "annotate", "view-query")
    )
    r = await ds.client.post(
        "/tracker/annotate",
        headers={**JSON, "Authorization": f"Bearer {token}"},
        content=json.dumps(
            {
                "target_id": cid,
                "verdict": "unverifiable",
                "wrong": "",
                "note": "",
                "sources": "https://a.example https://b.example",
            }
        ),
    )
    assert r.status_code == 200, r.text
    [row] = annotations(db)
    assert row["annotator"] == "script-bot" and json.loads(row["sources"]) == ["https://a.example", "https://b.example"]
    other = await ds.create_token(
        "script-bot", restrictions=TokenRestrictions().allow_database("tracker", "view-table")
    )
    r = await ds.client.post(
        "/tracker/annotate",
        headers={**JSON, "Authorization": f"Bearer {other}"},
        data={"target_id": cid, "verdict": "true", **BLANK},
    )
    assert r.status_code == 403 and len(annotations(db)) == 1


async def test_row_api_cannot_write_annotations_even_as_root(setup):
    """/-/insert lets a client set any column, annotator included; update and delete would break append-only."""
    ds, db, cid, _ = setup
    await ds.client.post(
        "/tracker/annotate", actor={"id": "alice"}, data={"target_id": cid, "verdict": "true", **BLANK}
    )
    ds.root_enabled = True
    root = {"id": "root"}
    r = await ds.client.post(
        "/tracker/annotations/-/insert",
        actor=root,
        json={
            "row": {
                "target_type": "claim",
                "target_id": cid,
                "verdict": "false",
                "annotator": "mallory",
                "created_at": "2020-01-01",
            }
        },
    )
    assert r.status_code == 403, r.text
    r = await ds.client.post("/tracker/annotations/1/-/update", actor=root, json={"update": {"verdict": "false"}})
    assert r.status_code == 403, r.text
    r = await ds.client.post("/tracker/annotations/1/-/delete", actor=root)
    assert r.status_code == 403, r.text
    assert [(a["verdict"], a["annotator"]) for a in annotations(db)] == [("true", "alice")]


async def test_login(setup):
    ds, db, cid, _ = setup
    form = await ds.client.get("/-/login?next=/tracker/claims")
    assert form.status_code == 200 and 'name="password"' in form.text
    bad = await ds.client.post("/-/login", data={"username": "alice", "password": "wrong", "next": "/"})
    assert bad.status_code == 403 and "Wrong user name or password" in bad.text
    assert "ds_actor" not in bad.cookies
    nobody = await ds.client.post("/-/login", data={"username": "bob", "password": "correct horse battery"})
    assert nobody.status_code == 403 and "ds_actor" not in nobody.cookies
    ok = await ds.client.post(
        "/-/login", data={"username": "alice", "password": "correct horse battery", "next": f"/tracker/claims/{cid}"}
    )
    assert ok.status_code == 302 and ok.headers["location"] == f"/tracker/claims/{cid}"
    assert ds.unsign(ok.cookies["ds_actor"], "actor")["a"] == {"id": "alice"}
    # The cookie is what makes the annotate query accept a POST.
    r = await ds.client.post(
        "/tracker/annotate",
        cookies={"ds_actor": ok.cookies["ds_actor"]},
        data={"target_id": cid, "verdict": "half true", **BLANK},
    )
    assert r.status_code == 302 and annotations(db)[0]["annotator"] == "alice"
    evil = await ds.client.post(
        "/-/login", data={"username": "alice", "password": "correct horse battery", "next": "//evil.example/"}
    )
    assert evil.headers["location"] == "/"


async def test_password_hashes_are_not_published(setup):
    ds, db, _, _ = setup
    assert "users" not in db.table_names()
    listed = (await ds.client.get("/-/databases.json")).json()
    assert [d["name"] for d in listed["databases"]] == ["tracker"]
    # The published file (downloadable when served immutable, with -i) holds no hash; the accounts file does.
    published = db.execute("pragma database_list").fetchone()[2]
    assert b"scrypt$" not in open(published, "rb").read()
    assert b"scrypt$" in users_path(published).read_bytes()
    r = await ds.client.get("/tracker/-/query.json?sql=select+*+from+sqlite_master+where+name+like+'%25user%25'")
    assert r.json()["rows"] == []


async def test_orphaned_annotation_is_shown_on_its_article(setup):
    ds, db, cid, _ = setup
    article_id = db.execute("select article_id from claims where id = ?", [cid]).fetchone()[0]
    db.conn.execute("delete from claim_entities where claim_id = ?", [cid])
    db.conn.execute("delete from quantities where claim_id = ?", [cid])
    db.conn.execute("delete from claim_dates where claim_id = ?", [cid])
    from tracker.review.annotations import annotate

    annotate(db, cid, "false", annotator="alice")
    with db.conn:
        db.conn.execute("delete from claims where id = ?", [cid])  # what a re-parse that no longer finds it does
    r = await ds.client.get(f"/tracker/articles/{article_id}")
    panel = r.text[r.text.index("Annotated claims and quotes in this article") :]
    assert "orphaned" in panel and "<strong>false</strong>" in panel
    text = db.execute("select target_text from annotations").fetchone()[0]
    assert f"“{text[:40]}" in panel, "shown with the text it was made on"
    assert f"/tracker/claims/{cid}" not in panel, "no link to a row that is gone"
    data = (await ds.client.get("/tracker/current_verdicts.json?_shape=array")).json()
    assert [(d["target_id"], d["orphaned"]) for d in data] == [(cid, 1)]


async def test_filter_and_facet_claims_by_verdict(setup):
    ds, db, cid, _ = setup
    await ds.client.post(
        "/tracker/annotate", actor={"id": "alice"}, data={"target_id": cid, "verdict": "misleading", **BLANK}
    )
    rows = (await ds.client.get("/tracker/claims.json?_verdict=misleading&_shape=array")).json()
    assert [r["id"] for r in rows] == [cid]
    rest = (await ds.client.get("/tracker/claims.json?_verdict=unannotated&_shape=array&_size=max")).json()
    assert cid not in {r["id"] for r in rest} and len(rest) == db["claims"].count - 1
    page = (await ds.client.get("/tracker/claims")).text
    assert "?_verdict=misleading" in page
    data = (await ds.client.get("/tracker/claims_with_verdict.json?_extra=facet_results")).json()
    values = {v["value"]: v["count"] for v in data["facet_results"]["results"]["verdict"]["results"]}
    assert values.get("misleading") == 1


async def test_csv_and_json_of_every_table_and_view(setup):
    ds, db, cid, _ = setup
    await ds.client.post(
        "/tracker/annotate",
        actor={"id": "alice"},
        data={
            "target_id": cid,
            "verdict": "false",
            "wrong": "",
            "note": 'a, "quoted" note',
            "sources": "https://example.org/x",
        },
    )
    names = [n for n in db.table_names() + db.view_names() if not re.search(r"_fts(_|$)", n)]
    for name in names:
        for fmt in ("csv", "json"):
            r = await ds.client.get(f"/tracker/{name}.{fmt}?_size=max")
            assert r.status_code == 200, (name, fmt, r.text[:200])
    import csv
    import io

    csv_rows = list(csv.DictReader(io.StringIO((await ds.client.get("/tracker/current_verdicts.csv")).text)))
    assert [(r["target_id"], r["verdict"], r["note"], r["annotator"], r["orphaned"]) for r in csv_rows] == [
        (cid, "false", 'a, "quoted" note', "alice", "0")
    ]
    js = (await ds.client.get("/tracker/current_verdicts.json?_shape=array")).json()
    assert js[0]["verdict"] == "false" and json.loads(js[0]["sources"]) == ["https://example.org/x"]


async def test_stylesheet_is_served_and_linked(setup):
    ds, *_ = setup
    css = await ds.client.get("/-/tracker.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "dl.column-descriptions" in css.text
    page = await ds.client.get("/tracker/claims")
    assert 'href="/-/tracker.css"' in page.text


async def test_table_counts_are_kept_until_the_database_changes(setup):
    ds, db, cid, _ = setup
    await ds.invoke_startup()
    tracker = ds.get_database("tracker")
    seen = []
    original = tracker.execute

    async def execute(sql, *args, **kwargs):
        seen.append(sql)
        return await original(sql, *args, **kwargs)

    tracker.execute = execute
    first = await tracker.table_counts(100)
    counting = [s for s in seen if s.startswith("select count(*)")]
    assert counting and first["annotations"] == 0
    seen.clear()
    assert await tracker.table_counts(100) == first
    assert not [s for s in seen if s.startswith("select count(*)")]  # not recounted
    r = await ds.client.get(f"/tracker/claims/{cid}")
    assert r.status_code == 200
    # any write changes the database file or its write-ahead log: the counts are taken again
    db.execute(
        "insert into annotations (target_type, target_id, verdict, annotator, created_at) "
        "values ('claim', ?, 'true', 'alice', '2024-01-01T00:00:00+00:00')",
        [cid],
    )
    db.conn.commit()
    counts = await tracker.table_counts(100)
    assert counts["annotations"] == 1


async def test_removed_user_and_unknown_token_cannot_annotate(setup):
    """The cookie and the token say who the actor is, not that the account exists: every write checks it."""
    ds, db, cid, _ = setup
    path = users_path(db.conn.execute("pragma database_list").fetchone()[2])
    r = await ds.client.post(
        "/tracker/annotate", actor={"id": "alice"}, data={"target_id": cid, "verdict": "true", **BLANK}
    )
    assert r.status_code == 302 and len(annotations(db)) == 1
    remove_user(path, "alice")
    r = await ds.client.post(
        "/tracker/annotate", actor={"id": "alice"}, headers=JSON, data={"target_id": cid, "verdict": "false", **BLANK}
    )
    assert r.status_code == 403
    assert r.json()["errors"] == ["alice is not a current account (removed, or never created): nothing was written."]
    page = await ds.client.get(f"/tracker/claims/{cid}", actor={"id": "alice"})
    assert 'name="verdict"' not in page.text  # no form for her either
    token = await ds.create_token("bob")  # what `datasette create-token bob` makes: bob was never an account
    r = await ds.client.post(
        "/tracker/annotate",
        headers={**JSON, "Authorization": f"Bearer {token}"},
        data={"target_id": cid, "verdict": "false", **BLANK},
    )
    assert r.status_code == 403 and len(annotations(db)) == 1


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({"verdict": "false"}, 400, "say which claim or quote to annotate: target_id is missing"),
        ({"target_id": None, "verdict": "false"}, 400, "say which claim or quote to annotate: target_id is missing"),
        ({"target_id": "CLAIM"}, 400, "choose a verdict"),
        ({"target_id": "CLAIM", "verdict": None, "wrong": None}, 400, "choose a verdict"),
        ({"target_id": "CLAIM", "verdict": "false", "wrong": None, "note": None, "sources": None}, 200, None),
        ({"target_id": "CLAIM", "verdict": "false", "sources": ["https://a.example"]}, 200, None),
    ],
)
async def test_json_api_null_or_missing_parameters_get_a_clear_answer(setup, body, status, message):
    ds, db, cid, _ = setup
    body = {k: cid if v == "CLAIM" else v for k, v in body.items()}
    r = await ds.client.post("/tracker/annotate", actor={"id": "alice"}, headers=JSON, content=json.dumps(body))
    assert r.status_code == status, r.text
    if message:
        assert r.json()["errors"] == [message] and annotations(db) == []
    else:
        (row,) = annotations(db)
        assert (row["verdict"], row["wrong"], row["note"], row["annotator"]) == ("false", None, None, "alice")
        assert row["sources"] == (json.dumps(body["sources"]) if body.get("sources") else None)
