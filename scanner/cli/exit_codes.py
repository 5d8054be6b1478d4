"""The exit codes scripts rely on, set in one place at the CLI edge."""

from enum import IntEnum


class ExitCode(IntEnum):
    COMPLETED = 0
    RISK_AT_OR_ABOVE_FAIL_ON = 1
    USAGE_OR_NO_INPUT = 2
    INTERNAL_ERROR = 3
