"""``docs``: scan the exports, then write the documentation drafts (Markdown and HTML) into a folder."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.text import Text

from scanner.cli.console import error_console
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.options import ScanSettings
from scanner.cli.output import write_report
from scanner.cli.output_file import check_output_target
from scanner.cli.scan_command import report_view, scan_inputs
from scanner.i18n import translate
from scanner.reporters.drafts import render_drafts
from scanner.reporters.drafts.specs import draft_specs

SUFFIXES = ("md", "html")
_FOLDER_MODE = 0o700  # the drafts may name the business's contacts (with --show-pii)


def run_docs_command(
    arguments: Sequence[str], settings: ScanSettings, folder: str, *, shown_as: Mapping[str, str] | None = None
) -> ExitCode:
    """Every target is checked before the scan, so a long scan does not end in a refusal; each file is atomic."""
    directory = _prepare_folder(folder)
    for stem in (spec.file.get(settings.language) for spec in draft_specs()):
        for suffix in SUFFIXES:
            check_output_target(str(directory / f"{stem}.{suffix}"), inputs=arguments, force=settings.force)
    result = scan_inputs(arguments, settings, shown_as=shown_as, every_contact=True)
    drafts = render_drafts(result, report_view(settings))
    for draft in drafts:
        for suffix, text in zip(SUFFIXES, (draft.markdown, draft.html), strict=True):
            write_report(text, str(directory / f"{draft.stem}.{suffix}"), inputs=arguments, force=settings.force)
    if not settings.quiet:
        message = translate("drafts.written", settings.language, count=len(drafts), folder=folder)
        error_console().print(Text(message), soft_wrap=True)
    return ExitCode.COMPLETED


def _prepare_folder(folder: str) -> Path:
    """The output folder, created (mode 0700) when it does not exist yet; its parent must exist."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise CliError("drafts.not_a_folder", {"folder": folder})
    if not path.exists():
        try:
            path.mkdir(mode=_FOLDER_MODE)
        except OSError as error:
            reason = os.strerror(error.errno) if error.errno else type(error).__name__
            raise CliError("drafts.cannot_create", {"folder": folder, "reason": reason}) from None
    return path
