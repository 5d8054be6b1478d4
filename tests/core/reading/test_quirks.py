"""One fictional fixture per quirk of real exports (``fixtures/quirks/``), each read to the values it holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scanner.core.model import Birthday, Contact, Kind, PhoneType, Rejection, WarningCode
from scanner.core.reading import read_bytes

Loader = Callable[[str], bytes]


def _all(load_quirk: Loader, name: str, region: str = "DE") -> list[Contact | Rejection]:
    return sorted(read_bytes(load_quirk(name), path=name, region=region), key=lambda item: item.source.index)


def _one(load_quirk: Loader, name: str, region: str = "DE") -> Contact:
    [item] = _all(load_quirk, name, region)
    assert isinstance(item, Contact), item
    return item


def _codes(contact: Contact) -> list[tuple[int, WarningCode]]:
    return [(warning.line, warning.code) for warning in contact.warnings]


@pytest.mark.parametrize(
    ("name", "formatted", "family", "given"),
    [
        ("utf8-bom.vcf", "Jörg Übelmann", "Übelmann", "Jörg"),
        ("utf16-le-no-bom.vcf", "Zoë Brünnhilde", "Brünnhilde", "Zoë"),
        ("utf16-be-no-bom.vcf", "Zoë Brünnhilde", "Brünnhilde", "Zoë"),
        ("cp1252-without-charset.vcf", "", "Weiß", "Günther"),
        ("charset-shift-jis.vcf", "", "山田", "花子"),
        ("charset-iso-8859-1.vcf", "", "Möller", "Käthe"),
        ("charset-iso-8859-1-quoted-printable.vcf", "", "Grüßer", "Jürgen"),
        ("fold-splits-utf8.vcf", "Fritz Grüße", "Grüße", "Fritz"),
        ("qp-soft-line-breaks.vcf", "", "Müller-Lüdenscheid", "Hans-Jürgen"),
    ],
)
def test_names_survive_encodings(load_quirk: Loader, name: str, formatted: str, family: str, given: str) -> None:
    contact = _one(load_quirk, name)
    assert (contact.formatted_name, contact.name.family, contact.name.given) == (formatted, family, given)
    assert not any(warning.code is WarningCode.BAD_CHARSET for warning in contact.warnings)


def test_the_bom_is_not_part_of_the_first_line(load_quirk: Loader) -> None:
    assert _one(load_quirk, "utf8-bom.vcf").source.line == 1


def test_cp1252_note_keeps_dash_umlaut_and_euro(load_quirk: Loader) -> None:
    assert _one(load_quirk, "cp1252-without-charset.vcf").note == "Kunde seit 2019 – zahlt pünktlich, 50 €"


def test_iso_8859_1_inside_quoted_printable_address(load_quirk: Loader) -> None:
    [address] = _one(load_quirk, "charset-iso-8859-1-quoted-printable.vcf").addresses
    assert (address.street, address.locality, address.postal_code) == ("Hauptstraße 1", "München", "80331")
    assert address.labels == ("home",)


def test_qp_soft_breaks_keep_the_value_whole(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "qp-soft-line-breaks.vcf")
    assert contact.note == "Erste Zeile\r\nZweite Zeile mit Umlaut ä"
    assert [phone.e164 for phone in contact.phones] == ["+4915228817003"]


@pytest.mark.parametrize(
    "name",
    [
        "crlf-line-ends.vcf",
        "lf-line-ends.vcf",
        "cr-only-line-ends.vcf",
        "cr-cr-lf-line-ends.vcf",
        "mixed-line-ends.vcf",
    ],
)
def test_line_ends(load_quirk: Loader, name: str) -> None:
    contact = _one(load_quirk, name)
    assert contact.formatted_name == "Lena Zeilenende"
    assert [phone.e164 for phone in contact.phones] == ["+493023125004"]
    assert contact.warnings == ()


def test_cr_cr_lf_is_one_line_end_not_a_blank_line(load_quirk: Loader) -> None:
    data = load_quirk("cr-cr-lf-line-ends.vcf")
    assert data.count(b"\r\r\n") == 5
    assert _one(load_quirk, "cr-cr-lf-line-ends.vcf").version == "3.0"


def test_tab_folding_removes_the_line_end_and_the_tab(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "tab-folding.vcf")
    assert contact.formatted_name == "Maximilian Faltenreich"
    assert contact.note == "erste Zeile und weiter"


def test_missing_end_keeps_both_cards(load_quirk: Loader) -> None:
    anna, bernd = _all(load_quirk, "missing-end.vcf")
    assert isinstance(anna, Contact) and isinstance(bernd, Contact)
    assert (anna.formatted_name, anna.source.line, _codes(anna)) == ("Anna Ohneende", 1, [(1, WarningCode.MISSING_END)])
    assert (bernd.formatted_name, bernd.source.line, bernd.warnings) == ("Bernd Danach", 5, ())


def test_missing_begin_reads_the_lines_before_end_as_a_card(load_quirk: Loader) -> None:
    carla, dieter = _all(load_quirk, "missing-begin.vcf")
    assert isinstance(carla, Contact) and isinstance(dieter, Contact)
    assert (carla.formatted_name, _codes(carla)) == ("Carla Ohneanfang", [(1, WarningCode.MISSING_BEGIN)])
    assert [phone.e164 for phone in carla.phones] == ["+493023125006"]
    assert (dieter.formatted_name, dieter.source.line) == ("Dieter Normal", 5)


def test_end_with_trailing_dot_closes_the_card(load_quirk: Loader) -> None:
    emil, frieda = _all(load_quirk, "end-with-trailing-dot.vcf")
    assert isinstance(emil, Contact) and isinstance(frieda, Contact)
    assert (emil.name.family, _codes(emil)) == ("Punkt", [(5, WarningCode.TRAILING_END_TEXT)])
    assert (frieda.name.family, frieda.source.line, frieda.warnings) == ("Folger", 6, ())


def test_nested_begin_is_two_cards_and_the_outer_keeps_its_number(load_quirk: Loader) -> None:
    outer, inner = _all(load_quirk, "nested-begin.vcf")
    assert isinstance(outer, Contact) and isinstance(inner, Contact)
    assert (outer.name.family, outer.source.line, [p.e164 for p in outer.phones]) == ("Aussen", 1, ["+493023125008"])
    assert (inner.name.family, inner.source.line, inner.phones) == ("Innen", 4, ())


def test_line_without_colon_is_skipped_with_a_warning(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "line-without-colon.vcf")
    assert contact.formatted_name == "Ida Doppelpunktlos"
    assert contact.name.is_empty()
    assert _codes(contact) == [(5, WarningCode.UNPARSEABLE_LINE)]
    assert [phone.e164 for phone in contact.phones] == ["+493023125009"]


def test_comment_line_is_skipped_with_a_warning(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "comment-line.vcf")
    assert _codes(contact) == [(4, WarningCode.COMMENT_LINE)]
    assert [phone.e164 for phone in contact.phones] == ["+493023125010"]


def test_illegal_property_names_cost_only_their_own_line(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "illegal-property-names.vcf")
    assert contact.formatted_name == "Karl Sonderzeichen"
    assert [phone.e164 for phone in contact.phones] == ["+493023125011"]
    assert _codes(contact) == [(6, WarningCode.UNPARSEABLE_LINE)]


def test_nul_bytes_are_removed_with_a_warning(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "nul-bytes.vcf")
    assert [phone.e164 for phone in contact.phones] == ["+493023125012"]
    assert _codes(contact) == [(4, WarningCode.NUL_BYTES)]


def test_bad_base64_photo_keeps_the_contact_and_warns(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "bad-base64-photo.vcf")
    assert (contact.name.family, [p.e164 for p in contact.phones]) == ("Foto", ["+4915228817004"])
    assert _codes(contact) == [(4, WarningCode.BAD_PHOTO)]


def test_raw_newline_inside_a_value_continues_it(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "raw-newline-in-value.vcf")
    assert contact.note == "Lieferung bitte\nhinten am Tor abgeben"
    assert [phone.e164 for phone in contact.phones] == ["+493023125013"]


def test_profile_vcard_is_harmless(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "profile-vcard.vcf")
    assert (contact.formatted_name, contact.warnings) == ("Otto Profil", ())


@pytest.mark.parametrize(
    ("name", "version", "email_labels"),
    [("vcard-2-1.vcf", "2.1", ("internet",)), ("vcard-3-0.vcf", "3.0", ("internet", "work"))],
)
def test_vcard_2_1_and_3_0_type_labels(load_quirk: Loader, name: str, version: str, email_labels: tuple[str]) -> None:
    contact = _one(load_quirk, name)
    [phone] = contact.phones
    [email] = contact.emails
    assert contact.version == version
    assert (phone.labels, phone.number_type, phone.valid) == (("work", "voice"), PhoneType.FIXED_LINE, True)
    assert (email.labels, email.domain) == (email_labels, "example.de")


def test_vcard_4_0_tel_uri_value_uri_and_kind(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "vcard-4-0.vcf")
    work, mobile = contact.phones
    assert (contact.version, contact.kind) == ("4.0", Kind.ORG)
    assert (work.raw, work.e164, work.labels) == ("tel:+49-30-23125017;ext=12", "+493023125017", ("work", "voice"))
    assert (mobile.e164, mobile.number_type, mobile.region) == ("+4915228817005", PhoneType.MOBILE, "DE")
    assert [url.value for url in contact.urls] == ["https://werkstatt.example.de/"]


def test_partial_birthday_without_year(load_quirk: Loader) -> None:
    assert _one(load_quirk, "partial-birthday.vcf").birthday == Birthday(year=None, month=4, day=15)


def test_apple_show_as_company_is_an_organisation(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "apple-show-as-company.vcf")
    assert (contact.kind, contact.organization) == (Kind.ORG, ("Sanitär Beispiel KG",))


def test_apple_item_labels_join_the_type_labels(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "apple-item-labels.vcf")
    assert [(phone.e164, phone.labels) for phone in contact.phones] == [("+4917604069001", ("mobile",))]
    assert [(email.address, email.labels) for email in contact.emails] == [("tina@example.com", ("internet", "verein"))]


def test_national_numbers_are_read_in_the_default_region(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "national-numbers.vcf")
    assert [(p.raw, p.e164, p.region, p.number_type) for p in contact.phones] == [
        ("0152 28817006", "+4915228817006", "DE", PhoneType.MOBILE),
        ("030 23125019", "+493023125019", "DE", PhoneType.FIXED_LINE),
    ]


def test_national_numbers_follow_another_region(load_quirk: Loader) -> None:
    contact = _one(load_quirk, "national-numbers.vcf", region="AT")
    assert all(phone.e164 is not None and phone.e164.startswith("+43") for phone in contact.phones)
    assert "+4915228817006" not in [phone.e164 for phone in contact.phones]


def test_unparseable_number_is_kept_raw_and_invalid(load_quirk: Loader) -> None:
    words, short = _one(load_quirk, "unparseable-number.vcf").phones
    assert (words.raw, words.e164, words.region, words.valid) == ("bitte Büro fragen", None, None, False)
    assert (words.number_type, short.raw, short.valid) == (PhoneType.UNKNOWN, "12", False)


def test_every_quirk_fixture_is_tested_here_and_adds_up(load_quirk: Loader) -> None:
    here = Path(__file__).read_text(encoding="utf-8") + (Path(__file__).parent / "test_contact_model.py").read_text()
    fixtures = sorted((Path(__file__).parents[3] / "fixtures" / "quirks").glob("*.vcf"))
    assert len(fixtures) >= 30
    for fixture in fixtures:
        assert f'"{fixture.name}"' in here, f"{fixture.name} has no test"
        items = _all(load_quirk, fixture.name)
        assert [item.source.index for item in items] == list(range(len(items)))
