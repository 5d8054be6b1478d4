"""The consoles: reports go to stdout (or a file); progress, warnings and errors to stderr."""

from __future__ import annotations

import os
import shutil
import sys

from rich.console import Console

DEFAULT_WIDTH = 100
MIN_WIDTH = 60


def _color_allowed(stream_is_tty: bool) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream_is_tty


def error_console() -> Console:
    """stderr: diagnostics and progress; never markup from user data (callers pass rich Text)."""
    return Console(stderr=True, highlight=False, no_color=not _color_allowed(sys.stderr.isatty()))


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def stdout_color() -> bool:
    return _color_allowed(sys.stdout.isatty())


def terminal_width() -> int:
    """The terminal's width when stdout is one, else a fixed width so files and pipes get the same report."""
    if not sys.stdout.isatty():
        return DEFAULT_WIDTH
    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
