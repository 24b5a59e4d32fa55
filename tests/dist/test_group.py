"""The batch grouping on a hand-made run (no extraction): components across partitions by label propagation,
group ids numbered as ingest numbers them (by the claims that start a group, in input order)."""

from __future__ import annotations

import json

import pyarrow.parquet as pq

from tracker.dist.chunk import order
from tracker.dist.group import group, layout_of
from tracker.dist.tables import write_part


def _run(tmp_path, chunks: list[list[tuple[str, list[int]]]]) -> str:
    """A run whose chunk n holds the claims chunks[n]: (claim id, its keys)."""
    run = str(tmp_path / "run")
    for n, claims in enumerate(chunks):
        rows = [
            {"key": k, "ord": order(n, i), "claim_id": cid, "article_id": cid, "published": None, "how": "figure"}
            for i, (cid, keys) in enumerate(claims)
            for k in keys
        ]
        write_part(run, "claim_keys", n, rows)
        write_part(run, "claim_subjects", n, [])
        write_part(run, "entities", n, [])
    return run


def _members(run: str) -> dict[str, tuple[int, str, list[int]]]:
    rows = pq.read_table(f"{run}/claim_group_members").to_pylist()
    return {r["claim_id"]: (r["group_id"], r["match"], json.loads(r["keys"])) for r in rows}


def test_a_chain_met_backwards_is_one_group_across_partitions(tmp_path):
    # c0 holds keys 8 and 7, c1 7 and 6, ... c7 1 and 0: each meets only the one before it, so the first
    # claim's label walks the whole chain; a lone claim and a late merge sit between
    chain = [(f"c{i}", [8 - i, 7 - i]) for i in range(8)]
    chunks = [
        chain[0:2] + [("lone", [100])],
        chain[2:4] + [("x1", [200])],
        chain[4:6] + [("x2", [300])],
        chain[6:8] + [("x3", [200, 300]), ("after", [400])],
    ]
    run = _run(tmp_path, chunks)
    s = group(run, buckets=3)
    assert layout_of(run).partitions == 4
    assert s.iterations >= 4  # the label went hop by hop
    got = _members(run)
    assert {c: got[c][0] for c, _ in chain} == {c: 1 for c, _ in chain}
    assert got["c0"][1] == "first" and {got[c][1] for c, _ in chain[1:]} == {"figure"}
    assert got["c3"][2] == [4, 5]
    # starts in input order: c0 (1), lone (2), x1 (3), x2 (4), after (5); x3 joins x1 and x2 under x1's id,
    # and x2's id is not given again (as in ingest, where the groups merged away keep their numbers)
    assert (got["lone"][0], got["x1"][0], got["x2"][0], got["x3"][0], got["after"][0]) == (2, 3, 3, 3, 5)
    assert got["x3"][1] == "figure"
    assert pq.read_table(f"{run}/claim_group_ids").to_pylist() == [{"next": 6}]
    groups = {g["id"]: g for g in pq.read_table(f"{run}/claim_groups").to_pylist()}
    assert sorted(groups) == [1, 2, 3, 5] and groups[3]["appearances"] == 3 and groups[1]["first_claim_id"] == "c0"


def test_the_same_groups_whatever_the_buckets(tmp_path):
    chunks = [[(f"a{n}-{i}", [n * 10 + i, (n * 10 + i * 7) % 23]) for i in range(5)] for n in range(4)]
    found = []
    for buckets in (1, 2, 5):
        run = _run(tmp_path / str(buckets), chunks)
        group(run, buckets=buckets)
        found.append(_members(run))
    assert found[0] == found[1] == found[2]
    assert len({g for g, _m, _k in found[0].values()}) < 20
