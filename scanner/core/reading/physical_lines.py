"""Splitting a byte stream into numbered lines, whatever the line ends (CRLF, LF, CR, CR CR LF, mixed)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# CR CR LF (old iPhone exports) is one line end, not a line end and an empty line.
_LINE_END = re.compile(rb"\r\r\n|\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class PhysicalLine:
    """One line of the file, 1-based number; ``too_long`` lines carry no content (it was never kept).

    ``start`` and ``end`` are byte offsets in the stream that was split: where the line begins and where its line
    end (if any) stops, so ``stream[start:end]`` is the line exactly as written, terminator included.
    """

    number: int
    content: bytes
    too_long: bool = False
    start: int = 0
    end: int = 0


def split_lines(chunks: Iterable[bytes], *, max_line_bytes: int, first_offset: int = 0) -> Iterator[PhysicalLine]:
    """Lines from a stream of chunks, holding at most one line (capped at ``max_line_bytes``) in memory.

    ``first_offset`` is the offset of the first chunk's first byte (a byte-order mark skipped before it).
    """
    pending = bytearray()
    number = 1
    skipping = False  # inside a line that grew past the cap: its bytes are dropped until its end
    offset = first_offset  # stream offset of pending[0]
    line_start = first_offset  # stream offset where the current line began (before bytes of it were dropped)
    for chunk in _with_end_marker(chunks):
        at_end = chunk is None
        # What is pending holds no line end but perhaps a final CR: only the new bytes need searching, so a line
        # that spans many chunks is scanned once, not once per chunk (quadratic up to the cap).
        search_from = max(0, len(pending) - 2)
        if chunk:
            pending += chunk
        start = 0
        for match in _LINE_END.finditer(pending, search_from):
            if not at_end and match.end() == len(pending) and pending.endswith(b"\r"):
                break  # a CR at the end of a chunk may be the first half of CR LF
            line_end = offset + match.end()
            yield _line(number, pending[start : match.start()], skipping, line_start, line_end)
            number += 1
            skipping = False
            start = match.end()
            line_start = line_end
        del pending[:start]
        offset += start
        if len(pending) > max_line_bytes:
            offset += len(pending)
            pending.clear()
            skipping = True
        if at_end and (pending or skipping):
            yield _line(number, pending, skipping, line_start, offset + len(pending))


def _with_end_marker(chunks: Iterable[bytes]) -> Iterator[bytes | None]:
    yield from chunks
    yield None


def _line(number: int, content: bytearray, too_long: bool, start: int, end: int) -> PhysicalLine:
    if too_long:
        return PhysicalLine(number, b"", too_long=True, start=start, end=end)
    return PhysicalLine(number, bytes(content), start=start, end=end)
