"""The report file: written to a private temporary file beside the target and renamed over it only on success.

A report can hold every contact unmasked (``--show-pii``), so the file is created with mode 0600, and it must never
replace the previous good report with a half-written one: a full disk, Ctrl-C, SIGTERM or a crash of the scan
leaves the target as it was and removes the temporary file. Two scans writing the same target each rename a
complete file, so the target is always one whole report. ``-o`` is refused when it names one of the inputs
(a file given, or an export below a directory given), a FIFO, a device, a socket or a directory, and a symlink at
the final component is never followed unless ``--force`` (then the file it points to is replaced, atomically too).

Hand-written over a library such as ``atomicwrites`` (unmaintained, archived) because the target checks belong to
contactleak's promises and the whole mechanism is a dozen system calls on top of ``tempfile.mkstemp``.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, BinaryIO, TextIO

from scanner.cli.errors import CliError
from scanner.core.inputs import STDIN, is_export

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

STDOUT = "-"
TEMPORARY_SUFFIX = ".partial"


@dataclass(frozen=True)
class OutputTarget:
    """A checked ``-o`` destination: ``path`` is the file to replace, ``shown`` the argument as the user typed it."""

    path: Path
    shown: str


class _ReportWriteFailed(OSError):
    """A write to the temporary report file failed (full disk, quota, I/O error), told apart from other OSErrors."""


class _GuardedFileIO(io.FileIO):
    """The raw file below the buffers: its write errors are marked as the report's, wherever they surface."""

    def write(self, data: ReadableBuffer, /) -> int:
        try:
            return super().write(data)
        except OSError as error:
            raise _ReportWriteFailed(error.errno, error.strerror) from error


def is_stdout(destination: str | None) -> bool:
    return destination is None or destination == STDOUT


def check_output_target(destination: str, *, inputs: Sequence[str] = (), force: bool = False) -> OutputTarget:
    """The target ``-o`` names, refused (``CliError``, exit 2) when writing it would be unsafe or modify an input.

    Call it before the scan, so a long scan does not end in a refusal; ``atomic_text`` and ``atomic_binary`` check
    again right before they create the temporary file.
    """
    path = Path(destination)
    status = _lstat(path, destination)
    if status is not None and stat.S_ISLNK(status.st_mode):
        if not force:
            raise CliError("output.is_symlink", {"path": destination})
        path = Path(os.path.realpath(path))
        status = _lstat(path, destination)
    if status is not None:
        _refuse_special(status, destination)
    if _is_an_input(path, status, inputs):
        raise CliError("output.is_input", {"path": destination})
    _require_folder(path.parent, destination)
    return OutputTarget(path=path, shown=destination)


def _require_folder(folder: Path, shown: str) -> None:
    """The temporary file is created in the target's folder, so it must exist (checked before a long scan)."""
    if not folder.is_dir():
        error = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        raise CliError("cli.cannot_write_output", {"path": shown, "reason": _reason(error)})


def _lstat(path: Path, shown: str) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CliError("cli.cannot_write_output", {"path": shown, "reason": _reason(error)}) from None


def _refuse_special(status: os.stat_result, shown: str) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise CliError("output.is_directory", {"path": shown})
    if not stat.S_ISREG(mode) and not stat.S_ISLNK(mode):
        raise CliError("output.not_regular", {"path": shown})


def _is_an_input(target: Path, status: os.stat_result | None, inputs: Sequence[str]) -> bool:
    """Whether ``target`` is a file given as input, or an export file somewhere below a directory given."""
    resolved = Path(os.path.realpath(target))
    for argument in inputs:
        if argument == STDIN:
            continue
        given = Path(argument)
        if status is not None and _same_file(given, status):
            return True
        if is_export(resolved.name) and given.is_dir() and resolved.is_relative_to(os.path.realpath(given)):
            return True
    return False


def _same_file(path: Path, status: os.stat_result) -> bool:
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino)


@contextlib.contextmanager
def atomic_binary(target: OutputTarget, *, inputs: Sequence[str] = (), force: bool = False) -> Iterator[BinaryIO]:
    """A binary file that becomes ``target`` when the block ends normally, and vanishes when it raises."""
    target = check_output_target(target.shown, inputs=inputs, force=force)
    descriptor, temporary = _create_temporary(target)
    raw = _GuardedFileIO(descriptor, "w", closefd=True)
    stream = io.BufferedWriter(raw)
    with _cleanup_on_failure(temporary, stream, target), _terminate_as_exception():
        yield stream
        _commit(stream, raw, temporary, target)


@contextlib.contextmanager
def atomic_text(
    target: OutputTarget, *, encoding: str = "utf-8", inputs: Sequence[str] = (), force: bool = False
) -> Iterator[TextIO]:
    """A text file (``encoding``, ``\\n`` line ends) that becomes ``target`` only when the block ends normally."""
    target = check_output_target(target.shown, inputs=inputs, force=force)
    descriptor, temporary = _create_temporary(target)
    raw = _GuardedFileIO(descriptor, "w", closefd=True)
    stream = io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, newline="\n")
    with _cleanup_on_failure(temporary, stream, target), _terminate_as_exception():
        yield stream
        _commit(stream, raw, temporary, target)


@contextlib.contextmanager
def open_report_text(
    destination: str | None, *, inputs: Sequence[str] = (), force: bool = False
) -> Iterator[TextIO]:
    """Where a report goes: stdout for None or ``-``, else an atomic 0600 file checked against ``inputs``."""
    if destination is None or is_stdout(destination):
        with _stdout_report() as stream:
            yield stream
        return
    target = check_output_target(destination, inputs=inputs, force=force)
    with atomic_text(target, inputs=inputs, force=force) as stream:
        yield stream


def write_report_file(text: str, destination: str | None, *, inputs: Sequence[str] = (), force: bool = False) -> None:
    """``text`` to stdout or atomically to ``destination``; nothing is created or replaced when writing fails."""
    with open_report_text(destination, inputs=inputs, force=force) as stream:
        stream.write(text)


def _create_temporary(target: OutputTarget) -> tuple[int, Path]:
    directory = target.path.parent
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=TEMPORARY_SUFFIX, dir=directory)
    except OSError as error:
        raise CliError("cli.cannot_write_output", {"path": target.shown, "reason": _reason(error)}) from None
    # mkstemp creates the file 0600 whatever the umask; said again so the promise does not rest on a default.
    os.fchmod(descriptor, 0o600)
    return descriptor, Path(name)


@contextlib.contextmanager
def _cleanup_on_failure(temporary: Path, stream: io.IOBase, target: OutputTarget) -> Iterator[None]:
    try:
        yield
    except BaseException as error:  # KeyboardInterrupt and SystemExit too: no half report stays behind
        with contextlib.suppress(OSError):
            stream.close()
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        if isinstance(error, _ReportWriteFailed):
            raise CliError("cli.cannot_write_output", {"path": target.shown, "reason": _reason(error)}) from None
        raise


def _commit(stream: io.IOBase, raw: io.FileIO, temporary: Path, target: OutputTarget) -> None:
    """Flush, fsync and rename: the target is the old report or the whole new one, even after a power loss."""
    try:
        stream.flush()
        os.fsync(raw.fileno())
        stream.close()
        temporary.replace(target.path)  # rename(2) replaces a symlink put there meanwhile, never follows it
    except OSError as error:
        raise _ReportWriteFailed(error.errno, error.strerror) from error
    _sync_directory(target.path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every file system lets a directory be opened or synced."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """While the report is written, SIGTERM unwinds like Ctrl-C (so the temporary file is removed), exit 143."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _stdout_report() -> Iterator[TextIO]:
    """stdout; a reader that stops early (``contactleak scan x | head``) is no error of the scan."""
    try:
        yield sys.stdout
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the broken pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__
