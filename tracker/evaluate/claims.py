"""`tracker eval claims GOLD.jsonl`: how well claim detection and figure extraction agree with a gold set.

Gold records are one JSON object a line: `{"text": str, "is_claim": bool}` and optionally
`"quantities": [{"value": number, "unit": str}]`. Each text is parsed on its own, as is; it counts as a predicted
claim when a claim of a factual kind covers at least half of it (the metric of shared/eval/README.md), so that
opinions and predictions the parser labels correctly do not count as claims.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from tracker.extraction.claims import FACTUAL_KINDS, find_claims
from tracker.extraction.quantities import find_quantities


def predicts_claim(text: str) -> bool:
    """Yes when a factual claim covers at least half of the text."""
    if not text:
        return False
    for c in find_claims(text, [], None, None):
        if c.kind in FACTUAL_KINDS and 2 * (min(c.end, len(text)) - max(c.start, 0)) >= len(text):
            return True
    return False


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(100 * p, 1),
        "recall": round(100 * r, 1),
        "f1": round(100 * f, 1),
    }


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def quantity_matches(text: str, gold: list[dict]) -> tuple[int, int, int]:
    """(gold figures found with value and unit right, gold figures, predicted figures)."""
    predicted = find_quantities(text)
    used: set[int] = set()
    right = 0
    for g in gold:
        unit = (g.get("unit") or "").lower() or None
        for i, q in enumerate(predicted):
            if i in used:
                continue
            value = q.value if q.value is not None else q.lower
            if _same_value(value, g.get("value")) and (q.unit or "").lower() == (unit or ""):
                used.add(i)
                right += 1
                break
    return right, len(gold), len(predicted)


def _records(path: str | Path):
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            line = line.strip()
            if line:
                yield json.loads(line)


def evaluate_claims(path: str | Path) -> dict:
    """P/R/F1 of the yes class over the gold file, quantity accuracy where the gold lists figures, and speed."""
    tp = fp = fn = n = 0
    q_right = q_gold = q_pred = q_records = 0
    t0 = time.perf_counter()
    for rec in _records(path):
        text = rec.get("text") or ""
        n += 1
        if "is_claim" in rec:
            yes = predicts_claim(text)
            gold = bool(rec["is_claim"])
            tp += yes and gold
            fp += yes and not gold
            fn += gold and not yes
        if rec.get("quantities") is not None:
            q_records += 1
            r, g, p = quantity_matches(text, rec["quantities"])
            q_right, q_gold, q_pred = q_right + r, q_gold + g, q_pred + p
    seconds = time.perf_counter() - t0
    report = {
        "path": str(path),
        "records": n,
        "claims": _prf(tp, fp, fn),
        "ms_per_record": round(1000 * seconds / max(n, 1), 3),
    }
    if q_records:
        report["quantities"] = {
            "records": q_records,
            "gold": q_gold,
            "predicted": q_pred,
            "right": q_right,
            "accuracy": round(100 * q_right / q_gold, 1) if q_gold else 0.0,
            "precision": round(100 * q_right / q_pred, 1) if q_pred else 0.0,
        }
    return report


def format_report(report: dict) -> str:
    c = report["claims"]
    lines = [
        f"claims eval: {report['path']} ({report['records']} records, {report['ms_per_record']} ms each)",
        f"  factual claim (yes class): P {c['precision']:.1f}  R {c['recall']:.1f}  F1 {c['f1']:.1f}"
        f"  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})",
    ]
    q = report.get("quantities")
    if q:
        lines.append(
            f"  quantities (value and unit right): {q['right']}/{q['gold']} = {q['accuracy']:.1f} %"
            f"  precision {q['precision']:.1f} % of {q['predicted']} predicted, in {q['records']} records"
        )
    return "\n".join(lines)
