"""``compare``: two scans (JSON reports or exports) side by side: what the fix changed."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scanner.cli.console import terminal_width
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.options import ScanSettings
from scanner.cli.output import write_report
from scanner.cli.output_file import check_output_target, is_stdout
from scanner.cli.scan_command import _encoding, _max_input_bytes, _region, _scan_options, report_view
from scanner.core.reading_run import ReadingRun
from scanner.core.remediation.compare import (
    BeforeAfter,
    Comparison,
    Figures,
    Measure,
    MessengerFigures,
    ReportError,
    compare,
)
from scanner.core.risk import RiskLevel
from scanner.core.scan import ScanResult, run_scan
from scanner.i18n import Language, translate
from scanner.reporters.formats import OutputFormat, reporter_for
from scanner.reporters.inert_text import inert

# The formats compare writes: the terminal table, or the AFTER scan's HTML or JSON report with the comparison.
_FORMATS = frozenset({OutputFormat.TABLE, OutputFormat.HTML, OutputFormat.JSON})


def run_compare_command(before: str, after: str, settings: ScanSettings) -> ExitCode:
    """``compare BEFORE AFTER``: the table on stdout, or (``-f html``/``json``) the AFTER scan's whole report with
    the before/after section; that needs AFTER as exports, since a JSON report holds no contacts to show."""
    if settings.output_format not in _FORMATS:
        raise CliError("compare.format", {"format": settings.output_format.value})
    table = settings.output_format is OutputFormat.TABLE
    if not table and is_json_report(after):
        raise CliError("compare.report_needs_exports", {"path": inert(after)})
    if not is_stdout(settings.output):
        check_output_target(str(settings.output), inputs=[before, after], force=settings.force)
    was = figures_of(before, settings)
    if table:
        now = figures_of(after, settings)
        comparison = checked_comparison(was, now)
        lines = _table_text(render(comparison, settings.language, before, after))
        write_report(lines, settings.output, inputs=[before, after], force=settings.force)
        return ExitCode.COMPLETED
    result = _scan(after, settings, every_contact=settings.output_format is OutputFormat.JSON)
    comparison = checked_comparison(was, Figures.of_result(result))
    view = dataclasses.replace(report_view(settings), before_after=BeforeAfter(comparison, before, after))
    report = reporter_for(settings.output_format)(result, view)
    write_report(report, settings.output, inputs=[before, after], force=settings.force)
    return ExitCode.COMPLETED


def checked_comparison(before: Figures, after: Figures) -> Comparison:
    """The two sides compared; refused when they are about different messengers."""
    if before.messenger != after.messenger:
        raise CliError("compare.other_messenger", {"before": inert(before.messenger), "after": inert(after.messenger)})
    return compare(before, after)


def is_json_report(argument: str) -> bool:
    path = Path(argument)
    return path.is_file() and path.suffix.lower() == ".json"


def figures_of(argument: str, settings: ScanSettings) -> Figures:
    """A side of the comparison: a JSON report's figures, or the figures of scanning the exports now."""
    if is_json_report(argument):
        try:
            document = json.loads(Path(argument).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise CliError("compare.not_a_report", {"path": inert(argument), "key": "-"}) from None
        try:
            return Figures.of_report(document)
        except ReportError as error:
            raise CliError("compare.not_a_report", {"path": inert(argument), "key": error.key}) from None
    return Figures.of_result(_scan(argument, settings))


def _scan(argument: str, settings: ScanSettings, *, every_contact: bool = False) -> ScanResult:
    run = ReadingRun(
        arguments=[argument], region=_region(settings.region), max_input_bytes=_max_input_bytes(settings.max_input_size)
    )
    run.encoding = _encoding(settings.encoding)
    result = run_scan(run, _scan_options(settings, every_contact=every_contact))
    if not result.readable_input:
        raise CliError("compare.no_input", {"path": inert(argument)})
    return result


def _table_text(table: Table) -> str:
    console = Console(file=io.StringIO(), highlight=False, width=max(terminal_width(), 120), no_color=True)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


def render(comparison: Comparison, language: Language, before: str, after: str) -> Table:
    """The comparison as a table: each figure before, after and the change; then the level and each messenger."""
    table = Table(title=translate("compare.title", language), show_lines=False)
    table.add_column("")
    table.add_column(Text(translate("compare.before", language, path=inert(before))), justify="right")
    table.add_column(Text(translate("compare.after", language, path=inert(after))), justify="right")
    table.add_column(translate("compare.change", language), justify="right")
    for change in comparison.changes():
        digits = 1 if change.measure is Measure.NON_USERS else 0
        table.add_row(
            translate(f"compare.measure.{change.measure.value}", language),
            f"{change.before:.{digits}f}",
            f"{change.after:.{digits}f}",
            f"{change.difference:+.{digits}f}",
        )
    table.add_row(
        translate("compare.level", language),
        _level(comparison.before.level, language),
        _level(comparison.after.level, language),
        "",
    )
    for name, was, now in comparison.messengers():
        table.add_row(
            Text(translate("compare.messenger", language, messenger=inert(name))),
            _messenger_cell(was, language),
            _messenger_cell(now, language),
            f"{(now.uploaded if now else 0) - (was.uploaded if was else 0):+d}",
        )
    return table


def _level(level: RiskLevel, language: Language) -> str:
    return translate(f"risk.level.{level.value}", language)


def _messenger_cell(figures: MessengerFigures | None, language: Language) -> str:
    if figures is None:
        return "-"
    return f"{figures.uploaded} ({_level(figures.level, language)})"
