"""A fleet of exports in one scan: each phone's own figures and level, riskiest first, in both formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\n{body}\r\nEND:VCARD\r\n"
PHONES = {
    "fahrer.vcf": ["FN:Beispiel Autoteile GmbH\r\nORG:Beispiel Autoteile GmbH\r\nTEL;TYPE=WORK:+49 30 23125401"],
    "chef.vcf": [
        "FN:Mama\r\nTEL;TYPE=CELL:+49 152 28817401",
        "FN:Mia Beispiel\r\nBDAY:2015-02-03\r\nTEL;TYPE=CELL:+49 176 04069401",
        "FN:Otto Beispiel\r\nNOTE:Kunde, Angebot Carport\r\nTEL;TYPE=CELL:+49 152 28817402",
    ],
    "buero.vcf": ["FN:Otto Beispiel\r\nNOTE:Kunde, Rechnung offen\r\nTEL;TYPE=CELL:+49 152 28817403"],
}


def fleet(tmp_path: Path) -> Path:
    for name, cards in PHONES.items():
        (tmp_path / name).write_text("".join(CARD.format(body=body) for body in cards), encoding="utf-8")
    return tmp_path


def test_json_gives_every_phone_its_own_level_and_counts(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["scan", str(fleet(tmp_path)), "-f", "json", "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.stderr
    sources = {Path(source["path"]).name: source for source in json.loads(result.stdout)["sources"]}
    assert {name: source["risk"] for name, source in sources.items()} == {
        "buero.vcf": "medium",
        "chef.vcf": "critical",
        "fahrer.vcf": "none",
    }
    chef = sources["chef.vcf"]
    assert (chef["third_parties_exposed"], chef["private_persons_exposed"], chef["minors_exposed"]) == (3, 2, 1)


def test_the_table_lists_phones_riskiest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(fleet(tmp_path))
    result = RUNNER.invoke(app, ["scan", ".", "--lang", "en", "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.stderr
    section = result.stdout.split("Per file (phone), riskiest first")[1]
    order = [section.index(name) for name in ("chef.vcf", "buero.vcf", "fahrer.vcf")]
    assert order == sorted(order)


def test_one_file_has_no_per_file_section(tmp_path: Path) -> None:
    fleet(tmp_path)
    result = RUNNER.invoke(app, ["scan", str(tmp_path / "chef.vcf"), "--lang", "en"])
    assert "Per file" not in result.stdout
