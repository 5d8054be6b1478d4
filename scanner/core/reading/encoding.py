"""Which encoding a file is in, and how one property value's bytes become text."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from enum import StrEnum

_SNIFF_BYTES = 4096


class FileEncoding(StrEnum):
    """How a file's bytes are laid out: 8-bit text (UTF-8 or a legacy code page, decided per value) or UTF-16."""

    EIGHT_BIT = "8bit"
    UTF16_LE = "utf-16-le"
    UTF16_BE = "utf-16-be"


def sniff_encoding(head: bytes) -> tuple[FileEncoding, int]:
    """The file's encoding and the length of its byte-order mark, from its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return FileEncoding.EIGHT_BIT, len(codecs.BOM_UTF8)
    if head.startswith(codecs.BOM_UTF16_LE):
        return FileEncoding.UTF16_LE, 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return FileEncoding.UTF16_BE, 2
    return _sniff_utf16_without_bom(head[:_SNIFF_BYTES]), 0


def _sniff_utf16_without_bom(head: bytes) -> FileEncoding:
    """UTF-16 text of ASCII-range characters has a zero in every other byte; 8-bit text has almost none."""
    pairs = len(head) // 2
    if pairs < 4:
        return FileEncoding.EIGHT_BIT
    even_zeros = head[0 : 2 * pairs : 2].count(0)
    odd_zeros = head[1 : 2 * pairs : 2].count(0)
    if even_zeros > 0.4 * pairs and odd_zeros < 0.1 * pairs:
        return FileEncoding.UTF16_BE
    if odd_zeros > 0.4 * pairs and even_zeros < 0.1 * pairs:
        return FileEncoding.UTF16_LE
    return FileEncoding.EIGHT_BIT


def transcode_to_utf8(chunks: Iterable[bytes], encoding: FileEncoding) -> Iterator[bytes]:
    """UTF-16 chunks re-encoded as UTF-8 on the fly, so the rest of the reader only ever sees 8-bit lines."""
    if encoding is FileEncoding.EIGHT_BIT:
        yield from chunks
        return
    decoder = codecs.getincrementaldecoder(encoding.value)(errors="replace")
    for chunk in chunks:
        text = decoder.decode(chunk)
        if text:
            yield text.encode("utf-8")
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail.encode("utf-8")


_CHARSET_ALIASES = {
    "UTF8": "utf-8",
    "SJIS": "shift_jis",
    "SHIFT-JIS": "shift_jis",
    "X-SJIS": "shift_jis",
    "WINDOWS-1252": "cp1252",
    "ANSI": "cp1252",
    "US-ASCII": "ascii",
}


# Python codecs that are text encodings to ``codecs`` but no character set a file is written in: host-name and
# escape transforms, and "undefined", which raises on every byte.
_NOT_A_CHARSET = frozenset({"punycode", "idna", "undefined", "unicode-escape", "raw-unicode-escape"})


def codec_for_charset(charset: str | None) -> str | None:
    """The Python codec for a CHARSET parameter, or None when it names no text encoding Python knows.

    ``codecs.lookup`` also finds bytes-to-bytes transforms (base64, bz2, hex, uu, zlib) and rot13, which
    ``bytes.decode`` refuses with LookupError: a CHARSET naming one is treated like an unknown one.
    """
    if not charset:
        return None
    name = _CHARSET_ALIASES.get(charset.strip().strip('"').upper(), charset.strip().strip('"'))
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a name with a NUL byte
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_A_CHARSET:
        return None
    return info.name


def decode_value(raw: bytes, charset: str | None) -> tuple[str, bool]:
    """A value's text, and whether its stated CHARSET was unknown or did not fit the bytes.

    A known CHARSET decodes the value; otherwise (or if that fails) UTF-8 is tried, and bytes that are not
    UTF-8 are read as Windows-1252, the code page of old Windows and Outlook exports. Bytes undefined even
    there fall back to Latin-1, so decoding never fails.
    """
    codec = codec_for_charset(charset)
    if codec is not None:
        try:
            return raw.decode(codec), False
        except (UnicodeError, LookupError):  # UnicodeError: codecs such as utf-7 raise more than decode errors
            pass
    return decode_utf8_or_cp1252(raw), charset is not None


def decode_utf8_or_cp1252(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
