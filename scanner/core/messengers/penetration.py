"""How likely a number's owner uses a messenger, from ``scanner/data/countries/penetration.toml``.

The figures count accounts or survey answers, not people; shares are capped below 1 (accounts per 100 inhabitants
exceed 100 in the Netherlands). Fixed-line and service numbers are almost never messenger accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from scanner.core.messengers.profile import Source
from scanner.core.messengers.sources import cite, read_sources
from scanner.core.messengers.tables import Expected, Table, packaged_table
from scanner.core.model import PhoneType

_FIGURE_FORMS = ("accounts_per_100", "share", "share_of_messaging_users")


class PenetrationBasis(StrEnum):
    """Where a share came from; reports say so. ``no_figure`` makes the non-user estimate an upper bound."""

    COUNTRY = "country"
    FIXED_LINE = "fixed_line"
    NO_FIGURE = "no_figure"


@dataclass(frozen=True)
class Penetration:
    """Share of a country's people using the messenger, capped below 1; ``capped`` says the figure was higher."""

    share: float
    basis: PenetrationBasis
    sources: tuple[Source, ...] = ()
    capped: bool = False


@dataclass(frozen=True)
class _Data:
    cap: float
    fallback: Penetration
    fixed_line: Penetration
    fixed_line_types: frozenset[PhoneType]
    figures: dict[str, dict[str, Penetration]]


@cache
def _data() -> _Data:
    top = packaged_table("countries", "penetration.toml")
    top.only("checked", "cap", "fallback", "fixed_line", "messengers", "sources")
    top.date("checked")
    cap, sources = top.share("cap"), read_sources(top.table("sources"))
    fallback, fixed_line = top.table("fallback"), top.table("fixed_line")
    fallback.only("share")
    fixed_line.only("share", "types")
    return _Data(
        cap=cap,
        fallback=Penetration(fallback.share("share"), PenetrationBasis.NO_FIGURE),  # an assumption: no source
        fixed_line=Penetration(fixed_line.share("share"), PenetrationBasis.FIXED_LINE),
        fixed_line_types=frozenset(fixed_line.choices("types", PhoneType)),
        figures={name: _countries(table, cap, sources) for name, table in top.table("messengers").subtables()},
    )


def _countries(table: Table, cap: float, sources: dict[str, Source]) -> dict[str, Penetration]:
    return {code: _figure(entry, cap, sources) for code, entry in table.country_tables()}


def _figure(table: Table, cap: float, sources: dict[str, Source]) -> Penetration:
    """A census count, a population share, or a share among messaging users times the messaging users' share."""
    table.only(*_FIGURE_FORMS, "messaging_users", "sources")
    forms = [form for form in _FIGURE_FORMS if table.has(form)]
    if len(forms) != 1:
        raise table.invalid(forms[1] if forms else _FIGURE_FORMS[0], Expected.ONE_OF, ", ".join(_FIGURE_FORMS))
    table.only(forms[0], "sources", *(("messaging_users",) if forms[0] == "share_of_messaging_users" else ()))
    raw = _raw_share(table, forms[0])
    return Penetration(min(raw, cap), PenetrationBasis.COUNTRY, cite(table, sources), capped=raw > cap)


def _raw_share(table: Table, form: str) -> float:
    if form == "accounts_per_100":
        return table.number(form) / 100  # accounts, not people: may exceed 1
    if form == "share":
        return table.share(form)
    return table.share(form) * table.share("messaging_users")


def usage_figures(messenger_penetration_id: str) -> dict[str, Penetration]:
    """Every country figure a messenger has, by ISO code (empty: none, so every estimate is the fallback)."""
    return dict(_data().figures.get(messenger_penetration_id, {}))


def share_cap() -> float:
    """The highest share any figure gives: accounts per 100 inhabitants over 100 are not everybody."""
    return _data().cap


def penetration(messenger_penetration_id: str, country: str | None, phone_type: PhoneType) -> Penetration:
    """The share of people with a number of ``phone_type`` from ``country`` who use the messenger.

    ``messenger_penetration_id`` is a profile's ``penetration`` key (WhatsApp Business: ``whatsapp``). Fixed-line and
    service numbers get the fixed-line share; without a figure (no country, or none for it) the documented fallback.
    """
    data = _data()
    if phone_type in data.fixed_line_types:
        return data.fixed_line
    by_country = data.figures.get(messenger_penetration_id, {})
    if country is None or country not in by_country:
        return data.fallback
    return by_country[country]
