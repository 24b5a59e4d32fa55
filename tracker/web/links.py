"""Where each kind of thing lives on the site: one function, so that every page links to the same place."""

from __future__ import annotations

from urllib.parse import urlencode

from datasette.utils import tilde_encode

TABLE_OF = {"claim": "claims", "quote": "quotes", "article": "articles", "speaker": "speakers"}
GROUP_QUERY = "claim_group"


def url(datasette, database: str, kind: str, value) -> str:
    """The page of a claim, quote, article or speaker (its row page) or of a claim group (the claim_group
    stored query with the group filled in)."""
    if kind == "group":
        return datasette.urls.query(database, GROUP_QUERY) + "?" + urlencode({"group": value})
    return datasette.urls.row(database, TABLE_OF[kind], tilde_encode(str(value)))
