"""Byte offsets in the source for inputs the reader transcodes (UTF-16 and other non-ASCII layouts).

The reader splits lines in a UTF-8 stream; for a UTF-16 file the offsets of that stream are not the file's. The
tracker sits between the transcoder and the line splitter, notes at every line-end byte how many source bytes the
text so far took (by re-encoding each line's text: UTF-16 and UTF-32 text has the same length in every byte
order, and a replacement character stands for one code unit), and maps each line's offsets back. It holds only
the checkpoints the line splitter has not reached yet, so memory stays bounded by a chunk.
"""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from scanner.core.reading.physical_lines import PhysicalLine

_LINE_END_BYTE = re.compile(rb"[\r\n]")


class SourceOffsets:
    """Maps offsets of the UTF-8 stream back to a transcoded source that starts ``base`` bytes into its file."""

    def __init__(self, codec: str, base: int) -> None:
        self._encoder = codecs.getincrementalencoder(codec)()
        self._checkpoints: deque[tuple[int, int]] = deque([(0, base)])
        self._utf8 = 0
        self._source = base

    def track(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The UTF-8 chunks unchanged, noting a checkpoint after every CR and LF byte."""
        for chunk in chunks:
            last = 0
            for match in _LINE_END_BYTE.finditer(chunk):
                self._advance(chunk[last : match.end()])
                self._checkpoints.append((self._utf8, self._source))
                last = match.end()
            self._advance(chunk[last:])
            yield chunk
        self._source += len(self._encoder.encode("", final=True))
        self._checkpoints.append((self._utf8, self._source))

    def lines(self, lines: Iterable[PhysicalLine]) -> Iterator[PhysicalLine]:
        """The lines with ``start`` and ``end`` as offsets in the source file."""
        for line in lines:
            yield replace(line, start=self._source_offset(line.start), end=self._source_offset(line.end))

    def _advance(self, piece: bytes) -> None:
        self._utf8 += len(piece)
        self._source += len(self._encoder.encode(piece.decode("utf-8", errors="replace")))

    def _source_offset(self, utf8_offset: int) -> int:
        checkpoints = self._checkpoints
        while len(checkpoints) > 1 and checkpoints[1][0] <= utf8_offset:
            checkpoints.popleft()
        utf8, source = checkpoints[0]
        return source + (utf8_offset - utf8)  # exact at every line boundary, where utf8 == utf8_offset
