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
    # after the last one shown in the query's order (published desc, type, id), a cursor of all three
    timeline = "/tracker/speaker_timeline?speaker=a"
    data = (await ds.client.get("/tracker/speaker_timeline.json?speaker=a&_shape=array")).json()
    days = sorted({r["published"] for r in data}, reverse=True)
    assert len(days) >= 2
    last = data[-1]
    assert last["published"] == days[-1]
    cursor = f"{last['published']},{last['type']},{last['id']}"
    assert await _follow(ds, timeline) == [timeline, f"{timeline}&before={cursor}"]
    html = (await ds.client.get(timeline)).text
    assert f'rel="next">Older entries (before {days[-1]}) →</a>' in html
    # with the configured sizes, a page of fewer rows has no link
    assert await _follow(site[0], "/tracker/conflicting_figures?entity=") == ["/tracker/conflicting_figures?entity="]
    assert await _follow(site[0], timeline) == [timeline]


@pytest.fixture(scope="module")
def busy_day(tmp_path_factory):
    """One speaker with far more entries on one day than a page holds: 430 quotes and 40 claims on
    2024-05-02 (two articles) and 5 quotes on 2024-05-01, so that pages of 200 are cut inside that day twice."""
    from tracker.parse import Parsed
    from tracker.records import Article, Claim, Extraction, Quote, SpeakerRef
    from tracker.store.db import status_of, write_batch

    speaker = SpeakerRef(name="Amara Diallo", mention="Amara Diallo", start=0, end=12, kind="person")

    def quote(i: int) -> Quote:
        text = f"Statement number {i}."
        return Quote(id=f"q{i}", kind="direct", text=text, start=i, end=i + len(text), cue="said", speaker=speaker)

    def claim(i: int) -> Claim:
        text = f"Finding number {i} was published."
        return Claim(id=f"c{i}", kind="event", text=text, start=i, end=i + len(text), speaker=speaker, score=0.5)

    def parsed(n: int, date: str, quotes: int, claims: int) -> Parsed:
        a = Article(title=f"Briefing {n}", body="Briefing.", published=date, source="Wire", url=f"https://e.org/b{n}")
        return Parsed(a, Extraction([quote(i) for i in range(quotes)], [claim(i) for i in range(claims)]))

    db_path = tmp_path_factory.mktemp("busy") / "tracker.db"
    db = connect(db_path)
    batch = [parsed(1, "2024-05-02", 300, 40), parsed(2, "2024-05-02", 130, 0), parsed(3, "2024-05-01", 5, 0)]
    write_batch(db, [(p, *status_of(db, p.article)) for p in batch])
    db.close()
    return datasette_app(db_path), db_path


async def test_speaker_timeline_pages_show_every_entry_of_a_busy_day_once(busy_day):
    ds, db_path = busy_day
    conn = sqlite3.connect(db_path)
    every = conn.execute(
        "select published, type, id from (select published, 'quote' as type, id from quotes"
        " union all select published, 'claim', id from claims) order by published desc, type, id"
    ).fetchall()
    conn.close()
    assert len(every) == 475 and sum(1 for e in every if e[0] == "2024-05-02") == 470
    pages = await _follow(ds, "/tracker/speaker_timeline?speaker=Diallo")
    shown = []
    for url in pages:
        data = (await ds.client.get(url.replace("speaker_timeline?", "speaker_timeline.json?_shape=array&"))).json()
        shown.append([(r["published"], r["type"], r["id"]) for r in data])
    assert [len(page) for page in shown] == [200, 200, 75]
    assert [e for page in shown for e in page] == every  # each exactly once, in the query's order
    # each link starts after the last entry of the page before it, two of them inside 2024-05-02
    assert [p.split("&before=")[-1] for p in pages[1:]] == [",".join(shown[0][-1]), ",".join(shown[1][-1])]
    assert shown[1][-1][0] == "2024-05-02" and shown[2][0][0] == "2024-05-02"
    # a date alone still means "before that day"
    data = (await ds.client.get("/tracker/speaker_timeline.json?_shape=array&speaker=Diallo&before=2024-05-02")).json()
    assert [(r["published"], r["type"], r["id"]) for r in data] == every[-5:]


@pytest.fixture(scope="module")
def many_conflicts(tmp_path_factory):
    """Six articles stating six different costs of the same dam (about Kenya and the UN; every other one names the
    Office of Audits too): every pair conflicts."""
    from tracker.parse import Parsed
    from tracker.records import Article, Claim, Entity, Extraction, Quantity
    from tracker.store.db import status_of, write_batch

    kenya = Entity(text="Kenya", start=0, end=5, name="Kenya", kind="country")
    un = Entity(text="UN", start=0, end=2, name="United Nations", kind="organisation", acronym="UN")
    audits = Entity(text="OFA", start=0, end=3, name="Office of Audits", kind="organisation", acronym="OFA")

    def parsed(n: int) -> Parsed:
        text, figure = f"The dam cost ${n} billion.", f"${n} billion"
        money = Quantity(text=figure, start=0, end=len(figure), value=n * 1e9, unit="USD", currency="USD", kind="money")
        entities = [kenya, un, audits] if n % 2 else [kenya, un]
        claim = Claim("c1", "quantity", text, 0, len(text), None, quantities=[money], entities=entities, score=0.5)
        a = Article(title=f"Dam {n}", body=text, published=f"2020-01-0{n}", source="Wire", url=f"https://e.org/d{n}")
        return Parsed(a, Extraction([], [claim]))

    db_path = tmp_path_factory.mktemp("conflicts") / "tracker.db"
    db = connect(db_path)
    write_batch(db, [(p, *status_of(db, p.article)) for p in map(parsed, range(2, 8))])
    db.close()
    return db_path


def test_conflicting_figures_pages_show_every_conflict_once(many_conflicts):
    """conflicting_figures pages by conflict id, which is unique: with pages of 2 (the query's 100 made small),
    following `before` shows every conflict exactly once, newest first, with or without an entity."""
    import yaml

    sql = yaml.safe_load((ROOT / "datasette.yaml").read_text())["databases"]["tracker"]["queries"]
    sql = sql["conflicting_figures"]["sql"]
    assert sql.count("limit 100") == 4
    small = sql.replace("limit 100", "limit 2")
    conn = sqlite3.connect(many_conflicts)
    every = [r[0] for r in conn.execute("select id from claim_conflicts order by id desc")]
    named = [
        r[0]
        for r in conn.execute(
            "select distinct x.id from claim_conflicts x join claim_entities ce on ce.claim_id = x.claim_id"
            " join entities e on e.id = ce.entity_id where e.acronym = 'OFA' order by x.id desc"
        )
    ]
    assert len(every) == 15 and 3 <= len(named) < 15
    for wanted, expected in (("", every), ("OFA", named), ("Audits", named), ("UN", every)):
        pages, before = [], ""
        while page := conn.execute(small, {"entity": wanted, "before": before}).fetchall():
            pages.append([r[0] for r in page])
            before = str(page[-1][0])
        assert [len(p) for p in pages[:-1]] == [2] * (len(pages) - 1)
        assert [i for p in pages for i in p] == expected
    conn.close()
