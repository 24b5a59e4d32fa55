"""Figures and dates in the words a reader uses: `$2.5 billion`, `55%`, `July 2019`.

The database keeps machine values (2500000000.0, USD, 2019-07) so that CSV and JSON exports sort and sum; pages
show them as a newspaper would. Pure functions, no Datasette: the cell renderer, the reader and the review
queue all call them.
"""

from __future__ import annotations

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "RUB": "₽", "TRY": "₺", "CNY": "¥"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _number(value: float) -> str:
    """2500000000 -> 2.5 billion, 12000 -> 12,000, 0.25 -> 0.25: at most three significant decimals."""
    magnitude = abs(value)
    for size, word in SCALES:
        if magnitude >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def figure(value, unit: str | None = None, currency: str | None = None) -> str:
    """A figure with its unit as written in prose; non-numbers come back as text unchanged."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    code = (currency or unit or "").upper()
    text = _number(number)
    if code in CURRENCY_SIGNS:
        sign = "-" if number < 0 else ""
        return f"{sign}{CURRENCY_SIGNS[code]}{text.lstrip('-')}"
    if len(code) == 3 and code.isalpha() and currency:
        return f"{text} {code}"
    if unit == "percent":
        return f"{text}%"
    if unit:
        return f"{text} {unit}"
    return text


def date(value: str | None) -> str:
    """2019-07 -> July 2019, 2019-07-14 -> 14 July 2019, 2019 -> 2019; anything else unchanged."""
    if not value:
        return ""
    text = str(value)
    parts = text[:10].split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return str(int(parts[0]))
        year, month = int(parts[0]), int(parts[1])
        if not 1 <= month <= 12:
            return text
        if len(parts) == 2:
            return f"{MONTHS[month - 1]} {year}"
        return f"{int(parts[2])} {MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return text
