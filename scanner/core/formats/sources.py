"""Which reader an input needs, from its first bytes (not its name): vCard, contact CSV, zip archive or database.

An input is one or more *sources*: a plain file is one, an archive one per member it holds (named
``archive.zip:path/inside.vcf``), an iPhone backup folder the address book inside it. Each source is counted on
its own (found = read + rejected), so a report can say which member a rejected card came from.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from scanner.core.formats.csv_reader import read_csv, sniff_csv
from scanner.core.model import Contact, FileProblem, Rejection
from scanner.core.reading import InputError, read_stream
from scanner.core.reading.reader import _open_regular as open_regular  # regular files only: no FIFO, no device

HEAD_BYTES = 64 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header, or the end record of an empty archive
SQLITE_MAGIC = b"SQLite format 3\x00"

Entries = Iterator[Contact | Rejection]


@dataclass(frozen=True)
class ReadSettings:
    region: str = "DE"
    encoding: str | None = None  # forced code page (--encoding)
    max_bytes: int | None = None  # --max-input-size: reading a source stops there with TOO_LARGE


@dataclass(frozen=True)
class Source:
    """One countable source of cards; ``entries()`` reads it (and may raise InputError for the whole source)."""

    display_path: str
    entries: Callable[[], Entries]


def file_sources(path: Path, display_path: str, settings: ReadSettings) -> Iterator[Source]:
    """The sources of a file given on the command line or found in a directory."""
    from scanner.core.formats.archives import archive_sources, is_zip_file  # noqa: PLC0415 (it imports this module)
    from scanner.core.formats.backups import database_source, ios_backup_source, is_database_file  # noqa: PLC0415

    if path.is_dir():
        yield ios_backup_source(path, display_path, settings)
    elif is_zip_file(path):
        yield from archive_sources(path, display_path, settings)
    elif is_database_file(path):
        yield database_source(path, display_path, settings)
    else:
        yield Source(display_path, lambda: _read_path(path, display_path, settings))


def stream_sources(stream: BinaryIO, display_path: str, settings: ReadSettings) -> Iterator[Source]:
    """Standard input: a vCard or CSV export (an archive or database needs a file)."""
    yield Source(display_path, lambda: read_text_export(stream, display_path, settings))


def _read_path(path: Path, display_path: str, settings: ReadSettings) -> Entries:
    with open_regular(path) as stream:
        yield from read_text_export(stream, display_path, settings)


def read_text_export(stream: BinaryIO, display_path: str, settings: ReadSettings) -> Entries:
    """A vCard or contact CSV export, told apart by its first bytes."""
    try:
        head = stream.read(HEAD_BYTES)
    except OSError as error:
        raise InputError(FileProblem.UNREADABLE) from error
    if head.startswith(ZIP_MAGIC) or head.startswith(SQLITE_MAGIC):
        raise InputError(FileProblem.NEEDS_FILE)
    if not _mentions_vcard(head):
        csv_head = sniff_csv(head, settings.encoding)
        if csv_head.plan is not None:
            limited = io.BufferedReader(_Rejoined(head, stream, settings.max_bytes))
            yield from read_csv(limited, csv_head, path=display_path, region=settings.region)
            return
    whole = io.BufferedReader(_Rejoined(head, stream))
    yield from read_stream(
        whole, path=display_path, region=settings.region, encoding=settings.encoding, max_bytes=settings.max_bytes
    )


def _mentions_vcard(head: bytes) -> bool:
    folded = head.upper()
    return b"BEGIN:VCARD" in folded or b"B\x00E\x00G\x00I\x00N\x00:\x00V\x00C\x00A\x00R\x00D" in folded


class _Rejoined(io.RawIOBase):
    """The bytes already read for sniffing, then the rest of the stream, as one readable stream.

    Past ``max_bytes`` reading raises InputError(TOO_LARGE): the rows before the limit are still counted.
    """

    def __init__(self, head: bytes, rest: BinaryIO, max_bytes: int | None = None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._left = max_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
        else:
            try:
                data = self._rest.read(len(buffer))
            except OSError as error:
                raise InputError(FileProblem.UNREADABLE) from error
            size = len(data)
            buffer[:size] = data
        if self._left is not None:
            self._left -= size
            if self._left < 0:
                raise InputError(FileProblem.TOO_LARGE)
        return size
