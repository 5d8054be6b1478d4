"""Numbers without a country code: read in the address country, else the other numbers' country, else --region."""

from __future__ import annotations

import pytest

from scanner.core.model import Contact, RegionSource
from scanner.core.phones import card_phones
from scanner.core.reading import read_bytes
from scanner.core.reading.address_country import country_region


def _card(*lines: str, region: str = "DE") -> Contact:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Fiktiv\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VCARD\r\n"
    )
    [contact] = list(read_bytes(text.encode(), region=region))
    assert isinstance(contact, Contact)
    return contact


@pytest.mark.parametrize(
    "country", ["USA", "U.S.A.", "United States", "Vereinigte Staaten von Amerika", "us", "Amerika"]
)
def test_the_address_country_reads_a_north_american_number_in_any_spelling(country: str) -> None:
    contact = _card(f"ADR;TYPE=WORK:;;1 Example Road;San Diego;CA;92101;{country}", "TEL;TYPE=WORK:858-555-0142")
    [phone] = contact.phones
    # 555-01xx is the fictional range; phonenumbers calls 858-555-0142 a valid US number.
    assert (phone.e164, phone.region, phone.valid, phone.region_source) == (
        "+18585550142",
        "US",
        True,
        RegionSource.ADDRESS,
    )


def test_without_any_hint_the_same_number_is_read_in_region_de() -> None:
    # The misreading the address prevents: digits that also form a German number.
    [phone] = _card("TEL;TYPE=WORK:858-555-0142").phones
    assert (phone.e164, phone.region, phone.region_source) == ("+498585550142", "DE", RegionSource.DEFAULT)


@pytest.mark.parametrize(
    ("country", "region"), [("Österreich", "AT"), ("Schweiz", "CH"), ("AT", "AT"), ("Austria", "AT")]
)
def test_german_and_english_country_names_and_iso_codes(country: str, region: str) -> None:
    assert country_region(country) == region


def test_unknown_country_names_are_no_country() -> None:
    assert country_region("Blumenkohl") is None
    assert country_region("") is None


def test_the_shared_prefix_of_the_other_numbers_reads_the_rest() -> None:
    contact = _card("TEL;TYPE=CELL:+1 858 555 0143", "TEL;TYPE=WORK:(619) 555-0144", "TEL;TYPE=HOME:619 555 0145")
    assert [(p.e164, p.region_source) for p in contact.phones] == [
        ("+18585550143", RegionSource.PREFIX),
        ("+16195550144", RegionSource.OTHER_NUMBERS),
        ("+16195550145", RegionSource.OTHER_NUMBERS),
    ]


def test_numbers_of_two_countries_share_no_prefix_so_region_applies() -> None:
    contact = _card("TEL:+1 858 555 0143", "TEL:+43 1 5880100", "TEL:030 23125001")
    assert [(p.e164, p.region_source) for p in contact.phones][2] == ("+493023125001", RegionSource.DEFAULT)


def test_a_number_invalid_in_the_address_country_falls_back_to_region() -> None:
    # A German landline on a card with a US address: not valid as a US number, valid in --region DE.
    contact = _card("ADR:;;1 Example Road;San Diego;CA;92101;USA", "TEL:030 23125001")
    [phone] = contact.phones
    assert (phone.e164, phone.valid, phone.region_source) == ("+493023125001", True, RegionSource.DEFAULT)


def test_the_address_wins_over_the_other_numbers() -> None:
    # A Swiss address, one German number with prefix; the local number is valid in CH.
    contact = _card("ADR:;;Beispielweg 1;Zürich;;8001;Schweiz", "TEL:+49 152 28817001", "TEL:044 668 18 00")
    assert [(p.e164, p.region_source) for p in contact.phones] == [
        ("+4915228817001", RegionSource.PREFIX),
        ("+41446681800", RegionSource.ADDRESS),
    ]


def test_region_option_still_reads_when_no_hint_exists() -> None:
    [phone] = _card("TEL:(858) 555-0142", region="US").phones
    assert (phone.e164, phone.region_source) == ("+18585550142", RegionSource.DEFAULT)


def test_idd_prefix_counts_as_a_country_code() -> None:
    [phone] = card_phones([("0043 1 5880100", ())], "DE")
    assert (phone.region, phone.region_source) == ("AT", RegionSource.PREFIX)


def test_unreadable_numbers_have_no_region_source() -> None:
    [phone] = card_phones([("nicht erreichbar", ())], "DE")
    assert (phone.e164, phone.region_source) == (None, None)
