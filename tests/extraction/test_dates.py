"""Dates: absolute forms, and relative ones resolved against the publication date across month and year ends."""

import pytest

from tracker.extraction.dates import date_spans, find_dates


def values(text, published=None):
    return [(d.text, d.value, d.precision, d.relative) for d in find_dates(text, published=published)]


@pytest.mark.parametrize(
    "text,value,precision",
    [
        ("It happened in July 2019.", "2019-07", "month"),
        ("The deal was signed on January 16, 2021.", "2021-01-16", "day"),
        ("The deal was signed on 16 January 2021.", "2021-01-16", "day"),
        ("Turkey signed it in September 2017.", "2017-09", "month"),
        ("It suspended Turkey in 2019.", "2019", "year"),
        ("Filed 2020-02-29 at noon.", "2020-02-29", "day"),
    ],
)
def test_absolute(text, value, precision):
    (hit,) = find_dates(text)
    assert (hit.value, hit.precision, hit.relative) == (value, precision, False)
    assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    "text,published,value",
    [
        ("Last month, sanctions were imposed.", "2021-01-16", "2020-12"),  # January -> last December
        ("Last month, sanctions were imposed.", "2021-03-31", "2021-02"),
        ("On Wednesday, the minister spoke.", "2021-01-16", "2021-01-13"),
        ("It was imposed in December.", "2021-01-16", "2020-12"),  # most recent December not after
        ("It was imposed in December.", "2021-12-20", "2021-12"),
        ("He resigned yesterday.", "2020-03-01", "2020-02-29"),  # leap year
        ("He resigned yesterday.", "2021-03-01", "2021-02-28"),
        ("He resigned yesterday.", "2021-01-01", "2020-12-31"),  # year end
        ("Prices fell last year.", "2021-01-16", "2020"),
        ("Prices fell this month.", "2021-01-16", "2021-01"),
        ("They meet next week.", "2021-01-16", "2021-01-18"),
        ("It closed three weeks ago.", "2021-01-16", "2020-12-26"),
    ],
)
def test_relative(text, published, value):
    hits = find_dates(text, published=published)
    assert [h.value for h in hits] == [value]
    assert hits[0].relative


def test_relative_dates_need_a_publication_date():
    assert find_dates("Last month, on Wednesday, he left.") == []


def test_years_that_are_counts_or_money_are_not_dates():
    assert values("They sent 2000 troops and paid $2019.") == []
    assert [d.value for d in find_dates("In 2000 troops left.")] == ["2000"]


def test_lower_case_modal_may_is_not_a_month():
    assert find_dates("Prices may 2019 rise.") == []


def test_spans_cover_day_numbers():
    text = "On January 16, 2021 it rained."
    assert any(s <= text.index("16") < e for s, e in date_spans(text))


def test_an_impossible_iso_date_is_no_date_and_no_crash():
    # found by mypy: an ISO-shaped day that does not exist made extraction raise TypeError
    assert [d.value for d in find_dates("The 2019-02-30 memo and the 2019-02-28 one.")] == ["2019-02-28"]
