"""Every output format has a reporter, and each reporter turns a scan result into text."""

from __future__ import annotations

import pytest

from scanner.core.scan import ScanResult
from scanner.i18n import Language
from scanner.reporters import csv_report, html, json_report, markdown_report, table_report
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_every_format_has_a_reporter_that_renders_text(output_format: OutputFormat, full_result: ScanResult) -> None:
    text = reporter_for(output_format)(full_result, ReportView(Language.EN))
    assert isinstance(text, str)
    assert text.strip()


def test_formats_map_to_their_modules() -> None:
    assert reporter_for(OutputFormat.TABLE) is table_report.render
    assert reporter_for(OutputFormat.JSON) is json_report.render
    assert reporter_for(OutputFormat.HTML) is html.render
    assert reporter_for(OutputFormat.CSV) is csv_report.render
    assert reporter_for(OutputFormat.MARKDOWN) is markdown_report.render


def test_format_names_are_what_the_cli_accepts() -> None:
    assert {member.value for member in OutputFormat} == {"table", "json", "html", "csv", "markdown"}
