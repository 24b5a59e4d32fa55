"""Bytes to text: by byte-order mark, then the charset the page declares, then UTF-8, then detection.

Scraped pages are not all UTF-8: of 990 real pages, 27 were refused as "not UTF-8", most of them declaring
ISO-8859-1 or windows-1252 in a meta tag. Guessing wrong stores mojibake that no one notices, so the order
is from surest to least sure, and the codec used is kept with the article (`articles.encoding`).

Offsets index the decoded text, which never holds the byte-order mark: the codec names returned are the
Python codecs that drop it (`utf-8-sig`, `utf-16`, `utf-32`), so `data.decode(encoding)` gives back exactly
the text that was parsed, for any file.
"""

from __future__ import annotations

import codecs
import re

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="...">, <meta http-equiv="Content-Type" content="text/html; charset=...">, <?xml encoding="..."?>
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard): pages that say ISO-8859-1 use its
# curly quotes and dashes in 0x80-0x9F, which ISO-8859-1 maps to invisible control characters.
_AS_WINDOWS_1252 = {"iso8859-1", "latin-1", "ascii", "latin1", "iso-8859-1", "us-ascii"}


class DecodeError(ValueError):
    """Bytes that are no text in any encoding tried; the message is the reason shown to the user."""


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset the document declares in its first 4 KB, if it names a known one."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 or label in _AS_WINDOWS_1252 else name


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, codec used). Raises `DecodeError` when no encoding tried gives text."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as e:
                raise DecodeError(f"undecodable {codec.upper()} ({e.reason} at byte {e.start})") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not an article")
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration is wrong (it happens): look at the bytes themselves
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = f"byte 0x{data[e.start]:02x} at offset {e.start}"
    return _detect(data, utf8_error)


# Encodings pages are actually written in (WHATWG's legacy encodings, by Python codec name). A short text
# fits many code pages equally well, and the detector's first pick among the ties is often a rare one
# (mac-latin2, cp775): the first of its candidates that is on this list is taken instead.
WEB_ENCODINGS = {
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10",
    "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-cyrillic",
    "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr",
    "cp949", "utf-16", "utf-16-be", "utf-16-le",
}  # fmt: skip


def _detect(data: bytes, utf8_error: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported only for the few files that need it

    matches = [m for m in from_bytes(data) if m.encoding]
    names = [codecs.lookup(m.encoding).name for m in matches]
    common = [n for n in names if n in WEB_ENCODINGS]
    for codec in common[:1] or names[:1]:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            break
        if codec != "cp1252" and _cp1252(data) == text:
            codec = "cp1252"  # the same text: name the code page the web uses most
        return text, codec
    raise DecodeError(f"not UTF-8 text ({utf8_error}) and no other encoding fits")


def _cp1252(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None
