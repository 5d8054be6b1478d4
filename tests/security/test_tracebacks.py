"""A crash after the contacts were read: --debug shows a traceback without local variables, else no traceback at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scanner.cli.exit_codes import ExitCode

NAME, NUMBER, LOCAL = "Wilhelmine Geheimrath", "+49 152 28817177", "w.geheimrath@"
EXPORT = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Geheimrath;Wilhelmine;;;\r\n"
    f"FN:{NAME}\r\nTEL;TYPE=CELL:{NUMBER}\r\nEMAIL:{LOCAL}example.de\r\nNOTE:Diabetes\\, Insulin\r\nEND:VCARD\r\n"
)
SECRETS = (NAME, "Wilhelmine", "Geheimrath", "28817177", LOCAL, "Diabetes")
# Run the real app with a core step that fails once every contact was read and classified: the frames of
# run_scan and below then hold contacts, findings and the reading run in their local variables.
SCRIPT = """
import sys
import scanner.core.scan
from scanner.cli.app import app

def failing_advice(*args, **kwargs):
    raise RuntimeError("injected failure after reading")

scanner.core.scan.advise = failing_advice
app.pretty_exceptions_show_locals = {show_locals}
sys.argv = ["contactleak", *sys.argv[1:]]
app()
"""


def _crash(tmp_path: Path, *options: str, show_locals: bool = False) -> subprocess.CompletedProcess[str]:
    export = tmp_path / "phone.vcf"
    export.write_text(EXPORT, encoding="utf-8")
    script = SCRIPT.format(show_locals=show_locals)
    command = [sys.executable, "-c", script, "scan", str(export), "--lang", "en", *options]
    environment = {"PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "COLUMNS": "200", "TERM": "dumb"}
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60, check=False)


def _shown(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def test_debug_traceback_shows_no_contact_value(tmp_path: Path) -> None:
    done = _crash(tmp_path, "--debug")
    assert done.returncode == ExitCode.INTERNAL_ERROR.value == 3  # not 1, the code --fail-on uses
    assert "injected failure after reading" in done.stderr
    assert "in run_scan" in done.stderr and "scanner/core/scan.py" in done.stderr  # frames that hold the contacts
    assert _shown(done.stdout + done.stderr) == []


@pytest.mark.slow
def test_the_check_would_see_locals(tmp_path: Path) -> None:
    """The test above can fail: were typer told to show locals, the same crash would print contact data."""
    done = _crash(tmp_path, "--debug", show_locals=True)
    assert "injected failure after reading" in done.stderr
    assert _shown(done.stderr) != []


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_without_debug_no_traceback_and_exit_3(tmp_path: Path, output_format: str) -> None:
    done = _crash(tmp_path, "-f", output_format)
    assert done.returncode == ExitCode.INTERNAL_ERROR.value == 3
    assert "RuntimeError" in done.stderr  # the kind of error, so the user can report it
    assert "Traceback" not in done.stderr and "injected failure" not in done.stderr
    assert done.stdout == ""
    assert _shown(done.stderr) == []
