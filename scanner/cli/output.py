"""Writing the report: to stdout, or to a file that is created only once the report is complete."""

from __future__ import annotations

import sys
from pathlib import Path

from scanner.cli.errors import CliError

STDOUT = "-"


def write_report(text: str, destination: str | None) -> None:
    """``text`` to stdout (None or ``-``) or to ``destination``; nothing is created when the scan failed before."""
    if destination is None or destination == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(destination).write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CliError("cli.cannot_write_output", {"path": destination, "reason": reason}) from None
