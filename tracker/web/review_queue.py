"""The review queue at /-/review: the most check-worthy claims nobody has given a verdict yet, one form each.

A fact-checker works down the list from the keyboard: 1-7 pick a verdict, Enter saves, the next claim opens.
Saving posts to the `annotate` stored query, the one write path every annotation takes (the annotator is the
logged-in actor, filled in by Datasette), so the queue adds no way to write that the rest of the site lacks.
The queue walks the claims' score index (or the kind+score index when a kind is chosen) and stops after one
page, so it costs the same on a large database; a claim drops out once it has any annotation.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from datasette import Response
from markupsafe import Markup

from tracker.review import annotations as ann
from tracker.web import humanize, links
from tracker.web.marks import Mark, mark_up, window_at

PAGE_SIZE = 20
NOT_FACTUAL = ("prediction", "opinion", "question", "appeal")
KINDS = ("quantity", "event", "rule", "causal", "comparison", "other")
WRONG_KEYS = ("8", "9", "0")
MAX_SOURCES = 200
SHORT_RANGE_DAYS = 62


def database_name(datasette) -> str | None:
    """The database the annotate query belongs to: the plugin's configured one, else the first mutable one."""
    configured = (datasette.plugin_config("tracker") or {}).get("database", "tracker")
    if configured in datasette.databases:
        return configured
    for name, db in datasette.databases.items():
        if db.is_mutable and name != "_internal":
            return name
    return None


def filters_from(args) -> dict:
    return {
        "source": (args.get("source") or "").strip(),
        "speaker": (args.get("speaker") or "").strip(),
        "kind": (args.get("kind") or "").strip(),
        "since": (args.get("since") or "").strip(),
        "until": (args.get("until") or "").strip(),
    }


def _short_range(since: str, until: str) -> bool:
    try:
        return 0 <= (date.fromisoformat(until[:10]) - date.fromisoformat(since[:10])).days <= SHORT_RANGE_DAYS
    except ValueError:
        return False


def queue_sql(filters: dict) -> tuple[str, dict]:
    """Unannotated factual claims, highest score first, narrowed by the filters that are set."""
    where = ["not exists (select 1 from annotations a where a.target_type = 'claim' and a.target_id = c.id)"]
    params: dict = {"size": PAGE_SIZE}
    if filters["kind"]:
        where.append("c.kind = :kind")
        params["kind"] = filters["kind"]
    else:
        where.append("c.kind not in (" + ", ".join(f"'{k}'" for k in NOT_FACTUAL) + ")")
    if filters["source"]:
        where.append("c.article_id in (select id from articles where source = :source)")
        params["source"] = filters["source"]
    if filters["speaker"]:
        where.append(
            "c.speaker_id in (select id from speakers where id = :speaker or name like '%' || :speaker || '%' "
            "union select speaker_id from speaker_aliases where alias like '%' || :speaker || '%')"
        )
        params["speaker"] = filters["speaker"]
    # A short date range is read through the published index; a long or open one would make that index hand
    # over most of the table to be sorted, so the score index is walked instead (`+` keeps SQLite off the
    # published index) and stops at the first page of matches.
    published = "c.published" if _short_range(filters["since"], filters["until"]) else "+c.published"
    if filters["since"]:
        where.append(f"{published} >= :since")
        params["since"] = filters["since"]
    if filters["until"]:
        where.append(f"{published} <= :until || '~'")  # '~' sorts after any day or time of the last date
        params["until"] = filters["until"]
    sql = (
        "select c.id, c.article_id, c.kind, c.text, c.start, c.[end], c.score, c.published, c.speaker_id, "
        "s.name as speaker from claims c left join speakers s on s.id = c.speaker_id "
        f"where {' and '.join(where)} order by c.score desc, c.id limit :size"
    )
    return sql, params


async def load_queue(datasette, database: str, filters: dict) -> list[dict]:
    db = datasette.get_database(database)
    sql, params = queue_sql(filters)
    claims = [dict(r) for r in (await db.execute(sql, params)).rows]
    articles: dict[str, dict] = {}
    for c in claims:
        if c["article_id"] not in articles:
            found = (
                await db.execute(
                    "select id, title, source, published, body from articles where id = ?", [c["article_id"]]
                )
            ).rows
            articles[c["article_id"]] = dict(found[0]) if found else {"id": c["article_id"], "title": "", "body": ""}
        article = articles[c["article_id"]]
        figures = (
            await db.execute(
                "select value, unit, currency from quantities where claim_id = ? order by start", [c["id"]]
            )
        ).rows
        c["figures"] = [humanize.figure(f["value"], f["unit"], f["currency"]) for f in figures]
        c["url"] = links.url(datasette, database, "claim", c["id"])
        c["article_url"] = links.url(datasette, database, "article", c["article_id"])
        c["speaker_url"] = links.url(datasette, database, "speaker", c["speaker_id"]) if c["speaker_id"] else None
        c["article_title"] = article.get("title")
        c["source"] = article.get("source")
        c["date"] = humanize.date(c["published"] or article.get("published"))
        body = article.get("body") or ""
        start, end = c["start"] or 0, c["end"] or 0
        mark = Mark(start, end, 2, Markup('<span class="tracker-claim tracker-current">'), Markup("</span>"))
        ws, we = window_at(body, start, end)
        c["context_html"] = mark_up(body, [mark], [(ws, we)])
        c["cut_before"], c["cut_after"] = ws > 0 and body[ws - 1] not in "\n", we < len(body) and body[we] not in "\n"
    return claims


async def sources(datasette, database: str) -> list[str]:
    db = datasette.get_database(database)
    rows = (
        await db.execute(
            "select distinct source from articles where source is not null order by source limit ?", [MAX_SOURCES]
        )
    ).rows
    return [r[0] for r in rows]


async def review(request, datasette):
    from tracker.web.plugin import _login_url as login_url
    from tracker.web.plugin import can_annotate

    database = database_name(datasette)
    if database is None or await datasette.get_query(database, ann.QUERY_NAME) is None:
        return Response.html(
            await datasette.render_template(
                "error.html", {"title": "No review queue", "error": "No database to review."}, request=request
            ),
            status=404,
        )
    next_path = request.path + (("?" + request.query_string) if request.query_string else "")
    if not await can_annotate(datasette, request.actor, database):
        return Response.html(
            await datasette.render_template(
                "tracker_review_login.html",
                {"login_url": login_url(datasette, next_path), "actor": request.actor},
                request=request,
            ),
            status=403,
        )
    filters = filters_from(request.args)
    claims = await load_queue(datasette, database, filters)
    verdict_keys = [(str(i + 1), v) for i, v in enumerate(ann.CLAIM_VERDICTS)]
    return Response.html(
        await datasette.render_template(
            "tracker_review.html",
            {
                "claims": claims,
                "filters": filters,
                "filtered": any(filters.values()),
                "sources": await sources(datasette, database),
                "kinds": KINDS,
                "verdict_keys": verdict_keys,
                "wrong_keys": list(zip(WRONG_KEYS, ann.WRONG)),
                "extraction_wrong": ann.EXTRACTION_WRONG,
                "action": datasette.urls.table(database, ann.QUERY_NAME),
                "actor_id": request.actor.get("id"),
                "reload_url": request.path
                + ("?" + urlencode({k: v for k, v in filters.items() if v}) if any(filters.values()) else ""),
                "database": database,
            },
            request=request,
        )
    )
