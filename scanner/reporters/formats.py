"""The output formats and the reporter behind each; a test walks every member to prove the mapping complete."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from scanner.core.scan import ScanResult
from scanner.reporters import json_report, table_report
from scanner.reporters.view import ReportView


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


Reporter = Callable[[ScanResult, ReportView], str]

_REPORTERS: dict[OutputFormat, Reporter] = {
    OutputFormat.TABLE: table_report.render,
    OutputFormat.JSON: json_report.render,
}


def reporter_for(output_format: OutputFormat) -> Reporter:
    """The function that renders ``output_format``: ``render(result, view) -> str``."""
    return _REPORTERS[output_format]


__all__ = ["OutputFormat", "ReportView", "Reporter", "reporter_for"]
