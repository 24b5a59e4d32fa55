"""The unit of a figure: the noun it counts after the number, past nationalities, names and modifiers."""

import pytest

from tracker.extraction.quantities import find_quantities

# Mutation pass (branch mutfig, seed 101): each rule below held a surviving mutant of its own.


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("NASA launched two Venus probes in the 1980s.", "two Venus probes", "probes"),
        ("Some 300 campus and city police were deployed.", "Some 300 campus and city police", "police"),
        ("He met 12 Congress aides on Tuesday.", "12 Congress aides", "aides"),
        ("The group booked 40 Paris hotels for the summit.", "40 Paris hotels", "hotels"),
    ],
)
def test_a_word_ending_in_ss_us_or_is_is_no_plural_and_the_noun_after_it_is_counted(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.kind) == (span, unit, "count")


def test_a_capitalised_plural_demonym_before_a_name_is_the_counted_noun():
    qs = find_quantities("Of the 500 Africans Italy rescued on Sunday, 40 were children.")
    assert [(q.text, q.value, q.unit) for q in qs] == [("500 Africans", 500, "africans"), ("40", 40, None)]


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("Officers reviewed 1,200 written objections.", "1,200 written objections", "objections"),
        ("Police found 40 stolen cars.", "40 stolen cars", "cars"),
        ("Crews fixed 12 broken windows.", "12 broken windows", "windows"),
        ("Rebels freed 12 taken hostages.", "12 taken hostages", "hostages"),
        ("Agents seized 30 hidden weapons.", "30 hidden weapons", "weapons"),
        ("Ships carried 200 frozen carcasses.", "200 frozen carcasses", "carcasses"),
        ("Donors wrote off 40 forgiven loans.", "40 forgiven loans", "loans"),
        ("They counted 14 armed men.", "14 armed men", "men"),
        ("Troops used six water-bombing planes.", "six water-bombing planes", "planes"),
        # not participles: a word in -ed of four letters, a gerund, an adjective: they name the kind
        ("Police logged 7 seed banks.", "7 seed banks", "seed banks"),
        ("Drivers got 20 speeding tickets.", "20 speeding tickets", "speeding tickets"),
        ("Voters cast 300 postal ballots.", "300 postal ballots", "postal ballots"),
    ],
)
def test_a_past_participle_or_hyphenated_modifier_before_the_noun_is_passed_over(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.kind) == (span, unit, "count")


@pytest.mark.parametrize(
    "text,span,unit",
    [
        # The second of two joined modifiers opens in lower case, whatever its later letters: still a modifier.
        ("Stores sold 300 paper and eBook editions.", "300 paper and eBook editions", "editions"),
        ("They bought 40 old and iPad models.", "40 old and iPad models", "models"),
        ("Stores sold 300 paper and e-book editions.", "300 paper and e-book editions", "editions"),
    ],
)
def test_two_modifiers_joined_by_and_before_the_noun_whose_second_opens_in_lower_case(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.kind) == (span, unit, "count")


@pytest.mark.parametrize(
    "text,span,unit",
    [
        # A name of capitals before the noun is passed over, a one-letter one ("X") and one ending in X too.
        ("He runs 40 X accounts.", "40 X accounts", "accounts"),
        ("They sold 40 SpaceX rockets.", "40 SpaceX rockets", "rockets"),
        ("He wrote 12 posts on X today.", "12 posts", "posts"),
    ],
)
def test_a_name_ending_in_a_capital_x_before_the_noun_is_passed_over(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.kind) == (span, unit, "count")


@pytest.mark.parametrize(
    "text,expected",
    [
        # A model's code joined to its number by any dash is a name before the noun, as with a hyphen.
        ("Lockheed delivered 12 F-35 jets.", [("12 F-35 jets", 12.0, "jets")]),
        ("Lockheed delivered 12 F–35 jets.", [("12 F–35 jets", 12.0, "jets")]),  # en dash
        ("They bought 12 MiG‐29 fighters.", [("12 MiG‐29 fighters", 12.0, "fighters")]),  # U+2010
        # a measure and a number after an en dash stay two figures
        ("It flew 5 km–10 km away.", [("5 km", 5.0, "km"), ("10 km", 10.0, "km")]),
    ],
)
def test_a_model_code_joined_by_any_dash_is_passed_over(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,span,unit",
    [
        # A plural possessive is what is counted and ends the noun: "workers homes" was the unit.
        ("The fire destroyed 300 workers’ homes.", "300 workers", "workers"),
        ("The fire destroyed 300 workers' homes.", "300 workers", "workers"),
        ("Cases need two doctors' approval.", "two doctors", "doctors"),
        ("He gave three weeks’ notice.", "three weeks", "weeks"),
        # a singular possessive still gives way to the noun it owns
        ("Police said 80 of other people's ballots were lost.", "80 of other people's ballots", "ballots"),
    ],
)
def test_a_plural_possessive_is_the_counted_noun(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit) == (span, unit)


@pytest.mark.parametrize(
    "text,span,unit,kind",
    [
        # A measure ends the unit: the words after it are no part of it.
        ("Winds of up to 70 km/h burned towards the town.", "up to 70 km/h", "km/h", "measure"),
        ("It had 70 mph winds.", "70 mph", "mph", "measure"),
        ("They carried 10 kg bags.", "10 kg", "kg", "measure"),
        ("He stood six feet five inches tall.", "six feet", "feet", "measure"),
        # a measure in the singular, or after a word that qualifies it, is a measure too
        ("Waves of up to 1 metre were seen.", "up to 1 metre", "metre", "measure"),
        ("It is 1 inch wide.", "1 inch", "inch", "measure"),
        ("It covers 160 square miles.", "160 square miles", "square miles", "measure"),
        ("It lies 50 light years away.", "50 light years", "light years", "measure"),
        ("They bought 4 missile batteries.", "4 missile batteries", "missile batteries", "count"),
    ],
)
def test_a_measure_ends_the_unit_and_is_a_measure_in_any_number(text, span, unit, kind):
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.kind) == (span, unit, kind)


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("The census counted 63,000 fewer residents.", "63,000 fewer residents", "residents"),
        ("It had 5 more staff.", "5 more staff", "staff"),
    ],
)
def test_more_and_fewer_before_the_noun_are_no_part_of_it(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit) == (span, unit)
