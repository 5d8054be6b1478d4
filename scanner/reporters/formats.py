"""The output formats and the reporter behind each; a test walks every member to prove the mapping complete."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from scanner.reporters.view import ReportView

if TYPE_CHECKING:
    from scanner.core.scan import ScanResult


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    HTML = "html"
    CSV = "csv"
    MARKDOWN = "markdown"


Reporter = Callable[["ScanResult", ReportView], str]

# Each reporter is imported only when a report is rendered: ``contactleak --help`` must not load every reporter
# and, through them, the whole core (start-up time).
def _table() -> Reporter:
    from scanner.reporters import table_report  # noqa: PLC0415

    return table_report.render


def _json() -> Reporter:
    from scanner.reporters import json_report  # noqa: PLC0415

    return json_report.render


def _html() -> Reporter:
    from scanner.reporters.html import render  # noqa: PLC0415

    return render


def _csv() -> Reporter:
    from scanner.reporters import csv_report  # noqa: PLC0415

    return csv_report.render


def _markdown() -> Reporter:
    from scanner.reporters import markdown_report  # noqa: PLC0415

    return markdown_report.render


_REPORTERS: dict[OutputFormat, Callable[[], Reporter]] = {
    OutputFormat.TABLE: _table,
    OutputFormat.JSON: _json,
    OutputFormat.HTML: _html,
    OutputFormat.CSV: _csv,
    OutputFormat.MARKDOWN: _markdown,
}


def reporter_for(output_format: OutputFormat) -> Reporter:
    """The function that renders ``output_format``: ``render(result, view) -> str``."""
    return _REPORTERS[output_format]()


__all__ = ["OutputFormat", "ReportView", "Reporter", "reporter_for"]
