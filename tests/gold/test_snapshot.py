"""extract() on the project's own articles is held to the stored snapshots (tests/gold/README.md): any change in
the output fails here, naming the article and showing the diff, until `python -m tests.gold.snapshot --update`
rewrites the snapshots and the diff is reviewed in the same commit."""

from __future__ import annotations

import pytest

from tests.gold import snapshot
from tests.gold.snapshot import REGRESSION, SNAPSHOTS, articles, diff, main, names, snapshot_path

# read once, at collection: the per-article tests then pay for extraction only (they run once per mutant)
NAMES = names()


@pytest.mark.parametrize("name", NAMES)
def test_extract_matches_the_stored_snapshot(name):
    changed = diff(name)
    if changed:
        pytest.fail(
            f"extract() output on {name} differs from {snapshot_path(name).relative_to(SNAPSHOTS.parent.parent.parent)}"
            " (if the change is meant, run `python -m tests.gold.snapshot --update` and review the diff):\n" + changed,
            pytrace=False,
        )


def test_every_snapshot_belongs_to_an_article_and_every_article_has_one():
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.txt")) == sorted(NAMES)


def test_the_corpus_is_read_whole_with_its_dates():
    """Each regression article has its headline and date line taken off by the reader and a body of news length."""
    regression = sorted(p.stem for p in REGRESSION.glob("*.txt"))
    assert len(regression) >= 40 and len(NAMES) == len(regression) + 12 + 4
    for stem in regression:
        a = articles()[stem]
        assert a.title and a.published and len(a.published) == 10, stem
        assert 150 <= len(a.body.split()) <= 420, (stem, len(a.body.split()))


@pytest.fixture
def two_articles(tmp_path, monkeypatch):
    """The command's plumbing on two articles and a scratch snapshot folder (the real one is never written)."""
    monkeypatch.setattr(snapshot, "SNAPSHOTS", tmp_path)
    monkeypatch.setattr(snapshot, "names", lambda: ["gold-03-rate-rise", "gold-05-trade-deal"])
    return tmp_path


def test_update_writes_changed_snapshots_only_and_removes_stale_ones(two_articles, capsys):
    assert main([]) == 1  # nothing stored yet: both differ
    assert capsys.readouterr().out == "gold-03-rate-rise\ngold-05-trade-deal\n"
    (two_articles / "gone.txt").write_text("old\n", encoding="utf-8")
    assert snapshot.update() == ["gold-03-rate-rise", "gold-05-trade-deal", "gone (removed)"]
    assert sorted(p.name for p in two_articles.iterdir()) == ["gold-03-rate-rise.txt", "gold-05-trade-deal.txt"]
    assert (two_articles / "gold-05-trade-deal.txt").read_text(encoding="utf-8") == snapshot.current(
        "gold-05-trade-deal"
    )
    assert main([]) == 0 and capsys.readouterr().out == "all 2 snapshots match\n"
    stored = two_articles / "gold-03-rate-rise.txt"
    stored.write_text(stored.read_text(encoding="utf-8").replace("claims: ", "claims: 9", 1), encoding="utf-8")
    assert main(["--update"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "gold-03-rate-rise"
    assert snapshot.update() == []


def test_a_changed_output_is_shown_as_a_diff_naming_the_lines(two_articles):
    snapshot.update()
    stored = two_articles / "gold-05-trade-deal.txt"
    stored.write_text(stored.read_text(encoding="utf-8").replace('"2024-06-21"', '"2024-06-22"'), encoding="utf-8")
    lines = snapshot.diff("gold-05-trade-deal").splitlines()
    assert lines[:2] == ["--- stored gold-05-trade-deal.txt", "+++ extract() now"]
    assert [x for x in lines if x[:1] in "+-" and x[1:2] == "p"] == [
        '-published: "2024-06-22"',
        '+published: "2024-06-21"',
    ]
    assert snapshot.diff("gold-05-trade-deal", limit=3).endswith(f"... {len(lines) - 3} more diff lines")
