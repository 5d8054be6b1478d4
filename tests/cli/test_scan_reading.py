"""The scan command end to end: report on stdout, located diagnostics on stderr, counts that add up."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()
CARDS = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Erika Musterfrau\r\nTEL:+49 152 28817011\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nEND:VCARD\r\n"
)


def scan_json(*arguments: str) -> tuple[dict[str, object], str]:
    result = RUNNER.invoke(app, ["scan", *arguments, "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_missing_file_is_exit_2_with_a_located_message() -> None:
    result = RUNNER.invoke(app, ["scan", "does-not-exist.vcf", "--lang", "en"])
    assert result.exit_code == 2
    assert "does-not-exist.vcf: file or directory not found." in result.stderr
    assert result.stdout == ""


def test_counts_add_up_and_rejections_name_file_and_line(tmp_path: Path) -> None:
    export = tmp_path / "phone.vcf"
    export.write_bytes(CARDS)
    report, stderr = scan_json(str(export))
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert (summary["cards_found"], summary["contacts"], summary["rejected"]) == (2, 1, 1)
    (source,) = report["sources"]  # type: ignore[misc]
    assert (source["path"], source["cards_found"], source["contacts"], source["rejected"]) == (str(export), 2, 1, 1)
    assert f"{export}:6: card 1 rejected:" in stderr
    assert "Erika" not in stderr + json.dumps(report)


def test_directories_are_searched_and_each_file_counted(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.VCF").write_bytes(CARDS)
    (tmp_path / "two.vcard").write_bytes(CARDS)
    (tmp_path / "notes.txt").write_bytes(CARDS)
    report, _ = scan_json(str(tmp_path))
    sources = report["sources"]
    assert isinstance(sources, list)
    assert sorted(Path(source["path"]).name for source in sources) == ["one.VCF", "two.vcard"]


def test_standard_input_is_read(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["scan", "-", "--format", "json", "--lang", "en"], input=CARDS)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["contacts"] == 1


def test_german_messages(tmp_path: Path) -> None:
    export = tmp_path / "telefon.vcf"
    export.write_bytes(CARDS)
    result = RUNNER.invoke(app, ["scan", str(export), "--lang", "de"])
    assert result.exit_code == 0, result.stderr
    assert "Karte 1 abgelehnt" in result.stderr
    assert "Gefundene Karten" in result.stdout


def test_repairs_are_counted_per_file_and_listed_with_lines_on_request(tmp_path: Path) -> None:
    export = tmp_path / "repaired.vcf"
    export.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\n# note\r\nFN:Erika Musterfrau\r\nTEL:+49 152 28817015\r\n")
    quiet = RUNNER.invoke(app, ["scan", str(export), "--lang", "en"])
    assert f"{export}: 2 repairs in cards that were read" in quiet.stderr
    listed = RUNNER.invoke(app, ["scan", str(export), "--lang", "en", "--verbose"])
    assert f"{export}:3: comment line skipped" in listed.stderr
    assert "Erika" not in quiet.stderr + listed.stderr
