"""The scan command end to end over the reader: per-file counts on stdout, diagnostics on stderr, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()
CARDS = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Erika Musterfrau\r\nTEL:+49 30 1234567\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nEND:VCARD\r\n"
)


def test_missing_file_is_exit_2_with_a_located_message() -> None:
    result = RUNNER.invoke(app, ["scan", "does-not-exist.vcf", "--lang", "en"])
    assert result.exit_code == 2
    assert "does-not-exist.vcf: file or directory not found." in result.stderr


def test_counts_add_up_and_rejections_name_file_and_line(tmp_path: Path) -> None:
    export = tmp_path / "phone.vcf"
    export.write_bytes(CARDS)
    result = RUNNER.invoke(app, ["scan", str(export), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert f"{export}: 2 cards found, 1 contacts read, 1 rejected" in result.stdout
    assert f"{export}:6: card 1 rejected:" in result.stderr
    assert "Erika" not in result.stderr + result.stdout


def test_german_messages(tmp_path: Path) -> None:
    export = tmp_path / "telefon.vcf"
    export.write_bytes(CARDS)
    result = RUNNER.invoke(app, ["scan", str(export), "--lang", "de"])
    assert "2 Karten gefunden, 1 Kontakte gelesen, 1 abgelehnt" in result.stdout
