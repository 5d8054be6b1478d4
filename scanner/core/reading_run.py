"""Reading every input of a scan: contacts streamed to the caller, per-file counts that always add up."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from scanner.core.formats.sources import ReadSettings, Source, file_sources, stream_sources
from scanner.core.inputs import InputFile, InputProblem, discover_inputs
from scanner.core.model import Contact, FileProblem, FileReport, Rejection
from scanner.core.reading import InputError

# Larger than any phone's export with photos (a million contacts are about 300 MB), small enough that an endless
# pipe or a wrong file stops within a minute or so.
DEFAULT_MAX_INPUT_BYTES = 2 * 1024**3


def _stdin() -> BinaryIO:
    """Standard input as bytes; closed (``<&-``), or a device such as /dev/zero, it is a problem, not a hang."""
    stream = sys.stdin
    if stream is None:
        raise InputError(FileProblem.UNREADABLE)
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except io.UnsupportedOperation:  # an in-memory stream (a test, an embedding program): no device
        return stream.buffer
    except (OSError, ValueError) as error:
        raise InputError(FileProblem.UNREADABLE) from error
    if stat.S_ISBLK(mode) or (stat.S_ISCHR(mode) and not stream.isatty()):
        raise InputError(FileProblem.NOT_REGULAR)
    return stream.buffer


@dataclass(frozen=True)
class ReadEvent:
    """Progress for a caller that shows it: the file being read and the cards found so far in it."""

    display_path: str
    cards_found: int


@dataclass
class ReadingRun:
    """Reads the inputs once; ``contacts()`` streams, ``files`` and ``rejections`` fill as it goes."""

    arguments: Sequence[str]
    region: str = "DE"
    encoding: str | None = None  # a Python codec forcing the code page of values without CHARSET (--encoding)
    on_progress: Callable[[ReadEvent], None] | None = None
    shown_as: dict[str, str] = field(default_factory=dict)  # how reports name an input (the demo's packaged file)
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES
    files: list[FileReport] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def contacts(self) -> Iterator[Contact]:
        for found in discover_inputs(self.arguments):
            item = replace(found, display_path=self.shown_as.get(found.display_path, found.display_path))
            if isinstance(item, InputProblem):
                self.files.append(FileReport(item.display_path, 0, 0, 0, item.problem))
                continue
            yield from self._read_input(item)

    def _read_input(self, item: InputFile) -> Iterator[Contact]:
        """Every source of one input (an archive has one per member), each counted on its own."""
        settings = ReadSettings(region=self.region, encoding=self.encoding, max_bytes=self.max_input_bytes)
        try:
            if item.path is None:
                sources = stream_sources(_stdin(), item.display_path, settings)
            else:
                sources = file_sources(item.path, item.display_path, settings)
            for source in sources:
                yield from self._read_one(source)
        except InputError as error:  # the input itself (an archive's directory) could not be read
            self.files.append(FileReport(item.display_path, 0, 0, 0, error.problem))

    def _read_one(self, item: Source) -> Iterator[Contact]:
        found = contacts = rejected = 0
        problem: FileProblem | None = None
        try:
            for entry in item.entries():
                found += 1
                if isinstance(entry, Rejection):
                    rejected += 1
                    self.rejections.append(entry)
                else:
                    contacts += 1
                    yield entry
                if self.on_progress is not None and found % 500 == 0:
                    self.on_progress(ReadEvent(item.display_path, found))
        except InputError as error:
            problem = error.problem
        self.files.append(FileReport(item.display_path, found, contacts, rejected, problem))

    @property
    def readable_input(self) -> bool:
        """Whether at least one input could be read (a file with cards, even if all were rejected or it was cut
        at ``--max-input-size``)."""
        return any(report.problem is None or report.cards_found > 0 for report in self.files)
