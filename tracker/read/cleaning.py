"""Clean a record into an `Article`: drop scraper junk, take the header lines apart, keep the paragraphs.

Scraped text arrives with a header block in no fixed order: leftover markup, the headline (often twice), a
standfirst, a date line, an image caption, a `SOURCE:` or `By` line. Only the first few lines are read as a
header, and a line is taken out only when it looks like one of those things, so a body paragraph is never lost.
Paragraph text is kept verbatim (non-breaking spaces, curly quotes) because offsets and annotations index it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tracker.read.formats import Record
from tracker.read.mojibake import repair
from tracker.records import Article

HEADER_LINES = 14  # the header block never runs longer than this many non-empty lines

# Elements of HTML (WHATWG, with the common obsolete ones): a line that opens with one of these is leftover
# markup. Any other <word> is text: news agencies open paragraphs with "<서울=연합뉴스>" or "<AP>".
HTML_ELEMENTS = (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center "
    "cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure "
    "font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd "
    "label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p param "
    "picture pre progress q rp rt ruby s samp script search section select slot small source span strong style "
    "sub summary sup svg table tbody td template textarea tfoot th thead time title tr track u ul var video wbr "
    "amp-img amp-ad ins fb:like g:plusone"
).split()
_TAG = "|".join(sorted(map(re.escape, set(HTML_ELEMENTS)), key=len, reverse=True))
_JUNK = re.compile(
    r"""^(?:
        <!--.*|!--.*|.*-->|</?(?:"""
    + _TAG
    + r""")(?=[\s/>])[^>]*>.*|\{.*\}|.*\bgtag\(|.*\bwindow\.\w+|.*\bfunction\s*\(|.*document\.write
      | (?:advertisement|advertisements|sponsored|skip\ to\ (?:main\ )?content|share\ this(?:\ article)?|share
        |print|email|tweet|read\ more|related(?:\ articles)?|subscribe(?:\ now)?|sign\ up|log\ ?in|menu|home
        |click\ here.*|cookies?.*|accept\ cookies|loading\.*|\W+)$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCE = re.compile(r"^(?:source|sources|via|credit|photo\ credit)\s*[:|-]\s*(?P<v>.+)$", re.IGNORECASE | re.X)
_BYLINE = re.compile(
    r"^(?i:by|written\ by|author)\s*:?\s+(?P<v>[A-Z][\w.'’-]*(?:[ ,]+(?:and\ )?[A-Z][\w.'’-]*){0,6})$", re.X
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}
# ASCII letters only (`(?a:`): case-insensitive matching would otherwise take "ſeptember" (long s) or "aprıl"
# (dotless i) as month names, which the `_MONTHS` table, keyed by lower-case ASCII, does not hold.
_MONTH = r"(?P<mon>(?a:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_PREFIX = r"(?:(?:published|posted|updated|last\ updated|date)\s*(?:on)?\s*:?\s*)?"
_DATE_LINE = re.compile(
    rf"""^{_PREFIX}{_WEEKDAY}(?:
        {_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
      | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace("mon>", "mon2>")}\s+(?P<y2>\d{{4}})
      | (?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})
      | (?P<d4>\d{{1,2}})/(?P<m4>\d{{1,2}})/(?P<y4>\d{{4}})
    )(?:[,\sT]+\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\.\d+)?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:Z|[A-Z]{{2,4}}|[+-]\d{{2}}:?\d{{2}})?)?\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


def parse_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD, or YYYY-MM when the day is unknown) from the date formats news pages use."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        y, mo, d = m.groups()
        return _valid(int(y), int(mo), int(d) if d else None)
    m = _DATE_LINE.match(value)
    if not m:
        return None
    g = m.groupdict()
    if g["y1"]:
        return _valid(int(g["y1"]), _month(g["mon"]), int(g["d1"]))
    if g["y2"]:
        return _valid(int(g["y2"]), _month(g["mon2"]), int(g["d2"]))
    if g["y3"]:  # "Published: 2024-03-14": an ISO date after a label
        return _valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y4"]:  # day/month/year, the international order
        return _valid(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTHS[key[:3]]


def _valid(y: int, m: int, d: int | None) -> str | None:
    try:
        return date(y, m, d).isoformat() if d else f"{date(y, m, 1).isoformat()[:7]}"
    except ValueError:
        return None


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


# A line that opens with a label ("published: …", "updated 09:30"): a page's furniture, never a wrapped line's end.
_LABEL = re.compile(r"[a-z]+:")
# What ends a line that is a whole paragraph (or a heading, caption or credit) rather than a wrapped part of one.
_LINE_CLOSE = frozenset('.!?:;"”’)]…')


def _unwrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped text joined back into its paragraphs: a line that starts in lower case ("well as imports …")
    after a line with no closing punctuation ("… in 2020, as") carries that line on; a line is otherwise a
    paragraph of its own, as scraped pages write them. ("iPhone", "eBay" opening a line start no wrap, nor does a
    label, a date line, a byline or a source line in lower case.)"""
    out: list[str] = []
    for line in lines:
        text = line.lstrip()
        if (
            out
            and out[-1]
            and text[:1].islower()
            and not text[1:2].isupper()
            and out[-1][-1] not in _LINE_CLOSE
            and not _LABEL.match(text)
            and not _DATE_LINE.match(text)
            and not _BYLINE.match(text)
            and not _SOURCE.match(text)
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(line)
    return out


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def _looks_like_heading(line: str) -> bool:
    """Short, no closing punctuation: a headline or caption rather than a paragraph."""
    return len(line) <= 200 and not _SENTENCE_END.search(line) and len(line.split()) >= 2


def clean(record: Record) -> Article:
    """Turn a record into an Article whose body holds only the article's own paragraphs, its mojibake repaired
    (`tracker.read.mojibake`; the article's `encoding` then says so)."""
    text = repair(record.text)
    repaired = text is not record.text and text != record.text
    lines = _unwrapped(_lines(text))
    title = _repaired(record.title.strip()) if record.title else None
    published = parse_date(record.published) if record.published else None
    source, byline, caption = _repaired(record.source), _repaired(record.byline), _repaired(record.caption)
    junk: list[str] = []
    body: list[str] = []
    header_seen = 0
    header_open = True
    pending_headings: list[str] = []  # short lines in the header whose role is not yet known

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        in_header = header_open and header_seen < HEADER_LINES
        header_seen += 1
        if len(line) < 300 and _JUNK.match(line):
            junk.append(line)
            continue
        if not in_header:
            body.append(raw.strip())
            continue
        if title is None and not body and not pending_headings and _looks_like_heading(line):
            title = line
            continue
        if _same(line, title):
            continue  # the headline printed again
        if _DATE_LINE.match(line):
            parsed = parse_date(line)
            if parsed and not published:
                published = parsed
            continue
        if (m := _SOURCE.match(line)) is not None and len(line) < 120:
            source = source or m.group("v").strip()
            if pending_headings and caption is None:
                caption = pending_headings.pop(0)
            body.extend(pending_headings)
            pending_headings = []
            continue
        if (m := _BYLINE.match(line)) is not None:
            byline = byline or m.group("v").strip()
            continue
        if _looks_like_heading(line) and len(line) <= 150:
            pending_headings.append(line)
            continue
        # A real paragraph. Headings waiting before it were a caption if a date line came before them, else body.
        if pending_headings:
            if caption is None and published is not None and not record.published:
                caption = pending_headings.pop(0)
            body.extend(pending_headings)
            pending_headings = []
        body.append(line)
        if len(body) >= 2 and published is not None:
            header_open = False
    if pending_headings:
        body.extend(pending_headings)

    if title is None:
        title = _title_from(record)
    return Article(
        title=title,
        body="\n\n".join(body),
        published=published,
        source=source,
        url=record.url,
        byline=byline,
        caption=caption,
        path=record.where,
        format=record.format,
        junk=junk,
        encoding=f"{record.encoding} (mojibake repaired)" if repaired else record.encoding,
    )


def _repaired(field: str | None) -> str | None:
    return repair(field) if field else field


def _title_from(record: Record) -> str | None:
    if record.where and not record.where.startswith("<"):
        stem = Path(record.where.split(":")[0]).stem
        return stem.replace("-", " ").replace("_", " ").strip().capitalize() or None
    return None


def raw_article(record: Record) -> Article:
    """The record's text as the body, untouched, so offsets index the file itself (`tracker parse --raw`)."""
    return Article(
        title=record.title or _title_from(record),
        body=record.text,
        published=parse_date(record.published),
        source=record.source,
        url=record.url,
        byline=record.byline,
        caption=record.caption,
        path=record.where,
        format=record.format,
        encoding=record.encoding,
    )
