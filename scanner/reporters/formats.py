"""The output formats and the reporter behind each; a test walks every member to prove the mapping complete."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from scanner.core.scan import ScanResult
from scanner.reporters import csv_report, json_report, markdown_report, table_report
from scanner.reporters.html import render as render_html
from scanner.reporters.view import ReportView


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    HTML = "html"
    CSV = "csv"
    MARKDOWN = "markdown"


Reporter = Callable[[ScanResult, ReportView], str]

_REPORTERS: dict[OutputFormat, Reporter] = {
    OutputFormat.TABLE: table_report.render,
    OutputFormat.JSON: json_report.render,
    OutputFormat.HTML: render_html,
    OutputFormat.CSV: csv_report.render,
    OutputFormat.MARKDOWN: markdown_report.render,
}


def reporter_for(output_format: OutputFormat) -> Reporter:
    """The function that renders ``output_format``: ``render(result, view) -> str``."""
    return _REPORTERS[output_format]


__all__ = ["OutputFormat", "ReportView", "Reporter", "reporter_for"]
