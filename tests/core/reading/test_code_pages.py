"""Legacy code pages: values without a CHARSET read in the code page every hint of the file points to."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.core.model import CodePage, Contact, WarningCode
from scanner.core.reading import read_bytes, read_file
from scanner.core.reading.code_pages import guess_code_page, implausibility, text_codec

ENCODINGS = Path(__file__).resolve().parents[3] / "fixtures" / "encodings"


def _contacts(name: str, encoding: str | None = None) -> list[Contact]:
    items = list(read_file(ENCODINGS / name, encoding=encoding))
    assert all(isinstance(item, Contact) for item in items)
    return [item for item in items if isinstance(item, Contact)]


def _warnings(contacts: list[Contact]) -> list[tuple[int, WarningCode, CodePage | None]]:
    return [(w.line, w.code, w.code_page) for contact in contacts for w in contact.warnings]


@pytest.mark.parametrize(
    ("name", "names", "code_page"),
    [
        ("cp1251_no_charset.vcf", ["Оксана Гнатюк", "Аркадий Белоусов"], CodePage.CP1251),
        ("cp1253_no_charset.vcf", ["Ελένη Παπαδοπούλου", "Νίκος Βλάχος"], CodePage.CP1253),
        ("cp1255_no_charset.vcf", ["דוד כהן", "שרה לוי"], CodePage.CP1255),
        ("cp1250_no_charset.vcf", ["Małgorzata Wałęsowska", "Władysław Kąkolewski"], CodePage.CP1250),
        ("cp1254_no_charset.vcf", ["Ayşe Yılmazoğlu", "Tuğba Öztürkmen"], CodePage.CP1254),
    ],
)
def test_a_file_without_any_charset_is_read_in_the_guessed_code_page(
    name: str, names: list[str], code_page: CodePage
) -> None:
    contacts = _contacts(name)
    assert [contact.formatted_name for contact in contacts] == names
    # Said once per file, at the first value read that way (N on line 3).
    assert _warnings(contacts) == [(3, WarningCode.CODE_PAGE_GUESSED, code_page)]


def test_structured_values_and_organisations_use_the_same_code_page() -> None:
    first, second = _contacts("cp1254_no_charset.vcf")
    assert (first.name.family, first.name.given) == ("Yılmazoğlu", "Ayşe")
    [address] = second.addresses
    assert (address.street, address.locality, address.country) == ("Çiçek Sokağı 3", "İstanbul", "Türkiye")
    assert _contacts("cp1250_no_charset.vcf")[1].organization == ("Świątek Sp. z o.o.",)


def test_a_charset_on_another_property_of_the_card_decides() -> None:
    [contact] = _contacts("cp1251_charset_on_other_property.vcf")
    assert (contact.name.family, contact.formatted_name, contact.note) == ("Гнатюк", "Оксана Гнатюк", "Постачальник")
    assert _warnings([contact]) == [(4, WarningCode.CODE_PAGE_FROM_CARD, CodePage.CP1251)]


def test_a_charset_in_another_card_of_the_file_decides() -> None:
    first, second = _contacts("cp1253_charset_in_other_card.vcf")
    assert (first.formatted_name, second.formatted_name) == ("Νίκος Βλάχος", "Ζωή Νικολάου")
    assert _warnings([first]) == []  # its values name their CHARSET
    assert _warnings([second]) == [(9, WarningCode.CODE_PAGE_FROM_FILE, CodePage.CP1253)]


def test_forced_encoding_reads_what_no_guess_can_tell_apart() -> None:
    # Czech ř and č are ø and è in Windows-1252: both readings are plausible Latin letters.
    [guessed] = _contacts("cp1250_czech_ambiguous.vcf")
    assert guessed.formatted_name == "Jiøina Dvoøáková"
    [forced] = _contacts("cp1250_czech_ambiguous.vcf", encoding="cp1250")
    assert forced.formatted_name == "Jiřina Dvořáková"
    assert forced.warnings == ()  # the user chose it: nothing repaired


def test_forced_encoding_wins_over_the_guess_but_not_over_a_fitting_charset() -> None:
    [as_cyrillic, _] = _contacts("cp1253_no_charset.vcf", encoding="cp1251")
    assert as_cyrillic.formatted_name == "Ελένη Παπαδοπούλου".encode("cp1253").decode("cp1251")
    first, _ = _contacts("cp1253_charset_in_other_card.vcf", encoding="cp1251")
    assert first.formatted_name == "Νίκος Βλάχος"  # FN;CHARSET=WINDOWS-1253 fits its bytes


def test_a_forced_utf16_file_is_transcoded() -> None:
    data = "BEGIN:VCARD\r\nFN:Ζωή Νικολάου\r\nTEL:+49 152 28817010\r\nEND:VCARD\r\n".encode("utf-16-le")
    [contact] = list(read_bytes(data, encoding="utf-16-le"))
    assert isinstance(contact, Contact)
    assert contact.formatted_name == "Ζωή Νικολάου"


def test_utf8_values_stay_utf8_in_a_legacy_file() -> None:
    data = (
        "BEGIN:VCARD\r\nFN:Оксана Гнатюк\r\nEND:VCARD\r\n".encode("cp1251")
        + "BEGIN:VCARD\r\nFN:Jürgen Weiß\r\nEND:VCARD\r\n".encode()
    )
    first, second = list(read_bytes(data))
    assert isinstance(first, Contact)
    assert isinstance(second, Contact)
    assert (first.formatted_name, second.formatted_name) == ("Оксана Гнатюк", "Jürgen Weiß")
    assert second.warnings == ()


def test_german_windows_1252_is_read_as_before_without_a_warning() -> None:
    data = "BEGIN:VCARD\r\nFN:Jürgen Müller\r\nORG:Bäckerei Größe\r\nEND:VCARD\r\n".encode("cp1252")
    [contact] = list(read_bytes(data))
    assert isinstance(contact, Contact)
    assert (contact.formatted_name, contact.organization, contact.warnings) == (
        "Jürgen Müller",
        ("Bäckerei Größe",),
        (),
    )


def test_a_utf8_bom_file_with_a_stray_legacy_value_falls_back_to_windows_1252() -> None:
    data = b"\xef\xbb\xbf" + "BEGIN:VCARD\r\nFN:Jörg Weiß\r\nEND:VCARD\r\n".encode("cp1252")
    [contact] = list(read_bytes(data))
    assert isinstance(contact, Contact)
    assert contact.formatted_name == "Jörg Weiß"
    assert [(w.code, w.code_page) for w in contact.warnings] == [(WarningCode.CODE_PAGE_DEFAULT, CodePage.CP1252)]


def test_quoted_printable_values_are_sampled_after_decoding() -> None:
    encoded = "".join(f"={byte:02X}" for byte in "Гнатюк".encode("cp1251"))
    data = f"BEGIN:VCARD\r\nN;ENCODING=QUOTED-PRINTABLE:{encoded};;;;\r\nEND:VCARD\r\n".encode()
    [contact] = list(read_bytes(data))
    assert isinstance(contact, Contact)
    assert contact.name.family == "Гнатюк"


@pytest.mark.parametrize(
    ("text", "codec"),
    [("משה", "cp1255"), ("محمد العلي", "cp1256"), ("Іван", "cp1251"), ("Tuğba Doğan", "cp1254"), ("Søren", "cp1252")],
)
def test_even_one_short_name_is_guessed(text: str, codec: str) -> None:
    assert guess_code_page(text.encode(codec)) == codec


def test_implausibility_counts_symbols_in_words_mixed_scripts_and_broken_case() -> None:
    assert implausibility("Władysław") == 0.0
    assert implausibility("W³adys³aw") > 0.5  # the same bytes read as Windows-1252
    assert implausibility("НЯкот") > 0.0  # Greek Νίκος read as Windows-1251
    assert implausibility("mשller") > implausibility("müller")


def test_only_text_encodings_can_be_forced() -> None:
    assert text_codec("Windows-1251") == "cp1251"
    assert text_codec("ISO-8859-7") == "iso8859-7"
    assert text_codec("base64") is None
    assert text_codec("klingonisch") is None
