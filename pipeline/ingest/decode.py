"""Bytes -> str, or the reason why not (``binary`` / ``not_utf8`` / ``empty``).

Encoding policy (no guessing: a wrong guess silently corrupts text and offsets):

* UTF-8, with or without a BOM (the BOM is dropped);
* UTF-16 / UTF-32 *with* a BOM (LE or BE) are decoded as such and accepted;
* anything else that is not valid UTF-8 (Latin-1, cp1252, UTF-16 without BOM, ...)
  is rejected ``not_utf8`` with the first offending byte and its offset, e.g.
  ``byte 0xe9 at offset 17``: the fix is to re-save the file as UTF-8.

``binary``: a known file signature (PNG, JPEG, GIF, PDF, ZIP/Office, GZIP, XZ, Zstd,
7z, RAR, ELF, OLE2, SQLite) at offset 0, or a NUL byte anywhere in a file that has
no UTF-16/32 BOM (or a NUL character after decoding one).
"""
from __future__ import annotations

import codecs

from . import reasons as R

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x1f\x8b", "GZIP data"),
    (b"\xfd7zXZ\x00", "XZ data"),
    (b"\x28\xb5\x2f\xfd", "Zstandard data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (doc/xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str]:
    """Return ``(text, None, encoding)`` or ``(None, reason, detail)``.

    ``text`` still has its original line endings and spacing (callers that parse
    structure - JSON, YAML, HTML - need it raw); it never starts with a BOM.
    """
    for magic, what in MAGIC:
        if data.startswith(magic):
            return None, R.BINARY, f"{what} signature at offset 0"
    encoding = "utf-8"
    body = data
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding, body = enc, data[len(bom):]
            break
    if encoding == "utf-8":
        nul = body.find(b"\x00")
        if nul >= 0:
            return None, R.BINARY, f"NUL byte at offset {nul + len(data) - len(body)}"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as e:
        offset = e.start + len(data) - len(body)
        if encoding == "utf-8":
            return None, R.NOT_UTF8, (
                f"byte 0x{body[e.start]:02x} at offset {offset} is not valid UTF-8 "
                "(Latin-1/cp1252? re-save the file as UTF-8; encodings are never guessed)")
        return None, R.NOT_UTF8, f"invalid {encoding} at offset {offset} ({e.reason})"
    if encoding != "utf-8" and "\x00" in text:
        return None, R.BINARY, f"NUL character in {encoding} text"
    return text, None, encoding
