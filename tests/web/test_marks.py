"""Quotes and claims marked in an article body: nesting, crossing spans, paragraphs, escaping."""

from markupsafe import Markup

from tracker.web.marks import Mark, mark_up, paragraph_at, paragraphs


def mark(start, end, layer, name):
    return Mark(start, end, layer, Markup(f"<{name}>"), Markup(f"</{name}>"), Markup(f"[{name}]"))


def test_paragraphs_split_on_blank_lines():
    body = "One.\n\nTwo\nstill two.\n \nThree."
    assert [body[a:b] for a, b in paragraphs(body)] == ["One.", "Two\nstill two.", "Three."]
    assert paragraph_at(body, 8, 12) == (6, 20)


def test_crossing_spans_are_split_and_badge_follows_last_fragment():
    body = "He said the deal cost a lot. Then more."
    html = mark_up(body, [mark(0, 27, 0, "q"), mark(8, 38, 1, "c")])
    assert html == "<p><q>He said <c>the deal cost a lot</c></q>[q]<c>. Then more</c>[c].</p>"


def test_nested_span_closes_before_outer():
    html = mark_up("abcdef", [mark(0, 6, 0, "q"), mark(2, 4, 1, "c")])
    assert html == "<p><q>ab<c>cd</c>[c]ef</q>[q]</p>"


def test_span_across_paragraphs_reopens_and_badges_once():
    html = mark_up("abc\n\ndef", [mark(1, 7, 1, "c")])
    assert html == "<p>a<c>bc</c></p><p><c>de</c>[c]f</p>"


def test_text_is_escaped():
    html = mark_up('<script>alert("x")</script>', [mark(0, 8, 0, "q")])
    assert html == "<p><q>&lt;script&gt;</q>[q]alert(&#34;x&#34;)&lt;/script&gt;</p>"
