"""Which files a scan reads: files, directories (recursive, exports by name: EXPORT_SUFFIXES) and ``-`` for stdin."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from scanner.core.model import FileProblem

STDIN = "-"
# What a directory scan reads (the content then decides the reader).
EXPORT_SUFFIXES = (".vcf", ".vcard", ".csv", ".zip")
EXPORT_NAMES = ("contacts2.db", "addressbook.sqlitedb")  # Android and iPhone address-book databases
BACKUP_MANIFEST = "Manifest.db"  # marks an iPhone backup folder: read as one input, not walked


@dataclass(frozen=True)
class InputFile:
    """A file to read; ``path`` is None for standard input. ``display_path`` is what reports show."""

    display_path: str
    path: Path | None


@dataclass(frozen=True)
class InputProblem:
    """An argument, or something below a directory, that cannot be read at all."""

    display_path: str
    problem: FileProblem


def discover_inputs(arguments: Sequence[str]) -> Iterator[InputFile | InputProblem]:
    """Inputs in argument order; a directory's exports sorted by path, each symlinked directory visited once.

    A file reached twice (``scan a.vcf .``, a hard link, a symlink to it) is read once. Anything that is not a
    regular file (FIFO, device, socket) is a problem, never opened: reading a FIFO or /dev/zero would never end.
    """
    seen: set[tuple[int, int]] = set()
    for argument in arguments:
        if argument == STDIN:
            yield InputFile(display_path=STDIN, path=None)
            continue
        path = Path(argument)
        status = _stat(path)
        if isinstance(status, FileProblem):
            yield InputProblem(display_path=argument, problem=status)
        elif stat.S_ISDIR(status.st_mode):
            yield from _walk(path, argument, seen)
        else:
            yield from _file(path, argument, status, seen)


def is_export(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(EXPORT_SUFFIXES) or lowered in EXPORT_NAMES


def _stat(path: Path) -> os.stat_result | FileProblem:
    """The status of what ``path`` points to (a dangling symlink: not found)."""
    try:
        return path.stat()
    except FileNotFoundError:
        return FileProblem.NOT_FOUND
    except (OSError, ValueError):  # PermissionError on a folder on the way, ELOOP, a NUL byte
        return FileProblem.UNREADABLE


def _file(
    path: Path, shown: str, status: os.stat_result, seen: set[tuple[int, int]]
) -> Iterator[InputFile | InputProblem]:
    if not stat.S_ISREG(status.st_mode):
        yield InputProblem(display_path=shown, problem=FileProblem.NOT_REGULAR)
        return
    key = (status.st_dev, status.st_ino)
    if key in seen:
        return
    seen.add(key)
    yield InputFile(display_path=shown, path=path)


def _walk(root: Path, shown_root: str, seen: set[tuple[int, int]]) -> Iterator[InputFile | InputProblem]:
    """Depth first with an explicit stack (no recursion limit on deep trees), files before subdirectories."""
    visited: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        here = stack.pop()
        shown_here = _shown(shown_root, root, here)
        if not _first_visit(here, visited):
            yield InputProblem(display_path=shown_here, problem=FileProblem.IS_DIRECTORY_LOOP)
            continue
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            yield InputProblem(display_path=shown_here, problem=FileProblem.UNREADABLE)
            continue
        if any(entry.name == BACKUP_MANIFEST for entry in entries):
            yield InputFile(display_path=shown_here, path=here)  # its hashed files hold no export by name
            continue
        subdirectories: list[Path] = []
        for entry in entries:
            path = here / entry.name
            status = _stat(path)
            if not isinstance(status, FileProblem) and stat.S_ISDIR(status.st_mode):
                subdirectories.append(path)
            elif is_export(entry.name):
                shown = _shown(shown_root, root, path)
                if isinstance(status, FileProblem):
                    yield InputProblem(display_path=shown, problem=status)
                else:
                    yield from _file(path, shown, status, seen)
        stack.extend(reversed(subdirectories))


def _first_visit(directory: Path, visited: set[tuple[int, int]]) -> bool:
    try:
        status = directory.stat()
    except OSError:
        return True
    key = (status.st_dev, status.st_ino)
    if key in visited:
        return False
    visited.add(key)
    return True


def _shown(shown_root: str, root: Path, path: Path) -> str:
    """The path as the user gave the directory, joined with the part below it."""
    relative = path.relative_to(root)
    # os.path.join keeps the argument exactly as typed ("./exports"), which Path would normalize away.
    return shown_root if str(relative) == "." else os.path.join(shown_root, str(relative))  # noqa: PTH118
