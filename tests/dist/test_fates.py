"""Which copy of a repeated article a run keeps: ingest's rule (first copy's id; an unchanged copy skipped; a
changed one replaces the stored copy, whose claims die at the replacing copy's place), and re-keying."""

from __future__ import annotations

from tracker.dist.fates import identity_key, rekey, settle


def _copy(ord_: int, aid: str, digest: str) -> dict:
    return {"ord": ord_, "id": aid, "hash": digest}


def test_a_copy_with_the_stored_text_is_dropped_and_a_changed_one_replaces_it():
    fates = settle([_copy(50, "b-2", "h2"), _copy(10, "a-1", "h1"), _copy(30, "a-1", "h1"), _copy(70, "c-3", "h1")])
    assert fates == [
        {"ord": 10, "stored_id": "a-1", "dropped": False, "replaces": False, "dies": 50},
        {"ord": 30, "stored_id": "a-1", "dropped": True, "replaces": False, "dies": None},
        # a changed headline under the same URL: a new slug, stored under the first copy's id
        {"ord": 50, "stored_id": "a-1", "dropped": False, "replaces": True, "dies": 70},
        # changed back: the text differs from the one stored now (the second), so it replaces again
        {"ord": 70, "stored_id": "a-1", "dropped": False, "replaces": True, "dies": None},
    ]


def test_identity_is_the_url_else_the_id():
    assert identity_key("report-1-ab", "https://x.org/1") == identity_key("updated-report-1-cd", "https://x.org/1")
    assert identity_key("report-1-ab", None) != identity_key("report-1-cd", None)
    assert identity_key("report-1-ab", None) == identity_key("report-1-ab", "")


def test_rekey_moves_the_article_and_every_id_made_from_it():
    row = {"id": "new-9-c1", "article_id": "new-9", "quote_id": "new-9-q2", "claim_id": None, "text": "new-9 x"}
    rekey(row, "new-9", "old-1")
    assert row == {"id": "old-1-c1", "article_id": "old-1", "quote_id": "old-1-q2", "claim_id": None, "text": "new-9 x"}
    article = {"id": "new-9", "url": "https://x.org/1"}
    rekey(article, "new-9", "old-1")
    assert article == {"id": "old-1", "url": "https://x.org/1"}
