"""Messenger profiles from TOML: the packaged ones in ``scanner/data/messengers/`` and a user's own file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

from scanner.core.messengers.profile import (
    Activation,
    Fact,
    FieldStatus,
    Frequency,
    Hashing,
    MessengerProfile,
    NonUsers,
    Retention,
    Source,
    TransferBasis,
    UploadedFields,
    UploadField,
)
from scanner.core.messengers.sources import cite, packaged_sources, read_sources
from scanner.core.messengers.tables import PACKAGED, Expected, ProfileError, ProfileProblem, Table

T = TypeVar("T")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_TOP_KEYS = (
    "id", "display_name", "default", "checked", "penetration", "operator", "eu_entity", "destinations", "fields",
    "hashing", "non_users", "retention", "frequency", "activation", "bulk_upload", "transfer_basis", "notes", "sources",
)  # fmt: skip
_FACT_KEYS = ("value", "sources", "checked", "confirmed", "note")
_UNKNOWN = "unknown"
_DERIVED_RETENTION = "messenger.retention_derived"


def _folder() -> Traversable:
    return resources.files("scanner.data") / "messengers"


def _packaged_ids() -> list[str]:
    """Files starting with "_" (the source catalog) are not profiles."""
    names = (entry.name for entry in _folder().iterdir())
    return sorted(name.removesuffix(".toml") for name in names if name.endswith(".toml") and not name.startswith("_"))


@cache
def list_profiles() -> tuple[str, ...]:
    """Ids of the packaged profiles, the default one (``default = true``, WhatsApp) first, then alphabetically."""
    ids = _packaged_ids()
    defaults = [name for name in ids if load_profile(name).default]
    if len(defaults) != 1:
        raise LookupError(f"exactly one packaged messenger profile must be marked default, found {defaults}")
    return (defaults[0], *(name for name in ids if name != defaults[0]))


def default_profile() -> MessengerProfile:
    return load_profile(list_profiles()[0])


@cache
def load_profile(profile_id: str) -> MessengerProfile:
    """A packaged profile by id; an unknown id is a ``ProfileError`` listing the known ones."""
    if profile_id not in _packaged_ids():  # also keeps "../x" from reaching the file system
        raise ProfileError(profile_id, ProfileProblem.UNKNOWN_PROFILE, detail=", ".join(_packaged_ids()))
    entry = _folder() / f"{profile_id}.toml"
    return _parse_text(entry.read_text(encoding="utf-8"), f"{PACKAGED}messengers/{entry.name}")


def load_profile_file(path: str | Path) -> MessengerProfile:
    """A user's own profile file (``--profile FILE``), checked as strictly as the packaged ones."""
    shown = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ProfileError(shown, ProfileProblem.NOT_FOUND) from None
    except UnicodeDecodeError:
        raise ProfileError(shown, ProfileProblem.NOT_TOML, detail="not UTF-8 text") from None
    except OSError as error:
        raise ProfileError(shown, ProfileProblem.UNREADABLE, detail=error.strerror or type(error).__name__) from None
    return _parse_text(text, shown)


def _parse_text(text: str, shown: str) -> MessengerProfile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(shown, ProfileProblem.NOT_TOML, detail=str(error)) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ProfileError(shown, ProfileProblem.NOT_TOML, detail="nested too deeply") from None
    return _profile(Table(shown, "", data))


def _profile(top: Table) -> MessengerProfile:
    top.only(*_TOP_KEYS)
    profile_id = top.text("id")
    if not _ID.fullmatch(profile_id):
        raise top.invalid("id", Expected.ID)
    facts = _FactReader(top)
    hashing = facts.read("hashing", lambda t: t.choice("value", Hashing))
    non_users = facts.read("non_users", lambda t: t.choice("value", NonUsers))
    bulk_upload = facts.read("bulk_upload", lambda t: t.flag("value"))
    return MessengerProfile(
        id=profile_id,
        display_name=top.text("display_name"),
        default=top.flag("default", default=False),
        checked=facts.checked,
        location=top.path,
        penetration=top.text("penetration", default=profile_id),
        operator=facts.read("operator", lambda t: t.text("value")),
        eu_entity=facts.read("eu_entity", lambda t: t.text("value")) if top.has("eu_entity") else None,
        destinations=facts.read("destinations", _destinations),
        fields=_fields(facts),
        hashing=hashing,
        non_users=non_users,
        retention=_retention(facts, hashing, non_users, bulk_upload),
        frequency=facts.read("frequency", lambda t: t.choice("value", Frequency)),
        activation=facts.read("activation", lambda t: t.choice("value", Activation)),
        bulk_upload=bulk_upload,
        transfer_basis=facts.read("transfer_basis", lambda t: t.choice("value", TransferBasis)),
        notes=tuple(facts.read_table(note, lambda t: t.note_key("value")) for note in top.tables("notes")),
    )


def _retention(
    facts: _FactReader, hashing: Fact[Hashing], non_users: Fact[NonUsers], bulk_upload: Fact[bool]
) -> Fact[Retention]:
    """The profile's ``[retention]``; a profile written before it existed gets it derived, marked unconfirmed.

    ``not_sent`` and a bulk upload contradict each other, so either is refused with the other.
    """
    if not facts.top.has("retention"):
        return _derived_retention(hashing, non_users, bulk_upload)
    retention = facts.read("retention", lambda t: t.choice("value", Retention))
    if (retention.value is Retention.NOT_SENT) == bulk_upload.value:
        allowed = [value for value in Retention if (value is Retention.NOT_SENT) != bulk_upload.value]
        raise facts.top.table("retention").invalid("value", Expected.ONE_OF, ", ".join(allowed))
    return retention


def _derived_retention(hashing: Fact[Hashing], non_users: Fact[NonUsers], bulk_upload: Fact[bool]) -> Fact[Retention]:
    """From what happens to non-users' data; "sent" counts as kept (nobody can show it is deleted)."""
    if not bulk_upload.value:
        value = Retention.NOT_SENT
    elif non_users.value is NonUsers.TRANSIENT:
        value = Retention.DISCARDED
    elif hashing.value in (Hashing.HASHED, Hashing.ENCLAVE):
        value = Retention.STORED_HASHED
    else:
        value = Retention.STORED_CLEAR
    sources = tuple(dict.fromkeys((*non_users.sources, *hashing.sources, *bulk_upload.sources)))
    return Fact(value, sources, non_users.checked, confirmed=False, note=_DERIVED_RETENTION)


def _destinations(table: Table) -> tuple[str, ...] | None:
    """Country codes, or ``"unknown"`` where the sources do not say where the data goes."""
    return None if table.raw("value") == _UNKNOWN else table.countries("value")


def _fields(facts: _FactReader) -> UploadedFields:
    table = facts.top.table("fields")
    table.only(*UploadField)

    def status(field: UploadField) -> Fact[FieldStatus]:
        return facts.read_table(table.table(field), lambda t: t.choice("value", FieldStatus))

    return UploadedFields(
        phone=status(UploadField.PHONE), name=status(UploadField.NAME), email=status(UploadField.EMAIL)
    )


def _own_sources(top: Table, catalog: Mapping[str, Source]) -> dict[str, Source]:
    """The packaged catalog plus the file's own ``[sources.KEY]`` tables (a user's profile cites its own)."""
    own = read_sources(top.table("sources"), known=catalog) if top.has("sources") else {}
    return {**catalog, **own}


class _FactReader:
    """Reads fact tables: a value, one or more known source keys, optional checked date, confirmed flag and note."""

    def __init__(self, top: Table) -> None:
        self.top = top
        self.sources = _own_sources(top, packaged_sources())
        self.checked = top.date("checked")

    def read(self, name: str, value: Callable[[Table], T]) -> Fact[T]:
        return self.read_table(self.top.table(name), value)

    def read_table(self, table: Table, value: Callable[[Table], T]) -> Fact[T]:
        table.only(*_FACT_KEYS)
        return Fact(
            value=value(table),
            sources=cite(table, self.sources),
            checked=table.date("checked", default=self.checked),
            confirmed=table.flag("confirmed", default=True),
            note=table.note_key("note") if table.has("note") else "",
        )
