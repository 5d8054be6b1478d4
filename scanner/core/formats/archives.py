"""Zip archives of exports (a Google Takeout, a folder zipped by hand): read in memory, member by member.

Members are named in every message as ``archive.zip:path/inside.vcf``; each is its own source, counted on its own.
The standard library's zipfile reads them; around it are the limits a zip bomb needs, because zipfile trusts the
sizes an archive declares and decompresses whatever it is asked for: at most ``MAX_ENTRIES`` entries in the
archive's directory (checked before zipfile loads it), ``MAX_MEMBER_BYTES`` per member and ``MAX_TOTAL_BYTES``
over all members (counted on the bytes actually decompressed, not the declared sizes), a compression ratio of
``MAX_RATIO`` for members over ``RATIO_FROM_BYTES``, and archives nested ``MAX_DEPTH`` deep at most (a nested
archive is held in memory, so it may be ``MAX_NESTED_BYTES`` at most). Nothing is ever extracted to disk.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO

from scanner.core.formats.sources import ZIP_MAGIC, Entries, ReadSettings, Source, read_text_export
from scanner.core.inputs import is_export
from scanner.core.model import FileProblem
from scanner.core.reading import InputError
from scanner.core.reading.reader import _open_regular as open_regular

MAX_ENTRIES = 100_000  # a full Google Takeout holds tens of thousands of files; its directory then is ~10 MB
MAX_MEMBER_BYTES = 1024**3  # one export, uncompressed
MAX_TOTAL_BYTES = 4 * 1024**3  # all members read from one archive, nested ones included
MAX_RATIO = 200  # vCard and CSV deflate about 5 to 20 times; a bomb by thousands
RATIO_FROM_BYTES = 16 * 1024**2  # small members may compress better (a file of one repeated line)
MAX_DEPTH = 3  # an archive in an archive in an archive
MAX_NESTED_BYTES = 256 * 1024**2  # a nested archive is read into memory
_CHUNK = 1 << 20
_EOCD = b"PK\x05\x06"
_ARCHIVE_SUFFIXES = (".zip",)


@dataclass
class _Budget:
    """Bytes still allowed from one archive given on the command line, shared by its nested archives."""

    left: int = field(default_factory=lambda: MAX_TOTAL_BYTES)

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise InputError(FileProblem.ARCHIVE_LIMIT)


def is_zip_file(path: Path) -> bool:
    """Whether the file starts like a zip archive (its content decides, not its name)."""
    try:
        with open_regular(path) as stream:
            return stream.read(4) in ZIP_MAGIC
    except InputError:
        return False  # the ordinary reader reports why it cannot be read


def archive_sources(path: Path, display_path: str, settings: ReadSettings) -> Iterator[Source]:
    """One source per export inside the archive (and inside archives within it), to be read as they come: the
    archive stays open until the last is yielded. An archive that cannot be opened at all is one refused source."""
    try:
        stream = open_regular(path)
    except InputError as error:
        yield Source(display_path, _refused(error.problem))
        return
    with stream:
        try:
            sources = _sources(stream, display_path, settings, _Budget(), depth=1)
            first = next(sources, None)
        except InputError as error:
            yield Source(display_path, _refused(error.problem))
            return
        if first is not None:
            yield first
            yield from sources


def _sources(stream: BinaryIO, shown: str, settings: ReadSettings, budget: _Budget, depth: int) -> Iterator[Source]:
    _check_entry_count(stream)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise InputError(FileProblem.BAD_ARCHIVE) from error
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = f"{shown}:{info.filename}"
            if info.filename.lower().endswith(_ARCHIVE_SUFFIXES):
                yield from _nested(archive, info, name, settings, budget, depth=depth)
            elif is_export(info.filename):
                yield Source(name, _member_reader(archive, info, name, settings, budget))


def _nested(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, settings: ReadSettings, budget: _Budget, *, depth: int
) -> Iterator[Source]:
    """An archive inside the archive, read into memory (bounded) and opened in turn; a refusal is its own source."""
    try:
        if depth >= MAX_DEPTH or info.file_size > MAX_NESTED_BYTES:
            raise InputError(FileProblem.ARCHIVE_LIMIT)
        data = _member_bytes(archive, info, budget, MAX_NESTED_BYTES)
        if not data.startswith(ZIP_MAGIC):
            raise InputError(FileProblem.BAD_ARCHIVE)
        sources = _sources(io.BytesIO(data), name, settings, budget, depth + 1)
        first = next(sources, None)  # opens the nested archive: its problems are this member's
    except InputError as error:
        yield Source(name, _refused(error.problem))
        return
    if first is not None:
        yield first
        yield from sources


def _refused(problem: FileProblem) -> Callable[[], Entries]:
    def entries() -> Entries:
        raise InputError(problem)
        yield  # a generator: the problem is raised when the source is read, so it is counted as that source's

    return entries


def _member_reader(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, settings: ReadSettings, budget: _Budget
) -> Callable[[], Entries]:
    def entries() -> Entries:
        _check_ratio(info)
        with _open_member(archive, info) as raw:
            yield from read_text_export(io.BufferedReader(_Bounded(raw, info, budget)), name, settings)

    return entries


def _member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, limit: int) -> bytes:
    _check_ratio(info)
    with _open_member(archive, info) as raw:
        bounded = _Bounded(raw, info, budget, limit)
        parts = []
        while chunk := bounded.read(_CHUNK):
            parts.append(chunk)
        return b"".join(parts)


def _open_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return archive.open(info)
    except (RuntimeError, NotImplementedError, zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(FileProblem.BAD_ARCHIVE) from error  # RuntimeError: encrypted


def _check_ratio(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputError(FileProblem.ARCHIVE_LIMIT)
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise InputError(FileProblem.ARCHIVE_LIMIT)


def _check_entry_count(stream: BinaryIO) -> None:
    """Refuse an archive whose directory claims more than MAX_ENTRIES entries, before zipfile loads it."""
    try:
        end = stream.seek(0, io.SEEK_END)
        stream.seek(max(0, end - 65_557))
        tail = stream.read()
        stream.seek(0)
    except OSError as error:
        raise InputError(FileProblem.UNREADABLE) from error
    at = tail.rfind(_EOCD)
    if at == -1 or len(tail) < at + 22:
        raise InputError(FileProblem.BAD_ARCHIVE)
    (entries,) = struct.unpack("<H", tail[at + 10 : at + 12])
    if entries != 0xFFFF and entries > MAX_ENTRIES:  # 0xFFFF: a zip64 archive; zipfile reads its real count
        raise InputError(FileProblem.ARCHIVE_LIMIT)


class _Bounded(io.RawIOBase):
    """A member's decompressed bytes, counted: past its declared size, its own limit or the archive's budget the
    read stops with ARCHIVE_LIMIT (a member whose header lies about its size is a bomb too)."""

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo, budget: _Budget, limit: int = MAX_MEMBER_BYTES) -> None:
        self._raw = raw
        self._left = min(limit, info.file_size)
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(min(len(buffer), self._left + 1))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise InputError(FileProblem.BAD_ARCHIVE) from error  # CRC mismatch, truncated data
        size = len(data)
        self._left -= size
        if self._left < 0:
            raise InputError(FileProblem.ARCHIVE_LIMIT)
        self._budget.take(size)
        buffer[:size] = data
        return size
