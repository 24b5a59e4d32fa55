"""The article reader, claim page and quote page (row templates fed by tracker.web.reader), through Datasette's
test client."""

import json
import re
import sqlite3

from tests.conftest import ROOT
from tracker.store.ingest import ingest
from tracker.web.serve import datasette_app

S400 = "ankara-says-s-400-talks-with-moscow-continue-despite-31bbebe6"


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def section(html: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</section>", start)]


async def test_article_reader_headline_meta_and_marks(site):
    ds, db_path = site
    r = await ds.client.get(f"/tracker/articles/{S400}")
    assert r.status_code == 200
    html = r.text
    assert "<title>Ankara says S-400 talks with Moscow continue despite sanctions — article</title>" in html
    assert '<h1 class="tracker-headline">Ankara says S-400 talks with Moscow continue despite sanctions</h1>' in html
    assert '<time datetime="2021-02-03">3 February 2021</time>' in html
    assert '<span class="tracker-source">Sample Wire</span>' in html
    assert 'class="tracker-original" href="https://example.org/sample-wire/s400-talks-continue"' in html
    body = html[html.index('<div class="tracker-body">') : html.index("</article>")]
    assert body.count("<p>") == 6  # the article's six paragraphs
    for (qid,) in rows(db_path, "select id from quotes where article_id = ?", [S400]):
        assert re.search(rf'<mark class="tracker-quote q-\w+" data-quote-id="{re.escape(qid)}"', body)
        assert f'href="/tracker/quotes/{qid}"' in body
    for cid, kind in rows(db_path, "select id, kind from claims where article_id = ?", [S400]):
        assert f'href="/tracker/claims/{cid}" data-claim-id="{cid}">{kind} · unchecked</a>' in body
    # The speaker is named beside the quote.
    assert re.search(r'data-quote-id="[^"]+">Ibrahim Kalin</a>', body)


async def test_article_lists_quotes_by_speaker_and_claims_by_score(site):
    ds, db_path = site
    html = (await ds.client.get(f"/tracker/articles/{S400}")).text
    quotes = section(html, "quotes")
    speakers = re.findall(r"<h3><a href=\"/tracker/speakers/([^\"]+)\">", quotes)
    assert speakers[0] == "ibrahim-kalin"  # two quotes, the others one
    claims = section(html, "claims")
    listed = re.findall(r'<a href="/tracker/claims/([^"]+)">', claims)
    expected = [
        c for (c,) in rows(db_path, "select id from claims where article_id = ? order by score desc, start", [S400])
    ]
    assert listed == expected


async def test_article_raw_json_and_csv_unchanged(site):
    ds, db_path = site
    html = (await ds.client.get(f"/tracker/articles/{S400}")).text
    assert f'href="/tracker/articles/{S400}.json"' in html
    assert "All columns of this row" in html and '<table class="rows-and-columns">' in html
    data = (await ds.client.get(f"/tracker/articles/{S400}.json")).json()
    assert data["rows"][0]["id"] == S400 and data["rows"][0]["body"].startswith("A sample article")
    csv = (await ds.client.get(f"/tracker/articles.csv?id={S400}&_col=published")).text
    assert csv.splitlines() == ["id,published", f"{S400},2021-02-03"]


async def test_verdict_shows_in_reader(site):
    ds, db_path = site
    cid = rows(db_path, "select id from claims where article_id = ? order by score desc limit 1", [S400])[0][0]
    r = await ds.client.post(
        "/tracker/annotate",
        actor={"id": "alice"},
        headers={"Accept": "application/json"},
        content=json.dumps({"target_id": cid, "verdict": "false", "wrong": "", "note": "", "sources": ""}),
    )
    assert r.status_code == 200, r.text
    html = (await ds.client.get(f"/tracker/articles/{S400}")).text
    assert f'class="tracker-claim k-quantity v-false" data-claim-id="{cid}"' in html
    assert f'href="/tracker/claims/{cid}" data-claim-id="{cid}">quantity · false</a>' in html


async def test_claim_page_heading_context_figures_group_and_conflict(site):
    ds, db_path = site
    cid, other = rows(db_path, "select claim_id, other_claim_id from claim_conflicts order by id limit 1")[0]
    html = (await ds.client.get(f"/tracker/claims/{cid}")).text
    text, speaker, kind, article, title = rows(
        db_path,
        "select c.text, s.name, c.kind, a.id, a.title from claims c join articles a on a.id = c.article_id "
        "left join speakers s on s.id = c.speaker_id where c.id = ?",
        [cid],
    )[0]
    assert f'<h1 class="tracker-claim-heading">{text}</h1>' in html
    assert f"<title>Claim: {text[:60]}" in html
    if speaker:
        assert 'class="tracker-speaker" href="/tracker/speakers/' in html and f">{speaker}</a>" in html
    else:
        assert "In the writer's own voice" in html
    assert f'class="tracker-article-link" href="/tracker/articles/{article}">{title}</a>' in html
    assert "10 February 2021" in html
    assert f'class="tracker-claim tracker-current k-{kind} v-unchecked" data-claim-id="{cid}"' in html
    assert '<strong class="tracker-figure">$2 billion</strong>' in html
    assert '<strong class="tracker-figure">4 batteries</strong>' in html
    conflicts = section(html, "conflicts")
    assert '<p class="tracker-figure-big">$2 billion</p>' in conflicts
    assert '<p class="tracker-figure-big">$2.5 billion</p>' in conflicts
    assert f'class="tracker-conflict-link" href="/tracker/claims/{other}"' in conflicts
    # And from the other side: the conflict links back.
    back = section((await ds.client.get(f"/tracker/claims/{other}")).text, "conflicts")
    assert f'class="tracker-conflict-link" href="/tracker/claims/{cid}"' in back
    # The annotation panel sits beside the claim.
    assert html.index('<aside class="tracker-side-panel">') < html.index('id="annotations"')


async def test_claim_page_lists_other_appearances_of_its_group(site):
    ds, db_path = site
    group, n = rows(db_path, "select group_id, count(*) from claim_group_members group by group_id order by 2 desc, 1")[
        0
    ]
    members = [c for (c,) in rows(db_path, "select claim_id from claim_group_members where group_id = ?", [group])]
    html = (await ds.client.get(f"/tracker/claims/{members[0]}")).text
    part = section(html, "group")
    assert f'<a href="/tracker/claim_group?group={group}">#{group}</a>' in part
    assert sorted(re.findall(r'<li><a href="/tracker/claims/([^"]+)">', part)) == sorted(members[1:])


async def test_quote_page_lists_claims_taken_from_it(site):
    ds, db_path = site
    qid, speaker = rows(
        db_path,
        "select q.id, s.name from quotes q join speakers s on s.id = q.speaker_id "
        "where exists (select 1 from claims c where c.quote_id = q.id) order by q.id limit 1",
    )[0]
    html = (await ds.client.get(f"/tracker/quotes/{qid}")).text
    assert '<h1 class="tracker-quote-heading">' in html
    assert f">{speaker}</a>" in html
    part = section(html, "claims")
    expected = [c for (c,) in rows(db_path, "select id from claims where quote_id = ? order by start", [qid])]
    assert re.findall(r'<li><a href="/tracker/claims/([^"]+)">', part) == expected


def test_quoted_adds_marks_only_when_the_text_has_none():
    from tracker.web.reader import quoted

    assert quoted(" we will not step back ") == "“we will not step back”"
    assert quoted("“We will not step back,”") == "“We will not step back,”"
    assert quoted('the deaths as "crushing"') == 'the deaths as "crushing"'


async def test_pages_keep_their_templates_under_another_database_name(tmp_path):
    db_path = tmp_path / "newsroom.db"
    ingest([str(ROOT / "data" / "articles")], db_path)
    ds = datasette_app(db_path)
    html = (await ds.client.get(f"/newsroom/articles/{S400}")).text
    assert '<h1 class="tracker-headline">Ankara says S-400 talks with Moscow continue despite sanctions</h1>' in html
    cid = rows(db_path, "select id from claims where article_id = ? order by score desc limit 1", [S400])[0][0]
    assert f'href="/newsroom/claims/{cid}" data-claim-id="{cid}"' in html
    claim = (await ds.client.get(f"/newsroom/claims/{cid}")).text
    assert '<h1 class="tracker-claim-heading">' in claim
    database = (await ds.client.get("/newsroom")).text
    assert '<h2 id="queries">Start here</h2>' in database
    query = (await ds.client.get("/newsroom/conflicting_figures?entity=")).text
    assert "<title>Conflicting figures — newsroom</title>" in query
