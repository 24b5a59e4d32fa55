"""Datasette plugin shipped inside the package (registered through the `datasette` entry point).

The annotation feature is built from Datasette's own parts so that its guarantees are Datasette's: the write
is the `annotate` stored query in datasette.yaml (who wrote is `:_actor_id`, filled from the signed
`ds_actor` cookie or API token, never from the form), the permission to run it is the query's `allow` block,
and cross-site POSTs are stopped by Datasette's Origin / Sec-Fetch-Site check before any of this runs. The
plugin only adds what Datasette lacks: the form and history on claim and quote pages, a login page for
the accounts in `tracker.review.users`, and a `_verdict=` filter on the claims and quotes tables.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from datasette import Response, hookimpl
from markupsafe import Markup

from tracker.review import annotations as ann
from tracker.review import users
from tracker.web import cells, finding, memo, plans, reader, review_queue

PLUGIN = "tracker"
TARGETS = {"claims": "claim", "quotes": "quote"}
TEMPLATES = Path(__file__).resolve().parent / "templates"
# Datasette templates the tracker replaces (each falls back to Datasette's own, `default:name`, where it changes
# nothing): searched after --template-dir and before Datasette's own templates.
OVERRIDES = TEMPLATES / "overrides"


@hookimpl
def prepare_connection(conn):
    # SQLite does not enforce foreign keys unless asked, per connection.
    conn.execute("PRAGMA foreign_keys = ON")


@hookimpl
def prepare_jinja2_environment(env, datasette):
    # Datasette finds a plugin's templates/ only for a top-level package plugin; this one is a module.
    from jinja2 import FileSystemLoader

    loaders = getattr(env.loader, "loaders", None)
    if loaders is not None and not any(getattr(x, "_tracker", False) for x in loaders):
        loader = FileSystemLoader(str(TEMPLATES))
        loader._tracker = True
        loaders.append(loader)
        searchpath = getattr(loaders[0], "searchpath", None)
        if isinstance(searchpath, list) and str(OVERRIDES) not in searchpath:
            searchpath.insert(max(len(searchpath) - 1, 0), str(OVERRIDES))
        # Datasette picks a row template by database name; `tracker serve --db other.db` names it `other`.
        database = _config(datasette).get("database", "tracker")
        if database != "tracker":
            loaders.append(_renamed_row_templates(database))


def _renamed_row_templates(database: str):
    """The tracker's per-database templates (row-tracker-*.html, database-tracker.html, query-tracker.html) under
    the name Datasette looks for when the database has another name."""
    from datasette.utils import to_css_class
    from jinja2 import FunctionLoader

    css = to_css_class(database)

    def load(name):
        for kind in ("row", "database", "query", "_table"):
            prefix = f"{kind}-{css}"
            if name.startswith(prefix) and name[len(prefix) : len(prefix) + 1] in ("-", "."):
                path = TEMPLATES / f"{kind}-tracker{name[len(prefix) :]}"
                if path.exists():
                    return path.read_text(encoding="utf-8"), str(path), lambda: True
        return None

    return FunctionLoader(load)


def _config(datasette) -> dict:
    return datasette.plugin_config(PLUGIN) or {}


def users_file(datasette) -> Path | None:
    """The accounts file: `users_db` in the plugin config, else next to the database the annotate query
    writes to."""
    configured = _config(datasette).get("users_db")
    if configured:
        return Path(configured)
    for db in datasette.databases.values():
        if db.path and db.is_mutable and Path(db.path).stem == _config(datasette).get("database", "tracker"):
            return users.users_path(db.path)
    for db in datasette.databases.values():
        if db.path and db.is_mutable:
            return users.users_path(db.path)
    return None


async def _annotate_query(datasette, database):
    return await datasette.get_query(database, ann.QUERY_NAME)


async def can_annotate(datasette, actor, database) -> bool:
    from datasette.resources import QueryResource

    if not actor or not actor.get("id"):
        return False
    if await _annotate_query(datasette, database) is None:
        return False
    return await datasette.allowed(action="view-query", resource=QueryResource(database, ann.QUERY_NAME), actor=actor)


@hookimpl
def permission_resources_sql(datasette, actor, action):
    """Only a current account may run the annotate query. The signed cookie and API tokens say who the actor
    is, not that the account still exists: a user removed with `tracker users remove` keeps a valid cookie, and
    `datasette create-token bob` signs a token for any name. A deny on the query itself outranks its `allow`."""
    if action != "view-query" or not actor or not actor.get("id"):
        return None
    if users.exists(users_file(datasette), str(actor["id"])):
        return None
    from datasette.permissions import PermissionSQL

    return PermissionSQL(
        sql="select null as parent, :tracker_query as child, 0 as allow, :tracker_reason as reason",
        params={"tracker_query": ann.QUERY_NAME, "tracker_reason": "the actor is not a current tracker account"},
    )


@hookimpl
def asgi_wrapper(datasette):
    """POSTs to the annotate query get their parameters made bindable first (`annotations.query_body`): a
    JSON call with `null` or a parameter left out is answered by the rules' messages, not a binding error."""

    def wrap(app):
        async def annotate_body(scope, receive, send):
            path = scope.get("path", "") if scope.get("type") == "http" else ""
            if scope.get("method") != "POST" or not path.endswith("/" + ann.QUERY_NAME):
                return await app(scope, receive, send)
            chunks, more = [], True
            while more:
                message = await receive()
                chunks.append(message.get("body", b""))
                more = message.get("more_body", False)
            body = ann.query_body(b"".join(chunks))
            headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            sent = False

            async def replay():
                nonlocal sent
                if sent:
                    return await receive()
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}

            return await app(dict(scope, headers=headers), replay, send)

        return annotate_body

    return wrap


def _login_url(datasette, next_path: str) -> str:
    return datasette.urls.path("/-/login") + "?" + urlencode({"next": next_path})


@hookimpl
def row_actions(datasette, actor, request, database, table, row):
    if table not in TARGETS:
        return None

    async def inner():
        if await _annotate_query(datasette, database) is None:
            return []
        if await can_annotate(datasette, actor, database):
            return [
                {
                    "href": "#annotate",
                    "label": "Annotate",
                    "description": f"Give this {TARGETS[table]} a verdict, a note and sources",
                }
            ]
        if not actor:
            return [
                {
                    "href": _login_url(datasette, request.path),
                    "label": "Log in to annotate",
                    "description": "Anyone may read; annotating needs an account",
                }
            ]
        return []

    return inner


def _row_value(row, key):
    try:
        return row[key]
    except (KeyError, IndexError):
        return None


def _with_sources(rows: list[dict]) -> list[dict]:
    for r in rows:
        try:
            r["source_list"] = json.loads(r["sources"]) if r.get("sources") else []
        except ValueError:
            r["source_list"] = [r["sources"]]
    return rows


@hookimpl
def top_row(datasette, request, database, table, row):
    if table not in TARGETS and table != "articles":
        return None

    async def inner():
        if await _annotate_query(datasette, database) is None:
            return None
        db = datasette.get_database(database)
        row_id = _row_value(row, "id")
        if table == "articles":
            result = await db.execute(
                "select * from current_verdicts where article_id = ? order by orphaned desc, annotated_at desc",
                [row_id],
            )
            verdicts = _with_sources([dict(r) for r in result.rows])
            if not verdicts:
                return None
            return await datasette.render_template(
                "tracker_article_annotations.html",
                {"verdicts": verdicts, "database": database, "urls": datasette.urls},
                request=request,
            )
        target_type = TARGETS[table]
        result = await db.execute(
            "select * from annotations where target_type = ? and target_id = ? order by id desc",
            [target_type, row_id],
        )
        history = _with_sources([dict(r) for r in result.rows])
        allowed = await can_annotate(datasette, request.actor, database)
        return await datasette.render_template(
            "tracker_annotate.html",
            {
                "history": history,
                "target_type": target_type,
                "target_id": row_id,
                "can_annotate": allowed,
                "actor_id": (request.actor or {}).get("id"),
                "logged_out": not request.actor,
                "login_url": _login_url(datasette, request.path),
                "action": datasette.urls.table(database, ann.QUERY_NAME),
                "verdicts": ann.CLAIM_VERDICTS if target_type == "claim" else ann.QUOTE_VERDICTS,
                "wrong_choices": ann.WRONG,
                "extraction_wrong": ann.EXTRACTION_WRONG,
            },
            request=request,
        )

    return inner


@hookimpl
def top_table(datasette, request, database, table):
    if table == finding.GROUPS_TABLE:
        return _groups_note(datasette, request, database, table)
    if table not in TARGETS:
        return None

    async def inner():
        if await _annotate_query(datasette, database) is None:
            return None
        target_type = TARGETS[table]
        choices = (ann.CLAIM_VERDICTS if target_type == "claim" else ann.QUOTE_VERDICTS) + ("unannotated",)
        links = [(v, datasette.urls.table(database, table) + "?" + urlencode({"_verdict": v})) for v in choices]
        return await datasette.render_template(
            "tracker_verdict_filter.html",
            {
                "links": links,
                "current": request.args.get("_verdict"),
                "view_url": datasette.urls.table(database, f"{table}_with_verdict") + "?_facet=verdict",
            },
            request=request,
        )

    return inner


def _groups_note(datasette, request, database, table):
    base = datasette.urls.table(database, table)
    if finding.groups_default_applies(request, table):
        return Markup(
            '<p class="tracker-groups-note">Showing facts stated in two or more articles. '
            '<a href="{}">Show all claim groups</a>, single appearances included.</p>'
        ).format(base + "?" + urlencode({finding.ALL_GROUPS_ARG: "all"}))
    return Markup(
        '<p class="tracker-groups-note">Showing all claim groups. <a href="{}">Only facts in two or more '
        "articles</a>.</p>"
    ).format(base)


@hookimpl
def filters_from_request(request, database, table, datasette):
    """`?_verdict=false` (or `unannotated`) on the claims and quotes tables: their current verdict is in
    another table, so Datasette's column filters cannot reach it."""
    from datasette.filters import FilterArguments

    if finding.groups_default_applies(request, table):
        return FilterArguments(["articles >= 2"], {}, ["facts in two or more articles"])
    verdict = request.args.get("_verdict")
    if table not in TARGETS or not verdict:
        return None
    target_type = TARGETS[table]
    latest = (
        "select a.target_id from annotations a where a.target_type = :tracker_type and a.id = "
        "(select max(b.id) from annotations b where b.target_type = a.target_type and b.target_id = a.target_id)"
    )
    if verdict == "unannotated":
        return FilterArguments(
            ["id not in (select target_id from annotations where target_type = :tracker_type)"],
            {"tracker_type": target_type},
            ["not annotated yet"],
        )
    return FilterArguments(
        [f"id in ({latest} and a.verdict = :tracker_verdict)"],
        {"tracker_type": target_type, "tracker_verdict": verdict},
        [f'current verdict is "{verdict}"'],
    )


@hookimpl
def menu_links(datasette, actor, request):
    if actor:
        return [{"href": datasette.urls.path("/-/review"), "label": "Review queue"}]
    if users_file(datasette) is None:
        return None
    return [{"href": _login_url(datasette, request.path if request else "/"), "label": "Log in"}]


def _safe_next(value: str | None) -> str:
    # Only paths on this site: an open redirect would let a link to the login page send people elsewhere.
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


async def login(request, datasette):
    """GET shows the form; POST checks the password against the accounts file and sets `ds_actor`."""
    next_path = _safe_next(request.args.get("next"))
    error = None
    status = 200
    if request.method == "POST":
        form = await request.post_vars()
        next_path = _safe_next(form.get("next"))
        name = (form.get("username") or "").strip()
        path = users_file(datasette)
        if path is None or not path.exists():
            error = "No accounts exist yet: create one with `tracker users add NAME`."
            status = 403
        elif users.verify(path, name, form.get("password") or ""):
            response = Response.redirect(next_path)
            datasette.set_actor_cookie(response, {"id": name})
            datasette.add_message(request, f"Logged in as {name}", datasette.INFO)
            return response
        else:
            error = "Wrong user name or password: you are not logged in."
            status = 403
    response = Response.html(
        await datasette.render_template(
            "tracker_login.html",
            {"error": error, "next": next_path, "actor": request.actor},
            request=request,
        ),
        status=status,
    )
    return response


STYLESHEET = Path(__file__).with_name("static") / "tracker.css"


async def stylesheet(request):
    # Served by a route: Datasette only mounts static/ folders of plugins that are packages, and this plugin is
    # a module of the tracker package.
    return Response(
        STYLESHEET.read_text(encoding="utf-8"),
        content_type="text/css; charset=utf-8",
        headers={"Cache-Control": "max-age=3600"},
    )


@hookimpl
def register_routes():
    return [(r"^/-/login$", login), (r"^/-/tracker\.css$", stylesheet), (r"^/-/review$", review_queue.review)]


@hookimpl
def forbidden(datasette, request, message):
    """Say why an annotation was refused: the default message ("permission to view this query") hides that
    the fix is to log in."""
    table = request.url_vars.get("table") if request.url_vars else None
    if table != ann.QUERY_NAME or request.method != "POST":
        return None
    if request.actor and not users.exists(users_file(datasette), str(request.actor.get("id"))):
        reason = f"{request.actor.get('id')} is not a current account (removed, or never created): nothing was written."
    elif request.actor:
        reason = f"{request.actor.get('id')} may not annotate (not allowed by the annotate query's permissions)."
    else:
        reason = "Only logged-in users may annotate: log in first. Nothing was written."

    async def inner():
        if (
            "application/json" in (request.headers.get("accept") or "")
            or request.args.get("_json")
            or (request.headers.get("content-type") == "application/json")
        ):
            return Response.json({"ok": False, "errors": [reason], "status": 403}, status=403)
        return Response.html(
            await datasette.render_template("error.html", {"title": "Not allowed", "error": reason}, request=request),
            status=403,
        )

    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette, request):
    return cells.render(row, value, column, table, database, datasette, request)


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    return reader.template_vars(datasette, database, table, view_name) or finding.template_vars(
        datasette, database, view_name, request
    )


@hookimpl
def top_stored_query(datasette, request, database, query_name):
    missing = finding.missing_parameters(datasette, query_name, request)
    return finding.prompt(missing) if missing else None


@hookimpl
def top_homepage(datasette, request):
    database = review_queue.database_name(datasette)
    if database is None:
        return None

    async def inner():
        keys, _ = await finding.listed_queries(datasette, database, request.actor)
        return await datasette.render_template(
            "tracker_start.html",
            {
                "database": database,
                "key_queries": keys,
                "articles_url": datasette.urls.table(database, "articles"),
                "claims_url": datasette.urls.table(database, "claims"),
                "quotes_url": datasette.urls.table(database, "quotes"),
                "groups_url": datasette.urls.table(database, "claim_groups"),
                "review_url": datasette.urls.path("/-/review") if request.actor else None,
            },
            request=request,
        )

    return inner


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path("/-/tracker.css")]


@hookimpl
def startup(datasette):
    for db in datasette.databases.values():
        memo.keep_table_counts(db)
        plans.install(db)
        memo.install(db)  # outermost: a kept facet count is answered before any SQL is chosen
