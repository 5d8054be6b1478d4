"""Evidence from how a contact is reached: e-mail domains, number types, extensions, WORK and HOME labels."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.core.classification.evidence import Code, evidence
from scanner.core.classification.result import Evidence
from scanner.core.classification.rules import ClassificationRules
from scanner.core.model import Contact, Phone, PhoneType

# Number types that private people do not have: hotlines, service and premium numbers (phonenumbers' types).
SERVICE_TYPES: dict[PhoneType, Code] = {
    PhoneType.TOLL_FREE: Code.TOLL_FREE,
    PhoneType.SHARED_COST: Code.SHARED_COST,
    PhoneType.PREMIUM_RATE: Code.PREMIUM_RATE,
    PhoneType.UAN: Code.UAN,
}
_FIXED = frozenset({PhoneType.FIXED_LINE, PhoneType.FIXED_LINE_OR_MOBILE})
# DIN 5008 writes a company number's extension after a hyphen: "0711 12345-0" is the switchboard,
# "0711 12345-67" a direct line. The area code must stand apart, so "0711-123456" is no extension.
_SWITCHBOARD = re.compile(r"\d[\s/)]+\d{2,}\s*-\s*0$")
_DIRECT_DIAL = re.compile(r"\d[\s/)]+\d{3,}\s*-\s*\d{1,3}$|(?:;ext=|\bext\.?|\bx|\bdw\.?|\bdurchwahl:?)\s*\d+$", re.I)
# vCard TYPE values (RFC 2426, RFC 6350) and Apple's labels, lower-cased by the reader.
_WORK_LABELS = frozenset({"work", "workfax", "work fax"})
_HOME_LABELS = frozenset({"home", "homefax", "home fax"})


def channel_evidence(contact: Contact, rules: ClassificationRules) -> Iterator[Evidence]:
    yield from _email_evidence(contact, rules)
    yield from _phone_evidence(contact.phones)
    yield from _label_evidence(contact)


def is_service_number(phone: Phone) -> bool:
    """A hotline, service or premium number, or a company switchboard: no person behind it."""
    return phone.number_type in SERVICE_TYPES or (phone.number_type in _FIXED and _is_switchboard(phone.raw))


def _email_evidence(contact: Contact, rules: ClassificationRules) -> Iterator[Evidence]:
    seen: set[Code] = set()
    for email in contact.emails:
        found = _domain_evidence(email.domain, rules)
        if found is not None and found.code not in seen:
            seen.add(Code(found.code))
            yield found


def _domain_evidence(domain: str, rules: ClassificationRules) -> Evidence | None:
    """Names the domain only when it is a free-mail provider's or the user's own company's."""
    if not domain:
        return None
    if (own := _within(domain, rules.company_domains)) is not None:
        return evidence(Code.OWN_COMPANY_DOMAIN, domain=own)
    if _within(domain, rules.business_domains) is not None:
        return evidence(Code.BUSINESS_DOMAIN)
    if _within(domain, rules.private_domains) is not None:
        return evidence(Code.PRIVATE_DOMAIN)
    if domain in rules.free_mail:
        return evidence(Code.FREE_MAIL, domain=domain)
    return evidence(Code.COMPANY_EMAIL)


def _within(domain: str, listed: tuple[str, ...]) -> str | None:
    """The listed domain that ``domain`` is or is a subdomain of (mail.firma.de belongs to firma.de)."""
    return next((entry for entry in listed if domain == entry or domain.endswith("." + entry)), None)


def _phone_evidence(phones: tuple[Phone, ...]) -> Iterator[Evidence]:
    codes = dict.fromkeys(code for phone in phones if (code := _phone_code(phone)) is not None)
    for code in codes:
        yield evidence(code)


def _phone_code(phone: Phone) -> Code | None:
    if phone.number_type in SERVICE_TYPES:
        return SERVICE_TYPES[phone.number_type]
    if phone.number_type == PhoneType.VOIP:
        return Code.VOIP
    if phone.number_type in _FIXED and _is_switchboard(phone.raw):
        return Code.SWITCHBOARD
    if phone.number_type in _FIXED and _DIRECT_DIAL.search(phone.raw.strip()):
        return Code.DIRECT_DIAL
    return None


def _is_switchboard(raw: str) -> bool:
    return _SWITCHBOARD.search(raw.strip()) is not None


def _label_evidence(contact: Contact) -> Iterator[Evidence]:
    groups = (
        (contact.phones, Code.WORK_PHONE, Code.HOME_PHONE),
        (contact.emails, Code.WORK_EMAIL, Code.HOME_EMAIL),
        (contact.addresses, Code.WORK_ADDRESS, Code.HOME_ADDRESS),
    )
    for items, work, home in groups:
        labels = {label for item in items for label in item.labels}
        if labels & _WORK_LABELS:
            yield evidence(work)
        if labels & _HOME_LABELS:
            yield evidence(home)
