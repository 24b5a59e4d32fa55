"""HTML pages to a `Record`, with trafilatura.

trafilatura is the field's best-measured main-text extractor (boilerplate, navigation and comments removed;
title, author, date, site name and canonical URL from the page's metadata); writing that by hand would be
worse and slower. It is imported lazily so plain-text and CSV ingests do not pay its import time.
"""

from __future__ import annotations

import logging
import warnings

from tracker.read.formats import ReadError, Record

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def extract_html(html: str, where: str) -> Record:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
            )
        except Exception as e:  # trafilatura raises assorted lxml errors on broken markup
            raise ReadError(where, f"malformed HTML ({type(e).__name__}: {e})") from None
        if doc is None:
            # Very short or unusual pages: fall back to recall mode before giving up.
            doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if not text:
        raise ReadError(where, "no article text found in the HTML")
    return Record(
        where=where,
        text=text,
        format="html",
        title=data.get("title") or None,
        published=data.get("date") or None,
        url=data.get("url") or None,
        source=data.get("sitename") or data.get("hostname") or None,
        byline=data.get("author") or None,
    )
