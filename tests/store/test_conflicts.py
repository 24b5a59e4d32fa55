"""The conflict rule between two claims, and that ingest applies it by input order whatever the batches."""

from __future__ import annotations

from tests.store.test_grouping import S400, article, claim, ent, money
from tracker.store import conflicts
from tracker.store.conflicts import by_unit, first_disagreement, keep_first
from tracker.store.db import connect, rows_for, status_of, write_rows


def test_figures_by_unit_keep_their_positions():
    keys = [(1, "USD", 2.5e9), (2, "USD", 2.5e9), (1, "percent", 30.0), (3, "USD", 1e9)]
    assert by_unit(keys) == {"USD": [(0, 2.5e9), (2, 1e9)], "percent": [(1, 30.0)]}


def test_every_figure_is_compared_and_the_first_disagreement_is_kept():
    later = {"USD": [(0, 2.5e9), (2, 1e9)], "percent": [(1, 30.0)]}
    # every figure of the earlier claim is compared, in its order
    assert first_disagreement({"USD": [(0, 2.5e9)]}, {"USD": [20e9, 4e9, 2e9]}, ["USD"]) == ("USD", 2.5e9, 4e9)
    # a figure the earlier claim states too agrees, even beside one it does not
    assert first_disagreement({"USD": [(0, 2.5e9)]}, {"USD": [2e9, 2.5e9]}, ["USD"]) is None
    assert first_disagreement(later, {"USD": [2.5e9, 1e9]}, ["USD"]) is None
    # the later claim's figures in order: its percent (position 1) before its second USD figure (position 2)
    assert first_disagreement(later, {"USD": [2.5e9], "percent": [20.0]}, ["USD", "percent"]) == (
        "percent",
        30.0,
        20.0,
    )
    # only the units the two claims meet in count
    assert first_disagreement(later, {"USD": [2.5e9], "percent": [20.0]}, ["USD"]) == ("USD", 1e9, 2.5e9)
    assert first_disagreement(later, {"USD": [20e9]}, ["USD"]) is None  # beyond five times: not the same quantity


def test_keep_first_keeps_the_first_five_conflicts_in_order():
    rows = [None, ("a",), ("b",), None, ("c",), ("d",), ("e",), ("f",)]
    assert keep_first(rows) == [("a",), ("b",), ("c",), ("d",), ("e",)]
    assert conflicts.MAX_CONFLICTS_PER_CLAIM == 5


def _s400(i: int, billions: float):
    text = f"Turkey paid ${billions:g} billion for four S-400 batteries."
    return article(f"a{i}", f"2019-07-{10 + i:02d}", "Reuters", claim("c1", text, [money("x", billions * 1e9)], S400))


def _ingest_in_batches(path, arts, size):
    db = connect(path)
    memo: dict = {}
    for i in range(0, len(arts), size):
        batch = []
        for p in arts[i : i + size]:
            aid, digest, status = status_of(db, p.article)
            batch.append((rows_for(p, aid, digest), aid, status))
        write_rows(db, batch, memo=memo)
    return db


def test_a_claim_keeps_its_first_five_earlier_conflicts_whatever_the_batches(tmp_path):
    # eight earlier claims all disagreeing with the last one (and some with each other)
    values = [1.0, 1.1, 1.2, 1.3, 1.4, 1.6, 1.7, 1.8, 3.0]
    arts = [_s400(i, v) for i, v in enumerate(values)]
    found = []
    for size in (1, 4, len(arts)):
        db = _ingest_in_batches(tmp_path / f"{size}.db", arts, size)
        last = db.execute("select id from claims where text like '%$3 billion%'").fetchone()[0]
        found.append(
            db.execute(
                "select c.text from claim_conflicts x join claims c "
                "on c.id = (case when x.claim_id = ? then x.other_claim_id else x.claim_id end) "
                "where ? in (x.claim_id, x.other_claim_id) order by c.published",
                [last, last],
            ).fetchall()
        )
    assert found[0] == found[1] == found[2]
    assert [t for (t,) in found[0]] == [f"Turkey paid ${v:g} billion for four S-400 batteries." for v in values[:5]]


def test_an_entity_is_broad_by_the_kind_it_was_first_stored_with(tmp_path):
    """ "Golden Horn" is a place in the first article that names it, a project in a later one: it stays broad,
    so two claims sharing only it and a quarter of their wording are no conflict, in one batch or two."""
    horn_place, horn_project = ent("Golden Horn", "place"), ent("Golden Horn", "project")
    a0 = article("a0", "2019-01-01", "AP", claim("c1", "Ships crowd the Golden Horn.", [], [horn_place]))
    a1 = article(
        "a1",
        "2019-01-02",
        "AP",
        claim(
            "c1", "Dredging the Golden Horn harbour will cost $2 billion next year.", [money("x", 2e9)], [horn_project]
        ),
    )
    a2 = article(
        "a2",
        "2019-01-03",
        "DW",
        claim("c1", "Officials put Golden Horn dredging at $3 billion in total.", [money("x", 3e9)], [horn_project]),
    )
    for size in (1, 3):
        db = _ingest_in_batches(tmp_path / f"{size}.db", [a0, a1, a2], size)
        assert db.execute("select kind from entities where id = 'golden-horn'").fetchone()[0] == "place"
        assert db["claim_conflicts"].count == 0
    # where it is first named as a project, it is specific and the same two claims conflict
    db = _ingest_in_batches(tmp_path / "project-first.db", [a1, a2], 2)
    assert db["claim_conflicts"].count == 1
