"""The i18n key of every enum value a report shows about a messenger (``messenger.hashing.hashed``, ...)."""

from __future__ import annotations

from enum import StrEnum

from scanner.core.messengers.countries import AdequacyScope, Protection
from scanner.core.messengers.penetration import PenetrationBasis
from scanner.core.messengers.profile import (
    Activation,
    FieldStatus,
    Frequency,
    Hashing,
    NonUsers,
    Retention,
    TransferBasis,
    UploadField,
)

LABELLED: dict[type[StrEnum], str] = {
    UploadField: "messenger.field",
    FieldStatus: "messenger.field_status",
    Hashing: "messenger.hashing",
    NonUsers: "messenger.non_users",
    Retention: "messenger.retention",
    Frequency: "messenger.frequency",
    Activation: "messenger.activation",
    TransferBasis: "messenger.transfer_basis",
    AdequacyScope: "messenger.adequacy_scope",
    Protection: "messenger.protection",
    PenetrationBasis: "messenger.penetration_basis",
}
UNCONFIRMED = "messenger.unconfirmed"  # the mark every unconfirmed fact carries in a report
UNKNOWN_DESTINATION = "messenger.destinations_unknown"
NO_EU_ENTITY = "messenger.eu_entity_not_named"


def label_key(value: StrEnum) -> str:
    """``label_key(FieldStatus.DISPUTED) == "messenger.field_status.disputed"``; pass the result to ``translate``."""
    return f"{LABELLED[type(value)]}.{value.value}"


def fact_label_key(fact_name: str) -> str:
    """The heading of a fact named as ``MessengerProfile.facts()`` names it (``fields.name``, ``notes.2``)."""
    return "messenger.fact." + ("notes" if fact_name.startswith("notes.") else fact_name)
