"""Exit codes scripts rely on, the -o file created only after success, and stdout kept clean for the report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scanner.cli.app import app
from scanner.cli.exit_codes import ExitCode

RUNNER = CliRunner()
PRIVATE = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mama\r\nTEL;TYPE=CELL:+49 152 28817012\r\nEND:VCARD\r\n"
SWITCHBOARD = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Beispiel Autoteile GmbH\r\nORG:Beispiel Autoteile GmbH\r\n"
    b"X-ABShowAs:COMPANY\r\nTEL;TYPE=WORK:+49 30 23125012\r\nEND:VCARD\r\n"
)


@pytest.fixture
def private_export(tmp_path: Path) -> Path:
    export = tmp_path / "phone.vcf"
    export.write_bytes(PRIVATE)
    return export


def scan(*arguments: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, ["scan", *arguments, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def test_completed_scan_exits_0_by_default_whatever_the_risk(private_export: Path) -> None:
    code, stdout, _ = scan(str(private_export))
    assert code == ExitCode.COMPLETED
    assert "Overall risk  high" in stdout


def test_fail_on_exits_1_at_or_above_the_level(private_export: Path) -> None:
    assert scan(str(private_export), "--fail-on", "high")[0] == ExitCode.RISK_AT_OR_ABOVE_FAIL_ON
    assert scan(str(private_export), "--fail-on", "medium")[0] == ExitCode.RISK_AT_OR_ABOVE_FAIL_ON
    assert scan(str(private_export), "--fail-on", "critical")[0] == ExitCode.COMPLETED


def test_fail_on_does_not_fire_for_an_organisation_only_export(tmp_path: Path) -> None:
    export = tmp_path / "companies.vcf"
    export.write_bytes(SWITCHBOARD)
    code, stdout, _ = scan(str(export), "--fail-on", "low", "-f", "json")
    assert code == ExitCode.COMPLETED
    assert json.loads(stdout)["summary"]["risk"] == "none"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--messenger", "carrier-pigeon"], "carrier-pigeon"),
        (["--region", "XX"], "Unknown region"),
        (["--profile", "missing-profile.toml"], "missing-profile.toml"),
        (["--config", "missing-config.toml"], "missing-config.toml"),
        (["--messenger", "signal", "--profile", "x.toml"], "--messenger and --profile"),
    ],
)
def test_usage_errors_exit_2_with_a_message_and_no_report(
    private_export: Path, arguments: list[str], message: str
) -> None:
    code, stdout, stderr = scan(str(private_export), *arguments)
    assert code == ExitCode.USAGE_OR_NO_INPUT
    assert message in stderr
    assert stdout == ""
    assert "Traceback" not in stderr


def test_no_readable_input_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"")
    code, stdout, stderr = scan(str(empty))
    assert code == ExitCode.USAGE_OR_NO_INPUT
    assert "empty.vcf: file is empty." in stderr
    assert "No readable input" in stderr
    assert stdout == ""


def test_output_file_is_written_only_after_success(tmp_path: Path, private_export: Path) -> None:
    target = tmp_path / "report.json"
    code, stdout, _ = scan(str(private_export), "-f", "json", "-o", str(target))
    assert code == ExitCode.COMPLETED
    assert stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["contacts"] == 1
    failed = tmp_path / "failed.json"
    assert scan(str(tmp_path / "nothing-here.vcf"), "-o", str(failed))[0] == ExitCode.USAGE_OR_NO_INPUT
    assert not failed.exists()


def test_output_dash_means_stdout(private_export: Path) -> None:
    code, stdout, _ = scan(str(private_export), "-f", "json", "-o", "-")
    assert code == ExitCode.COMPLETED
    assert json.loads(stdout)["schema_version"] == 2


def test_unwritable_output_is_exit_2(private_export: Path, tmp_path: Path) -> None:
    code, _, stderr = scan(str(private_export), "-o", str(tmp_path / "no-such-dir" / "r.txt"))
    assert code == ExitCode.USAGE_OR_NO_INPUT
    assert "Cannot write the report" in stderr


def test_internal_errors_exit_3_without_a_traceback(private_export: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom with Mama's number")

    monkeypatch.setattr("scanner.cli.scan_command.run_scan", broken)
    code, stdout, stderr = scan(str(private_export))
    assert code == ExitCode.INTERNAL_ERROR
    assert "Internal error (RuntimeError)" in stderr
    assert "Mama" not in stderr
    assert "Traceback" not in stderr
    assert stdout == ""


def test_json_on_stdout_is_not_mixed_with_progress_or_notes(private_export: Path) -> None:
    code, stdout, _ = scan(str(private_export), "-f", "json", "--verbose")
    assert code == ExitCode.COMPLETED
    json.loads(stdout)


def test_as_of_sets_the_day_ages_are_judged_on(tmp_path: Path) -> None:
    export = tmp_path / "kid.vcf"
    export.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kind Beispiel\r\nBDAY:2010-06-01\r\nTEL:+49 152 28817013\r\nEND:VCARD\r\n"
    )
    young = json.loads(scan(str(export), "-f", "json", "--as-of", "2026-01-01")[1])
    grown = json.loads(scan(str(export), "-f", "json", "--as-of", "2028-06-01")[1])
    assert (young["summary"]["minors"], grown["summary"]["minors"]) == (1, 0)


def test_id_key_makes_ids_stable_across_runs(private_export: Path) -> None:
    def first_id(*extra: str) -> str:
        return str(json.loads(scan(str(private_export), "-f", "json", *extra)[1])["contacts"][0]["id"])

    assert first_id("--id-key", "secret") == first_id("--id-key", "secret")
    assert first_id() != first_id()


def test_a_reader_that_closes_the_pipe_early_is_no_internal_error() -> None:
    command = [sys.executable, "-m", "scanner", "demo", "--lang", "en"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    process.wait(timeout=60)
    process.stderr.close()
    assert "Internal error" not in stderr
    assert "Traceback" not in stderr
    assert process.returncode == ExitCode.COMPLETED


def test_every_problem_of_a_config_file_is_named_with_its_key(private_export: Path, tmp_path: Path) -> None:
    config = tmp_path / "contactleak.toml"
    config.write_text('[classification]\ncompany_domains = ["no domain"]\ncolour = "red"\n', encoding="utf-8")
    code, stdout, stderr = scan(str(private_export), "--config", str(config))
    assert code == ExitCode.USAGE_OR_NO_INPUT
    assert "classification.colour" in stderr
    assert "classification.company_domains" in stderr
    assert stdout == ""


def test_a_config_file_adds_the_users_own_company_domain(tmp_path: Path) -> None:
    export = tmp_path / "colleague.vcf"
    export.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jana Beispiel\r\nEMAIL:jana@beispiel-werkstatt.example\r\n"
                       b"TEL:+49 152 28817014\r\nEND:VCARD\r\n")  # fmt: skip
    config = tmp_path / "contactleak.toml"
    config.write_text('[classification]\ncompany_domains = ["beispiel-werkstatt.example"]\n', encoding="utf-8")
    without = json.loads(scan(str(export), "-f", "json")[1])
    with_config = json.loads(scan(str(export), "-f", "json", "--config", str(config))[1])
    flag = json.loads(scan(str(export), "-f", "json", "--company-domain", "beispiel-werkstatt.example")[1])
    assert without["contacts"][0]["classification"] != "business"
    assert with_config["contacts"][0]["classification"] == "business"
    assert flag["contacts"][0]["classification"] == "business"


def test_a_users_own_profile_is_used_and_named(private_export: Path, tmp_path: Path) -> None:
    packaged = Path(__file__).resolve().parents[2] / "scanner" / "data" / "messengers" / "whatsapp.toml"
    text = packaged.read_text(encoding="utf-8")
    own = text.replace('id = "whatsapp"', 'id = "firmen-whatsapp"').replace("default = true\n", "")
    profile = tmp_path / "firmen-whatsapp.toml"
    profile.write_text(own, encoding="utf-8")
    code, stdout, stderr = scan(str(private_export), "--profile", str(profile), "-f", "json")
    assert code == ExitCode.COMPLETED, stderr
    report = json.loads(stdout)
    assert report["messenger"] == "firmen-whatsapp"
    assert report["summary"]["destinations"] == {"US": 1}


def test_a_broken_own_profile_names_file_and_key(private_export: Path, tmp_path: Path) -> None:
    profile = tmp_path / "broken.toml"
    profile.write_text('id = "broken"\ndisplay_name = "Broken"\nchecked = 2026-11-25\ncolour = "red"\n', "utf-8")
    code, stdout, stderr = scan(str(private_export), "--profile", str(profile))
    assert code == ExitCode.USAGE_OR_NO_INPUT
    assert "broken.toml" in stderr
    assert "colour" in stderr
    assert stdout == ""
