"""What one parsed article becomes in the database, by table: built apart from writing, in the ingest's workers
and in the Dask path's tasks (the same function, so both paths store the same rows)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from tracker import parse
from tracker.ids import article_id, speaker_id
from tracker.parse import Parsed
from tracker.records import Article

# The tables an article's rows go to, in the order they are written (parents before children).
STORED_TABLES = (
    "articles",
    "speakers",
    "speaker_aliases",
    "quotes",
    "claims",
    "quantities",
    "claim_dates",
    "entities",
    "claim_entities",
)


def content_hash(article: Article) -> str:
    """What, if it changes, means the article must be re-parsed."""
    h = hashlib.sha1()
    for part in (
        article.title,
        article.published,
        article.source,
        article.url,
        article.byline,
        article.caption,
        article.body,
    ):
        h.update((part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def identity(article: Article) -> str:
    """What says two records are the same article, whatever their text: the URL, else title, date and source."""
    if article.url:
        return article.url
    if article.title:
        return "\x1f".join((article.title, article.published or "", article.source or ""))
    return article.body


def article_key(article: Article) -> str:
    return article_id(article.title, identity(article))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def rows_for(parsed: Parsed, aid: str, digest: str) -> dict[str, Any]:
    """The rows one parsed article becomes, by table; built apart from writing so batches can be written
    with one executemany per table. Besides the tables' lists of rows it holds two mappings by claim id,
    "claim_keys" and "claim_subjects" (tracker.store.grouping), computed here, in the ingest's workers."""
    a = parsed.article
    now = _now()
    out: dict[str, Any] = {k: [] for k in STORED_TABLES}
    out["articles"].append(
        {
            "id": aid,
            "title": a.title,
            "published": a.published,
            "source": a.source,
            "url": a.url,
            "byline": a.byline,
            "caption": a.caption,
            "body": a.body,
            "format": a.format,
            "encoding": a.encoding,
            "path": a.path,
            "content_hash": digest,
            "parser_version": parse.PARSER_VERSION,  # read at call time: one version for status_of and the rows
            "quote_count": len(parsed.extraction.quotes),
            "claim_count": len(parsed.extraction.claims),
            "ingested_at": now,
            "updated_at": now,
        }
    )

    def speaker_row(ref) -> str | None:
        if ref is None or not ref.name:
            return None
        sid = speaker_id(ref.name)
        out["speakers"].append({"id": sid, "name": ref.name, "kind": ref.kind, "role": ref.role})
        for alias in {ref.mention, ref.name, *(ref.aliases or [])}:
            if alias:
                out["speaker_aliases"].append({"speaker_id": sid, "alias": alias})
        return sid

    for q in parsed.extraction.quotes:
        sp = q.speaker
        out["quotes"].append(
            {
                "id": f"{aid}-{q.id}",
                "article_id": aid,
                "speaker_id": speaker_row(sp),
                "kind": q.kind,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "cue": q.cue,
                "mention": sp.mention if sp else None,
                "mention_start": sp.start if sp else None,
                "mention_end": sp.end if sp else None,
                "speaker_kind": sp.kind if sp else None,
                "published": a.published,
            }
        )
    encode = json.encoder.encode_basestring_ascii

    def features_json(features: list[str]) -> str:
        # What json.dumps writes for a list of strings, without it setting up an encoder for every claim (a
        # quarter of the time of this function's own lines).
        return "[" + ", ".join(map(encode, features)) + "]"

    for c in parsed.extraction.claims:
        cid = f"{aid}-{c.id}"
        out["claims"].append(
            {
                "id": cid,
                "article_id": aid,
                "speaker_id": speaker_row(c.speaker),
                "quote_id": f"{aid}-{c.quote_id}" if c.quote_id else None,
                "kind": c.kind,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "score": round(c.score, 3),
                "features": features_json(c.features),
                "published": a.published,
            }
        )
        for x in c.quantities:
            out["quantities"].append(
                {
                    "claim_id": cid,
                    "text": x.text,
                    "start": x.start,
                    "end": x.end,
                    "value": x.value,
                    "unit": x.unit,
                    "currency": x.currency,
                    "approximate": int(bool(x.approximate)),
                    "lower": x.lower,
                    "upper": x.upper,
                    "kind": x.kind,
                }
            )
        for d in c.dates:
            out["claim_dates"].append(
                {
                    "claim_id": cid,
                    "text": d.text,
                    "start": d.start,
                    "end": d.end,
                    "value": d.value,
                    "precision": d.precision,
                    "relative": int(bool(d.relative)),
                }
            )
        for e in c.entities:
            eid = speaker_id(e.name)
            out["entities"].append({"id": eid, "name": e.name, "kind": e.kind, "acronym": e.acronym})
            out["claim_entities"].append(
                {"claim_id": cid, "entity_id": eid, "text": e.text, "start": e.start, "end": e.end}
            )
    from tracker.store.claim_keys import claim_keys, claim_subjects, rows_by_claim

    by_claim = rows_by_claim(out)
    wording: dict = {}  # each claim's content words: tokenised once for its group keys and its conflict frame
    out["claim_keys"] = claim_keys(out, by_claim, wording)
    out["claim_subjects"] = claim_subjects(out, by_claim, wording)
    return out
