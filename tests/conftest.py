from pathlib import Path

import pytest
from hypothesis import settings

import tracker.extraction.speakers as _speakers

# No per-example deadline anywhere: on a loaded machine (CI, or a laptop doing other work) the first example
# also pays for imports and warm caches, and a deadline turns that into a failure that says nothing about the
# code. Linear time is held by benchmarks/long_articles.py and by tests that count work, not by the clock.
settings.register_profile("tracker", deadline=None)
settings.load_profile("tracker")

# The optional compiled build (TRACKER_USE_MYPYC=1, setup.py) makes tracker.extraction's modules C extensions: a
# call inside one can no longer be counted, replaced or subclassed by a test. The few tests that count the work a
# rule does that way skip there; the output tests all run.
COMPILED = not Path(_speakers.__file__ or "").suffix == ".py"
compiled_skip = pytest.mark.skipif(
    COMPILED, reason="tracker.extraction is compiled (mypyc): calls inside it cannot be counted, replaced or subclassed"
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "articles" / "turkey-s400-sanctions-review.txt"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "turkey-s400-sanctions-review.expected.json"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


def shared_or_skip(*parts: str) -> Path:
    """A file from ../shared (evaluation data and corpora that are never committed), or skip the test."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: evaluation data lives outside the repository (../shared)")
    return path


def interrupt_extraction_at(monkeypatch, n: int) -> None:
    """Make the ingest's extraction raise KeyboardInterrupt (Ctrl-C) at its n-th article; monkeypatch.undo()
    or a new setattr puts it back."""
    import tracker.store.ingest as ingest_mod

    real = ingest_mod._extract_one
    calls = {"n": 0}

    def dying(article):
        calls["n"] += 1
        if calls["n"] == n:
            raise KeyboardInterrupt
        return real(article)

    monkeypatch.setattr(ingest_mod, "_extract_one", dying)


class CountingPattern:
    """A compiled pattern that counts its `match` calls: the tests that hold a scan to linear work count tries,
    not time."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def match(self, *args):
        self.calls += 1
        return self.pattern.match(*args)
