"""What the article, claim and quote pages show: the article as text to read, a claim or quote with its context.

Datasette renders these rows with the tracker's row templates (`row-tracker-articles.html` and the claims and
quotes ones); `extra_template_vars` hands those templates `tracker_page(kind, id)`, which gathers here what
the page shows. Every lookup goes through an index (article_id, the primary keys, claim_conflicts' two claim
columns, claim_group_members' group), so a page costs the same at 100 articles as at 100,000.
"""

from __future__ import annotations

from collections import OrderedDict

from markupsafe import Markup

from tracker.web import humanize, links
from tracker.web.marks import Mark, mark_up, paragraph_at

PAGES = {"articles": "article", "claims": "claim", "quotes": "quote"}
MAX_APPEARANCES = 50
MAX_CONFLICTS = 20


def verdict_slug(verdict: str | None) -> str:
    return (verdict or "unchecked").replace(" ", "-")


async def _rows(db, sql: str, params) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def _verdicts(db, target_type: str, ids: list[str]) -> dict[str, dict]:
    """Current verdict (newest annotation) of each id, looked up by (target_type, target_id)."""
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in await _rows(
            db,
            f"select target_id, verdict, wrong, annotator from annotations where id in (select max(id) from "
            f"annotations where target_type = ? and target_id in ({marks}) group by target_id)",
            [target_type, *chunk],
        ):
            out[r["target_id"]] = r
    return out


async def _figures(db, claim_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i in range(0, len(claim_ids), 500):
        chunk = claim_ids[i : i + 500]
        for r in await _rows(
            db,
            f"select claim_id, value, unit, currency from quantities where claim_id in ({','.join('?' * len(chunk))}) "
            "order by claim_id, start",
            chunk,
        ):
            out.setdefault(r["claim_id"], []).append(humanize.figure(r["value"], r["unit"], r["currency"]))
    return out


def _claim_mark(c: dict, url: str, layer: int = 1) -> Mark:
    verdict = c.get("verdict")
    slug = verdict_slug(verdict)
    current = " tracker-current" if layer == 2 else ""
    tag = Markup('<span class="tracker-claim{} k-{} v-{}" data-claim-id="{}" title="{} claim · {}">').format(
        current, c["kind"], slug, c["id"], c["kind"], verdict or "no verdict yet"
    )
    badge = Markup(
        '<a class="tracker-tag tracker-claim-tag k-{} v-{}" href="{}" data-claim-id="{}">{} · {}</a>'
    ).format(c["kind"], slug, url, c["id"], c["kind"], verdict or "unchecked")
    return Mark(c["start"] or 0, c["end"] or 0, layer, tag, Markup("</span>"), badge)


def _quote_mark(q: dict, url: str) -> Mark:
    who = q.get("speaker") or q.get("mention") or "unattributed"
    tag = Markup('<mark class="tracker-quote q-{}" data-quote-id="{}" title="{} quote: {}">').format(
        q["kind"], q["id"], q["kind"], who
    )
    badge = Markup('<a class="tracker-tag tracker-quote-tag" href="{}" data-quote-id="{}">{}</a>').format(
        url, q["id"], who
    )
    return Mark(q["start"] or 0, q["end"] or 0, 0, tag, Markup("</mark>"), badge)


def quoted(text: str | None) -> str:
    """The quote in quotation marks, without doubling marks the text already has."""
    text = (text or "").strip()
    if text[:1] in "\"“‘'" or text[-1:] in "\"”’'":
        return text  # it already opens or closes with a mark: another pair would double it
    return f"“{text}”"


def _link(datasette, database):
    return lambda kind, value: links.url(datasette, database, kind, value)


async def article_page(datasette, database: str, article_id: str) -> dict | None:
    db = datasette.get_database(database)
    found = await _rows(
        db, "select id, title, published, source, url, byline, caption, body from articles where id = ?", [article_id]
    )
    if not found:
        return None
    article = found[0]
    link = _link(datasette, database)
    quotes = await _rows(
        db,
        "select q.id, q.kind, q.text, q.start, q.[end], q.mention, q.cue, q.speaker_id, s.name as speaker, s.role "
        "from quotes q left join speakers s on s.id = q.speaker_id where q.article_id = ? order by q.start",
        [article_id],
    )
    claims = await _rows(
        db,
        "select c.id, c.kind, c.text, c.start, c.[end], c.score, c.quote_id, c.speaker_id, s.name as speaker "
        "from claims c left join speakers s on s.id = c.speaker_id where c.article_id = ? order by c.start",
        [article_id],
    )
    ids = [c["id"] for c in claims]
    verdicts = await _verdicts(db, "claim", ids)
    figures = await _figures(db, ids)
    for c in claims:
        c["verdict"] = (verdicts.get(c["id"]) or {}).get("verdict")
        c["url"] = link("claim", c["id"])
        c["figures"] = figures.get(c["id"], [])
    for q in quotes:
        q["url"] = link("quote", q["id"])
        q["quoted"] = quoted(q["text"])
    marks = [_quote_mark(q, q["url"]) for q in quotes] + [_claim_mark(c, c["url"]) for c in claims]
    by_speaker: OrderedDict[str, dict] = OrderedDict()
    for q in quotes:
        key = q["speaker_id"] or ""
        entry = by_speaker.setdefault(
            key,
            {
                "name": q["speaker"] or "Unattributed",
                "role": q["role"],
                "url": link("speaker", key) if key else None,
                "quotes": [],
            },
        )
        entry["quotes"].append(q)
    speakers = sorted(by_speaker.values(), key=lambda s: (-len(s["quotes"]), s["name"]))
    return {
        "article": article,
        "published": humanize.date(article["published"]),
        "body_html": mark_up(article["body"] or "", marks),
        "speakers": speakers,
        "quotes": quotes,
        "claims": sorted(claims, key=lambda c: (-(c["score"] or 0), c["start"] or 0)),
    }


async def _article_brief(db, article_id: str) -> dict:
    found = await _rows(db, "select id, title, published, source, url, body from articles where id = ?", [article_id])
    return found[0] if found else {"id": article_id, "title": article_id, "body": ""}


def _context(body: str, start: int, end: int, marks: list[Mark]) -> Markup:
    ps, pe = paragraph_at(body, start, end)
    return mark_up(body, marks, [(ps, pe)])


async def claim_page(datasette, database: str, claim_id: str) -> dict | None:
    db = datasette.get_database(database)
    found = await _rows(
        db,
        "select c.*, s.name as speaker, s.role from claims c left join speakers s on s.id = c.speaker_id "
        "where c.id = ?",
        [claim_id],
    )
    if not found:
        return None
    claim = found[0]
    link = _link(datasette, database)
    article = await _article_brief(db, claim["article_id"])
    verdict = (await _verdicts(db, "claim", [claim_id])).get(claim_id)
    claim["verdict"] = (verdict or {}).get("verdict")
    marks = [_claim_mark(claim, "#annotations", layer=2)]
    quote = None
    if claim["quote_id"]:
        rows = await _rows(
            db, "select id, kind, text, start, [end], mention from quotes where id = ?", [claim["quote_id"]]
        )
        if rows:
            quote = rows[0]
            quote["speaker"] = claim["speaker"]
            quote["url"] = link("quote", quote["id"])
            marks.append(_quote_mark(quote, quote["url"]))
    figures = [
        {**r, "human": humanize.figure(r["value"], r["unit"], r["currency"])}
        for r in await _rows(
            db,
            "select text, value, unit, currency, approximate, lower, upper, kind from quantities where claim_id = ? "
            "order by start",
            [claim_id],
        )
    ]
    for f in figures:
        f["lower_h"] = humanize.figure(f["lower"], f["unit"], f["currency"]) if f["lower"] is not None else ""
        f["upper_h"] = humanize.figure(f["upper"], f["unit"], f["currency"]) if f["upper"] is not None else ""
    dates = [
        {**r, "human": humanize.date(r["value"])}
        for r in await _rows(
            db, "select text, value, precision, relative from claim_dates where claim_id = ? order by start", [claim_id]
        )
    ]
    entities = await _rows(
        db,
        "select e.id, e.name, e.kind, e.acronym, ce.text from claim_entities ce join entities e on e.id = ce.entity_id "
        "where ce.claim_id = ? order by ce.start",
        [claim_id],
    )
    group, appearances = await _group(db, link, claim_id)
    conflicts = await _conflicts(db, link, claim_id)
    return {
        "claim": claim,
        "article": article,
        "article_url": link("article", article["id"]),
        "speaker_url": link("speaker", claim["speaker_id"]) if claim["speaker_id"] else None,
        "published": humanize.date(claim["published"] or article.get("published")),
        "context_html": _context(article.get("body") or "", claim["start"] or 0, claim["end"] or 0, marks),
        "quote": quote,
        "figures": figures,
        "dates": dates,
        "entities": entities,
        "group": group,
        "appearances": appearances,
        "conflicts": conflicts,
    }


async def _group(db, link, claim_id: str) -> tuple[dict | None, list[dict]]:
    rows = await _rows(
        db,
        "select g.* from claim_group_members m join claim_groups g on g.id = m.group_id where m.claim_id = ?",
        [claim_id],
    )
    if not rows:
        return None, []
    group = rows[0]
    group["url"] = link("group", group["id"])
    group["human"] = humanize.figure(group["value"], group["unit"]) if group["value"] is not None else ""
    others = await _rows(
        db,
        "select m.claim_id, m.published, m.match, c.text, c.kind, a.id as article_id, a.title, a.source, "
        "s.name as speaker from claim_group_members m join claims c on c.id = m.claim_id "
        "join articles a on a.id = m.article_id left join speakers s on s.id = c.speaker_id "
        "where m.group_id = ? and m.claim_id <> ? order by m.published limit ?",
        [group["id"], claim_id, MAX_APPEARANCES],
    )
    for o in others:
        o["url"] = link("claim", o["claim_id"])
        o["article_url"] = link("article", o["article_id"])
        o["date"] = humanize.date(o["published"])
    return group, others


async def _conflicts(db, link, claim_id: str) -> list[dict]:
    pairs = await _rows(
        db,
        "select * from (select id, unit, value as mine, other_value as theirs, other_claim_id as other_id "
        "from claim_conflicts where claim_id = :c limit :n) union all "
        "select * from (select id, unit, other_value, value, claim_id from claim_conflicts "
        "where other_claim_id = :c limit :n)",
        {"c": claim_id, "n": MAX_CONFLICTS},
    )
    out = []
    for p in pairs[:MAX_CONFLICTS]:
        rows = await _rows(
            db,
            "select c.id, c.text, c.published, c.article_id, a.title, a.source, s.name as speaker from claims c "
            "join articles a on a.id = c.article_id left join speakers s on s.id = c.speaker_id where c.id = ?",
            [p["other_id"]],
        )
        if not rows:
            continue
        other = rows[0]
        other["url"] = link("claim", other["id"])
        other["article_url"] = link("article", other["article_id"])
        other["date"] = humanize.date(other["published"])
        out.append(
            {
                "id": p["id"],
                "mine": humanize.figure(p["mine"], p["unit"]),
                "theirs": humanize.figure(p["theirs"], p["unit"]),
                "other": other,
            }
        )
    return out


async def quote_page(datasette, database: str, quote_id: str) -> dict | None:
    db = datasette.get_database(database)
    found = await _rows(
        db,
        "select q.*, s.name as speaker, s.role from quotes q left join speakers s on s.id = q.speaker_id "
        "where q.id = ?",
        [quote_id],
    )
    if not found:
        return None
    quote = found[0]
    link = _link(datasette, database)
    article = await _article_brief(db, quote["article_id"])
    claims = await _rows(
        db,
        "select id, kind, text, start, [end], score from claims where article_id = ? and quote_id = ? order by start",
        [quote["article_id"], quote_id],
    )
    verdicts = await _verdicts(db, "claim", [c["id"] for c in claims])
    figures = await _figures(db, [c["id"] for c in claims])
    for c in claims:
        c["verdict"] = (verdicts.get(c["id"]) or {}).get("verdict")
        c["url"] = link("claim", c["id"])
        c["figures"] = figures.get(c["id"], [])
    marks = [_quote_mark({**quote, "url": "#annotations"}, "#annotations")]
    marks += [_claim_mark(c, c["url"]) for c in claims]
    return {
        "quote": quote,
        "quoted": quoted(quote["text"]),
        "article": article,
        "article_url": link("article", article["id"]),
        "speaker_url": link("speaker", quote["speaker_id"]) if quote["speaker_id"] else None,
        "published": humanize.date(quote["published"] or article.get("published")),
        "context_html": _context(article.get("body") or "", quote["start"] or 0, quote["end"] or 0, marks),
        "claims": claims,
    }


LOADERS = {"article": article_page, "claim": claim_page, "quote": quote_page}


def template_vars(datasette, database, table, view_name):
    """`tracker_page(kind, id)` for the row templates of articles, claims and quotes; nothing elsewhere."""
    if view_name != "row" or table not in PAGES:
        return None

    async def tracker_page(kind: str, pk: str):
        return await LOADERS[kind](datasette, database, pk)

    return {"tracker_page": tracker_page, "tracker_verdict_slug": verdict_slug}
