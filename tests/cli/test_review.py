"""``contactleak review`` and ``scan --decisions`` end to end through the installed command, prompts driven by stdin."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

from installed_command import COMMAND, TIMEOUT

KEY = "review-test-key"
PHONE = """BEGIN:VCARD\r
VERSION:3.0\r
FN:Kundin Petra Beispiel\r
NOTE:Angebot Küche, Rechnung offen\r
TEL;TYPE=CELL:+49 152 28817501\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Mama\r
TEL;TYPE=CELL:+49 152 28817502\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Kai Undecided\r
TEL;TYPE=CELL:+49 152 28817503\r
EMAIL:kai.undecided@web.de\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Lena Offen\r
TEL;TYPE=CELL:+49 171 3920050\r
END:VCARD\r
"""
SECRETS = ("28817503", "3920050", "Kai", "Lena", "Offen", "kai.undecided", "Undecided")


def run(*arguments: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "100"}
    env.pop("CONTACTLEAK_ID_KEY", None)
    return subprocess.run(
        [*COMMAND, *arguments, "--lang", "en"], cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
        timeout=TIMEOUT, check=False,
    )  # fmt: skip


def _phone(tmp_path: Path) -> Path:
    path = tmp_path / "phone.vcf"
    path.write_bytes(PHONE.encode("utf-8"))
    return path


def _scan_json(tmp_path: Path, *extra: str) -> dict[str, object]:
    done = run("scan", "phone.vcf", "-f", "json", "--id-key", KEY, *extra, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    document: dict[str, object] = json.loads(done.stdout)
    return document


def _by_line(document: dict[str, object]) -> dict[int, dict[str, object]]:
    contacts = document["contacts"]
    assert isinstance(contacts, list)
    return {int(contact["line"]): contact for contact in contacts}


def test_review_saves_decisions_by_pseudonym_only_and_scan_applies_them(tmp_path: Path) -> None:
    _phone(tmp_path)
    done = run("review", "phone.vcf", "--id-key", KEY, "--decisions", "decisions.json", cwd=tmp_path, stdin="b\np\n")
    assert done.returncode == 0, done.stderr
    assert "Kai Undecided" in done.stdout  # the owner's own data on the owner's machine: values are shown
    assert "2 cards to decide" in done.stdout
    saved = (tmp_path / "decisions.json").read_text(encoding="utf-8")
    assert not [secret for secret in SECRETS if secret in saved]
    assert sorted(json.loads(saved)["decisions"].values()) == ["business", "private"]
    scanned = _scan_json(tmp_path, "--decisions", "decisions.json")
    context = scanned["classification_context"]
    assert isinstance(context, dict) and context["decided_by_hand"] == 2
    hand = [c for c in _by_line(scanned).values() if c["decided_by"] == "hand"]
    assert sorted(str(c["classification"]) for c in hand) == ["business", "private"]
    assert "decided by hand" in "".join(str(reason) for c in hand for reason in c["reasons"])  # type: ignore[attr-defined]


def test_decisions_survive_a_rerun_with_the_same_key_and_are_not_asked_again(tmp_path: Path) -> None:
    _phone(tmp_path)
    first = run("review", "phone.vcf", "--id-key", KEY, "--decisions", "d.json", cwd=tmp_path, stdin="b\n")
    assert first.returncode == 0, first.stderr
    second = run("review", "phone.vcf", "--id-key", KEY, "--decisions", "d.json", cwd=tmp_path, stdin="q\n")
    assert second.returncode == 0, second.stderr
    assert "1 cards to decide" in second.stdout
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["decisions"]


def test_another_key_is_refused_and_decisions_need_a_key(tmp_path: Path) -> None:
    _phone(tmp_path)
    run("review", "phone.vcf", "--id-key", KEY, "--decisions", "d.json", cwd=tmp_path, stdin="b\np\n")
    other = run("scan", "phone.vcf", "--id-key", "another", "--decisions", "d.json", cwd=tmp_path)
    assert other.returncode == 2
    assert "another --id-key" in other.stderr
    keyless = run("scan", "phone.vcf", "--decisions", "d.json", cwd=tmp_path)
    assert keyless.returncode == 2
    assert "--id-key" in keyless.stderr


def test_csv_route_for_admins_round_trips_masked(tmp_path: Path) -> None:
    _phone(tmp_path)
    exported = run("review", "phone.vcf", "--id-key", KEY, "--decisions", "d.json", "--format", "csv", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert not [secret for secret in ("Kai Undecided", "Lena Offen", "28817503") if secret in exported.stdout]
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 2 and all(row["decision"] == "" for row in rows)
    rows[0]["decision"], rows[1]["decision"] = "p", "s"
    filled = io.StringIO()
    writer = csv.DictWriter(filled, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "filled.csv").write_text(filled.getvalue(), encoding="utf-8")
    scanned = _scan_json(tmp_path, "--decisions", "filled.csv")
    context = scanned["classification_context"]
    assert isinstance(context, dict) and context["decided_by_hand"] == 1


def test_trade_given_on_the_command_line_and_in_the_config(tmp_path: Path) -> None:
    _phone(tmp_path)
    given = _scan_json(tmp_path, "--trade", "hair-beauty")
    phones = given["classification_context"]["phones"]  # type: ignore[index]
    assert (phones[0]["trade"], phones[0]["trade_chosen"]) == ("hair_beauty", "given")
    (tmp_path / "c.toml").write_text('[owner]\ntrade = "care"\n', encoding="utf-8")
    configured = _scan_json(tmp_path, "--config", "c.toml")
    assert configured["classification_context"]["phones"][0]["trade"] == "care"  # type: ignore[index]
    unknown = run("scan", "phone.vcf", "--trade", "astronaut", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "astronaut" in unknown.stderr and "care" in unknown.stderr


def test_the_table_names_the_trade_and_how_it_was_chosen(tmp_path: Path) -> None:
    _phone(tmp_path)
    done = run("scan", "phone.vcf", "--trade", "crafts", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "trade: crafts and building trades (given by you" in " ".join(done.stdout.split())
