"""The scan command over inputs that need more than the plain vCard reader: code pages, CSV, archives, backups."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _names(*arguments: str) -> list[str]:
    result = RUNNER.invoke(app, ["scan", *arguments, "--format", "json", "--lang", "en", "--show-pii"])
    assert result.exit_code == 0, result.stderr
    return [contact["display_name"] for contact in json.loads(result.stdout)["contacts"]]


def test_encoding_option_forces_the_code_page() -> None:
    export = str(FIXTURES / "encodings" / "cp1250_czech_ambiguous.vcf")
    assert _names(export) == ["Jiøina Dvoøáková"]
    assert _names(export, "--encoding", "windows-1250") == ["Jiřina Dvořáková"]


def test_an_unknown_or_non_text_encoding_is_refused_before_reading() -> None:
    export = str(FIXTURES / "encodings" / "cp1250_czech_ambiguous.vcf")
    for name in ("klingonisch", "base64"):
        result = RUNNER.invoke(app, ["scan", export, "--encoding", name, "--lang", "en"])
        assert result.exit_code == 2
        assert "Unknown character set" in result.stderr
        assert result.stdout == ""
