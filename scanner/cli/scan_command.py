"""``scan`` and ``demo``: turn the options into a core scan, show diagnostics on stderr, write the report, exit code."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Mapping, Sequence
from functools import partial

import phonenumbers
from rich.text import Text

from scanner.cli.classification_options import resolve_trade
from scanner.cli.console import error_console, stderr_is_terminal, stdout_color, terminal_width
from scanner.cli.diagnostics import print_diagnostics
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.options import ScanSettings
from scanner.cli.output import write_report
from scanner.cli.output_file import check_output_target, is_stdout
from scanner.cli.progress import reading_progress
from scanner.cli.review_command import decisions_cli_error
from scanner.core.classification import ClassificationRules, PhoneContext, load_rules
from scanner.core.config import ConfigError, ReportConfig, UserConfig, load_config
from scanner.core.decisions import DecisionsError, load_decisions
from scanner.core.messengers import (
    MessengerProfile,
    ProfileError,
    ProfileKind,
    default_profile,
    load_profile,
    load_profile_file,
    profiles_of_kind,
)
from scanner.core.pseudonym import new_key, pseudonym
from scanner.core.reading.code_pages import text_codec
from scanner.core.reading_run import DEFAULT_MAX_INPUT_BYTES, ReadingRun
from scanner.core.remediation.compare import BeforeAfter, Figures
from scanner.core.scan import ScanOptions, ScanResult, run_scan
from scanner.i18n import translate
from scanner.reporters.csv_report import valid_delimiter
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for

# The terminal summary, HTML and Markdown list the riskiest contacts only; JSON and CSV list every contact.
TABLE_CONTACTS = 10
_EVERY_CONTACT = frozenset({OutputFormat.JSON, OutputFormat.CSV})
# The reports that show a before/after comparison (--compare-with).
_COMPARED = frozenset({OutputFormat.HTML, OutputFormat.JSON})


def run_scan_command(
    arguments: Sequence[str], settings: ScanSettings, *, shown_as: Mapping[str, str] | None = None
) -> ExitCode:
    """The whole ``scan``: every failure the user can fix is a ``CliError``, raised before anything is written.

    ``shown_as`` names inputs differently in reports (the demo's packaged file by its file name).
    """
    if not valid_delimiter(settings.csv_delimiter):
        raise CliError("csv.bad_delimiter", {"delimiter": settings.csv_delimiter})
    if settings.compare_with is not None and settings.output_format not in _COMPARED:
        raise CliError("compare.with_needs_format")
    if not is_stdout(settings.output):
        # Refused before the scan, so a long scan does not end in "cannot write"; checked again when writing.
        check_output_target(str(settings.output), inputs=arguments, force=settings.force)
    before = _before(settings)
    result = scan_inputs(arguments, settings, shown_as=shown_as,
                         every_contact=settings.output_format in _EVERY_CONTACT)  # fmt: skip
    view = report_view(settings)
    if before is not None and settings.compare_with is not None:
        view = dataclasses.replace(view, before_after=_before_after(before, result, settings.compare_with, arguments))
    report = reporter_for(settings.output_format)(result, view)
    write_report(report, settings.output, inputs=arguments, force=settings.force)
    return _exit_code(result, settings)


def _before(settings: ScanSettings) -> Figures | None:
    """``--compare-with``: the figures before (read or scanned first, so a bad BEFORE fails before the long scan)."""
    if settings.compare_with is None:
        return None
    from scanner.cli.compare_command import figures_of  # noqa: PLC0415 (compare_command imports this module)

    return figures_of(settings.compare_with, settings)


def _before_after(before: Figures, result: ScanResult, label: str, arguments: Sequence[str]) -> BeforeAfter:
    from scanner.cli.compare_command import checked_comparison  # noqa: PLC0415 (see _before)

    after = " ".join(arguments)
    return BeforeAfter(checked_comparison(before, Figures.of_result(result)), label, after)


def scan_inputs(
    arguments: Sequence[str], settings: ScanSettings, *, shown_as: Mapping[str, str] | None = None,
    every_contact: bool = False,
) -> ScanResult:
    """Read and scan the inputs, diagnostics on stderr; ``every_contact`` keeps every finding, not the riskiest."""
    options = _scan_options(settings, every_contact=every_contact)
    run = ReadingRun(
        arguments=list(arguments), region=_region(settings.region), shown_as=dict(shown_as or {}),
        max_input_bytes=_max_input_bytes(settings.max_input_size),
    )  # fmt: skip
    run.encoding = _encoding(settings.encoding)
    with reading_progress(enabled=stderr_is_terminal() and not settings.quiet, language=settings.language) as show:
        run.on_progress = show
        result = run_scan(run, options)
    print_diagnostics(result, settings)
    if not result.readable_input:
        raise CliError("cli.no_readable_input")
    return result


def report_view(settings: ScanSettings) -> ReportView:
    """How the report is shown; client and consultant from the options, else from the config's ``[report]``."""
    report_config = _report_config(settings)
    return ReportView(
        language=settings.language,
        show_pii=settings.show_pii,
        color=settings.output in (None, "-") and stdout_color(),
        width=terminal_width(),
        client=settings.client if settings.client is not None else report_config.client,
        consultant=settings.consultant if settings.consultant is not None else report_config.consultant,
        csv_delimiter=settings.csv_delimiter,
    )


def _scan_options(settings: ScanSettings, *, every_contact: bool = False) -> ScanOptions:
    today = settings.as_of or datetime.date.today()
    key = _id_key(settings)
    return ScanOptions(
        profile=_profile(settings),
        rules=_rules(settings),
        today=today,
        id_key=key,
        phone=phone_context(settings, today, key),
        keep_findings=None if every_contact else TABLE_CONTACTS,
        alternatives=profiles_of_kind(ProfileKind.MESSENGER, ProfileKind.APP),
        cloud_syncs=profiles_of_kind(ProfileKind.CLOUD_SYNC),
    )


def _id_key(settings: ScanSettings) -> bytes:
    """``--id-key-file`` (its first line), else ``--id-key`` / CONTACTLEAK_ID_KEY, else a random key for this run."""
    if settings.id_key_file is not None:
        if settings.id_key:
            raise CliError("cli.id_key_twice")
        try:
            lines = settings.id_key_file.read_bytes().splitlines()
        except OSError as error:
            where = {"path": str(settings.id_key_file), "reason": error.strerror or type(error).__name__}
            raise CliError("cli.id_key_file_unreadable", where) from None
        key = lines[0].strip() if lines else b""
        if not key:
            raise CliError("cli.id_key_file_empty", {"path": str(settings.id_key_file)})
        return key
    return settings.id_key.encode("utf-8") if settings.id_key else new_key()


def _profile(settings: ScanSettings) -> MessengerProfile:
    if settings.profile is not None and settings.messenger is not None:
        raise CliError("cli.profile_and_messenger")
    try:
        if settings.profile is not None:
            return load_profile_file(settings.profile)
        return load_profile(settings.messenger) if settings.messenger else default_profile()
    except ProfileError as error:
        raise CliError(error.message_key, error.params()) from None


def _rules(settings: ScanSettings) -> ClassificationRules:
    config = user_config(settings)
    return load_rules(company_domains=settings.company_domains, config=config.classification if config else None)


def _report_config(settings: ScanSettings) -> ReportConfig:
    config = user_config(settings)
    return config.report if config is not None else ReportConfig()


def user_config(settings: ScanSettings) -> UserConfig | None:
    try:
        return load_config(settings.config) if settings.config is not None else None
    except ConfigError as error:
        raise CliError("cli.config_problems", {"problems": error.describe(settings.language)}) from None


def phone_context(settings: ScanSettings, today: datetime.date, key: bytes) -> PhoneContext:
    """The owner's trade (``--trade``, else ``[owner] trade``) and decisions (``--decisions``, needs ``--id-key``)."""
    config = user_config(settings)
    trade = resolve_trade(settings.trade, config.owner.trade if config else None)
    if settings.decisions is None:
        return PhoneContext(today=today, trade=trade)
    if not settings.id_key and settings.id_key_file is None:
        raise CliError("cli.decisions_need_id_key")
    try:
        decisions = load_decisions(settings.decisions, key)
    except DecisionsError as error:
        raise decisions_cli_error(error) from None
    return PhoneContext(today=today, trade=trade, decisions=decisions.by_id, decision_key=partial(pseudonym, key=key))


_SIZE = re.compile(r"(\d+)\s*([kmgt]?)(?:i?b)?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def _max_input_bytes(size: str | None) -> int:
    """``--max-input-size``: bytes, or K/M/G/T (powers of 1024, optional B or iB: 500M, 2GiB)."""
    if size is None:
        return DEFAULT_MAX_INPUT_BYTES
    match = _SIZE.fullmatch(size.strip())
    if match is None or int(match.group(1)) == 0:
        raise CliError("cli.bad_size", {"value": size})
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def _region(region: str) -> str:
    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise CliError("cli.unknown_region", {"region": region})
    return code


def _encoding(name: str | None) -> str | None:
    if name is None:
        return None
    codec = text_codec(name)
    if codec is None:
        raise CliError("cli.unknown_encoding", {"encoding": name})
    return codec


def _exit_code(result: ScanResult, settings: ScanSettings) -> ExitCode:
    if settings.fail_on is not None and result.overall.level.rank >= settings.fail_on.rank:
        if not settings.quiet:
            level = translate(f"risk.level.{result.overall.level.value}", settings.language)
            threshold = translate(f"risk.level.{settings.fail_on.value}", settings.language)
            message = translate("cli.fail_on_reached", settings.language, level=level, fail_on=threshold)
            error_console().print(Text(message), soft_wrap=True)
        return ExitCode.RISK_AT_OR_ABOVE_FAIL_ON
    return ExitCode.COMPLETED

