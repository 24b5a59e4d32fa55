"""The published Datasette: tables, metadata, facets, search, stored queries and exports, through Datasette's
own test client."""

import csv
import io

import pytest
import yaml

from tracker.ingest import ingest
from tracker.serve import datasette_app, find_config

from conftest import EXAMPLE, ROOT


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("db") / "tracker.db"
    ingest([str(EXAMPLE)], db_path)
    return datasette_app(db_path)


async def get_json(ds, path):
    r = await ds.client.get(path)
    assert r.status_code == 200, (path, r.text[:500])
    return r.json()


async def test_tables_and_metadata(ds):
    data = await get_json(ds, "/tracker.json")
    names = {t["name"] for t in data["tables"]}
    assert {"articles", "quotes", "claims", "speakers", "quantities", "claim_dates", "entities",
            "annotations"} <= names
    home = await ds.client.get("/")
    assert "who said what" in home.text
    page = await ds.client.get("/tracker/claims")
    assert "Checkable statements" in page.text  # table description from metadata.yml


def test_every_table_and_column_is_described():
    meta = yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["tracker"]["tables"]
    import sqlite3
    import tempfile

    from tracker.db import connect

    with tempfile.TemporaryDirectory() as d:
        db = connect(f"{d}/x.db")
        for table in db.table_names():
            if table.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
                continue
            assert table in meta, f"{table} has no description in metadata.yml"
            cols = set(db[table].columns_dict)
            assert cols <= set(meta[table].get("columns", {})), f"{table}: undocumented {cols - set(meta[table]['columns'])}"
        for view in db.view_names():
            assert view in meta


async def test_rows_and_label_columns(ds):
    data = await get_json(ds, "/tracker/quotes.json?_labels=on&_shape=objects")
    rows = data["rows"]
    assert rows and all(r["article_id"]["label"].startswith("Turkey Requests US") for r in rows)
    assert any(isinstance(r["speaker_id"], dict) and r["speaker_id"]["label"] == "Hulusi Akar" for r in rows)


async def test_facets_from_config(ds):
    data = await get_json(ds, "/tracker/claims.json?_extra=facet_results")
    facets = data["facet_results"]["results"]
    assert {"kind", "speaker_id"} <= set(facets)
    data = await get_json(ds, "/tracker/quotes.json?_extra=facet_results")
    assert {"speaker_id", "kind"} <= set(data["facet_results"]["results"])


@pytest.mark.parametrize("table, term", [("articles", "sanctions"), ("quotes", "dialogue"), ("claims", "batteries")])
async def test_full_text_search(ds, table, term):
    data = await get_json(ds, f"/tracker/{table}.json?_search={term}&_shape=objects")
    assert data["rows"], f"no {table} found for {term}"
    col = "body" if table == "articles" else "text"
    assert all(term[:6] in r[col].lower() for r in data["rows"])


async def test_csv_and_json_exports(ds):
    r = await ds.client.get("/tracker/claims.csv?_size=max")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain") or "csv" in r.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {"id", "kind", "text", "start", "end"} <= set(rows[0])
    data = await get_json(ds, "/tracker/quantities.json?_shape=array")
    assert any(row["unit"] == "USD" and row["value"] == 2.5e9 for row in data)
    r = await ds.client.get("/tracker/quotes.csv?_dl=1")
    assert r.status_code == 200 and "attachment" in r.headers.get("content-disposition", "")


def stored_queries():
    config = yaml.safe_load(find_config("datasette.yaml").read_text())
    return sorted(config["databases"]["tracker"]["queries"].items())


@pytest.mark.parametrize("name, query", stored_queries(), ids=[n for n, _ in stored_queries()])
async def test_every_stored_query_is_served(ds, name, query):
    params = "&".join(f"{p}=a" for p in ("speaker", "entity") if f":{p}" in query["sql"])
    if query.get("write"):
        r = await ds.client.get(f"/tracker/{name}")
        assert r.status_code in (200, 403)
        return
    data = await get_json(ds, f"/tracker/{name}.json?{params}")
    assert "rows" in data


async def test_money_query_finds_the_example_figure(ds):
    data = await get_json(ds, "/tracker/claims_with_money.json?_shape=objects")
    assert any(r["value"] == 2.5e9 and r["currency"] == "USD" for r in data["rows"])
    data = await get_json(ds, "/tracker/quotes_by_speaker.json?speaker=Akar&_shape=objects")
    assert data["rows"] and all(r["speaker"] == "Hulusi Akar" for r in data["rows"])


async def test_config_follows_a_database_with_another_name(tmp_path):
    db_path = tmp_path / "other.db"
    ingest([str(EXAMPLE)], db_path)
    ds = datasette_app(db_path)
    data = await get_json(ds, "/other/claims.json?_extra=facet_results")
    assert "kind" in data["facet_results"]["results"]
    data = await get_json(ds, "/other/claims_with_money.json?_shape=objects")
    assert any(r["currency"] == "USD" for r in data["rows"])


def test_serve_command_rewrites_config_for_another_name(tmp_path):
    from tracker.serve import serve_command

    cmd = serve_command(tmp_path / "other.db", "127.0.0.1", 8001)
    config = yaml.safe_load(open(cmd[cmd.index("--config") + 1]))
    assert "other" in config["databases"] and "tracker" not in config["databases"]
