"""Writing the report: to stdout, or to a file that is created only once the report is complete (``output_file``)."""

from __future__ import annotations

from collections.abc import Sequence

from scanner.cli.output_file import STDOUT, write_report_file

__all__ = ["STDOUT", "write_report"]


def write_report(text: str, destination: str | None, *, inputs: Sequence[str] = (), force: bool = False) -> None:
    """``text`` to stdout (None or ``-``) or atomically to ``destination`` (mode 0600, renamed over it on success)."""
    write_report_file(text, destination, inputs=inputs, force=force)
