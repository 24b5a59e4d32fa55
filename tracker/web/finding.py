"""Finding things: the questions researchers ask first, listed first, in words.

Datasette lists stored queries alphabetically (five on the database page), shows a description's backticks as
they are and names a stored query's page after its SQL. This module gives the home and database pages the key
queries first with their descriptions rendered, the full list without the `annotate` write query (a form
endpoint, not something to read), and the claim_groups table its useful default: facts that appeared in two or
more articles, with every group one click away (`?_groups=all`).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from markupsafe import Markup, escape

from tracker.review import annotations as ann

# Shown first, in this order; `key_queries` in the plugin configuration replaces the list.
KEY_QUERIES = ("claims_with_money", "check_worthy_claims", "conflicting_figures", "repeated_claims", "speaker_timeline")
HIDDEN_QUERIES = {ann.QUERY_NAME}
GROUPS_TABLE = "claim_groups"
ALL_GROUPS_ARG = "_groups"
CODE = re.compile(r"`([^`]+)`")


def describe(text: str | None) -> Markup:
    """Plain description text as HTML: escaped, with `code` spans rendered as <code>."""
    return Markup(CODE.sub(r"<code>\1</code>", str(escape(text or ""))))


def key_query_names(datasette) -> list[str]:
    configured = (datasette.plugin_config("tracker") or {}).get("key_queries")
    return list(configured or KEY_QUERIES)


async def listed_queries(datasette, database: str, actor) -> tuple[list[dict], list[dict]]:
    """(key queries in their set order, every other readable query by title), the write query left out."""
    page = await datasette.list_queries(database, actor=actor, limit=500, include_private=True)
    shown = []
    for q in page.queries:
        if q.name in HIDDEN_QUERIES or q.is_write:
            continue
        shown.append(
            {
                "name": q.name,
                "title": q.title or q.name.replace("_", " "),
                "description": Markup(q.description_html) if q.description_html else describe(q.description),
                "url": datasette.urls.query(database, q.name),
                "private": q.is_private,
                "parameters": list(q.parameters),
            }
        )
    by_name = {q["name"]: q for q in shown}
    keys = [by_name[n] for n in key_query_names(datasette) if n in by_name]
    rest = sorted((q for q in shown if q["name"] not in {k["name"] for k in keys}), key=lambda q: q["title"].lower())
    return keys, rest


def groups_default_applies(request, table: str) -> bool:
    """claim_groups shows facts in two or more articles unless the reader asked for all groups or filtered on
    the articles column themselves."""
    if table != GROUPS_TABLE or request.args.get(ALL_GROUPS_ARG) == "all":
        return False
    return not any(key == "articles" or key.startswith("articles__") for key in request.args)


def more_link(datasette, request, columns, display_rows) -> dict | None:
    """{"label", "url"} of the next page of a stored query shown a page at a time (`paged_queries` in the plugin
    configuration), when this page is full; None otherwise. The next page is the same URL with the query's
    paging parameter set to the paging column of the last row shown (its text: the cell as displayed), or, when
    `column` is a list, to those columns' texts joined by commas: a cursor in the query's total order, so that a
    page cut inside a run of equal first values (a busy day) neither skips nor repeats a row. The label shows
    the first column's text."""
    name = ((getattr(request, "url_vars", None) or {}).get("table")) if request else None
    spec = ((datasette.plugin_config("tracker") or {}).get("paged_queries") or {}).get(name or "")
    if not spec or len(display_rows) < int(spec["size"]):
        return None
    wanted = spec["column"] if isinstance(spec["column"], list) else [spec["column"]]
    if any(c not in columns for c in wanted):
        return None
    last = display_rows[-1]
    values = [str(Markup(str(last[list(columns).index(c)])).striptags()) for c in wanted]
    if not all(values):
        return None
    args = [(k, v) for k in request.args.keys() if k != spec["parameter"] for v in request.args.getlist(k)]
    args.append((spec["parameter"], ",".join(values)))
    label = f"{spec.get('label') or 'More'} (before {values[0]})"
    return {"label": label, "url": request.path + "?" + urlencode(args, safe=",")}


def template_vars(datasette, database, view_name, request):
    """`tracker_queries()` for the database page template, `tracker_more(columns, display_rows)` for the
    stored query pages (Datasette renders both as view "database")."""
    if view_name != "database" or database is None:
        return None

    async def tracker_queries():
        return await listed_queries(datasette, database, request.actor if request else None)

    def tracker_more(columns, display_rows):
        return more_link(datasette, request, columns, display_rows)

    return {"tracker_queries": tracker_queries, "tracker_more": tracker_more}


def missing_parameters(datasette, query_name: str, request) -> list[tuple[str, str]]:
    """(parameter, what to type) for each required parameter of this stored query left empty."""
    required = ((datasette.plugin_config("tracker") or {}).get("required_parameters") or {}).get(query_name) or {}
    return [(name, hint) for name, hint in required.items() if not (request.args.get(name) or "").strip()]


def prompt(missing: list[tuple[str, str]]) -> Markup:
    """What to fill in, instead of a table of every row or of none."""
    asks = Markup("; ").join(Markup("<strong>{}</strong>: {}").format(name, hint) for name, hint in missing)
    return Markup(
        '<p class="tracker-prompt" role="status">This query needs {}. Fill it in below and press <em>Run SQL</em>.</p>'
    ).format(asks)
