"""`tracker.extract`, the public entry point: never raises, and every offset indexes the text it was given."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker

# Text made of the pieces that trip parsers: quote marks of every kind, reporting verbs, numbers, money, dates,
# capitalised names, paragraph breaks, unbalanced brackets.
PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "«",
        "»",
        "''",
        " said",
        " says",
        " told Reuters that",
        " according to",
        " Akar",
        " Mr. Smith",
        " the official",
        " he",
        " Washington",
        "$2.5 billion",
        " €3bn",
        " 40%",
        " four",
        " between 10 and 12",
        " in July 2019",
        " last month",
        " on Wednesday",
        ".",
        ",",
        ":",
        "?",
        "!",
        "\n",
        "\n\n",
        " (",
        ")",
        "[",
        "]",
        " the ",
        " is ",
        " vital ",
        "\u00a0",
        "—",
        " 2019",
        " S-400",
        " CAATSA",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=80).map("".join))
DATES = st.one_of(st.none(), st.sampled_from(["2021-01-16", "2020-03-01", "2024-02-29", "2019-12-31", "2021-01"]))


def check(text, published):
    result = tracker.extract(text, published)
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        if q.speaker:
            assert 0 <= q.speaker.start <= q.speaker.end <= len(text)
            assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(text) and text[c.start : c.end] == c.text
        assert 0.0 <= c.score <= 1.0
        for x in [*c.quantities, *c.dates, *c.entities]:
            assert 0 <= x.start <= x.end <= len(text) and text[x.start : x.end] == x.text
    assert len({q.id for q in result.quotes}) == len(result.quotes)
    assert len({c.id for c in result.claims}) == len(result.claims)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, DATES)
def test_extract_never_raises_and_offsets_hold(text, published):
    check(text, published)


def test_example_sentences():
    text = "“Let’s sit down and talk,” Akar said. The deal, worth about $2.5 billion, was signed in July 2019."
    result = tracker.extract(text, "2021-01-16")
    assert [q.speaker.name for q in result.quotes] == ["Akar"]
    money = [x for c in result.claims for x in c.quantities if x.unit == "USD"]
    assert money and money[0].value == 2.5e9 and money[0].approximate
    check(text, "2021-01-16")


def test_empty_text():
    assert tracker.extract("").quotes == [] and tracker.extract("").claims == []


def test_found_by_hypothesis_marks_without_words_and_token_joined_mentions():
    # Two opening marks and nothing inside are not a quote; a mention is the text as written ("0$0"),
    # not its tokens joined with spaces.
    text = "““ sAID 0$0"
    check(text, None)
    assert all(any(ch.isalnum() for ch in q.text) for q in tracker.extract(text).quotes)


def test_a_claim_inside_a_quote_takes_the_quotes_speaker():
    from tracker.extraction.pipeline import extract

    e = extract("“The army bought 40 new tanks in 2019,” the minister said.", "2021-01-16")
    ((qid, speaker),) = [(q.id, q.speaker.name) for q in e.quotes]
    assert [(c.speaker.name if c.speaker else None, c.quote_id) for c in e.claims] == [(speaker, qid)]
    assert speaker == "the minister"


def test_the_garbage_collector_is_paused_only_for_the_call(monkeypatch):
    """extract pauses the cyclic collector while it runs and leaves it as it found it, on error too."""
    import gc

    import tracker.extraction.pipeline as pipeline
    from tracker.extraction.pipeline import extract as extract_text

    seen = []

    def spy(text):
        seen.append(gc.isenabled())
        return [(0, len(text))]

    monkeypatch.setattr(pipeline, "sentences", spy)
    assert gc.isenabled()
    extract_text("He said “it rose 5%” on May 5.")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        extract_text("It rose.")
        assert not gc.isenabled()
    finally:
        gc.enable()

    def broken(text, spans):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "find_quotes", broken)
    with pytest.raises(RuntimeError):
        extract_text("It rose.")
    assert gc.isenabled()


def test_a_sentence_of_thousands_of_numbers_costs_a_bounded_number_of_tries(monkeypatch):
    """extract hands the sentences to the figure and date finders: a sentence of 20,000 numbers costs each pattern
    at most triggers.MAX_NUMBERS tries and its claim keeps that many figures; the sentence after it is read whole."""
    import tracker.extraction.dates as dates
    import tracker.extraction.quantities as quantities
    from tracker.extraction.pipeline import extract
    from tracker.extraction.triggers import MAX_NUMBERS

    calls = {"figures": 0, "dates": 0, "date prechecks": 0}

    def counting(name, pattern):
        class Counting:
            def match(self, *args):
                calls[name] += 1
                return pattern.match(*args)

        return Counting()

    monkeypatch.setattr(quantities, "QUANTITY_AT_DIGIT_RE", counting("figures", quantities.QUANTITY_AT_DIGIT_RE))
    monkeypatch.setattr(dates, "DATE_AT_DIGIT_RE", counting("dates", dates.DATE_AT_DIGIT_RE))
    monkeypatch.setattr(dates, "_DIGIT_MAY_OPEN", counting("date prechecks", dates._DIGIT_MAY_OPEN))
    e = extract("The counts were " + "5 " * 20000 + "in all. Sales rose 7 percent in 2020.", "2021-01-16")
    # and "7" and "2020" for figures, "7" for dates ("in 2020" is taken at "in", by the word pattern), where the
    # date pattern is tried only at "7", a number before a word
    assert calls == {"figures": MAX_NUMBERS + 2, "date prechecks": MAX_NUMBERS + 1, "dates": 1}
    assert [(len(c.quantities), [d.value for d in c.dates]) for c in e.claims] == [(MAX_NUMBERS, []), (1, ["2020"])]


def test_an_article_frees_what_the_figure_and_date_finders_kept_of_it():
    """The finders keep their last text's tokens, date scan and named numbers for the calls of one article;
    extract drops them when it is done, so a long article's hundreds of thousands of matches do not outlive it."""
    import tracker.extraction.dates as dates
    import tracker.extraction.quantities as quantities
    import tracker.extraction.triggers as triggers
    from tracker.extraction.pipeline import extract

    text = "The Boeing 707 cost $5 million on May 5, 2020, and 707 were sold."
    assert len(extract(text, "2021-01-16").claims) == 1
    assert dates._last_scan == [None, [], None] and dates._last_future == [None, {}]
    assert triggers._last_tokens == [None, ([], [], []), []] and triggers._last_limited == [None, None, None]
    assert quantities._named_numbers.cache_info().currsize == 0
    assert quantities._word_needles.cache_info().currsize == 0


def test_a_text_of_short_sentences_of_numbers_costs_its_budget_of_tries(monkeypatch):
    """A table pasted as text, short rows of numbers: each sentence is under the bound per sentence, and the text
    as a whole costs the figure pattern one try per number of its budget (triggers.CHARS_PER_NUMBER), not one
    per number; the figures of its first rows are all found."""
    import tracker.extraction.quantities as quantities
    from tracker.extraction.pipeline import extract
    from tracker.extraction.triggers import CHARS_PER_NUMBER

    tries = []

    class Counting:
        def match(self, *args):
            tries.append(args[1])
            return pattern.match(*args)

    pattern = quantities.QUANTITY_AT_DIGIT_RE
    monkeypatch.setattr(quantities, "QUANTITY_AT_DIGIT_RE", Counting())
    text = "It rose 5, 6 and 7. " * 4000  # 12,000 numbers in 80,000 characters
    claims = extract(text, "2021-01-16").claims
    assert len(tries) == len(text) // CHARS_PER_NUMBER == 5000
    assert len(claims) == 4000
    assert [len(c.quantities) for c in claims] == [3] * 1666 + [2] + [0] * 2333  # 5,000 figures, then none
