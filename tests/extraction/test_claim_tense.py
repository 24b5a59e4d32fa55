"""Past events (claim_tense.py): what makes a clause report something that happened, and what does not."""

import pytest

from tests.extraction.test_claim_features import claims
from tracker.extraction.claim_tense import _past
from tracker.extraction.claim_words import _Tokens
from tracker.extraction.claims import find_claims


@pytest.mark.parametrize(
    "text",
    [
        "We've seen 300 cases in Kenya.",  # "'ve" after a pronoun, not a modal: it happened
        "Officials counted 40",  # a past verb with its number last, no full stop
    ],
)
def test_past_events(text):
    ((got, _, features),) = claims(text)
    assert got == text and "past event" in features


def test_have_got_is_possession_and_would_have_is_not_an_event():
    assert not _past(_Tokens("We've got a strong family."))
    assert not _past(_Tokens("Saddam Hussein would have been continually weakening."))
    assert _past(_Tokens("He got a raise in March."))


def test_passives_after_be_are_not_past_events_and_s_been_is_has_been():
    assert not _past(_Tokens("The new rules will be introduced next spring."))
    assert not _past(_Tokens("The bridge is being repaired by the city."))
    assert _past(_Tokens("The rules were introduced last spring."))
    assert _past(_Tokens("The deadline's been extended for the third time."))
    (c,) = find_claims("The new rules will be introduced next spring.", [])
    assert c.kind == "prediction"


def test_a_forecast_beside_a_past_event_keeps_the_event():
    found = find_claims("Sales fell 4% in 2020, faster than analysts expected.", [], "2021-01-01")
    assert [c.kind for c in found] == ["quantity"]
    found = find_claims("The launch was delayed twice and was scheduled to happen in March.", [], "2021-01-01")
    assert [c.kind for c in found] == ["event"]
    # "was due to" is a cause as often as a forecast ("The delay was due to heavy rain"): it stays a past event.
    found = find_claims("The delay in March was due to heavy rain in the valley.", [], "2021-01-01")
    assert "past event" in found[0].features
