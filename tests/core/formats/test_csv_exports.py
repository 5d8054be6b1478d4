"""Google and Outlook CSV exports read into the same contacts as the equivalent vCard; hostile CSV never crashes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from scanner.core.formats.csv_reader import MAX_LINE_CHARS
from scanner.core.formats.sources import ReadSettings, file_sources, read_text_export
from scanner.core.model import Contact, Rejection, RejectReason, WarningCode

FORMATS = Path(__file__).resolve().parents[3] / "fixtures" / "formats"


def _read_file(name: str) -> list[Contact | Rejection]:
    [source] = list(file_sources(FORMATS / name, name, ReadSettings()))
    return list(source.entries())


def _read(data: bytes) -> list[Contact | Rejection]:
    return list(read_text_export(io.BytesIO(data), "phone.csv", ReadSettings()))


def _essence(contact: Contact) -> tuple[object, ...]:
    """What the scan uses of a contact, without the source location and label spelling."""
    return (
        contact.formatted_name,
        contact.name,
        contact.organization,
        contact.title,
        sorted((phone.e164, phone.region_source) for phone in contact.phones),
        sorted(email.address for email in contact.emails),
        [(a.street, a.locality, a.region, a.postal_code, a.country) for a in contact.addresses],
        contact.birthday,
        contact.note,
        contact.categories,
    )


@pytest.mark.parametrize("name", ["google_contacts.csv", "outlook_en.csv", "outlook_de.csv"])
def test_csv_export_reads_like_the_equivalent_vcard(name: str) -> None:
    expected = [_essence(item) for item in _read_file("equivalent.vcf") if isinstance(item, Contact)]
    items = _read_file(name)
    assert all(isinstance(item, Contact) for item in items)
    assert [_essence(item) for item in items if isinstance(item, Contact)] == expected
    # Each row is located by the physical line it starts on (Ida's note holds a quoted newline).
    assert [(item.source.index, item.source.line) for item in items] == [(0, 2), (1, 4), (2, 5)]


def test_outlook_windows_1252_and_google_labels() -> None:
    ida = _read_file("outlook_de.csv")[0]
    assert isinstance(ida, Contact)
    assert ida.addresses[0].street == "Musterstraße 1"  # Windows-1252 ß, and the column "Straße geschäftlich"
    google = _read_file("google_contacts.csv")[0]
    assert isinstance(google, Contact)
    assert [phone.labels for phone in google.phones] == [("cell",), ("work",)]


def test_a_semicolon_table_with_generic_headers_is_a_contact_table() -> None:
    [contact] = _read(b"Vorname;Nachname;Mobiltelefon\r\nIda;Beispiel;0152 28817102\r\n")
    assert isinstance(contact, Contact)
    assert (contact.formatted_name, contact.phones[0].e164) == ("Ida Beispiel", "+4915228817102")


def test_a_row_without_anyone_is_rejected_and_counted() -> None:
    items = _read(b"First Name,Last Name,Mobile Phone,Birthday\r\n,,,1.1.1990\r\nIda,Beispiel,,\r\n")
    assert [type(item).__name__ for item in items] == ["Rejection", "Contact"]
    assert isinstance(items[0], Rejection)
    assert (items[0].reason, items[0].source.line) == (RejectReason.EMPTY_CARD, 2)


def test_unbalanced_quote_rejects_its_row_and_the_rest_is_still_read() -> None:
    rows = "".join(f"Person{n},Beispiel,0152 288171{n:02d}\r\n" for n in range(10))
    data = ('First Name,Last Name,Mobile Phone\r\nIda,"Beispiel,0152 28817100\r\n' + rows).encode()
    items = _read(data)
    rejected = [item for item in items if isinstance(item, Rejection)]
    contacts = [item for item in items if isinstance(item, Contact)]
    assert len(rejected) >= 1
    assert rejected[0].source.line == 2
    assert [c.name.given for c in contacts][-10:] == [f"Person{n}" for n in range(10)]
    assert len(items) == len(contacts) + len(rejected)


def test_a_100_mb_field_is_rejected_at_its_line_without_holding_it() -> None:
    huge = b"x" * (100 * 1024 * 1024)
    data = b"First Name,Last Name,Notes\r\nIda,Beispiel," + huge + b"\r\nJan,Beispiel,kurz\r\n"
    items = _read(data)
    assert [(type(item).__name__, item.source.line) for item in items] == [("Rejection", 2), ("Contact", 3)]
    assert len(huge) > MAX_LINE_CHARS


def test_binary_junk_after_the_header_is_located_not_a_crash() -> None:
    junk = bytes(range(256)) * 64
    items = _read(b"First Name,Last Name,Mobile Phone\r\n" + junk + b"\r\nIda,Beispiel,0152 28817103\r\n")
    assert items
    assert isinstance(items[-1], Contact)
    assert items[-1].name.given == "Ida"
    assert [item.source.index for item in items] == list(range(len(items)))


def test_formula_strings_are_kept_as_plain_text_values() -> None:
    formula = '=HYPERLINK("https://evil.example","klick")'
    [contact] = _read(
        f'First Name,Last Name,Notes\r\nIda,"{formula.replace(chr(34), chr(34) * 2)}","+1+1"\r\n'.encode()
    )
    assert isinstance(contact, Contact)
    assert (contact.name.family, contact.note) == (formula, "+1+1")


def test_a_row_of_the_wrong_width_is_read_with_a_warning() -> None:
    [contact] = _read(b"First Name,Last Name,Mobile Phone\r\nIda,Beispiel\r\n")
    assert isinstance(contact, Contact)
    assert [(w.line, w.code) for w in contact.warnings] == [(2, WarningCode.CSV_ROW_WIDTH)]


def test_a_table_without_contact_columns_is_no_csv_export() -> None:
    # Falls through to the vCard reader, which finds no card.
    from scanner.core.reading import InputError

    with pytest.raises(InputError):
        _read(b"Artikel,Preis\r\nBrot,3.20\r\n")
