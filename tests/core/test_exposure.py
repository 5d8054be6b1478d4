"""What each messenger profile exposes of one contact: fields, destination, third country, non-user probability."""

from __future__ import annotations

import pytest

from scanner.core.exposure import UploadPlan, expose, stores_non_users
from scanner.core.messengers import FieldStatus, PenetrationBasis, UploadField, load_profile, penetration
from scanner.core.model import Contact, PhoneType
from scanner.core.reading import read_bytes


def plan(messenger: str) -> UploadPlan:
    return UploadPlan.of(load_profile(messenger))


def card(*lines: str) -> Contact:
    text = "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""))
    (contact,) = read_bytes(text.encode("utf-8"))
    assert isinstance(contact, Contact)
    return contact


MOBILE_DE = card("FN:Erika Beispiel", "TEL;TYPE=CELL:+49 152 28817001")
LANDLINE_DE = card("FN:Otto Beispiel", "TEL;TYPE=HOME:+49 30 23125001")
MAIL_ONLY = card("FN:Lena Beispiel", "EMAIL:lena@example.org")
MOBILE_AND_MAIL = card("FN:Jonas Beispiel", "TEL:+49 152 28817002", "EMAIL:jonas@example.org")


def test_whatsapp_uploads_the_number_to_the_us_and_names_are_disputed() -> None:
    exposure = expose(MOBILE_DE, plan("whatsapp"))
    assert exposure.uploaded
    assert exposure.destination == "US"
    assert exposure.third_country and not exposure.adequate
    statuses = {exposed.field: exposed.status for exposed in exposure.fields}
    assert statuses == {UploadField.PHONE: FieldStatus.YES, UploadField.NAME: FieldStatus.DISPUTED}


def test_whatsapp_does_not_upload_a_contact_without_a_number() -> None:
    assert not expose(MAIL_ONLY, plan("whatsapp")).uploaded


def test_facebook_uploads_e_mail_only_contacts_too() -> None:
    exposure = expose(MAIL_ONLY, plan("facebook-messenger"))
    assert exposure.uploaded
    assert UploadField.EMAIL in {exposed.field for exposed in exposure.fields}


def test_imessage_has_no_bulk_upload() -> None:
    assert not expose(MOBILE_AND_MAIL, plan("imessage")).uploaded


def test_threema_goes_to_an_adequate_third_country() -> None:
    exposure = expose(MOBILE_DE, plan("threema"))
    assert exposure.uploaded
    assert (exposure.destination, exposure.third_country, exposure.adequate) == ("CH", True, True)


def test_unknown_destination_counts_as_an_unprotected_third_country() -> None:
    exposure = expose(MOBILE_DE, plan("viber"))
    assert exposure.destination is None
    assert exposure.third_country and not exposure.adequate


def test_non_user_probability_is_one_minus_the_country_share() -> None:
    share = penetration("whatsapp", "DE", PhoneType.MOBILE)
    exposure = expose(MOBILE_DE, plan("whatsapp"))
    assert exposure.non_user_probability == pytest.approx(1 - share.share, abs=1e-4)
    assert exposure.penetration_basis is share.basis


def test_a_landline_is_almost_certainly_no_account() -> None:
    exposure = expose(LANDLINE_DE, plan("whatsapp"))
    assert exposure.non_user_probability is not None
    assert exposure.non_user_probability > 0.9
    assert exposure.penetration_basis is PenetrationBasis.FIXED_LINE


def test_the_likeliest_number_decides_whether_a_person_uses_the_messenger() -> None:
    both = card("FN:Paul Beispiel", "TEL;TYPE=HOME:+49 30 23125002", "TEL;TYPE=CELL:+49 152 28817003")
    mobile_only = expose(MOBILE_DE, plan("whatsapp"))
    assert expose(both, plan("whatsapp")).non_user_probability == mobile_only.non_user_probability


def test_which_operators_keep_non_users() -> None:
    assert stores_non_users(load_profile("whatsapp"))
    assert stores_non_users(load_profile("facebook-messenger"))  # sent, retention unknown: counted as kept
    assert not stores_non_users(load_profile("signal"))
    assert not stores_non_users(load_profile("threema"))


def test_whatsapp_business_relies_on_the_dpf_and_whatsapp_does_not() -> None:
    business = expose(MOBILE_DE, plan("whatsapp-business"))
    consumer = expose(MOBILE_DE, plan("whatsapp"))
    assert (business.destination, business.adequate, business.dpf) == ("US", True, True)
    assert (consumer.destination, consumer.adequate, consumer.dpf) == ("US", False, False)
