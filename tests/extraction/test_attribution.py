"""Attribution by "according to": the source may close the sentence, with no comma before it."""

from tracker.extraction.pipeline import extract


def test_according_to_at_the_end_of_a_four_word_statement():
    text = "The plane landed safely according to The Aviation Herald."
    got = [(q.kind, q.text, q.cue, q.speaker.name, q.speaker.kind) for q in extract(text).quotes]
    assert got == [("indirect", "The plane landed safely", "according to", "The Aviation Herald", "organisation")]
