"""``compare``: two scans (JSON reports or exports) side by side: what the fix changed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scanner.cli.console import terminal_width
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.options import ScanSettings
from scanner.cli.scan_command import _max_input_bytes, _region, _scan_options
from scanner.core.reading_run import ReadingRun
from scanner.core.remediation.compare import Comparison, Figures, Measure, MessengerFigures, ReportError, compare
from scanner.core.risk import RiskLevel
from scanner.core.scan import run_scan
from scanner.i18n import Language, translate
from scanner.reporters.inert_text import inert


def run_compare_command(before: str, after: str, settings: ScanSettings) -> ExitCode:
    comparison = compare(_figures(before, settings), _figures(after, settings))
    if comparison.before.messenger != comparison.after.messenger:
        raise CliError(
            "compare.other_messenger",
            {"before": inert(comparison.before.messenger), "after": inert(comparison.after.messenger)},
        )
    console = Console(file=sys.stdout, highlight=False, width=max(terminal_width(), 120), no_color=True)
    console.print(render(comparison, settings.language, before, after))
    return ExitCode.COMPLETED


def _figures(argument: str, settings: ScanSettings) -> Figures:
    path = Path(argument)
    if path.is_file() and path.suffix.lower() == ".json":
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise CliError("compare.not_a_report", {"path": inert(argument), "key": "-"}) from None
        try:
            return Figures.of_report(document)
        except ReportError as error:
            raise CliError("compare.not_a_report", {"path": inert(argument), "key": error.key}) from None
    run = ReadingRun(
        arguments=[argument], region=_region(settings.region), max_input_bytes=_max_input_bytes(settings.max_input_size)
    )
    result = run_scan(run, _scan_options(settings))
    if not result.readable_input:
        raise CliError("compare.no_input", {"path": inert(argument)})
    return Figures.of_result(result)


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
