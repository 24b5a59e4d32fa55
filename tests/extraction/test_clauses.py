"""Which lines and clauses are judged as claims: a headline is not, a plain line without a full stop is."""

from tracker.extraction.pipeline import extract


def claims(text):
    return [(c.text, c.kind) for c in extract(text).claims]


def test_a_line_without_closing_punctuation_is_a_headline_only_in_title_case():
    assert claims("Dam Costs Rise 40% In Kenya In 2019") == []  # title case, no full stop: a headline
    text = "Prices rose 40% in the country in 2019"  # lower case words: a statement that lost its full stop
    assert claims(text) == [(text, "quantity")]
