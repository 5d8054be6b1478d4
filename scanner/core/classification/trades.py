"""Trade profiles: the vocabulary of the owner's business (clients, services, partners), as packaged data."""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from scanner.core.classification.matching import KeywordList, compile_keywords
from scanner.core.classification.result import SpecialCategory

_DATA = "scanner.data.classification.trades"
_KEYS = frozenset(
    {"sources", "checked", "relatives_are_clients", "client_special", "customers", "services", "partners", "health"}
)


@dataclass(frozen=True, eq=False)
class Trade:
    """One trade. ``id`` is the file name and the i18n key ``trade.<id>``.

    ``client_special``: Art. 9 categories that on this trade's phone are the clients' data (a care service's
    patients' health), so a hint of them means a client, not the owner's own private life.
    ``relatives_are_clients``: "Tochter von Fr. K." is a client's relative, a business contact.
    """

    id: str
    customers: KeywordList
    services: KeywordList
    partners: KeywordList
    client_special: frozenset[SpecialCategory]
    relatives_are_clients: bool
    health: KeywordList  # on this trade's phone: a client's complaint ("Knie" at a physio's), health data

class UnknownTradeError(ValueError):
    """A trade name that no packaged profile has; ``known`` lists the valid ones."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.known = trade_ids()
        super().__init__(f"unknown trade {name!r}; known: {', '.join(self.known)}")


def trade_ids() -> tuple[str, ...]:
    return tuple(trade.id for trade in load_trades())


def find_trade(name: str) -> Trade:
    """The packaged trade called ``name`` (case and ``-``/``_`` do not matter); raises UnknownTradeError."""
    wanted = name.strip().lower().replace("-", "_")
    for trade in load_trades():
        if trade.id == wanted:
            return trade
    raise UnknownTradeError(name)


@cache
def load_trades() -> tuple[Trade, ...]:
    """Every packaged trade, in file-name order (read once per process)."""
    files = sorted(
        (entry for entry in resources.files(_DATA).iterdir() if entry.name.endswith(".toml")), key=lambda e: e.name
    )
    return tuple(_trade(entry.name.removesuffix(".toml"), tomllib.loads(entry.read_text("utf-8"))) for entry in files)


def _trade(trade_id: str, data: dict[str, Any]) -> Trade:
    """One profile; a file without sources, a checked date or with unknown keys is a packaging error."""
    if not data.get("sources") or not isinstance(data.get("checked"), datetime.date) or set(data) - _KEYS:
        raise ValueError(f"trades/{trade_id}.toml: needs 'sources' and 'checked', and only the keys {sorted(_KEYS)}")
    return Trade(
        id=trade_id,
        customers=compile_keywords(data.get("customers", [])),
        services=compile_keywords(data.get("services", [])),
        partners=compile_keywords(data.get("partners", [])),
        client_special=frozenset(SpecialCategory(value) for value in data.get("client_special", [])),
        relatives_are_clients=bool(data.get("relatives_are_clients", False)),
        health=compile_keywords(data.get("health", [])),
    )
