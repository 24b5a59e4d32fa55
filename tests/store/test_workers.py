"""The extraction pool: results in order, and a process that dies costs the item it died on only."""

import os

from tracker.read.formats import ReadError
from tracker.records import Article
from tracker.store.workers import DIED, Workers


def _square_or_die(item):
    article, _aid, _digest, _path = item
    if article.title == "die":
        os._exit(9)
    return int(article.body) ** 2


def _item(title, body):
    return (Article(title=title, body=body, path=f"f.jsonl:{body}"), "id", "hash", "f.jsonl")


def test_results_in_order_and_the_item_a_process_died_on_is_its_error():
    workers = Workers(2, _square_or_die)
    try:
        work = [_item("ok", "2"), _item("ok", "3")]
        assert workers.results(workers.submit(work)) == [4, 9]
        work = [_item("ok", "4"), _item("die", "5"), _item("ok", "6")]
        assert workers.results(workers.submit(work)) is None  # a process died: the pool would wait forever
        workers.restart()
        got = workers.one_by_one(work)
        assert got[0] == 16 and got[2] == 36
        assert isinstance(got[1], ReadError) and str(got[1]) == f"f.jsonl:5: {DIED}"
        assert not workers.died()  # a fresh pool after the death
    finally:
        workers.terminate()
