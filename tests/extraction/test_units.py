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
