"""A contact's shape: the few facts every messenger comparison depends on, so many contacts are judged at once.

Exposure and risk under a profile read only which fields a card has (a number, a name, an e-mail), the region and
type of each number (usage figures), and the classification's category, natural person, minor and Art. 9 flags.
Contacts with the same shape therefore get the same exposure and level under every profile: the comparison profiles
are run once per shape and multiplied by its count, not once per contact. ``tests/core/test_shape.py`` proves the
equivalence on real cards, so it fails if exposure or risk starts to read another field.

A person's shape combines their cards' shapes (``combined``): all numbers (in a fixed order), any field, the most
protective flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from scanner.core.classification.result import Category, Classification, SpecialCategory
from scanner.core.exposure import Exposure, UploadPlan, expose
from scanner.core.model import Contact, Email, Phone, PhoneType, SourceRef
from scanner.core.risk import ContactRisk, contact_risk

# Most protective last: a person private on any phone is private; unknown beats business (it asks to be checked).
PROTECTION_RANK = {Category.BUSINESS: 0, Category.UNKNOWN: 1, Category.PRIVATE: 2}
_SHAPE_SOURCE = SourceRef("", 0, 0)
# Risk reads only whether special categories are present; the shape keeps that, not which ones.
_SOME_SPECIAL = (SpecialCategory.HEALTH,)


@dataclass(frozen=True)
class ContactShape:
    numbers: tuple[tuple[str | None, PhoneType], ...]  # distinct (region, type), in card order: ties go to the first
    has_name: bool
    has_email: bool
    natural_person: bool
    category: Category
    minor: bool
    special: bool

    def combined(self, other: ContactShape) -> ContactShape:
        return _combined(self, other)

    def judged(self, plan: UploadPlan) -> tuple[Exposure, ContactRisk]:
        """Exposure and risk of every contact of this shape under ``plan`` (computed once per shape and plan)."""
        return _judged(self, plan)


def shape_of(contact: Contact, classification: Classification) -> ContactShape:
    return intern(
        ContactShape(
            numbers=tuple(dict.fromkeys((phone.region, phone.number_type) for phone in contact.phones)),
            has_name=bool(contact.formatted_name.strip() or not contact.name.is_empty() or contact.organization),
            has_email=bool(contact.emails),
            natural_person=classification.natural_person,
            category=classification.category,
            minor=classification.minor,
            special=bool(classification.special_categories),
        )
    )


_INTERNED: dict[ContactShape, ContactShape] = {}


def intern(shape: ContactShape) -> ContactShape:
    """One object per distinct shape, so a million people hold a few thousand shapes, not a million."""
    return _INTERNED.setdefault(shape, shape)


@cache
def _combined(first: ContactShape, second: ContactShape) -> ContactShape:
    category = max(first.category, second.category, key=PROTECTION_RANK.__getitem__)
    return intern(
        ContactShape(
            numbers=tuple(sorted({*first.numbers, *second.numbers}, key=_number_order)),
            has_name=first.has_name or second.has_name,
            has_email=first.has_email or second.has_email,
            natural_person=first.natural_person or second.natural_person,
            category=category,
            minor=first.minor or second.minor,
            special=first.special or second.special,
        )
    )


@cache
def _judged(shape: ContactShape, plan: UploadPlan) -> tuple[Exposure, ContactRisk]:
    exposure = expose(representative(shape), plan)
    return exposure, contact_risk(classification_of(shape), exposure, keeps_non_users=plan.keeps_non_users)


def _number_order(number: tuple[str | None, PhoneType]) -> tuple[str, str]:
    """A person's numbers in a fixed order, so the combined shape does not depend on which card came first."""
    region, number_type = number
    return region or "", number_type.value


def representative(shape: ContactShape) -> Contact:
    """A contact with exactly the shape's exposure-relevant fields; it carries no personal data."""
    phones = tuple(
        Phone(raw="", e164=None, region=region, number_type=number_type, valid=True)
        for region, number_type in shape.numbers
    )
    return Contact(
        source=_SHAPE_SOURCE,
        formatted_name="-" if shape.has_name else "",
        phones=phones,
        emails=(Email("-@-"),) if shape.has_email else (),
    )


def classification_of(shape: ContactShape) -> Classification:
    return Classification(
        category=shape.category,
        confidence=1.0,
        evidence=(),
        natural_person=shape.natural_person,
        minor=shape.minor,
        special_categories=_SOME_SPECIAL if shape.special else (),
    )
