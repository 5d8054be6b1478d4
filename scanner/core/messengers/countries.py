"""Where an upload lands in GDPR terms: inside the EU/EEA, in a country with an adequacy decision, or elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from scanner.core.messengers.profile import MessengerProfile, Source
from scanner.core.messengers.sources import cite, read_sources
from scanner.core.messengers.tables import Table, packaged_table


class AdequacyScope(StrEnum):
    """``partial``: the decision covers only some recipients (US: organisations certified under the DPF)."""

    FULL = "full"
    PARTIAL = "partial"


class Protection(StrEnum):
    """What protects data sent to a country outside the EU/EEA, as far as Chapter V GDPR's adequacy goes."""

    FULL_ADEQUACY = "full_adequacy"
    PARTIAL_ADEQUACY = "partial_adequacy"  # only certified recipients (US: DPF)
    NO_ADEQUACY = "no_adequacy"
    UNKNOWN_DESTINATION = "unknown_destination"  # the sources do not say where the data goes


@dataclass(frozen=True)
class Adequacy:
    """A Commission adequacy decision; ``note`` is an i18n key (``messenger.note.*``) or empty."""

    country: str
    scope: AdequacyScope
    decision: str
    sources: tuple[Source, ...]
    note: str = ""


@dataclass(frozen=True)
class ThirdCountry:
    """A destination outside the EU/EEA; ``country`` is None when the destination is unknown."""

    country: str | None
    protection: Protection
    decision: Adequacy | None = None


@dataclass(frozen=True)
class _CountryData:
    eea: frozenset[str]
    adequacy: dict[str, Adequacy]


@cache
def _country_data() -> _CountryData:
    top = packaged_table("countries", "eea.toml")
    top.only("checked", "membership", "adequacy", "sources")
    top.date("checked")
    sources, membership = read_sources(top.table("sources")), top.table("membership")
    membership.only("eu", "eea_efta", "eu_regions", "sources")
    cite(membership, sources)
    decisions = {code: _adequacy(code, table, sources) for code, table in top.table("adequacy").country_tables()}
    eea = frozenset(membership.countries("eu") + membership.countries("eea_efta") + membership.countries("eu_regions"))
    return _CountryData(eea=eea, adequacy=decisions)


def _adequacy(code: str, table: Table, sources: dict[str, Source]) -> Adequacy:
    table.only("scope", "decision", "sources", "note")
    note = table.note_key("note") if table.has("note") else ""
    return Adequacy(code, table.choice("scope", AdequacyScope), table.text("decision"), cite(table, sources), note)


def is_eea(country: str | None) -> bool:
    """EU-27 (with the outermost regions and Åland, which have their own region codes) plus Iceland, Liechtenstein and
    Norway; the GDPR applies there, no transfer tool is needed."""
    return country is not None and country in _country_data().eea


def adequacy(country: str | None) -> Adequacy | None:
    return None if country is None else _country_data().adequacy.get(country)


def has_full_adequacy(country: str | None) -> bool:
    """A country whose whole data-protection regime the Commission found adequate (CH, GB, JP...), not the US DPF."""
    decision = adequacy(country)
    return decision is not None and decision.scope is AdequacyScope.FULL


def third_countries(profile: MessengerProfile) -> tuple[ThirdCountry, ...]:
    """The profile's destinations outside the EU/EEA with their adequacy; an unknown destination counts as one."""
    countries = profile.destinations.value
    if countries is None:
        return (ThirdCountry(None, Protection.UNKNOWN_DESTINATION),)
    return tuple(_third_country(code) for code in countries if not is_eea(code))


def _third_country(code: str) -> ThirdCountry:
    decision = adequacy(code)
    if decision is None:
        return ThirdCountry(code, Protection.NO_ADEQUACY)
    full = decision.scope is AdequacyScope.FULL
    return ThirdCountry(code, Protection.FULL_ADEQUACY if full else Protection.PARTIAL_ADEQUACY, decision)
