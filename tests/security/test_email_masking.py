"""E-mail addresses through the installed command: only a provider's or organisation's domain stays visible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from installed_command import run_contactleak

CARDS = [
    ("Zora Markerfrau", "zora.markerfrau@example.org (Zora Markerfrau, mobil +49 176 04069012)"),
    ("Xaver Kleinsorg", "x@kleinsorg.example?cc=xaver.kleinsorg"),
    ("Yara Freimail", "yara.freimail@gmx.de?subject=Hallo"),
    ("Erik Eigen", "erik@eigenname.example"),
    ("Anna Firma", "anna.firma@firma.example"),
    ("Bodo Verein", "bodo@verein.example"),
    ("Carla Verein", "carla@verein.example"),
]
SECRETS = ("zora", "markerfrau", "04069012", "xaver", "kleinsorg", "yara.freimail", "eigenname", "erik@", "anna.firma")


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "phone.vcf"
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL;TYPE=CELL:+49 176 040690{index:02d}\r\n"
            f"EMAIL:{address}\r\nEND:VCARD\r\n"
            for index, (name, address) in enumerate(CARDS, start=20)
        ),
        "utf-8",
    )
    return path


def test_json_shows_only_known_domains_and_never_a_name_or_number_after_the_address(export: Path) -> None:
    done = run_contactleak("scan", str(export), "-f", "json", "--company-domain", "firma.example")
    assert done.returncode == 0, done.stderr
    lowered = done.stdout.lower()
    assert [secret for secret in SECRETS if secret in lowered] == []
    emails = sorted(email for contact in json.loads(done.stdout)["contacts"] for email in contact["emails"])
    assert emails == sorted(
        ["•••@•••.org", "•••@•••.example", "•••@gmx.de", "•••@•••.example", "•••@firma.example"]
        + ["•••@verein.example"] * 2
    )


def test_free_mail_is_recognised_despite_junk_after_the_address(export: Path) -> None:
    done = run_contactleak("scan", str(export), "-f", "json", "--show-pii")
    assert done.returncode == 0, done.stderr
    yara = next(c for c in json.loads(done.stdout)["contacts"] if c["display_name"] == "Yara Freimail")
    assert "free_mail" in yara["reason_codes"]


def test_the_table_masks_the_same_way(export: Path) -> None:
    done = run_contactleak("scan", str(export), "--company-domain", "firma.example")
    assert done.returncode == 0, done.stderr
    lowered = done.stdout.lower()
    assert [secret for secret in SECRETS if secret in lowered] == []
    assert "•••@•••.example" in done.stdout


def test_show_pii_shows_the_address_as_written(export: Path) -> None:
    done = run_contactleak("scan", str(export), "-f", "json", "--show-pii")
    assert "zora.markerfrau@example.org (Zora Markerfrau" in done.stdout


def test_the_id_key_can_come_from_a_file_and_the_help_warns_about_the_process_list(
    export: Path, tmp_path: Path
) -> None:
    key_file = tmp_path / "id.key"
    key_file.write_text("s3cret-fleet-key\n", "utf-8")
    from_file = run_contactleak("scan", str(export), "-f", "json", "--id-key-file", str(key_file))
    from_option = run_contactleak("scan", str(export), "-f", "json", "--id-key", "s3cret-fleet-key")
    assert from_file.returncode == from_option.returncode == 0, from_file.stderr
    ids = [[contact["id"] for contact in json.loads(done.stdout)["contacts"]] for done in (from_file, from_option)]
    assert ids[0] == ids[1]
    assert "s3cret" not in from_file.stdout + from_file.stderr
    both = run_contactleak("scan", str(export), "--id-key-file", str(key_file), "--id-key", "x")
    assert both.returncode == 2
    help_text = " ".join(run_contactleak("scan", "--help", environment={"COLUMNS": "200"}).stdout.split())
    assert "process list" in help_text
    assert "--id-key-file" in help_text
