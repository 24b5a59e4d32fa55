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
from datetime import date
from html import escape

from datasette import hookimpl

PLUGIN = "tracker_charts"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
MAX_POINTS = 400
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
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


def _time_of(cat: str) -> tuple[int, int] | None:
    """(first day as an ordinal, length of the period in days) of a YYYY, YYYY-MM or YYYY-MM-DD category."""
    m = DATE.match(cat)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            first = date(year, 1, 1)
            return first.toordinal(), date(year + 1, 1, 1).toordinal() - first.toordinal()
        if day is None:
            first = date(year, int(month), 1)
            following = date(year + int(month) // 12, int(month) % 12 + 1, 1)
            return first.toordinal(), following.toordinal() - first.toordinal()
        return date(year, int(month), int(day)).toordinal(), 1
    except ValueError:
        return None


def _time_ticks(t0: int, t1: int, finest: int) -> list[tuple[int, str]]:
    """Tick positions (ordinal days) and labels at whole years, months or days, at most about ten of them."""
    span = max(1, t1 - t0)
    start, end = date.fromordinal(t0), date.fromordinal(t1)
    ticks: list[tuple[int, str]] = []
    if span > 3 * 365 or finest >= 365:
        step = next(k for k in (1, 2, 5, 10, 20, 50, 100) if (end.year - start.year) / k <= 10)
        for y in range(start.year + (0 if start == date(start.year, 1, 1) else 1), end.year + 1):
            if y % step == 0 or step == 1:
                ticks.append((date(y, 1, 1).toordinal(), str(y)))
    elif span > 62 or finest >= 28:
        months = (end.year - start.year) * 12 + end.month - start.month
        step = next(k for k in (1, 2, 3, 6, 12) if months / k <= 10)
        y, m = start.year, start.month
        if start.day != 1:
            y, m = y + m // 12, m % 12 + 1
        while date(y, m, 1) <= end:
            if (m - 1) % step == 0:
                label = MONTHS[m - 1] + (f" {y}" if m == 1 or not ticks else "")
                ticks.append((date(y, m, 1).toordinal(), label))
            y, m = y + m // 12, m % 12 + 1
    else:
        step = next(k for k in (1, 2, 7, 14, 28) if span / k <= 10)
        for t in range(t0, t1 + 1, step):
            d = date.fromordinal(t)
            ticks.append((t, f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if not ticks else "")))
    return ticks


def _legend(names: list[str], left: float, width: float, top: float) -> tuple[list[str], float]:
    """Legend entries flowed into rows by their length, every label in full; returns the parts and the height."""
    parts, x, y = [], left, top
    for s, name in enumerate(names):
        w = 14 + 6.4 * len(name) + 18
        if x > left and x + w > left + width:
            x, y = left, y + 18
        parts.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{PALETTE[s % len(PALETTE)]}"/>')
        parts.append(f'<text x="{x + 14:.1f}" y="{y:.1f}">{escape(name)}</text>')
        x += w
    return parts, (y - top + 18) if names else 0


def svg_chart(
    cats: list[str], series: dict[str, list], kind: str = "line", title: str = "", width: int = 760, height: int = 280
) -> str:
    """An SVG line or bar chart with axes, ticks and a legend. Dates along x (YYYY, YYYY-MM, YYYY-MM-DD) are
    placed on a time axis, gaps kept; other categories are spaced evenly. A line chart of fewer than four
    points is drawn as grouped bars, and coinciding points are set slightly apart, so that every series shows
    in its own colour."""
    left, right, top, bottom = 48, 12, 28, 58
    names = list(series)
    pw, ph = width - left - right, height - top - bottom
    legend_parts, legend_h = _legend(names, left, pw, height - 6) if len(names) > 1 else ([], 0)
    h = height + legend_h
    peak = max([v for vals in series.values() for v in vals] or [0])
    ticks = _ticks(peak)
    ymax = ticks[-1] or 1
    n = max(1, len(cats))
    if kind == "line" and len(cats) < 4:
        kind = "bar"
    times = [t for t in map(_time_of, cats) if t is not None]
    timed = bool(cats) and len(times) == len(cats)  # every category is a period: x is time
    if timed:
        t0 = min(t[0] for t in times)
        t1 = max(t[0] + t[1] for t in times)
        finest = min(t[1] for t in times)
        scale = pw / max(1, t1 - t0)
        slot = finest * scale

        def X(i: float) -> float:
            t = times[int(i)]
            return left + (t[0] + t[1] / 2 - t0) * scale
    else:
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
    if timed:
        for t, label in _time_ticks(t0, t1, finest):
            x = left + (t - t0) * scale
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + ph}" y2="{top + ph + 5}" stroke="#999"/>')
            parts.append(
                f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle" fill="#555" class="tracker-time-tick">'
                f"{escape(label)}</text>"
            )
    else:
        every = max(1, int(n / (pw / 46)) + (1 if n > pw / 46 else 0))
        for i, c in enumerate(cats):
            if i % every == 0:
                parts.append(
                    f'<text transform="translate({X(i):.1f},{top + ph + 12}) rotate(35)" fill="#555">'
                    f"{escape(c[:12])}</text>"
                )
    if kind == "bar":
        group = min(slot * 0.8, pw / 6)
        bw = group / max(1, len(names))
        for s, name in enumerate(names):
            color = PALETTE[s % len(PALETTE)]
            for i, v in enumerate(series[name]):
                x0 = X(i) - group / 2 + s * bw
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
                    same = [o for o in names if series[o][i] == v]
                    dx = (same.index(name) - (len(same) - 1) / 2) * 5 if len(same) > 1 else 0
                    parts.append(
                        f'<circle cx="{X(i) + dx:.1f}" cy="{Y(v):.1f}" r="3" fill="{color}">'
                        f"<title>{escape(cats[i])}: {escape(name)} {v:g}</title></circle>"
                    )
    parts.extend(legend_parts)
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
