"""``contactleak demo`` over the bundled sample and ``contactleak messengers``, in both languages, masked by default."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scanner.cli.app import app
from scanner.core.messengers import list_profiles

RUNNER = CliRunner()
DEMO_LABELS = Path(__file__).resolve().parents[2] / "scanner" / "data" / "demo" / "labels.csv"


def demo(*arguments: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, ["demo", "--as-of", "2026-11-25", *arguments])
    return result.exit_code, result.stdout, result.stderr


def demo_names() -> list[str]:
    """The names of the sample's natural persons (an organisation's name is not personal data and may be shown)."""
    with DEMO_LABELS.open(encoding="utf-8") as handle:
        return [row["display_name"] for row in csv.DictReader(handle) if row["natural_person"] == "true"]


@pytest.mark.parametrize(("lang", "heading"), [("de", "Was zu tun ist"), ("en", "What to do")])
def test_demo_prints_the_summary_in_both_languages(lang: str, heading: str) -> None:
    code, stdout, _ = demo("--lang", lang)
    assert code == 0
    assert heading in stdout


def test_demo_names_its_sample_by_file_name_not_its_installed_path() -> None:
    _, stdout, _ = demo("-f", "json", "--lang", "en")
    report = json.loads(stdout)
    assert [source["path"] for source in report["sources"]] == ["werkstatt.vcf"]
    assert report["summary"]["cards_found"] == report["summary"]["contacts"] + report["summary"]["rejected"]


def test_demo_is_critical_for_a_workshop_phone_with_children_and_health_contacts() -> None:
    _, stdout, _ = demo("-f", "json", "--lang", "en")
    summary = json.loads(stdout)["summary"]
    assert summary["risk"] == "critical"
    assert summary["minors_exposed"] >= 2
    assert summary["destinations"].get("US", 0) == summary["third_parties_exposed"]


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_demo_output_masks_every_name_by_default(output_format: str) -> None:
    _, stdout, stderr = demo("-f", output_format, "--lang", "de")
    names = demo_names()
    assert len(names) > 30
    # A card named only by a word of the classifier's lists ("Mama") is named by that word in the evidence,
    # as in „Mama“: a relationship word identifies nobody. Every other name must not appear at all.
    keyword_only = {name for name in names if " " not in name and f"„{name}“" in stdout}
    assert len(keyword_only) <= 3
    for name in set(names) - keyword_only:
        assert name not in stdout + stderr


def test_show_pii_reveals_names() -> None:
    _, stdout, _ = demo("-f", "json", "--lang", "de", "--show-pii")
    revealed = [name for name in demo_names() if name in stdout]
    assert len(revealed) == len(demo_names())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_messengers_lists_every_profile_with_sources(lang: str) -> None:
    result = RUNNER.invoke(app, ["messengers", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    for name in list_profiles():
        assert f"({name})" in result.stdout
    assert "W1" in result.stdout
    assert ("unbestätigt" if lang == "de" else "unconfirmed") in result.stdout


def test_messengers_json_marks_unconfirmed_facts() -> None:
    result = RUNNER.invoke(app, ["messengers", "--format", "json", "--lang", "en"])
    assert result.exit_code == 0
    listed = {entry["id"]: entry for entry in json.loads(result.stdout)["messengers"]}
    assert set(listed) == set(list_profiles())
    facebook = listed["facebook-messenger"]
    assert "hashing" in facebook["unconfirmed"]
    assert facebook["facts"]["hashing"]["confirmed"] is False
    assert listed["whatsapp"]["facts"]["fields.name"]["value"] == "disputed"


def test_messengers_shows_the_usage_figures_with_the_cap_said() -> None:
    result = RUNNER.invoke(app, ["messengers", "--lang", "en"])
    assert "DE 88 %" in result.stdout
    assert "LU, MT, NL, PT: capped at 95 %" in " ".join(result.stdout.split())
    assert "NDSS26" in result.stdout
    listed = json.loads(RUNNER.invoke(app, ["messengers", "-f", "json"]).stdout)["messengers"]
    whatsapp = next(entry for entry in listed if entry["id"] == "whatsapp")
    assert whatsapp["usage"]["NL"] == {"share": 0.95, "capped": True, "sources": ["NDSS26"]}
    threema = next(entry for entry in listed if entry["id"] == "threema")
    assert threema["usage"] == {}
