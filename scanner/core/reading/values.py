"""Property values as text: quoted-printable, charsets, backslash escapes, structured (N, ADR) and list values."""

from __future__ import annotations

import binascii
from dataclasses import dataclass

from scanner.core.reading.code_pages import CardDecoding, Fallback
from scanner.core.reading.content_lines import ContentLine
from scanner.core.reading.encoding import codec_for_charset, decode_utf8_or_cp1252

_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ";": ";", ",": ",", ":": ":"}


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A value's decoded, still escaped text; ``fallback`` says which hint chose its code page, if one was needed."""

    text: str
    charset_bad: bool = False
    fallback: Fallback | None = None


def value_text(content: ContentLine, decoding: CardDecoding | None = None) -> DecodedText:
    """The text of a value: its own CHARSET if that fits, else UTF-8, else the code page the hints point to.

    Without ``decoding`` (no file context) bytes that are not UTF-8 are read as Windows-1252.
    A forced ``--encoding`` decodes every value that names no fitting CHARSET of its own.
    """
    raw = content.value
    if content.is_quoted_printable:
        raw = binascii.a2b_qp(raw)
    charsets = content.param("CHARSET")
    charset = charsets[0] if charsets else None
    codec = codec_for_charset(charset)
    if codec is not None:
        try:
            return DecodedText(raw.decode(codec))
        except (UnicodeDecodeError, LookupError):  # LookupError: a codec that is no text encoding
            pass
    bad = charset is not None
    if decoding is not None and decoding.forced is not None:
        return DecodedText(raw.decode(decoding.forced, errors="replace"), bad)
    if raw.isascii() or decoding is None:
        return DecodedText(decode_utf8_or_cp1252(raw), bad)
    try:
        return DecodedText(raw.decode("utf-8"), bad)
    except UnicodeDecodeError:
        pass
    fallback = decoding.fallback(raw)
    return DecodedText(raw.decode(fallback.codec, errors="replace"), bad, fallback)


def split_escaped(text: str, separator: str) -> list[str]:
    """Split at unescaped ``separator`` and resolve backslash escapes in each part.

    Written here rather than taken from vobject: ``vobject.icalendar.stringToTextValues`` turns a
    trailing backslash into the text ``\\eof``, and real exports end values with one.
    """
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(_ESCAPES.get(following, "\\" + following))
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    """A single text value with escapes resolved (a separator that cannot occur)."""
    if "\\" not in text:
        return text
    return split_escaped(text, "\x00")[0]


def structured(text: str, size: int) -> list[str]:
    """A ``;``-structured value (N, ADR) padded or trimmed to ``size`` fields, each stripped."""
    fields = [field.strip() for field in split_escaped(text, ";")]
    if len(fields) > size:
        fields = [*fields[: size - 1], " ".join(f for f in fields[size - 1 :] if f)]
    return fields + [""] * (size - len(fields))


def text_list(text: str) -> list[str]:
    """A ``,``-separated list value (CATEGORIES, NICKNAME) without empty items."""
    return [item.strip() for item in split_escaped(text, ",") if item.strip()]
