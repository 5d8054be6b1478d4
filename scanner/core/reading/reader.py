"""Reading one export card by card: bytes in, contacts and located rejections out, never a traceback."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from scanner.core.model import Contact, FileProblem, Rejection, SourceRef
from scanner.core.reading.cards import RawCard, RawRejection, assemble_cards
from scanner.core.reading.contact_builder import build_contact
from scanner.core.reading.content_lines import content_lines
from scanner.core.reading.encoding import FileEncoding, sniff_encoding, transcode_to_utf8
from scanner.core.reading.offsets import SourceOffsets
from scanner.core.reading.physical_lines import PhysicalLine, split_lines

CHUNK_BYTES = 1 << 20
MAX_LINE_BYTES = 16 * 1024 * 1024  # a folded line this long is no contact data (a 16 MB unfolded photo at most)
_SNIFF = 8192


class InputError(Exception):
    """A whole input could not be read; carries the problem, never the file's content."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def read_file(path: Path, *, display_path: str | None = None, region: str = "DE") -> Iterator[Contact | Rejection]:
    """Contacts and rejections of one file, streamed; raises InputError for a file that cannot be read at all."""
    shown = display_path if display_path is not None else str(path)
    try:
        stream = path.open("rb")
    except FileNotFoundError as error:
        raise InputError(FileProblem.NOT_FOUND) from error
    except (IsADirectoryError, PermissionError, OSError) as error:
        raise InputError(FileProblem.UNREADABLE) from error
    with stream:
        yield from read_stream(stream, path=shown, region=region)


def read_bytes(data: bytes, *, path: str = "<bytes>", region: str = "DE") -> Iterator[Contact | Rejection]:
    """Contacts and rejections from an in-memory export (tests, stdin)."""
    return read_stream(io.BytesIO(data), path=path, region=region)


def read_stream(stream: BinaryIO, *, path: str, region: str = "DE") -> Iterator[Contact | Rejection]:
    """Contacts and rejections from a binary stream; the stream is only read, never written or closed."""
    head = _read(stream, _SNIFF)
    if not head:
        raise InputError(FileProblem.EMPTY)
    encoding, bom = sniff_encoding(head)
    chunks = transcode_to_utf8(_chunks(stream, head[bom:]), encoding)
    found = 0
    for raw in assemble_cards(content_lines(_lines(chunks, encoding, bom))):
        found += 1
        yield _finish(raw, path, region)
    if not found:
        raise InputError(FileProblem.BINARY if _looks_binary(head, encoding) else FileProblem.NO_CARDS)


def _lines(chunks: Iterable[bytes], encoding: FileEncoding, bom: int) -> Iterator[PhysicalLine]:
    """Physical lines whose ``start``/``end`` are offsets in the file, also for a transcoded (UTF-16) one."""
    if encoding is FileEncoding.EIGHT_BIT:
        return split_lines(chunks, max_line_bytes=MAX_LINE_BYTES, first_offset=bom)
    offsets = SourceOffsets(encoding.value, bom)
    return offsets.lines(split_lines(offsets.track(chunks), max_line_bytes=MAX_LINE_BYTES))


def _finish(raw: RawCard | RawRejection, path: str, region: str) -> Contact | Rejection:
    if isinstance(raw, RawRejection):
        return Rejection(SourceRef(path, raw.index, raw.line, raw.start, raw.end), raw.reason)
    built = build_contact(raw, path=path, region=region)
    if isinstance(built, Contact):
        return built
    return Rejection(SourceRef(path, raw.index, raw.line, raw.start, raw.end), built)


def _chunks(stream: BinaryIO, first: bytes) -> Iterator[bytes]:
    if first:
        yield first
    while chunk := _read(stream, CHUNK_BYTES):
        yield chunk


def _read(stream: BinaryIO, size: int) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise InputError(FileProblem.UNREADABLE) from error


def _looks_binary(head: bytes, encoding: FileEncoding) -> bool:
    """Control bytes other than tab, CR, LF and form feed in more than a tenth of the head."""
    if encoding is not FileEncoding.EIGHT_BIT:
        return False
    control = sum(1 for byte in head if byte < 0x20 and byte not in (0x09, 0x0A, 0x0C, 0x0D))
    return control > len(head) // 10
