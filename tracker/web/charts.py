"""Datasette plugin: charts drawn as inline SVG above stored queries (links from ids are tracker.web.cells).

No JavaScript and nothing vendored: the chart is rendered on the server from the same stored query the page
shows (run again with the request's parameters), so it works with any Datasette 1.0 page, in a screenshot, and
without network access. Which queries get a chart, and how, is configured in datasette.yaml:

    plugins:
      tracker_charts:
        charts:
          claims_per_kind_month: {x: month, y: claims, series: kind}
          claim_group: {query: group_timeline, x: date, y: appearances, type: bar}

`x` is the column along the bottom (categories in query order), `y` the numeric column (several: a list),
`series` an optional column whose values become separate lines, `type` line (default) or bar, `query` another
stored query to draw (same parameters) instead of the page's own.
"""

from __future__ import annotations

import re
from html import escape

from datasette import hookimpl

PLUGIN = "tracker_charts"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
MAX_POINTS = 400
MAX_SERIES = 10


def _ticks(top: float) -> list[float]:
    """Round numbers for the y axis, from 0 to at least `top`."""
    if top <= 0:
        return [0, 1]
    step = 10 ** len(str(int(top))) / 10 if top >= 1 else 0.1
    while top / step > 6:
        step *= 2
    while top / step < 3 and step > 1:
        step /= 2
    ticks, v = [], 0.0
    while v < top + step:
        ticks.append(v)
        v += step
    return ticks


def _fmt(v: float) -> str:
    if abs(v) >= 1e9:
        return f"{v / 1e9:g}B"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}M"
    if abs(v) >= 1e3:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def chart_series(rows: list[dict], x: str, ys: list[str], series: str | None) -> tuple[list[str], dict[str, list]]:
    """Categories along x (in order of first appearance) and, per series name, one value per category."""
    cats: list[str] = []
    seen: set = set()
    for r in rows:
        k = "" if r.get(x) is None else str(r.get(x))
        if k not in seen:
            seen.add(k)
            cats.append(k)
    cats = cats[:MAX_POINTS]
    index = {c: i for i, c in enumerate(cats)}
    out: dict[str, list] = {}
    for r in rows:
        i = index.get("" if r.get(x) is None else str(r.get(x)))
        if i is None:
            continue
        for y in ys:
            name = str(r.get(series)) if series else y
            if series and len(ys) > 1:
                name = f"{name} {y}"
            if name not in out:
                if len(out) >= MAX_SERIES:
                    continue
                out[name] = [0] * len(cats)
            try:
                out[name][i] += float(r.get(y) or 0)
            except (TypeError, ValueError):
                pass
    return cats, out


def svg_chart(
    cats: list[str], series: dict[str, list], kind: str = "line", title: str = "", width: int = 760, height: int = 280
) -> str:
    """An SVG line or bar chart with axes, ticks and a legend."""
    left, right, top, bottom = 48, 12, 28, 58
    legend_h = 18 * ((len(series) + 3) // 4) if len(series) > 1 else 0
    h = height + legend_h
    pw, ph = width - left - right, height - top - bottom
    peak = max([v for vals in series.values() for v in vals] or [0])
    ticks = _ticks(peak)
    ymax = ticks[-1] or 1
    n = max(1, len(cats))
    slot = pw / n

    def X(i: float) -> float:
        return left + slot * (i + 0.5)

    def Y(v: float) -> float:
        return top + ph - ph * v / ymax

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tracker-chart" role="img" width="{width}" '
        f'height="{h}" viewBox="0 0 {width} {h}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for t in ticks:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{Y(t):.1f}" y2="{Y(t):.1f}" stroke="#e5e5e5"/>')
        parts.append(f'<text x="{left - 6}" y="{Y(t) + 4:.1f}" text-anchor="end" fill="#555">{_fmt(t)}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{Y(0):.1f}" y2="{Y(0):.1f}" stroke="#999"/>')
    every = max(1, int(n / (pw / 46)) + (1 if n > pw / 46 else 0))
    for i, c in enumerate(cats):
        if i % every == 0:
            parts.append(
                f'<text transform="translate({X(i):.1f},{top + ph + 12}) rotate(35)" fill="#555">'
                f"{escape(c[:12])}</text>"
            )
    names = list(series)
    if kind == "bar":
        bw = slot * 0.8 / max(1, len(names))
        for s, name in enumerate(names):
            color = PALETTE[s % len(PALETTE)]
            for i, v in enumerate(series[name]):
                x0 = X(i) - slot * 0.4 + s * bw
                parts.append(
                    f'<rect x="{x0:.1f}" y="{Y(v):.1f}" width="{max(bw - 1, 1):.1f}" '
                    f'height="{Y(0) - Y(v):.1f}" fill="{color}"><title>{escape(cats[i])}: '
                    f"{escape(name)} {v:g}</title></rect>"
                )
    else:
        for s, name in enumerate(names):
            color = PALETTE[s % len(PALETTE)]
            pts = " ".join(f"{X(i):.1f},{Y(v):.1f}" for i, v in enumerate(series[name]))
            parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{pts}"/>')
            if n <= 60:
                for i, v in enumerate(series[name]):
                    parts.append(
                        f'<circle cx="{X(i):.1f}" cy="{Y(v):.1f}" r="2.5" fill="{color}">'
                        f"<title>{escape(cats[i])}: {escape(name)} {v:g}</title></circle>"
                    )
    if len(names) > 1:
        for s, name in enumerate(names):
            lx = left + (s % 4) * (pw / 4)
            ly = height - 6 + 18 * (s // 4)
            parts.append(f'<rect x="{lx:.1f}" y="{ly - 9}" width="10" height="10" fill="{PALETTE[s % len(PALETTE)]}"/>')
            parts.append(f'<text x="{lx + 14:.1f}" y="{ly}">{escape(name[:28])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _charts(datasette, database: str) -> dict:
    # 1.0a41's plugin_config(database=...) does not fall back to the top-level block (the fallback value is
    # computed but not returned), so ask for both.
    config = datasette.plugin_config(PLUGIN, database=database) or datasette.plugin_config(PLUGIN) or {}
    return config.get("charts") or {}


@hookimpl
def top_stored_query(datasette, request, database, query_name):
    spec = _charts(datasette, database).get(query_name)
    if not spec:
        return None

    async def inner():
        query = await datasette.get_query(database, spec.get("query") or query_name)
        if query is None:
            return None
        names = query.parameters or sorted(set(re.findall(r"(?<![:\w]):([A-Za-z_]\w*)", query.sql)))
        params = {p: request.args.get(p, "") for p in names}
        if any(v == "" for k, v in params.items() if k in (spec.get("required") or names)):
            return None  # the form is not filled in yet
        try:
            result = await datasette.get_database(database).execute(query.sql, params)
        except Exception as e:  # a chart must never break the page it decorates
            return f'<p class="message-warning">Chart not drawn: {escape(str(e))}</p>'
        rows = [dict(r) for r in result.rows]
        if not rows:
            return None
        ys = spec.get("y") or []
        ys = [ys] if isinstance(ys, str) else list(ys)
        cats, series = chart_series(rows, spec["x"], ys, spec.get("series"))
        title = spec.get("title") or (query.title or query_name)
        return f'<div class="tracker-chart" style="margin:1em 0">{svg_chart(cats, series, spec.get("type", "line"), title)}</div>'

    return inner
