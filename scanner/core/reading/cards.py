"""Grouping content lines into cards: BEGIN/END pairing that survives missing, nested and stray markers."""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from scanner.core.model import ReadWarning, RejectReason, WarningCode
from scanner.core.reading.content_lines import ContentLine, LineWarning

MAX_NESTING = 32
MAX_CARD_BYTES = 8 * 1024 * 1024  # after binary properties are dropped; a real card is a few kilobytes
_BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_BASE64_CHARS = re.compile(rb"^[A-Za-z0-9+/]*={0,2}$")


@dataclass(frozen=True, slots=True)
class RawCard:
    """The content lines of one card found in a file, binary payloads already dropped.

    ``start``/``end``: stream offsets of the card's bytes, from its BEGIN line (or first orphan line) to the end of
    its END line (or of the last line it took up when END is missing), line end included.
    """

    index: int
    line: int
    properties: tuple[ContentLine, ...]
    warnings: tuple[ReadWarning, ...]
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class RawRejection:
    index: int
    line: int
    reason: RejectReason
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class _OpenCard:
    index: int
    line: int
    start: int
    end: int
    properties: list[ContentLine] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    size: int = 0
    too_large: bool = False

    def add(self, content: ContentLine) -> None:
        self.end = max(self.end, content.end)
        if self.too_large:
            return
        self.size += len(content.value)
        if self.size > MAX_CARD_BYTES:
            self.too_large = True
            self.properties.clear()
            return
        self.properties.append(content)

    def close(self, *extra: ReadWarning) -> RawCard | RawRejection:
        if self.too_large:
            return RawRejection(self.index, self.line, RejectReason.TOO_LARGE, self.start, self.end)
        return RawCard(self.index, self.line, tuple(self.properties), (*self.warnings, *extra), self.start, self.end)


@dataclass(slots=True)
class _Assembler:
    next_index: int = 0
    stack: list[_OpenCard] = field(default_factory=list)
    phantom_depth: int = 0  # BEGINs past MAX_NESTING, rejected at once; their ENDs are absorbed
    orphans: list[ContentLine] = field(default_factory=list)

    def begin(self, content: ContentLine) -> RawRejection | None:
        index = self.next_index
        self.next_index += 1
        self.orphans.clear()
        if len(self.stack) >= MAX_NESTING:
            self.phantom_depth += 1
            return RawRejection(index, content.line, RejectReason.TOO_DEEPLY_NESTED, content.start, content.end)
        self.stack.append(_OpenCard(index, content.line, content.start, content.end))
        return None

    def end(self, content: ContentLine) -> RawCard | RawRejection | None:
        if self.phantom_depth:
            self.phantom_depth -= 1
            return None
        extra = _trailing_text_warning(content)
        if self.stack:
            open_card = self.stack.pop()
            open_card.end = max(open_card.end, content.end)
            return open_card.close(*extra)
        if not self.orphans:
            return None
        first = self.orphans[0]
        card = _OpenCard(self.next_index, first.line, first.start, first.end)
        self.next_index += 1
        for orphan in self.orphans:
            card.add(orphan)
        card.end = max(card.end, content.end)
        self.orphans.clear()
        return card.close(ReadWarning(card.line, WarningCode.MISSING_BEGIN), *extra)

    def property(self, content: ContentLine) -> None:
        if not self.stack:
            if len(self.orphans) < 1000:
                self.orphans.append(content)
            return
        card = self.stack[-1]
        if content.name in _BINARY_PROPERTIES:
            content = _drop_payload(content, card)
        card.add(content)

    def warn(self, warning: LineWarning) -> None:
        if self.stack:
            self.stack[-1].warnings.append(ReadWarning(warning.line, warning.code))

    def close_all(self) -> Iterator[RawCard | RawRejection]:
        while self.stack:
            card = self.stack.pop()
            yield card.close(ReadWarning(card.line, WarningCode.MISSING_END))


def assemble_cards(items: Iterable[ContentLine | LineWarning]) -> Iterator[RawCard | RawRejection]:
    """Cards in the order they close; every BEGIN:VCARD (and every END:VCARD without one) yields exactly one."""
    state = _Assembler()
    for item in items:
        if isinstance(item, LineWarning):
            state.warn(item)
            continue
        marker = _marker(item)
        if marker == "BEGIN":
            rejected = state.begin(item)
            if rejected is not None:
                yield rejected
        elif marker == "END":
            closed = state.end(item)
            if closed is not None:
                yield closed
        elif marker is None:
            state.property(item)
    yield from state.close_all()


def _marker(content: ContentLine) -> str | None:
    """BEGIN or END for vCard boundaries, "" for boundaries of other components, None for a property."""
    if content.name not in ("BEGIN", "END"):
        return None
    word = content.value.strip().upper()
    if word == b"VCARD" or (content.name == "END" and word.startswith(b"VCARD")):
        return content.name
    return ""


def _trailing_text_warning(content: ContentLine) -> tuple[ReadWarning, ...]:
    if content.value.strip().upper() == b"VCARD":
        return ()
    return (ReadWarning(content.line, WarningCode.TRAILING_END_TEXT),)


def _drop_payload(content: ContentLine, card: _OpenCard) -> ContentLine:
    """Keep a photo's presence but not its bytes; warn when inline base64 is broken."""
    if content.is_base64 and not _valid_base64(content.value):
        card.warnings.append(ReadWarning(content.line, WarningCode.BAD_PHOTO))
    return ContentLine(content.line, content.name, content.group, content.params, b"", content.start, content.end)


def _valid_base64(value: bytes) -> bool:
    compact = b"".join(value.split())
    if not compact or not _BASE64_CHARS.match(compact):
        return False
    try:
        binascii.a2b_base64(compact)
    except binascii.Error:
        return False
    return True
