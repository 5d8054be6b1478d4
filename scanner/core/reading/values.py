"""Property values as text: quoted-printable, charsets, backslash escapes, structured (N, ADR) and list values."""

from __future__ import annotations

import binascii

from scanner.core.reading.content_lines import ContentLine
from scanner.core.reading.encoding import decode_value

_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ";": ";", ",": ",", ":": ":"}


def value_text(content: ContentLine) -> tuple[str, bool]:
    """The decoded, still escaped text of a value, and whether its CHARSET was unknown or wrong."""
    raw = content.value
    if content.is_quoted_printable:
        raw = binascii.a2b_qp(raw)
    charsets = content.param("CHARSET")
    return decode_value(raw, charsets[0] if charsets else None)


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
