"""What classifying one contact yields: business or private, person or not, minor, Art. 9 hints, with evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    BUSINESS = "business"
    PRIVATE = "private"
    UNKNOWN = "unknown"


class DecidedBy(StrEnum):
    """Which stage settled a contact's business/private class."""

    RULES = "rules"  # the card's own evidence (first pass)
    PHONE = "phone"  # what the phone's confident cards share with it (second pass)
    DUPLICATE = "duplicate"  # a fuller card with the same number or name
    HAND = "hand"  # the owner's own decision (``contactleak review``, ``scan --decisions``)


class SpecialCategory(StrEnum):
    """Art. 9(1) GDPR categories a contact's texts may reveal."""

    HEALTH = "health"
    RELIGION = "religion"
    TRADE_UNION = "trade_union"
    POLITICS = "politics"
    SEX_LIFE = "sex_life"
    ETHNIC_ORIGIN = "ethnic_origin"


@dataclass(frozen=True)
class Evidence:
    """One readable reason. ``code`` is an i18n key below ``evidence.``; ``params`` fill its placeholders.

    ``weight`` is positive for business, negative for private, 0 for evidence that bears on other questions.
    Params never carry personal data: a matched keyword, a legal form, a free-mail domain, a field name.
    """

    code: str
    weight: float = 0.0
    params: tuple[tuple[str, str], ...] = field(default=())

    def params_dict(self) -> dict[str, str]:
        return dict(self.params)


@dataclass(frozen=True)
class Classification:
    category: Category
    confidence: float
    evidence: tuple[Evidence, ...]
    natural_person: bool
    minor: bool
    special_categories: tuple[SpecialCategory, ...]
    decided_by: DecidedBy = DecidedBy.RULES
    # Art. 9 hints that are only an organisation's role on a business contact (a union as the works council's
    # counterpart, a parish as a customer): shown with their reason, not counted as data about a person.
    uncounted_special: tuple[SpecialCategory, ...] = ()
