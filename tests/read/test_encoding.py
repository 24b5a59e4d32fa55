"""Bytes to text: byte-order mark, declared charset, UTF-8, detection; the codec is named."""

import pytest

from tracker.read.encoding import DecodeError, declared_charset, decode_bytes

TEXT = "Der Bürgermeister sagte am Montag, dass 40 Menschen verletzt wurden. „Wir arbeiten daran“, sagte er."


@pytest.mark.parametrize(
    "data, expected",
    [
        (TEXT.encode("utf-8"), (TEXT, "utf-8")),
        (TEXT.encode("utf-8-sig"), (TEXT, "utf-8-sig")),
        (TEXT.encode("utf-16"), (TEXT, "utf-16")),
        (TEXT.encode("utf-16-be"), None),  # no mark, NUL bytes: refused as binary
        (TEXT.encode("utf-32"), (TEXT, "utf-32")),
        (TEXT.encode("cp1252"), (TEXT, "cp1252")),  # undeclared: detected
        ("Министр сказал, что 40 человек пострадали в понедельник.".encode("cp1251"), None),
    ],
)
def test_decode(data, expected):
    if expected is None and b"\x00" in data:
        with pytest.raises(DecodeError, match="binary"):
            decode_bytes(data)
        return
    text, codec = decode_bytes(data)
    if expected is None:
        assert (text, codec) == ("Министр сказал, что 40 человек пострадали в понедельник.", "cp1251")
    else:
        assert (text, codec) == expected
    assert data.decode(codec) == text  # the codec named gives back exactly the text parsed


@pytest.mark.parametrize(
    "head, codec",
    [
        (b'<meta charset="windows-1252">', "cp1252"),
        (b"<meta charset=ISO-8859-1>", "cp1252"),  # read as windows-1252, as browsers do
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r">', "koi8-r"),
        (b'<?xml version="1.0" encoding="Shift_JIS"?>', "shift_jis"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>charset=utf-8 in the text is no declaration</p>", None),
    ],
)
def test_declared_charset(head, codec):
    assert declared_charset(b"<html><head>" + head + b"</head>") == codec


def test_a_wrong_declaration_falls_back_to_the_bytes():
    data = ('<meta charset="utf-8"><p>' + TEXT + "</p>").encode("cp1252")
    assert decode_bytes(data) == ('<meta charset="utf-8"><p>' + TEXT + "</p>", "cp1252")


def test_undecodable_mark():
    with pytest.raises(DecodeError, match=r"undecodable UTF-32"):
        decode_bytes(b"\xff\xfe\x00\x00\x00\xd8\x00\x00")
