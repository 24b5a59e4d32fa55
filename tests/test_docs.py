"""The documentation keeps up with the code: the generated pages (docs/cli.md from every command's --help,
docs/data-model.md from metadata.yml and the schema) are current, links between pages and to images resolve, the Python names
the pages mention exist, and the README's test command is the one CI runs."""

import importlib
import re
import shutil

import pytest
from cogapp import Cog

from tests.conftest import ROOT

PAGES = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").glob("*.md")])
GENERATED = [ROOT / "docs" / "cli.md", ROOT / "docs" / "data-model.md"]

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")  # [text](target) and ![image](target)
HEADING = re.compile(r"^#+\s+(.*)$", re.M)
PYTHON_NAME = re.compile(r"(?<![\w/.-])tracker(?:\.[A-Za-z_]\w*)+")
FORMER = re.compile(r"^\| `(tracker[\w.]*)` \| `(tracker[\w.]*)` \|$", re.M)  # architecture.md: moved names
FILE_SUFFIXES = (".db", ".secret", ".md", ".py", ".yml", ".yaml", ".png", ".csv", ".json", ".jsonl")


def cog_check(paths) -> int:
    return Cog().main(["cog", "--check", *map(str, paths)])


def test_generated_pages_are_current(monkeypatch):
    monkeypatch.chdir(ROOT)  # data-model.md reads metadata.yml from the working folder, as `cog` in CI does
    assert cog_check(GENERATED) == 0, "stale: run .venv/bin/cog -r docs/cli.md docs/data-model.md"


def test_a_stale_page_fails_the_check(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    page = tmp_path / "cli.md"
    shutil.copy(ROOT / "docs" / "cli.md", page)
    text = page.read_text(encoding="utf-8")
    assert "  --help  Show this message and exit." in text
    page.write_text(text.replace("  --help  Show this message and exit.", "  --help  Show help.", 1), encoding="utf-8")
    assert cog_check([page]) != 0


def test_cli_page_covers_every_command():
    import click

    from tracker.cli import cli

    def names(group, path):
        for name, command in group.commands.items():
            yield " ".join(path + [name])
            if isinstance(command, click.Group):
                yield from names(command, path + [name])

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [n for n in names(cli, ["tracker"]) if f"\n### {n}\n" not in text]
    assert missing == []


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_between_pages_resolve(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not fetched in tests
        path, _, fragment = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(target)
        elif fragment and file.suffix == ".md":
            anchors = {anchor(h) for h in HEADING.findall(file.read_text(encoding="utf-8"))}
            if fragment not in anchors:
                broken.append(target)
    assert broken == []


def resolves(name: str) -> bool:
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def moved_names() -> dict[str, str]:
    return dict(FORMER.findall((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_names_in_the_docs_exist(page):
    text = page.read_text(encoding="utf-8")
    names = {n for n in PYTHON_NAME.findall(text) if not n.endswith(FILE_SUFFIXES)} - set(moved_names())
    assert [n for n in sorted(names) if not resolves(n)] == []


def test_moved_names_point_at_their_replacements():
    moved = moved_names()
    assert moved["tracker.ingest.ingest"] == "tracker.store.ingest.ingest"
    assert moved["tracker.serve.datasette_app"] == "tracker.web.serve.datasette_app"
    assert [old for old in moved if resolves(old)] == []  # the table lists only names that are really gone
    assert [new for new in moved.values() if not resolves(new)] == []


def test_readme_test_command_is_what_ci_runs():
    command = '.venv/bin/pip install -q -e ".[test]" && .venv/bin/pytest -q'
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
