"""Figures: money with currency and scale, counts with their unit noun, percentages, ranges, bounds."""

import pytest

from tests.conftest import CountingPattern
from tracker.extraction.quantities import find_quantities


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert text[q.start : q.end] == q.text
    return q


@pytest.mark.parametrize(
    "text,value,currency",
    [
        ("It was worth about $2.5 billion last year.", 2.5e9, "USD"),
        ("The bill came to €3bn.", 3e9, "EUR"),
        ("The club paid £40m for him.", 40e6, "GBP"),
        ("They spent 2.5 billion dollars on it.", 2.5e9, "USD"),
        ("A US$5m grant was made.", 5e6, "USD"),
        ("The ministry set aside Rs 500 crore.", 5e9, "INR"),
        ("A coffee costs ¥100 there.", 100, "JPY"),
        ("Aid of $1,200,000 arrived.", 1.2e6, "USD"),
    ],
)
def test_money(text, value, currency):
    q = one(text)
    assert (q.value, q.unit, q.currency, q.kind) == (value, currency, currency, "money")


def test_approximate_money_keeps_the_hedge_in_the_text():
    q = one("It was worth about $2.5 billion.")
    assert q.approximate and q.text == "about $2.5 billion"


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("It acquired its first four missile batteries, worth a lot.", 4, "missile batteries"),
        ("The US sanctioned four Turkish officials over the deal.", 4, "officials"),
        ("A dozen officers resigned.", 12, "officers"),
        ("Twenty-four hundred launchers were built.", 2400, "launchers"),
        ("Five hundred thousand Americans lost their jobs.", 500000, "americans"),
        ("They installed 4,000 centrifuges in the plant.", 4000, "centrifuges"),
        ("We have 14 military bases there.", 14, "military bases"),
    ],
)
def test_counts(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["Growth was 12% in all.", "Growth was 12 per cent in all.", "Growth was 12 percent."])
def test_percentages(text):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (12, "percent", "percent")


@pytest.mark.parametrize(
    "text,lower,upper,unit",
    [
        ("Between 10 and 12 people died.", 10, 12, "people"),
        ("Some 10-12 soldiers were hurt.", 10, 12, "soldiers"),
        ("Costs rose by $10-12 billion.", 10e9, 12e9, "USD"),
        ("Premiums rise by between 18% and 47%.", 18, 47, "percent"),
    ],
)
def test_ranges(text, lower, upper, unit):
    q = one(text)
    assert (q.lower, q.upper, q.unit, q.value) == (lower, upper, unit, None)


@pytest.mark.parametrize(
    "text,lower,upper",
    [
        ("More than 500 economists signed.", 500, None),
        ("At least 20 birds were killed.", 20, None),
        ("Up to 30 troops may leave.", None, 30),
        ("Nearly 5.6 million jobs went.", None, 5.6e6),
    ],
)
def test_bounds(text, lower, upper):
    q = one(text)
    assert q.approximate and (q.lower, q.upper) == (lower, upper)


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("Officials said ~40 soldiers were hurt.", "~40 soldiers", 40.0),  # glued to its number
        ("Officials said ~ 40 soldiers were hurt.", "~ 40 soldiers", 40.0),
        ("Winds reached 185 mph (~295 km/h) there.", "~295 km/h", 295.0),
        ("It cost ~$5m in all.", "~$5m", 5e6),
    ],
)
def test_a_tilde_is_a_hedge(text, span, value):
    q = find_quantities(text)[-1]
    assert (q.text, q.value, q.approximate, q.lower, q.upper) == (span, value, True, None, None)


def test_vague_plurals():
    q = one("Hundreds of protesters gathered.")
    # At least a hundred, no upper bound stated: written as "more than 100" is (value 100, lower 100).
    assert q.value == 100 and (q.lower, q.upper) == (100, None) and q.unit == "protesters" and q.approximate
    q = one("Vigils were attended by thousands.")
    assert (q.text, q.lower, q.upper) == ("thousands", 1000, None)


def test_two_amounts_joined_by_and_are_not_a_range():
    qs = find_quantities("It cost €3bn and £40m.")
    assert [(q.value, q.unit) for q in qs] == [(3e9, "EUR"), (40e6, "GBP")]


@pytest.mark.parametrize(
    "text",
    [
        "It suspended Turkey in 2019.",
        "Turkey bought the S-400 and wanted the F-35.",
        "They met on January 16, 2021 at 10:30.",
        "The meeting starts at 3 p.m. sharp.",
        "He cited Resolution 2231 again.",
        "She finished 16th in the race.",
        "One of them said one thing.",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("They shared USD910 thousand from the foundation.", 910e3, "USD"),
        ("Rates rose .5 percent in May.", 0.5, "percent"),
        ("Officials counted no fewer than US$40 million in damage.", 40e6, "USD"),
        ("ABOUT 300 were evacuated.", 300, None),
        ("The fund paid out an average of 12 claims a day.", 12, "claims"),
    ],
)
def test_figures_found_from_their_triggers(text, value, unit):
    """The pattern is only tried at trigger tokens; figures that open with a bound word, a glued currency code, a
    decimal point or capitals must still be found whole."""
    assert any(q.value == value and q.unit == unit for q in find_quantities(text)), find_quantities(text)


def test_enumerators_are_not_figures():
    assert find_quantities("Number two, we have to work with the cities.") == []


# Every entry of the currency and unit tables, as news writes it, with the ISO code written out by hand (not read
# from the table, so a wrong mapping fails); the coverage checks below make a new entry come with its case.
SYMBOL_CASES = [
    ("$", "USD"),
    ("US$", "USD"),
    ("USD ", "USD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("€", "EUR"),
    ("EUR ", "EUR"),
    ("£", "GBP"),
    ("GBP ", "GBP"),
    ("¥", "JPY"),
    ("JPY ", "JPY"),
    ("CNY ", "CNY"),
    ("RMB ", "CNY"),
    ("₹", "INR"),
    ("Rs ", "INR"),
    ("Rs. ", "INR"),
    ("INR ", "INR"),
    ("₽", "RUB"),
    ("RUB ", "RUB"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("TRY ", "TRY"),
    ("CHF ", "CHF"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("ZAR ", "ZAR"),
]
WORD_CASES = [
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("US dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("pounds sterling", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("francs", "CHF"),
    ("won", "KRW"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
    ("Hong Kong dollars", "HKD"),
    ("Hong Kong dollar", "HKD"),
    ("Canadian dollars", "CAD"),
    ("Australian dollars", "AUD"),
    ("New Zealand dollars", "NZD"),
    ("Singapore dollars", "SGD"),
    ("Taiwan dollars", "TWD"),
    ("New Taiwan dollars", "TWD"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("INR", "INR"),
    ("RUB", "RUB"),
    ("CHF", "CHF"),
    ("TRY", "TRY"),
    ("ZAR", "ZAR"),
]


@pytest.mark.parametrize("symbol,code", SYMBOL_CASES)
def test_every_currency_sign_and_code_maps_to_its_iso_code(symbol, code):
    text = f"The contract was worth {symbol}40 million last year."
    q = one(text)
    assert (q.text, q.value, q.unit, q.currency, q.kind) == (f"{symbol}40 million", 40e6, code, code, "money")


@pytest.mark.parametrize("word,code", WORD_CASES)
def test_every_currency_word_maps_to_its_iso_code(word, code):
    q = one(f"The contract was worth 40 million {word} last year.")
    assert (q.text, q.value, q.unit, q.currency, q.kind) == (f"40 million {word}", 40e6, code, code, "money")


def test_the_cases_cover_the_currency_tables():
    from tracker.extraction.quantities import CURRENCY_SYMBOLS, CURRENCY_WORDS

    assert {s.strip().lower() for s, _ in SYMBOL_CASES} == set(CURRENCY_SYMBOLS)
    assert {w.lower() for w, _ in WORD_CASES} == set(CURRENCY_WORDS)


def test_lower_case_iso_codes_are_words_not_currencies():
    assert [(q.text, q.unit) for q in find_quantities("They try 40 times and rub 3 stones.")] == [
        ("40 times", "times"),
        ("3 stones", "stones"),
    ]


MEASURE_CASES = """km kilometres kilometers miles metres meters m2 kg kilograms tonnes tons litres liters barrels gallons
    acres hectares mph km/h mw gw kwh degrees feet inches hours days weeks months years minutes seconds mg g cm mm ml
    mi ft lb lbs oz moles grams milligrams centimetres centimeters millimetres millimeters yards""".split()


@pytest.mark.parametrize("unit", MEASURE_CASES)
def test_every_measure_is_its_own_unit(unit):
    q = one(f"The new line runs 40 {unit} from the port.")
    assert (q.text, q.value, q.unit, q.currency, q.kind) == (f"40 {unit}", 40, unit, None, "measure")


def test_pounds_after_a_number_are_money_not_weight():
    """ "pounds" is in both tables: news writes sterling far more often than weight, so money wins."""
    q = one("The fine was 40 pounds.")
    assert (q.unit, q.kind) == ("GBP", "money")


def test_the_cases_cover_the_measure_table():
    from tracker.extraction.quantities import MEASURES

    assert set(MEASURE_CASES) | {"pounds"} == set(MEASURES)


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("The House had 231 Democrats in favour.", 231, "democrats", "231 Democrats"),
        ("Montana had seven Native American reservations.", 7, "reservations", "seven Native American reservations"),
        ("There are about 5000 U.S. troops there.", 5000, "troops", "about 5000 U.S. troops"),
        ("Each carrier was limited to 80 of other people's ballots.", 80, "ballots", "80 of other people's ballots"),
        ("The tribe released ten buffalo on Monday.", 10, "buffalo", "ten buffalo"),
        ("The festival has for the last 27 years always been popular.", 27, "years", "27 years"),
        ("They bought a 48-acre plot.", 48, "acre", "48-acre"),
        ("Stores sold the four-pack for less.", 4, "pack", "four-pack"),
        ("The 8-year-old boy was found.", 8, "year", "8-year-old"),
        ("The angle was about 67.5° at noon.", 67.5, "degree", "about 67.5°"),
        ("The water was 30 °C in July.", 30, "°C", "30 °C"),
        ("He is 1.8m tall.", 1.8, "m", "1.8m"),
        ("Levels of 6.4 mg per liter were found.", 6.4, "mg per liter", "6.4 mg per liter"),
        ("Sponges survive with 0.2 moles per cubic meter.", 0.2, "moles per cubic meter", "0.2 moles per cubic meter"),
    ],
)
def test_units_counted_nouns_hyphenated_measures_and_rates(text, value, unit, span):
    q = next(q for q in find_quantities(text) if q.value == pytest.approx(value))
    assert (q.unit, q.text) == (unit, span)
    assert text[q.start : q.end] == q.text


def test_a_hyphenated_measure_before_the_noun_is_a_figure_of_its_own():
    qs = find_quantities("Stores limited buyers to two 12-roll packs.")
    assert [(q.text, q.value, q.unit) for q in qs] == [("two 12-roll packs", 2, "packs"), ("12-roll", 12, "roll")]


@pytest.mark.parametrize(
    "text,lower,upper,unit",
    [
        ("Officials said it cost hundreds of billions of dollars.", 1e11, None, "USD"),
        ("It cost tens of billions of dollars.", 1e10, None, "USD"),
        ("There were tens of dozens of people.", 120.0, None, "people"),
        ("There were hundreds of hundreds of people.", 1e4, None, "people"),
        ("Tens of thousands of people marched.", 1e4, None, "people"),
        ("Dozenſ of people came.", 12.0, None, "people"),
        ("HUNDREDS OF BİLLİONS of dollars", 1e11, None, "USD"),
    ],
)
def test_vague_quantities_with_a_multiplier_or_case_trap(text, lower, upper, unit):
    q = one(text)
    assert (q.value, q.lower, q.upper, q.unit, q.approximate) == (lower, lower, upper, unit, True)


def test_every_vague_phrase_the_pattern_takes_is_in_the_table():
    from tracker.extraction.quantities import _VAGUE_MULTIPLIERS, _VAGUE_PLURALS, VAGUE

    phrases = list(_VAGUE_PLURALS) + [f"{m} of {p}" for m in _VAGUE_MULTIPLIERS for p in _VAGUE_PLURALS]
    assert sorted(phrases) == sorted(VAGUE)
    for phrase in phrases:
        q = one(f"We saw {phrase} of ships.")
        assert (q.text, q.lower, q.upper) == (f"{phrase} of ships", *VAGUE[phrase])


@pytest.mark.parametrize(
    "text,value",
    [
        ("It cost 5 bıllion dollars.", 5e9),
        ("It cost 5 thouſand dollars.", 5e3),
        ("It cost 5 MİLLİON dollars.", 5e6),
        ("It cost five bıllion dollars.", 5e9),
        ("It cost 5\u212a dollars.", 5e3),  # the Kelvin sign, taken for "k"
    ],
)
def test_scale_words_with_letters_case_insensitive_matching_takes_for_ascii(text, value):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, "USD", "money")


def test_numbers_past_float_range_keep_the_figure_but_not_the_value():
    huge = "9" * 400
    q = one(f"It cost ${huge} last year.")
    assert (q.text, q.value, q.lower, q.upper, q.unit) == (f"${huge}", None, None, None, "USD")
    q = one(f"Between 5 and 1{'0' * 320} people came.")
    assert (q.kind, q.lower, q.upper, q.unit) == ("range", 5.0, None, "people")
    q = one(f"It cost ${'9' * 300} last year.")
    assert q.value == float("9" * 300)  # large but finite values stay


@pytest.mark.parametrize(
    "text,value,lower,upper",
    [
        # In binary 4.1 is 4.0999…: multiplied as floats, "$4.1 billion" was 4099999999.9999995.
        ("It is worth $4.1 billion.", 4_100_000_000.0, None, None),
        ("It is worth $1.15bn.", 1_150_000_000.0, None, None),
        ("It is worth £40.7m.", 40_700_000.0, None, None),
        ("It is worth 4.1 trillion yen.", 4_100_000_000_000.0, None, None),
        ("It is worth Rs 3.12 lakh crore.", 3_120_000_000_000.0, None, None),
        ("It has 2.3k followers.", 2_300.0, None, None),
        ("It is worth 0.07 million dollars.", 70_000.0, None, None),
        ("It cost $10.3-12.7 billion.", None, 10_300_000_000.0, 12_700_000_000.0),  # the scale after the second
    ],
)
def test_a_scaled_decimal_is_exact(text, value, lower, upper):
    q = one(text)
    assert (q.value, q.lower, q.upper) == (value, lower, upper)


@pytest.mark.parametrize(
    ("text", "span", "value", "lower", "upper", "unit"),
    [
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3, None, None, None),
        ("They sank three or four vessels.", "three or four vessels", None, 3, 4, "vessels"),
        ("It cost one hundred and five dollars.", "one hundred and five dollars", 105, None, None, "USD"),
    ],
)
def test_fractions_or_ranges_and_and_between_number_words(text, span, value, lower, upper, unit):
    q = one(text)
    assert (q.text, q.lower, q.upper, q.unit) == (span, lower, upper, unit)
    assert q.value == (pytest.approx(value) if value is not None else None)


def test_two_number_words_joined_by_and_are_a_list_not_a_sum():
    assert [(q.text, q.value) for q in find_quantities("Limits of two and one package per order.")][0] == ("two", 2)


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("She won the race in 2:14:04, a record.", "2:14:04", 8044.0),
        ("Kipchoge ran 1:59:40.2 in Vienna.", "1:59:40.2", 7180.2),
    ],
)
def test_hours_minutes_seconds_are_a_duration_in_seconds(text, span, value):
    q = one(text)
    assert (q.text, q.value, q.unit, q.kind) == (span, value, "seconds", "measure")


def test_a_clock_time_is_not_a_duration():
    assert find_quantities("The polls closed at 10:30 and reopened at 12:00:00 GMT.") == []


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("The storm reached Category 5 on Saturday.", 5.0, "category"),
        ("The city moved to Level 3 restrictions.", 3.0, "level"),
    ],
)
def test_a_rank_on_a_named_scale_takes_the_scale_word_as_unit(text, value, unit):
    q = one(text)
    assert (q.text, q.value, q.unit) == (str(int(value)), value, unit)


def test_a_label_that_is_not_a_scale_stays_no_figure():
    assert find_quantities("The law was passed under Resolution 2231 last year.") == []


def test_what_is_measured_may_sit_between_a_measure_and_its_per():
    q = one("Sponges survive on 0.002 moles of oxygen per cubic meter of water.")
    assert (q.text, q.value, q.unit, q.kind) == (
        "0.002 moles of oxygen per cubic meter",
        0.002,
        "moles per cubic meter",
        "measure",
    )


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("Two Democrats opposed, and one independent supported it.", "one independent", "independent"),
        ("The coordinates differed by one digit.", "one digit", "digit"),
        ("He received a one year prison sentence.", "one year", "year"),
        ("Stores limited sales to one pack per order.", "one pack", "pack"),
    ],
)
def test_one_counts_the_noun_after_it(text, span, unit):
    q = [q for q in find_quantities(text) if q.value == 1][0]
    assert (q.text, q.value, q.unit) == (span, 1.0, unit)


@pytest.mark.parametrize(
    "text",
    [
        "One of them said so.",
        "No one came to the door.",
        "One day he left.",
        "At one point it broke.",
        "It was the one who won.",
    ],
)
def test_one_as_a_pronoun_or_in_a_set_phrase_is_no_figure(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text,span,value,unit,upper",
    [
        ("The Vatican is to decide within a month whether to act.", "within a month", 1.0, "month", 1.0),
        ("Stores sell out within an hour of delivery.", "within an hour", 1.0, "hour", 1.0),
        ("Results come within 24 hours.", "within 24 hours", 24.0, "hours", 24.0),
    ],
)
def test_within_is_an_upper_bound(text, span, value, unit, upper):
    q = one(text)
    assert (q.text, q.value, q.unit, q.upper, q.lower) == (span, value, unit, upper, None)


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The group took over about a third of the country.", "about a third", 1 / 3),
        ("Congress gave about a quarter as much money as he asked.", "about a quarter", 0.25),
        ("More than half of voters agreed.", "More than half", 0.5),
        ("Half of the votes were lost.", "Half", 0.5),
        ("One half of the votes were lost.", "One half", 0.5),
    ],
)
def test_a_share_written_with_its_article(text, span, value):
    q = one(text)
    assert (q.text, q.value, q.unit) == (span, value, None)


def test_a_third_party_is_no_share():
    assert find_quantities("A third party entered the race.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("She was 26.", [("26", 26.0, "years")]),
        ("Baloch, aged 26, died at home.", [("26", 26.0, "years")]),
        ("He was 30 when the war began.", [("30", 30.0, None)]),  # not at the clause's end: not surely an age
        ("The score was 26.", [("26", 26.0, None)]),
    ],
)
def test_an_age_is_in_years(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sales were limited to two and one package per order.", [("two", "package"), ("one package", "package")]),
        ("He won 3 and 5 games.", [("3", "games"), ("5 games", "games")]),
        ("The bill was €3bn and £40m.", [("€3bn", "EUR"), ("£40m", "GBP")]),  # each its own unit
    ],
)
def test_numbers_listed_with_and_share_the_noun_after_the_last(text, expected):
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,span,value,unit,lower",
    [
        ("Prices were greater than 40 percent.", "greater than 40 percent", 40.0, "percent", 40.0),
        ("The wall is higher than 5 metres.", "higher than 5 metres", 5.0, "metres", 5.0),
        ("A fine of 50 million USD was set.", "50 million USD", 5e7, "USD", None),
        ("Tickets cost 176 Hong Kong dollars.", "176 Hong Kong dollars", 176.0, "HKD", None),
        ("It sold for 20 Canadian dollars.", "20 Canadian dollars", 20.0, "CAD", None),
    ],
)
def test_bounds_and_currencies_after_the_number(text, span, value, unit, lower):
    q = one(text)
    assert (q.text, q.value, q.unit, q.lower) == (span, value, unit, lower)


def test_a_url_escape_is_no_figure():
    assert find_quantities("See http://example.com/a%20b%2Cc for details.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Shares fell 3.38% to $55.12 on Friday.", [("3.38%", 3.38, "percent"), ("$55.12", 55.12, "USD")]),
        # A range's two ends share a unit: a percentage and a count are a change and a level.
        (
            "It fell 2.5% to 1.2 million barrels.",
            [("2.5%", 2.5, "percent"), ("1.2 million barrels", 1_200_000.0, "barrels")],
        ),
        ("Sales rose by 21% to 1.02 million.", [("21%", 21.0, "percent"), ("1.02 million", 1_020_000.0, None)]),
        (
            "It fell 2.5 percent to 1,200 barrels.",
            [("2.5 percent", 2.5, "percent"), ("1,200 barrels", 1200.0, "barrels")],
        ),
        # Two currencies: the same sum in each.
        ("It is worth about US$8000 or €7000.", [("about US$8000", 8000.0, "USD"), ("€7000", 7000.0, "EUR")]),
    ],
)
def test_a_change_and_a_level_joined_by_to_are_two_figures(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It rose 5% to 7%.", [("5% to 7%", "percent", 5.0, 7.0)]),
        ("It rose 5% to 7 percent.", [("5% to 7 percent", "percent", 5.0, 7.0)]),
        ("It rose from 5% to 7%.", [("from 5% to 7%", "percent", 5.0, 7.0)]),
        ("It fell from 7% to 5%.", [("from 7% to 5%", "percent", 5.0, 7.0)]),
        ("It cost $5 to $7.", [("$5 to $7", "USD", 5.0, 7.0)]),
    ],
)
def test_two_ends_in_one_unit_stay_a_range(text, expected):
    assert [(q.text, q.unit, q.lower, q.upper) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Patriots won 45-17.", []),  # falling: a score
        ("He won (6-5, 3-4) there.", []),  # a list of pairs: set scores
        ("Ages (10-12) may apply.", [("10-12", 10.0, 12.0)]),  # climbing and alone: a range
        ("It rose 5 to 7%.", [("5 to 7%", 5.0, 7.0)]),
    ],
)
def test_scores_are_not_ranges(text, expected):
    assert [(q.text, q.lower, q.upper) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # Two bare numbers joined by "to", the larger first, are a vote's two sides: two figures, not a range.
        ("The Senate voted 70 to 20 to send the bill back.", [("70", 70.0, None, None), ("20", 20.0, None, None)]),
        ("It passed by a vote of 52 to 48.", [("52", 52.0, None, None), ("48", 48.0, None, None)]),
        ("Biden won 57.8% to 42.2%.", [("57.8%", 57.8, None, None), ("42.2%", 42.2, None, None)]),
        # After a capitalised name a percentage is still a figure (the name labels a bare number only).
        (
            "Biden led Trump 50.0 percent to 40.4 percent.",
            [("50.0 percent", 50.0, None, None), ("40.4 percent", 40.4, None, None)],
        ),
        ("Biden led Trump 40% in May.", [("40%", 40.0, None, None)]),
        ("Dam Costs Rise 40% In Kenya.", [("40%", 40.0, None, None)]),  # a headline in title case
        # Climbing, or opened by "between", the pair is a range.
        ("Some 10 to 12 people were hurt.", [("Some 10 to 12 people", None, 10.0, 12.0)]),
        ("Between 12 to 10 people were hurt.", [("Between 12 to 10 people", None, 10.0, 12.0)]),
    ],
)
def test_a_falling_pair_joined_by_to_is_a_tally_of_two_figures(text, expected):
    assert [(q.text, q.value, q.lower, q.upper) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The claim was reported (2) and repeated (10, 11).", []),
        ("They published a map[3] of the sites.", []),
        ("The team (11 players) won.", [("11 players", 11.0)]),  # a count with its noun stays
    ],
)
def test_reference_markers_are_no_figures(text, expected):
    assert [(q.text, q.value) for q in find_quantities(text)] == expected


def test_more_than_half_is_a_lower_bound():
    q = one("More than half of voters agreed.")
    assert (q.value, q.lower, q.upper) == (0.5, 0.5, None)


@pytest.mark.parametrize(
    "text,unit",
    [
        ("It weighed 12 pounds at birth.", "pounds"),
        ("Police seized 40 pounds of cocaine.", "pounds"),
        ("The ticket cost 12 pounds.", "GBP"),
        ("He wasted 5 million pounds of public money.", "GBP"),
    ],
)
def test_pounds_weigh_or_pay_by_context(text, unit):
    assert one(text).unit == unit


def test_half_inside_a_word_is_no_figure():
    assert find_quantities("On behalf of them, the half-time show went on.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It took 2 1/2 hours.", [("2 1/2 hours", 2.5, "hours")]),
        ("He served 3 1/2 years in prison.", [("3 1/2 years", 3.5, "years")]),
        ("The shop is open 24/7.", []),
    ],
)
def test_mixed_fractions_and_numbers_joined_by_a_slash(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,span,value",
    [
        (
            "Turkey hosted over three-and-a-half million refugees at the peak.",
            "over three-and-a-half million refugees",
            3.5e6,
        ),
        ("He served two and a half years in prison.", "two and a half years", 2.5),
        ("One hundred and five people came.", "One hundred and five people", 105.0),
    ],
)
def test_and_a_half_adds_a_half(text, span, value):
    q = one(text)
    assert (q.text, q.value) == (span, value)


def test_or_fewer_is_an_upper_bound():
    q = one("20 or fewer people came.")
    assert (q.text, q.value, q.unit, q.kind, q.lower, q.upper, q.approximate) == (
        "20 or fewer people",
        20.0,
        "people",
        "count",
        None,
        20.0,
        True,
    )


@pytest.mark.parametrize(
    "text,span,unit,currency",
    [
        # A currency word several countries use is read with the country before it: not US dollars.
        ("It cost 500 Namibian dollars.", "500 Namibian dollars", "NAD", "NAD"),
        ("It cost 5 million Zimbabwe dollars.", "5 million Zimbabwe dollars", "ZWL", "ZWL"),
        ("It cost half a million Jamaican dollars.", "half a million Jamaican dollars", "JMD", "JMD"),
        ("They paid thousands of Namibian dollars.", "thousands of Namibian dollars", "NAD", "NAD"),
        ("It cost 500 Egyptian pounds.", "500 Egyptian pounds", "EGP", "EGP"),
        ("It cost 500 Pakistani rupees.", "500 Pakistani rupees", "PKR", "PKR"),
        # the country's own adjective keeps the default; a name not known leaves the currency unknown
        ("It cost 500 American dollars.", "500 American dollars", "USD", "USD"),
        ("It cost 500 Swiss francs.", "500 Swiss francs", "CHF", "CHF"),
        ("It cost 500 CFA francs.", "500 CFA francs", "cfa francs", None),
        ("It cost 500 dollars.", "500 dollars", "USD", "USD"),
        # a currency word the same in the plural, after its country's adjective
        ("It cost 500 Japanese yen.", "500 Japanese yen", "JPY", "JPY"),
        ("It cost 500 South African rand.", "500 South African rand", "ZAR", "ZAR"),
    ],
)
def test_a_currency_word_is_read_with_its_country(text, span, unit, currency):
    q = one(text)
    assert (q.text, q.unit, q.currency, q.kind) == (span, unit, currency, "money")


def test_every_shared_currency_code_is_an_iso_code_and_each_word_a_currency_word():
    from tracker.extraction.quantity_words import CURRENCY_WORDS, SHARED_CURRENCIES

    for word, countries in SHARED_CURRENCIES.items():
        assert word + "s" in CURRENCY_WORDS or word in CURRENCY_WORDS, word
        default = CURRENCY_WORDS.get(word + "s") or CURRENCY_WORDS[word]
        assert default in countries.values(), word  # the word's own country is named
        assert all(len(c) == 3 and c.isupper() for c in countries.values()), word


@pytest.mark.parametrize(
    "text,expected",
    [
        # A year between a determiner (and a word) and the noun it dates is no count.
        ("The 2021 census counted them.", []),
        ("Its 2019 report said so.", []),
        ("It joins the upcoming 2020 census.", []),
        # a count keeps its noun; a number past the years is no year
        ("The remaining 2000 soldiers left.", [("2000 soldiers", 2000.0, "soldiers")]),
        ("The 3000 arrived late.", [("3000", 3000.0, None)]),
    ],
)
def test_a_year_before_the_noun_it_dates_is_no_count(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,span,unit",
    [
        # A currency's hundredth part is money, its currency unknown ("cents" of a dollar or a euro).
        ("It will pay 18 cents a share.", "18 cents", "cents"),
        ("It costs 1 cent.", "1 cent", "cent"),
        ("Bread rose two pence a loaf.", "two pence", "pence"),
    ],
)
def test_cents_and_pence_are_money(text, span, unit):
    q = one(text)
    assert (q.text, q.unit, q.currency, q.kind) == (span, unit, None, "money")


def test_a_currency_word_after_us_is_read_without_it():
    # "US dollar" is not in the table as such: "US" is dropped and "dollar" read
    q = one("The grant was 5 million US dollar.")
    assert (q.text, q.value, q.currency, q.kind) == ("5 million US dollar", 5e6, "USD", "money")


@pytest.mark.parametrize(
    "text",
    [
        "They won 45–17 on Sunday.",  # a score with an en dash, the larger number first
        "The shop is open 24/7",  # a slash joins the number to another, at the very end of the text
    ],
)
def test_scores_with_an_en_dash_and_slashed_numbers_at_the_end_are_no_figures(text):
    assert find_quantities(text) == []


def test_the_character_guards_never_skip_a_pattern_that_would_match():
    """Each pattern of the figure checks is tried only where a character it needs stands; over every short string
    of the characters that matter, a guard that says no is never contradicted by its pattern."""
    import itertools

    import tracker.extraction.quantities as q

    chars = ["S", "a", "x", "N", "-", "–", " ", "\n", "\u00a0", ":", "5", "."]
    for n in range(5):
        for combo in itertools.product(chars, repeat=n):
            w = "".join(combo)
            text = w + "5"
            s = len(w)
            if q._MODEL_BEFORE.search(w):
                assert q._dash_before(w[-3:]), w
            for lo in (0, 1):
                if q._LABEL_BEFORE.search(text[max(lo, s - 20) : s]):
                    assert q._letter_space(text, s, lo) or text[s - 1 : s] == "\n" and q._letter_space(text, s - 1, lo)
    for after in ["", ":30", " am", "am", " GMT", "pm", " hrs", "\u00a0pm", " x", "x", "-", "o'clock", " o'clock"]:
        text = "5" + after
        opens = (
            after[:1] == ":" or after[:1] in q._TIME_OPENERS or after[:1].isspace() and after[1:2] in q._TIME_OPENERS
        )
        assert bool(q._TIME_AFTER.match(text, 1)) <= opens, after
    for before in ["aged ", "She was ", "he is  ", "HE WAS ", "Aged ", "the ", "Number ", "No. ", "NUMBER ", "no "]:
        assert q._age_before(before, 0, len(before)) == bool(q._AGE_BEFORE.search(before)), before
        assert q._enumerated(before, 0, len(before)) == bool(q._ENUMERATOR.search(before)), before


def test_the_digit_pattern_matches_as_the_whole_pattern_at_every_digit():
    """No word before a figure, vague amount or currency opens with a digit: at a digit the pattern without them
    gives the same match, groups and all."""
    from tracker.extraction.quantities import QUANTITY_AT_DIGIT_RE, QUANTITY_RE

    text = (
        "$5 million, 20%, 3.5 billion dollars, 4 to 5 km, 12 or so, 2019, 1,200,000 people, 5bn, 7.5m tall, "
        "10-12 billion euros, 3 and 4, 6 per cent, 30°C, 2 1/2 hours, 45-17, (2), S-400, 24/7, 5 USD, 9 or more. "
    ) * 3
    places = [i for i, c in enumerate(text) if c.isdigit()]
    full = [(m.span(), m.groups()) if m else None for m in (QUANTITY_RE.match(text, i) for i in places)]
    digit = [(m.span(), m.groups()) if m else None for m in (QUANTITY_AT_DIGIT_RE.match(text, i) for i in places)]
    assert digit == full
    assert sum(1 for m in full if m) > 60


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Storms killed 14 farmers and injured 30 more on Monday.", [(14, "farmers"), (30, "farmers")]),
        (
            "The raids left dozens of civilians dead and hundreds more homeless.",
            [(12, "civilians"), (100, "civilians")],
        ),
        # "more than" is a bound, not "more of the same"; a new sentence starts afresh.
        ("Police held 40 fans and more than 20 were fined.", [(40, "fans"), (20, None)]),
        ("Police held 40 fans. Later 20 more arrived.", [(40, "fans"), (20, None)]),
        ("It raised $5 million, and 3 more came later.", [(5e6, "USD"), (3, None)]),
    ],
)
def test_a_count_followed_by_more_counts_the_noun_of_the_count_before_it(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,unit",
    [
        ("The war cost hundreds of British and Canadian sailors their lives.", "sailors"),
        ("About 300 local and state officials attended.", "officials"),
        ("Some 50 public or private hospitals took part.", "hospitals"),
    ],
)
def test_two_modifiers_joined_by_and_before_the_noun_are_passed_over(text, unit):
    assert one(text).unit == unit


def test_a_list_of_plural_nouns_is_not_taken_for_two_modifiers():
    assert one("They bought 12 tables and chairs for the hall.").unit == "tables"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ship sank on its ninth voyage.", [("ninth voyage", 9, "voyage", "rank")]),
        (
            "He was elected on the third ballot with 54 votes.",
            [("third ballot", 3, "ballot", "rank"), ("54 votes", 54, "votes", "count")],
        ),
        (
            "Officials confirmed a twelfth case, the fourteenth death overall.",
            [("fourteenth death", 14, "death", "rank")],
        ),
        (
            "Paris, the city's seventeenth arrondissement",
            [("seventeenth arrondissement", 17, "arrondissement", "rank")],
        ),
    ],
)
def test_an_ordinal_before_a_noun_numbers_it(text, expected):
    assert [(q.text, q.value, q.unit, q.kind) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "She finished in third place.",
        "It is the second largest city.",
        "It is the fifth most visited site.",
        "He scored in the second half.",
        "The Third Reich fell.",
        "Pills are taken every second day.",
        "Protests went on for the fourth day.",
        "He won for the second time.",
        "The second-biggest bank failed.",
        "Second and third place went to Kenya.",
        # before a plural an ordinal names a kind, not one thing's place
        "Voters approved a tax on second homes.",
        "It infringes the rights of third states.",
        "It attracted third party and independent candidates.",
    ],
)
def test_ordinals_that_rank_or_name_are_no_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("Not a single French soldier was hurt.", "Not a single French soldier", "soldier"),
        ("The guards did not fire a single shot.", "not fire a single shot", "shot"),
        ("It passed without a single vote against.", "without a single vote", "vote"),
        ("They did not even score a single goal.", "not even score a single goal", "goal"),
    ],
)
def test_not_a_single_counts_none(text, span, unit):
    q = one(text)
    assert (q.text, q.value, q.unit) == (span, 0, unit)


@pytest.mark.parametrize(
    "text", ["He cast a single vote.", "It was not just a single case.", "Not a single one was found."]
)
def test_a_single_without_a_negation_or_with_only_is_no_zero(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text,span,value,unit,lower,upper",
    [
        ("The sprinter won by a tenth of a second.", "a tenth of a second", 0.1, "second", None, None),
        ("It drifted a thousandth of an inch.", "a thousandth of an inch", 0.001, "inch", None, None),
        (
            "Plants grew in as little as a millionth of a mole per litre.",
            "as little as a millionth of a mole per litre",
            1e-6,
            "mole per litre",
            None,
            1e-6,
        ),
        ("About a tenth of the budget went to roads.", "About a tenth", 0.1, None, None, None),
    ],
)
def test_a_share_of_one_unit_of_measure_is_a_figure_in_that_unit(text, span, value, unit, lower, upper):
    q = one(text)
    assert (q.text, q.unit, q.lower, q.upper) == (span, unit, lower, upper)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text,span,value,unit",
    [
        ("Half a million people marched in the capital.", "Half a million people", 5e5, "people"),
        ("The roof cost a quarter of a million dollars.", "a quarter of a million dollars", 2.5e5, "USD"),
        ("Three quarters of a million tickets sold.", "Three quarters of a million tickets", 7.5e5, "tickets"),
        ("Only half a dozen lawmakers came.", "half a dozen lawmakers", 6, "lawmakers"),
        ("It lost two-thirds of a billion euros.", "two-thirds of a billion euros", 2e9 / 3, "EUR"),
    ],
)
def test_a_share_of_a_scale_word_is_one_number(text, span, value, unit):
    q = one(text)
    assert (q.text, q.unit) == (span, unit)
    assert q.value == pytest.approx(value)


def test_a_bound_before_a_share_of_a_scale_word():
    q = one("Nearly half a million voters stayed home.")
    assert (q.text, q.value, q.upper, q.unit) == ("Nearly half a million voters", 5e5, 5e5, "voters")


@pytest.mark.parametrize(
    "text,unit",
    [
        ("The ferry sank with all 212 aboard.", "people"),
        ("Rescuers reached the nine on board by noon.", "people"),
        ("Four of the 30 on-board were hurt.", "people"),
        ("The jet carried 8 tonnes aboard.", "tonnes"),
        ("The trawler had 14 crew.", "crew"),
    ],
)
def test_a_bare_number_aboard_counts_people(text, unit):
    qs = find_quantities(text)
    assert qs[-1].unit == unit


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The camp holds 9,000 families, down from a peak of 12,000 in June.",
            [(9000, "families"), (12000, "families")],
        ),
        ("Enrolment rose to 40 schools from 25.", [(40, "schools"), (25, "schools")]),
        ("They found 60 graves, more than the 45 expected.", [(60, "graves"), (45, "graves")]),
        # no comparison word, or a new sentence: the bare number stands alone
        ("Police held 40 fans and freed 20 on Sunday.", [(40, "fans"), (20, None)]),
        ("The camp holds 9,000 families. From 2,000 came nothing.", [(9000, "families"), (2000, None)]),
    ],
)
def test_a_bare_number_compared_with_a_count_counts_its_noun(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,span,lower",
    [
        ("Volunteers signed up by the hundreds this week.", "hundreds", 100),
        ("Losses ran into the millions last year.", "millions", 1e6),
        ("Hundreds of thousands marched on Sunday.", "Hundreds of thousands", 1e5),
        ("The tens of thousands who fled returned.", "tens of thousands", 1e4),
    ],
)
def test_a_vague_plural_after_the_or_with_its_multiplier_stands_alone(text, span, lower):
    q = one(text)
    assert (q.text, q.value, q.lower, q.unit) == (span, lower, lower, None)


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("Two thirds of members backed the motion.", "Two thirds", 2 / 3),
        ("She kept three quarters of the land.", "three quarters", 0.75),
        ("Four fifths of the town was flooded.", "Four fifths", 0.8),
    ],
)
def test_a_fraction_written_in_two_words_is_a_share(text, span, value):
    q = one(text)
    assert (q.text, q.unit) == (span, None)
    assert q.value == pytest.approx(value)


def test_quarters_without_of_are_counted():
    assert (one("Output fell for two quarters.").value, one("Output fell for two quarters.").unit) == (2, "quarters")


@pytest.mark.parametrize(
    "text",
    [
        "An Airbus 320 landed late. The 320 had a burst tyre.",
        "The airline flies Boeing 787s; the 787 is its pride.",
    ],
)
def test_a_bare_number_the_text_names_elsewhere_is_a_model(text):
    assert find_quantities(text) == []


def test_a_bare_number_after_a_month_or_a_function_word_stays_a_figure():
    qs = find_quantities("In May 250 were freed. The 250 went home.")
    assert [(q.text, q.value) for q in qs] == [("250", 250), ("250", 250)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The party took 14 of the 40 seats.", [("14", "seats"), ("40 seats", "seats")]),
        ("Seven of its 30 branches closed.", [("Seven", "branches"), ("30 branches", "branches")]),
        ("Nine of them were freed.", [("Nine", None)]),
    ],
)
def test_a_part_of_a_counted_whole_counts_the_same_noun(text, expected):
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The bank cut rates by half a percentage point.", "half a percentage point", 0.5),
        ("Yields rose a quarter of a percentage point.", "a quarter of a percentage point", 0.25),
    ],
)
def test_a_share_of_a_percentage_point(text, span, value):
    q = one(text)
    assert (q.text, q.value, q.unit, q.kind) == (span, value, "percentage points", "percent")


@pytest.mark.parametrize(
    "text,unit",
    [
        ("Crews flew eight fire-fighting helicopters.", "helicopters"),
        ("The board read 300 signed letters.", "letters"),
        ("Officers seized 40 stolen bicycles.", "bicycles"),
        ("The ward has 12 vacant beds.", "beds"),
        # a noun before the noun stays: it names the kind
        ("The town has 12 speed cameras.", "speed cameras"),
        ("She saw 3 red cards.", "red cards"),
    ],
)
def test_a_hyphenated_or_participle_modifier_is_not_part_of_the_noun(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize(
    "text,span,lower",
    [
        ("Dozens were hurt in the crush.", "Dozens", 12),
        ("Thousands lined the route.", "Thousands", 1000),
        ("Hundreds of thousands fled the city.", "Hundreds of thousands", 1e5),
    ],
)
def test_a_vague_plural_before_a_verb_is_a_figure_with_no_noun(text, span, lower):
    q = one(text)
    assert (q.text, q.value, q.lower, q.unit) == (span, lower, lower, None)


def test_scores_as_a_noun_is_no_figure():
    assert find_quantities("Reading scores improved.") == []


@pytest.mark.parametrize(
    "text,span,value,upper",
    [
        ("One in four children lives in poverty.", "One in four", 0.25, None),
        ("Nearly 2 out of 5 firms cut jobs.", "Nearly 2 out of 5", 0.4, 0.4),
        ("The disease strikes one in a million.", "one in a million", 1e-6, None),
        ("It affects 12 in 100,000 people.", "12 in 100,000", 1.2e-4, None),
    ],
)
def test_one_in_five_is_a_share(text, span, value, upper):
    q = one(text)
    assert (q.text, q.unit, q.upper) == (span, None, upper)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["She scored 3 in 2021.", "He won 5 in 3 days."])
def test_a_number_in_a_year_or_a_larger_number_in_a_smaller_is_no_share(text):
    assert all(q.value >= 1 for q in find_quantities(text))


def test_a_sentence_of_numbers_is_read_up_to_the_bound(monkeypatch):
    """Given the sentences, a sentence of thousands of numbers costs the figure pattern MAX_NUMBERS tries, not one
    per number (it is a table run together, not a claim a reader checks figure by figure); the sentences after
    it are read whole, and without the sentences every number is read."""
    import tracker.extraction.quantities as quantities
    from tracker.extraction.sentences import sentences
    from tracker.extraction.triggers import MAX_NUMBERS

    text = "It rose " + "5 " * 5000 + "in all. Sales rose 7 percent."
    spans = sentences(text)
    digits = CountingPattern(quantities.QUANTITY_AT_DIGIT_RE)
    monkeypatch.setattr(quantities, "QUANTITY_AT_DIGIT_RE", digits)
    found = find_quantities(text, sentences=spans)
    assert digits.calls == MAX_NUMBERS + 1
    assert [q.text for q in found] == ["5"] * MAX_NUMBERS + ["7 percent"]
    assert len(find_quantities(text)) == 5001
    assert digits.calls == MAX_NUMBERS + 1 + 5001


def test_the_numbers_named_after_a_capitalised_word():
    """A number right after a capitalised word that opens at a word boundary names a thing ("Boeing 707"); not
    after a capital inside a word, a month or a unit word."""
    from tracker.extraction.quantities import _named_numbers

    text = "(Boeing 707) and Airbus 320s; xBoeing 747, ÉAirbus 380, A_B 400, May 2020, Over 500 flew."
    assert _named_numbers(text) == frozenset({"707", "320"})


# Issue 16, survivors of the seed-31 mutation sample (2026-11-30, branch mutation3).


@pytest.mark.parametrize(
    "text, expected",
    [
        # "40 more" after a percentage: a share is not a count of things, its unit is not borrowed
        (
            "Rebels held 20 percent of the country, and in the spring 40 more joined.",
            [("20 percent", 20.0, "percent"), ("40", 40.0, None)],
        ),
        # the count to borrow from is more than 120 characters back: too far to be what "500 more" counts
        (
            "The ministry counted 300 new cases in the capital on Monday, after a weekend in which hospitals across "
            "the country reported shortages of staff and beds; by Friday there were 500 more.",
            [("300 new cases", 300.0, "cases"), ("500", 500.0, None)],
        ),
    ],
)
def test_more_borrows_the_unit_only_of_a_near_count(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


# Issue 16: survivors of the fresh seed-59 sample, written after it was measured (not re-measured).


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range after a count takes the count's unit ("between 30 and 40 more" people)
        (
            "Police arrested 20 people on Monday and between 30 and 40 more on Tuesday.",
            [
                ("20 people", 20.0, "people", "count", None, None),
                ("between 30 and 40", None, "people", "range", 30.0, 40.0),
            ],
        ),
        # a part of a scale word before a currency is money
        (
            "The storm caused half a million dollars of damage.",
            [("half a million dollars", 500000.0, "USD", "money", None, None)],
        ),
        # "not … a single" is a count of zero
        ("The army did not fire a single shot.", [("not fire a single shot", 0.0, "shot", "count", None, None)]),
        # a figure after a scale label measures on that scale
        (
            "The storm was upgraded to a Category 4 hurricane on Monday.",
            [("4", 4.0, "category", "measure", None, None)],
        ),
        (
            "The central bank raised its rate by 0.5 percentage points on Thursday.",
            [("0.5 percentage points", 0.5, "percentage points", "percent", None, None)],
        ),
        # a three-letter plural is a counted noun
        ("The campaign bought 300 ads on local television.", [("300 ads", 300.0, "ads", "count", None, None)]),
    ],
)
def test_the_kind_and_unit_of_each_figure(text, expected):
    assert [(q.text, q.value, q.unit, q.kind, q.lower, q.upper) for q in find_quantities(text)] == expected


def test_word_figures_are_found_only_where_their_words_are_and_read_through_folded_letters():
    # "single", "within" and the fraction words are looked for once per text (`_word_needles`); a text holding
    # them still gets its word figures, and letters IGNORECASE reads as ASCII ones are folded, not a KeyError.
    got = [
        [(q.text, q.value, q.unit) for q in find_quantities(t)]
        for t in (
            "Not a sıngle shot was fired.",
            "It ended within a week.",
            "Some HALF a mıllion came.",
            "A thırd of voters stayed home.",
            "A quarter of voters left, in a week.",
        )
    ]
    assert got == [
        [("Not a sıngle shot", 0.0, "shot")],
        [("within a week", 1.0, "week")],
        [("HALF a mıllion", 500000.0, None)],
        [("A thırd", 1 / 3, None)],
        [("A quarter", 0.25, None)],
    ]


def test_word_needles_are_kept_for_one_text_and_freed_by_forget():
    from tracker.extraction.quantities import _word_needles, forget

    assert _word_needles("within a half") == (False, True, True)
    assert _word_needles("Not a ſingle one") == (True, False, False)  # long s folds to "s"
    assert _word_needles.cache_info().currsize == 1
    forget()
    assert _word_needles.cache_info().currsize == 0


# Mutation pass (branch mutfig, seed 101): each rule below held a surviving mutant of its own.


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("Fighting between two rival militias killed 12 people.", "two rival militias", "rival militias"),
        ("Aid from 12 countries arrived on Friday.", "12 countries", "countries"),
    ],
)
def test_between_or_from_before_a_single_figure_stays_outside_it(text, span, unit):
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.approximate, q.lower, q.upper) == (span, unit, False, None, None)


@pytest.mark.parametrize(
    "text,span,value,unit",
    [
        ("The water was 30 °C in July.", "30 °C", 30, "°C"),
        ("Air in Phoenix reached 115 °F on Monday.", "115 °F", 115, "°F"),
        ("The ramp rises at 12° from the kerb.", "12°", 12, "degree"),
    ],
)
def test_a_figure_in_degrees_is_a_measure(text, span, value, unit):
    q = one(text)
    assert (q.text, q.value, q.unit, q.currency, q.kind) == (span, value, unit, None, "measure")


def test_a_race_time_at_the_very_start_of_a_text_is_a_duration_in_seconds():
    q = find_quantities("2:01:09 was the world record Kipchoge set in Berlin.")[0]
    assert (q.text, q.start, q.value, q.unit, q.kind) == ("2:01:09", 0, 7269.0, "seconds", "measure")


@pytest.mark.parametrize("letter", [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "BKM"])
def test_a_number_glued_to_a_capital_letter_is_a_model_name(letter):
    # B, K and M are scales ("7B", "7K", "7M" read as 7 billion, 7 thousand, 7 million)
    assert find_quantities(f"Engineers unveiled the 7{letter} prototype on Monday.") == []


@pytest.mark.parametrize(
    "bound,approximate,lower,upper",
    [
        ("at least", False, 0.5, None),
        ("more than", False, 0.5, None),
        ("over", False, 0.5, None),
        ("roughly", True, None, None),
        ("up to", False, None, 0.5),
        ("less than", False, None, 0.5),
        ("about", True, None, None),
        ("nearly", True, None, 0.5),
        ("under", False, None, 0.5),
        ("just over", True, 0.5, None),  # "just" was lost: "over half a percentage point"
        ("just under", True, None, 0.5),  # "just under" was no bound at all
    ],
)
def test_a_bound_before_a_share_of_a_percentage_point(bound, approximate, lower, upper):
    q = one(f"The bank raised rates by {bound} half a percentage point.")
    got = (q.text, q.value, q.unit, q.kind, q.approximate, q.lower, q.upper)
    expected_approximate = approximate or lower is not None or upper is not None
    assert got == (
        f"{bound} half a percentage point",
        0.5,
        "percentage points",
        "percent",
        expected_approximate,
        lower,
        upper,
    )


@pytest.mark.parametrize(
    "text,span,value,lower,upper",
    [
        ("Just over half a million people voted.", "Just over half a million people", 5e5, 5e5, None),
        ("Just under half a million people voted.", "Just under half a million people", 5e5, None, 5e5),
        ("Under half a million people voted.", "Under half a million people", 5e5, None, 5e5),
        ("Just over a third of voters agreed.", "Just over a third", 1 / 3, 1 / 3, None),
        ("Just under a quarter of voters agreed.", "Just under a quarter", 0.25, None, 0.25),
    ],
)
def test_just_over_and_just_under_before_a_share_keep_just(text, span, value, lower, upper):
    q = one(text)
    assert (q.text, q.value, q.approximate, q.lower, q.upper) == (span, value, True, lower, upper)


BOUND_WORDS = {
    # word before the figure: (lower, upper); every one of them makes the figure approximate
    "about": (None, None),
    "around": (None, None),
    "approximately": (None, None),
    "roughly": (None, None),
    "some": (None, None),
    "close to": (None, None),
    "an estimated": (None, None),
    "estimated": (None, None),
    "circa": (None, None),
    "approx.": (None, None),
    "an average of": (None, None),
    "nearly": (None, 40.0),
    "almost": (None, 40.0),
    "just under": (None, 40.0),
    "just over": (40.0, None),
    "more than": (40.0, None),
    "over": (40.0, None),
    "at least": (40.0, None),
    "above": (40.0, None),
    "upwards of": (40.0, None),
    "greater than": (40.0, None),
    "higher than": (40.0, None),
    "in excess of": (40.0, None),
    "no fewer than": (40.0, None),
    "no less than": (40.0, None),
    "exceeding": (40.0, None),
    "no more than": (None, 40.0),
    "as few as": (None, 40.0),
    "as little as": (None, 40.0),
    "up to": (None, 40.0),
    "less than": (None, 40.0),
    "fewer than": (None, 40.0),
    "under": (None, 40.0),
    "below": (None, 40.0),
    "at most": (None, 40.0),
}


@pytest.mark.parametrize("word", list(BOUND_WORDS))
def test_every_bound_word_before_a_figure(word):
    q = one(f"Officials said {word} 40 soldiers were hurt.")
    assert (q.text, q.value, q.unit, q.approximate, q.lower, q.upper) == (
        f"{word} 40 soldiers",
        40,
        "soldiers",
        True,
        *BOUND_WORDS[word],
    )


@pytest.mark.parametrize(
    "tail,lower,upper",
    [("or so", None, None), ("or more", 40.0, None), ("or less", None, 40.0), ("or fewer", None, 40.0)],
)
def test_every_bound_word_after_a_figure(tail, lower, upper):
    q = one(f"Officials said 40 {tail} were hurt.")
    assert (q.text, q.value, q.approximate, q.lower, q.upper) == (f"40 {tail}", 40, True, lower, upper)


NUMBER_WORDS = [
    ("two", 2),
    ("eleven", 11),
    ("nineteen", 19),
    ("twenty", 20),
    ("ninety-nine", 99),
    ("a hundred", 100),
    ("two hundred and five", 205),
    ("three thousand", 3000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("four million", 4e6),
    ("one and a half million", 1.5e6),
    ("three-and-a-half million", 3.5e6),
    ("twenty-four hundred", 2400),
    ("five hundred thousand", 5e5),
    ("seven hundred and fifty thousand", 7.5e5),
    ("two billion", 2e9),
    ("a trillion", 1e12),
]


@pytest.mark.parametrize("words,value", NUMBER_WORDS)
def test_every_way_of_spelling_a_number_in_words(words, value):
    q = one(f"Officials said {words} soldiers were hurt.")
    assert (q.text, q.value, q.unit, q.kind) == (f"{words} soldiers", value, "soldiers", "count")


SCALED = [
    ("5 hundred", 500),
    ("5 thousand", 5e3),
    ("5k", 5e3),
    ("5 lakh", 5e5),
    ("5 lakhs", 5e5),
    ("5 million", 5e6),
    ("5million", 5e6),
    ("5 mn", 5e6),
    ("5mln", 5e6),
    ("5m", 5e6),
    ("5M", 5e6),
    ("5 crore", 5e7),
    ("5 crores", 5e7),
    ("5 billion", 5e9),
    ("5bn", 5e9),
    ("5 BN", 5e9),
    ("5b", 5e9),
    ("5 trillion", 5e12),
    ("5tn", 5e12),
    ("5 trn", 5e12),
]


@pytest.mark.parametrize("figure,value", SCALED)
def test_every_scale_word_abbreviation_and_letter(figure, value):
    q = one(f"The fund raised ${figure} last year.")
    assert (q.text, q.value, q.unit, q.kind) == (f"${figure}", value, "USD", "money")


# Mutation pass (branch mutfig, seed 102)


@pytest.mark.parametrize(
    "text,span",
    [("It weighed 12 pounds at birth.", "12 pounds"), ("Police seized 40 pounds of cocaine.", "40 pounds")],
)
def test_pounds_of_weight_are_a_measure_not_money(text, span):
    q = one(text)
    assert (q.text, q.unit, q.currency, q.kind) == (span, "pounds", None, "measure")


def test_a_label_word_before_a_trailing_space_and_a_line_break_still_names_the_number():
    assert find_quantities("The council passed Resolution \n2231 on Monday.") == []


def test_an_ordinal_that_numbers_no_noun_does_not_stop_the_ordinals_after_it():
    qs = find_quantities("She finished third, and it was her fifth attempt.")
    assert [(q.text, q.value, q.unit, q.kind) for q in qs] == [("fifth attempt", 5.0, "attempt", "rank")]


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon retired its last B - 1 bombers.",
        "Russia showed its Su – 57 jets.",
        "The lab sequenced the COVID - 19 genome.",
    ],
)
def test_a_number_after_a_spaced_dash_and_a_capitalised_code_is_a_model_name(text):
    assert find_quantities(text) == []


def test_a_share_of_a_scale_word_before_a_hyphenated_measure_leaves_the_measure_its_own_figure():
    qs = find_quantities("Brewers shipped half a million 12-packs last year.")
    assert [(q.text, q.value, q.unit, q.kind) for q in qs] == [
        ("half a million", 5e5, None, "count"),
        ("12-packs", 12.0, "packs", "measure"),
    ]


@pytest.mark.parametrize(
    "text, figure, value",
    [
        # Two scale words multiply: Indian news counts in lakh crore.
        ("The budget is Rs 3.12 lakh crore this year.", "Rs 3.12 lakh crore", 3.12e12),
        ("The deal was worth 1.5 lakh crore rupees.", "1.5 lakh crore rupees", 1.5e12),
        ("It cost 2 thousand million pounds.", "2 thousand million pounds", 2e9),
        ("The budget is Rs 5 crore this year.", "Rs 5 crore", 5e7),
        # A scale word opening a compound adjective is no second scale.
        ("The 5 million thousand-year-old trees stand.", "5 million thousand-year-old trees", 5e6),
    ],
)
def test_two_scale_words_multiply(text, figure, value):
    assert [(q.text, q.value) for q in find_quantities(text)] == [(figure, pytest.approx(value))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # After an ordinal, "half of" names a period, not a share.
        ("The deal is expected to close in the first half of 2024.", []),
        ("The economy slipped into recession in the second half of last year.", []),
        ("In the latter half of the decade, half of the firms failed.", [("half", 0.5)]),
        # Alone or hedged, it is the share.
        ("About half of voters backed the plan.", [("About half", 0.5)]),
    ],
)
def test_half_after_an_ordinal_is_a_period_not_a_share(text, expected):
    assert [(q.text, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # After "by", a share closing its phrase is the size of a change.
        ("Rents had risen by a third since 2018.", [("a third", 1 / 3)]),
        ("Complaints were up by a quarter.", [("a quarter", 0.25)]),
        ("Profits fell by half last year.", [("half", 0.5)]),
        # Before a noun it is an ordinal or part of a longer figure.
        ("The city was hit by a third wave.", []),
        ("It was approved by a third party.", []),
    ],
)
def test_a_share_after_by_is_the_size_of_a_change(text, expected):
    assert [(q.text, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A year joined by "to" to a figure with its own scale or currency: the year is a date, the figure stays.
        (
            "The population grew from 3.2 million in 2010 to 3.9 million in 2020.",
            [("3.2 million", 3200000.0), ("3.9 million", 3900000.0)],
        ),
        ("It grew from 3.2 million in 2010 to 3.9 million.", [("3.2 million", 3200000.0), ("3.9 million", 3900000.0)]),
        # A range of days is a date's, the bare second day no figure.
        ("From March 15 to 17, it rained.", []),
    ],
)
def test_a_figure_after_a_year_and_to_is_read_on_its_own(text, expected):
    assert [(q.text, q.value) for q in find_quantities(text)] == expected


def _figures(text):
    return [(q.text, q.value, q.unit, q.kind, q.lower, q.upper) for q in find_quantities(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # A bound before a share bounds the share itself: "at least one in five" is 0.2 or more.
        ("At least one in five adults smoke.", [("At least one in five", 0.2, None, "count", 0.2, None)]),
        ("Up to one in five adults smoke.", [("Up to one in five", 0.2, None, "count", None, 0.2)]),
        ("Roughly one in four adults smoke.", [("Roughly one in four", 0.25, None, "count", None, None)]),
        # The first number must be the smaller: "3 in 3 games" is two counts, not a share of 1.
        (
            "The striker has scored 3 in 3 games.",
            [("3", 3.0, None, "count", None, None), ("3 games", 3.0, "games", "count", None, None)],
        ),
        ("He won 2 in 3 games.", [("2 in 3", 2 / 3, None, "count", None, None)]),
    ],
)
def test_a_share_is_one_smaller_number_in_a_larger_with_its_bound(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It took a quarter of an hour.", [("a quarter of an hour", 0.25, "hour", "measure", None, None)]),
        ("It is a third of a mile long.", [("a third of a mile", 1 / 3, "mile", "measure", None, None)]),
        # A part of one thing that is no unit of measure is a bare share: the thing is not its unit.
        ("They ate a quarter of a pizza.", [("a quarter", 0.25, None, "count", None, None)]),
        ("She won by a fifth of a point.", [("a fifth", 0.2, None, "count", None, None)]),
    ],
)
def test_a_part_of_one_takes_the_unit_only_of_a_measure(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("She is 1.8m tall.", [("1.8m", 1.8, "m", "measure", None, None)]),
        ("The wall is 3m high.", [("3m", 3.0, "m", "measure", None, None)]),
        # "m" before "long" is metres; "million" before it stays a million.
        ("The waiting list is now 7.6 million long.", [("7.6 million", 7.6e6, None, "count", None, None)]),
        ("The queue was 2m people long.", [("2m people", 2e6, "people", "count", None, None)]),
        # A range in metres, with the "m" on both ends or on the second only.
        ("The waves were 1.5m-2m high.", [("1.5m-2m", None, "m", "range", 1.5, 2.0)]),
        ("The waves were 1.5-2.7m high.", [("1.5-2.7m", None, "m", "range", 1.5, 2.7)]),
        ("The waves were 1.5m to 2m in height.", [("1.5m to 2m", None, "m", "range", 1.5, 2.0)]),
        ("The peak is 4,000m above sea level.", [("4,000m", 4000.0, "m", "measure", None, None)]),
        ("It cost £1.5m-£2m.", [("£1.5m-£2m", None, "GBP", "range", 1.5e6, 2e6)]),
        ("It raised £4m in May.", [("£4m", 4e6, "GBP", "money", None, None)]),
    ],
)
def test_m_before_a_dimension_word_is_metres_and_only_m(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "two and three packages": the noun after the second number counts the first too...
        (
            "They found two and three packages.",
            [("two", 2.0, "packages", "count", None, None), ("three packages", 3.0, "packages", "count", None, None)],
        ),
        # ...but a currency word after the second makes it money and leaves the first a bare count.
        (
            "Tickets cost 5 and 10 more dollars.",
            [("5", 5.0, None, "count", None, None), ("10 more dollars", 10.0, "USD", "money", None, None)],
        ),
    ],
)
def test_a_noun_shared_by_two_numbers_counts_both_unless_it_is_a_currency(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He ran 2:08:37.5 in Berlin.",
        "It took 2 1/2 hours to fix.",
        "It was worth about $2.5 billion last year.",
        "Prices rose 40% in 2019.",
        "Between 10 and 20 people came.",
        "One in four children lives in poverty.",
        "The sprinter won by a tenth of a second.",
        "Half a million people marched.",
        "It was 30 °C in July.",  # ran past the range to "°C"
        "The waves were 1.5m-2m high.",
    ],
)
def test_every_figure_found_in_a_range_lies_inside_it(text):
    for s in (0, 3, 7):
        for e in range(s, len(text) + 1):
            for q in find_quantities(text, s, e):
                assert s <= q.start and q.end <= e, (s, e, q)


def test_a_race_time_cut_by_the_ranges_end_is_not_read_past_it():
    assert [(q.text, q.value) for q in find_quantities("He ran 2:08:37.5 in Berlin.", 0, 16)] == [("2:08:37.5", 7717.5)]
    assert find_quantities("He ran 2:08:37.5 in Berlin.", 0, 12) == []
