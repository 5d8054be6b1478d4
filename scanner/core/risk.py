"""Risk per contact and overall, following the legal frame of DOMAIN.md section 2; every step names its reason.

The rules, in the order they apply (the README repeats them for consultants):

1. A contact that is not uploaded carries no risk from the upload.
2. An organisation, hotline or switchboard without a natural person is not personal data (Art. 4(1) GDPR).
3. Base level: medium when the data goes to a country outside the EU/EEA without a full adequacy decision (Chapter V
   GDPR; the US decision covers only DPF-certified recipients and is under appeal); low when it stays in the EU/EEA,
   goes to a country with a full adequacy decision, or the operator relies on the Data Privacy Framework for it
   (WhatsApp Business). An unknown destination counts as a third country.
4. One level up for a private contact on a business phone (no legal basis: LfD Niedersachsen calls the upload
   "regelmäßig unzulässig") or a likely non-user whose data the operator keeps (the balance of interests fails for
   non-users; the DPC fined WhatsApp in 2021 partly for not informing them). Both together still count once: high is
   the ceiling for ordinary data.
5. Critical is reserved for data the GDPR protects specially: a minor (Art. 8, recital 38) or a special-category hint
   (Art. 9) sent to a third country; inside the EU/EEA or to an adequate country they are high.
6. The overall level is the highest contact level: one unlawful transfer is enough for a fine (Art. 83).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from scanner.core.classification.result import Category, Classification

if TYPE_CHECKING:  # only annotations: the CLI's options import RiskLevel without the messenger profiles (start-up)
    from scanner.core.exposure import Exposure

# A contact counts as a likely non-user when it is more likely than not that they do not use the messenger.
LIKELY_NON_USER = 0.5


class RiskLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    def raised(self, steps: int = 1, ceiling: RiskLevel | None = None) -> RiskLevel:
        top = (ceiling or RiskLevel.CRITICAL).rank
        return _ORDER[max(self.rank, min(self.rank + steps, top))]

    @classmethod
    def highest(cls, levels: Iterable[RiskLevel]) -> RiskLevel:
        return max(levels, key=lambda level: level.rank, default=cls.NONE)


_ORDER = (RiskLevel.NONE, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.CRITICAL)


class RiskReason(StrEnum):
    """Why a contact has its level; rendered by the i18n catalog as ``risk.reason.<value>``."""

    NOT_UPLOADED = "not_uploaded"
    NOT_PERSONAL_DATA = "not_personal_data"
    THIRD_COUNTRY = "third_country"
    ADEQUATE_DESTINATION = "adequate_destination"
    DPF_TRANSFER = "dpf_transfer"
    PRIVATE_CONTACT = "private_contact"
    UNKNOWN_CATEGORY = "unknown_category"
    LIKELY_NON_USER = "likely_non_user"
    MINOR = "minor"
    SPECIAL_CATEGORIES = "special_categories"


@dataclass(frozen=True)
class ContactRisk:
    level: RiskLevel
    reasons: tuple[RiskReason, ...]


def contact_risk(classification: Classification, exposure: Exposure, *, keeps_non_users: bool) -> ContactRisk:
    """The level of one contact under one messenger, with the reasons that set it (rules 1-5 above)."""
    if not exposure.uploaded:
        return ContactRisk(RiskLevel.NONE, (RiskReason.NOT_UPLOADED,))
    if not classification.natural_person:
        return ContactRisk(RiskLevel.NONE, (RiskReason.NOT_PERSONAL_DATA,))
    outside = exposure.third_country and not exposure.adequate
    level = RiskLevel.MEDIUM if outside else RiskLevel.LOW
    reasons = [_destination_reason(exposure)]
    reasons.extend(_aggravating(classification, exposure, keeps_non_users=keeps_non_users))
    if RiskReason.PRIVATE_CONTACT in reasons or RiskReason.LIKELY_NON_USER in reasons:
        level = level.raised(ceiling=RiskLevel.HIGH)
    if classification.minor or classification.special_categories:
        level = RiskLevel.CRITICAL if outside else RiskLevel.HIGH
    return ContactRisk(level, tuple(reasons))


def _destination_reason(exposure: Exposure) -> RiskReason:
    if exposure.third_country and not exposure.adequate:
        return RiskReason.THIRD_COUNTRY
    return RiskReason.DPF_TRANSFER if exposure.dpf else RiskReason.ADEQUATE_DESTINATION


def _aggravating(classification: Classification, exposure: Exposure, *, keeps_non_users: bool) -> list[RiskReason]:
    reasons: list[RiskReason] = []
    if classification.category is Category.PRIVATE:
        reasons.append(RiskReason.PRIVATE_CONTACT)
    elif classification.category is Category.UNKNOWN:
        reasons.append(RiskReason.UNKNOWN_CATEGORY)
    probability = exposure.non_user_probability or 0.0
    if keeps_non_users and probability > LIKELY_NON_USER:
        reasons.append(RiskReason.LIKELY_NON_USER)
    if classification.minor:
        reasons.append(RiskReason.MINOR)
    if classification.special_categories:
        reasons.append(RiskReason.SPECIAL_CATEGORIES)
    return reasons


# Rules 1-5 above, by the reasons they name; rule 6 is ``risk.overall_rule``. Reports and ``contactleak rules``
# print the rules in this order.
RULES: tuple[tuple[RiskReason, ...], ...] = (
    (RiskReason.NOT_UPLOADED,),
    (RiskReason.NOT_PERSONAL_DATA,),
    (RiskReason.THIRD_COUNTRY, RiskReason.DPF_TRANSFER, RiskReason.ADEQUATE_DESTINATION),
    (RiskReason.PRIVATE_CONTACT, RiskReason.LIKELY_NON_USER, RiskReason.UNKNOWN_CATEGORY),
    (RiskReason.MINOR, RiskReason.SPECIAL_CATEGORIES),
)

# The order in which overall reasons are listed: what weighs most first.
REASON_WEIGHT = (
    RiskReason.SPECIAL_CATEGORIES,
    RiskReason.MINOR,
    RiskReason.PRIVATE_CONTACT,
    RiskReason.LIKELY_NON_USER,
    RiskReason.THIRD_COUNTRY,
    RiskReason.UNKNOWN_CATEGORY,
    RiskReason.DPF_TRANSFER,
    RiskReason.ADEQUATE_DESTINATION,
    RiskReason.NOT_PERSONAL_DATA,
    RiskReason.NOT_UPLOADED,
)


@dataclass(frozen=True)
class OverallRisk:
    """The scan's level (rule 6) and, weightiest first, how many exposed natural persons each reason applies to."""

    level: RiskLevel
    reasons: tuple[tuple[RiskReason, int], ...]


def overall_risk(levels: dict[RiskLevel, int], reasons: dict[RiskReason, int]) -> OverallRisk:
    """From the counts of contact levels and of reasons among contacts whose level is above none."""
    level = RiskLevel.highest(level for level, count in levels.items() if count)
    ordered = tuple((reason, reasons[reason]) for reason in REASON_WEIGHT if reasons.get(reason))
    return OverallRisk(level, ordered)
