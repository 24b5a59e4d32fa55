"""The editable alias table: place names and phrases that stand for a government or organisation.

Kept as a CSV beside the code (`aliases.csv`) so a researcher can add "Whitehall" or "the Quai d'Orsay" without
touching Python. `TRACKER_ALIASES` may point at an extra CSV of the same shape whose rows win.
"""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

ALIASES_CSV = Path(__file__).with_name("aliases.csv")


def _read(path: Path) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    with open(path, newline="", encoding="utf-8") as fp:
        for row in csv.DictReader(fp):
            alias = (row.get("alias") or "").strip()
            name = (row.get("name") or "").strip()
            if alias and name:
                table[alias.lower()] = (name, (row.get("kind") or "organisation").strip())
    return table


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, tuple[str, str]]:
    """Map a lower-cased alias ("washington", "the kremlin") to (canonical name, kind)."""
    table = _read(ALIASES_CSV)
    extra = os.environ.get("TRACKER_ALIASES")
    if extra and Path(extra).exists():
        table.update(_read(Path(extra)))
    return table


def resolve_alias(mention: str) -> tuple[str, str] | None:
    """(name, kind) for a mention such as "the US side", or None; a leading "the" is optional."""
    return alias_of(mention.strip().lower())


def alias_of(key: str) -> tuple[str, str] | None:
    """`resolve_alias` of a mention already stripped and lower-cased (a caller that lower-cases it anyway)."""
    table = load_aliases()
    hit = table.get(key)
    if hit is None and key.startswith("the "):
        hit = table.get(key[4:])
    return hit
