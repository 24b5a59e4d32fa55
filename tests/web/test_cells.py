"""Ids as links and figures in words in every table, view and stored query (tracker.web.cells)."""

import re
import sqlite3


def one(db_path, sql):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


async def test_conflicts_view_links_both_claims_groups_and_shows_figures(site):
    ds, db_path = site
    a, b, ga, gb = one(
        db_path, "select claim_id_a, claim_id_b, group_a, group_b from claim_conflicts_side_by_side limit 1"
    )
    html = (await ds.client.get("/tracker/claim_conflicts_side_by_side?_layout=table")).text
    # On the side-by-side pages a claim id shows its last part, the whole id in the title.
    short_a, short_b = a.rsplit("-", 1)[1], b.rsplit("-", 1)[1]
    assert f'<a href="/tracker/claims/{a}" class="tracker-id tracker-claim" title="{a}">{short_a}</a>' in html
    assert f'<a href="/tracker/claims/{b}" class="tracker-id tracker-claim" title="{b}">{short_b}</a>' in html
    assert f'<a href="/tracker/claim_group?group={ga}" class="tracker-id tracker-group">{ga}</a>' in html
    assert f'href="/tracker/claim_group?group={gb}"' in html
    assert '<span class="tracker-figure" title="2000000000.0">$2 billion</span>' in html
    assert '<span class="tracker-figure" title="2500000000.0">$2.5 billion</span>' in html
    # The stored query over the view as well, while CSV and JSON keep raw values.
    q = (await ds.client.get("/tracker/conflicting_figures?entity=&_layout=table")).text
    assert f'<a href="/tracker/claims/{a}" class="tracker-id tracker-claim" title="{a}">{short_a}</a>' in q
    assert "$2.5 billion" in q
    csv = (await ds.client.get("/tracker/claim_conflicts_side_by_side.csv?_col=value_a&_col=value_b")).text
    assert csv.splitlines() == ["value_a,value_b", "2000000000.0,2500000000.0"]
    data = (await ds.client.get("/tracker/conflicting_figures.json?entity=&_shape=array")).json()
    assert data[0]["value_b"] == 2500000000.0 and data[0]["claim_id_a"] == a


async def test_ids_in_tables_and_queries_are_links(site):
    ds, db_path = site
    gid, first = one(db_path, "select id, first_claim_id from claim_groups where articles >= 2 order by id limit 1")
    html = (await ds.client.get("/tracker/claim_groups?_sort=id")).text
    assert f'<a href="/tracker/claims/{first}" class="tracker-id tracker-claim">{first}</a>' in html
    cid, qid = one(db_path, "select id, quote_id from claims where quote_id is not null limit 1")
    html = (await ds.client.get(f"/tracker/claims?id={cid}")).text
    assert f'<a href="/tracker/quotes/{qid}" class="tracker-id tracker-quote">{qid}</a>' in html
    html = (await ds.client.get(f"/tracker/claim_group?group={gid}")).text
    assert re.search(r'<a href="/tracker/claims/[^"]+" class="tracker-id tracker-claim">', html)
    assert re.search(r'<a href="/tracker/articles/[^"]+" class="tracker-id tracker-article">', html)
    html = (await ds.client.get("/tracker/check_worthy_claims")).text
    top = one(
        db_path,
        "select id from claims where kind not in ('prediction', 'opinion', 'question', 'appeal') order by score desc",
    )[0]
    assert f'<a href="/tracker/claims/{top}" class="tracker-id tracker-claim">{top}</a>' in html
    html = (await ds.client.get("/tracker/speaker_timeline?speaker=Akar")).text
    assert re.search(r'<a href="/tracker/quotes/[^"]+" class="tracker-id tracker-quote">', html)
    assert re.search(r'<a href="/tracker/claims/[^"]+" class="tracker-id tracker-claim">', html)


async def test_claim_dates_and_money_in_words(site):
    ds, db_path = site
    html = (await ds.client.get("/tracker/claim_dates?value=2019-07")).text
    assert '<span title="2019-07">July 2019</span>' in html
    html = (await ds.client.get("/tracker/claims_with_money")).text
    assert '<span class="tracker-figure" title="2500000000.0">$2.5 billion</span>' in html


async def test_current_verdicts_target_links_to_claim(site):
    ds, db_path = site
    cid = one(db_path, "select id from claims order by id limit 1")[0]
    await ds.client.post(
        "/tracker/annotate",
        actor={"id": "alice"},
        data={"target_id": cid, "verdict": "true", "wrong": "", "note": "", "sources": ""},
    )
    html = (await ds.client.get("/tracker/current_verdicts")).text
    assert f'<a href="/tracker/claims/{cid}" class="tracker-id tracker-claim">{cid}</a>' in html


async def test_conflicts_view_shows_pairs_side_by_side_by_default(site):
    ds, db_path = site
    conflict, a, b, text_a, text_b = one(
        db_path,
        "select conflict_id, claim_id_a, claim_id_b, claim_a, claim_b from claim_conflicts_side_by_side limit 1",
    )
    html = (await ds.client.get("/tracker/claim_conflicts_side_by_side")).text
    card = html[html.index(f'data-conflict-id="{conflict}"') :]
    card = card[: card.index("</section>")]
    assert f'<a href="/tracker/claims/{a}" class="tracker-claim-text">{text_a}</a>' in card
    assert f'<a href="/tracker/claims/{b}" class="tracker-claim-text">{text_b}</a>' in card
    assert card.index("$2 billion") < card.index("$2.5 billion")
    assert 'href="/tracker/claim_conflicts_side_by_side?_layout=table"' in html
    assert '<table class="rows-and-columns">' not in html


def test_plain_ids_are_linked_without_escaping_and_others_escaped(site, monkeypatch):
    """A link is made for every id cell of every page (10,000 on a page of 500 conflicts): the tracker's own ids
    are plain characters and skip escaping, and the table paths are plain strings worked out once (Datasette's
    URL strings add through Python code: twice the time per cell)."""
    from markupsafe import escape

    from tracker.web import links

    ds, _ = site
    prefixes = links._prefixes(ds, "tracker")
    assert {type(p) for p in prefixes.values()} == {str}
    assert prefixes["group"] == "/tracker/claim_group?group="

    def refuse(value):
        raise AssertionError(f"escaped {value!r}")

    monkeypatch.setattr(links, "escape", refuse)
    html = links.anchor(ds, "tracker", "claim", "a-b_1", "tracker-id tracker-claim")
    assert html == '<a href="/tracker/claims/a-b_1" class="tracker-id tracker-claim">a-b_1</a>'
    assert links.anchor(ds, "tracker", "group", 7, "c") == '<a href="/tracker/claim_group?group=7" class="c">7</a>'
    monkeypatch.setattr(links, "escape", escape)
    odd = links.anchor(ds, "tracker", "claim", 'x"<y', "c", 'say "<b>"')
    assert odd == '<a href="/tracker/claims/x~22~3Cy" class="c">say &#34;&lt;b&gt;&#34;</a>'


async def test_conflicting_figures_shows_pairs_side_by_side_by_default(site):
    ds, db_path = site
    conflict, a, b, text_a, text_b, ga = one(
        db_path,
        "select conflict_id, claim_id_a, claim_id_b, claim_a, claim_b, group_a from claim_conflicts_side_by_side "
        "limit 1",
    )
    html = (await ds.client.get("/tracker/conflicting_figures?entity=")).text
    card = html[html.index(f'data-conflict-id="{conflict}"') :]
    card = card[: card.index("</section>")]
    assert f'<a href="/tracker/claims/{a}" class="tracker-claim-text">{text_a}</a>' in card
    assert f'<a href="/tracker/claims/{b}" class="tracker-claim-text">{text_b}</a>' in card
    assert card.index("$2 billion") < card.index("$2.5 billion")
    assert f'claim group <a href="/tracker/claim_group?group={ga}" class="tracker-id tracker-group">{ga}</a>' in card
    assert "&amp;nbsp;" not in card and "&nbsp;" not in card  # empty cells are left out, not shown as spaces
    assert '<a href="?entity=&amp;_layout=table" rel="nofollow">show as a table</a>' in html
    assert '<table class="rows-and-columns">' not in html
    table = (await ds.client.get("/tracker/conflicting_figures?entity=&_layout=table")).text
    assert '<table class="rows-and-columns">' in table and 'data-conflict-id="' not in table
    assert '<a href="?entity=">show as pairs side by side</a>' in table


async def test_other_stored_queries_keep_datasettes_table(site):
    ds, _ = site
    html = (await ds.client.get("/tracker/claims_with_money")).text
    assert '<table class="rows-and-columns">' in html and "tracker-layout-switch" not in html


def test_short_id_is_the_last_part():
    from tracker.web.cells import short_id

    assert short_id("us-kenji-fischer-overturns-fraud-convictions-in-kelly-v-ca58687c-c535da7672c") == "c535da7672c"
    assert short_id("c535da7672c") == "c535da7672c"
    assert short_id("odd-") == "odd-"
