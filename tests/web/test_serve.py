"""The published Datasette: tables, metadata, facets, search, stored queries and exports, through Datasette's
own test client."""

import csv
import io
import os

import pytest
import sqlite_utils
import yaml

from tests.conftest import EXAMPLE, ROOT
from tracker.store.ingest import ingest
from tracker.web.serve import datasette_app, find_config


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
    assert {"articles", "quotes", "claims", "speakers", "quantities", "claim_dates", "entities", "annotations"} <= names
    home = await ds.client.get("/")
    assert "who said what" in home.text
    page = await ds.client.get("/tracker/claims")
    assert "Checkable statements" in page.text  # table description from metadata.yml


def test_every_table_and_column_is_described():
    meta = yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["tracker"]["tables"]
    import tempfile

    from tracker.store.db import connect

    with tempfile.TemporaryDirectory() as d:
        db = connect(f"{d}/x.db")
        for table in db.table_names():
            if table.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")):
                continue
            assert table in meta, f"{table} has no description in metadata.yml"
            cols = set(db[table].columns_dict)
            assert cols <= set(meta[table].get("columns", {})), (
                f"{table}: undocumented {cols - set(meta[table]['columns'])}"
            )
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
    assert "kind" in facets
    # the speaker facet on claims is not a default any more (cost at scale) but one click away
    data = await get_json(ds, "/tracker/claims.json?_facet=speaker_id&_extra=facet_results")
    assert {"kind", "speaker_id"} <= set(data["facet_results"]["results"])
    page = await ds.client.get("/tracker/claims")  # the column menu's "Facet by this" (table.js) is enabled
    assert "DATASETTE_ALLOW_FACET = true" in page.text and 'data-column="speaker_id"' in page.text
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
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] in {"text/plain", "text/csv"}
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
    from tracker.web.serve import serve_command

    cmd = serve_command(tmp_path / "other.db", "127.0.0.1", 8001, workdir=tmp_path)
    config = yaml.safe_load(open(cmd[cmd.index("--config") + 1]))
    assert "other" in config["databases"] and "tracker" not in config["databases"]


# The stored queries below are written for speed at scale (resolve ids first, walk indexes, limit before joining);
# these are the plain versions they must agree with, row for row.
PLAIN_CONFLICTING_FIGURES = """
select v.* from claim_conflicts_side_by_side v
where (:entity = '' or exists (
  select 1 from claim_entities ce join entities e on e.id = ce.entity_id
  where ce.claim_id = v.claim_id_a and (e.name like '%' || :entity || '%' or e.acronym = :entity)))
  and (cast(:before as integer) = 0 or v.conflict_id < cast(:before as integer))
order by v.conflict_id desc
limit 100"""

PLAIN_SPEAKER_TIMELINE = """
with sp as (
  select speaker_id as id from speaker_aliases where alias like '%' || :speaker || '%'
  union select id from speakers where name like '%' || :speaker || '%'
),
every as (
  select * from (
    select q.published, 'quote' as type, q.kind, q.text, a.source, a.title as article,
           null as group_id, null as group_articles, q.id
    from quotes q join articles a on a.id = q.article_id
    where q.speaker_id in (select id from sp)
    union all
    select c.published, 'claim', c.kind, c.text, a.source, a.title, m.group_id, g.articles, c.id
    from claims c join articles a on a.id = c.article_id
    left join claim_group_members m on m.claim_id = c.id
    left join claim_groups g on g.id = m.group_id
    where c.speaker_id in (select id from sp)
  )
  where published is not null and (:before = '' or published < :before)
)
select * from every
where published >= coalesce((select published from every order by published desc limit 1 offset 199), '')
order by published desc, type, id"""


def _stored_sql(name):
    return yaml.safe_load(find_config("datasette.yaml").read_text())["databases"]["tracker"]["queries"][name]["sql"]


@pytest.mark.parametrize(
    "thresholds",
    [{}, {"limit 5001": "limit 2", "> 5000": "> 1"}, {"30000": "1"}],
    ids=["as-is", "many-entities", "many-claims"],
)
def test_conflicting_figures_matches_the_plain_query(tmp_path, thresholds):
    from tests.store.test_grouping import S400, article, claim, ent, money, store
    from tracker.store.db import connect

    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2019-07-12",
            "Reuters",
            claim("c1", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400),
        ),
        article(
            "a2",
            "2019-07-20",
            "Sabah",
            claim("c1", "Turkey paid $2 billion for four S-400 batteries.", [money("$2 billion", 2e9)], S400),
        ),
        article(
            "a3",
            "2019-08-01",
            "AP",
            claim(
                "c1",
                "Peru paid $4 billion for the new Lima metro line.",
                [money("$4 billion", 4e9)],
                [ent("Peru"), ent("Lima", "other")],
            ),
        ),
        article(
            "a4",
            "2019-08-02",
            "AFP",
            claim(
                "c1",
                "Peru paid $3 billion for the new Lima metro line.",
                [money("$3 billion", 3e9)],
                [ent("Peru"), ent("Lima", "other")],
            ),
        ),
    )
    sql = _stored_sql("conflicting_figures")
    for old, new in thresholds.items():  # force the other index walk on a small database
        assert old in sql
        sql = sql.replace(old, new)
    assert db.execute("select count(*) from claim_conflicts").fetchone()[0] >= 2
    for entity in ["", "Turkey", "Peru", "S-400", "e", "Lima", "Nowhere"]:
        for before in ["", "2", "1"]:
            params = {"entity": entity, "before": before}
            expected = db.execute(PLAIN_CONFLICTING_FIGURES, params).fetchall()
            assert db.execute(sql, params).fetchall() == expected, params
            if before == "":
                every = expected
        pages, before = [], ""
        while True:  # a page of one conflict, each `before` the last one shown: every conflict once, in order
            page = db.execute(sql.replace("limit 100", "limit 1"), {"entity": entity, "before": before}).fetchall()
            if not page:
                break
            pages += page
            before = str(page[-1][0])
        assert pages == every, entity


def test_speaker_timeline_matches_the_plain_query(ds):
    import sqlite3

    db = sqlite3.connect(ds.get_database("tracker").path)
    names = [r[0] for r in db.execute("select name from speakers")] + ["a", "e", "Nobody at all"]
    sql = _stored_sql("speaker_timeline")
    for name in names:
        dates = [""] + [r[0] for r in db.execute(PLAIN_SPEAKER_TIMELINE, {"speaker": name, "before": ""})]
        for before in dates[:4]:
            params = {"speaker": name, "before": before}
            assert db.execute(sql, params).fetchall() == db.execute(PLAIN_SPEAKER_TIMELINE, params).fetchall(), params


def test_secret_is_made_once_owner_only_and_reused(tmp_path, monkeypatch):
    from tracker.web.serve import secret_for, secret_path

    monkeypatch.delenv("DATASETTE_SECRET", raising=False)
    db = tmp_path / "tracker.db"
    assert secret_path(db) == tmp_path / "tracker.secret"
    first = secret_for(db)
    assert len(first) == 64 and int(first, 16) >= 0  # 32 random bytes as hex
    assert (tmp_path / "tracker.secret").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "tracker.secret").read_text() == first + "\n"
    assert secret_for(db) == first  # a restart signs with the same secret: logins and tokens stay valid
    assert secret_for(tmp_path / "other.db") != first  # each database has its own


def test_secret_from_the_environment_wins_and_writes_nothing(tmp_path, monkeypatch):
    from tracker.web.serve import secret_for

    monkeypatch.setenv("DATASETTE_SECRET", "from-the-environment")
    assert secret_for(tmp_path / "tracker.db") == "from-the-environment"
    assert not (tmp_path / "tracker.secret").exists()


def test_an_empty_secret_file_is_filled(tmp_path, monkeypatch):
    from tracker.web.serve import secret_for

    monkeypatch.delenv("DATASETTE_SECRET", raising=False)
    (tmp_path / "tracker.secret").write_text("")
    secret = secret_for(tmp_path / "tracker.db")
    assert len(secret) == 64 and (tmp_path / "tracker.secret").read_text() == secret + "\n"


def test_serve_passes_the_secret_to_datasette_in_its_environment(tmp_path, monkeypatch):
    import tracker.web.serve as serve_mod

    monkeypatch.delenv("DATASETTE_SECRET", raising=False)
    seen = {}

    class Child:
        def __init__(self, cmd, env):
            seen.update(cmd=cmd, env=env)

        def wait(self):
            return 0

    monkeypatch.setattr(serve_mod.subprocess, "Popen", Child)
    assert serve_mod.serve(tmp_path / "tracker.db", "127.0.0.1", 8001) == 0
    assert seen["env"]["DATASETTE_SECRET"] == (tmp_path / "tracker.secret").read_text().strip()
    assert not any(seen["env"]["DATASETTE_SECRET"] in part for part in seen["cmd"])  # not visible in `ps`


def test_port_in_use_is_found_by_binding():
    import socket

    from tracker.web.serve import port_in_use

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert port_in_use("127.0.0.1", port) is True
    assert port_in_use("127.0.0.1", port) is False  # closed again (SO_REUSEADDR: TIME_WAIT does not count)
    assert port_in_use("127.0.0.1", 0) is False


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP", "Ctrl-C"])
def test_a_stop_sent_to_tracker_serve_stops_datasette_too(tmp_path, stop):
    # systemd, Docker and supervisors stop a service by signalling its main process: Datasette, its child, must
    # not be left serving on the port with no parent; the config rewritten for the database's name is removed.
    # Ctrl-C in a terminal signals both processes: tracker waits for Datasette to finish and exits 0.
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    from tracker.web.serve import port_in_use

    db = tmp_path / "other.db"
    sqlite_utils.Database(db)["t"].insert({"a": 1})
    port = _free_port()
    env = {**os.environ, "DATASETTE_SECRET": "x", "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,  # (its own process group: the finally below reaches an orphan too)
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert urllib.request.urlopen(f"http://127.0.0.1:{port}/other/t.json").status == 200
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.2)
        assert list(tmp_path.glob("tracker-*/datasette.yaml"))  # the rewritten config, while serving
        if stop == "Ctrl-C":
            os.killpg(proc.pid, signal.SIGINT)  # (what a terminal does: the whole foreground group)
        else:
            proc.send_signal(getattr(signal, stop))
        assert proc.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while port_in_use("127.0.0.1", port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not port_in_use("127.0.0.1", port)  # Datasette is gone, not serving on as an orphan
        assert not list(tmp_path.glob("tracker-*"))
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
