"""The package layout is the pipeline: imports run one way, from the shared vocabulary down to the web.

Every `import tracker…` and `from tracker… import` in the package, at module level or inside a function, is
checked against what its stage may use, so a shortcut that would tangle the stages fails here.
"""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "tracker"
SHARED = {"records", "ids"}
# What each stage may import (besides itself). Read and extraction are siblings: neither knows the other.
ALLOWED = {
    "records": set(),
    "ids": set(),
    "read": SHARED,
    "extraction": SHARED,
    "parse": SHARED | {"read", "extraction"},
    "store": SHARED | {"read", "extraction", "parse"},
    "review": SHARED | {"read", "extraction", "parse", "store"},
    "web": SHARED | {"read", "extraction", "parse", "store", "review"},
    "evaluate": SHARED | {"read", "extraction", "parse"},
    "dist": SHARED | {"read", "extraction", "parse", "store"},
}
TOP = {"cli", "__init__"}  # the command line and the package's public face may use every stage


def stage_of(module: str) -> str:
    """'tracker.store.db' -> 'store'; 'tracker' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, root: Path = ROOT) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, imported tracker module) for every import of the package in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "tracker"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "tracker":
                continue
            if target == "tracker":  # `from tracker import ids, records`: each name is a module
                found += [(node.lineno, f"tracker.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


def violations(root: Path = ROOT) -> list[str]:
    out = []
    for path in sorted((root / "tracker").rglob("*.py")):
        source = stage_of(module_name(path, root))
        if source in TOP:
            continue
        assert source in ALLOWED, f"{path}: stage {source!r} is not in the layout; add it to ALLOWED"
        for line, target in imports_of(path, root):
            stage = stage_of(target)
            if stage != source and stage not in ALLOWED[source]:
                out.append(f"{path.relative_to(root)}:{line}: {source} imports {target}")
    return out


def test_imports_run_one_way():
    assert violations() == []


def test_the_check_catches_an_import_against_the_direction(tmp_path):
    fake = tmp_path / "tracker"
    (fake / "extraction").mkdir(parents=True)
    (fake / "store").mkdir()
    (fake / "extraction" / "quotes.py").write_text("def f():\n    from tracker.store.db import connect\n")
    (fake / "store" / "db.py").write_text("from tracker.extraction import quotes\nfrom ..records import Article\n")
    assert violations(tmp_path) == ["tracker/extraction/quotes.py:2: extraction imports tracker.store.db"]


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_every_stage_says_what_it_takes_and_gives(stage):
    init = PACKAGE / stage / "__init__.py"
    if not init.exists():
        assert (PACKAGE / f"{stage}.py").exists() or stage == "dist", f"no module or package for stage {stage}"
        return
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 30, f"{init} needs a paragraph saying what the stage takes and gives"
