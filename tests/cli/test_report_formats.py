"""``-f html|csv|markdown`` through the real command: files written atomically, header from options or config."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()


def test_demo_html_report_is_written_to_a_private_file(tmp_path: Path) -> None:
    target = tmp_path / "bericht.html"
    result = RUNNER.invoke(app, ["demo", "-f", "html", "-o", str(target), "--lang", "de", "--client", "Kolbenring"])
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Kolbenring" in text
    assert target.stat().st_mode & 0o777 == 0o600
    assert result.stdout == ""


def test_client_and_consultant_come_from_the_config_unless_given(tmp_path: Path) -> None:
    config = tmp_path / "contactleak.toml"
    config.write_text('[report]\nclient = "Salon Beispiel"\nconsultant = "Beraterin Muster"\n', encoding="utf-8")
    export = Path(__file__).resolve().parents[2] / "scanner" / "data" / "demo" / "werkstatt.vcf"
    from_config = RUNNER.invoke(app, ["scan", str(export), "-f", "html", "--config", str(config)]).stdout
    assert "Salon Beispiel" in from_config and "Beraterin Muster" in from_config
    given = RUNNER.invoke(app, ["scan", str(export), "-f", "html", "--config", str(config), "--client", "Andere"])
    assert "Andere" in given.stdout and "Salon Beispiel" not in given.stdout


def test_unknown_report_config_keys_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "contactleak.toml"
    config.write_text('[report]\nclinet = "typo"\nconsultant = 3\n', encoding="utf-8")
    export = Path(__file__).resolve().parents[2] / "scanner" / "data" / "demo" / "werkstatt.vcf"
    result = RUNNER.invoke(app, ["scan", str(export), "--config", str(config)])
    assert result.exit_code == 2
    assert "report.clinet" in result.stderr and "report.consultant" in result.stderr


def test_csv_of_the_demo_lists_every_contact_with_the_chosen_delimiter() -> None:
    result = RUNNER.invoke(app, ["demo", "-f", "csv", "--csv-delimiter", ",", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"), newline="")))
    assert len(rows) == 1 + 52


def test_a_bad_csv_delimiter_is_a_usage_error() -> None:
    result = RUNNER.invoke(app, ["demo", "-f", "csv", "--csv-delimiter", ";;", "--lang", "en"])
    assert result.exit_code == 2
    assert "--csv-delimiter" in result.stderr


def test_markdown_of_the_demo() -> None:
    result = RUNNER.invoke(app, ["demo", "-f", "markdown", "--lang", "de"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Kontakt-Upload WhatsApp: Prüfbericht")
