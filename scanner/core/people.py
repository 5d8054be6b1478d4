"""People, not cards: the same person on several phones (or twice on one) is counted once.

Two natural-person cards belong to one person when they share a normalised phone number or e-mail address. Each
identifier is held as a keyed 64-bit digest (the first 8 bytes of HMAC-SHA256 under the scan's id key, the same
hash the contact ids use), never as the number itself, so a million contacts fit in little memory and nothing in
memory or in the report can be reversed by hashing the small number space (Hagen et al., NDSS 2021). Cards that
share a digest are merged with a union-find (union by size; the smaller group's digests are re-pointed, so each
digest moves at most log2(n) times).

A person's flags combine their cards' the most protective way (private over unknown over business; a minor or an
Art. 9 hint on any card holds for the person), and each combined flag names the card it comes from. Service numbers
(toll-free, premium, shared cost, UAN, voicemail) are no identifiers: a hotline on many cards is no shared person.
Known limit: people who share a landline (a household, an office switchboard written on each colleague's card)
merge into one person.

``PeopleTally.merge`` is associative and commutative: per-file tallies summed in any order, by any number of worker
processes, give the same people; ties are broken by the card's place (file number, index), never by arrival order.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator

from scanner.core.model import Contact, PhoneType
from scanner.core.shape import PROTECTION_RANK, ContactShape

PERSON_PREFIX = "p_"
_SERVICE_TYPES = frozenset(
    {PhoneType.TOLL_FREE, PhoneType.PREMIUM_RATE, PhoneType.SHARED_COST, PhoneType.UAN, PhoneType.VOICEMAIL}
)
# Fewer digits than this identify nobody (short codes, extensions, "112").
_MIN_DIGITS = 6
_INDEX_BITS = 32


def place(file_no: int, index: int) -> int:
    """A card's place packed in one int: ordered by file, then by position in the file."""
    return (file_no << _INDEX_BITS) | index


def unpack_place(packed: int) -> tuple[int, int]:
    return packed >> _INDEX_BITS, packed & ((1 << _INDEX_BITS) - 1)


def identifiers(contact: Contact) -> Iterator[str]:
    """The normalised numbers and e-mail addresses that identify the card's person, in card order."""
    for phone in contact.phones:
        if phone.number_type in _SERVICE_TYPES:
            continue
        if phone.e164:
            yield "tel:" + phone.e164
            continue
        digits = "".join(ch for ch in phone.raw if ch.isdigit())
        if len(digits) >= _MIN_DIGITS:
            yield "tel:" + digits
    for email in contact.emails:
        address = email.address.strip().lower()
        if "@" in address:
            yield "mailto:" + address


def digest(identifier: str, key: bytes) -> int:
    """The keyed 64-bit digest of one identifier (the contact id ``c_<16 hex>`` is the same value)."""
    return int.from_bytes(hmac.digest(key, identifier.encode("utf-8"), hashlib.sha256)[:8], "big")


def digests(contact: Contact, key: bytes) -> tuple[int, ...]:
    return tuple(dict.fromkeys(digest(identifier, key) for identifier in identifiers(contact)))


class Person:
    """A group of cards found to be one person, with their combined flags; mutable while the scan runs.

    ``category_from``, ``minor_from`` and ``special_from`` are the places of the cards that set the combined flag
    (the earliest such card), None where no card sets it. A plain slotted class: a million of them must be cheap.
    """

    __slots__ = ("category_from", "digests", "minor_from", "phones", "places", "shape", "special_from")

    def __init__(self, digests: list[int], places: list[int], shape: ContactShape) -> None:
        self.digests = digests
        self.places = places
        self.phones: frozenset[int] = frozenset(unpack_place(p)[0] for p in places)
        self.shape = shape
        first = min(places)
        self.category_from = first
        self.minor_from: int | None = first if shape.minor else None
        self.special_from: int | None = first if shape.special else None

    @property
    def first(self) -> int:
        return min(self.places)

    @property
    def pseudonym(self) -> str:
        """``p_`` and the smallest keyed digest of the person's identifiers (else of their first card's place)."""
        value = min(self.digests) if self.digests else self.first
        return f"{PERSON_PREFIX}{value:016x}"

    def absorb(self, other: Person) -> None:
        self.digests.extend(other.digests)
        self.places.extend(other.places)
        self.phones |= other.phones
        mine, theirs = PROTECTION_RANK[self.shape.category], PROTECTION_RANK[other.shape.category]
        if theirs > mine or (theirs == mine and other.category_from < self.category_from):
            self.category_from = other.category_from
        self.minor_from = _earliest(self.minor_from, other.minor_from)
        self.special_from = _earliest(self.special_from, other.special_from)
        self.shape = self.shape.combined(other.shape)


def _earliest(first: int | None, second: int | None) -> int | None:
    if first is None:
        return second
    return first if second is None else min(first, second)


class PeopleTally:
    """All people seen so far; ``add`` one natural-person card, ``merge`` another tally (e.g. another file's)."""

    def __init__(self) -> None:
        self._owner: dict[int, Person] = {}
        self._loose: list[Person] = []  # people without any identifier: never merged

    def add(self, card_digests: Iterable[int], card_place: int, shape: ContactShape) -> None:
        self._add_person(Person(list(card_digests), [card_place], shape))

    def merge(self, other: PeopleTally) -> None:
        for person in other.people():
            self._add_person(person)

    def _add_person(self, person: Person) -> None:
        owners = {id(owner): owner for d in person.digests if (owner := self._owner.get(d)) is not None}
        person.digests = [d for d in person.digests if d not in self._owner]
        if not owners and not person.digests:
            self._loose.append(person)
            return
        groups = sorted((person, *owners.values()), key=lambda group: -len(group.digests))
        survivor = groups[0]
        for group in groups[1:]:
            survivor.absorb(group)
            for d in group.digests:
                self._owner[d] = survivor
        if survivor is person:
            for d in person.digests:
                self._owner[d] = person

    def people(self) -> Iterator[Person]:
        """Every person once, in the order of their first card (the same order whatever order cards came in)."""
        seen: dict[int, Person] = {id(owner): owner for owner in self._owner.values()}
        everyone = [*seen.values(), *self._loose]
        yield from sorted(everyone, key=lambda person: person.first)

    def owner(self, card_digest: int) -> Person | None:
        return self._owner.get(card_digest)

    def __len__(self) -> int:
        return len({id(owner) for owner in self._owner.values()}) + len(self._loose)
