"""The labelled fixtures and the demo sample read cleanly and decode to exactly what was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from labelled_eval import DEMO_DIR, LABELLED_DIR, REPOSITORY, load_labels, read_cards

from scanner.core.model import Birthday, Contact, Kind, PhoneType

FILES = sorted([*LABELLED_DIR.glob("*.vcf"), *DEMO_DIR.glob("*.vcf")])
LABELLED = "fixtures/labelled/"


def _rel(path: Path) -> str:
    return path.relative_to(REPOSITORY).as_posix()


def _contacts() -> dict[tuple[str, int], Contact]:
    cards = read_cards(_rel(path) for path in FILES)
    return {key: card for key, card in cards.items() if isinstance(card, Contact)}


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_card_becomes_a_contact_without_warnings(path: Path) -> None:
    cards = read_cards([_rel(path)])
    assert cards
    assert all(isinstance(card, Contact) for card in cards.values())
    warned = {key: card.warnings for key, card in cards.items() if isinstance(card, Contact) and card.warnings}
    assert not warned


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_no_mojibake_and_every_number_valid(path: Path) -> None:
    for contact in read_cards([_rel(path)]).values():
        assert isinstance(contact, Contact)
        texts = (contact.display_name, contact.note, contact.title, *contact.organization, *contact.nicknames)
        assert not any(marker in text for text in texts for marker in ("Ã", "Â", "\ufffd")), contact.source
        assert contact.phones, contact.source
        assert all(phone.valid and phone.e164 for phone in contact.phones), contact.source


def test_display_names_match_the_labels() -> None:
    contacts = _contacts()
    labels = [*load_labels(LABELLED_DIR / "labels.csv"), *load_labels(DEMO_DIR / "labels.csv")]
    assert {label.key for label in labels} == set(contacts)
    assert all(contacts[label.key].display_name == label.display_name for label in labels)


NOTES = {
    (LABELLED + "android_sanitaer.vcf", 6): "Therme Wartung jährlich, geht am Rollator – Treppe!",
    (LABELLED + "iphone_friseursalon.vcf", 7): "Freundin von Emma, Mama heißt Ayşe",
    (LABELLED + "google_schreinerei.vcf", 6): "Empfangstresen für die Praxis, Lieferung KW 48",
    (LABELLED + "vcard4_elektro.vcf", 19): "Coming-out-Gruppe Donnerstag (für Emre)",
    ("scanner/data/demo/werkstatt.vcf", 14): "Geselle, Urlaub Juli",
}


@pytest.mark.parametrize(("key", "note"), NOTES.items(), ids=lambda value: str(value)[:40])
def test_notes_decode_to_what_was_written(key: tuple[str, int], note: str) -> None:
    assert _contacts()[key].note == note


def test_outlook_windows_1252_and_quoted_printable_line_breaks() -> None:
    raw = (LABELLED_DIR / "outlook_steuerkanzlei.vcf").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"=0D=0A" in raw
    contacts = _contacts()
    sommer = contacts[(LABELLED + "outlook_steuerkanzlei.vcf", 0)]
    assert sommer.organization == ("Bäckerei Sommer GmbH",)
    assert sommer.title == "Geschäftsführer"
    lines = contacts[(LABELLED + "outlook_steuerkanzlei.vcf", 2)].note.splitlines()
    assert lines == ["Mandantin seit 2019", "ESt 2025, Belege bis 31.5.",
                     "Handwerkerleistungen und Nebenkosten prüfen, Rückfragen gern vormittags"]


def test_android_quoted_printable_soft_breaks_and_nickname() -> None:
    raw = (LABELLED_DIR / "android_sanitaer.vcf").read_bytes()
    assert b"CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" in raw
    assert b"=\r\n" in raw
    contacts = _contacts()
    koehler = contacts[(LABELLED + "android_sanitaer.vcf", 2)]
    assert (koehler.display_name, koehler.nicknames) == ("Dirk Köhler", ("Schwager",))
    assert contacts[(LABELLED + "android_sanitaer.vcf", 7)].organization == ("Rohr & Wärme Großhandel GmbH",)


def test_apple_and_vcard4_kinds_birthdays_and_service_numbers() -> None:
    contacts = _contacts()
    assert contacts[(LABELLED + "iphone_friseursalon.vcf", 2)].kind is Kind.ORG
    assert contacts[(LABELLED + "iphone_friseursalon.vcf", 4)].display_name == "Schatz ❤️"
    assert contacts[(LABELLED + "vcard4_elektro.vcf", 0)].kind is Kind.ORG
    assert contacts[(LABELLED + "vcard4_elektro.vcf", 6)].birthday == Birthday(None, 4, 15)
    assert contacts[(LABELLED + "iphone_friseursalon.vcf", 11)].phones[0].number_type is PhoneType.TOLL_FREE
    assert contacts[(LABELLED + "android_sanitaer.vcf", 12)].phones[0].number_type is PhoneType.SHARED_COST
    assert contacts[(LABELLED + "google_schreinerei.vcf", 0)].categories == ("myContacts", "Familie")


def test_old_nokia_cards_without_fn_and_latin1_quoted_printable() -> None:
    contacts = _contacts()
    assert contacts[(LABELLED + "nokia_dachdecker.vcf", 0)].display_name == "Mama"
    assert contacts[(LABELLED + "nokia_dachdecker.vcf", 28)].display_name == "Jörg Müller"
    assert contacts[(LABELLED + "nokia_dachdecker.vcf", 4)].birthday == Birthday(2013, 5, 5)
