"""The domain of an e-mail address as written on a card, parsed rather than cut at the last "@".

Cards hold more than an address: ``zora@example.org (Zora, mobil +49 …)``, ``Zora <zora@gmx.de>``, ``mailto:``
links and URL junk such as ``x@y.de?cc=…``. ``email.utils.parseaddr`` (standard library) takes the address out of
names and comments; the domain is then the host name right after the "@", checked label by label (IDNA for
non-ASCII names). ``email-validator`` would add nothing offline that this check lacks, and would add two
dependencies (dnspython, idna) to a tool that must never resolve a name.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

# A host name runs until the first character no domain holds (?, &, /, #, space, quote, bracket, comma, ...).
_HOST = re.compile(r"[^\s?&/#,;:<>()\[\]\"'@=\\]+")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_TLD = re.compile(r"(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")
_MAX_ADDRESS = 320  # RFC 5321: 64 for the local part, 255 for the domain
# A bare address as almost every card holds it: parseaddr would return it unchanged, so it is not called (it costs
# about as much as classifying the card).
_BARE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")


@lru_cache(maxsize=65536)
def email_domain(raw: str) -> str | None:
    """The lower-case domain of the address in ``raw``, or None when no valid address with a domain is there."""
    text = raw.strip()
    if len(text) > 4 * _MAX_ADDRESS:
        text = text[: 4 * _MAX_ADDRESS]
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    address = text if _BARE.fullmatch(text) else email.utils.parseaddr(text)[1]
    local, at, rest = (address or text).partition("@")
    words = local.split()  # "Zora Markerfrau zora@gmx.de": the address is the last word before the "@"
    if not at or not words:
        return None
    host = _HOST.match(rest)
    if host is None:
        return None
    return _valid_domain(host.group(0).rstrip(".").lower())


def _valid_domain(domain: str) -> str | None:
    if not domain or len(domain) > 253 or "." not in domain:
        return None
    try:
        ascii_name = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_name.split(".")
    if not all(_LABEL.fullmatch(label) for label in labels) or not _TLD.fullmatch(labels[-1]):
        return None
    return domain


def top_level(domain: str) -> str:
    """``de`` of ``markerfrau.de``: what a masked personal domain still shows."""
    return domain.rsplit(".", 1)[-1]


# A domain on this many different addresses is an organisation's or a provider's, not one person's own.
SHARED_BY = 2


@dataclass
class DomainTally:
    """Which e-mail domains of a scan may be shown beside a masked address (``•••@gmx.de``).

    A domain of its own (``•••@markerfrau.de``) gives the surname away, so only a domain known as a provider or an
    organisation is shown: a free-mail provider, the user's company or business domains (``--company-domain``,
    config), or one seen on several different addresses in the scan. The rest is masked to its top level.
    """

    addresses: dict[str, set[int]] = field(default_factory=dict)

    def add(self, addresses: Iterable[str]) -> None:
        for address in addresses:
            domain = email_domain(address)
            if domain is None:
                continue
            seen = self.addresses.setdefault(domain, set())
            if len(seen) < SHARED_BY:  # the count only needs to reach SHARED_BY: memory per domain stays bounded
                seen.add(hash(address.strip().lower()))

    def known(self, listed: Iterable[str], free_mail: frozenset[str]) -> frozenset[str]:
        """The scan's domains that may be shown: free mail, within ``listed`` (company/business), or shared."""
        own = tuple(listed)
        return frozenset(
            domain
            for domain, seen in self.addresses.items()
            if len(seen) >= SHARED_BY or domain in free_mail or _within(domain, own)
        )


def _within(domain: str, listed: tuple[str, ...]) -> bool:
    return any(domain == entry or domain.endswith("." + entry) for entry in listed)
