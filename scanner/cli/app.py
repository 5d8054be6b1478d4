"""The ``contactleak`` command: options, exit codes and error messages; the work happens in ``scanner.core``."""

from __future__ import annotations

import datetime
import io
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text
from rich.traceback import Traceback

from scanner import __version__
from scanner.cli.classification_options import (
    REVIEW_LIMIT,
    DecisionsOpt,
    LimitOpt,
    ReviewDecisionsOpt,
    ReviewFormat,
    ReviewFormatOpt,
    TradeOpt,
    resolve_trade,
)
from scanner.cli.console import error_console, terminal_width
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.options import (
    AsOfOpt,
    ClientOpt,
    CompanyDomainOpt,
    CompareWithOpt,
    ConfigOpt,
    ConsultantOpt,
    CsvDelimiterOpt,
    DebugOpt,
    EncodingOpt,
    FailOnOpt,
    ForceOpt,
    FormatOpt,
    IdKeyFileOpt,
    IdKeyOpt,
    LangOpt,
    MaxInputSizeOpt,
    MessengerOpt,
    OutputOpt,
    ProfileOpt,
    QuietOpt,
    RegionOpt,
    ScanSettings,
    ShowPiiOpt,
    VerboseOpt,
)
from scanner.i18n import Language, default_language, translate
from scanner.reporters.formats import OutputFormat
from scanner.reporters.inert_text import inert_message

app = typer.Typer(
    name="contactleak",
    help="Shows whose personal data a messenger's contact upload sends where, from exported vCard address books. "
    "Zeigt, wessen personenbezogene Daten der Kontakt-Upload eines Messengers wohin überträgt.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals would hold contact data
    add_completion=False,
)

PathsArg = Annotated[
    list[str], typer.Argument(help="vCard files, directories (searched recursively) or - for stdin. / Dateien, Ordner.")
]
DEMO_FILE = "werkstatt.vcf"


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
    """contactleak: what a messenger's contact upload exposes. / Was der Kontakt-Upload eines Messengers preisgibt."""


@app.command()
def scan(
    paths: PathsArg,
    *,
    messenger: MessengerOpt = None,
    profile: ProfileOpt = None,
    output_format: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    max_input_size: MaxInputSizeOpt = None,
    lang: LangOpt = None,
    region: RegionOpt = "DE",
    encoding: EncodingOpt = None,
    fail_on: FailOnOpt = None,
    show_pii: ShowPiiOpt = False,
    company_domain: CompanyDomainOpt = None,
    config: ConfigOpt = None,
    id_key: IdKeyOpt = None,
    id_key_file: IdKeyFileOpt = None,
    as_of: AsOfOpt = None,
    client: ClientOpt = None,
    consultant: ConsultantOpt = None,
    csv_delimiter: CsvDelimiterOpt = ";",
    verbose: VerboseOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
    trade: TradeOpt = None,
    decisions: DecisionsOpt = None,
    compare_with: CompareWithOpt = None,
) -> None:
    """Scan vCard exports and report what the messenger's contact upload exposes. / Exporte prüfen."""
    settings = ScanSettings(
        language=lang or default_language(),
        as_of=_day(as_of),
        messenger=messenger,
        profile=profile,
        output_format=output_format,
        output=output,
        force=force,
        max_input_size=max_input_size,
        region=region,
        encoding=encoding,
        fail_on=fail_on,
        show_pii=show_pii,
        company_domains=tuple(company_domain or ()),
        config=config,
        id_key=id_key,
        id_key_file=id_key_file,
        verbose=verbose,
        quiet=quiet,
        debug=debug,
        trade=trade,
        decisions=decisions,
        client=client,
        consultant=consultant,
        csv_delimiter=csv_delimiter,
        compare_with=compare_with,
    )
    _finish(lambda: _scan_command()(paths, settings), settings.language, debug=debug)


@app.command()
def review(
    paths: PathsArg,
    *,
    decisions: ReviewDecisionsOpt,
    id_key: IdKeyOpt = None,
    trade: TradeOpt = None,
    output_format: ReviewFormatOpt = ReviewFormat.PROMPT,
    output: OutputOpt = None,
    limit: LimitOpt = REVIEW_LIMIT,
    show_pii: ShowPiiOpt = False,
    config: ConfigOpt = None,
    region: RegionOpt = "DE",
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Decide the undecided contacts by hand (b/p/s); saved by pseudonym only. / Unklare Kontakte selbst einstufen."""
    language = lang or default_language()
    scan_settings = ScanSettings(language=language, config=config, id_key=id_key, as_of=_day(as_of))
    def command() -> ExitCode:
        return _review(paths, scan_settings, decisions=decisions, trade=trade, output_format=output_format,
                       output=output, limit=limit, show_pii=show_pii, region=region)  # fmt: skip

    _finish(command, language, debug=debug)


def _review(
    paths: list[str], scan_settings: ScanSettings, *, decisions: Path, trade: str | None, output_format: ReviewFormat,
    output: str | None, limit: int, show_pii: bool, region: str,
) -> ExitCode:  # fmt: skip
    from scanner.cli.review_command import ReviewSettings, run_review_command  # noqa: PLC0415 (lazy, see _scan_command)
    from scanner.cli.scan_command import user_config  # noqa: PLC0415 (lazy, see _scan_command)
    from scanner.core.classification import load_rules  # noqa: PLC0415 (lazy, see _scan_command)

    if not scan_settings.id_key:
        raise CliError("cli.decisions_need_id_key")
    config = user_config(scan_settings)
    settings = ReviewSettings(
        language=scan_settings.language, id_key=scan_settings.id_key, decisions=decisions,
        rules=load_rules(config=config.classification if config else None),
        today=scan_settings.as_of or datetime.date.today(),
        trade=resolve_trade(trade, config.owner.trade if config else None), region=region.strip().upper(),
        limit=limit, csv=output_format is ReviewFormat.CSV, output=output, show_pii=show_pii,
    )  # fmt: skip
    return run_review_command(paths, settings)


@app.command()
def demo(
    *,
    messenger: MessengerOpt = None,
    output_format: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    fail_on: FailOnOpt = None,
    show_pii: ShowPiiOpt = False,
    as_of: AsOfOpt = None,
    client: ClientOpt = None,
    consultant: ConsultantOpt = None,
    csv_delimiter: CsvDelimiterOpt = ";",
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """The summary over a bundled fictional sample: a small workshop's company phone. / Beispiel: Werkstatt-Handy."""
    settings = ScanSettings(
        language=lang or default_language(), as_of=_day(as_of), messenger=messenger, output_format=output_format,
        output=output, force=force, fail_on=fail_on, show_pii=show_pii, quiet=quiet, debug=debug, client=client,
        consultant=consultant, csv_delimiter=csv_delimiter,
    )  # fmt: skip
    sample = resources.files("scanner.data") / "demo" / DEMO_FILE
    with resources.as_file(sample) as path:
        _finish(lambda: _scan_command()([str(path)], settings, shown_as={str(path): DEMO_FILE}), settings.language,
                debug=debug)  # fmt: skip


DocsOutputOpt = Annotated[
    str, typer.Option("--output", "-o", help="Folder for the drafts (created if missing). / Ordner für die Entwürfe.")
]


@app.command()
def docs(
    paths: PathsArg,
    *,
    output: DocsOutputOpt,
    messenger: MessengerOpt = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
    region: RegionOpt = "DE",
    show_pii: ShowPiiOpt = False,
    company_domain: CompanyDomainOpt = None,
    config: ConfigOpt = None,
    as_of: AsOfOpt = None,
    client: ClientOpt = None,
    consultant: ConsultantOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Documentation drafts from the scan: record of processing, DPIA, consent, notices. / Dokumentationsentwürfe."""
    settings = ScanSettings(
        language=lang or default_language(), as_of=_day(as_of), messenger=messenger, profile=profile, region=region,
        show_pii=show_pii, company_domains=tuple(company_domain or ()), config=config, client=client,
        consultant=consultant, force=force, quiet=quiet, debug=debug,
    )  # fmt: skip
    from scanner.cli.docs_command import run_docs_command  # noqa: PLC0415 (lazy, see _scan_command)

    _finish(lambda: run_docs_command(paths, settings, output), settings.language, debug=debug)


@app.command()
def split(
    paths: PathsArg,
    *,
    output: Annotated[
        str, typer.Option("--output", "-o", help="Folder for the address books. / Ordner für die Adressbücher.")
    ],
    separate_sensitive: Annotated[
        bool,
        typer.Option(
            "--separate-sensitive",
            help="Minors and Art. 9 contacts to removed-art9-minors.vcf. / Minderjährige und Art. 9 getrennt.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace existing files in the folder. / Vorhandene Dateien ersetzen.")
    ] = False,
    messenger: MessengerOpt = None,
    lang: LangOpt = None,
    region: RegionOpt = "DE",
    encoding: EncodingOpt = None,
    company_domain: CompanyDomainOpt = None,
    config: ConfigOpt = None,
    id_key: IdKeyOpt = None,
    id_key_file: IdKeyFileOpt = None,
    as_of: AsOfOpt = None,
    trade: TradeOpt = None,
    decisions: DecisionsOpt = None,
    verbose: VerboseOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Split exports into business, private and review address books, each card with its exact bytes.
    / Exporte verlustfrei in geschäftliche, private und zu prüfende Adressbücher aufteilen."""
    settings = ScanSettings(
        language=lang or default_language(), as_of=_day(as_of), messenger=messenger, force=force, region=region,
        encoding=encoding, company_domains=tuple(company_domain or ()), config=config, id_key=id_key,
        id_key_file=id_key_file, trade=trade, decisions=decisions, verbose=verbose, quiet=quiet, debug=debug,
    )  # fmt: skip
    from scanner.cli.split_command import SplitSettings, run_split_command  # noqa: PLC0415 (lazy, see _scan_command)

    split_settings = SplitSettings(folder=output, separate_sensitive=separate_sensitive)
    _finish(lambda: run_split_command(paths, settings, split_settings), settings.language, debug=debug)


CompareFormatOpt = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f",
        help="table (default), or html/json: the AFTER exports' whole report with the before/after section. "
        "/ Tabelle, oder html/json: der ganze Bericht über NACHHER mit dem Vorher-nachher-Abschnitt.",
    ),
]  # fmt: skip


@app.command()
def compare(
    before: Annotated[str, typer.Argument(help="JSON report or exports before. / Bericht oder Exporte vorher.")],
    after: Annotated[str, typer.Argument(help="JSON report or exports after. / Bericht oder Exporte nachher.")],
    *,
    output_format: CompareFormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    messenger: MessengerOpt = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
    region: RegionOpt = "DE",
    encoding: EncodingOpt = None,
    max_input_size: MaxInputSizeOpt = None,
    company_domain: CompanyDomainOpt = None,
    config: ConfigOpt = None,
    as_of: AsOfOpt = None,
    id_key: IdKeyOpt = None,
    id_key_file: IdKeyFileOpt = None,
    trade: TradeOpt = None,
    decisions: DecisionsOpt = None,
    show_pii: ShowPiiOpt = False,
    client: ClientOpt = None,
    consultant: ConsultantOpt = None,
    debug: DebugOpt = False,
) -> None:
    """What changed between two scans (e.g. the export and split's business.vcf). / Vorher und nachher."""
    settings = ScanSettings(
        language=lang or default_language(), as_of=_day(as_of), messenger=messenger, profile=profile, region=region,
        output_format=output_format, output=output, force=force, encoding=encoding, max_input_size=max_input_size,
        company_domains=tuple(company_domain or ()), config=config, id_key=id_key, id_key_file=id_key_file,
        trade=trade, decisions=decisions, show_pii=show_pii, client=client, consultant=consultant, debug=debug,
    )  # fmt: skip
    from scanner.cli.compare_command import run_compare_command  # noqa: PLC0415 (lazy, see _scan_command)

    _finish(lambda: run_compare_command(before, after, settings), settings.language, debug=debug)


@app.command()
def messengers(
    *,
    output_format: FormatOpt = OutputFormat.TABLE,
    lang: LangOpt = None,
) -> None:
    """List the messenger profiles with what they upload and their sources. / Messenger-Profile mit Quellen."""
    language = lang or default_language()
    _finish(lambda: _run_messengers(output_format, language), language, debug=False)


def _day(as_of: datetime.datetime | None) -> datetime.date | None:
    """``--as-of`` is parsed by typer as a datetime; ages are judged on its day."""
    return as_of.date() if as_of is not None else None


@app.command()
def rules(*, lang: LangOpt = None) -> None:
    """The risk rules in plain words, each with its legal reason. / Die Risikoregeln mit ihren Gründen."""
    language = lang or default_language()
    _finish(lambda: _print_rules(language), language, debug=False)


def _print_rules(language: Language) -> ExitCode:
    from scanner.cli.output import write_report  # noqa: PLC0415 (lazy, see _scan_command)
    from scanner.reporters import risk_rules  # noqa: PLC0415

    write_report(risk_rules.render(language, width=terminal_width()), None)
    return ExitCode.COMPLETED


# The commands' modules are imported when a command runs, not when the app is built: ``contactleak --help`` and
# typos then answer without loading the core, phonenumbers and every reporter (start-up time; issue 14).
def _scan_command() -> Callable[..., ExitCode]:
    from scanner.cli.scan_command import run_scan_command  # noqa: PLC0415

    return run_scan_command


def _run_messengers(output_format: OutputFormat, language: Language) -> ExitCode:
    from scanner.cli.messengers_command import run_messengers_command  # noqa: PLC0415

    return run_messengers_command(output_format, language)


def _finish(command: Callable[[], ExitCode], language: Language, *, debug: bool) -> None:
    """Run a command and end with its exit code; the one place where errors become messages and exit codes."""
    try:
        code = command()
    except CliError as error:
        _say(translate(error.key, language, **error.params))
        raise typer.Exit(error.exit_code) from None
    except Exception as error:
        if debug:
            _print_traceback(error)
            raise typer.Exit(ExitCode.INTERNAL_ERROR) from None
        _say(translate("cli.internal_error", language, kind=type(error).__name__))
        raise typer.Exit(ExitCode.INTERNAL_ERROR) from None
    raise typer.Exit(code)


def _print_traceback(error: Exception) -> None:
    """``--debug``: the traceback for a bug report, without local variables (they would hold contact data), exit 3.

    Exit 3 stays the internal-error code with ``--debug``; an uncaught exception would end with 1, the code
    ``--fail-on`` uses.
    """
    trace = Traceback.from_exception(
        type(error), error, error.__traceback__, show_locals=bool(app.pretty_exceptions_show_locals),
        width=terminal_width(),
    )  # fmt: skip
    error_console().print(trace)


def _say(message: str) -> None:
    """Errors name what the user gave (paths, keys and values from config and profile files): all made inert."""
    error_console().print(Text(inert_message(message)), soft_wrap=True)


def main() -> None:
    """Console-script entry point."""
    _tolerate_narrow_encodings()
    app()


def _tolerate_narrow_encodings() -> None:
    """A stdout or stderr in cp1252 or latin-1 (Windows pipes, ``PYTHONIOENCODING``) shows "?" for what it lacks.

    Without this a name in Greek or an emoji ends the scan with UnicodeEncodeError (exit 3). In JSON the "?"
    stands inside a string, so the document stays valid; UTF-8 streams are left as they are.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if stream is not None and not encoding.startswith("utf") and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
