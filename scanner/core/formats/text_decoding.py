"""A whole text file's encoding, decided once from its first bytes: for formats read as text (CSV exports).

A byte-order mark decides; else UTF-8 when the head is UTF-8; else the code page ``code_pages`` guesses from the
head's non-UTF-8 lines (Outlook writes the Windows code page of the PC it ran on). Bytes that do not fit later in
the file are read as Windows-1252 rather than lost. ``--encoding`` overrides everything.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from scanner.core.reading.code_pages import DEFAULT_CODEC, guess_code_page

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ERRORS = "contactleak-cp1252"  # a codec error handler: undecodable bytes read as Windows-1252


def _cp1252_for_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode(DEFAULT_CODEC, errors="replace"), error.end


codecs.register_error(_ERRORS, _cp1252_for_undecodable)


@dataclass(frozen=True)
class TextEncoding:
    """The codec that reads the file, how many bytes of byte-order mark to skip, and the error handler."""

    codec: str
    bom: int = 0
    errors: str = _ERRORS


def text_encoding(head: bytes, forced: str | None = None) -> TextEncoding:
    """How to read a text file whose first bytes are ``head``."""
    if forced is not None:
        return TextEncoding(forced, 0, "replace")
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return TextEncoding(codec, len(bom))
    zeros = head[:4096].count(0)
    if zeros > len(head[:4096]) // 4:  # UTF-16 without a byte-order mark: every other byte of ASCII text is 0
        return TextEncoding("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", 0, "replace")
    if _is_utf8(head):
        return TextEncoding("utf-8")
    sample = b"\n".join(line for line in head.splitlines() if not line.isascii() and not _is_utf8(line))
    return TextEncoding(guess_code_page(sample[:65536]) if sample else DEFAULT_CODEC)


def _is_utf8(data: bytes) -> bool:
    """UTF-8, allowing a character cut off at the end of the head."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(data) - 3 and error.reason == "unexpected end of data"
    return True
