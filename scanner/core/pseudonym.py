"""Stable pseudonymous contact ids: a keyed hash of the contact's number or e-mail, never the value itself.

A plain hash of a phone number is no pseudonym: the number space is small enough to hash completely (Hagen et al.,
NDSS 2021). The key is therefore secret: random per run unless the user gives one to keep ids stable across runs.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from scanner.core.model import Contact

ID_PREFIX = "c_"
_ID_HEX = 16


def new_key() -> bytes:
    return secrets.token_bytes(32)


def pseudonym(contact: Contact, key: bytes) -> str:
    """``c_`` and 16 hex digits of HMAC-SHA256 over the normalized first number, else e-mail, else the card's place."""
    digest = hmac.new(key, _identifier(contact).encode("utf-8"), hashlib.sha256).hexdigest()
    return ID_PREFIX + digest[:_ID_HEX]


def _identifier(contact: Contact) -> str:
    for phone in contact.phones:
        if phone.e164:
            return "tel:" + phone.e164
        digits = "".join(ch for ch in phone.raw if ch.isdigit())
        if digits:
            return "tel:" + digits
    for email in contact.emails:
        if email.address.strip():
            return "mailto:" + email.address.strip().lower()
    return f"card:{contact.source.path}#{contact.source.index}"
