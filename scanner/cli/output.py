"""Writing the report: to stdout, or to a file that is created only once the report is complete."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scanner.cli.errors import CliError

STDOUT = "-"


def write_report(text: str, destination: str | None) -> None:
    """``text`` to stdout (None or ``-``) or to ``destination``; nothing is created when the scan failed before."""
    if destination is None or destination == STDOUT:
        _to_stdout(text)
        return
    try:
        Path(destination).write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CliError("cli.cannot_write_output", {"path": destination, "reason": reason}) from None


def _to_stdout(text: str) -> None:
    """A reader that stops early (``contactleak scan x | head``) is no error of the scan."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the broken pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
