import json

import pytest

from tests.conftest import EXAMPLE, EXPECTED
from tracker.read.cleaning import clean, parse_date, raw_article
from tracker.read.formats import Record, read_path


def test_example_header_is_taken_apart():
    (record,) = read_path(str(EXAMPLE))
    a = clean(record)
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))["article"]
    assert a.title == gold["title"]
    assert a.published == gold["published"]
    assert a.source == gold["source"]
    assert a.caption == gold["caption"]
    assert a.junk == gold["junk_lines_dropped"]
    # Junk, the repeated headline, the date, caption and source line are out of the body; the standfirst stays.
    for gone in ("gtag", "January 16, 2021", "SOURCE:", "Turkish Defence Minister, Hulusi Akar", a.title):
        assert gone not in a.body
    assert a.body.startswith("Turkey has requested the United States")
    assert a.body.rstrip().endswith("policies against Russia.")
    assert "added:\u00a0 “It is a very problematic" in a.body  # verbatim, non-breaking space kept


def test_header_in_another_order_with_byline():
    text = (
        "<script>window.dataLayer = [];</script>\nCouncil approves budget\nBy Jane Smith\n"
        "Published: 3 March 2022\nThe council approved a budget of £40m on Tuesday.\n"
        "Share this\nCouncillors said the vote was close.\n"
    )
    a = clean(Record(where="x.txt", text=text, format="txt"))
    assert a.title == "Council approves budget" and a.byline == "Jane Smith" and a.published == "2022-03-03"
    assert a.body == "The council approved a budget of £40m on Tuesday.\n\nCouncillors said the vote was close."
    assert "Share this" in a.junk


def test_structured_record_keeps_its_title_and_drops_repeats_and_date_line():
    text = "Friday, January 4, 2019 \n\n\nBuilding collapses\n\nAn apartment building collapsed on Monday.\n"
    a = clean(Record(where="x.csv:2", text=text, format="csv", title="Building collapses", published="2019-01-04"))
    assert a.title == "Building collapses" and a.published == "2019-01-04"
    assert a.body == "An apartment building collapsed on Monday."


def test_body_without_header_is_kept_whole():
    text = "The first paragraph is a full sentence.\nThe second one too, with a figure of 12%.\n"
    a = clean(Record(where="notes/plain-file.txt", text=text, format="txt"))
    assert a.body.split("\n\n") == text.strip().split("\n")
    assert a.title == "Plain file"


def test_short_lines_later_in_the_body_are_not_taken_as_header():
    paras = [f"Paragraph number {i} is a proper sentence." for i in range(20)]
    paras.insert(18, "A subheading")
    a = clean(Record(where="x.txt", text="Title line\n" + "\n".join(paras), format="txt"))
    assert "A subheading" in a.body and a.caption is None


def test_parse_date_formats():
    assert parse_date("January 16, 2021") == "2021-01-16"
    assert parse_date("Sat, 16 Jan 2021") == "2021-01-16"
    assert parse_date("2021-01-16T10:00:00Z") == "2021-01-16"
    assert parse_date("2021-01") == "2021-01"
    assert parse_date("Published on Sept. 3, 2019 10:45 am EST") == "2019-09-03"
    assert parse_date("16/01/2021") == "2021-01-16"
    assert parse_date("February 30, 2021") is None
    assert parse_date("soon") is None
    # Month names are ASCII: case-insensitive matching would take long s or dotless i for s and i.
    assert parse_date("ſeptember 5, 2021") is None
    assert parse_date("Aprıl 5, 2021") is None
    assert parse_date("SEPTEMBER 5, 2021") == "2021-09-05"


def test_raw_article_is_verbatim():
    text = "!-- junk -->\nTitle\nBody."
    a = raw_article(Record(where="a.txt", text=text, format="txt"))
    assert a.body == text


@pytest.mark.parametrize(
    "line",
    [
        "<서울=연합뉴스> 김철수 기자 = 정부는 월요일 40명이 다쳤다고 밝혔다.",
        "<AP> WASHINGTON — The senator said on Monday that 40 people were injured.",
        "<3 is how fans sign off, the singer said on Monday.",
    ],
)
def test_a_line_opening_with_angle_brackets_is_text_unless_it_is_markup(line):
    text = f"A headline for the story\n\n{line}\n\nThe second paragraph of the story is here."
    article = clean(Record(where="k.txt", text=text, format="txt"))
    assert article.body == f"{line}\n\nThe second paragraph of the story is here."
    assert article.junk == []


@pytest.mark.parametrize(
    "line", ['<div class="ad">', "</p>", '<img src="x.jpg"/>', "<script>var x = 1;</script>", "<BR>"]
)
def test_markup_lines_are_still_junk(line):
    text = f"A headline for the story\n\n{line}\n\nThe first paragraph of the story is here."
    article = clean(Record(where="k.txt", text=text, format="txt"))
    assert (article.body, article.junk) == ("The first paragraph of the story is here.", [line])


@pytest.mark.parametrize("line", ["published: 2024-03-14", "Published: 2024-03-14", "Updated 2024-03-14 09:30 UTC"])
def test_an_iso_date_line_after_a_label_gives_the_date_it_removes(line):
    # The line is taken out of the body as a date line: its date must not be lost with it.
    text = f"Mayor re-elected as turnout falls\n{line}\nThe mayor won a second term on Sunday, officials said."
    a = clean(Record(where="x.txt", text=text, format="txt"))
    assert (a.title, a.published, a.body) == (
        "Mayor re-elected as turnout falls",
        "2024-03-14",
        "The mayor won a second term on Sunday, officials said.",
    )


def test_hard_wrapped_lines_are_joined_back_into_their_paragraphs():
    text = (
        "Farm exports rise\n\n"
        "Exports to China rose by 40 percent in 2020, as\nwell as imports from Kenya. The minister said\n"
        "the deal was good for farmers.\n\n"
        "A second paragraph starts here and\n  runs on to a second line.\n"
    )
    a = clean(Record(where="w.txt", text=text, format="txt"))
    assert (a.title, a.body) == (
        "Farm exports rise",
        "Exports to China rose by 40 percent in 2020, as well as imports from Kenya. The minister said the deal "
        "was good for farmers.\n\nA second paragraph starts here and runs on to a second line.",
    )


@pytest.mark.parametrize(
    "second",
    [
        "iPhone sales rose by a third in the spring.",  # a name in lower case then a capital: no wrap
        "eBay sales rose by a third in the spring.",
        "published: 2024-03-14",  # a label, a byline, a source line: the page's furniture
        "by Jane Doe",
        "source: Reuters",
        "The sales rose by a third in the spring.",  # a capital: a paragraph of its own
    ],
)
def test_a_line_is_its_own_paragraph_unless_it_carries_a_wrapped_line_on(second):
    text = (
        f"Apple results in the spring\n\nSales of the phone rose\n{second}\n\nThe quarter ended in June, the firm said."
    )
    a = clean(Record(where="w.txt", text=text, format="txt"))
    fields = (a.title, a.body, a.caption, a.byline, a.source)
    assert [f for f in fields if f and "rose " + second.split()[0] in f] == []


def test_mojibake_is_repaired_in_every_field_and_the_encoding_says_so():
    damaged = "FranÃ§ois Hollande said â€œwe wonâ€\x9d in ZÃ¼rich."  # UTF-8 once read as windows-1252
    record = Record(where="x.txt", text=damaged, format="txt", title="Ã‰lysÃ©e talks", byline="JosÃ© Lima")
    a = clean(record)
    assert a.body == "François Hollande said “we won” in Zürich."
    assert a.title == "Élysée talks"
    assert a.byline == "José Lima"
    assert a.encoding == "utf-8 (mojibake repaired)"
    # --raw keeps the file's text, so that offsets index it: nothing is repaired there
    assert raw_article(record).body == damaged
    assert raw_article(record).encoding == "utf-8"


def test_text_without_mojibake_keeps_its_encoding_and_characters():
    text = "The café’s owner, José Müller, said “no”."
    a = clean(Record(where="x.txt", text=text, format="txt", encoding="cp1252"))
    assert a.body == text
    assert a.encoding == "cp1252"
