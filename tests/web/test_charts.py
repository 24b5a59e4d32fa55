"""Charts drawn above stored queries (tracker/charts.py), through Datasette's test client."""

import re

import pytest

from tests.conftest import EXAMPLE
from tracker.store.ingest import ingest
from tracker.web.charts import PALETTE, chart_series, svg_chart
from tracker.web.serve import datasette_app


def test_chart_series_pivots_rows_by_series():
    rows = [
        {"month": "2020-01", "kind": "event", "n": 2},
        {"month": "2020-01", "kind": "quantity", "n": 3},
        {"month": "2020-02", "kind": "event", "n": 5},
    ]
    cats, series = chart_series(rows, "month", ["n"], "kind")
    assert cats == ["2020-01", "2020-02"]
    assert series == {"event": [2.0, 5.0], "quantity": [3.0, 0]}


def test_svg_chart_has_axes_points_and_legend():
    svg = svg_chart(["a", "b", "c", "d"], {"x": [1, 4, 2, 3], "y": [0, 1, 0, 2]}, title="T & co")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "T &amp; co" in svg and svg.count("<polyline") == 2 and ">x</text>" in svg
    bars = svg_chart(["a", "b"], {"n": [3, 1]}, kind="bar")
    assert bars.count("<rect") == 2  # one bar per category, no legend for a single series
    heights = [float(h) for h in re.findall(r'<rect[^>]*height="([\d.]+)"', bars)]
    assert heights[0] == pytest.approx(3 * heights[1], rel=0.01)


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("db") / "tracker.db"
    ingest([str(EXAMPLE.parent)], db_path)
    return datasette_app(db_path)


@pytest.mark.parametrize(
    "query, title",
    [
        ("claims_per_kind_month", "Claims per kind per month"),
        ("quotes_per_speaker_month", "Quotes per speaker per month"),
    ],
)
async def test_chart_drawn_above_stored_query(ds, query, title):
    r = await ds.client.get(f"/tracker/{query}")
    assert r.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="tracker-chart"' in r.text and title in r.text


async def test_no_chart_on_queries_without_one(ds):
    r = await ds.client.get("/tracker/check_worthy_claims")
    assert r.status_code == 200 and "tracker-chart" not in r.text


def circles(svg):
    return [
        (float(x), float(y), c)
        for x, y, c in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="3" fill="([^"]+)"', svg)
    ]


def test_dates_are_placed_on_a_time_axis():
    # January, February, then a gap to June: June sits four months after February, not one step.
    svg = svg_chart(["2021-01", "2021-02", "2021-06", "2021-07"], {"n": [1, 2, 3, 4]})
    xs = [x for x, _, _ in circles(svg)]
    assert len(xs) == 4
    # Points at mid-month: 15.5, 45 and 166 days after 1 January.
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx((166 - 45) / (45 - 15.5), rel=0.001)
    assert re.findall(r'class="tracker-time-tick">([^<]+)<', svg)[:3] == ["Jan 2021", "Feb", "Mar"]
    days = svg_chart(["2021-02-01", "2021-02-02", "2021-02-10", "2021-02-11"], {"n": [1, 1, 1, 1]})
    dx = [x for x, _, _ in circles(days)]
    assert (dx[2] - dx[1]) / (dx[1] - dx[0]) == pytest.approx(8, rel=0.01)


def test_every_series_has_its_colour_and_full_legend_label():
    names = ["A State Department spokesperson", "Hulusi Akar", "a senior official", "Analysts", "The US Treasury"]
    svg = svg_chart(["2021-01", "2021-02", "2021-03", "2021-04"], {n: [0, 1, 1, 0] for n in names})
    for i, name in enumerate(names):
        assert f">{name}</text>" in svg
        assert f'fill="{PALETTE[i]}"' in svg
    # The five series have equal values everywhere: their points are set apart, not drawn on top of each other.
    at_feb = sorted(x for x, y, _ in circles(svg) if y == circles(svg)[1][1])
    assert len(set(round(x, 1) for x in at_feb)) == len(at_feb) >= 5


def test_few_points_become_grouped_bars_one_per_series():
    svg = svg_chart(["2021-01", "2021-02"], {"a": [1, 2], "b": [1, 2], "c": [3, 0]})
    fills = re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="([^"]+)"><title>', svg)
    assert fills == [PALETTE[0]] * 2 + [PALETTE[1]] * 2 + [PALETTE[2]] * 2
    assert "<polyline" not in svg


async def test_empty_required_parameter_prompts_instead_of_every_row(ds):
    r = await ds.client.get("/tracker/speaker_timeline?speaker=")
    assert r.status_code == 200
    assert "This query needs <strong>speaker</strong>" in r.text
    assert "tracker-chart" not in r.text
    data = (await ds.client.get("/tracker/speaker_timeline.json?speaker=&_shape=array")).json()
    assert data == []
    r = await ds.client.get("/tracker/speaker_timeline?speaker=Akar")
    assert (
        "This query needs" not in r.text and '<svg xmlns="http://www.w3.org/2000/svg" class="tracker-chart"' in r.text
    )
    for query, param in (("quotes_by_speaker", "speaker"), ("claims_about_entity", "entity")):
        assert (await ds.client.get(f"/tracker/{query}.json?{param}=&_shape=array")).json() == []
        assert f"This query needs <strong>{param}</strong>" in (await ds.client.get(f"/tracker/{query}")).text
