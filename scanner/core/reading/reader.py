"""Reading one export card by card: bytes in, contacts and located rejections out, never a traceback."""

from __future__ import annotations

import codecs
import io
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from scanner.core.model import Contact, FileProblem, Rejection, SourceRef
from scanner.core.reading.cards import RawCard, RawRejection, assemble_cards
from scanner.core.reading.code_pages import FileCodePage
from scanner.core.reading.contact_builder import build_contact
from scanner.core.reading.content_lines import content_lines
from scanner.core.reading.encoding import FileEncoding, sniff_encoding, transcode_to_utf8
from scanner.core.reading.offsets import SourceOffsets
from scanner.core.reading.physical_lines import PhysicalLine, split_lines

CHUNK_BYTES = 1 << 20
MAX_LINE_BYTES = 16 * 1024 * 1024  # a folded line this long is no contact data (a 16 MB unfolded photo at most)
_HEAD = CHUNK_BYTES  # the first chunk: where the encoding is sniffed and the code page hints are gathered


class InputError(Exception):
    """A whole input could not be read; carries the problem, never the file's content."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def read_file(
    path: Path,
    *,
    display_path: str | None = None,
    region: str = "DE",
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[Contact | Rejection]:
    """Contacts and rejections of one file, streamed; raises InputError for a file that cannot be read at all.

    ``encoding`` (a Python codec name, see ``code_pages.text_codec``) forces the code page of every value that
    names no fitting CHARSET of its own. Only a regular file is read: it is opened without blocking (a FIFO would
    wait for a writer forever) and checked on the open descriptor, so a file swapped for a FIFO after discovery is
    refused too.
    """
    shown = display_path if display_path is not None else str(path)
    with _open_regular(path) as stream:
        yield from read_stream(stream, path=shown, region=region, encoding=encoding, max_bytes=max_bytes)


def _open_regular(path: Path) -> BinaryIO:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as error:
        raise InputError(FileProblem.NOT_FOUND) from error
    except (OSError, ValueError) as error:
        raise InputError(FileProblem.UNREADABLE) from error
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(FileProblem.UNREADABLE)
        if not stat.S_ISREG(mode):
            raise InputError(FileProblem.NOT_REGULAR)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_bytes(
    data: bytes, *, path: str = "<bytes>", region: str = "DE", encoding: str | None = None
) -> Iterator[Contact | Rejection]:
    """Contacts and rejections from an in-memory export (tests, stdin, archive members)."""
    return read_stream(io.BytesIO(data), path=path, region=region, encoding=encoding)


def read_stream(
    stream: BinaryIO, *, path: str, region: str = "DE", encoding: str | None = None, max_bytes: int | None = None
) -> Iterator[Contact | Rejection]:
    """Contacts and rejections from a binary stream; the stream is only read, never written or closed.

    Beyond ``max_bytes`` the reading stops with ``InputError(TOO_LARGE)`` (stdin from an endless pipe, a huge file);
    the cards wholly before the limit stay counted.
    """
    head = _read(stream, _HEAD)
    if not head:
        raise InputError(FileProblem.EMPTY)
    layout, bom = sniff_encoding(head)
    eight_bit = layout is FileEncoding.EIGHT_BIT
    measure: tuple[str, int] | None = None
    first_offset = bom if eight_bit else 0
    if encoding is not None and not _ascii_compatible(encoding):
        chunks = _transcode(_limited(_chunks(stream, head), max_bytes, 0), encoding)
        code_page = FileCodePage()
        measure = _forced_measure(encoding, head)
    elif encoding is not None:
        chunks = _limited(_chunks(stream, head[bom:] if eight_bit else head), max_bytes, 0)
        code_page = FileCodePage(forced=encoding)
    else:
        chunks = transcode_to_utf8(_limited(_chunks(stream, head[bom:]), max_bytes, bom), layout)
        code_page = FileCodePage.from_head(head[bom:], utf8_bom=bom > 0) if eight_bit else FileCodePage()
        measure = None if eight_bit else (layout.value, bom)
    found = 0
    for raw in assemble_cards(content_lines(_lines(chunks, measure, first_offset))):
        found += 1
        yield _finish(raw, path, region, code_page)
    if not found:
        raise InputError(FileProblem.BINARY if _looks_binary(head, layout) else FileProblem.NO_CARDS)


def _lines(chunks: Iterable[bytes], measure: tuple[str, int] | None, first_offset: int) -> Iterator[PhysicalLine]:
    """Physical lines whose ``start``/``end`` are offsets in the file, also for a transcoded (UTF-16) one.

    ``measure``: for a transcoded stream, the codec that gives each text's length in the file and where the text
    starts (after a byte-order mark); None when the stream is the file's own bytes from ``first_offset`` on.
    """
    if measure is None:
        return split_lines(chunks, max_line_bytes=MAX_LINE_BYTES, first_offset=first_offset)
    offsets = SourceOffsets(*measure)
    return offsets.lines(split_lines(offsets.track(chunks), max_line_bytes=MAX_LINE_BYTES))


_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _forced_measure(codec: str, head: bytes) -> tuple[str, int]:
    """How to measure a forced codec's text in the file: codecs that read a byte-order mark measure without it."""
    name = codecs.lookup(codec).name
    if name not in ("utf-16", "utf-32", "utf-8-sig"):
        return name, 0
    mark = next((bom for bom in _BOMS if head.startswith(bom)), b"")
    plain = {"utf-16": "utf-16-le", "utf-32": "utf-32-le", "utf-8-sig": "utf-8"}[name]
    return plain, len(mark)


def _ascii_compatible(codec: str) -> bool:
    """Whether the codec writes vCard's ASCII syntax as ASCII (every code page; not UTF-16 or UTF-32)."""
    probe = "BEGIN:VCARD\r\n"
    try:
        return probe.encode(codec) == probe.encode("ascii")
    except (UnicodeError, LookupError):
        return False


def _transcode(chunks: Iterable[bytes], codec: str) -> Iterator[bytes]:
    """A forced multi-byte encoding (``--encoding utf-16``) re-encoded as UTF-8 on the fly."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    for chunk in chunks:
        if text := decoder.decode(chunk):
            yield text.encode("utf-8")
    if tail := decoder.decode(b"", final=True):
        yield tail.encode("utf-8")


def _finish(raw: RawCard | RawRejection, path: str, region: str, code_page: FileCodePage) -> Contact | Rejection:
    if isinstance(raw, RawRejection):
        return Rejection(SourceRef(path, raw.index, raw.line, raw.start, raw.end), raw.reason)
    built = build_contact(raw, path=path, region=region, code_page=code_page)
    if isinstance(built, Contact):
        return built
    return Rejection(SourceRef(path, raw.index, raw.line, raw.start, raw.end), built)


def _chunks(stream: BinaryIO, first: bytes) -> Iterator[bytes]:
    if first:
        yield first
    while chunk := _read(stream, CHUNK_BYTES):
        yield chunk


def _limited(chunks: Iterator[bytes], max_bytes: int | None, already: int) -> Iterator[bytes]:
    """The chunks up to ``max_bytes`` (the cards wholly before the limit are read), then TOO_LARGE."""
    total = already
    for chunk in chunks:
        if max_bytes is not None and total + len(chunk) > max_bytes:
            yield chunk[: max(0, max_bytes - total)]
            raise InputError(FileProblem.TOO_LARGE)
        total += len(chunk)
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
