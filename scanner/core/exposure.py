"""What a messenger's contact upload sends of one contact, where to, and how likely that person is not even a user."""

from __future__ import annotations

from dataclasses import dataclass

from scanner.core.messengers import (
    FieldStatus,
    MessengerProfile,
    NonUsers,
    Penetration,
    PenetrationBasis,
    Protection,
    Retention,
    TransferBasis,
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
    ``dpf``: adequate only because the operator relies on the EU-US Data Privacy Framework for this data.
    ``non_user_probability`` is None for a contact that is not uploaded. ``retention``: what the operator keeps of
    it (the risk rules weigh a lookup that is discarded less than a stored copy).
    """

    uploaded: bool
    fields: tuple[ExposedField, ...] = ()
    destination: str | None = None
    third_country: bool = False
    adequate: bool = False
    dpf: bool = False
    non_user_probability: float | None = None
    penetration_basis: PenetrationBasis | None = None
    retention: Retention = Retention.STORED_CLEAR

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
_IDENTIFIERS = frozenset({UploadField.PHONE, UploadField.EMAIL})


@dataclass(frozen=True)
class UploadPlan:
    """What a profile's upload does to any contact, worked out once per profile rather than once per contact.

    ``fields``: the fields that may leave the phone, with their status; ``destination``: the least protected one
    (a third country without full adequacy before an adequate one, before the EEA).
    """

    bulk_upload: bool
    fields: tuple[ExposedField, ...]
    destination: str | None
    third_country: bool
    adequate: bool
    dpf: bool
    penetration: str
    keeps_non_users: bool
    retention: Retention = Retention.STORED_CLEAR

    @classmethod
    def of(cls, profile: MessengerProfile) -> UploadPlan:
        leaving = (ExposedField(field, profile.fields.get(field).value) for field in UploadField)
        destination, third_country, protection = _destination(profile)
        dpf = protection is Protection.PARTIAL_ADEQUACY and profile.transfer_basis.value is TransferBasis.DPF
        return cls(
            bulk_upload=profile.bulk_upload.value,
            fields=tuple(exposed for exposed in leaving if exposed.status.may_leave_phone),
            destination=destination,
            third_country=third_country,
            adequate=protection is _FULL or dpf,
            dpf=dpf,
            penetration=profile.penetration,
            keeps_non_users=stores_non_users(profile),
            retention=profile.retention.value,
        )


def expose(contact: Contact, plan: UploadPlan) -> Exposure:
    """The exposure of ``contact`` when the planned upload runs (for opt-in uploads: once turned on)."""
    if not plan.bulk_upload or plan.retention is Retention.NOT_SENT:
        return NOT_UPLOADED
    present = _present(contact)
    fields = tuple(exposed for exposed in plan.fields if exposed.field in present)
    uploaded = {exposed.field for exposed in fields}
    if not uploaded & _IDENTIFIERS:
        return NOT_UPLOADED
    share = _usage(contact, plan, phones_uploaded=UploadField.PHONE in uploaded)
    return Exposure(
        uploaded=True,
        fields=fields,
        destination=plan.destination,
        third_country=plan.third_country,
        adequate=plan.adequate,
        dpf=plan.dpf,
        non_user_probability=round(1.0 - share.share, 4),
        penetration_basis=share.basis,
        retention=plan.retention,
    )


def _destination(profile: MessengerProfile) -> tuple[str | None, bool, Protection]:
    """(country, outside the EEA, its protection) of the least protected destination; the EEA counts as full."""
    outside = sorted(third_countries(profile), key=lambda third: _PROTECTION_ORDER.index(third.protection))
    if outside:
        return outside[0].country, True, outside[0].protection
    inside = profile.destinations.value or ()
    return (inside[0] if inside else None), False, _FULL


def _present(contact: Contact) -> set[UploadField]:
    present: set[UploadField] = set()
    if contact.phones:
        present.add(UploadField.PHONE)
    if contact.formatted_name.strip() or not contact.name.is_empty() or contact.organization:
        present.add(UploadField.NAME)
    if contact.emails:
        present.add(UploadField.EMAIL)
    return present


def _usage(contact: Contact, plan: UploadPlan, *, phones_uploaded: bool) -> Penetration:
    """The likeliest share among the contact's uploaded numbers: the person uses the messenger if any number does."""
    if not phones_uploaded:
        return penetration(plan.penetration, None, PhoneType.UNKNOWN)
    return max((_phone_usage(phone, plan) for phone in contact.phones), key=lambda figure: figure.share)


def _phone_usage(phone: Phone, plan: UploadPlan) -> Penetration:
    return penetration(plan.penetration, phone.region, phone.number_type)


def stores_non_users(profile: MessengerProfile) -> bool:
    """Whether the operator keeps, or may keep, what it learns about people who do not use it (a shadow profile).

    ``sent`` (sent, retention unknown) counts as kept: nobody can show the data is deleted.
    """
    return profile.non_users.value in (NonUsers.STORED, NonUsers.SENT)
