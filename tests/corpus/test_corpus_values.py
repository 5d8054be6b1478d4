"""Tricky real-world values compared with what the file says, decoded by hand from its bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.core.model import Birthday, Contact, Kind, PhoneType, Rejection, WarningCode
from scanner.core.reading import read_file

pytestmark = pytest.mark.corpus


def _items(corpus: Path, name: str) -> list[Contact | Rejection]:
    return sorted(read_file(corpus / name, display_path=name), key=lambda item: item.source.index)


def _only(corpus: Path, name: str) -> Contact:
    [contact] = _items(corpus, name)
    assert isinstance(contact, Contact)
    return contact


def _codes(contact: Contact) -> list[tuple[int, WarningCode]]:
    return [(warning.line, warning.code) for warning in contact.warnings]


def test_qp_name_and_address_with_soft_line_breaks(corpus_dir: Path) -> None:
    # N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:= / Br=C3=BCning;= / Michael  (C3 BC is ü)
    contact = _only(corpus_dir, "evolution-data-server/12.vcf")
    assert (contact.name.family, contact.name.given, contact.formatted_name) == (
        "Brüning",
        "Michael",
        "Michael Brüning",
    )
    [address] = contact.addresses
    assert (address.street, address.locality, address.region, address.postal_code) == (
        "Münsterplatz 21",
        "Ulm",
        "Baden-Württemberg",
        "89073",
    )


def test_shift_jis_name(corpus_dir: Path) -> None:
    # N;CHARSET=SHIFT_JIS: 88 40 | 93 A1 | 83 8D | 83 43 | 83 68  = 安 藤 ロ イ ド
    contact = _only(corpus_dir, "aosp-vcard/v21_japanese_1.vcf")
    assert contact.name.family == "安藤ロイド"
    assert [(phone.raw, phone.labels) for phone in contact.phones] == [("0300000000", ("pref", "voice"))]


def test_utf16_apple_address_book_export(corpus_dir: Path) -> None:
    # UTF-16 BE without BOM; item1.ADR;type=WORK;type=pref:;;ノキア;;;;
    contact = _only(corpus_dir, "qt-mobility/AAB4-SingleNonAscii.vcf")
    assert (contact.formatted_name, contact.organization) == ("The only first name", ("Company",))
    [address] = contact.addresses
    assert (address.street, address.labels) == ("ノキア", ("work", "pref"))


def test_cr_only_entourage_export(corpus_dir: Path) -> None:
    contact = _only(corpus_dir, "qt-mobility/Entourage11-basic.vcf")
    assert contact.formatted_name == "Firstname Lastname"
    assert (contact.name.family, contact.name.given, contact.name.prefixes, contact.name.suffixes) == (
        "Lastname",
        "Firstname",
        "Title",
        "Suffix",
    )
    assert (contact.nicknames, contact.title) == (("Nickname",), "Job title")
    assert contact.organization == ("Company Name", "Department Name")
    assert contact.note == "This is a note field.  Pretty boring."
    assert [url.value for url in contact.urls] == ["http://mywebpage.com", "http://workwebpage"]
    assert [email.address for email in contact.emails] == ["work@email", "home@email"]
    assert [phone.raw for phone in contact.phones] == [
        "homephone",
        "workphone",
        "work2phone",
        "mobile",
        "custom 1",
        "custom 3 phone",
    ]
    assert [address.locality for address in contact.addresses] == ["work city", "home city"]


def test_windows_1252_outlook_note(corpus_dir: Path) -> None:
    # NOTE;ENCODING=QUOTED-PRINTABLE without CHARSET; =92 is cp1252 for U+2019, =0D=0A a line break, "3r=" soft break
    contact = _only(corpus_dir, "calcard/010.vcf")
    assert contact.note == "1 St. Albans Brook apt 5 \r\n\r\n\r\nReid\u2019s place :\r\n364 3rd St. in Jersey City"


def test_fold_that_splits_a_utf8_sequence(corpus_dir: Path) -> None:
    # the NOTE folds between D0 and BB of "л" in "более"
    contact = _only(corpus_dir, "kcontacts/vcard9.vcf")
    assert contact.note == (
        "Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов."
    )
    assert contact.formatted_name == "βγδεαβγδ1" * 11
    assert contact.name.family == "123ㄓㄕㄖbcde" + "αβγδ" * 6 + "αβㄤㄓㄕㄖ"


def test_apple_item_labels(corpus_dir: Path) -> None:
    # item2.TEL:905-222-1234 / item2.X-ABLabel:_$!<AssistantPhone>!$_ ; item5.URL / item5.X-ABLabel:_$!<HomePage>!$_
    contact = _only(corpus_dir, "ez-vcard/John_Doe_IPHONE.vcf")
    assert (contact.phones[-1].raw, contact.phones[-1].labels) == ("905-222-1234", ("assistantphone",))
    assert [(url.value, url.labels) for url in contact.urls] == [("http://www.ibm.com", ("pref", "homepage"))]


def test_vcard_4_tel_uri(corpus_dir: Path) -> None:
    # TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102
    contact = _only(corpus_dir, "ez-vcard/rfc6350-example.vcf")
    first, second = contact.phones
    assert (first.raw, first.e164, first.region, first.labels) == (
        "tel:+1-418-656-9254;ext=102",
        "+14186569254",
        "CA",
        ("work", "voice"),
    )
    assert (second.e164, second.labels) == ("+14182626501", ("work", "cell", "voice", "video", "text"))
    assert contact.birthday == Birthday(year=None, month=2, day=3)


def test_vcard_4_kind(corpus_dir: Path) -> None:
    items = _items(corpus_dir, "calcard/rfc.vcf")
    kinds = {item.source.line: item.kind for item in items if isinstance(item, Contact)}
    assert (kinds[1], kinds[101], kinds[115], kinds[109]) == (Kind.INDIVIDUAL, Kind.GROUP, Kind.GROUP, Kind.UNSPECIFIED)


def test_profile_vcard_lotus_notes(corpus_dir: Path) -> None:
    contact = _only(corpus_dir, "ez-vcard/John_Doe_LOTUS_NOTES.vcf")
    assert contact.formatted_name == "Mr. Doe John I Johny"
    assert (contact.organization, contact.title, contact.role) == (
        ("IBM", "SUN"),
        "Generic Accountant",
        "Counting Money",
    )
    assert contact.nicknames == ("Johny,JayJay",)  # NICKNAME:Johny\,JayJay escapes the comma: one nickname
    assert contact.birthday == Birthday(1980, 5, 21)


def test_end_vcard_with_a_dot(corpus_dir: Path) -> None:
    contact = _only(corpus_dir, "gammu/se-2.vcf")
    assert (contact.name.family, contact.name.given) == ("Laurent", "Catherine")
    [address] = contact.addresses
    assert (address.street, address.locality, address.postal_code) == ("23 Allée d'Ozonville", "Athis Mons", "91200")
    assert [(p.e164, p.region, p.number_type) for p in contact.phones] == [("+33169389055", "FR", PhoneType.FIXED_LINE)]
    assert _codes(contact) == [(12, WarningCode.TRAILING_END_TEXT)]


def test_nested_begin_counts_three_cards(corpus_dir: Path) -> None:
    """Every BEGIN:VCARD starts a card of its own: nest1 and nest2 are people with their own names (AOSP's own
    importer test expects three entries), and TEL:1 after the inner END still belongs to the parent."""
    parent, first, second = _items(corpus_dir, "aosp-vcard/v21_nest.vcf")
    assert isinstance(parent, Contact) and isinstance(first, Contact) and isinstance(second, Contact)
    assert [(c.name.family, c.source.line) for c in (parent, first, second)] == [
        ("parent", 1),
        ("nest1", 4),
        ("nest2", 8),
    ]
    assert [phone.raw for phone in parent.phones] == ["1"]
    assert first.phones == second.phones == ()


def test_missing_end(corpus_dir: Path) -> None:
    contact = _only(corpus_dir, "l0b0-vcard/missing_end.vcf")
    assert (contact.formatted_name, contact.name.additional) == ("John Ottoman Doe", "Ottoman")
    assert _codes(contact) == [(1, WarningCode.MISSING_END)]


def test_bad_base64_photo_keeps_the_contact(corpus_dir: Path) -> None:
    # card 5 (line 36): PHOTO;ENCODING=BASE64 with 1169 data characters, one more than a multiple of 4
    items = _items(corpus_dir, "ez-vcard/John_Doe_ANDROID.vcf")
    assert len(items) == 6
    contact = items[4]
    assert isinstance(contact, Contact)
    assert contact.source.line == 36
    assert (contact.name.family, contact.name.given) == ("Ñ Ñ", "Ñ Ñ Ñ")
    assert [email.address for email in contact.emails] == ["bob@company.com", "Ñ" * 14]  # 11 + 3 after a soft break
    assert _codes(contact) == [(52, WarningCode.BAD_PHOTO)]
