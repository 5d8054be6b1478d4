"""Two line glitches read as a person reads them: a junk line after BEGIN:VCARD, an indented property line."""

from __future__ import annotations

from scanner.core.model import Contact, WarningCode
from scanner.core.reading import read_bytes


def _read(data: bytes) -> list[Contact]:
    items = list(read_bytes(data))
    assert all(isinstance(item, Contact) for item in items)
    return [item for item in items if isinstance(item, Contact)]


def test_a_junk_line_after_begin_is_skipped_with_its_line_and_the_card_is_read() -> None:
    data = (
        b"BEGIN:VCARD\r\nexportiert von Telefonbuch 2.0\r\nVERSION:3.0\r\nFN:Ida Beispiel\r\n"
        b"TEL:+49 152 28817001\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan Beispiel\r\nEND:VCARD\r\n"
    )
    first, second = _read(data)
    assert (first.source.line, first.formatted_name, first.version) == (1, "Ida Beispiel", "3.0")
    assert [(w.line, w.code) for w in first.warnings] == [(2, WarningCode.UNPARSEABLE_LINE)]
    assert (second.source.index, second.source.line, second.warnings) == (1, 7, ())


def test_an_indented_line_that_reads_like_a_property_starts_one() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Lieferant\r\n FN:Douglas Beispiel\r\nTEL:+49 30 23125001\r\nEND:VCARD\r\n"
    )
    [contact] = _read(data)
    assert (contact.formatted_name, contact.note) == ("Douglas Beispiel", "Lieferant")
    assert [(w.line, w.code) for w in contact.warnings] == [(4, WarningCode.INDENTED_PROPERTY)]


def test_real_folds_still_continue_the_value() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ida Beispiel\r\nNOTE:Bitte anrufen unter der Nummer aus\r\n"
        b"  dem Katalog, Seite 4\r\nNOTE:zweite\r\n Notiz: mit Doppelpunkt\r\nEND:VCARD\r\n"
    )
    [contact] = _read(data)
    assert contact.note == "Bitte anrufen unter der Nummer aus dem Katalog, Seite 4\nzweiteNotiz: mit Doppelpunkt"
    assert contact.warnings == ()


def test_an_embedded_agent_card_stays_inside_its_value() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ida Beispiel\r\nAGENT:BEGIN:VCARD\r\n VERSION:3.0\r\n FN:Assistenz\r\n"
        b" END:VCARD\r\nEND:VCARD\r\n"
    )
    [contact] = _read(data)
    assert (contact.formatted_name, contact.warnings) == ("Ida Beispiel", ())
