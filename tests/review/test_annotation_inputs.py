"""The Python side of an annotation's input: sources, verdict spelling, the checks and their messages, and the
import file formats, each held to exact values (tests/review/test_annotations.py runs them end to end)."""

from __future__ import annotations

import json

import pytest

from tracker.review.annotations import AnnotationError, check, normalise_verdict, parse_sources, read_import


@pytest.mark.parametrize(
    "value, urls",
    [
        (None, []),
        ("", []),
        ("https://a.example/1", ["https://a.example/1"]),
        ("https://a.example/1\r\n\r\nhttps://b.example/2 ", ["https://a.example/1", "https://b.example/2"]),
        (
            "https://a.example/1, https://b.example/2\thttps://c.example",
            ["https://a.example/1", "https://b.example/2", "https://c.example"],
        ),
        ('["https://a.example/1", " https://b.example/2 ", ""]', ["https://a.example/1", "https://b.example/2"]),
        ("[not json https://a.example", ["[not", "json", "https://a.example"]),
        ('["https://a.example" ', ['["https://a.example"']),
        (["https://a.example", " ", "https://b.example "], ["https://a.example", "https://b.example"]),
        (("https://a.example",), ["https://a.example"]),
    ],
)
def test_parse_sources(value, urls):
    assert parse_sources(value) == urls


@pytest.mark.parametrize(
    "verdict, normal",
    [
        ("Mostly_True", "mostly true"),
        ("  half-true ", "half true"),
        ("EXTRACTION   wrong", "extraction wrong"),
        ("false", "false"),
        (None, ""),
        ("wrong__-span", "wrong span"),
    ],
)
def test_normalise_verdict(verdict, normal):
    assert normalise_verdict(verdict) == normal


VERDICTS = "true, mostly true, half true, misleading, false, unverifiable, extraction wrong"


@pytest.mark.parametrize(
    "args, message",
    [
        (("", "true", None, [], "al"), "give the id of a claim or quote"),
        (("  ", "true", None, [], "al"), "give the id of a claim or quote"),
        (("c1", "true", None, [], None), "an annotation needs an annotator: log in, or pass --by"),
        (("c1", "true", None, [], " "), "an annotation needs an annotator: log in, or pass --by"),
        (("c1", "", None, [], "al"), "choose a verdict"),
        (("c1", "flase", None, [], "al"), f"unknown verdict 'flase': choose one of {VERDICTS}"),
        (
            ("c1", "extraction wrong", None, [], "al"),
            "say what is wrong with the extraction (not a claim, wrong span, wrong speaker), e.g. --wrong 'wrong span'",
        ),
        (
            ("c1", "extraction wrong", "bad", [], "al"),
            "say what is wrong with the extraction (not a claim, wrong span, wrong speaker), e.g. --wrong 'wrong span'",
        ),
        (("c1", "false", "wrong span", [], "al"), "--wrong is only for the verdict 'extraction wrong'"),
        (("c1", "false", None, ["https://a.example", "ftp://b"], "al"), "source 'ftp://b' is not an http(s) URL"),
        (("c1", "false", None, ["http://"], "al"), "source 'http://' is not an http(s) URL"),
        (("c1", "false", None, ["xhttps://a.example"], "al"), "source 'xhttps://a.example' is not an http(s) URL"),
    ],
)
def test_check_refuses_with_the_value_that_is_wrong(args, message):
    with pytest.raises(AnnotationError) as e:
        check(*args)
    assert str(e.value) == message


@pytest.mark.parametrize(
    "args",
    [
        ("c1", "true", None, [], "al"),
        ("c1", "extraction wrong", "Wrong_Span", [], "al"),
        ("c1", "extraction wrong", "not a claim", [], "al"),
        ("c1", "false", "", ["http://a.example", "https://b.example/x"], "al"),
    ],
)
def test_check_lets_valid_input_through(args):
    assert check(*args) is None


def test_read_import_jsonl_with_the_export_column_names(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"claim_id": "c1", "verdict": "false", "by": "ann", "note": "", "sources": ["https://a.example"]},
        {"quote_id": "q1", "verdict": "extraction wrong", "wrong": "wrong span", "annotator": "bob"},
        {"id": "c2", "verdict": "true", "wrong": "", "sources": ""},
        {"target_id": "c3", "claim_id": "c9", "verdict": "misleading", "annotator": "cy", "by": "dee"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows[:2]) + "\n\n" + "\n".join(json.dumps(r) for r in rows[2:]))
    p = str(path)
    assert read_import(p) == [
        (
            f"{p}:1",
            {
                "target_id": "c1",
                "verdict": "false",
                "wrong": None,
                "note": None,
                "sources": ["https://a.example"],
                "annotator": "ann",
            },
        ),
        (
            f"{p}:2",
            {
                "target_id": "q1",
                "verdict": "extraction wrong",
                "wrong": "wrong span",
                "note": None,
                "sources": (),
                "annotator": "bob",
            },
        ),
        (
            f"{p}:4",
            {"target_id": "c2", "verdict": "true", "wrong": None, "note": None, "sources": (), "annotator": None},
        ),
        (
            f"{p}:5",
            {"target_id": "c3", "verdict": "misleading", "wrong": None, "note": None, "sources": (), "annotator": "cy"},
        ),
    ]


def test_read_import_csv_and_json_array(tmp_path):
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("claim_id,verdict,note,by\nc1,false,checked,ann\nc2,true,,\n", encoding="utf-8")
    p = str(csv_path)
    assert read_import(p) == [
        (
            f"{p}:2",
            {
                "target_id": "c1",
                "verdict": "false",
                "wrong": None,
                "note": "checked",
                "sources": (),
                "annotator": "ann",
            },
        ),
        (
            f"{p}:3",  # an empty CSV cell stays "": import_file's --by fills it as it fills a missing one
            {"target_id": "c2", "verdict": "true", "wrong": None, "note": None, "sources": (), "annotator": ""},
        ),
    ]
    json_path = tmp_path / "a.json"
    json_path.write_text(' [{"target_id": "c1", "verdict": "true", "annotator": "al"}]', encoding="utf-8")
    p = str(json_path)
    assert read_import(p) == [
        (
            f"{p}:item 1",
            {"target_id": "c1", "verdict": "true", "wrong": None, "note": None, "sources": (), "annotator": "al"},
        )
    ]


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("a.txt", "x", "{path}: give a .csv or .jsonl file"),
        (
            "a.jsonl",
            '{"target_id": "c1"}\n{oops\n',
            "{path}:2: not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        ),
        ("a.jsonl", '["c1", "true"]\n', "{path}:1: expected an object with target_id and verdict"),
        ("a.json", '[{"target_id": "c1"}, 3]', "{path}:item 2: expected an object with target_id and verdict"),
    ],
)
def test_read_import_says_where_a_file_is_wrong(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnnotationError) as e:
        read_import(str(path))
    assert str(e.value) == message.format(path=path)


def test_read_import_takes_ndjson_as_json_lines(tmp_path):
    path = tmp_path / "a.ndjson"
    path.write_text('{"claim_id": "c1", "verdict": "true", "by": "al", "note": "vérifié"}\n', encoding="utf-8")
    p = str(path)
    assert read_import(p) == [
        (
            f"{p}:1",
            {"target_id": "c1", "verdict": "true", "wrong": None, "note": "vérifié", "sources": (), "annotator": "al"},
        )
    ]


def test_read_import_keeps_a_line_break_inside_a_quoted_csv_field(tmp_path):
    """The csv module reads a quoted field's line break as written only from a file opened with newline=""."""
    path = tmp_path / "a.csv"
    path.write_bytes(b'claim_id,verdict,note,by\r\nc1,false,"line one\r\nline two",ann\r\n')
    ((_, rec),) = read_import(str(path))
    assert rec["note"] == "line one\r\nline two"


def test_read_import_reads_utf8_whatever_the_locale(tmp_path):
    """A file exported on one machine is imported on another: it is read as UTF-8, not in the locale's encoding
    (here ASCII: the C locale, with Python's UTF-8 mode and locale coercion turned off)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import tracker

    for name, text in [
        ("a.jsonl", '{"claim_id": "c1", "verdict": "true", "by": "al", "note": "vérifié"}\n'),
        ("a.csv", "claim_id,verdict,note,by\nc1,true,vérifié,al\n"),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    code = (
        "import json, locale, sys\n"
        "from tracker.review.annotations import read_import\n"
        "notes = [r['note'] for p in sys.argv[1:] for _, r in read_import(p)]\n"
        "print(json.dumps([locale.getpreferredencoding(False), notes]))\n"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env["PYTHONPATH"] = str(Path(tracker.__file__).parent.parent)  # this tracker, wherever it was imported from
    paths = [str(tmp_path / "a.jsonl"), str(tmp_path / "a.csv")]
    out = subprocess.run([sys.executable, "-c", code, *paths], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-500:]
    encoding, notes = json.loads(out.stdout)
    assert encoding.lower().replace("-", "") not in ("utf8",), encoding  # else the test would prove nothing
    assert notes == ["vérifié", "vérifié"]
