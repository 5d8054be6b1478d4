"""Turning physical lines into content lines: unfolding, quoted-printable soft breaks, stray continuation lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from vobject.base import parseParams

from scanner.core.model import WarningCode
from scanner.core.reading.physical_lines import PhysicalLine

Params = tuple[tuple[str, tuple[str, ...]], ...]

# Properties a vCard 2.1, 3.0 or 4.0 card may hold; a line that is only one of these names is an empty property.
KNOWN_PROPERTIES = frozenset(
    {
        "BEGIN", "END", "VERSION", "FN", "N", "NICKNAME", "PHOTO", "BDAY", "ANNIVERSARY", "GENDER", "ADR", "LABEL",
        "TEL", "EMAIL", "IMPP", "LANG", "TZ", "GEO", "TITLE", "ROLE", "LOGO", "ORG", "MEMBER", "RELATED",
        "CATEGORIES", "NOTE", "PRODID", "REV", "SOUND", "UID", "CLIENTPIDMAP", "URL", "KEY", "FBURL", "CALADRURI",
        "CALURI", "XML", "KIND", "SOURCE", "NAME", "PROFILE", "MAILER", "SORT-STRING", "CLASS", "AGENT",
    }
)
_ENCODING_WORDS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_ONE_WORD = frozenset({"BEGIN", "END", "VERSION"})
_NAME = re.compile(rb"^[A-Za-z0-9_\-/ ]*[A-Za-z0-9]$")
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/=\s]+$")


@dataclass(frozen=True, slots=True)
class ContentLine:
    """One property as written: name upper-case, group lower-case, parameters, value bytes still encoded.

    ``start``/``end``: stream offsets from the first physical line's start to the end (line end included) of the
    last non-blank physical line the property took up.
    """

    line: int
    name: str
    group: str
    params: Params
    value: bytes
    start: int = 0
    end: int = 0

    def param(self, name: str) -> tuple[str, ...]:
        """All values of parameter ``name`` (upper-case), over repeated occurrences."""
        return tuple(v for key, values in self.params if key == name for v in values)

    @property
    def encoding(self) -> str:
        values = self.param("ENCODING")
        return values[0].upper() if values else ""

    @property
    def is_quoted_printable(self) -> bool:
        return self.encoding == "QUOTED-PRINTABLE"

    @property
    def is_base64(self) -> bool:
        return self.encoding in ("BASE64", "B")


@dataclass(frozen=True, slots=True)
class LineWarning:
    line: int
    code: WarningCode


@dataclass(slots=True)
class _Pending:
    """A content line whose value may still continue on the next physical lines."""

    head: ContentLine
    parts: list[bytes] = field(default_factory=list)
    after_blank: bool = False
    bare: bool = False  # written as a property name alone: the exporter said the value is empty
    start: int = 0
    end: int = 0
    quoted_printable: bool = field(init=False)  # asked for every following line; looked up once

    def __post_init__(self) -> None:
        self.quoted_printable = self.head.is_quoted_printable

    def soft_break(self) -> bool:
        return self.quoted_printable and bool(self.parts) and self.parts[-1].rstrip().endswith(b"=")

    def drop_soft_break(self) -> None:
        self.parts[-1] = self.parts[-1].rstrip()[:-1]

    def finish(self) -> ContentLine:
        if self.soft_break():
            self.drop_soft_break()
        head = self.head
        return ContentLine(head.line, head.name, head.group, head.params, b"".join(self.parts), self.start, self.end)


def content_lines(lines: Iterable[PhysicalLine]) -> Iterator[ContentLine | LineWarning]:
    """Content lines in file order, with a warning for every line that had to be dropped.

    A warning waits until the content line before it is complete, so it lands in the card its line belongs to
    (a comment right after BEGIN:VCARD belongs to that card, not to the one before).
    """
    pending: _Pending | None = None
    held: list[LineWarning] = []
    for physical in lines:
        raw = _clean(physical, held)
        if raw is None:
            continue
        if pending is not None and _indented_property(pending, raw):
            held.append(LineWarning(physical.number, WarningCode.INDENTED_PROPERTY))
        elif pending is not None and _absorb(pending, raw):
            if raw.strip() and pending.head.name != "END":  # text after END:VCARD is not the card's
                pending.end = physical.end
            continue
        started = _start(physical.number, raw)
        if isinstance(started, LineWarning):
            held.append(started)
            continue
        if started is None:
            continue
        if pending is not None:
            yield pending.finish()
        yield from held
        held.clear()
        started.start, started.end = physical.start, physical.end
        pending = started
    if pending is not None:
        yield pending.finish()
    yield from held


def _clean(physical: PhysicalLine, held: list[LineWarning]) -> bytes | None:
    """A line's bytes without NULs, or None for a line too long to keep; either way noted in ``held``."""
    if physical.too_long:
        held.append(LineWarning(physical.number, WarningCode.LINE_TOO_LONG))
        return None
    if b"\x00" not in physical.content:
        return physical.content
    held.append(LineWarning(physical.number, WarningCode.NUL_BYTES))
    return physical.content.replace(b"\x00", b"")


def _absorb(pending: _Pending, raw: bytes) -> bool:
    """Whether ``raw`` belongs to the pending value (a continuation or a blank line inside it)."""
    if _continue(pending, raw):
        return True
    if raw.strip():
        return False
    pending.after_blank = True
    if pending.soft_break():
        pending.drop_soft_break()
    return True


def _continue(pending: _Pending, raw: bytes) -> bool:
    """Append ``raw`` to the pending value if it continues it; say whether it did."""
    if not raw.strip():
        return False
    if raw[:1] in (b" ", b"\t"):
        return _append_fold(pending, raw)
    if pending.soft_break() and not pending.after_blank and not _starts_property(raw):
        pending.drop_soft_break()
        pending.parts.append(raw)
        return True
    if pending.head.is_base64 and b":" not in raw and _BASE64_LINE.match(raw):
        pending.parts.append(raw)
        return True
    if _raw_newline(pending, raw):
        pending.parts.append(b"=0A" if pending.quoted_printable else b"\\n")
        pending.parts.append(raw)
        return True
    return False


def _raw_newline(pending: _Pending, raw: bytes) -> bool:
    """A line that cannot start a property continues the value: exporters that forget to escape a newline.

    Not after a bare property name: the exporter itself said that value is empty. Not after BEGIN, END or
    VERSION, whose values are one word: a junk line there is skipped (and located), not glued onto the marker.
    """
    if pending.bare or pending.head.name in _ONE_WORD or _split_head(raw) is not None or raw.startswith(b"#"):
        return False
    return not _is_bare_property_name(raw)


def _indented_property(pending: _Pending, raw: bytes) -> bool:
    """A line indented by one space that reads like a standard property (`` FN:Douglas Adams``) starts one.

    A real fold of a long value does not begin with a property name and a colon (base64 has no colon, and a
    quoted-printable value is continued by its soft break, not by a fold).
    """
    if raw[:1] not in (b" ", b"\t") or raw[1:2] in (b" ", b"\t", b""):
        return False
    if pending.head.is_base64 or pending.soft_break() or pending.head.name == "AGENT":
        return False  # vCard 3.0 AGENT folds a whole embedded card, property lines and all, into its value
    return _starts_property(raw[1:], known_only=True)


def _append_fold(pending: _Pending, raw: bytes) -> bool:
    if _starts_property(raw.lstrip()) and pending.after_blank:
        return False
    if pending.soft_break():
        pending.drop_soft_break()
        pending.parts.append(raw.lstrip(b" \t"))
    else:
        pending.parts.append(raw[1:])
    return True


def _start(number: int, raw: bytes) -> _Pending | LineWarning | None:
    """A new pending content line, a warning for a line that is none, or None for a blank line."""
    stripped = raw.strip()
    if not stripped:
        return None
    if stripped.startswith(b"#"):
        return LineWarning(number, WarningCode.COMMENT_LINE)
    if _is_bare_property_name(stripped):
        return _Pending(ContentLine(number, stripped.decode("ascii").upper(), "", (), b""), bare=True)
    split = _split_head(raw.lstrip())
    if split is None:
        return LineWarning(number, WarningCode.UNPARSEABLE_LINE)
    head, value = split
    parsed = _parse_head(number, head)
    if parsed is None:
        return LineWarning(number, WarningCode.UNPARSEABLE_LINE)
    return _Pending(parsed, [value])


def _split_head(raw: bytes) -> tuple[bytes, bytes] | None:
    """Head (group, name, parameters) and value, split at the first colon outside double quotes."""
    colon = raw.find(b":")
    if colon <= 0:
        return None
    quote = raw.find(b'"', 0, colon)
    if quote != -1:
        colon = _colon_outside_quotes(raw)
        if colon <= 0:
            return None
    return raw[:colon], raw[colon + 1 :]


def _colon_outside_quotes(raw: bytes) -> int:
    quoted = False
    for position, byte in enumerate(raw):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return position
    return -1


def _parse_head(number: int, head: bytes) -> ContentLine | None:
    name_part, _, param_part = head.partition(b";")
    group, _, name = name_part.strip().rpartition(b".")
    if not _NAME.match(name):
        return None
    params = _params(param_part) if param_part else ()
    group_text = group.decode("ascii", errors="replace").lower()
    return ContentLine(number, name.decode("ascii").upper(), group_text, params, b"")


@lru_cache(maxsize=4096)
def _params(raw: bytes) -> Params:
    """Parsed once per distinct parameter string: an export repeats a handful (``;TYPE=CELL``) thousands of times."""
    return _normalize_params(parseParams(";" + raw.decode("utf-8", errors="replace")))


def _normalize_params(parsed: list[list[str]]) -> Params:
    """Upper-case names; vCard 2.1 bare values (``HOME``, ``QUOTED-PRINTABLE``) become TYPE or ENCODING."""
    params: list[tuple[str, tuple[str, ...]]] = []
    for name, *values in parsed:
        key = name.upper()
        if values:
            split = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
            params.append((key, split))
        elif key in _ENCODING_WORDS:
            params.append(("ENCODING", (key,)))
        elif key.replace("-", "").startswith("UTF"):
            params.append(("CHARSET", (key,)))
        else:
            params.append(("TYPE", (key,)))
    return tuple(params)


def _is_bare_property_name(raw: bytes) -> bool:
    """A line that is only a known property name (``FN``), as some exporters write empty values."""
    return len(raw) <= 12 and raw.strip().upper().decode("ascii", errors="replace") in KNOWN_PROPERTIES


def _starts_property(raw: bytes, *, known_only: bool = False) -> bool:
    """Whether ``raw`` begins like a standard property line (``TEL;CELL:``, ``END:VCARD``; ``X-`` unless known_only)."""
    split = _split_head(raw)
    if split is None:
        return False
    name_part = split[0].partition(b";")[0].rpartition(b".")[2]
    if name_part != name_part.strip():
        return False
    name_part = name_part.upper()
    known = name_part.decode("ascii", errors="replace") in KNOWN_PROPERTIES
    return known or (not known_only and name_part.startswith(b"X-"))
