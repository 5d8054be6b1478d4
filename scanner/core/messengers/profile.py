"""What a messenger's contact upload does, as frozen records: each fact with its sources and whether it is confirmed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class UploadField(StrEnum):
    """The parts of an address-book entry a messenger may send."""

    PHONE = "phone"
    NAME = "name"
    EMAIL = "email"


class FieldStatus(StrEnum):
    """Whether a field leaves the phone: ``disputed`` when sources contradict each other (WhatsApp names)."""

    YES = "yes"
    NO = "no"
    DISPUTED = "disputed"
    UNCONFIRMED = "unconfirmed"

    @property
    def may_leave_phone(self) -> bool:
        """Everything but ``no``: a disputed or unconfirmed field is counted, and shown with its status."""
        return self is not FieldStatus.NO


class Hashing(StrEnum):
    """How identifiers travel. Hashing does not anonymise phone numbers (Hagen et al., NDSS 2021; DPC 2021)."""

    NONE = "none"
    HASHED = "hashed"
    ENCLAVE = "enclave"
    UNKNOWN = "unknown"


class NonUsers(StrEnum):
    """What happens to the data of contacts who do not use the messenger."""

    STORED = "stored"  # kept, also when kept as a (lossy) hash
    SENT = "sent"  # sent; the sources do not say whether or how long it is kept
    TRANSIENT = "transient"  # sent, compared, then deleted
    EXCLUDED = "excluded"  # never sent


class Retention(StrEnum):
    """What the operator keeps of an uploaded address book; the risk rules weigh it (``scanner/core/risk.py``).

    ``stored_clear``: kept as sent, in clear (WhatsApp, Meta, Telegram, Viber, the phone's cloud sync);
    ``stored_hashed``: kept as a hash, which for phone numbers is still personal data (DPC 2021, Hagen et al. 2021);
    ``discarded``: compared and deleted, nothing kept beyond the matching (Signal's enclave, Threema, Wire);
    ``not_sent``: the address book is not uploaded at all (iMessage looks up single numbers only).
    """

    STORED_CLEAR = "stored_clear"
    STORED_HASHED = "stored_hashed"
    DISCARDED = "discarded"
    NOT_SENT = "not_sent"

    @property
    def kept(self) -> bool:
        return self in (Retention.STORED_CLEAR, Retention.STORED_HASHED)


class Frequency(StrEnum):
    ONCE = "once"
    ON_INSTALL = "on_install"
    REGULARLY = "regularly"
    DAILY = "daily"
    CONTINUOUS = "continuous"
    PER_LOOKUP = "per_lookup"
    UNKNOWN = "unknown"


class Activation(StrEnum):
    """When the upload happens: on unless turned off, after the user turns it on, on an import, on each use."""

    DEFAULT_ON = "default_on"
    OPT_IN = "opt_in"
    USER_IMPORT = "user_import"
    ON_USE = "on_use"  # no bulk upload: each number is looked up when the user addresses it
    UNKNOWN = "unknown"


class TransferBasis(StrEnum):
    """The Chapter V GDPR basis the operator names for sending the data out of the EEA."""

    NOT_NEEDED = "not_needed"
    ADEQUACY = "adequacy"
    DPF = "dpf"
    SCC = "scc"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Source:
    """A public source as DOMAIN.md lists it; ``date`` is the source's own date, as precise as known ("2016")."""

    key: str
    title: str
    url: str = ""
    date: str = ""


@dataclass(frozen=True)
class Fact(Generic[T]):
    """One statement about a messenger. ``note`` is an i18n key; ``confirmed`` is False where DOMAIN.md says so."""

    value: T
    sources: tuple[Source, ...]
    checked: datetime.date
    confirmed: bool = True
    note: str = ""


@dataclass(frozen=True)
class UploadedFields:
    phone: Fact[FieldStatus]
    name: Fact[FieldStatus]
    email: Fact[FieldStatus]

    def get(self, field: UploadField) -> Fact[FieldStatus]:
        return {UploadField.PHONE: self.phone, UploadField.NAME: self.name, UploadField.EMAIL: self.email}[field]


@dataclass(frozen=True)
class MessengerProfile:
    """A messenger's contact upload. ``penetration`` names the usage figures to use (WhatsApp Business: whatsapp).

    ``eu_entity`` is None when the sources name none; ``destinations.value`` is None when they do not say where the
    data goes (Viber), which is not the same as "inside the EU".
    """

    id: str
    display_name: str
    default: bool
    checked: datetime.date
    location: str
    penetration: str
    operator: Fact[str]
    eu_entity: Fact[str] | None
    destinations: Fact[tuple[str, ...] | None]
    fields: UploadedFields
    hashing: Fact[Hashing]
    non_users: Fact[NonUsers]
    retention: Fact[Retention]
    frequency: Fact[Frequency]
    activation: Fact[Activation]
    bulk_upload: Fact[bool]
    transfer_basis: Fact[TransferBasis]
    notes: tuple[Fact[str], ...]

    def facts(self) -> tuple[tuple[str, Fact[Any]], ...]:
        """Every fact with its name (``fields.name``, ``notes.1``), for reports and for checking sources."""
        named: list[tuple[str, Fact[Any]]] = [("operator", self.operator)]
        if self.eu_entity is not None:
            named.append(("eu_entity", self.eu_entity))
        named.append(("destinations", self.destinations))
        named.extend((f"fields.{field}", self.fields.get(field)) for field in UploadField)
        named.extend(
            [
                ("hashing", self.hashing),
                ("non_users", self.non_users),
                ("retention", self.retention),
                ("frequency", self.frequency),
                ("activation", self.activation),
                ("bulk_upload", self.bulk_upload),
                ("transfer_basis", self.transfer_basis),
            ]
        )
        named.extend((f"notes.{number}", note) for number, note in enumerate(self.notes, start=1))
        return tuple(named)

    def sources(self) -> tuple[Source, ...]:
        """Every source the facts cite, once each, in the order first cited."""
        cited = (source for _, fact in self.facts() for source in fact.sources)
        return tuple(dict.fromkeys(cited))

    def unconfirmed(self) -> tuple[str, ...]:
        """Names of the facts that are not confirmed; reports must mark them "unbestätigt" / "unconfirmed"."""
        return tuple(name for name, fact in self.facts() if not fact.confirmed)
