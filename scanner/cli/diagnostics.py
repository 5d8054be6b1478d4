"""What went wrong or was repaired while reading, on stderr: located by file and line, never the cards' content."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from scanner.cli.console import error_console
from scanner.cli.options import ScanSettings
from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate, translate_plural
from scanner.reporters.inert_text import inert
from scanner.reporters.reading_texts import warning_text


def print_diagnostics(result: ScanResult, settings: ScanSettings) -> None:
    """Rejected cards and unreadable inputs always; repairs listed with ``--verbose``, else counted unless quiet."""
    console = error_console()
    language = settings.language
    for rejection in result.rejections:
        ref = rejection.source
        reason = translate(f"reject.{rejection.reason.value}", language)
        where = {"path": inert(ref.path), "line": ref.line, "index": ref.index}
        _say(console, "cli.rejected_card", language, reason=reason, **where)
    for report in result.files:
        if report.problem is not None:
            problem = translate(f"file.{report.problem.value}", language)
            _say(console, "cli.file_problem", language, path=inert(report.path), problem=problem)
    _print_repairs(console, result, settings)


def _print_repairs(console: Console, result: ScanResult, settings: ScanSettings) -> None:
    if settings.verbose:
        for repair in result.repairs:
            text = warning_text(repair.warning, settings.language)
            _say(console, "cli.card_warning", settings.language, path=inert(repair.path), line=repair.warning.line,
                 warning=text)  # fmt: skip
        unlisted = result.repair_count - len(result.repairs)
        if unlisted:
            _say_plural(console, "cli.repairs_not_listed", settings.language, unlisted)
    elif not settings.quiet:
        for path, count in result.repair_counts:
            _say_plural(console, "cli.warnings_hidden", settings.language, count, path=inert(path))


def _say(console: Console, key: str, language: Language, **params: object) -> None:
    console.print(Text(translate(key, language, **params)), soft_wrap=True)


def _say_plural(console: Console, key: str, language: Language, count: int, **params: object) -> None:
    console.print(Text(translate_plural(key, language, count, **params)), soft_wrap=True)
