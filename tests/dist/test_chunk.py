"""The per-chunk function: pure, in input order, and carrying what the batch grouping needs."""

from __future__ import annotations

from tests.dist.corpus import articles
from tracker.dist.chunk import chunk_rows, order
from tracker.parse import clean_record, extract_article
from tracker.read.formats import ReadError, record_from_mapping
from tracker.store.conflicts import by_unit
from tracker.store.db import article_key, content_hash, rows_for


def _records(n: int):
    return [record_from_mapping(a, f"in.jsonl:{i + 1}", "jsonl") for i, a in enumerate(articles(n, seed=5))]


def _without_times(rows):
    return {
        t: [{k: v for k, v in r.items() if k not in ("ingested_at", "updated_at")} for r in rs]
        for t, rs in rows.items()
    }


def test_the_same_records_give_the_same_rows():
    assert _without_times(chunk_rows(_records(12), 3)) == _without_times(chunk_rows(_records(12), 3))


def test_rows_carry_their_input_order_and_the_grouping_inputs():
    records = [*_records(6), ReadError("in.jsonl:7", "malformed JSON (x)")]
    rows = chunk_rows(records, 2, path="in.jsonl")
    assert [a["ord"] for a in rows["articles"]] == [order(2, i) for i in range(6)]
    assert order(2, 5, 3) == (2 << 40) | (5 << 16) | 3
    assert rows["errors"] == [{"chunk": 2, "where": "in.jsonl:7", "reason": "malformed JSON (x)", "stage": "read"}]
    ords = [c["ord"] for c in rows["claims"]]
    assert ords == sorted(ords) and len(set(ords)) == len(ords)
    # the grouping inputs are the ones ingest computes from the same article
    article = clean_record(records[0])
    ref = rows_for(extract_article(article), article_key(article), content_hash(article))
    first = {c["id"] for c in ref["claims"]}
    keys = {(r["claim_id"], r["key"], r["how"]) for r in rows["claim_keys"] if r["claim_id"] in first}
    assert keys == {(cid, k, how) for cid, ks in ref["claim_keys"].items() for k, how in ks}
    subjects = [r for r in rows["claim_subjects"] if r["claim_id"] in first]
    assert subjects and {(r["claim_id"], r["key"]) for r in subjects} == {
        (cid, k) for cid, (ks, _f) in ref["claim_subjects"].items() for k, _u, _v in ks
    }
    for r in subjects:
        figs = by_unit(ref["claim_subjects"][r["claim_id"]][0])[r["unit"]]
        assert list(zip(r["positions"], r["values"])) == figs
        assert r["frame"] == sorted(ref["claim_subjects"][r["claim_id"]][1])
