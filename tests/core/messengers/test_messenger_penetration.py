"""Usage shares per messenger and country: capped census counts, derived survey shares, fixed lines and fallback."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from scanner.core.messengers import PenetrationBasis, list_profiles, load_profile, penetration, share_cap
from scanner.core.model import PhoneType


def test_the_cap_lies_below_one() -> None:
    assert 0.5 < share_cap() < 1


def test_more_accounts_than_inhabitants_is_capped_and_flagged() -> None:
    netherlands = penetration("whatsapp", "NL", PhoneType.MOBILE)
    assert netherlands.share == share_cap()
    assert netherlands.capped
    assert netherlands.basis is PenetrationBasis.COUNTRY
    assert [source.key for source in netherlands.sources] == ["NDSS26"]


def test_a_count_under_the_cap_is_the_count_per_100() -> None:
    germany = penetration("whatsapp", "DE", PhoneType.MOBILE)
    assert germany.share == pytest.approx(0.8835)
    assert not germany.capped


def test_survey_share_among_messaging_users_is_scaled_by_messaging_use() -> None:
    assert penetration("telegram", "DE", PhoneType.MOBILE).share == pytest.approx(0.16 * 0.88)
    assert penetration("signal", "DE", PhoneType.MOBILE).share == pytest.approx(0.13 * 0.88)
    assert penetration("telegram", "ES", PhoneType.MOBILE).share == pytest.approx(0.27)
    assert [s.key for s in penetration("telegram", "GB", PhoneType.MOBILE).sources] == ["DNR23"]


@pytest.mark.parametrize("phone_type", [PhoneType.FIXED_LINE, PhoneType.TOLL_FREE, PhoneType.SHARED_COST])
def test_fixed_line_and_service_numbers_get_the_fixed_line_share(phone_type: PhoneType) -> None:
    landline = penetration("whatsapp", "DE", phone_type)
    assert landline.basis is PenetrationBasis.FIXED_LINE
    assert landline.share < penetration("whatsapp", "DE", PhoneType.MOBILE).share
    assert landline == penetration("telegram", "NL", phone_type)


def test_a_number_that_may_be_mobile_keeps_the_country_figure() -> None:
    us = penetration("whatsapp", "US", PhoneType.FIXED_LINE_OR_MOBILE)
    assert us.basis is PenetrationBasis.COUNTRY
    assert us.share == pytest.approx(0.4025)


@pytest.mark.parametrize("country", ["AR", "VG", None])
def test_a_country_without_a_figure_falls_back_and_says_so(country: str | None) -> None:
    fallback = penetration("whatsapp", country, PhoneType.MOBILE)
    assert fallback.basis is PenetrationBasis.NO_FIGURE
    assert fallback.sources == ()


@pytest.mark.parametrize("messenger", ["threema", "wire", "not-a-messenger"])
def test_a_messenger_without_figures_still_works(messenger: str) -> None:
    assert penetration(messenger, "DE", PhoneType.MOBILE).basis is PenetrationBasis.NO_FIGURE


def test_the_fallback_counts_everybody_as_non_user() -> None:
    """An upper bound on non-users, as penetration.toml documents; a lower share than any figure."""
    assert penetration("threema", "DE", PhoneType.MOBILE).share == 0.0


@pytest.mark.parametrize("profile_id", ["whatsapp", "whatsapp-business", "telegram", "signal", "imessage"])
def test_profiles_with_figures_find_them_under_their_penetration_key(profile_id: str) -> None:
    key = load_profile(profile_id).penetration
    assert penetration(key, "DE", PhoneType.MOBILE).basis is PenetrationBasis.COUNTRY


def test_every_messenger_with_figures_is_a_profile_penetration_key() -> None:
    """A misspelt key in penetration.toml would otherwise leave its figures unused without a word."""
    data = tomllib.loads((resources.files("scanner.data") / "countries" / "penetration.toml").read_text("utf-8"))
    keys = {load_profile(profile_id).penetration for profile_id in list_profiles()}
    assert set(data["messengers"]) <= keys
