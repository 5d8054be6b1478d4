"""Counting a scan as it streams: the summary figures, built one contact at a time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scanner.core.classification.result import Category, Classification
from scanner.core.exposure import Exposure
from scanner.core.messengers import PenetrationBasis
from scanner.core.risk import ContactRisk, RiskLevel, RiskReason


@dataclass(frozen=True)
class ScanSummary:
    """The figures of the report's summary.

    ``uploaded_contacts`` counts every uploaded entry, organisations included. Everything about exposure below it
    counts only natural persons (``third_parties_exposed``): an organisation's switchboard is not personal data.
    ``unprotected_persons`` are those sent to a third country without a full adequacy decision (the US: only
    DPF-certified recipients). ``non_user_fallbacks`` counts those persons whose number's country has no usage
    figure: their non-user probability is the documented fallback, so the estimate is an upper bound for them.
    """

    cards_found: int
    contacts: int
    rejected: int
    business: int
    private: int
    unknown: int
    natural_persons: int
    minors: int
    special_category_contacts: int
    uploaded_contacts: int
    third_parties_exposed: int
    third_country_persons: int
    unprotected_persons: int
    destinations: dict[str, int]
    fields_exposed: dict[str, int]
    estimated_non_users: float
    non_user_fallbacks: int
    private_persons_exposed: int
    minors_exposed: int
    special_category_exposed: int
    risk_levels: dict[str, int]


@dataclass
class SummaryTally:
    """Mutable counters fed per contact; ``freeze`` gives the immutable summary."""

    categories: Counter[str] = field(default_factory=Counter)
    natural_persons: int = 0
    minors: int = 0
    special: int = 0
    uploaded: int = 0
    third_parties: int = 0
    third_country: int = 0
    unprotected: int = 0
    destinations: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    non_users: float = 0.0
    non_user_fallbacks: int = 0
    private_exposed: int = 0
    minors_exposed: int = 0
    special_exposed: int = 0
    levels: Counter[RiskLevel] = field(default_factory=Counter)
    reasons: Counter[RiskReason] = field(default_factory=Counter)

    def add(self, classification: Classification, exposure: Exposure, risk: ContactRisk) -> None:
        self._add_classification(classification)
        self.levels[risk.level] += 1
        if risk.level is not RiskLevel.NONE:
            self.reasons.update(risk.reasons)
        if exposure.uploaded:
            self.uploaded += 1
            if classification.natural_person:
                self._add_person_exposure(classification, exposure)

    def _add_classification(self, classification: Classification) -> None:
        self.categories[classification.category.value] += 1
        self.natural_persons += classification.natural_person
        self.minors += classification.minor
        self.special += bool(classification.special_categories)

    def _add_person_exposure(self, classification: Classification, exposure: Exposure) -> None:
        self.third_parties += 1
        self.fields.update(exposure.field_names)
        self.destinations[exposure.destination or "unknown"] += 1
        self.third_country += exposure.third_country
        self.unprotected += exposure.third_country and not exposure.adequate
        self.non_users += exposure.non_user_probability or 0.0
        self.non_user_fallbacks += exposure.penetration_basis is PenetrationBasis.NO_FIGURE
        self.private_exposed += classification.category is Category.PRIVATE
        self.minors_exposed += classification.minor
        self.special_exposed += bool(classification.special_categories)

    def freeze(self, *, cards_found: int, contacts: int, rejected: int) -> ScanSummary:
        return ScanSummary(
            cards_found=cards_found,
            contacts=contacts,
            rejected=rejected,
            business=self.categories[Category.BUSINESS.value],
            private=self.categories[Category.PRIVATE.value],
            unknown=self.categories[Category.UNKNOWN.value],
            natural_persons=self.natural_persons,
            minors=self.minors,
            special_category_contacts=self.special,
            uploaded_contacts=self.uploaded,
            third_parties_exposed=self.third_parties,
            third_country_persons=self.third_country,
            unprotected_persons=self.unprotected,
            destinations=dict(sorted(self.destinations.items())),
            fields_exposed=dict(sorted(self.fields.items())),
            estimated_non_users=round(self.non_users, 1),
            non_user_fallbacks=self.non_user_fallbacks,
            private_persons_exposed=self.private_exposed,
            minors_exposed=self.minors_exposed,
            special_category_exposed=self.special_exposed,
            risk_levels={level.value: self.levels[level] for level in RiskLevel},
        )
