"""Charts drawn above stored queries (tracker/charts.py), through Datasette's test client."""

import re

import pytest

from tests.conftest import EXAMPLE
from tracker.store.ingest import ingest
from tracker.web.charts import chart_series, svg_chart
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
    svg = svg_chart(["a", "b", "c"], {"x": [1, 4, 2], "y": [0, 1, 0]}, title="T & co")
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
