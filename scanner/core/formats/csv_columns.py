"""What each column of a contact CSV export holds, from its header row (data file ``formats/csv_columns.toml``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

_SPACES = re.compile(r"\s+")
_NUMBERED = re.compile(r"^(?P<kind>.+?) (?P<number>\d+) - (?P<attribute>.+)$")


class CsvFlavour(StrEnum):
    """Which program wrote the CSV, as its header row shows; GENERIC for other tables with known columns."""

    GOOGLE = "google"
    OUTLOOK = "outlook"
    GENERIC = "generic"


@dataclass(frozen=True)
class Column:
    """One column's role: ``field`` (given, phone, address, ...), ``slot`` groups columns of one phone/address,
    ``part`` is the attribute within the slot (value, label, street, city, ...), ``label`` a fixed label."""

    index: int
    field: str
    slot: str = ""
    part: str = "value"
    label: str = ""


@dataclass(frozen=True)
class ColumnPlan:
    flavour: CsvFlavour
    columns: tuple[Column, ...]
    width: int


def normalize_header(name: str) -> str:
    return _SPACES.sub(" ", name.replace("\ufeff", "")).strip().strip('"').casefold()


def plan_columns(header: list[str]) -> ColumnPlan | None:
    """The plan for a header row, or None when it is no contact table (fewer than two known columns, or none
    that names a person, a phone number or an e-mail address)."""
    names = [normalize_header(name) for name in header]
    columns = tuple(column for index, name in enumerate(names) if (column := _column(index, name)) is not None)
    if len(columns) < 2 or not any(column.field in _IDENTIFYING for column in columns):
        return None
    return ColumnPlan(_flavour(set(names)), columns, len(header))


_IDENTIFYING = frozenset({"given", "family", "full_name", "org", "phone", "email"})


def _column(index: int, name: str) -> Column | None:
    role = _data()["columns"].get(name)
    if role is not None:
        return _fixed(index, name, str(role))
    match = _NUMBERED.match(name)
    if match is None:
        return None
    kind = _data()["numbered"]["kinds"].get(match["kind"])
    attribute = _data()["numbered"]["attributes"].get(match["attribute"])
    if kind is None or attribute is None:
        return None
    return Column(index, str(kind), slot=f"{kind}{match['number']}", part=str(attribute))


def _fixed(index: int, name: str, role: str) -> Column:
    """``phone.work`` is a phone in its own slot labelled work; ``address.home.city`` the city of the home address."""
    field, _, rest = role.partition(".")
    if field == "phone":
        return Column(index, "phone", slot=f"column{index}", label=rest)
    if field == "address":
        group, _, part = rest.partition(".")
        return Column(index, "address", slot=f"address-{group}", part=part, label=group)
    if field in ("email", "url"):
        return Column(index, field, slot=f"column{index}")
    return Column(index, field, slot=name)


def _flavour(names: set[str]) -> CsvFlavour:
    for flavour in (CsvFlavour.GOOGLE, CsvFlavour.OUTLOOK):
        if any(set(required) <= names for required in _data()["flavours"][flavour.value]):
            return flavour
    return CsvFlavour.GENERIC


@cache
def _data() -> dict[str, Any]:
    """The data file with every column name normalized as headers are (casefold turns ß into ss)."""
    text = (resources.files("scanner.data.formats") / "csv_columns.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    numbered = data["numbered"]
    return {
        "columns": _normalized(data["columns"]),
        "numbered": {"kinds": _normalized(numbered["kinds"]), "attributes": _normalized(numbered["attributes"])},
        "flavours": {
            flavour: [[normalize_header(name) for name in names] for names in sets]
            for flavour, sets in data["flavours"].items()
        },
    }


def _normalized(table: dict[str, str]) -> dict[str, str]:
    return {normalize_header(name): role for name, role in table.items()}
