"""One name per unit: what grouping, conflicts and the real-news metric compare figures by."""

import pytest

from tracker.extraction.unit_names import canonical_unit, singular


@pytest.mark.parametrize(
    "plural, one",
    [
        ("countries", "country"),
        ("days", "day"),
        ("companies", "company"),
        ("witnesses", "witness"),
        ("prizes", "prize"),
        ("sizes", "size"),
        ("cases", "case"),
        ("horses", "horse"),
        ("houses", "house"),
        ("causes", "cause"),
        ("buses", "bus"),
        ("viruses", "virus"),
        ("bonuses", "bonus"),
        ("quizzes", "quiz"),
        ("churches", "church"),
        ("inches", "inch"),
        ("niches", "niche"),
        ("taxes", "tax"),
        ("classes", "class"),
        ("heroes", "hero"),
        ("potatoes", "potato"),
        ("shoes", "shoe"),
        ("toes", "toe"),
        ("feet", "foot"),
        ("crises", "crisis"),
        ("species", "species"),
        ("people", "people"),
        ("bus", "bus"),
        ("status", "status"),
    ],
)
def test_the_singular_of_a_counted_noun_is_a_word(plural, one):
    assert singular(plural) == one


def test_one_name_per_unit_however_it_is_written():
    assert [canonical_unit(u) for u in ("kilometers", "kilometre", "km", "KM")] == ["km"] * 4
    assert [canonical_unit(u) for u in ("percent", "per cent", "%")] == ["%"] * 3
    assert canonical_unit("miles  per hour") == canonical_unit("mph") == "mile per hour"
    assert canonical_unit("°C") == "degree celsius"
    # a currency code stays in capitals, a measure's capital abbreviation does not
    assert (canonical_unit("USD"), canonical_unit("MPH")) == ("USD", "mile per hour")
    assert (canonical_unit(None), canonical_unit("")) == (None, None)
    assert canonical_unit("Hong Kong dollars") == "hong kong dollar"


# Mutation pass (branch mutfig, seed 101): every plural ending the singular rules cut by two letters.
@pytest.mark.parametrize(
    "plural, one",
    [
        ("churches", "church"),
        ("dishes", "dish"),
        ("crashes", "crash"),
        ("bushes", "bush"),
        ("addresses", "address"),
        ("boxes", "box"),
        ("taxes", "tax"),
        ("vetoes", "veto"),
        ("tornadoes", "tornado"),
    ],
)
def test_ches_shes_sses_xes_and_long_oes_lose_es(plural, one):
    assert singular(plural) == one
    assert canonical_unit(plural) == one


UNIT_SPELLINGS = {
    "km": ["kilometres", "Kilometers", "km", "KM", "kms"],
    "m": ["metres", "meter"],
    "cm": ["centimetres"],
    "mm": ["millimeters"],
    "foot": ["ft", "feet", "foot"],
    "mile": ["mi", "miles"],
    "kg": ["kilograms", "kilos", "kg", "kgs"],
    "g": ["grams"],
    "pound": ["lb", "lbs", "LBS", "pounds"],
    "l": ["litres", "liters"],
    "ton": ["tonnes", "tons", "metric tons"],
    "square mile": ["sq mi", "square miles"],
    "square km": ["sq km", "square kilometres"],
    "mile per hour": ["mph", "MPH", "miles per hour"],
    "km/h": ["kph", "kilometers per hour", "km/h"],
    "hour": ["hr", "hrs", "hours"],
    "minute": ["min", "mins", "minutes"],
    "second": ["sec", "secs"],
    "year": ["yr", "yrs", "years"],
    "degree celsius": ["°C"],
    "degree fahrenheit": ["°F"],
    "% point": ["percentage points", "percentage point"],
    "%": ["per cent", "%", "percentage"],
    "USD": ["USD"],
    "EUR": ["EUR"],
    "people": ["  people  "],
    # three letters ending in "s" that are no abbreviated measure stay as they are
    "bus": ["bus", "buses"],
    "gas": ["gas"],
}


@pytest.mark.parametrize("name", list(UNIT_SPELLINGS))
def test_every_spelling_of_a_unit_has_its_one_name(name):
    assert {u: canonical_unit(u) for u in UNIT_SPELLINGS[name]} == dict.fromkeys(UNIT_SPELLINGS[name], name)
