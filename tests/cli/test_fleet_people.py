"""People, not cards: copies of a phone, a customer on two phones and twenty copies in one file, through the command."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()
AS_OF = "2026-11-25"
DEMO = (resources.files("scanner.data") / "demo" / "werkstatt.vcf").read_bytes()
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\n{body}\r\nEND:VCARD\r\n"


def _scan(*arguments: str) -> Any:
    result = RUNNER.invoke(app, ["scan", *arguments, "-f", "json", "--as-of", AS_OF, "--id-key", "fleet-test"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _table(*arguments: str) -> str:
    result = RUNNER.invoke(app, ["scan", *arguments, "--lang", "en", "--as-of", AS_OF, "--id-key", "fleet-test"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _demo_copies(tmp_path: Path, count: int) -> Path:
    for number in range(count):
        (tmp_path / f"phone-{number}.vcf").write_bytes(DEMO)
    return tmp_path


def _row(text: str, label: str) -> str:
    match = re.search(rf"^{re.escape(label)}\s+(.+)$", text, flags=re.MULTILINE)
    assert match, f"no row {label!r}"
    return match.group(1)


def _write(directory: Path, data: bytes, name: str = "phone.vcf") -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


def test_copies_of_a_phone_count_its_people_once(tmp_path: Path) -> None:
    one = _scan(str(_write(tmp_path, DEMO, "single.vcf")))["summary"]
    (tmp_path / "fleet").mkdir()
    fleet = _scan(str(_demo_copies(tmp_path / "fleet", 3)))
    people = fleet["summary"]["people"]
    assert (people["people"], people["entries"], people["phones"]) == (42, 126, 3)
    assert people["on_several_phones"] == 42
    assert (people["minors"], people["special_categories"]) == (one["minors"], one["special_category_contacts"])
    assert people["minors"] == 3
    assert people["uploaded"] == one["third_parties_exposed"] == 42
    # the old keys keep their meaning: they count entries
    assert fleet["summary"]["third_parties_exposed"] == 126
    assert len(fleet["people"]) == 42
    assert all(len(person["phones"]) == 3 and len(person["cards"]) == 3 for person in fleet["people"])


def test_twenty_copies_in_one_file_are_42_people(tmp_path: Path) -> None:
    report = _scan(str(_write(tmp_path, DEMO * 20)))
    people = report["summary"]["people"]
    assert (people["people"], people["entries"], people["phones"], people["on_several_phones"]) == (42, 840, 1, 0)
    assert report["summary"]["contacts"] == 52 * 20


def test_terminal_json_and_per_phone_figures_agree(tmp_path: Path) -> None:
    fleet = _demo_copies(tmp_path, 3)
    report = _scan(str(fleet))
    text = _table(str(fleet))
    people = report["summary"]["people"]
    # the row may wrap at the runner's width
    assert _row(text, "People").startswith("42 people in 126 entries on 3 phones, 42 of them on more than")
    assert _row(text, "People uploaded") == str(people["uploaded"]) == "42"
    assert _row(text, "Minors").startswith(f"{people['minors_exposed']} of {people['minors']}")
    special = f"{people['special_category_exposed']} of {people['special_categories']}"
    assert _row(text, "Special categories (Art. 9)").startswith(special)
    per_phone = [source["third_parties_exposed"] for source in report["sources"]]
    assert per_phone == [42, 42, 42]
    assert sum(per_phone) == report["summary"]["third_parties_exposed"] == people["entries"]


def test_a_customer_on_two_phones_is_one_person_on_two_phones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    customer = "FN:Otto Beispiel\r\nNOTE:Kunde, Angebot Carport\r\nTEL;TYPE=CELL:+49 152 28817402"
    same_number = "FN:Otto B.\r\nTEL;TYPE=CELL:0152 28817402"  # written nationally on the other phone
    other = "FN:Jana Beispiel\r\nNOTE:Kundin\r\nTEL;TYPE=CELL:+49 152 28817403"
    (tmp_path / "chef.vcf").write_text(CARD.format(body=customer) + CARD.format(body=other), encoding="utf-8")
    (tmp_path / "buero.vcf").write_text(CARD.format(body=same_number), encoding="utf-8")
    report = _scan(str(tmp_path))
    people = {len(person["phones"]): person for person in report["people"]}
    assert report["summary"]["people"]["people"] == 2
    otto = people[2]
    assert sorted(Path(path).name for path in otto["phones"]) == ["buero.vcf", "chef.vcf"]
    assert len(otto["cards"]) == 2
    monkeypatch.chdir(tmp_path)  # short paths: the table folds long ones
    text = _table(".")
    riskiest = text.split("Contacts at highest risk")[1]
    assert riskiest.count("•• 02") == 1  # the person once, with the phones they are on
    assert re.search(r"on: \S*buero\.vcf, \S*chef\.vcf", riskiest)


def test_combined_flags_are_the_most_protective_and_name_their_card(tmp_path: Path) -> None:
    business = "FN:Mia Beispiel\r\nNOTE:Kundin, Rechnung offen\r\nTEL;TYPE=CELL:+49 176 04069401"
    private_minor = "FN:Mia\r\nNOTE:Nichte\r\nBDAY:2015-02-03\r\nTEL;TYPE=CELL:+49 176 04069401"
    (tmp_path / "a.vcf").write_text(CARD.format(body=business), encoding="utf-8")
    (tmp_path / "b.vcf").write_text(CARD.format(body=private_minor), encoding="utf-8")
    report = _scan(str(tmp_path / "a.vcf"), str(tmp_path / "b.vcf"))
    by_source = {Path(contact["source"]).name: contact for contact in report["contacts"]}
    assert by_source["a.vcf"]["classification"] == "business"
    assert not by_source["a.vcf"]["minor"]
    (person,) = report["people"]
    assert person["classification"] == "private"
    assert Path(person["classification_from"]["source"]).name == "b.vcf"
    assert person["minor"]
    assert Path(person["minor_from"]["source"]).name == "b.vcf"
    assert person["risk"] == "critical"
    assert report["summary"]["people"]["minors_exposed"] == 1
