"""The comparison on the demo: what the operator keeps moves a messenger down, and the report says why."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from scanner.cli.app import app
from scanner.core.risk import RiskLevel

RUNNER = CliRunner()


def demo_report() -> dict[str, Any]:
    result = RUNNER.invoke(app, ["demo", "--as-of", "2026-11-25", "-f", "json", "--lang", "en"])
    assert result.exit_code == 0
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def levels(report: dict[str, Any]) -> dict[str, int]:
    ranked = {other["messenger"]: RiskLevel(other["risk"]).rank for other in report["alternatives"]}
    ranked[report["messenger"]] = RiskLevel(report["summary"]["risk"]).rank
    return ranked


def test_signal_threema_and_whatsapp_business_rank_below_whatsapp_on_the_demo() -> None:
    ranked = levels(demo_report())
    assert ranked["signal"] < ranked["whatsapp"]
    assert ranked["threema"] < ranked["whatsapp"]
    assert ranked["whatsapp-business"] < ranked["whatsapp"]


def test_the_alternatives_say_why_they_rank_lower() -> None:
    alternatives = {other["messenger"]: other for other in demo_report()["alternatives"]}
    assert alternatives["signal"]["retention"] == "discarded"
    assert alternatives["signal"]["transfer_reason_codes"] == ["third_country", "discarded_after_lookup"]
    assert alternatives["threema"]["transfer_reason_codes"] == ["adequate_destination", "discarded_after_lookup"]
    assert alternatives["whatsapp-business"]["transfer_reason_codes"] == ["kept_in_clear", "dpf_transfer"]
    assert alternatives["imessage"]["retention"] == "not_sent"


def test_the_table_shows_destination_and_retention_under_each_messenger() -> None:
    stdout = RUNNER.invoke(app, ["demo", "--as-of", "2026-11-25", "--lang", "en"]).stdout
    rows = {line.split("  ")[0].strip(): index for index, line in enumerate(stdout.splitlines())}
    lines = stdout.splitlines()

    def below(name: str) -> str:
        start = rows[name] + 1
        return " ".join(" ".join(lines[start : start + 2]).split())

    assert below("Signal * †").startswith("third country; matched, deleted")
    assert below("WhatsApp Business *").startswith("US (DPF); kept in clear")
    assert below("Threema †").startswith("EEA or adequate; matched, deleted")
