"""Every id a link, every figure in words: one `render_cell` for all tables, views and stored queries.

Datasette links a column only when it is a declared foreign key, so claim ids in views and stored queries
(`claim_conflicts_side_by_side.claim_id_a`, `current_verdicts.target_id`, `claim_groups.first_claim_id`,
`claims.quote_id`...) were plain text. What an id names is read from its column's name, which the schema
keeps consistent; a bare `id` takes its meaning from the table, or from the stored query it is in. Only HTML
cells go through here: CSV and JSON keep the raw values.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from tracker.web import humanize, links

# Column name -> what the id in it names.
ID_COLUMNS = {
    "claim_id": "claim",
    "claim_id_a": "claim",
    "claim_id_b": "claim",
    "other_claim_id": "claim",
    "first_claim_id": "claim",
    "quote_id": "quote",
    "article_id": "article",
    "speaker_id": "speaker",
    "group_id": "group",
    "group_a": "group",
    "group_b": "group",
}
# A bare `id`: in a table, the table says what it is; in a stored query, the query does.
ID_OF_TABLE = {
    "claims": "claim",
    "quotes": "quote",
    "articles": "article",
    "speakers": "speaker",
    "claim_groups": "group",
}
ID_OF_QUERY = {
    "check_worthy_claims": "claim",
    "claims_about_entity": "claim",
    "quotes_by_speaker": "quote",
    "claims_with_verdict": "claim",
    "quotes_with_verdict": "quote",
}
FIGURE_COLUMNS = {"value", "value_a", "value_b", "other_value", "lower", "upper"}
# A claim's text beside its id (the conflicts view, stored queries): the text links to the claim too.
TEXT_OF_CLAIM = {"claim_a": "claim_id_a", "claim_b": "claim_id_b", "claim": "claim_id"}
TABLE_COLUMNS = {"id", "target_id", "appearances"} | FIGURE_COLUMNS | set(TEXT_OF_CLAIM)
# The pages that show two claims side by side: their claim id columns show only the id's last part (the claim's
# own hash, `c535da7672c`), the full id in the link's title, so that slugs of 80 characters neither take a
# column of their own nor, broken to fit, stand one letter a line. The claim texts beside them link as well.
SIDE_BY_SIDE = {"claim_conflicts_side_by_side", "conflicting_figures"}
SHORT_ID_COLUMNS = {"claim_id_a", "claim_id_b"}
CSS_OF = {kind: f"tracker-id tracker-{kind}" for kind in ("claim", "quote", "article", "speaker", "group")}


def _get(row, key):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _query_name(request) -> str | None:
    vars_ = getattr(request, "url_vars", None) or {}
    return vars_.get("table")


def kind_of(column: str, row, table: str | None, request) -> str | None:
    """What the id in this cell names (claim, quote, article, speaker, group), or None."""
    kind = ID_COLUMNS.get(column)
    if kind:
        return kind
    if column == "target_id":
        target = _get(row, "target_type")
        return target if target in ("claim", "quote") else None
    if column != "id":
        return None
    if table:
        return ID_OF_TABLE.get(table) or ID_OF_QUERY.get(table)
    row_type = _get(row, "type")
    if row_type in ("claim", "quote"):
        return row_type
    return ID_OF_QUERY.get(_query_name(request) or "")


def short_id(value: str) -> str:
    """An id's last hyphenated part (`...-ca58687c-c535da7672c` -> `c535da7672c`), or the id when it has none."""
    return value.rsplit("-", 1)[-1] or value


def figure_cell(column: str, row, table: str | None, value):
    """A figure column in words, with the raw number in the title; None when the cell is not a figure."""
    if table == "claim_dates" and column == "value":
        return Markup(f'<span title="{escape(value)}">{escape(humanize.date(value))}</span>')
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if table in ("claim_conflicts_side_by_side", "claim_conflicts", "claim_groups", "quantities") or table is None:
        unit, currency = _get(row, "unit"), _get(row, "currency")
        if unit is None and currency is None and table is None:
            return None  # a stored query's `value` without a unit beside it: no way to say what it counts
        text = escape(humanize.figure(value, unit, currency))
        return Markup(f'<span class="tracker-figure" title="{value!r}">{text}</span>')
    return None


def render(row, value, column, table, database, datasette, request):
    if column not in ID_COLUMNS and column not in TABLE_COLUMNS:
        return None  # called for every cell of every page: leave the others at once
    if value is None or value == "" or isinstance(value, dict):
        return None  # empty, or a foreign key Datasette already links with its label
    if column in FIGURE_COLUMNS:
        return figure_cell(column, row, table, value)
    if column in TEXT_OF_CLAIM:
        claim_id = _get(row, TEXT_OF_CLAIM[column])
        if not claim_id or not isinstance(value, str):
            return None
        return links.anchor(datasette, database, "claim", claim_id, "tracker-claim-text", value)
    if column == "appearances":
        if table != "claim_groups":
            return None
        url = links.url(datasette, database, "group", _get(row, "id"))
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    if column in SHORT_ID_COLUMNS and (table or _query_name(request)) in SIDE_BY_SIDE and isinstance(value, str):
        return links.anchor(datasette, database, "claim", value, "tracker-id tracker-claim", short_id(value), value)
    kind = kind_of(column, row, table, request)
    if kind is None:
        return None
    return links.anchor(datasette, database, kind, value, CSS_OF[kind])
