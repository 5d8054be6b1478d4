"""Natural person or not (switchboards and hotlines are not personal data, a sole trader's mobile is); minors."""

from __future__ import annotations

import datetime

import pytest
from classifier_helpers import TODAY, classify_lines, codes

from scanner.core.classification.person import is_minor
from scanner.core.model import Birthday


def test_hotline_without_person_is_not_a_natural_person() -> None:
    result = classify_lines("FN:Störungsstelle Stadtwerke", "TEL:0800 1234567")
    assert result.natural_person is False
    assert "not_a_person" in codes(result)


def test_service_number_alone_is_not_a_natural_person() -> None:
    assert classify_lines("FN:Kranich", "TEL:01805 123456").natural_person is False


def test_switchboard_of_a_company_is_not_a_natural_person() -> None:
    assert classify_lines("FN:Kranich", "ORG:Kranich", "TEL:0711 12345-0").natural_person is False


def test_company_card_with_a_person_on_it_is_a_natural_person() -> None:
    result = classify_lines("FN:Eva Kranich", "N:Kranich;Eva;;;", "ORG:Kranich Holz GmbH", "X-ABShowAs:COMPANY")
    assert result.natural_person is True


def test_kind_org_without_person_is_not_a_natural_person() -> None:
    result = classify_lines("FN:Kranich Holz", "KIND:org", "TEL:+49 171 3920078", version="4.0")
    assert result.natural_person is False


def test_sole_traders_mobile_is_a_natural_person() -> None:
    assert classify_lines("FN:Fliesenleger Kurz", "TEL:+49 171 3920078").natural_person is True
    assert classify_lines("FN:Malerei Kurz", "TEL:+49 171 3920078").natural_person is True


def test_shop_on_a_fixed_line_is_not_a_natural_person() -> None:
    assert classify_lines("FN:Malerei Kurz", "TEL:+49 30 1234567").natural_person is False


def test_legal_person_in_name_is_not_a_natural_person() -> None:
    assert classify_lines("FN:Kurz Bau GmbH", "TEL:+49 171 3920078").natural_person is False


def test_plain_person_and_empty_card_are_natural_persons() -> None:
    assert classify_lines("FN:Dr. Peter Schmidt", "TEL:+49 30 1234567").natural_person is True
    assert classify_lines("TEL:+49 30 1234567").natural_person is True


def test_family_word_makes_a_person_even_on_a_service_number() -> None:
    assert classify_lines("FN:Papa Büro", "TEL:0800 1234567").natural_person is True


def _bday(year: int | None, month: int | None, day: int | None) -> Birthday:
    return Birthday(year=year, month=month, day=day)


@pytest.mark.parametrize(
    ("birthday", "expected"),
    [
        (_bday(2008, 11, 26), True),  # 18th birthday tomorrow
        (_bday(2008, 11, 25), False),  # 18th birthday today
        (_bday(2008, 11, 24), False),
        (_bday(1980, 4, 15), False),
        (_bday(2020, 1, 1), True),
        (_bday(None, 4, 15), False),  # no year: cannot tell
        (_bday(2009, None, None), True),  # at most 17 whatever the month
        (_bday(2008, None, None), False),  # 17 or 18: cannot tell
        (_bday(2008, 11, None), False),  # 25 November may be past the birthday
        (_bday(2008, 12, None), True),
        (_bday(2030, 1, 1), False),  # a date in the future is no age
        (None, False),
    ],
)
def test_minor_by_birthday(birthday: Birthday | None, expected: bool) -> None:
    assert is_minor(birthday, TODAY) is expected


def test_leap_day_birth_turns_18_on_first_of_march_in_a_common_year() -> None:
    born = _bday(2008, 2, 29)
    assert is_minor(born, datetime.date(2026, 2, 28)) is True
    assert is_minor(born, datetime.date(2026, 3, 1)) is False


def test_minor_through_the_classifier_and_reader() -> None:
    result = classify_lines("FN:Lena (Freundin von Mia)", "BDAY:2014-05-01", "TEL:+49 171 3920078")
    assert result.minor is True
    assert "minor" in codes(result)
    assert result.category.value == "private"
    assert classify_lines("FN:Lena", "BDAY:--0501").minor is False


@pytest.mark.parametrize("name", ["Diensthandy Tour 2", "Kfz LKW 2 Ortung", "Nordlicht Theke", "Kita Sonnenschein",
                                  "Tennisclub Rot-Weiß", "Praxis Dr. Vogt Orthopädie"])  # fmt: skip
def test_devices_vehicles_and_places_in_the_name_are_no_person_even_on_a_mobile(name: str) -> None:
    assert not classify_lines(f"FN:{name}", "TEL;TYPE=CELL:+49 152 28817901").natural_person


def test_a_person_named_beside_a_place_stays_a_person() -> None:
    assert classify_lines("FN:Fr. Kühne Praxis", "TEL;TYPE=CELL:+49 152 28817902").natural_person
    assert classify_lines("FN:Dr. Wolf Handy Praxis", "TEL;TYPE=CELL:+49 152 28817903").natural_person
