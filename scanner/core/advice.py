"""What to do about a scan's findings: the recommendations of the seed articles and DOMAIN.md section 2, chosen by what
the scan found. Texts (German and English, with their sources) are ``advice.<code>`` in the i18n catalog."""

from __future__ import annotations

from enum import StrEnum

from scanner.core.messengers import Activation, MessengerProfile
from scanner.core.risk import RiskLevel
from scanner.core.summary import ScanSummary

# Profiles whose vendor offers the WhatsApp Business app with its own contact handling (WhatsApp FAQ [W7]).
_WHATSAPP_FAMILY = frozenset({"whatsapp", "whatsapp-business"})


class Advice(StrEnum):
    REMOVE_SPECIAL_CATEGORIES = "remove_special_categories"
    PROTECT_MINORS = "protect_minors"
    SEPARATE_CONTACTS = "separate_contacts"
    REVOKE_CONTACT_ACCESS = "revoke_contact_access"
    BUSINESS_APP_WITH_CONSENT = "business_app_with_consent"
    DOCUMENTATION = "documentation"
    ALTERNATIVES = "alternatives"
    NOTHING_TO_DO = "nothing_to_do"


def advise(summary: ScanSummary, profile: MessengerProfile, level: RiskLevel, *, better_alternative: bool) -> tuple[
    Advice, ...
]:
    """The recommendations that apply, most urgent first."""
    if level is RiskLevel.NONE:
        return (Advice.NOTHING_TO_DO,)
    chosen = [
        (Advice.REMOVE_SPECIAL_CATEGORIES, summary.special_category_exposed > 0),
        (Advice.PROTECT_MINORS, summary.minors_exposed > 0),
        (Advice.SEPARATE_CONTACTS, summary.private_persons_exposed > 0),
        (Advice.REVOKE_CONTACT_ACCESS, profile.activation.value is Activation.DEFAULT_ON),
        (Advice.BUSINESS_APP_WITH_CONSENT, profile.id in _WHATSAPP_FAMILY),
        (Advice.DOCUMENTATION, summary.third_parties_exposed > 0),
        (Advice.ALTERNATIVES, better_alternative),
    ]
    return tuple(advice for advice, applies in chosen if applies)
