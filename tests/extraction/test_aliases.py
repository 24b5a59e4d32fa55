"""The editable alias table: how a CSV row becomes an alias, and an extra table that wins."""

from __future__ import annotations

from tracker.extraction import aliases
from tracker.extraction.aliases import ALIASES_CSV, _read, resolve_alias


def test_rows_are_trimmed_lower_cased_and_default_to_an_organisation(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "alias,name,kind\n"
        "  Whitehall , British government ,country\n"
        "Quai d'Orsay,French foreign ministry,\n"
        ",Nobody,person\n"
        "No name,,person\n"
        '"Line\nbreak",Multi-line alias,organisation\n',
        encoding="utf-8",
    )
    assert _read(path) == {
        "whitehall": ("British government", "country"),
        "quai d'orsay": ("French foreign ministry", "organisation"),
        "line\nbreak": ("Multi-line alias", "organisation"),
    }


def test_the_shipped_table_reads():
    table = _read(ALIASES_CSV)
    assert len(table) > 10 and all(k == k.lower().strip() for k in table)


def test_an_extra_table_wins_and_a_leading_the_is_optional(tmp_path, monkeypatch):
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "alias,name,kind\nKremlin,Kremlin Press Office,organisation\nBorsholm Palace,Vessmark,country\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TRACKER_ALIASES", str(extra))
    aliases.load_aliases.cache_clear()
    try:
        assert resolve_alias("Kremlin") == ("Kremlin Press Office", "organisation")  # the extra row wins
        assert resolve_alias("the Kremlin") == ("Russia", "country")  # a shipped row of its own
        assert resolve_alias("the Borsholm Palace") == ("Vessmark", "country")
        assert resolve_alias("  BORSHOLM palace ") == ("Vessmark", "country")
        assert resolve_alias("the Nowhere Office") is None
    finally:
        monkeypatch.delenv("TRACKER_ALIASES")
        aliases.load_aliases.cache_clear()
