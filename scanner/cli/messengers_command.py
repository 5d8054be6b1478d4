"""``messengers``: list the packaged profiles with what they upload, where to, and their sources."""

from __future__ import annotations

from scanner.cli.console import stdout_color, terminal_width
from scanner.cli.exit_codes import ExitCode
from scanner.cli.output import write_report
from scanner.core.messengers import list_profiles, load_profile
from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat
from scanner.reporters.messenger_list import render_json, render_table


def run_messengers_command(output_format: OutputFormat, language: Language) -> ExitCode:
    profiles = [load_profile(name) for name in list_profiles()]
    if output_format is OutputFormat.JSON:
        write_report(render_json(profiles, language), None)
    else:
        write_report(render_table(profiles, language, width=terminal_width(), color=stdout_color()), None)
    return ExitCode.COMPLETED
