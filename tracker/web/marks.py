"""An article body as HTML paragraphs with its quotes and claims marked at their offsets.

Quotes and claims overlap freely (a claim inside a quote, a claim running past a quote's end, two claims
sharing words), but HTML elements must nest. Between any two consecutive span boundaries the set of spans
covering the text is fixed; at each boundary the open elements are closed back to the longest prefix still
wanted and the rest are opened again (outer spans first), so a crossing span becomes two fragments of the same
mark. Each span's badge (a link to its page) follows its last fragment. Every piece of article text goes
through `escape`: a body containing `<script>` shows as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass
class Mark:
    """One highlighted span: `open_tag` / `close_tag` wrap each fragment; `badge` follows the last one."""

    start: int
    end: int
    layer: int  # 0 quotes (outer), 1 claims (inner), 2 the claim a page is about
    open_tag: Markup
    close_tag: Markup
    badge: Markup = Markup("")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines separate them, as in the stored body."""
    spans, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(body):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(body):
        spans.append((pos, len(body)))
    return spans


def paragraph_at(body: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) holding the span start..end."""
    paras = paragraphs(body)
    first = next((p for p in paras if p[1] > start), (0, len(body)))
    last = next((p for p in paras if p[1] >= end), (0, len(body)))
    return first[0], max(first[1], last[1])


def _order(mark: Mark) -> tuple:
    return (mark.start, -mark.end, mark.layer)


def mark_up(body: str, marks: list[Mark], ranges: list[tuple[int, int]] | None = None) -> Markup:
    """`<p>` per paragraph (or per given range) with every mark applied; the text itself escaped."""
    body = body or ""
    out: list[str] = []
    live = sorted((m for m in marks if m.end > m.start), key=_order)
    for ps, pe in ranges if ranges is not None else paragraphs(body):
        inside = [m for m in live if m.start < pe and m.end > ps]
        points = sorted(
            {ps, pe} | {min(max(m.start, ps), pe) for m in inside} | {min(max(m.end, ps), pe) for m in inside}
        )
        stack: list[Mark] = []
        out.append("<p>")
        for a, b in zip(points, points[1:]):
            wanted = [m for m in inside if m.start <= a and m.end >= b]
            keep = 0
            while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
                keep += 1
            for m in reversed(stack[keep:]):
                out.append(m.close_tag)
                if m.end <= a:
                    out.append(m.badge)
            del stack[keep:]
            for m in wanted[keep:]:
                out.append(m.open_tag)
                stack.append(m)
            out.append(str(escape(body[a:b])))
        for m in reversed(stack):
            out.append(m.close_tag)
            if m.end <= pe:
                out.append(m.badge)
        out.append("</p>")
    return Markup("".join(out))


def window_at(body: str, start: int, end: int, around: int = 260) -> tuple[int, int]:
    """The span's paragraph, cut to about `around` characters either side at word boundaries when it is long."""
    ps, pe = paragraph_at(body, start, end)
    if start - ps > around:
        cut = body.find(" ", start - around, start)
        ps = cut + 1 if cut != -1 else start - around
    if pe - end > around:
        cut = body.rfind(" ", end, end + around)
        pe = cut if cut != -1 else end + around
    return ps, pe
