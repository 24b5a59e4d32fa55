"""Where each kind of thing lives on the site: one function, so that every page links to the same place.

Called for every linked cell of every page (10,000 on a page of 500 conflicts), so the path of each table is
worked out once per database (Datasette's settings, base_url included, are fixed when it starts) and an id
that needs no escaping (the slugs and hashes the tracker makes) is used as it is, in the URL and in the HTML.
"""

from __future__ import annotations

import re
from urllib.parse import quote_plus

from datasette.utils import tilde_encode
from markupsafe import Markup, escape

TABLE_OF = {"claim": "claims", "quote": "quotes", "article": "articles", "speaker": "speakers"}
GROUP_QUERY = "claim_group"
PLAIN = re.compile(r"[A-Za-z0-9_-]+")  # what tilde_encode leaves as it is
SAFE_URL = re.compile(r"[A-Za-z0-9_~./?=:%+-]+")  # nothing HTML escapes


def _prefixes(datasette, database: str) -> dict[str, str]:
    cache = datasette.__dict__.setdefault("_tracker_link_prefixes", {})
    found = cache.get(database)
    if found is None:
        # plain str: Datasette's URL strings add with a Python-level __add__, a cost in every cell
        found = {kind: str(datasette.urls.table(database, table)) + "/" for kind, table in TABLE_OF.items()}
        found["group"] = str(datasette.urls.query(database, GROUP_QUERY)) + "?group="
        cache[database] = found
    return found


def url(datasette, database: str, kind: str, value) -> str:
    """The page of a claim, quote, article or speaker (its row page) or of a claim group (the claim_group
    stored query with the group filled in)."""
    prefix = _prefixes(datasette, database)[kind]
    if kind == "group":
        return prefix + (str(value) if isinstance(value, int) else quote_plus(str(value)))
    text = str(value)
    return prefix + (text if PLAIN.fullmatch(text) else tilde_encode(text))


def anchor(datasette, database: str, kind: str, value, css_class: str, text=None, title=None) -> Markup:
    """`<a href="(the page of value)" class="css_class">text</a>`, text being the id itself unless given (and a
    title attribute when given). An id of plain characters in a URL of plain characters needs no escaping, which
    is most of them."""
    href = url(datasette, database, kind, value)
    label = str(value) if text is None else text
    hint = "" if title is None else f' title="{escape(title)}"'
    if isinstance(label, str) and PLAIN.fullmatch(label) and SAFE_URL.fullmatch(href):
        return Markup(f'<a href="{href}" class="{css_class}"{hint}>{label}</a>')
    return Markup(f'<a href="{escape(href)}" class="{css_class}"{hint}>{escape(label)}</a>')
