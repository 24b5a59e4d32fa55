"""The editable alias table: how a CSV row becomes an alias, and an extra table that wins."""

from __future__ import annotations

import pytest

from tracker.extraction import aliases
from tracker.extraction.aliases import ALIASES_CSV, _read, load_aliases, resolve_alias


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


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("France", ("France", "country")),
        ("Ukraine", ("Ukraine", "country")),
        ("the Ukraine", ("Ukraine", "country")),
        ("New Zealand", ("New Zealand", "country")),
        ("the Netherlands", ("Netherlands", "country")),
        ("Holland", ("Netherlands", "country")),
        ("Czechia", ("Czech Republic", "country")),
        ("Côte d'Ivoire", ("Ivory Coast", "country")),
        ("Burma", ("Myanmar", "country")),
        ("the UAE", ("United Arab Emirates", "country")),
        ("the Holy See", ("Vatican", "country")),
        ("Northern Ireland", ("Northern Ireland", "country")),
        ("Great Britain", ("United Kingdom", "country")),
    ],
)
def test_every_country_is_a_country_by_its_common_english_names(mention, expected):
    assert resolve_alias(mention) == expected


@pytest.mark.parametrize("name", ["Chad", "Jordan", "Georgia"])
def test_a_country_whose_name_is_also_a_first_name_or_a_state_is_left_out(name):
    # "Chad said", "Jordan said" name a person as often as a country: the table would type every such person a
    # country and take the surname's lookups away from "Jim Jordan".
    assert resolve_alias(name) is None


def test_the_table_names_every_member_of_the_united_nations_but_three():
    countries = {name for name, kind in load_aliases().values() if kind == "country"}
    # The 193 members less Chad, Georgia and Jordan; plus Kosovo, Palestine, Taiwan, the Vatican, the four
    # nations of the United Kingdom and six territories named in the news as places (Hong Kong, Macau, Puerto Rico,
    # Greenland, Gaza, the West Bank) (the European Union is an organisation).
    assert len(countries) == 193 - 3 + 8 + 6
    assert {"Kosovo", "Taiwan", "Vatican", "Wales", "Zimbabwe", "Afghanistan", "Hong Kong", "West Bank"} <= countries
