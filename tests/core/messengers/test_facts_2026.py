"""The facts re-checked in December 2026 (DOMAIN.md section 5), pinned so that a data edit cannot lose them."""

from __future__ import annotations

import datetime

import pytest

from scanner.core.exposure import UploadPlan, expose
from scanner.core.messengers import (
    FieldStatus,
    Frequency,
    NonUsers,
    Protection,
    Retention,
    TransferBasis,
    adequacy,
    has_full_adequacy,
    is_eea,
    list_profiles,
    load_profile,
    third_countries,
)
from scanner.core.model import Contact
from scanner.core.reading import read_bytes


def card(*lines: str) -> Contact:
    text = "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""))
    (contact,) = read_bytes(text.encode("utf-8"))
    assert isinstance(contact, Contact)
    return contact


def test_brazil_has_a_full_adequacy_decision_of_26_january_2026() -> None:
    decision = adequacy("BR")
    assert decision is not None and has_full_adequacy("BR")
    assert "26 January 2026" in decision.decision
    assert {source.date for source in decision.sources} >= {"2026-01-27"}


def test_the_uk_decision_was_renewed_until_2031() -> None:
    decision = adequacy("GB")
    assert decision is not None and has_full_adequacy("GB")
    assert "27 December 2031" in decision.decision
    assert decision.note == "messenger.note.adequacy_gb_renewed_2031"


@pytest.mark.parametrize("region", ["RE", "GP", "GF", "MQ", "YT", "MF", "AX"])
def test_outermost_regions_and_aland_are_eu_territory(region: str) -> None:
    assert is_eea(region)


@pytest.mark.parametrize("region", ["BL", "PM", "SJ"])
def test_overseas_territories_and_svalbard_stay_outside(region: str) -> None:
    assert not is_eea(region)


def test_a_reunion_number_is_read_as_an_eu_number() -> None:
    contact = card("FN:Test Réunion", "TEL;TYPE=CELL:+262 692 123456")
    (phone,) = contact.phones
    assert phone.region == "RE"
    assert is_eea(phone.region)


def test_meta_is_on_the_dpf_and_keeps_non_users_in_an_address_book_database() -> None:
    meta = load_profile("facebook-messenger")
    assert meta.transfer_basis.value is TransferBasis.DPF
    assert meta.eu_entity is not None and meta.eu_entity.value == "Meta Platforms Ireland Ltd"
    assert "eu_entity" not in meta.unconfirmed()
    assert meta.destinations.value == ("IE", "US")
    assert meta.non_users.value is NonUsers.STORED
    assert meta.retention.value is Retention.STORED_CLEAR
    assert "2023-09-07" in {source.date for source in meta.transfer_basis.sources}
    assert [(t.country, t.protection) for t in third_countries(meta)] == [("US", Protection.PARTIAL_ADEQUACY)]
    assert UploadPlan.of(meta).dpf


def test_wire_uploads_no_e_mail_and_hashed_numbers_are_discarded() -> None:
    wire = load_profile("wire")
    assert wire.fields.email.value is FieldStatus.NO
    assert wire.destinations.value == ("DE", "IE", "CH")
    assert wire.retention.value is Retention.DISCARDED
    assert {source.date for source in wire.fields.email.sources} == {"2021-09-08"}
    mail_only = card("FN:Lena Beispiel", "EMAIL:lena@example.org")
    assert not expose(mail_only, UploadPlan.of(wire)).uploaded


def test_telegram_stores_in_the_netherlands_and_shares_under_sccs() -> None:
    telegram = load_profile("telegram")
    assert telegram.destinations.value == ("NL", "VG", "AE")
    assert telegram.transfer_basis.value is TransferBasis.SCC
    assert telegram.retention.value is Retention.STORED_CLEAR


def test_linkedin_syncs_continuously_under_sccs() -> None:
    linkedin = load_profile("linkedin")
    assert linkedin.frequency.value is Frequency.CONTINUOUS
    assert linkedin.transfer_basis.value is TransferBasis.SCC


def test_viber_is_contracted_in_luxembourg_and_stores_non_users() -> None:
    viber = load_profile("viber")
    assert viber.operator.value.startswith("Viber Media S.à r.l.")
    assert viber.non_users.value is NonUsers.STORED
    assert "V2" in {source.key for source in viber.non_users.sources}
    assert "V1" not in {source.key for source in viber.non_users.sources}


def test_imessage_looks_up_e_mail_handles_through_apple_distribution_international() -> None:
    imessage = load_profile("imessage")
    assert imessage.fields.email.value is FieldStatus.YES
    assert imessage.eu_entity is not None and imessage.eu_entity.value == "Apple Distribution International"
    assert imessage.transfer_basis.value is TransferBasis.SCC
    assert imessage.retention.value is Retention.NOT_SENT


def test_whatsapp_keeps_in_clear_and_business_shows_its_dpf_conflict() -> None:
    whatsapp, business = load_profile("whatsapp"), load_profile("whatsapp-business")
    assert whatsapp.retention.value is business.retention.value is Retention.STORED_CLEAR
    assert "W9" in {source.key for source in whatsapp.retention.sources}
    assert whatsapp.transfer_basis.value is TransferBasis.SCC
    assert business.transfer_basis.value is TransferBasis.DPF
    assert "transfer_basis" in business.unconfirmed()
    assert business.transfer_basis.note == "messenger.note.whatsapp_business_dpf_conflict"
    notes = {note.value for note in whatsapp.notes}
    assert {"messenger.note.whatsapp_usernames", "messenger.note.whatsapp_fines_2023_2026"} <= notes


def test_signal_is_operated_by_signal_messenger_llc_and_discards() -> None:
    signal = load_profile("signal")
    assert signal.operator.value == "Signal Messenger LLC"
    assert signal.retention.value is Retention.DISCARDED
    assert "2022-08-19" in {source.date for source in signal.hashing.sources}


def test_threema_changed_owner_and_stays_in_switzerland() -> None:
    threema = load_profile("threema")
    assert threema.operator.note == "messenger.note.threema_owner_2026"
    assert threema.destinations.value == ("CH",)
    assert threema.retention.value is Retention.DISCARDED


@pytest.mark.parametrize("profile_id", list_profiles())
def test_every_profile_was_checked_against_the_december_2026_facts(profile_id: str) -> None:
    assert load_profile(profile_id).checked >= datetime.date(2026, 12, 2)


@pytest.mark.parametrize("profile_id", list_profiles())
def test_every_packaged_profile_says_what_the_operator_keeps(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.retention.confirmed or profile.retention.note
    assert (profile.retention.value is Retention.NOT_SENT) is (not profile.bulk_upload.value)
