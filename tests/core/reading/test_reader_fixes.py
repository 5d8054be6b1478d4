"""Reader bugs found while proving it, each pinned by a test that failed before the fix."""

from __future__ import annotations

from scanner.core.model import Contact, Rejection, WarningCode
from scanner.core.reading import read_bytes


def _read(data: bytes) -> list[Contact | Rejection]:
    return sorted(read_bytes(data), key=lambda item: item.source.index)


def test_a_line_after_an_empty_bare_property_is_not_its_value() -> None:
    data = b"BEGIN:VCARD\r\nFN:Ida Beispiel\r\nN\r\nkein Wert\r\nEND:VCARD\r\n"
    [contact] = _read(data)
    assert isinstance(contact, Contact)
    assert contact.name.is_empty()
    assert [(w.line, w.code) for w in contact.warnings] == [(4, WarningCode.UNPARSEABLE_LINE)]


def test_a_comment_right_after_begin_belongs_to_that_card() -> None:
    data = (
        b"BEGIN:VCARD\r\nFN:Erste Karte\r\nEND:VCARD\r\nBEGIN:VCARD\r\n# Kommentar\r\nFN:Zweite Karte\r\nEND:VCARD\r\n"
    )
    first, second = _read(data)
    assert isinstance(first, Contact) and isinstance(second, Contact)
    assert first.warnings == ()
    assert [(w.line, w.code) for w in second.warnings] == [(5, WarningCode.COMMENT_LINE)]


def test_nul_bytes_after_the_last_end_are_not_blamed_on_the_card() -> None:
    [contact] = _read(b"BEGIN:VCARD\r\nFN:Lisa Beispiel\r\nEND:VCARD\r\n\x00\x00\x00")
    assert isinstance(contact, Contact)
    assert contact.warnings == ()
