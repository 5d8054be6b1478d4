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


def _report(*arguments: str) -> dict[str, object]:
    result = RUNNER.invoke(app, ["scan", *arguments, "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_a_directory_of_csv_and_vcard_exports_counts_each_file() -> None:
    report = _report(str(FIXTURES / "formats"))
    sources = {Path(str(s["path"])).name: (s["cards_found"], s["contacts"], s["rejected"]) for s in report["sources"]}  # type: ignore[attr-defined, index]
    for name in ("google_contacts.csv", "outlook_en.csv", "outlook_de.csv", "equivalent.vcf"):
        assert sources[name] == (3, 3, 0)


def test_formula_strings_from_a_csv_stay_inert_text_in_every_output(tmp_path: Path) -> None:
    formula = '=HYPERLINK("https://evil.example","klick")'
    export = tmp_path / "contacts.csv"
    quoted = formula.replace('"', '""')
    export.write_text(f'Name,Mobile Phone\r\n"{quoted}",+49 152 28817104\r\n', encoding="utf-8")
    assert _names(str(export)) == [formula]
    table = RUNNER.invoke(app, ["scan", str(export), "--lang", "en", "--show-pii"])
    assert table.exit_code == 0, table.stderr
    # Shown as the text it is, not as a link or markup (rich would swallow "[...]" markup; there is none here).
    assert formula in table.stdout


def test_a_zip_of_exports_is_reported_member_by_member(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "takeout.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(
            "Takeout/Contacts/My Contacts/My Contacts.vcf", (FIXTURES / "formats" / "equivalent.vcf").read_bytes()
        )
        zipped.writestr("Takeout/Contacts/Alle/Alle.csv", (FIXTURES / "formats" / "google_contacts.csv").read_bytes())
    report = _report(str(archive))
    paths = {str(s["path"]): s["cards_found"] for s in report["sources"]}  # type: ignore[attr-defined, index]
    assert paths == {
        f"{archive}:Takeout/Contacts/My Contacts/My Contacts.vcf": 3,
        f"{archive}:Takeout/Contacts/Alle/Alle.csv": 3,
    }
