"""The CSV report (a masked row per contact, for spreadsheets) and the Markdown summary (for tickets and wikis)."""

from __future__ import annotations

import csv
import io

import pytest
from reporter_builders import PEOPLE

from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.csv_report import COLUMNS, safe_cell, valid_delimiter
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for


def _rows(text: str, delimiter: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter))


def test_csv_starts_with_a_bom_and_has_a_row_per_contact(full_result: ScanResult) -> None:
    text = reporter_for(OutputFormat.CSV)(full_result, ReportView(Language.DE))
    assert text.startswith("\ufeff")
    assert "\r\n" in text
    rows = _rows(text)
    assert rows[0] == [translate(f"csv.column.{column}", Language.DE) for column in COLUMNS]
    assert len(rows) == 1 + len(PEOPLE)
    assert [row[0] for row in rows[1:]] == [finding.pseudonym for finding in full_result.findings]


def test_csv_cells_are_masked_and_in_the_report_language(full_result: ScanResult) -> None:
    erika = dict(zip(COLUMNS, _rows(reporter_for(OutputFormat.CSV)(full_result, ReportView(Language.DE)))[1],
                     strict=True))  # fmt: skip
    assert erika["name"] == "E. M."
    assert erika["phones"] == "'+49 ••• •• 67"  # a leading + would make a spreadsheet formula
    assert erika["emails"] == "•••@gmx.de"
    assert erika["category"] == "privat"
    assert erika["uploaded"] == "ja"
    assert erika["confidence"] == "0,80"
    assert erika["phone_countries"] == "DE"


@pytest.mark.parametrize("delimiter", [",", "\t", "|"])
def test_csv_delimiter_can_be_chosen(full_result: ScanResult, delimiter: str) -> None:
    text = reporter_for(OutputFormat.CSV)(full_result, ReportView(Language.EN, csv_delimiter=delimiter))
    rows = _rows(text, delimiter)
    assert len(rows) == 1 + len(PEOPLE) and all(len(row) == len(COLUMNS) for row in rows)
    assert rows[1][COLUMNS.index("confidence")] == "0.80"


def test_delimiters_that_would_break_the_file_are_refused() -> None:
    assert all(valid_delimiter(ok) for ok in (";", ",", "\t", "|"))
    assert not any(valid_delimiter(bad) for bad in ("", ";;", '"', "'", "\n", "a", "1", " "))


def test_formula_cells_become_text() -> None:
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell(" @SUM(A1)") == "' @SUM(A1)"
    assert safe_cell("-2") == "'-2"
    assert safe_cell("Erika") == "Erika"
    assert safe_cell("\x1b[31m=x") == "<U+001B>[31m=x"


def test_markdown_summary_has_figures_advice_and_riskiest(full_result: ScanResult) -> None:
    text = reporter_for(OutputFormat.MARKDOWN)(full_result, ReportView(Language.EN, client="Kolbenring"))
    assert text.startswith("# WhatsApp contact upload: scan report\n")
    assert "- Client: Kolbenring" in text
    assert f"| People uploaded | {full_result.summary.third_parties_exposed} |" in text
    assert "## What to do" in text and "1. " in text
    assert "| No. | Contact | Risk | Category | Reasons |" in text
    assert "E\\. M\\." in text  # masked, and Markdown punctuation escaped
    assert translate("report.note.masked", Language.EN) in text
    assert text.rstrip().endswith(translate("report.note.not_legal_advice", Language.EN))


def test_markdown_tables_keep_their_columns(full_result: ScanResult) -> None:
    text = reporter_for(OutputFormat.MARKDOWN)(full_result, ReportView(Language.DE, show_pii=True))
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if line.startswith("|")]
        if lines:
            widths = {line.replace("\\|", "").count("|") for line in lines}
            assert len(widths) == 1, block
