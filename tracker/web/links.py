"""Where each kind of thing lives on the site: one function, so that every page links to the same place.

Called for every linked cell of every page (10,000 on a page of 500 conflicts), so the path of each table is
worked out once per database and an id that needs no escaping (the slugs and hashes the tracker makes) is
used as it is.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from datasette.utils import tilde_encode

TABLE_OF = {"claim": "claims", "quote": "quotes", "article": "articles", "speaker": "speakers"}
GROUP_QUERY = "claim_group"
PLAIN = re.compile(r"[A-Za-z0-9_-]+")  # what tilde_encode leaves as it is


def _prefixes(datasette, database: str) -> dict[str, str]:
    cache = datasette.__dict__.setdefault("_tracker_link_prefixes", {})
    key = (database, datasette.setting("base_url"))
    found = cache.get(key)
    if found is None:
        found = {kind: datasette.urls.table(database, table) + "/" for kind, table in TABLE_OF.items()}
        found["group"] = datasette.urls.query(database, GROUP_QUERY) + "?"
        cache[key] = found
    return found


def url(datasette, database: str, kind: str, value) -> str:
    """The page of a claim, quote, article or speaker (its row page) or of a claim group (the claim_group
    stored query with the group filled in)."""
    prefix = _prefixes(datasette, database)[kind]
    if kind == "group":
        return prefix + urlencode({"group": value})
    text = str(value)
    return prefix + (text if PLAIN.fullmatch(text) else tilde_encode(text))
