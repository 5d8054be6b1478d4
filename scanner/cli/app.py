"""The ``contactleak`` command: options and exit codes only; the work happens in ``scanner.core``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from scanner import __version__
from scanner.cli.console import error_console
from scanner.cli.exit_codes import ExitCode
from scanner.core.reading_run import ReadingRun
from scanner.i18n import Language, default_language, translate

app = typer.Typer(
    name="contactleak",
    help="Shows whose personal data a messenger's contact upload sends where (vCard exports). "
    "Zeigt, wessen Daten der Kontakt-Upload eines Messengers wohin überträgt.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals would hold contact data
    add_completion=False,
)

PathsArg = Annotated[list[str], typer.Argument(help="vCard files, directories (searched recursively) or - for stdin.")]
LangOpt = Annotated[Language | None, typer.Option("--lang", help="Language of the report: de or en (default: locale).")]
RegionOpt = Annotated[str, typer.Option("--region", help="Country for numbers written without +prefix (ISO code).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="List every repair made in cards that were read.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"contactleak {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """contactleak: what a messenger's contact upload exposes."""


@app.command()
def scan(
    paths: PathsArg,
    lang: LangOpt = None,
    region: RegionOpt = "DE",
    verbose: VerboseOpt = False,
) -> None:
    """Scan vCard exports and report, per file, the cards found, read and rejected."""
    language = lang or default_language()
    run = ReadingRun(arguments=paths, region=region.upper())
    warnings = 0
    console = error_console()
    for contact in run.contacts():
        warnings += len(contact.warnings)
        if verbose:
            for warning in contact.warnings:
                text = translate(f"warning.{warning.code.value}", language)
                where = {"path": contact.source.path, "line": warning.line}
                line = translate("cli.card_warning", language, warning=text, **where)
                console.print(Text(line), soft_wrap=True)
    _print_files(run, language)
    if warnings and not verbose:
        console.print(Text(translate("cli.warnings_hidden", language, count=warnings)), soft_wrap=True)
    if not run.readable_input:
        console.print(Text(translate("cli.no_readable_input", language)), soft_wrap=True)
        raise typer.Exit(ExitCode.USAGE_OR_NO_INPUT)


def _print_files(run: ReadingRun, language: Language) -> None:
    console = error_console()
    for rejection in run.rejections:
        reason = translate(f"reject.{rejection.reason.value}", language)
        ref = rejection.source
        line = translate("cli.rejected_card", language, path=ref.path, line=ref.line, index=ref.index, reason=reason)
        console.print(Text(line), soft_wrap=True)
    for report in run.files:
        if report.problem is not None and report.cards_found == 0:
            problem = translate(f"file.{report.problem.value}", language)
            line = translate("cli.file_problem", language, path=report.path, problem=problem)
            console.print(Text(line), soft_wrap=True)
            continue
        summary = translate(
            "cli.file_summary",
            language,
            path=report.path,
            found=report.cards_found,
            contacts=report.contacts,
            rejected=report.rejected,
        )
        typer.echo(summary)


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["Path", "app", "main"]
