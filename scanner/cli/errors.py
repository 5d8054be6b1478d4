"""The one exception the CLI turns into a message and an exit code, in one place (``app._finish``)."""

from __future__ import annotations

from collections.abc import Mapping

from scanner.cli.exit_codes import ExitCode


class CliError(Exception):
    """A user-facing failure: an i18n key with its parameters (no personal data) and the exit code it ends with."""

    def __init__(
        self, key: str, params: Mapping[str, object] | None = None, exit_code: ExitCode = ExitCode.USAGE_OR_NO_INPUT
    ) -> None:
        super().__init__(key)
        self.key = key
        self.params = dict(params or {})
        self.exit_code = exit_code
