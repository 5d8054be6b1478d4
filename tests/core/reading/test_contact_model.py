"""Every field of the contact model filled from one card that has them all (``fixtures/quirks/all-fields.vcf``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scanner.core.model import (
    Address,
    Birthday,
    Contact,
    Email,
    Kind,
    NameParts,
    Phone,
    PhoneType,
    Rejection,
    SourceRef,
    Url,
)
from scanner.core.reading import read_bytes, read_file

Loader = Callable[[str], bytes]


@pytest.fixture
def full(load_quirk: Loader) -> Contact:
    items = {item.source.index: item for item in read_bytes(load_quirk("all-fields.vcf"), path="export.vcf")}
    assert set(items) == {0, 1}
    contact = items[1]
    assert isinstance(contact, Contact)
    return contact


def test_source_names_file_index_and_begin_line(full: Contact) -> None:
    assert full.source == SourceRef(path="export.vcf", index=1, line=5)


def test_identity_fields(full: Contact) -> None:
    assert (full.version, full.uid, full.kind) == (
        "4.0",
        "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
        Kind.INDIVIDUAL,
    )
    assert full.formatted_name == "Dr. Hanna Maria Beispiel-Muster"
    assert full.name == NameParts("Beispiel-Muster", "Hanna", "Maria", "Dr.", "M.Sc.")


def test_work_and_private_fields(full: Contact) -> None:
    assert (full.organization, full.title, full.role) == (
        ("Beispiel Elektro GmbH", "Kundendienst"),
        "Monteurin",
        "Notdienst",
    )
    assert (full.nicknames, full.categories) == (("Hanni", "HM"), ("Kunden", "Notdienst"))
    assert full.note == "Schlüssel beim Nachbarn, Tür links\nAb 8 Uhr"
    assert full.birthday == Birthday(1985, 7, 4)


def test_phones_with_e164_country_type_validity_and_labels(full: Contact) -> None:
    assert full.phones == (
        Phone("+49 152 28817010", "+4915228817010", "DE", PhoneType.MOBILE, valid=True, labels=("cell",)),
        Phone("030 23125020", "+493023125020", "DE", PhoneType.FIXED_LINE, valid=True, labels=("work",)),
    )


def test_emails_addresses_urls_with_labels(full: Contact) -> None:
    assert full.emails == (Email("hanna@example.de", ("work",)), Email("hanni@example.com", ("verein",)))
    assert full.addresses == (
        Address("Postfach 12", "Hinterhaus", "Musterweg 5", "Berlin", "Berlin", "10115", "Deutschland", ("work",)),
    )
    assert full.urls == (Url("https://elektro.example.de", ("work",)),)
    assert full.warnings == ()


def test_read_file_shows_the_path_as_given(tmp_path: Path, load_quirk: Loader) -> None:
    copy = tmp_path / "telefon.vcf"
    copy.write_bytes(load_quirk("all-fields.vcf"))
    items: list[Contact | Rejection] = list(read_file(copy, display_path="exports/telefon.vcf"))
    assert {item.source.path for item in items} == {"exports/telefon.vcf"}
