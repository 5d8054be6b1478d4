"""Evaluation tests collect their report lines here; the terminal summary always prints them."""

from __future__ import annotations

import pytest

REPORT = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session")
def evaluation_report(request: pytest.FixtureRequest) -> list[str]:
    """A session-wide list of lines that ``pytest_terminal_summary`` prints, pass or fail."""
    return request.config.stash.setdefault(REPORT, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    lines = config.stash.get(REPORT, [])
    if lines:
        terminalreporter.section("classifier evaluation on the labelled sets")
        for line in lines:
            terminalreporter.write_line(line)
