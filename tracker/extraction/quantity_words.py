"""The word tables of the figure finder (tracker/extraction/quantities.py): number words, scales, vague plurals,
currencies, bounds, measures and the words around a counted noun. Data only: the patterns are built from these
tables in quantities.py, so a phrase the pattern accepts is always a key here."""

from __future__ import annotations

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
    "an": 1,
}
# Scale words, in three tables because the pattern spaces them differently: "5 million" or "5million",
# "5 bn" or "5bn", but only "5m" (so "5 m" stays five metres). The pattern is built from these tables.
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
SCALE_ABBREVIATIONS = {"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12}
SCALE_LETTERS = {"k": 1e3, "m": 1e6, "b": 1e9}
SCALES = {**SCALE_WORDS, **SCALE_ABBREVIATIONS, **SCALE_LETTERS}
# Plural vagueness: "hundreds of officials" is at least two hundred and fewer than a thousand.
# A vague plural says "at least one such unit" and no more: "hundreds of officials" is a lower bound of 100 (the
# upper end is not stated, and annotators record none).
_VAGUE_PLURALS = {
    "dozens": (12.0, None),
    "scores": (20.0, None),
    "hundreds": (100.0, None),
    "thousands": (1e3, None),
    "millions": (1e6, None),
    "billions": (1e9, None),
}
# "tens of thousands", "hundreds of billions": a multiplier before any plural. VAGUE holds every phrase the
# pattern (built from these two tables below) can match, so a match is always a key once folded.
_VAGUE_MULTIPLIERS = {"tens": 10.0, "hundreds": 100.0}
VAGUE = {
    **_VAGUE_PLURALS,
    **{
        f"{mul} of {plural}": (lo * k, None)
        for mul, k in _VAGUE_MULTIPLIERS.items()
        for plural, (lo, hi) in _VAGUE_PLURALS.items()
    },
}
CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "₽": "RUB",
    "rub": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "try": "TRY",
    "chf": "CHF",
    "₦": "NGN",
    "₱": "PHP",
    "zar": "ZAR",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "hong kong dollars": "HKD",
    "hong kong dollar": "HKD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "new taiwan dollars": "TWD",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "rub": "RUB",
    "chf": "CHF",
    "try": "TRY",
    "zar": "ZAR",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "lira": "TRY",
    "liras": "TRY",
    "francs": "CHF",
    "won": "KRW",
    "naira": "NGN",
    "rand": "ZAR",
}
# The hundredth parts of currencies: "18 cents" is money, its currency unknown (a dollar's or a euro's cents).
CURRENCY_PARTS = frozenset("cent cents pence penny pennies kopeck kopecks kopek kopeks paise centimes".split())
# Currency words that several countries use, read with the name or adjective of the country before them: "500
# Namibian dollars" are NAD, "Egyptian pounds" EGP, not the word's default in CURRENCY_WORDS. Keyed by the word in
# the singular, then by the capitalised words before it, in lower case. A country's own adjective keeps the default
# ("American dollars"); a name not here leaves the currency unknown rather than wrong ("CFA francs": West or
# Central African).
SHARED_CURRENCIES = {
    "dollar": {
        "us": "USD",
        "u.s.": "USD",
        "american": "USD",
        "united states": "USD",
        "canadian": "CAD",
        "australian": "AUD",
        "new zealand": "NZD",
        "singapore": "SGD",
        "singaporean": "SGD",
        "hong kong": "HKD",
        "taiwan": "TWD",
        "taiwanese": "TWD",
        "new taiwan": "TWD",
        "namibian": "NAD",
        "jamaican": "JMD",
        "bahamian": "BSD",
        "barbadian": "BBD",
        "barbados": "BBD",
        "belize": "BZD",
        "belizean": "BZD",
        "bermudian": "BMD",
        "brunei": "BND",
        "cayman": "KYD",
        "cayman islands": "KYD",
        "fijian": "FJD",
        "fiji": "FJD",
        "guyanese": "GYD",
        "liberian": "LRD",
        "solomon islands": "SBD",
        "surinamese": "SRD",
        "trinidadian": "TTD",
        "east caribbean": "XCD",
        "zimbabwean": "ZWL",
        "zimbabwe": "ZWL",
    },
    "pound": {
        "british": "GBP",
        "uk": "GBP",
        "u.k.": "GBP",
        "egyptian": "EGP",
        "lebanese": "LBP",
        "syrian": "SYP",
        "sudanese": "SDG",
        "south sudanese": "SSP",
    },
    "franc": {
        "swiss": "CHF",
        "rwandan": "RWF",
        "congolese": "CDF",
        "burundian": "BIF",
        "guinean": "GNF",
        "djiboutian": "DJF",
    },
    "rupee": {
        "indian": "INR",
        "pakistani": "PKR",
        "sri lankan": "LKR",
        "nepalese": "NPR",
        "nepali": "NPR",
        "mauritian": "MUR",
        "seychellois": "SCR",
    },
    "ruble": {"russian": "RUB", "belarusian": "BYN"},
    "rouble": {"russian": "RUB", "belarusian": "BYN"},
    "won": {"south korean": "KRW", "korean": "KRW", "north korean": "KPW"},
    "lira": {"turkish": "TRY"},
}
APPROX = {
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "close to",
    "an estimated",
    "estimated",
    "circa",
    "approx.",
    "~",
    "just over",
    "just under",
    "or so",
    "an average of",
    "on average",
}
LOWER = {
    "more than",
    "greater than",
    "higher than",
    "over",
    "at least",
    "above",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "just over",
    "or more",
    "as many as",
    "as much as",
    "exceeding",
}
UPPER = {
    "within",
    "up to",
    "less than",
    "fewer than",
    "under",
    "below",
    "at most",
    "no more than",
    "nearly",
    "almost",
    "just under",
    "as few as",
    "as little as",
    "or less",
    "or fewer",
}
MEASURES = {
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "m2",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "pounds",
    "litres",
    "liters",
    "barrels",
    "gallons",
    "acres",
    "hectares",
    "mph",
    "km/h",
    "mw",
    "gw",
    "kwh",
    "degrees",
    "feet",
    "inches",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "seconds",
    "mg",
    "g",
    "cm",
    "mm",
    "ml",
    "mi",
    "ft",
    "lb",
    "lbs",
    "oz",
    "moles",
    "grams",
    "milligrams",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "yards",
}
# Nouns of measure a rate is "per" ("mg per liter", "moles per cubic meter", "miles per hour").
PER_UNITS = frozenset(
    """liter litre meter metre kilometre kilometer km mile hour day week month year second minute kg kilogram
    gram acre hectare gallon barrel tonne ton""".split()
)
# Words that end a unit noun phrase: the count is of the noun before them.
UNIT_STOP = frozenset(
    """of in on at to for with by from and or but nor that which who whom whose were was are is be been being
    have has had will would could should may might can must do does did the a an this these those there here
    than as per each every ago later earlier before after over under more less now then so its their his her
    our your my into onto out up down off about around against between through during since until while when
    where if not no also only just still even very too all both such same other another last next first
    who's it he she they we you i me us them him what why how each whereas whether via among amid
    always never often again ever already soon yet perhaps sometimes thus hence
    """.split()
)
# Adjectives that sit between a number and the noun it counts without being part of the unit.
UNIT_SKIP = frozenset(
    """new more fewer other additional further extra former current senior junior top young old older small large big
    major key different separate several full total entire single individual whole own remaining estimated
    so-called recent vacant empty unfilled""".split()
)
IRREGULAR_PLURALS = frozenset(
    "people men women children staff police personnel troops cattle sheep fish aircraft deer feet teeth mice "
    "police data media criteria buffalo bison moose species series offspring salmon livestock crew pence paise".split()
)
NATIONALITY = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese dutch belgian
    swiss austrian swedish norwegian danish finnish polish czech slovak hungarian romanian bulgarian greek
    turkish russian ukrainian belarusian georgian armenian azerbaijani iranian iraqi syrian lebanese israeli
    palestinian jordanian saudi egyptian libyan tunisian algerian moroccan nigerian kenyan ethiopian somali
    sudanese south african chinese japanese korean taiwanese vietnamese thai indonesian malaysian filipino
    indian pakistani afghan bangladeshi australian canadian mexican brazilian argentine argentinian chilean
    colombian venezuelan cuban peruvian european asian african arab kurdish western eastern northern southern
    serbian croatian bosnian kosovar albanian qatari emirati yemeni omani kuwaiti bahraini latvian lithuanian
    estonian icelandic slovenian macedonian moldovan kazakh uzbek tajik mongolian nepalese burmese sri lankan
    federal foreign""".split()
)

# Denominators written as words: "two-thirds", "three-quarters".
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
    "hundredth": 100,
    "hundredths": 100,
    "thousandth": 1000,
    "thousandths": 1000,
    "millionth": 1000000,
    "millionths": 1000000,
    "billionth": 1000000000,
    "billionths": 1000000000,
}

# Ordinals written as words, "first" left out: "the first time", "the first woman" name a record rather than a
# count, where "its tenth patrol" or "the second ballot" says how many there have been.
ORDINALS = {
    w: i + 2
    for i, w in enumerate(
        """second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
        fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
    )
}
# Nouns after an ordinal that rank rather than count: "third place", "the second half", "the fifth century".
ORDINAL_NOT_UNITS = frozenset(
    """place places time times half quarter century centuries millennium hand person generation row round
    most least""".split()
)
