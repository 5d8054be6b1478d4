"""Masking personal data: numbers keep country code and last two digits, names become initials, e-mails the domain."""

from __future__ import annotations

import phonenumbers

from scanner.core.classification.rules import is_free_mail
from scanner.core.email_address import email_domain, top_level
from scanner.core.model import Phone

DOTS = "•••"
# A number with fewer digits than this would be nearly whole if its last two digits were shown.
_MIN_DIGITS_TO_SHOW_TAIL = 5
_MAX_INITIALS = 4


def mask_phone(phone: Phone) -> str:
    """``+49 ••• •• 67``; an unparseable number keeps only its last two digits (``••• •• 67``)."""
    tail = _tail(phone.e164 or phone.raw)
    code = _country_code(phone.e164)
    masked = f"{DOTS} •• {tail}" if tail else DOTS
    return f"+{code} {masked}" if code else masked


def _tail(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    return digits[-2:] if len(digits) >= _MIN_DIGITS_TO_SHOW_TAIL else ""


def _country_code(e164: str | None) -> int | None:
    if not e164:
        return None
    try:
        return phonenumbers.parse(e164, None).country_code
    except phonenumbers.NumberParseException:
        return None


def mask_name(name: str) -> str:
    """Initials of the words that contain letters (``E. M.``); a name of digits only (a number) gives ``•••``."""
    initials = [_initial(word) for word in name.split()]
    letters = [initial for initial in initials if initial]
    if not letters:
        return DOTS if name.strip() else ""
    return " ".join(f"{initial}." for initial in letters[:_MAX_INITIALS])


def _initial(word: str) -> str:
    return next((ch.upper() for ch in word if ch.isalpha()), "")


def mask_email(address: str, known_domains: frozenset[str] = frozenset()) -> str:
    """``•••@gmx.de`` for a provider's or organisation's domain, ``•••@•••.de`` for any other, ``•••`` for no address.

    The domain tells a provider or a company, but a domain of one's own (``markerfrau.de``) is the surname: only
    free-mail domains and those in ``known_domains`` (the scan's company, business and shared domains) are shown.
    Names, comments and junk after the address never are.
    """
    domain = email_domain(address)
    if domain is None:
        return DOTS
    if domain in known_domains or is_free_mail(domain):
        return f"{DOTS}@{domain}"
    return f"{DOTS}@{DOTS}.{top_level(domain)}"


def shown_name(name: str, show_pii: bool) -> str:
    return name if show_pii else mask_name(name)


def shown_phone(phone: Phone, show_pii: bool) -> str:
    return (phone.e164 or phone.raw) if show_pii else mask_phone(phone)


def shown_email(address: str, show_pii: bool, known_domains: frozenset[str] = frozenset()) -> str:
    return address if show_pii else mask_email(address, known_domains)
