"""Every stored query in datasette.yaml, the default sorts and a chart's data points, checked row by row on a
small database whose every row is known.

The database is written from hand-built extractions through `db.write_batch` (the ingest's own write path), so
the expected rows depend on the queries and the store, not on the extractors' current rules. Three articles:
a figure ($2 billion) stated in two of them by the same minister, a conflicting figure ($3 billion) in the
third, a prediction with the highest score (which the check-worthy query must leave out), money in two
currencies and two annotations of one claim.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tracker.parse import Parsed
from tracker.records import Article, Claim, Entity, Extraction, Quantity, Quote, SpeakerRef
from tracker.review.annotations import annotate
from tracker.store.db import connect, status_of, write_batch
from tracker.web.serve import datasette_app


def _speaker(name: str, kind: str = "person", role: str | None = None) -> SpeakerRef:
    return SpeakerRef(name=name, mention=name, start=0, end=len(name), kind=kind, role=role)


def _money(text: str, value: float, currency: str = "USD") -> Quantity:
    return Quantity(text=text, start=0, end=len(text), value=value, unit=currency, currency=currency, kind="money")


def _entity(name: str, kind: str = "country", acronym: str | None = None) -> Entity:
    return Entity(text=name, start=0, end=len(name), name=name, kind=kind, acronym=acronym)


def _claim(cid, kind, text, score, speaker=None, quantities=(), entities=(), quote_id=None) -> Claim:
    return Claim(
        id=cid,
        kind=kind,
        text=text,
        start=0,
        end=len(text),
        speaker=speaker,
        quantities=list(quantities),
        entities=list(entities),
        score=score,
        features=["test"],
        quote_id=quote_id,
    )


def _quote(qid, text, speaker, kind="direct", start=0) -> Quote:
    return Quote(id=qid, kind=kind, text=text, start=start, end=start + len(text), cue="said", speaker=speaker)


DIALLO = _speaker("Amara Diallo", role="Foreign Minister")
# The minister once quoted under a description, which becomes an alias of hers that shares no letters with her name.
THE_MINISTER = SpeakerRef(
    name="Amara Diallo", mention="the minister", start=0, end=12, kind="person", role="Foreign Minister"
)
POWER = _speaker("Kenya Power", "organisation")
KENYA = _entity("Kenya")
UN = _entity("United Nations", "organisation", "UN")

A1, A2, A3 = "dam-cost-rises-2e9391e8", "dam-opens-4ed425a0", "dam-audit-4091a995"  # ids of title + url


def _articles() -> list[Parsed]:
    def article(title, date, source, n, quotes, claims):
        a = Article(title=title, body=title + ".", published=date, source=source, url=f"https://e.org/{n}")
        return Parsed(a, Extraction(quotes, claims))

    cost2 = "The dam cost $2 billion."
    return [
        article(
            "Dam cost rises",
            "2020-01-05",
            "Wire",
            1,
            [_quote("q1", cost2, DIALLO)],
            [
                _claim("c1", "quantity", cost2, 0.9, DIALLO, [_money("$2 billion", 2e9)], [KENYA, UN], "q1"),
                _claim("c2", "prediction", "Costs will rise next year.", 0.95),
            ],
        ),
        article(
            "Dam opens",
            "2020-02-10",
            "Daily",
            2,
            [
                _quote("q2", cost2, DIALLO, "indirect"),
                _quote("q3", "We are proud.", POWER, start=40),
                _quote("q4", "Work starts soon.", THE_MINISTER, start=60),
            ],
            [
                _claim("c1", "quantity", cost2, 0.7, DIALLO, [_money("$2 billion", 2e9)], [KENYA, UN], "q2"),
                _claim("c3", "event", "The dam opened on Monday.", 0.4, None, (), [KENYA]),
            ],
        ),
        article(
            "Dam audit",
            "2020-02-20",
            "Wire",
            3,
            [],
            [
                _claim(
                    "c1", "quantity", "The dam cost $3 billion.", 0.8, None, [_money("$3 billion", 3e9)], [KENYA, UN]
                ),
                _claim(
                    "c2",
                    "quantity",
                    "Kenya paid €500 million in fees.",
                    0.6,
                    POWER,
                    [_money("€500 million", 5e8, "EUR")],
                    [KENYA],
                ),
            ],
        ),
    ]


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "tracker.db"
    db = connect(path)
    write_batch(db, [(p, *status_of(db, p.article)) for p in _articles()])
    annotate(db, f"{A1}-c1", "mostly true", note="first look", annotator="ann")
    annotate(db, f"{A1}-c1", "false", note="second look", annotator="bob")
    db.close()
    return datasette_app(path)


async def rows(ds, path: str, columns: list[str], **params) -> list[tuple]:
    """The rows of a table or stored query, as tuples of `columns`, which must be every column it returns, in order."""
    query = urlencode({"_shape": "array", **params})
    r = await ds.client.get(f"/tracker/{path}.json?{query}")
    assert r.status_code == 200, r.text[:300]
    data = r.json()
    for row in data:
        assert list(row) == columns
    return [tuple(row[c] for c in columns) for row in data]


async def test_check_worthy_claims_highest_score_first_without_predictions(ds):
    cols = ["id", "score", "kind", "text", "speaker", "features", "article", "published"]
    got = await rows(ds, "check_worthy_claims", cols)
    assert [(r[0], r[1], r[2], r[4], r[6], r[7]) for r in got] == [
        (f"{A1}-c1", 0.9, "quantity", "Amara Diallo", "Dam cost rises", "2020-01-05"),
        (f"{A3}-c1", 0.8, "quantity", None, "Dam audit", "2020-02-20"),
        (f"{A2}-c1", 0.7, "quantity", "Amara Diallo", "Dam opens", "2020-02-10"),
        (f"{A3}-c2", 0.6, "quantity", "Kenya Power", "Dam audit", "2020-02-20"),
        (f"{A2}-c3", 0.4, "event", None, "Dam opens", "2020-02-10"),
    ]
    assert got[0][3] == "The dam cost $2 billion." and got[0][5] == '["test"]'


async def test_claims_with_money_largest_first_in_any_currency(ds):
    cols = ["claim_id", "article", "published", "figure", "value", "currency", "approximate", "claim", "speaker"]
    assert await rows(ds, "claims_with_money", cols) == [
        (f"{A3}-c1", "Dam audit", "2020-02-20", "$3 billion", 3e9, "USD", 0, "The dam cost $3 billion.", None),
        (
            f"{A1}-c1",
            "Dam cost rises",
            "2020-01-05",
            "$2 billion",
            2e9,
            "USD",
            0,
            "The dam cost $2 billion.",
            "Amara Diallo",
        ),
        (
            f"{A2}-c1",
            "Dam opens",
            "2020-02-10",
            "$2 billion",
            2e9,
            "USD",
            0,
            "The dam cost $2 billion.",
            "Amara Diallo",
        ),
        (
            f"{A3}-c2",
            "Dam audit",
            "2020-02-20",
            "€500 million",
            5e8,
            "EUR",
            0,
            "Kenya paid €500 million in fees.",
            "Kenya Power",
        ),
    ]


async def test_quotes_by_speaker_newest_first_any_case(ds):
    cols = ["id", "published", "article", "speaker", "role", "mention", "kind", "text"]
    expected = [
        (
            f"{A2}-q2",
            "2020-02-10",
            "Dam opens",
            "Amara Diallo",
            "Foreign Minister",
            "Amara Diallo",
            "indirect",
            "The dam cost $2 billion.",
        ),
        (
            f"{A2}-q4",
            "2020-02-10",
            "Dam opens",
            "Amara Diallo",
            "Foreign Minister",
            "the minister",
            "direct",
            "Work starts soon.",
        ),
        (
            f"{A1}-q1",
            "2020-01-05",
            "Dam cost rises",
            "Amara Diallo",
            "Foreign Minister",
            "Amara Diallo",
            "direct",
            "The dam cost $2 billion.",
        ),
    ]
    assert await rows(ds, "quotes_by_speaker", cols, speaker="diallo") == expected
    assert await rows(ds, "quotes_by_speaker", cols, speaker="min") == expected  # three letters of an alias only
    assert await rows(ds, "quotes_by_speaker", cols, speaker="Nobody") == []
    assert await rows(ds, "quotes_by_speaker", cols, speaker="") == []  # not every speaker's quotes


async def test_top_speakers_most_quoted_first(ds):
    cols = ["name", "kind", "role", "quotes", "articles", "first_quoted", "last_quoted"]
    assert await rows(ds, "top_speakers", cols) == [
        ("Amara Diallo", "person", "Foreign Minister", 3, 2, "2020-01-05", "2020-02-10"),
        ("Kenya Power", "organisation", None, 1, 1, "2020-02-10", "2020-02-10"),
    ]


async def test_claims_about_entity_by_acronym_newest_first(ds):
    cols = ["id", "published", "entity", "entity_kind", "kind", "text", "article"]
    un = [
        (
            f"{A3}-c1",
            "2020-02-20",
            "United Nations",
            "organisation",
            "quantity",
            "The dam cost $3 billion.",
            "Dam audit",
        ),
        (
            f"{A2}-c1",
            "2020-02-10",
            "United Nations",
            "organisation",
            "quantity",
            "The dam cost $2 billion.",
            "Dam opens",
        ),
        (
            f"{A1}-c1",
            "2020-01-05",
            "United Nations",
            "organisation",
            "quantity",
            "The dam cost $2 billion.",
            "Dam cost rises",
        ),
    ]
    assert await rows(ds, "claims_about_entity", cols, entity="UN") == un
    assert await rows(ds, "claims_about_entity", cols, entity="Nations") == un
    kenya = await rows(ds, "claims_about_entity", cols, entity="Kenya")
    assert [r[1] for r in kenya] == ["2020-02-20", "2020-02-20", "2020-02-10", "2020-02-10", "2020-01-05"]
    assert sorted(r[0] for r in kenya) == sorted([f"{A1}-c1", f"{A2}-c1", f"{A2}-c3", f"{A3}-c1", f"{A3}-c2"])
    assert await rows(ds, "claims_about_entity", cols, entity="Ken") == kenya  # three letters go by the name


async def test_claim_group_first_appearance_first_with_latest_verdict(ds):
    cols = [
        "published",
        "source",
        "article",
        "speaker",
        "claim",
        "figures",
        "matched_by",
        "verdict",
        "verdict_note",
        "annotations",
        "url",
        "claim_id",
        "article_id",
    ]
    cost2 = "The dam cost $2 billion."
    assert await rows(ds, "claim_group", cols, group=1) == [
        (
            "2020-01-05",
            "Wire",
            "Dam cost rises",
            "Amara Diallo",
            cost2,
            "$2 billion",
            "first",
            "false",
            "second look",
            2,
            "https://e.org/1",
            f"{A1}-c1",
            A1,
        ),
        (
            "2020-02-10",
            "Daily",
            "Dam opens",
            "Amara Diallo",
            cost2,
            "$2 billion",
            "figure",
            None,
            None,
            0,
            "https://e.org/2",
            f"{A2}-c1",
            A2,
        ),
    ]


async def test_claim_group_of_a_claim_in_the_writers_voice(ds):
    cols = ["published", "source", "article", "speaker", "claim", "figures", "matched_by", "verdict"]
    cols += ["verdict_note", "annotations", "url", "claim_id", "article_id"]
    assert await rows(ds, "claim_group", cols, group=2) == [
        ("2020-02-20", "Wire", "Dam audit", None, "The dam cost $3 billion.", "$3 billion", "first", None, None, 0)
        + ("https://e.org/3", f"{A3}-c1", A3),
    ]


async def test_repeated_claims_only_groups_in_two_articles(ds):
    cols = ["group_id", "articles", "sources", "speakers", "first_published", "last_published", "conflicts"]
    cols += ["first_wording", "value", "unit"]
    assert await rows(ds, "repeated_claims", cols) == [
        (1, 2, 2, 1, "2020-01-05", "2020-02-10", 2, "The dam cost $2 billion.", 2e9, "USD"),
    ]


async def test_group_repeaters_and_timeline(ds):
    cols = ["speaker", "role", "source", "times", "articles", "first_time", "last_time"]
    assert await rows(ds, "group_repeaters", cols, group=1) == [
        ("Amara Diallo", "Foreign Minister", "Wire", 1, 1, "2020-01-05", "2020-01-05"),
        ("Amara Diallo", "Foreign Minister", "Daily", 1, 1, "2020-02-10", "2020-02-10"),
    ]
    assert await rows(ds, "group_repeaters", cols, group=2) == [
        ("(writer)", None, "Wire", 1, 1, "2020-02-20", "2020-02-20"),
    ]
    cols = ["date", "appearances", "articles"]
    assert await rows(ds, "group_timeline", cols, group=1) == [("2020-01-05", 1, 1), ("2020-02-10", 1, 1)]


async def test_conflicting_figures_newest_first_and_narrowed_to_an_entity(ds):
    cols = ["conflict_id", "unit", "value_a", "value_b", "ratio", "shared_entities", "wording_overlap"]
    cols += ["published_a", "source_a", "speaker_a", "claim_a", "article_a"]
    cols += ["published_b", "source_b", "speaker_b", "claim_b", "article_b", "claim_id_a", "claim_id_b"]
    cols += ["group_a", "group_b"]
    cost3 = ("2020-02-20", "Wire", None, "The dam cost $3 billion.", "Dam audit")
    both = [
        (
            2,
            "USD",
            3e9,
            2e9,
            1.5,
            2,
            1.0,
            *cost3,
            "2020-02-10",
            "Daily",
            "Amara Diallo",
            "The dam cost $2 billion.",
            "Dam opens",
            f"{A3}-c1",
            f"{A2}-c1",
            2,
            1,
        ),
        (
            1,
            "USD",
            3e9,
            2e9,
            1.5,
            2,
            1.0,
            *cost3,
            "2020-01-05",
            "Wire",
            "Amara Diallo",
            "The dam cost $2 billion.",
            "Dam cost rises",
            f"{A3}-c1",
            f"{A1}-c1",
            2,
            1,
        ),
    ]
    assert await rows(ds, "conflicting_figures", cols, entity="") == both
    assert await rows(ds, "conflicting_figures", cols, entity="UN") == both
    assert await rows(ds, "conflicting_figures", cols, entity="Ken") == both  # three letters go by the name
    assert await rows(ds, "conflicting_figures", cols, entity="Brazil") == []
    assert await rows(ds, "conflicting_figures", cols, entity="", before="2") == both[1:]  # the next page
    assert await rows(ds, "conflicting_figures", cols, entity="UN", before="2") == both[1:]
    assert await rows(ds, "conflicting_figures", cols, entity="", before="1") == []
    assert await rows(ds, "conflicting_figures", cols, entity="", before="not a number") == both  # the newest


async def test_speaker_timeline_newest_first(ds):
    cols = ["published", "type", "kind", "text", "source", "article", "group_id", "group_articles", "id"]
    cost2 = "The dam cost $2 billion."
    newest = [
        ("2020-02-10", "claim", "quantity", cost2, "Daily", "Dam opens", 1, 2, f"{A2}-c1"),
        ("2020-02-10", "quote", "indirect", cost2, "Daily", "Dam opens", None, None, f"{A2}-q2"),
        ("2020-02-10", "quote", "direct", "Work starts soon.", "Daily", "Dam opens", None, None, f"{A2}-q4"),
    ]
    older = [
        ("2020-01-05", "claim", "quantity", cost2, "Wire", "Dam cost rises", 1, 2, f"{A1}-c1"),
        ("2020-01-05", "quote", "direct", cost2, "Wire", "Dam cost rises", None, None, f"{A1}-q1"),
    ]
    assert await rows(ds, "speaker_timeline", cols, speaker="Diallo") == newest + older
    assert await rows(ds, "speaker_timeline", cols, speaker="min") == newest + older  # by an alias only
    assert await rows(ds, "speaker_timeline", cols, speaker="Diallo", before="2020-02-10") == older
    # a cursor without its id reads as its date alone (the link under the table always writes all three)
    assert await rows(ds, "speaker_timeline", cols, speaker="Diallo", before="2020-02-10,quote") == older
    assert await rows(ds, "speaker_timeline", cols, speaker="Diallo", before="2020-01-05") == []


def test_speaker_timeline_pages_leave_no_entry_out(ds):
    """With pages of 2 entries (the query's 200 made small), following `before` (the last row's published, type
    and id) from page to page shows every dated entry exactly once, newest first, a day split between pages."""
    import sqlite3

    import yaml

    from tests.conftest import ROOT

    sql = yaml.safe_load((ROOT / "datasette.yaml").read_text())["databases"]["tracker"]["queries"]
    sql = sql["speaker_timeline"]["sql"]
    assert sql.count("offset 199") == 1 and sql.count("limit 200") == 2
    small = sql.replace("offset 199", "offset 1").replace("limit 200", "limit 2")
    db = sqlite3.connect(ds.get_database("tracker").path)
    every = db.execute(sql, {"speaker": "Diallo", "before": ""}).fetchall()
    pages, before = [], ""
    while (page := db.execute(small, {"speaker": "Diallo", "before": before}).fetchall()) and len(pages) < 10:
        pages.append([(r[0], r[-1]) for r in page])  # (at most 10 pages: a page that starts at its cursor loops)
        before = f"{page[-1][0]},{page[-1][1]},{page[-1][-1]}"
    assert pages == [  # 2020-02-10's three entries are cut after the second
        [("2020-02-10", f"{A2}-c1"), ("2020-02-10", f"{A2}-q2")],
        [("2020-02-10", f"{A2}-q4"), ("2020-01-05", f"{A1}-c1")],
        [("2020-01-05", f"{A1}-q1")],
    ]
    assert [e for page in pages for e in page] == [(r[0], r[-1]) for r in every]


async def test_per_month_queries(ds):
    for speaker in ("Diallo", "min"):  # by name, by an alias only
        assert await rows(ds, "speaker_quotes_per_month", ["month", "quotes", "claims"], speaker=speaker) == [
            ("2020-01", 1, 1),
            ("2020-02", 2, 1),
        ]
    assert await rows(ds, "speaker_quotes_per_month", ["month", "quotes", "claims"], speaker="") == []
    assert await rows(ds, "quotes_per_speaker_month", ["month", "speaker", "quotes"]) == [
        ("2020-01", "Amara Diallo", 1),
        ("2020-02", "Amara Diallo", 2),
        ("2020-02", "Kenya Power", 1),
    ]
    assert await rows(ds, "claims_per_kind_month", ["month", "kind", "claims"]) == [
        ("2020-01", "prediction", 1),
        ("2020-01", "quantity", 1),
        ("2020-02", "event", 1),
        ("2020-02", "quantity", 3),
    ]


async def test_default_sorts_of_tables(ds):
    r = await ds.client.get("/tracker/claims.json?_shape=array")
    assert [row["score"] for row in r.json()] == [0.95, 0.9, 0.8, 0.7, 0.6, 0.4]
    r = await ds.client.get("/tracker/quantities.json?_shape=array")
    assert [row["value"] for row in r.json()] == [3e9, 2e9, 2e9, 5e8]
    r = await ds.client.get("/tracker/articles.json?_shape=array")
    assert [row["published"] for row in r.json()] == ["2020-02-20", "2020-02-10", "2020-01-05"]
    r = await ds.client.get("/tracker/annotations.json?_shape=array")
    assert [(row["verdict"], row["note"]) for row in r.json()] == [
        ("false", "second look"),
        ("mostly true", "first look"),
    ]
    r = await ds.client.get("/tracker/speakers.json?_shape=array")
    assert [row["name"] for row in r.json()] == ["Amara Diallo", "Kenya Power"]


def _points(html: str) -> list[str]:
    """The data points of the chart on a page, as their tooltips ("category: series value")."""
    (svg,) = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="tracker-chart".*?</svg>', html, re.S)
    return re.findall(r"<title>([^<]*: [^<]*)</title>", svg)


async def test_chart_data_points(ds):
    r = await ds.client.get("/tracker/claims_per_kind_month")
    assert sorted(_points(r.text)) == [
        "2020-01: event 0",
        "2020-01: prediction 1",
        "2020-01: quantity 1",
        "2020-02: event 1",
        "2020-02: prediction 0",
        "2020-02: quantity 3",
    ]
    r = await ds.client.get("/tracker/claim_group?group=1")
    assert _points(r.text) == ["2020-01-05: appearances 1", "2020-02-10: appearances 1"]
    r = await ds.client.get("/tracker/speaker_timeline?speaker=Diallo")
    assert sorted(_points(r.text)) == [
        "2020-01: claims 1",
        "2020-01: quotes 1",
        "2020-02: claims 1",
        "2020-02: quotes 2",
    ]


AUDITS = _entity("Office of Audits", "organisation", "OFA")  # found by its acronym only: "ofa" is not in the name

# A fourth article repeats both figures: the $2 billion twice in one article, the $3 billion a second time, so that
# counts of rows and of distinct articles differ, a speaker repeats in one outlet, and two groups are repeated.


@pytest.fixture(scope="module")
def ds_repeats(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "tracker.db"
    a = Article(title="Dam review", body="Dam review.", published="2020-02-20", source="Wire", url="https://e.org/4")
    cost2, cost3 = "The dam cost $2 billion.", "The dam cost $3 billion."
    review = Parsed(
        a,
        Extraction(
            [],
            [
                _claim("c1", "quantity", cost2, 0.5, DIALLO, [_money("$2 billion", 2e9)], [KENYA, UN]),
                _claim(
                    "c2",
                    "quantity",
                    "Building the dam cost $2 billion.",
                    0.5,
                    DIALLO,
                    [_money("$2 billion", 2e9)],
                    [KENYA, UN],
                ),
                _claim("c3", "quantity", cost3, 0.5, None, [_money("$3 billion", 3e9)], [KENYA, UN]),
            ],
        ),
    )
    articles = _articles()
    articles[2].extraction.claims[0].entities.append(AUDITS)  # the audit's $3 billion also names the auditors
    db = connect(path)
    write_batch(db, [(p, *status_of(db, p.article)) for p in [*articles, review]])
    db.close()
    return datasette_app(path)


async def test_group_queries_count_rows_and_articles_apart(ds_repeats):
    ds = ds_repeats
    cols = ["group_id", "articles", "sources", "speakers", "first_published", "last_published", "conflicts"]
    got = await rows(ds, "repeated_claims", cols + ["first_wording", "value", "unit"])
    assert got == [  # most articles first; six conflicts: each of three $2bn claims against each of two $3bn
        (1, 3, 2, 1, "2020-01-05", "2020-02-20", 6, "The dam cost $2 billion.", 2e9, "USD"),
        (2, 2, 1, 0, "2020-02-20", "2020-02-20", 6, "The dam cost $3 billion.", 3e9, "USD"),
    ]
    cols = ["speaker", "role", "source", "times", "articles", "first_time", "last_time"]
    assert await rows(ds, "group_repeaters", cols, group=1) == [
        ("Amara Diallo", "Foreign Minister", "Wire", 3, 2, "2020-01-05", "2020-02-20"),
        ("Amara Diallo", "Foreign Minister", "Daily", 1, 1, "2020-02-10", "2020-02-10"),
    ]
    assert await rows(ds, "group_timeline", ["date", "appearances", "articles"], group=1) == [
        ("2020-01-05", 1, 1),
        ("2020-02-10", 1, 1),
        ("2020-02-20", 2, 1),
    ]


async def test_conflicts_narrowed_to_an_entity_named_by_its_acronym_only(ds_repeats):
    cols = ["conflict_id", "unit", "value_a", "value_b", "ratio", "shared_entities", "wording_overlap"]
    cols += ["published_a", "source_a", "speaker_a", "claim_a", "article_a"]
    cols += ["published_b", "source_b", "speaker_b", "claim_b", "article_b", "claim_id_a", "claim_id_b"]
    cols += ["group_a", "group_b"]
    got = await rows(ds_repeats, "conflicting_figures", cols, entity="OFA")
    assert [(r[0], r[17]) for r in got] == [(4, f"{A3}-c1"), (3, f"{A3}-c1"), (2, f"{A3}-c1"), (1, f"{A3}-c1")]
    assert await rows(ds_repeats, "conflicting_figures", cols, entity="Audits") == got  # or by its name
    cols = ["id", "published", "entity", "entity_kind", "kind", "text", "article"]
    assert await rows(ds_repeats, "claims_about_entity", cols, entity="OFA") == [
        (
            f"{A3}-c1",
            "2020-02-20",
            "Office of Audits",
            "organisation",
            "quantity",
            "The dam cost $3 billion.",
            "Dam audit",
        )
    ]


def _stored_sql(name: str) -> str:
    import yaml

    from tests.conftest import ROOT

    return yaml.safe_load((ROOT / "datasette.yaml").read_text())["databases"]["tracker"]["queries"][name]["sql"]


def _conflict_pages(ds, sql: str, entity: str) -> list[list[int]]:
    """The conflict ids of each page, following `before` (the last conflict id shown) as the link does; at most
    10 pages (a page that started at its own cursor would repeat for ever)."""
    import sqlite3

    conn = sqlite3.connect(ds.get_database("tracker").path)
    try:
        pages, before = [], ""
        while (page := conn.execute(sql, {"entity": entity, "before": before}).fetchall()) and len(pages) < 10:
            pages.append([r[0] for r in page])
            before = str(page[-1][0])
        return pages
    finally:
        conn.close()


def test_conflicting_figures_pages_by_each_of_its_three_walks(ds):
    """With pages of one conflict (the query's 100 made 1), each way of finding conflicts pages newest first and
    leaves none out: the walk down all conflicts (no entity), the conflicts of an entity named in few claims, and
    the walk down all conflicts checking each one's entity, which a pattern matching over 5,000 entities takes
    (here every pattern, the 5,000 made -1). The walks must agree: which one runs is only a matter of speed."""
    sql = _stored_sql("conflicting_figures")
    assert sql.count("limit 100") == 4 and len(re.findall(r"\b5000\b", sql)) == 1
    small = sql.replace("limit 100", "limit 1")
    many = re.sub(r"\b5000\b", "-1", sql)
    assert _conflict_pages(ds, small, "") == [[2], [1]]
    assert _conflict_pages(ds, small, "UN") == [[2], [1]]
    assert _conflict_pages(ds, many, "UN") == [[2, 1]]
    for entity in ("UN", "Nations", "Kenya"):  # by acronym, by (part of) the name
        assert _conflict_pages(ds, re.sub(r"\b5000\b", "-1", small), entity) == [[2], [1]], entity
    assert _conflict_pages(ds, many, "Brazil") == []


def test_conflicting_figures_of_a_pattern_naming_several_entities(ds_repeats):
    """ "it" names the United Nations (named by every conflict's claim) and the Office of Audits (by four of the
    six): a conflict is listed when any entity the pattern names is in it. When more entities match than the
    query collects (5,001; here 1), it walks all conflicts checking each one's entities rather than use a list
    that is cut short."""
    sql = _stored_sql("conflicting_figures")
    assert _conflict_pages(ds_repeats, sql, "it") == [[6, 5, 4, 3, 2, 1]]
    assert _conflict_pages(ds_repeats, sql, "OFA") == [[4, 3, 2, 1]]
    assert _conflict_pages(ds_repeats, sql, "of") == [[4, 3, 2, 1]]  # two letters: the Office of Audits alone
    assert sql.count("limit 5001") == 1 and len(re.findall(r"\b5000\b", sql)) == 1
    cut = re.sub(r"\b5000\b", "0", sql.replace("limit 5001", "limit 1"))
    assert _conflict_pages(ds_repeats, cut, "it") == [[6, 5, 4, 3, 2, 1]]


GHANA = _entity("Ghana")

# Two facts each repeated in two articles, so that repeated_claims must break the tie on the last appearance; and a
# claim of the minister's that joins no group (too few words to key, no figure), which speaker_timeline must keep.


@pytest.fixture(scope="module")
def ds_ties(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "tracker.db"
    bridge, port = "The bridge cost $40 million.", "Ghana paid €7 million for the port."

    def article(n, date, source, claims):
        a = Article(title=f"Roads {n}", body=f"Roads {n}.", published=date, source=source, url=f"https://e.org/r{n}")
        return Parsed(a, Extraction([], claims))

    def bridge_claim():
        return _claim("c1", "quantity", bridge, 0.5, DIALLO, [_money("$40 million", 4e7)], [KENYA])

    def port_claim():
        return _claim("c1", "quantity", port, 0.5, POWER, [_money("€7 million", 7e6, "EUR")], [GHANA])

    articles = [  # written in this order, so the bridge's group is number 1 and the port's number 2
        article(1, "2020-03-01", "Wire", [bridge_claim()]),
        article(2, "2020-03-02", "Daily", [port_claim()]),
        article(3, "2020-03-05", "Wire", [bridge_claim(), _claim("c2", "event", "Diallo left early.", 0.3, DIALLO)]),
        article(4, "2020-04-09", "Daily", [port_claim()]),
    ]
    db = connect(path)
    write_batch(db, [(p, *status_of(db, p.article)) for p in articles])
    db.close()
    return datasette_app(path)


async def test_repeated_claims_tie_broken_by_the_latest_appearance(ds_ties):
    ds = ds_ties
    cols = ["group_id", "articles", "sources", "speakers", "first_published", "last_published", "conflicts"]
    cols += ["first_wording", "value", "unit"]
    assert await rows(ds, "repeated_claims", cols) == [  # both in two articles: the port's, seen last, first
        (2, 2, 1, 1, "2020-03-02", "2020-04-09", 0, "Ghana paid €7 million for the port.", 7e6, "EUR"),
        (1, 2, 1, 1, "2020-03-01", "2020-03-05", 0, "The bridge cost $40 million.", 4e7, "USD"),
    ]


async def test_speaker_timeline_keeps_a_claim_in_no_group(ds_ties):
    ds = ds_ties
    r1, r3 = "roads-1-72168550", "roads-3-9de31bfa"  # ids of title + url
    cols = ["published", "type", "kind", "text", "source", "article", "group_id", "group_articles", "id"]
    bridge = "The bridge cost $40 million."
    assert await rows(ds, "speaker_timeline", cols, speaker="Diallo") == [
        ("2020-03-05", "claim", "quantity", bridge, "Wire", "Roads 3", 1, 2, f"{r3}-c1"),
        ("2020-03-05", "claim", "event", "Diallo left early.", "Wire", "Roads 3", None, None, f"{r3}-c2"),
        ("2020-03-01", "claim", "quantity", bridge, "Wire", "Roads 1", 1, 2, f"{r1}-c1"),
    ]


def test_speaker_timeline_page_starting_inside_a_day(ds_ties):
    """A page that starts after the first of a day's entries (pages of 2 here, the query's 200 made small) holds
    the rest of that day and the next day's: the day the page is cut at is the page's last, counted from the
    newest (the oldest of 2 entries), not from the oldest."""
    import sqlite3

    r1, r3 = "roads-1-72168550", "roads-3-9de31bfa"
    sql = _stored_sql("speaker_timeline")
    assert sql.count("offset 199") == 1 and sql.count("limit 200") == 2
    small = sql.replace("offset 199", "offset 1").replace("limit 200", "limit 2")
    conn = sqlite3.connect(ds_ties.get_database("tracker").path)
    try:
        page = conn.execute(small, {"speaker": "Diallo", "before": f"2020-03-05,claim,{r3}-c1"}).fetchall()
    finally:
        conn.close()
    assert [(r[0], r[-1]) for r in page] == [("2020-03-05", f"{r3}-c2"), ("2020-03-01", f"{r1}-c1")]


async def test_speaker_timeline_without_a_speaker_lists_nothing(ds_ties):
    cols = ["published", "type", "kind", "text", "source", "article", "group_id", "group_articles", "id"]
    assert await rows(ds_ties, "speaker_timeline", cols, speaker="") == []  # not every speaker's items


def _conflicting_figures_plan(tmp_path) -> list[str]:
    import sqlite3

    import yaml

    from tests.conftest import ROOT

    sql = yaml.safe_load((ROOT / "datasette.yaml").read_text())["databases"]["tracker"]["queries"]
    connect(tmp_path / "t.db").close()
    conn = sqlite3.connect(tmp_path / "t.db")
    try:
        return [
            r[3]
            for r in conn.execute(
                "explain query plan " + sql["conflicting_figures"]["sql"], {"entity": "UN", "before": ""}
            )
        ]
    finally:
        conn.close()


def test_conflicting_figures_walks_all_conflicts_only_when_asked(tmp_path):
    """Of the three ways the query finds its conflicts, only the one it needs runs: the walk over every
    conflict (for an entity named in many claims) is bounded by x.id, -1 when not wanted, so SQLite never
    starts it; as a plain condition it was checked on each of 470,000 conflicts at 100,000 articles. The
    newest 100 (no entity) and those older than `before` are one walk down the conflict ids, which stops at
    100; the conflicts of an entity named in few claims are found by claim, never by walking the ids."""
    plan = _conflicting_figures_plan(tmp_path)
    assert not [step for step in plan if step.startswith("SCAN x")], plan
    assert plan.count("SEARCH x USING INTEGER PRIMARY KEY (rowid<?)") == 2, plan
    assert "SEARCH x USING COVERING INDEX sqlite_autoindex_claim_conflicts_1 (claim_id=?)" in plan, plan


def test_conflicting_figures_expands_its_conflicts_by_joins(tmp_path):
    """The 100 conflicts shown get their claims, articles, speakers and groups by joins, one search each
    (the view's columns, whose correlated subqueries look each claim up five times); the one correlated
    subquery left is the entity check of the walk over all conflicts."""
    plan = _conflicting_figures_plan(tmp_path)
    assert sum("CORRELATED SCALAR SUBQUERY" in step for step in plan) == 1, plan
    for alias in ("ca", "cb"):
        assert f"SEARCH {alias} USING INDEX sqlite_autoindex_claims_1 (id=?) LEFT-JOIN" in plan, plan


@pytest.fixture(scope="module")
def ds_crowd(tmp_path_factory):
    """Nine speakers in one article, the k-th quoted k times: one more than the chart of the most-quoted holds."""
    path = tmp_path_factory.mktemp("db") / "tracker.db"
    quotes = [
        _quote(f"q{k}-{i}", f"Point {i} of speaker {k}.", _speaker(f"Speaker {k}"), start=100 * k + i)
        for k in range(1, 10)
        for i in range(k)
    ]
    a = Article(title="Town hall", body="Town hall.", published="2020-05-01", source="Wire", url="https://e.org/t")
    db = connect(path)
    write_batch(db, [(p, *status_of(db, p.article)) for p in [Parsed(a, Extraction(quotes, []))]])
    db.close()
    return datasette_app(path)


async def test_quotes_per_speaker_month_charts_the_eight_most_quoted(ds_crowd):
    assert await rows(ds_crowd, "quotes_per_speaker_month", ["month", "speaker", "quotes"]) == [
        ("2020-05", f"Speaker {k}", k) for k in range(9, 1, -1)
    ]
