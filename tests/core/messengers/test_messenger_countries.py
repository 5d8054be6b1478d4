"""EU/EEA membership and the Commission's adequacy decisions from eea.toml."""

from __future__ import annotations

import pytest

from scanner.core.messengers import AdequacyScope, adequacy, has_full_adequacy, is_eea

EU = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]  # fmt: skip
FULL = ["AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"]


@pytest.mark.parametrize("country", [*EU, "IS", "LI", "NO"])
def test_eu_and_eea_efta_states_are_in_the_eea(country: str) -> None:
    assert is_eea(country)
    assert adequacy(country) is None


@pytest.mark.parametrize("country", ["GB", "CH", "US", "TR", "UK", "de", None])
def test_others_are_not_in_the_eea(country: str | None) -> None:
    assert not is_eea(country)


def test_eu_has_27_members() -> None:
    assert len(EU) == len(set(EU)) == 27


@pytest.mark.parametrize("country", FULL)
def test_full_adequacy(country: str) -> None:
    decision = adequacy(country)
    assert decision is not None and decision.scope is AdequacyScope.FULL
    assert decision.decision and decision.sources
    assert has_full_adequacy(country)


def test_us_adequacy_covers_only_dpf_certified_organisations() -> None:
    us = adequacy("US")
    assert us is not None
    assert us.scope is AdequacyScope.PARTIAL
    assert "2023/1795" in us.decision
    assert us.note == "messenger.note.adequacy_us_dpf_only"
    assert not has_full_adequacy("US")


@pytest.mark.parametrize("country", ["CN", "IN", "AE", "VG", "RU", None])
def test_no_adequacy(country: str | None) -> None:
    assert adequacy(country) is None
    assert not has_full_adequacy(country)
