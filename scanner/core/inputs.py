"""Which files a scan reads: files, directories (recursive, exports by name: EXPORT_SUFFIXES) and ``-`` for stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from scanner.core.model import FileProblem

STDIN = "-"
EXPORT_SUFFIXES = (".vcf", ".vcard", ".csv")  # what a directory scan reads; the content decides the reader


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
    """Inputs in argument order; a directory's exports sorted by path, each symlinked directory visited once."""
    for argument in arguments:
        if argument == STDIN:
            yield InputFile(display_path=STDIN, path=None)
            continue
        path = Path(argument)
        if path.is_dir():
            yield from _walk(path, argument)
        elif path.exists() or path.is_symlink():
            yield InputFile(display_path=argument, path=path)
        else:
            yield InputProblem(display_path=argument, problem=FileProblem.NOT_FOUND)


def is_export(name: str) -> bool:
    return name.lower().endswith(EXPORT_SUFFIXES)


def _walk(root: Path, shown_root: str) -> Iterator[InputFile | InputProblem]:
    visited: set[tuple[int, int]] = set()
    problems: list[InputProblem] = []

    def on_error(error: OSError) -> None:
        shown = _shown(shown_root, root, Path(error.filename or root))
        problems.append(InputProblem(display_path=shown, problem=FileProblem.UNREADABLE))

    for directory, subdirectories, files in os.walk(root, followlinks=True, onerror=on_error):
        here = Path(directory)
        if not _first_visit(here, visited):
            subdirectories.clear()
            yield InputProblem(display_path=_shown(shown_root, root, here), problem=FileProblem.IS_DIRECTORY_LOOP)
            continue
        subdirectories.sort()
        yield from problems
        problems.clear()
        for name in sorted(files):
            if is_export(name):
                yield InputFile(display_path=_shown(shown_root, root, here / name), path=here / name)
    yield from problems


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
