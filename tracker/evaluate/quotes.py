"""Score quote extraction against a gold attribution file (PolNeAR-style JSONL).

The metric is the GenderGapTracker quote metric as extended in `shared/eval/README.md`, implemented here rather
than borrowed, so that `tracker eval quotes` measures exactly what the README promises and a change to the
finder can be judged by one number. Gold contents split around `, he said,` are scored against their hull.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

THRESHOLDS: tuple[str, ...] = ("0.3", "0.8", "exact")
CLASSES: tuple[str, ...] = ("direct", "indirect", "total")

# The README's reporting words. The metric defines the speech subset with them, so the list stays as written
# there (inflected), independent of the finder's much longer cue list.
_REPORTING_BASES = (
    "say tell add according note write ask stress urge warn insist argue claim announce deny mention explain "
    "declare state acknowledge suggest call describe reply respond tweet post recall admit continue predict "
    "promise vow repeat"
).split()
_IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"]}
_QUOTE_MARK = re.compile(r"[\"“”«»]|''")


def inflections(verb: str) -> set[str]:
    """Regular English inflections, enough to recognise "urges", "denied", "vowing", "stated".

    Deliberately not `tracker.extraction.quotes.inflections`: the speech subset is part of the metric's definition
    (../shared/eval/README.md) and must not move when the extractor's cue list changes."""
    forms = {verb, verb + "s", verb + "ing", verb + "ed"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if re.search(r"[sxz]$|[cs]h$", verb):
        forms.add(verb + "es")
    forms.update(_IRREGULAR.get(verb, []))
    return forms


_REPORTING = re.compile(
    r"\b(?:" + "|".join(sorted({f for v in _REPORTING_BASES for f in inflections(v)}, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    direct: bool
    speech: bool
    source: list[tuple[int, int]]


def _hull(spans: list | None) -> tuple[int, int] | None:
    spans = [s for s in spans or [] if s and s[1] > s[0]]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def gold_items(doc: dict) -> list[Gold]:
    """The gold contents of one document; attributions without a content cannot be matched and are left out."""
    text = doc["text"]
    out = []
    for att in doc.get("attributions", []):
        content = att.get("content") or {}
        hull = _hull(content.get("spans"))
        if hull is None:
            continue
        direct = bool(att.get("is_direct")) or bool(_QUOTE_MARK.search(text, hull[0], hull[1]))
        cue = ((att.get("cue") or {}).get("text") or "").strip()
        speech = direct or cue == ":" or bool(_REPORTING.search(cue))
        source = [tuple(s) for s in ((att.get("source") or {}).get("spans") or []) if s and s[1] > s[0]]
        out.append(Gold(hull[0], hull[1], direct, speech, source))
    return out


def _coverage(g: Gold, p) -> float:
    return max(0, min(g.end, p.end) - max(g.start, p.start)) / max(1, g.end - g.start)


def match(golds: list[Gold], preds: list, threshold: str) -> list[tuple[Gold, object]]:
    """Greedy matching in gold order; a prediction serves at most one gold."""
    used: set[int] = set()
    pairs = []
    for g in golds:
        best, best_cov = None, 0.0
        for i, p in enumerate(preds):
            if i in used:
                continue
            if threshold == "exact":
                cov = 1.0 if (p.start, p.end) == (g.start, g.end) else 0.0
            else:
                cov = _coverage(g, p)
            if cov > best_cov:
                best, best_cov = i, cov
        if best is not None and (best_cov >= 1.0 if threshold == "exact" else best_cov > float(threshold)):
            used.add(best)
            pairs.append((g, preds[best]))
    return pairs


def speaker_ok(g: Gold, p) -> bool:
    spk = getattr(p, "speaker", None)
    if spk is None or not g.source:
        return spk is None and not g.source
    return any(min(e, spk.end) > max(s, spk.start) for s, e in g.source)


def _pred_class(p) -> str:
    return "indirect" if p.kind == "indirect" else "direct"


def _counts() -> dict:
    return {c: {"pred": 0, "gold": 0, "matched_pred": 0, "matched_gold": 0, "speaker_ok": 0} for c in CLASSES}


def _add_doc(counts: dict, golds: list[Gold], preds: list, pairs: list, subset: bool) -> None:
    """Add one document's numbers; in the speech subset a prediction matched to non-speech gold is not counted."""
    excluded = {id(p) for g, p in pairs if subset and not g.speech}
    for p in preds:
        if id(p) not in excluded:
            for c in (_pred_class(p), "total"):
                counts[c]["pred"] += 1
    for g in golds:
        if subset and not g.speech:
            continue
        for c in ("direct" if g.direct else "indirect", "total"):
            counts[c]["gold"] += 1
    for g, p in pairs:
        if subset and not g.speech:
            continue
        for c in (_pred_class(p), "total"):
            counts[c]["matched_pred"] += 1
        gc = "direct" if g.direct else "indirect"
        good = speaker_ok(g, p)
        for c in (gc, "total"):
            counts[c]["matched_gold"] += 1
            counts[c]["speaker_ok"] += good


def _scores(c: dict) -> dict:
    p = 100.0 * c["matched_pred"] / c["pred"] if c["pred"] else 0.0
    r = 100.0 * c["matched_gold"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = 100.0 * c["speaker_ok"] / c["matched_gold"] if c["matched_gold"] else 0.0
    return {"precision": round(p, 1), "recall": round(r, 1), "f1": round(f, 1), "speaker_accuracy": round(acc, 1), **c}


def evaluate_docs(docs: list[dict], finder=None) -> dict:
    """Scores for already-loaded documents; `finder(text)` defaults to the tracker's quote finder."""
    if finder is None:
        from tracker.extraction.quotes import find_quotes
        from tracker.extraction.sentences import sentences

        def finder(text):
            return find_quotes(text, sentences(text))

    counts = {subset: {t: _counts() for t in THRESHOLDS} for subset in ("all", "speech")}
    for doc in docs:
        golds = gold_items(doc)
        preds = finder(doc["text"])
        for t in THRESHOLDS:
            pairs = match(golds, preds, t)
            _add_doc(counts["all"][t], golds, preds, pairs, subset=False)
            _add_doc(counts["speech"][t], golds, preds, pairs, subset=True)
    report: dict[str, object] = {"documents": len(docs)}
    for subset, by_t in counts.items():
        report[subset] = {t: {c: _scores(by_c[c]) for c in CLASSES} for t, by_c in by_t.items()}
    return report


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fp:
        return [json.loads(line) for line in fp if line.strip()]


def evaluate_quotes(path: str | Path) -> dict:
    """Run the quote finder on every document of a gold JSONL file and score it."""
    report = evaluate_docs(load_jsonl(path))
    report["path"] = str(path)
    return report


def format_report(report: dict) -> str:
    """A plain-text table: one row per subset, threshold and class."""
    lines = [f"quotes: {report.get('documents', 0)} documents" + (f" ({report['path']})" if report.get("path") else "")]
    header = f"{'subset':<7} {'t':<6} {'class':<9} {'P':>6} {'R':>6} {'F1':>6} {'spk%':>6} {'pred':>6} {'gold':>6}"
    lines.append(header)
    lines.append("-" * len(header))
    for subset in ("all", "speech"):
        for t in THRESHOLDS:
            for c in CLASSES:
                s = report[subset][t][c]
                lines.append(
                    f"{subset:<7} {t:<6} {c:<9} {s['precision']:>6.1f} {s['recall']:>6.1f} {s['f1']:>6.1f} "
                    f"{s['speaker_accuracy']:>6.1f} {s['pred']:>6} {s['gold']:>6}"
                )
    return "\n".join(lines)
