"""Risk per contact and overall, following the legal frame of DOMAIN.md section 2; every step names its reason.

The rules, in the order they apply (the README repeats them for consultants):

1. A contact that is not uploaded carries no risk from the upload.
2. An organisation, hotline or switchboard without a natural person is not personal data (Art. 4(1) GDPR).
3. Base level: medium when the data goes to a country outside the EU/EEA without a full adequacy decision (Chapter V
   GDPR; the US decision covers only DPF-certified recipients; upheld in Latombe, T-553/23, appeal C-703/25 P
   pending); low when it stays in the EU/EEA, goes to a country with a full adequacy decision, or the operator relies
   on the Data Privacy Framework for it (WhatsApp Business). An unknown destination counts as a third country.
4. One level up for a private contact on a business phone (no legal basis: LfD Niedersachsen calls the upload
   "regelmäßig unzulässig") or a likely non-user whose data the operator keeps (the balance of interests fails for
   non-users; the DPC fined WhatsApp in 2021 partly for not informing them). Both together still count once: high is
   the ceiling for ordinary data.
5. Critical is reserved for data the GDPR protects specially: a minor (Art. 8, recital 38) or a special-category hint
   (Art. 9) sent to a third country; inside the EU/EEA or to an adequate country they are high.
6. What the operator keeps: a copy kept in clear or as a hash (a hash of a phone number is still personal data)
   weighs fully. A lookup the operator discards after matching (Signal's enclave, Threema, Wire) still is a transfer
   (Chapter V applies to any transmission, however brief), but nothing stays that could become a shadow profile, be
   handed to authorities or leak: the level of rules 3-5 drops one step, never below the base level of rule 3.
7. The overall level is the highest contact level: one unlawful transfer is enough for a fine (Art. 83).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from scanner.core.classification.result import Category, Classification
from scanner.core.exposure import Exposure
from scanner.core.messengers import Retention

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

    def lowered(self, floor: RiskLevel) -> RiskLevel:
        """One step down, but not below ``floor`` (and never up: a level already below it stays)."""
        return _ORDER[min(self.rank, max(self.rank - 1, floor.rank))]

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
    KEPT_IN_CLEAR = "kept_in_clear"
    KEPT_HASHED = "kept_hashed"
    DISCARDED_AFTER_LOOKUP = "discarded_after_lookup"


# Rule 6: the reason each kind of retention names. ``not_sent`` never reaches the rules (nothing is uploaded).
_RETENTION_REASON = {
    Retention.STORED_CLEAR: RiskReason.KEPT_IN_CLEAR,
    Retention.STORED_HASHED: RiskReason.KEPT_HASHED,
    Retention.DISCARDED: RiskReason.DISCARDED_AFTER_LOOKUP,
}


@dataclass(frozen=True)
class ContactRisk:
    level: RiskLevel
    reasons: tuple[RiskReason, ...]


def contact_risk(classification: Classification, exposure: Exposure, *, keeps_non_users: bool) -> ContactRisk:
    """The level of one contact under one messenger, with the reasons that set it (rules 1-6 above)."""
    if not exposure.uploaded:
        return ContactRisk(RiskLevel.NONE, (RiskReason.NOT_UPLOADED,))
    if not classification.natural_person:
        return ContactRisk(RiskLevel.NONE, (RiskReason.NOT_PERSONAL_DATA,))
    outside = exposure.third_country and not exposure.adequate
    base = RiskLevel.MEDIUM if outside else RiskLevel.LOW
    reasons = [_destination_reason(exposure), _retention_reason(exposure.retention)]
    reasons.extend(_aggravating(classification, exposure, keeps_non_users=keeps_non_users))
    level = base
    if RiskReason.PRIVATE_CONTACT in reasons or RiskReason.LIKELY_NON_USER in reasons:
        level = level.raised(ceiling=RiskLevel.HIGH)
    if classification.minor or classification.special_categories:
        level = RiskLevel.CRITICAL if outside else RiskLevel.HIGH
    if not exposure.retention.kept:
        level = level.lowered(floor=base)
    return ContactRisk(level, tuple(reasons))


def _retention_reason(retention: Retention) -> RiskReason:
    """Rule 6; a plan that sends nothing has no exposure, so ``not_sent`` here would be a programming error."""
    return _RETENTION_REASON[retention]


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


# Rules 1-6 above, by the reasons they name; rule 7 is ``risk.overall_rule``. Reports and ``contactleak rules``
# print the rules in this order.
RULES: tuple[tuple[RiskReason, ...], ...] = (
    (RiskReason.NOT_UPLOADED,),
    (RiskReason.NOT_PERSONAL_DATA,),
    (RiskReason.THIRD_COUNTRY, RiskReason.DPF_TRANSFER, RiskReason.ADEQUATE_DESTINATION),
    (RiskReason.PRIVATE_CONTACT, RiskReason.LIKELY_NON_USER, RiskReason.UNKNOWN_CATEGORY),
    (RiskReason.MINOR, RiskReason.SPECIAL_CATEGORIES),
    (RiskReason.KEPT_IN_CLEAR, RiskReason.KEPT_HASHED, RiskReason.DISCARDED_AFTER_LOOKUP),
)

# The order in which overall reasons are listed: what weighs most first.
REASON_WEIGHT = (
    RiskReason.SPECIAL_CATEGORIES,
    RiskReason.MINOR,
    RiskReason.PRIVATE_CONTACT,
    RiskReason.LIKELY_NON_USER,
    RiskReason.THIRD_COUNTRY,
    RiskReason.KEPT_IN_CLEAR,
    RiskReason.KEPT_HASHED,
    RiskReason.UNKNOWN_CATEGORY,
    RiskReason.DPF_TRANSFER,
    RiskReason.ADEQUATE_DESTINATION,
    RiskReason.DISCARDED_AFTER_LOOKUP,
    RiskReason.NOT_PERSONAL_DATA,
    RiskReason.NOT_UPLOADED,
)


# The reasons that depend on the messenger rather than on the contact: where the data goes and what the operator
# keeps (rules 3 and 6). The comparison of messengers shows them, since every other reason is the same for all.
TRANSFER_REASONS = frozenset(
    {
        RiskReason.THIRD_COUNTRY,
        RiskReason.DPF_TRANSFER,
        RiskReason.ADEQUATE_DESTINATION,
        RiskReason.KEPT_IN_CLEAR,
        RiskReason.KEPT_HASHED,
        RiskReason.DISCARDED_AFTER_LOOKUP,
    }
)


def transfer_reasons(reasons: Iterable[RiskReason]) -> tuple[RiskReason, ...]:
    """The messenger's own reasons among ``reasons``, once each, weightiest first."""
    present = set(reasons) & TRANSFER_REASONS
    return tuple(reason for reason in REASON_WEIGHT if reason in present)


@dataclass(frozen=True)
class OverallRisk:
    """The scan's level (rule 7) and, weightiest first, how many exposed natural persons each reason applies to."""

    level: RiskLevel
    reasons: tuple[tuple[RiskReason, int], ...]


def overall_risk(levels: dict[RiskLevel, int], reasons: dict[RiskReason, int]) -> OverallRisk:
    """From the counts of contact levels and of reasons among contacts whose level is above none."""
    level = RiskLevel.highest(level for level, count in levels.items() if count)
    ordered = tuple((reason, reasons[reason]) for reason in REASON_WEIGHT if reasons.get(reason))
    return OverallRisk(level, ordered)
