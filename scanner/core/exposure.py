"""What a messenger's contact upload sends of one contact, where to, and how likely that person is not even a user."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from scanner.core.messengers import (
    FieldStatus,
    MessengerProfile,
    NonUsers,
    Penetration,
    PenetrationBasis,
    Protection,
    UploadField,
    penetration,
    third_countries,
)
from scanner.core.model import Contact, Phone, PhoneType


@dataclass(frozen=True)
class ExposedField:
    """A field of this contact that leaves the phone; ``status``: certain, disputed or unconfirmed."""

    field: UploadField
    status: FieldStatus


@dataclass(frozen=True)
class Exposure:
    """One contact under one messenger profile.

    ``destination`` is the profile's least protected destination (None when the sources do not say where the data
    goes); ``third_country`` is True when that lies outside the EU/EEA (an unknown destination counts as outside:
    nobody can show it stays inside), ``adequate`` when it is inside or has a full adequacy decision.
    ``non_user_probability`` is None for a contact that is not uploaded.
    """

    uploaded: bool
    fields: tuple[ExposedField, ...] = ()
    destination: str | None = None
    third_country: bool = False
    adequate: bool = False
    non_user_probability: float | None = None
    penetration_basis: PenetrationBasis | None = None

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(exposed.field.value for exposed in self.fields)


NOT_UPLOADED = Exposure(uploaded=False)
_FULL = Protection.FULL_ADEQUACY
_PROTECTION_ORDER = (
    Protection.UNKNOWN_DESTINATION,
    Protection.NO_ADEQUACY,
    Protection.PARTIAL_ADEQUACY,
    Protection.FULL_ADEQUACY,
)
# The fields that identify a contact to an operator; a name alone is never matched or uploaded on its own.
_IDENTIFIERS = (UploadField.PHONE, UploadField.EMAIL)


def expose(contact: Contact, profile: MessengerProfile) -> Exposure:
    """The exposure of ``contact`` when ``profile``'s contact upload runs (for opt-in uploads: once turned on)."""
    if not profile.bulk_upload.value:
        return NOT_UPLOADED
    fields = _exposed_fields(contact, profile)
    if not any(exposed.field in _IDENTIFIERS for exposed in fields):
        return NOT_UPLOADED
    share = _usage(contact, profile, fields)
    return Exposure(
        uploaded=True,
        fields=fields,
        non_user_probability=round(1.0 - share.share, 4),
        penetration_basis=share.basis,
        **_destination(profile),
    )


@cache
def _destination(profile: MessengerProfile) -> dict[str, Any]:
    """The least protected destination: a third country without (full) adequacy before an adequate one, before EEA."""
    outside = sorted(third_countries(profile), key=lambda third: _PROTECTION_ORDER.index(third.protection))
    if outside:
        worst = outside[0]
        return {"destination": worst.country, "third_country": True, "adequate": worst.protection is _FULL}
    inside = profile.destinations.value or ()
    return {"destination": inside[0] if inside else None, "third_country": False, "adequate": True}


def _exposed_fields(contact: Contact, profile: MessengerProfile) -> tuple[ExposedField, ...]:
    present = {
        UploadField.PHONE: bool(contact.phones),
        UploadField.NAME: _has_name(contact),
        UploadField.EMAIL: bool(contact.emails),
    }
    exposed: list[ExposedField] = []
    for field in UploadField:
        status = profile.fields.get(field).value
        if present[field] and status.may_leave_phone:
            exposed.append(ExposedField(field, status))
    return tuple(exposed)


def _has_name(contact: Contact) -> bool:
    return bool(contact.formatted_name.strip()) or not contact.name.is_empty() or bool(contact.organization)


def _usage(contact: Contact, profile: MessengerProfile, fields: tuple[ExposedField, ...]) -> Penetration:
    """The likeliest share among the contact's uploaded numbers: the person uses the messenger if any number does."""
    if not any(exposed.field is UploadField.PHONE for exposed in fields) or not contact.phones:
        return penetration(profile.penetration, None, PhoneType.UNKNOWN)
    return max((_phone_usage(phone, profile) for phone in contact.phones), key=lambda figure: figure.share)


def _phone_usage(phone: Phone, profile: MessengerProfile) -> Penetration:
    return penetration(profile.penetration, phone.region, phone.number_type)


def stores_non_users(profile: MessengerProfile) -> bool:
    """Whether the operator keeps, or may keep, what it learns about people who do not use it (a shadow profile).

    ``sent`` (sent, retention unknown) counts as kept: nobody can show the data is deleted.
    """
    return profile.non_users.value in (NonUsers.STORED, NonUsers.SENT)
