"""`tracker eval realnews GOLD.jsonl`: whole articles annotated by hand, scored on everything the parser gives.

The gold format and the metric are those of `shared/eval/REALNEWS.md`: every attributed quote with its speaker
resolved to a name, every check-worthy claim with who asserts it, its figures (value, unit, bounds) and its dates
(resolved against the publication date). The metric is implemented here, not borrowed from the quote or claim
scorers, because it differs from both: quotes match many-to-many at coverage 0.3 (annotators and parsers split a
quote broken by its attribution differently), and figures and dates are scored on the gold claims, whichever
predicted claim carries them. Each document's misses and wrong answers can be written out (`--errors DIR`),
because the scores say how much is wrong and only the errors say what.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extraction.claims import FACTUAL_KINDS
from tracker.extraction.pipeline import extract
from tracker.extraction.unit_names import canonical_unit

_PUNCT = re.compile(r"[^\w\s%]+")
_SPACE = re.compile(r"\s+")


def norm_unit(unit: str | None) -> str | None:
    """A unit as the metric compares it: its canonical name (`unit_names`), in lower case."""
    u = canonical_unit(unit)
    return u.lower() if u else None


def norm_name(name: str | None) -> str:
    """A name ignoring case and punctuation."""
    if not name:
        return ""
    return _SPACE.sub(" ", _PUNCT.sub(" ", name.lower())).strip()


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Equal ignoring case and punctuation, both absent, or a surname alone on either side ("Perez" = "Juan
    Perez")."""
    p, g = norm_name(predicted), norm_name(gold)
    if not p or not g:
        return not p and not g
    if p == g:
        return True
    pw, gw = p.split(), g.split()
    return (len(pw) == 1 and pw[0] == gw[-1]) or (len(gw) == 1 and gw[0] == pw[-1])


def same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def figure_right(q, g: dict) -> bool:
    """The predicted quantity has the gold figure's unit and value (or, for a gold figure without a value, its
    bounds)."""
    if norm_unit(q.unit) != norm_unit(g.get("unit")):
        return False
    if g.get("value") is not None:
        return same_value(q.value, g["value"])
    return same_value(q.lower, g.get("lower")) and same_value(q.upper, g.get("upper"))


def date_right(predicted: str | None, gold: str | None) -> bool:
    """Agrees at the gold's precision: gold "2019-11", predicted "2019-11-11" is right; the reverse is not."""
    if not predicted or not gold:
        return False
    return len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _hull(spans) -> tuple[int, int] | None:
    spans = [s for s in spans or [] if s and s[1] > s[0]]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


@dataclass(slots=True)
class Tally:
    """The counts behind every score; summed over documents."""

    q_pred: int = 0
    q_pred_right: int = 0
    q_gold: int = 0
    q_found: int = 0
    q_mention: int = 0
    q_named: int = 0
    q_name: int = 0
    c_pred: int = 0
    c_pred_right: int = 0
    c_gold: int = 0
    c_found: int = 0
    c_speaker: int = 0
    f_gold: int = 0
    f_found: int = 0
    f_right: int = 0
    f_pred: int = 0
    f_pred_right: int = 0
    d_gold: int = 0
    d_found: int = 0
    d_right: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class DocResult:
    doc_id: str
    tally: Tally
    errors: dict = field(default_factory=dict)


def _speaker_text(ref) -> str | None:
    return None if ref is None else ref.name


def score_quotes(doc: dict, quotes: list, t: Tally, errors: dict) -> None:
    text = doc["text"]
    golds = []
    for att in doc.get("attributions", []):
        hull = _hull((att.get("content") or {}).get("spans"))
        if hull is not None:
            golds.append((hull, att))
    t.q_gold += len(golds)
    t.q_pred += len(quotes)
    for q in quotes:
        if any(
            _overlap(q.start, q.end, g0, g1) > 0.3 * (g1 - g0)
            or _overlap(q.start, q.end, g0, g1) > 0.5 * (q.end - q.start)
            for (g0, g1), _ in golds
        ):
            t.q_pred_right += 1
        else:
            errors.setdefault("quotes_wrong", []).append(
                {"text": text[q.start : q.end], "start": q.start, "speaker": _speaker_text(q.speaker)}
            )
    for (g0, g1), att in golds:
        best, best_ov = None, 0
        for q in quotes:
            ov = _overlap(q.start, q.end, g0, g1)
            if ov > best_ov:
                best, best_ov = q, ov
        if best is None or best_ov <= 0.3 * (g1 - g0):
            errors.setdefault("quotes_missed", []).append(
                {"text": text[g0:g1], "start": g0, "source": (att.get("source") or {}).get("text")}
            )
            continue
        t.q_found += 1
        source = [s for s in (att.get("source") or {}).get("spans") or [] if s and s[1] > s[0]]
        spk = best.speaker
        if spk is None or not source:
            mention_ok = spk is None and not source
        else:
            mention_ok = any(_overlap(spk.start, spk.end, s, e) > 0 for s, e in source)
        # The name is scored where the gold has one; a quote with no speaker in the text is the mention's case.
        name_ok = True
        if att.get("resolved"):
            name_ok = same_name(_speaker_text(spk), att["resolved"])
            t.q_named += 1
            t.q_name += name_ok
        t.q_mention += mention_ok
        if not (mention_ok and name_ok):
            errors.setdefault("quote_speakers_wrong", []).append(
                {
                    "text": text[g0:g1][:160],
                    "start": g0,
                    "gold_mention": (att.get("source") or {}).get("text"),
                    "gold_resolved": att.get("resolved"),
                    "mention": None if spk is None else spk.mention,
                    "resolved": _speaker_text(spk),
                }
            )


def score_claims(doc: dict, claims: list, t: Tally, errors: dict) -> list[dict]:
    """Claims P/R/F1 and speakers; returns the gold claims found (figure precision is counted inside them)."""
    golds = doc.get("claims", [])
    preds = [c for c in claims if c.kind in FACTUAL_KINDS]
    t.c_gold += len(golds)
    t.c_pred += len(preds)
    for p in preds:
        if any(_claim_match(p.start, p.end, g["start"], g["end"]) for g in golds):
            t.c_pred_right += 1
        else:
            errors.setdefault("claims_wrong", []).append({"text": p.text, "start": p.start, "kind": p.kind})
    found = []
    for g in golds:
        g0, g1 = g["start"], g["end"]
        covered = _covered([(p.start, p.end) for p in preds], g0, g1)
        if 2 * covered < g1 - g0:
            errors.setdefault("claims_missed", []).append({"text": g["text"], "start": g0, "kind": g.get("kind")})
            continue
        found.append(g)
        t.c_found += 1
        best = max(preds, key=lambda p: _overlap(p.start, p.end, g0, g1))
        name = _speaker_text(best.speaker)
        if same_name(name, g.get("speaker")):
            t.c_speaker += 1
        else:
            errors.setdefault("claim_speakers_wrong", []).append(
                {"text": g["text"][:160], "start": g0, "gold": g.get("speaker"), "predicted": name}
            )
    return found


def _claim_match(p0: int, p1: int, g0: int, g1: int) -> bool:
    """At least half of the prediction lies inside the gold claim, or it covers at least half of it."""
    ov = _overlap(p0, p1, g0, g1)
    return ov > 0 and (2 * ov >= p1 - p0 or 2 * ov >= g1 - g0)


def _covered(spans: list[tuple[int, int]], g0: int, g1: int) -> int:
    """Characters of [g0, g1) that the spans cover together."""
    total, pos = 0, g0
    for s, e in sorted(spans):
        s, e = max(s, pos), min(e, g1)
        if e > s:
            total += e - s
            pos = e
    return total


def _best(items: list, s: int, e: int):
    best, best_ov = None, 0
    for x in items:
        ov = _overlap(x.start, x.end, s, e)
        if ov > best_ov:
            best, best_ov = x, ov
    return best


def score_figures_dates(doc: dict, claims: list, found: list[dict], t: Tally, errors: dict) -> None:
    quantities = list({(q.start, q.end): q for c in claims for q in c.quantities}.values())
    dates = list({(d.start, d.end): d for c in claims for d in c.dates}.values())
    gold_figures = [f for g in doc.get("claims", []) for f in g.get("figures", [])]
    for f in gold_figures:
        t.f_gold += 1
        q = _best(quantities, f["start"], f["end"])
        if q is None:
            errors.setdefault("figures_missed", []).append({"text": f["text"], "start": f["start"]})
            continue
        t.f_found += 1
        if figure_right(q, f):
            t.f_right += 1
        else:
            errors.setdefault("figures_wrong", []).append(
                {
                    "text": f["text"],
                    "start": f["start"],
                    "gold": [f.get("value"), f.get("unit"), f.get("lower"), f.get("upper")],
                    "predicted": [q.text, q.value, q.unit, q.lower, q.upper],
                }
            )
    for g in found:
        for q in quantities:
            if q.start >= g["start"] and q.end <= g["end"]:
                t.f_pred += 1
                if any(_overlap(q.start, q.end, f["start"], f["end"]) for f in gold_figures):
                    t.f_pred_right += 1
                else:
                    errors.setdefault("figures_extra", []).append(
                        {"text": q.text, "start": q.start, "value": q.value, "unit": q.unit}
                    )
    for g in doc.get("claims", []):
        for gd in g.get("dates", []):
            t.d_gold += 1
            d = _best(dates, gd["start"], gd["end"])
            if d is None:
                errors.setdefault("dates_missed", []).append({"text": gd["text"], "start": gd["start"]})
                continue
            t.d_found += 1
            if date_right(d.value, gd.get("value")):
                t.d_right += 1
            else:
                errors.setdefault("dates_wrong", []).append(
                    {"text": gd["text"], "start": gd["start"], "gold": gd.get("value"), "predicted": [d.text, d.value]}
                )


def score_document(doc: dict, extraction) -> DocResult:
    """One document's counts and errors against an extraction (quotes and claims of `doc["text"]`)."""
    t = Tally()
    errors: dict = {}  # what each scorer got wrong, by kind (written out with --errors)
    score_quotes(doc, extraction.quotes, t, errors)
    found = score_claims(doc, extraction.claims, t, errors)
    score_figures_dates(doc, extraction.claims, found, t, errors)
    return DocResult(doc.get("doc_id", ""), t, errors)


def _pct(n: int, d: int) -> float:
    return round(100.0 * n / d, 1) if d else 0.0


def _prf(right_pred: int, pred: int, found: int, gold: int) -> dict:
    p = right_pred / pred if pred else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def summarize(t: Tally) -> dict:
    return {
        "quotes": {
            **_prf(t.q_pred_right, t.q_pred, t.q_found, t.q_gold),
            "speaker_mention": _pct(t.q_mention, t.q_found),
            "resolved_name": _pct(t.q_name, t.q_named),
            "predicted": t.q_pred,
            "gold": t.q_gold,
            "found": t.q_found,
        },
        "claims": {
            **_prf(t.c_pred_right, t.c_pred, t.c_found, t.c_gold),
            "speaker": _pct(t.c_speaker, t.c_found),
            "predicted": t.c_pred,
            "gold": t.c_gold,
            "found": t.c_found,
        },
        "figures": {
            "found": _pct(t.f_found, t.f_gold),
            "right": _pct(t.f_right, t.f_gold),
            "precision": _pct(t.f_pred_right, t.f_pred),
            "gold": t.f_gold,
        },
        "dates": {"found": _pct(t.d_found, t.d_gold), "right": _pct(t.d_right, t.d_gold), "gold": t.d_gold},
    }


def evaluate_docs(docs: list[dict], errors_dir: str | Path | None = None) -> dict:
    """Parse each text verbatim with its publication date and score it; write per-document errors if asked."""
    total = Tally()
    cpu = time.process_time()
    results = []
    for doc in docs:
        result = score_document(doc, extract(doc["text"], doc.get("published")))
        total.add(result.tally)
        results.append(result)
    cpu = time.process_time() - cpu
    if errors_dir is not None:
        write_errors(results, errors_dir)
    return {"documents": len(docs), "cpu_ms_per_document": round(1000 * cpu / max(1, len(docs)), 2), **summarize(total)}


def write_errors(results: list[DocResult], directory: str | Path) -> None:
    """One JSON file a document: its misses and wrong answers, by kind, in text order."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for r in results:
        name = re.sub(r"[^\w.-]+", "_", r.doc_id or "doc") + ".json"
        body = {k: sorted(v, key=lambda x: x.get("start", 0)) for k, v in sorted(r.errors.items())}
        (out / name).write_text(json.dumps({"doc_id": r.doc_id, **body}, indent=1, ensure_ascii=False), "utf-8")


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fp:
        return [json.loads(line) for line in fp if line.strip()]


def evaluate_realnews(path: str | Path, errors_dir: str | Path | None = None) -> dict:
    report = evaluate_docs(load_jsonl(path), errors_dir)
    report["path"] = str(path)
    return report


def format_report(report: dict) -> str:
    q, c, f, d = report["quotes"], report["claims"], report["figures"], report["dates"]
    return "\n".join(
        [
            f"realnews eval: {report.get('path', '')} ({report['documents']} documents, "
            f"{report['cpu_ms_per_document']} ms CPU each)",
            f"  quotes:  P {q['precision']:.1f}  R {q['recall']:.1f}  F1 {q['f1']:.1f}"
            f"  (predicted {q['predicted']}, gold {q['gold']}, found {q['found']})",
            f"           speaker mention {q['speaker_mention']:.1f} %  resolved name {q['resolved_name']:.1f} %",
            f"  claims:  P {c['precision']:.1f}  R {c['recall']:.1f}  F1 {c['f1']:.1f}"
            f"  (predicted {c['predicted']}, gold {c['gold']}, found {c['found']})",
            f"           claim speaker {c['speaker']:.1f} %",
            f"  figures: found {f['found']:.1f} %  value and unit right {f['right']:.1f} %"
            f"  precision {f['precision']:.1f} %  (gold {f['gold']})",
            f"  dates:   found {d['found']:.1f} %  right {d['right']:.1f} %  (gold {d['gold']})",
        ]
    )
