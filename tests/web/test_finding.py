"""Finding things: key questions first and described, titles in words, articles from the home page, claim groups
defaulting to facts in two or more articles (tracker.web.finding), through Datasette's test client."""

import re
import sqlite3

import pytest

from tests.conftest import ROOT
from tracker.review.annotations import ensure_annotation_schema
from tracker.review.users import add_user, users_path
from tracker.store.db import connect
from tracker.store.ingest import ingest
from tracker.web.finding import KEY_QUERIES, describe
from tracker.web.serve import datasette_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("finding") / "tracker.db"
    ingest([str(ROOT / "data" / "articles")], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    db.close()
    add_user(users_path(db_path), "alice", "correct horse battery")  # an actor must be a current account
    return datasette_app(db_path), db_path


def test_describe_renders_code_and_escapes():
    assert describe("Built by `tracker ingest` <b>") == "Built by <code>tracker ingest</code> &lt;b&gt;"


async def test_database_page_lists_key_queries_first_described_without_annotate(site):
    ds, _ = site
    for actor in (None, {"id": "alice"}):
        html = (await ds.client.get("/tracker", actor=actor)).text
        start = html[html.index('id="queries"') : html.index('id="more-queries"')]
        assert re.findall(r'<dt><a href="/tracker/(\w+)">', start) == list(KEY_QUERIES)
        assert '<dt><a href="/tracker/conflicting_figures">Conflicting figures</a></dt>' in start
        assert "<dd>Every claim stating an amount of money, largest first" in start
        more = html[html.index('id="more-queries"') :]
        assert '<a href="/tracker/quotes_by_speaker">Quotes by speaker</a>' in more
        assert "/tracker/annotate" not in html
        assert "`" not in html[html.index("<h1>") : html.index('id="tables"')]
        assert "Built by <code>tracker ingest</code>" in html
        assert html.index('id="queries"') < html.index("Custom SQL query")


async def test_page_titles_are_words(site):
    ds, _ = site
    html = (await ds.client.get("/tracker/conflicting_figures?entity=")).text
    assert "<title>Conflicting figures — tracker</title>" in html
    html = (await ds.client.get("/tracker/claim_group?group=1")).text
    assert "<title>Claim group — every appearance of one fact — tracker</title>" in html
    html = (await ds.client.get("/tracker")).text
    assert "<title>tracker — tables and questions</title>" in html


async def test_home_page_leads_to_articles_and_key_queries(site):
    ds, _ = site
    html = (await ds.client.get("/")).text
    assert '<a href="/tracker/articles"><strong>Articles</strong></a>' in html
    assert '<dt><a href="/tracker/check_worthy_claims">Most check-worthy claims</a></dt>' in html
    assert "Review queue" not in html
    assert 'class="tracker-review-link" href="/-/review"' in (await ds.client.get("/", actor={"id": "alice"})).text


async def test_claim_groups_default_to_facts_in_two_or_more_articles(site):
    ds, db_path = site
    conn = sqlite3.connect(db_path)
    repeated = [r[0] for r in conn.execute("select id from claim_groups where articles >= 2 order by id")]
    every = [r[0] for r in conn.execute("select id from claim_groups order by id")]
    conn.close()
    assert 0 < len(repeated) < len(every)
    page = await ds.client.get("/tracker/claim_groups.json?_shape=array&_sort=id")
    assert [r["id"] for r in page.json()] == repeated
    html = (await ds.client.get("/tracker/claim_groups")).text
    assert "Showing facts stated in two or more articles" in html
    assert 'href="/tracker/claim_groups?_groups=all">Show all claim groups</a>' in html
    page = await ds.client.get("/tracker/claim_groups.json?_shape=array&_sort=id&_groups=all&_size=max")
    assert [r["id"] for r in page.json()] == every
    page = await ds.client.get("/tracker/claim_groups.json?_shape=array&_sort=id&articles__gte=1&_size=max")
    assert [r["id"] for r in page.json()] == every


async def _follow(ds, url: str) -> list[str]:
    """The URLs of a paged query's pages, from `url` on, following the link under each table."""
    seen = [url]
    while True:
        html = (await ds.client.get(seen[-1])).text
        link = re.search(r'<p class="tracker-more"><a href="([^"]+)" rel="next">', html)
        if not link:
            return seen
        seen.append(link.group(1).replace("&amp;", "&"))
        assert len(seen) < 50


async def test_paged_queries_link_to_their_next_page(site, tmp_path):
    import yaml

    _, db_path = site
    config = yaml.safe_load((ROOT / "datasette.yaml").read_text())
    paged = config["plugins"]["tracker"]["paged_queries"]
    assert paged["conflicting_figures"]["size"] == 100 and paged["speaker_timeline"]["size"] == 200
    paged["conflicting_figures"]["size"] = paged["speaker_timeline"]["size"] = 1
    (tmp_path / "datasette.yaml").write_text(yaml.safe_dump(config))
    ds = datasette_app(db_path, config=tmp_path / "datasette.yaml")
    conn = sqlite3.connect(db_path)
    ids = [r[0] for r in conn.execute("select id from claim_conflicts order by id desc")]
    conn.close()
    assert len(ids) >= 1
    pages = await _follow(ds, "/tracker/conflicting_figures?entity=")
    # every page but the first asks for the conflicts before the one the previous page ended on
    assert pages == ["/tracker/conflicting_figures?entity="] + [
        f"/tracker/conflicting_figures?entity=&before={i}" for i in ids
    ]
    html = (await ds.client.get(pages[0])).text
    assert f'rel="next">Older conflicts (before {ids[-1]}) →</a>' in html
    html = (await ds.client.get(pages[-1])).text
    assert "0 results" in html and "tracker-more" not in html
    # the timeline (all of it on one page of the query's own size): the next page asks for the entries
    # before the oldest day shown
    timeline = "/tracker/speaker_timeline?speaker=a"
    data = (await ds.client.get("/tracker/speaker_timeline.json?speaker=a&_shape=array")).json()
    days = sorted({r["published"] for r in data}, reverse=True)
    assert len(days) >= 2
    assert data[-1]["published"] == days[-1]
    assert await _follow(ds, timeline) == [timeline, f"{timeline}&before={days[-1]}"]
    # with the configured sizes, a page of fewer rows has no link
    assert await _follow(site[0], "/tracker/conflicting_figures?entity=") == ["/tracker/conflicting_figures?entity="]
    assert await _follow(site[0], timeline) == [timeline]
