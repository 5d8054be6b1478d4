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


CLOUD_SYNCS = ("icloud-contacts", "google-contacts", "samsung-cloud", "exchange-sync")
NEW_UPLOADS = ("google-messages", "truecaller", "snapchat", "microsoft-teams", "element")


def test_the_phones_cloud_sync_is_its_own_summary_line_with_its_destination() -> None:
    stdout = RUNNER.invoke(app, ["demo", "--as-of", "2026-11-25", "--lang", "en"]).stdout
    text = " ".join(stdout.split())
    assert "Phone's own cloud sync Exchange / Outlook sync, if on: 42 people" in text
    assert "iCloud Contacts, if on: 42 people, whole cards → USA (unconfirmed)" in text
    assert "Samsung Cloud, if on: 42 people, whole cards → South Korea (unconfirmed)" in text
    report = demo_report()
    synced = {entry["profile"]: entry for entry in report["summary"]["cloud_sync"]}
    assert set(synced) == set(CLOUD_SYNCS)
    assert synced["icloud-contacts"]["destinations"] == ["US"]
    assert synced["icloud-contacts"]["people_uploaded"] == report["summary"]["people"]["uploaded"]
    assert {entry["retention"] for entry in synced.values()} == {"stored_clear"}
    assert not set(CLOUD_SYNCS) & {other["messenger"] for other in report["alternatives"]}


def test_the_new_uploads_are_compared_and_marked_unconfirmed() -> None:
    alternatives = {other["messenger"]: other for other in demo_report()["alternatives"]}
    for profile_id in NEW_UPLOADS:
        assert alternatives[profile_id]["unconfirmed_facts"], profile_id
    assert alternatives["element"]["retention"] == "stored_hashed"


def test_messengers_lists_the_new_profiles_with_their_sources() -> None:
    listed = json.loads(RUNNER.invoke(app, ["messengers", "-f", "json"]).stdout)["messengers"]
    by_id = {entry["id"]: entry for entry in listed}
    for profile_id in (*CLOUD_SYNCS, *NEW_UPLOADS):
        assert by_id[profile_id]["sources"], profile_id
    assert "GM1" in {source["key"] for source in by_id["google-messages"]["sources"]}
    text = RUNNER.invoke(app, ["messengers", "--lang", "de"]).stdout
    assert "iCloud Contacts" in text and "Truecaller" in text and "unbestätigt" in text
