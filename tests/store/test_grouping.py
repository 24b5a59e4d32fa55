"""Claim groups and conflicts across articles: the rules, incremental grouping, re-parse and resumed ingest.

The grouping is tested on hand-built extractions (so it does not depend on the extractors' current rules) and
written through `db.write_batch`, the same path ingest takes.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tracker.parse import Parsed
from tracker.records import Article, Claim, Entity, Extraction, Quantity, SpeakerRef
from tracker.store import bulk, conflict_search, grouping
from tracker.store.db import connect, status_of, write_batch


def money(text: str, value: float) -> Quantity:
    return Quantity(text=text, start=0, end=len(text), value=value, unit="USD", currency="USD", kind="money")


def ent(name: str, kind: str = "country") -> Entity:
    return Entity(text=name, start=0, end=len(name), name=name, kind=kind)


def claim(cid: str, text: str, quantities=(), entities=(), speaker: str | None = None) -> Claim:
    sp = SpeakerRef(name=speaker, mention=speaker, start=0, end=len(speaker), kind="person") if speaker else None
    return Claim(
        id=cid,
        kind="quantity" if quantities else "event",
        text=text,
        start=0,
        end=len(text),
        speaker=sp,
        quantities=list(quantities),
        entities=list(entities),
        score=0.5,
    )


def article(title: str, date: str, source: str, *claims: Claim) -> Parsed:
    body = " ".join(c.text for c in claims) or "Nothing."
    a = Article(title=title, body=body, published=date, source=source, url=f"https://example.org/{title}")
    return Parsed(a, Extraction([], list(claims)))


def store(db, *parsed: Parsed) -> None:
    batch = []
    for p in parsed:
        aid, digest, status = status_of(db, p.article)
        batch.append((p, aid, digest, status))
    write_batch(db, batch)


def groups_by_text(db) -> dict[str, int]:
    return dict(
        db.execute("select c.text, m.group_id from claim_group_members m join claims c on c.id = m.claim_id").fetchall()
    )


S400 = [ent("Turkey"), ent("S-400", "weapon")]


def test_same_figure_in_different_words_is_one_group(tmp_path):
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
            "a2", "2019-07-15", "AP", claim("c1", "The S-400 deal cost Turkey $2.5bn.", [money("$2.5bn", 2.5e9)], S400)
        ),
        article(
            "a3",
            "2019-08-01",
            "BBC",
            claim(
                "c1",
                "Ankara spent 2.5 billion dollars on the Russian S-400 system.",
                [money("2.5 billion dollars", 2.5e9)],
                [ent("Turkey"), ent("S-400", "weapon")],
            ),
        ),
    )
    groups = groups_by_text(db)
    assert len(set(groups.values())) == 1
    g = db["claim_groups"].get(next(iter(groups.values())))
    assert (g["appearances"], g["articles"], g["sources"]) == (3, 3, 3)
    assert g["first_published"] == "2019-07-12" and g["label"].startswith("Turkey paid $2.5 billion")


def test_same_figure_without_a_shared_entity_is_not_grouped(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2020-01-01",
            "X",
            claim("c1", "Turkey paid $2.5 billion for missiles.", [money("$2.5 billion", 2.5e9)], [ent("Turkey")]),
        ),
        article(
            "a2",
            "2020-01-02",
            "Y",
            claim("c1", "Brazil lost $2.5 billion in the floods.", [money("$2.5 billion", 2.5e9)], [ent("Brazil")]),
        ),
    )
    assert len(set(groups_by_text(db).values())) == 2


def test_near_identical_wording_is_grouped_without_figures(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1", "2020-01-01", "X", claim("c1", "The government has banned all public gatherings in the capital.")
        ),
        article(
            "a2",
            "2020-01-03",
            "Y",
            claim("c1", "All public gatherings in the capital have been banned by the Government"),
        ),
        article(
            "a3", "2020-01-04", "Z", claim("c1", "The government has banned all private gatherings in the capital.")
        ),
    )
    g = groups_by_text(db)
    assert (
        g["The government has banned all public gatherings in the capital."]
        == g["All public gatherings in the capital have been banned by the Government"]
    )
    assert (
        g["The government has banned all private gatherings in the capital."]
        != g["The government has banned all public gatherings in the capital."]
    )


def test_rounding_rule():
    assert grouping.same_within_rounding(2.5e9, 2.46e9)
    assert not grouping.same_within_rounding(2.5e9, 2e9)
    assert grouping.figures_conflict(2.5e9, 2e9)
    assert not grouping.figures_conflict(2.5e9, 2.5e9)
    assert not grouping.figures_conflict(2.5e9, 40e9)  # a factor of 16 is another figure, not a disagreement
    assert grouping.group_keys(
        "Turkey paid $2.5 billion", [{"unit": "USD", "value": 2.5e9, "kind": "money"}], ["turkey"]
    ) == grouping.group_keys(
        "Turkey paid $2.5 billion", [{"unit": "USD", "value": 2_500_000_000, "kind": "money"}], ["turkey"]
    )


def test_keys_and_subjects_sharing_the_wording_are_the_same_as_apart():
    # rows_for tokenises each claim once for both key kinds (the `wording` claim_keys fills): the keys and frames
    # must be those computed apart, also for a question (not keyed) and for an id met twice.
    rows = {
        "claims": [
            {"id": "a-c1", "kind": "quantity", "text": "Turkey paid $2.5 billion for four S-400 missile batteries"},
            {"id": "a-c2", "kind": "quantity", "text": "Russia delivered the 39 batteries to Turkey in 2019 on time"},
            {"id": "a-c2", "kind": "event", "text": "Another claim under the same id, with no figure at all here"},
            {"id": "a-c3", "kind": "question", "text": "Did Turkey pay $2.5 billion for the batteries?"},
        ],
        "quantities": [
            {"claim_id": "a-c1", "unit": "USD", "value": 2.5e9, "kind": "money"},
            {"claim_id": "a-c2", "unit": "batteries", "value": 39.0, "kind": "count"},
        ],
        "claim_entities": [
            {"claim_id": c, "entity_id": e} for c in ("a-c1", "a-c2", "a-c3") for e in ("turkey", "s-400")
        ],
        "entities": [{"id": "turkey", "kind": "country"}, {"id": "s-400", "kind": "weapon"}],
    }
    by_claim = grouping.rows_by_claim(rows)
    wording: dict = {}
    assert grouping.claim_keys(rows, by_claim, wording) == grouping.claim_keys(rows)
    assert grouping.claim_subjects(rows, by_claim, wording) == grouping.claim_subjects(rows)
    assert grouping.claim_subjects(rows)["a-c1"][1] == grouping.frame_tokens(rows["claims"][0]["text"])


def test_conflicting_figures_are_flagged_side_by_side(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2019-07-12",
            "Reuters",
            claim(
                "c1",
                "Turkey paid $2.5 billion for four S-400 batteries.",
                [money("$2.5 billion", 2.5e9)],
                S400,
                speaker="Hulusi Akar",
            ),
        ),
        article(
            "a2",
            "2019-07-20",
            "Sabah",
            claim("c1", "Turkey paid $2 billion for four S-400 batteries.", [money("$2 billion", 2e9)], S400),
        ),
        # same entities and unit, a different subject: not a conflict (wording shares too little)
        article(
            "a3",
            "2019-07-21",
            "Sabah",
            claim(
                "c1",
                "Turkey faces US sanctions worth $1.5 billion over the S-400 purchase and its economy.",
                [money("$1.5 billion", 1.5e9)],
                [ent("Turkey")],
            ),
        ),
    )
    rows = list(db.query("select * from claim_conflicts_side_by_side"))
    assert len(rows) == 1
    r = rows[0]
    assert {r["value_a"], r["value_b"]} == {2.5e9, 2e9}
    assert {r["source_a"], r["source_b"]} == {"Reuters", "Sabah"}
    assert r["group_a"] != r["group_b"]
    assert db.execute("select sum(conflicts) from claim_groups").fetchone()[0] == 2


def test_one_shared_signal_is_not_a_conflict(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2020-01-01",
            "X",
            claim(
                "c1",
                "Germany will spend $3 billion on new schools next year.",
                [money("$3 billion", 3e9)],
                [ent("Germany")],
            ),
        ),
        article(
            "a2",
            "2020-01-02",
            "Y",
            claim(
                "c1",
                "Germany lost $2 billion in tourism revenue during the pandemic.",
                [money("$2 billion", 2e9)],
                [ent("Germany")],
            ),
        ),
    )
    assert db["claim_conflicts"].count == 0


def test_second_ingest_joins_existing_groups(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2019-07-12",
            "Reuters",
            claim("c1", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400),
        ),
    )
    first = db.execute("select group_id from claim_group_members").fetchone()[0]
    keys_before = db["claim_group_keys"].count
    store(
        db,
        article(
            "a2", "2019-09-01", "AP", claim("c1", "The S-400 deal cost Turkey $2.5bn.", [money("$2.5bn", 2.5e9)], S400)
        ),
        article(
            "a3",
            "2019-09-02",
            "AP",
            claim(
                "c1",
                "Nothing to do with it: Peru grew 3 percent.",
                [Quantity("3 percent", 0, 9, 3.0, "percent", kind="percent")],
                [ent("Peru")],
            ),
        ),
    )
    assert db.execute("select count(distinct group_id) from claim_group_members").fetchone()[0] == 2
    g = db["claim_groups"].get(first)
    assert (g["appearances"], g["first_published"], g["last_published"]) == (2, "2019-07-12", "2019-09-01")
    assert db["claim_group_keys"].count > keys_before


def test_a_claim_bridging_two_groups_merges_them(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2019-07-12",
            "R",
            claim("c1", "Turkey paid $2.5 billion.", [money("$2.5 billion", 2.5e9)], [ent("Turkey")]),
        ),
        article(
            "a2",
            "2019-07-13",
            "S",
            claim("c1", "Russia received $2.5 billion.", [money("$2.5 billion", 2.5e9)], [ent("Russia")]),
        ),
    )
    assert db["claim_groups"].count == 2
    store(
        db,
        article(
            "a3",
            "2019-07-14",
            "T",
            claim(
                "c1", "Turkey paid Russia $2.5 billion.", [money("$2.5 billion", 2.5e9)], [ent("Turkey"), ent("Russia")]
            ),
        ),
    )
    assert db["claim_groups"].count == 1
    assert db.execute("select appearances from claim_groups").fetchone()[0] == 3
    assert db.execute("select count(distinct group_id) from claim_group_keys").fetchone()[0] == 1


def test_reparse_keeps_groups_consistent(tmp_path):
    db = connect(tmp_path / "t.db")
    a1 = article(
        "a1",
        "2019-07-12",
        "Reuters",
        claim("c1", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400),
        claim("c2", "The government has banned all public gatherings in the capital."),
    )
    a2 = article(
        "a2", "2019-07-15", "AP", claim("c1", "The S-400 deal cost Turkey $2.5bn.", [money("$2.5bn", 2.5e9)], S400)
    )
    a3 = article(
        "a3",
        "2019-07-20",
        "Sabah",
        claim("c1", "Turkey paid $2 billion for four S-400 batteries.", [money("$2 billion", 2e9)], S400),
    )
    store(db, a1, a2, a3)
    group = groups_by_text(db)["The S-400 deal cost Turkey $2.5bn."]
    assert db["claim_conflicts"].count == 1
    # the same article again, changed: one claim kept, one replaced by a conflicting figure
    a1b = article(
        "a1",
        "2019-07-12",
        "Reuters",
        claim("c1", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400),
        claim(
            "c3", "Turkey paid $2 billion for four S-400 batteries, a source said.", [money("$2 billion", 2e9)], S400
        ),
    )
    a1b.article.url = a1.article.url
    store(db, a1b)
    assert status_of(db, a1b.article)[2] == "unchanged"
    g = groups_by_text(db)
    assert g["Turkey paid $2.5 billion for four S-400 batteries."] == group  # same group id after re-parse
    assert "The government has banned all public gatherings in the capital." not in g
    assert_consistent(db)
    # the partition itself, written out (assert_consistent holds the store to claim_keys; this holds claim_keys)
    members = db.execute(
        "select m.group_id, c.text from claim_group_members m join claims c on c.id = m.claim_id order by c.text"
    ).fetchall()
    by_group: dict[int, list[str]] = {}
    for gid, text in members:
        by_group.setdefault(gid, []).append(text)
    assert sorted(by_group.values()) == [  # one group per figure; the two figures meet as a conflict
        ["The S-400 deal cost Turkey $2.5bn.", "Turkey paid $2.5 billion for four S-400 batteries."],
        [
            "Turkey paid $2 billion for four S-400 batteries, a source said.",
            "Turkey paid $2 billion for four S-400 batteries.",
        ],
    ]
    assert db["claim_groups"].get(group)["appearances"] == 2
    # re-parsed twice more: nothing doubles
    for _ in range(2):
        a1b.article.body += " "
        store(db, a1b)
    assert_consistent(db)
    assert db["claim_groups"].get(group)["appearances"] == 2
    assert db["claim_conflicts"].count == 1  # the kept claim's conflict with a3, once
    g = groups_by_text(db)
    assert (
        g["Turkey paid $2 billion for four S-400 batteries, a source said."]
        == g["Turkey paid $2 billion for four S-400 batteries."]
    )


def stored_rows(db) -> dict[str, list[dict]]:
    """The stored claims with their figures and entities, as the rows `grouping.claim_keys` reads."""

    def rows(sql):
        cur = db.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    return {
        "claims": rows("select id, text, kind from claims"),
        "quantities": rows("select claim_id, unit, value, kind from quantities order by claim_id, start"),
        "claim_entities": rows("select claim_id, entity_id from claim_entities"),
        "entities": rows("select id, kind from entities"),
    }


def assert_consistent(db, settled: bool = True) -> None:
    """Every claim that has a group key in exactly one group (a claim without one can meet no other claim, so
    it gets none); no member without a claim; summaries match members; keys counted.

    An interrupted ingest may leave group summaries stale, but then marked in claim_groups_dirty for the next
    run to recompute (`settled=False`); after a completed ingest nothing is marked."""
    q = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    if settled:
        assert q("select count(*) from claim_groups_dirty") == 0
    keyed_claims = {cid for cid, ks in grouping.claim_keys(stored_rows(db)).items() if ks}
    assert keyed_claims == {r[0] for r in db.execute("select claim_id from claim_group_members")}
    assert q("select count(*) from claim_group_members where keys = '[]'") == 0
    assert q("select count(*) from claim_group_members where claim_id not in (select id from claims)") == 0
    assert q("select count(*) from claim_group_members where group_id not in (select id from claim_groups)") == 0
    assert (
        q(
            "select count(*) from claim_groups where appearances != (select count(*) from claim_group_members m "
            "where m.group_id = claim_groups.id) and id not in (select id from claim_groups_dirty)"
        )
        == 0
    )
    assert (
        q(
            "select count(*) from claim_groups where (appearances is null or appearances = 0) "
            "and id not in (select id from claim_groups_dirty)"
        )
        == 0
    )
    assert (
        q(
            "select count(*) from claim_conflicts where claim_id not in (select id from claims) "
            "or other_claim_id not in (select id from claims)"
        )
        == 0
    )
    assert q("select count(*) from claim_subject_keys where claim_id not in (select id from claims)") == 0
    keyed: dict[int, int] = {}
    for (keys,) in db.execute("select keys from claim_group_members"):
        for k in json.loads(keys):
            keyed[k] = keyed.get(k, 0) + 1
    assert dict(db.execute("select key, members from claim_group_keys").fetchall()) == keyed
    assert (
        q(
            "select count(*) from claim_group_keys k join claim_group_members m on m.keys like '%' || k.key || '%' "
            "where m.group_id != k.group_id"
        )
        == 0
    )


def test_annotations_show_on_the_group_page(tmp_path):
    import yaml

    from tests.conftest import ROOT

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
            "a2", "2019-07-15", "AP", claim("c1", "The S-400 deal cost Turkey $2.5bn.", [money("$2.5bn", 2.5e9)], S400)
        ),
    )
    cid, gid = db.execute("select claim_id, group_id from claim_group_members order by published desc").fetchone()
    db["annotations"].insert(
        {
            "target_type": "claim",
            "target_id": cid,
            "verdict": "true",
            "note": "checked",
            "annotator": "ann",
            "created_at": "2020-01-01T00:00:00",
        }
    )
    sql = yaml.safe_load((ROOT / "datasette.yaml").read_text())["databases"]["tracker"]["queries"]["claim_group"]["sql"]
    rows = list(db.query(sql, {"group": gid}))
    assert [r["published"] for r in rows] == ["2019-07-12", "2019-07-15"]
    assert rows[1]["verdict"] == "true" and rows[0]["verdict"] is None
    assert rows[0]["source"] == "Reuters"


def test_rebuild_gives_the_same_groups(tmp_path):
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2019-07-12",
            "R",
            claim("c1", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400),
        ),
        article(
            "a2", "2019-07-15", "AP", claim("c1", "The S-400 deal cost Turkey $2.5bn.", [money("$2.5bn", 2.5e9)], S400)
        ),
        article(
            "a3",
            "2019-07-16",
            "AP",
            claim("c1", "Turkey paid $2 billion for four S-400 batteries.", [money("$2 billion", 2e9)], S400),
        ),
    )
    before = sorted(map(sorted, _partition(db)))
    grouping.rebuild(db)
    assert sorted(map(sorted, _partition(db))) == before
    assert db["claim_conflicts"].count == 1
    assert_consistent(db)


def _partition(db):
    out: dict[int, list[str]] = {}
    for cid, gid in db.execute("select claim_id, group_id from claim_group_members"):
        out.setdefault(gid, []).append(cid)
    return list(out.values())


def _corpus(path, n: int) -> None:
    """JSON Lines of synthetic articles in which the same figures recur (and sometimes disagree)."""
    projects = ["Northern Star Pipeline", "Golden Iron Dam", "Blue Ridge Railway", "Cedar Pacific Port"]
    countries = ["Turkey", "Brazil", "Kenya", "Norway"]
    with open(path, "w", encoding="utf-8") as fp:
        for i in range(n):
            p, c = projects[i % 4], countries[i % 4]
            fig = ["$2.5 billion", "$2.5bn", "2.5 billion dollars", "$2 billion"][i % 7 % 4]
            body = (
                f"{c} agreed to pay {fig} for the {p} project, officials said on Monday.\n\n"
                f'"We will finish the {p} by {2020 + i % 5}," said Finance Minister Maria Costa. '
                f"The {p} will employ {100 + i} workers, the ministry said in a statement. "
                f"Critics in {c} said the cost of the project had risen by {10 + i % 9} percent in a year.\n\n"
                + "Residents near the site said they had not been consulted about the plans. "
                * 20
            )
            fp.write(
                json.dumps(
                    {
                        "url": f"https://example.org/{i}",
                        "title": f"{p} deal, part {i}",
                        "date": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "source": f"Outlet {i % 5}",
                        "text": body,
                    }
                )
                + "\n"
            )


def _partition_of(db_path) -> set[frozenset]:
    db = connect(db_path)
    return {frozenset(v) for v in _partition(db)}


def _ingest_cmd(jsonl, db_path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("tracker")),
        "ingest",
        str(jsonl),
        "--db",
        str(db_path),
        "--workers",
        "2",
        "--batch-size",
        "25",
        "--quiet",
    ]


def test_killed_ingest_resumes_with_nothing_lost_or_doubled(tmp_path):
    jsonl = tmp_path / "articles.jsonl"
    _corpus(jsonl, 600)
    db_path = tmp_path / "t.db"
    proc = subprocess.Popen(
        _ingest_cmd(jsonl, db_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            import sqlite3

            with sqlite3.connect(db_path, timeout=1) as conn:
                stored = conn.execute("select count(*) from articles").fetchone()[0]
        except Exception:
            continue
        if 75 <= stored < 600:  # the bulk load began right after the second window (50) was written
            break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)  # the main process and its extraction workers
    proc.wait()
    db = connect(db_path)
    partial = db["articles"].count
    assert 0 < partial < 600 and partial % 25 == 0  # whole windows only
    assert_consistent(db, settled=False)
    assert bulk.deferred(db)  # killed during a bulk load: its page-only indexes wait for the next run
    db.close()
    done = subprocess.run(_ingest_cmd(jsonl, db_path), check=True, capture_output=True, text=True)
    assert f"{600 - partial} new, {partial} unchanged" in done.stderr
    db = connect(db_path)
    assert db["articles"].count == 600
    # nothing lost or doubled, article by article (independent of the extraction rules of the day)
    for table, column in (("claims", "claim_count"), ("quotes", "quote_count")):
        assert (
            db.execute(
                f"select count(*) from articles a where a.{column} != "
                f"(select count(*) from {table} t where t.article_id = a.id)"
            ).fetchone()[0]
            == 0
        ), table
    assert db.execute("select count(*) from claims").fetchone()[0] > 600
    assert_consistent(db)
    assert bulk.deferred(db) == {} and set(bulk.PAGE_ONLY_INDEXES) <= {
        r[0] for r in db.execute("select name from sqlite_master where type = 'index'")
    }
    # the groups built across the interruption are the groups of a regrouping from scratch
    before = _partition_of(db_path)
    assert any(len(g) > 1 for g in before)
    grouping.rebuild(db)
    assert _partition_of(db_path) == before


def test_questions_and_claims_without_keys_get_no_group(tmp_path):
    db = connect(tmp_path / "t.db")
    q = claim("c1", "Did Turkey pay $2.5 billion for four S-400 batteries?", [money("$2.5 billion", 2.5e9)], S400)
    q = dataclasses.replace(q, kind="question")
    short = claim("c2", "It rained.")
    fact = claim("c3", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400)
    store(db, article("a", "2020-01-01", "AP", q, short, fact))
    other = claim("c4", "Turkey paid $2.5bn for the S-400 system.", [money("$2.5bn", 2.5e9)], S400)
    store(db, article("b", "2020-02-01", "AFP", other))
    members = groups_by_text(db)
    assert set(members) == {fact.text, other.text}
    assert members[fact.text] == members[other.text]
    assert db["claim_groups"].count == 1
    # a question naming the same subject with another figure is not a conflicting statement
    ask = claim("c5", "Did Turkey pay $2 billion for the S-400 batteries?", [money("$2 billion", 2e9)], S400)
    store(db, article("c", "2020-03-01", "DW", dataclasses.replace(ask, kind="question")))
    assert db["claim_conflicts"].count == 0
    assert_consistent(db)


def test_remembered_candidates_give_the_same_conflicts(tmp_path, monkeypatch):
    """An ingest remembers the stored conflict candidates it has read (frame, entities); the conflicts found
    must be the same as when every batch reads them from the database again, including after a re-parse."""
    from tracker.store.db import rows_for, write_rows

    arts = [
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
            "2019-07-21",
            "AP",
            claim("c1", "Turkey paid $3 billion for four S-400 batteries.", [money("$3 billion", 3e9)], S400),
        ),
        article(
            "a4",
            "2019-07-22",
            "TASS",
            claim(
                "c1",
                "Turkey faces sanctions worth $1.5 billion over the S-400 purchase and its economy.",
                [money("$1.5 billion", 1.5e9)],
                [ent("Turkey")],
            ),
        ),
        # a1 again, re-parsed with fewer entities: its remembered entry must not be used for the new claim
        article(
            "a1",
            "2019-07-12",
            "Reuters",
            claim(
                "c1",
                "Turkey paid $2.5 billion for four S-400 batteries.",
                [money("$2.5 billion", 2.5e9)],
                [ent("Turkey")],
            ),
        ),
        article(
            "a5",
            "2019-07-23",
            "DPA",
            claim("c1", "Turkey paid $2.1 billion for four S-400 batteries.", [money("$2.1 billion", 2.1e9)], S400),
        ),
    ]
    arts[4].article.body += " Corrected."
    found = []
    for n, memo in enumerate((None, {}, {})):
        if n == 2:  # a memo that must forget: it holds one claim at most
            monkeypatch.setattr(conflict_search, "MEMO_MAX", 1)
        db = connect(tmp_path / f"{n}.db")
        for p in arts:  # one article per batch: every candidate is a stored claim
            aid, digest, status = status_of(db, p.article)
            write_rows(db, [(rows_for(p, aid, digest), aid, status)], memo=memo)
        found.append(
            sorted(
                db.execute(
                    "select claim_id, other_claim_id, value, other_value, shared_entities, "
                    "wording_overlap from claim_conflicts"
                ).fetchall()
            )
        )
        if memo is not None:
            assert memo  # candidates were remembered
    assert found[0] == found[1] == found[2] and len(found[0]) >= 3
    assert len(memo) == 1  # bounded


def test_the_memo_forgets_the_least_recently_read_candidates(monkeypatch):
    monkeypatch.setattr(conflict_search, "MEMO_MAX", 4)
    memo: dict = {}
    for c in "abcd":
        grouping.memo_put(memo, c, c.upper())
    assert grouping.memo_get(memo, "a") == "A" and grouping.memo_get(memo, "x") is None
    grouping.memo_put(memo, "e", "E")  # full: the two least recently read (b, c) go, a read one stays
    assert list(memo) == ["d", "a", "e"]


OLD_LAYOUT = """
drop table claim_subject_keys;
create table claim_subject_keys (key integer not null, claim_id text not null, article_id text not null,
    unit text not null, value real not null, primary key (key, claim_id)) without rowid;
create index claim_subject_keys_claim on claim_subject_keys(claim_id);
drop view claim_conflicts_side_by_side;
drop table claim_group_members;
create table claim_group_members (claim_id text primary key, group_id integer not null references
    claim_groups(id) deferrable initially deferred, article_id text not null, published text, match text,
    keys text) without rowid;
create index claim_group_members_group on claim_group_members(group_id, published);
create index claim_group_members_article on claim_group_members(article_id);
drop trigger claims_ai;
create trigger claims_ai after insert on claims begin
  insert into claims_fts (rowid, text) values (new.rowid, new.text);
end;
"""


def test_a_database_made_with_the_earlier_layouts_keeps_working(tmp_path):
    """Databases made before the ingest's write-path changes keep their (WITHOUT ROWID) grouping tables and
    sqlite-utils' plain insert trigger until opened: grouping, re-parse and full-text search must still hold."""
    path = tmp_path / "t.db"
    connect(path).conn.executescript(OLD_LAYOUT)
    db = connect(path)  # what the next ingest does first
    trigger = db.execute("select sql from sqlite_master where name = 'claims_ai'").fetchone()[0]
    assert "_fts_batch" in trigger
    assert (
        db.execute("select count(*) from sqlite_master where name = 'claim_group_members_article'").fetchone()[0] == 0
    )
    a1 = article(
        "a1",
        "2019-07-12",
        "Reuters",
        claim("c1", "Turkey paid $2.5 billion for four S-400 batteries.", [money("$2.5 billion", 2.5e9)], S400),
    )
    store(
        db,
        a1,
        article(
            "a2", "2019-07-15", "AP", claim("c1", "The S-400 deal cost Turkey $2.5bn.", [money("$2.5bn", 2.5e9)], S400)
        ),
    )
    store(
        db,
        article(
            "a3",
            "2019-07-20",
            "Sabah",
            claim("c1", "Turkey paid $2 billion for four S-400 batteries.", [money("$2 billion", 2e9)], S400),
        ),
    )
    a1.article.body += " Corrected."
    store(db, a1)  # a re-parse
    assert_consistent(db)
    assert db.execute("select count(distinct group_id) from claim_group_members").fetchone()[0] == 2
    assert db["claim_conflicts"].count == 1
    assert db.execute("select count(*) from claims_fts where claims_fts match 'batteries'").fetchone()[0] == 2
    db.execute("insert into claims_fts(claims_fts) values ('integrity-check')")


def test_ingest_gives_the_same_rows_whatever_the_batch_size_and_workers(tmp_path):
    """Every rule (conflict caps, figures compared, broad entities, group ids, a speaker's role) is defined by
    input order, so batches of 1, 13 and 100 articles on one or two workers store the same rows."""
    from tests.dist.corpus import contents, write_jsonl
    from tracker.store.ingest import ingest

    src = write_jsonl(tmp_path / "in.jsonl", 240)
    runs = {}
    for workers, batch in ((1, 100), (2, 13), (1, 1)):
        path = tmp_path / f"{workers}-{batch}.db"
        ingest([str(src)], path, workers=workers, batch_size=batch)
        runs[(workers, batch)] = contents(path)
    first, *rest = runs.values()
    for other in rest:
        for table in first:
            assert other[table] == first[table], table
    # the corpus exercises what used to depend on the batch: capped conflicts, speakers with several roles
    db = connect(tmp_path / "1-100.db")
    per_claim = db.execute(
        "select max(n) from (select c, count(*) as n from (select claim_id as c from claim_conflicts "
        "union all select other_claim_id from claim_conflicts) group by c)"
    ).fetchone()[0]
    assert per_claim > grouping.MAX_CONFLICTS_PER_CLAIM
    assert db.execute("select count(*) from speakers where role is not null").fetchone()[0] >= 3
    assert db["claim_conflicts"].count > 1000


def test_one_unit_written_two_ways_is_one_fact_and_the_conflict_names_it_once(tmp_path):
    """ "40 kilometers" and "55 km" are figures in one unit: they conflict, and the conflict's unit is "km"; a counted
    noun is compared and shown in the singular ("countries" → "country", not "countrie")."""

    def q(text, value, unit):
        return Quantity(text=text, start=0, end=len(text), value=value, unit=unit, kind="quantity")

    road = [ent("Kenya"), ent("Mombasa", "city")]
    db = connect(tmp_path / "t.db")
    store(
        db,
        article(
            "a1",
            "2021-03-01",
            "R",
            claim(
                "c1",
                "The new Mombasa road in Kenya is 40 kilometers long.",
                [q("40 kilometers", 40, "kilometers")],
                road,
            ),
        ),
        article(
            "a2",
            "2021-03-02",
            "AP",
            claim("c1", "The new Mombasa road in Kenya is 55 km long.", [q("55 km", 55, "km")], road),
        ),
        article(
            "a3",
            "2021-03-03",
            "R",
            claim(
                "c1",
                "Troops from 12 countries joined the Kenya and Mombasa mission.",
                [q("12 countries", 12, "countries")],
                road,
            ),
        ),
        article(
            "a4",
            "2021-03-04",
            "AP",
            claim(
                "c1",
                "Troops from 15 countries joined the Kenya and Mombasa mission.",
                [q("15 countries", 15, "countries")],
                road,
            ),
        ),
    )
    assert sorted(r[0] for r in db.execute("select unit from claim_conflicts")) == ["country", "km"]
    # the figures themselves keep the unit as the article wrote it
    assert sorted(r[0] for r in db.execute("select distinct unit from quantities")) == ["countries", "kilometers", "km"]


def _one_road_in_two_units(path):
    """Two articles giving one road's length in kilometers and in km: one conflict under today's unit names."""
    db = connect(path)
    kenya = [ent("Kenya"), ent("Mombasa", "city")]

    def unit(v, u):
        return Quantity(text=f"{v} {u}", start=0, end=1, value=v, unit=u, kind="quantity")

    store(
        db,
        article(
            "a1",
            "2021-03-01",
            "R",
            claim("c1", "The new Mombasa road in Kenya is 40 kilometers long.", [unit(40, "kilometers")], kenya),
        ),
        article(
            "a2",
            "2021-03-02",
            "AP",
            claim("c1", "The new Mombasa road in Kenya is 55 km long.", [unit(55, "km")], kenya),
        ),
    )
    return db


def test_a_database_grouped_under_other_rules_is_regrouped_when_opened(tmp_path):
    """Keys stored under the old unit names never meet new ones, so the groups are made again from the stored
    claims, once, with a line saying so; the result is what grouping under today's rules gives."""
    path = tmp_path / "t.db"
    db = _one_road_in_two_units(path)
    fresh = (sorted(map(sorted, _partition(db))), db["claim_conflicts"].count)
    assert fresh[1] == 1
    # as an earlier version left it: no conflict (the units did not meet) and no recorded rules version
    db.execute("delete from claim_conflicts")
    db.execute("drop table claim_grouping_rules")
    db.conn.commit()
    seen = []
    assert grouping.ensure_rules(db, echo=seen.append) is True
    assert seen == [
        "regrouping the claims of 2 articles: they were grouped under rules version 1, this is version 2",
        "regrouped 2 of 2 articles",
    ]
    assert (sorted(map(sorted, _partition(db))), db["claim_conflicts"].count) == fresh
    assert_consistent(db)
    # once recorded, opening again does nothing; nor does a bulk load that has not finished
    assert grouping.ensure_rules(db, echo=seen.append) is False
    db.execute("update claim_grouping_rules set version = 1")
    db.conn.commit()
    assert grouping.ensure_rules(db, skip={"some_index"}, echo=seen.append) is False
    assert len(seen) == 2


def test_only_ingest_and_serve_regroup_an_old_database_and_ingest_says_so(tmp_path):
    """Opening a database (an annotation, a query) never starts a regroup, which takes minutes at scale and holds
    the write lock; `tracker ingest` does it first, under its lock, and says so."""
    from click.testing import CliRunner

    from tests.conftest import EXAMPLE
    from tracker.cli import cli

    path = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(path), "-q"]).exit_code == 0
    db = connect(path)
    assert db.execute("select version from claim_grouping_rules").fetchall() == [(grouping.RULES_VERSION,)]
    db.execute("drop table claim_grouping_rules")  # as a database grouped before the version was noted
    db.conn.commit()
    db = connect(path)  # opening it notes nothing and regroups nothing
    assert db.execute("select count(*) from claim_grouping_rules").fetchone()[0] == 0
    r = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(path)])
    assert r.exit_code == 0, r.output
    assert "regrouping the claims of 1 article: they were grouped under rules version 1" in r.stderr
    assert connect(path).execute("select version from claim_grouping_rules").fetchall() == [(grouping.RULES_VERSION,)]


def test_serve_says_the_groups_are_behind_and_does_not_wait_for_a_regroup(tmp_path, monkeypatch):
    """A regroup takes as long as grouping the corpus did: `tracker serve` tells, the next ingest does it."""
    from click.testing import CliRunner

    import tracker.web.serve as serve_mod
    from tests.conftest import EXAMPLE
    from tracker.cli import cli

    path = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(path), "-q"]).exit_code == 0
    db = connect(path)
    assert grouping.rules_behind(db) is None
    db.execute("update claim_grouping_rules set version = 1")
    db.conn.commit()
    assert grouping.rules_behind(db) == 1
    monkeypatch.setattr(serve_mod, "serve", lambda db, host, port, extra: 0)
    monkeypatch.setattr(serve_mod, "port_in_use", lambda host, port: False)
    r = CliRunner().invoke(cli, ["serve", "--db", str(path)])
    assert r.exit_code == 0, r.output
    assert "claim groups were made under grouping rules version 1 (this is version 2)" in r.stderr
    assert connect(path).execute("select version from claim_grouping_rules").fetchall() == [(1,)]


def test_a_regroup_cut_short_is_made_again_by_the_next_ingest(tmp_path, monkeypatch):
    """The old version stays noted until the regroup ends: a regroup killed half way (its deletes committed)
    is not taken for a finished one."""
    path = tmp_path / "t.db"
    db = _one_road_in_two_units(path)
    fresh = (sorted(map(sorted, _partition(db))), db["claim_conflicts"].count)
    db.execute("update claim_grouping_rules set version = 1")
    db.conn.commit()

    def killed(db, progress=None):
        with db.conn:
            for t in ("claim_conflicts", "claim_group_members", "claim_groups"):
                db.execute(f"delete from {t}")
        raise KeyboardInterrupt

    monkeypatch.setattr(grouping, "rebuild", killed)
    try:
        grouping.ensure_rules(db)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    db = connect(path)
    assert db["claim_group_members"].count == 0 and grouping.rules_behind(db) == 1
    assert grouping.ensure_rules(db) is True
    assert (sorted(map(sorted, _partition(db))), db["claim_conflicts"].count) == fresh
    assert grouping.rules_behind(db) is None
