"""Start-up: ``contactleak --help`` loads neither the core's reading and scanning nor phonenumbers, vobject or the
reporters (they cost most of the start-up time). No timing here: the benchmark measures it; this proves why."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# scanner.core.messengers (and phonenumbers through its tables) still loads: the options' risk levels need
# scanner.core.risk, which needs the profiles' Retention enum.
HEAVY = (
    "vobject",
    "scanner.core.scan",
    "scanner.core.reading",
    "scanner.core.classification.classifier",
    "scanner.reporters.table_report",
    "scanner.reporters.json_report",
)
PROBE = """
import json, sys
from scanner.cli.app import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(*arguments: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(run.stdout.splitlines()[-1]))


@pytest.mark.parametrize("arguments", [("--help",), ("scan", "--help"), ("--version",)])
def test_help_loads_no_heavy_module(arguments: tuple[str, ...]) -> None:
    loaded = _loaded(*arguments)
    assert not [name for name in HEAVY if name in loaded]


def test_the_probe_would_see_a_heavy_module() -> None:
    assert "scanner.core.scan" in _loaded("demo", "--lang", "en")  # so the check above can fail


def test_the_lazy_classification_package_gives_every_name() -> None:
    from scanner.core import classification

    assert all(callable(getattr(classification, name)) for name in classification.__all__)
    with pytest.raises(AttributeError):
        _ = classification.no_such_name  # type: ignore[attr-defined]

