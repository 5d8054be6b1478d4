"""The packaged messenger profiles: they load, every fact is sourced, and DOMAIN.md's doubts survive into the data."""

from __future__ import annotations

import pytest

from scanner.core.messengers import (
    FieldStatus,
    NonUsers,
    Protection,
    ThirdCountry,
    TransferBasis,
    default_profile,
    list_profiles,
    load_profile,
    third_countries,
)
from scanner.core.messengers.sources import packaged_sources

REQUIRED = (
    "whatsapp", "whatsapp-business", "signal", "threema", "telegram", "facebook-messenger", "viber", "linkedin",
    "wire", "imessage",
)  # fmt: skip


def test_whatsapp_is_the_default_and_listed_first() -> None:
    assert list_profiles()[0] == "whatsapp"
    assert default_profile().id == "whatsapp"
    assert [name for name in list_profiles() if load_profile(name).default] == ["whatsapp"]


def test_every_required_messenger_is_packaged() -> None:
    assert set(REQUIRED) <= set(list_profiles())


@pytest.mark.parametrize("profile_id", list_profiles())
def test_packaged_profile_loads_under_its_file_name(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.id == profile_id
    assert profile.location == f"<contactleak>/messengers/{profile_id}.toml"
    assert profile.display_name


@pytest.mark.parametrize("profile_id", list_profiles())
def test_every_fact_cites_a_catalogued_source_with_a_title(profile_id: str) -> None:
    catalog = packaged_sources()
    for name, fact in load_profile(profile_id).facts():
        assert fact.sources, name
        for source in fact.sources:
            assert catalog[source.key] == source, (name, source.key)
            assert source.title.strip()


@pytest.mark.parametrize(
    ("profile_id", "fact_name"),
    [
        ("facebook-messenger", "hashing"),
        ("viber", "destinations"),
        ("viber", "hashing"),
        ("signal", "frequency"),
        ("whatsapp", "notes.2"),  # usernames (June 2026): no source re-checked offline
        ("whatsapp-business", "transfer_basis"),  # the Business addendum and the consumer notice disagree
    ],
)
def test_facts_domain_marks_unconfirmed_stay_unconfirmed(profile_id: str, fact_name: str) -> None:
    assert fact_name in load_profile(profile_id).unconfirmed()


@pytest.mark.parametrize("profile_id", ["whatsapp", "whatsapp-business"])
def test_whatsapp_names_are_disputed_numbers_are_sent(profile_id: str) -> None:
    fields = load_profile(profile_id).fields
    assert fields.name.value is FieldStatus.DISPUTED
    assert {source.key for source in fields.name.sources} >= {"W1", "AGBH"}
    assert fields.phone.value is FieldStatus.YES
    assert load_profile(profile_id).non_users.value is NonUsers.STORED


def test_confirmed_whatsapp_facts_are_not_marked_unconfirmed() -> None:
    """Only the usernames note (June 2026, not re-checked offline) is unconfirmed; every upload fact is confirmed."""
    assert load_profile("whatsapp").unconfirmed() == ("notes.2",)


def test_whatsapp_business_differs_from_whatsapp_in_transfer_basis_and_shares_its_figures() -> None:
    private, business = load_profile("whatsapp"), load_profile("whatsapp-business")
    assert private.transfer_basis.value is TransferBasis.SCC
    assert business.transfer_basis.value is TransferBasis.DPF
    assert business.penetration == private.penetration == "whatsapp"


def test_unknown_destination_is_not_treated_as_known() -> None:
    assert load_profile("viber").destinations.value is None
    assert load_profile("imessage").destinations.value is None
    unknown = (ThirdCountry(None, Protection.UNKNOWN_DESTINATION),)
    assert third_countries(load_profile("viber")) == third_countries(load_profile("imessage")) == unknown


def test_third_countries_leave_out_the_eea_and_carry_their_adequacy() -> None:
    assert [(t.country, t.protection) for t in third_countries(load_profile("whatsapp"))] == [
        ("US", Protection.PARTIAL_ADEQUACY)
    ]
    telegram = third_countries(load_profile("telegram"))
    assert [(t.country, t.protection) for t in telegram] == [
        ("VG", Protection.NO_ADEQUACY),
        ("AE", Protection.NO_ADEQUACY),
    ]
    (threema,) = third_countries(load_profile("threema"))
    assert threema.protection is Protection.FULL_ADEQUACY
    assert threema.decision is not None and "2000/518/EC" in threema.decision.decision


def test_imessage_has_no_bulk_upload() -> None:
    assert load_profile("imessage").bulk_upload.value is False
    assert all(load_profile(name).bulk_upload.value for name in list_profiles() if name != "imessage")


def test_a_fact_without_its_own_date_takes_the_profile_date() -> None:
    profile = load_profile("signal")
    assert {fact.checked for _, fact in profile.facts()} == {profile.checked}


def test_sources_lists_each_cited_source_once() -> None:
    keys = [source.key for source in load_profile("whatsapp").sources()]
    assert len(keys) == len(set(keys))
    assert {"W1", "W2", "W5", "W6", "AGBH", "HAGEN21"} <= set(keys)
