"""Figures and dates in words."""

import pytest

from tracker.web.humanize import date, figure


@pytest.mark.parametrize(
    "value, unit, currency, expected",
    [
        (2500000000.0, "USD", "USD", "$2.5 billion"),
        (2000000000.0, "USD", None, "$2 billion"),
        (1250000.0, "EUR", "EUR", "€1.25 million"),
        (55.0, "percent", None, "55%"),
        (4.0, "batteries", None, "4 batteries"),
        (12000.0, None, None, "12,000"),
        (0.25, None, None, "0.25"),
        (3.0e12, "GBP", "GBP", "£3 trillion"),
        (7000000.0, "CHF", "CHF", "7 million CHF"),
        ("n/a", None, None, "n/a"),
        (None, "USD", None, ""),
    ],
)
def test_figure(value, unit, currency, expected):
    assert figure(value, unit, currency) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("2019-07", "July 2019"), ("2019-07-14", "14 July 2019"), ("2019", "2019"), ("2019-13", "2019-13"), ("", "")],
)
def test_date(value, expected):
    assert date(value) == expected
