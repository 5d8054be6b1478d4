"""The people stage: keyed digests, union across cards, merges that give the same people in any order."""

from __future__ import annotations

import itertools
import random

from scanner.core.classification.result import Category
from scanner.core.model import Contact, Email, Phone, PhoneType, SourceRef
from scanner.core.people import PeopleTally, digest, digests, identifiers, place
from scanner.core.pseudonym import pseudonym
from scanner.core.shape import ContactShape, intern

KEY = b"k" * 32


def _shape(category: Category = Category.BUSINESS, *, minor: bool = False, special: bool = False) -> ContactShape:
    numbers = (("DE", PhoneType.MOBILE),)
    return intern(ContactShape(numbers, True, False, True, category, minor, special))


def _contact(*numbers: str, email: str = "", number_type: PhoneType = PhoneType.MOBILE) -> Contact:
    phones = tuple(Phone(raw=n, e164=n, region="DE", number_type=number_type, valid=True) for n in numbers)
    return Contact(source=SourceRef("p.vcf", 0, 1), phones=phones, emails=(Email(email),) if email else ())


def test_identifiers_are_normalised_and_service_numbers_are_none() -> None:
    contact = _contact("+4915228817401", email=" Otto@Example.ORG ")
    assert list(identifiers(contact)) == ["tel:+4915228817401", "mailto:otto@example.org"]
    assert list(identifiers(_contact("+498001234567", number_type=PhoneType.TOLL_FREE))) == []
    short = Contact(source=SourceRef("p.vcf", 0, 1), phones=(Phone("112", None, None, PhoneType.UNKNOWN, False),))
    assert list(identifiers(short)) == []


def test_the_digest_is_keyed_and_matches_the_contact_id() -> None:
    contact = _contact("+4915228817401")
    assert pseudonym(contact, KEY) == f"c_{digests(contact, KEY)[0]:016x}"
    assert digest("tel:+4915228817401", KEY) != digest("tel:+4915228817401", b"other key")


def test_cards_sharing_any_identifier_are_one_person() -> None:
    tally = PeopleTally()
    tally.add([1, 2], place(0, 0), _shape())
    tally.add([3], place(0, 1), _shape())
    tally.add([2, 3], place(1, 0), _shape())  # joins the first two
    tally.add([9], place(1, 1), _shape())
    tally.add([], place(1, 2), _shape())  # no identifier: its own person
    people = list(tally.people())
    assert len(tally) == len(people) == 3
    assert sorted(people[0].places) == [place(0, 0), place(0, 1), place(1, 0)]
    assert people[0].phones == frozenset({0, 1})
    assert people[0].pseudonym == f"p_{1:016x}"


def test_combined_flags_are_the_most_protective_with_the_card_that_set_them() -> None:
    tally = PeopleTally()
    tally.add([1], place(0, 0), _shape(Category.BUSINESS))
    tally.add([1], place(0, 1), _shape(Category.UNKNOWN, special=True))
    tally.add([1], place(1, 0), _shape(Category.PRIVATE, minor=True))
    tally.add([1], place(2, 0), _shape(Category.PRIVATE))
    (person,) = tally.people()
    assert person.shape.category is Category.PRIVATE
    assert person.category_from == place(1, 0)  # the earliest private card
    assert (person.minor_from, person.special_from) == (place(1, 0), place(0, 1))
    assert person.shape.minor and person.shape.special


def _summary(tally: PeopleTally) -> list[tuple[str, tuple[int, ...], ContactShape, int, int | None]]:
    return [
        (person.pseudonym, tuple(sorted(person.places)), person.shape, person.category_from, person.minor_from)
        for person in tally.people()
    ]


def test_merging_per_file_tallies_gives_the_same_people_in_any_order() -> None:
    rng = random.Random(14)
    shapes = [_shape(category, minor=minor) for category in Category for minor in (False, True)]
    cards = [
        (file_no, index, rng.sample(range(40), rng.randint(0, 2)), rng.choice(shapes))
        for file_no in range(4)
        for index in range(25)
    ]
    whole = PeopleTally()
    for file_no, index, ids, shape in cards:
        whole.add(ids, place(file_no, index), shape)
    expected = _summary(whole)
    for order in itertools.islice(itertools.permutations(range(4)), 8):
        merged = PeopleTally()
        for file_no in order:
            one_file = PeopleTally()
            for card in reversed([card for card in cards if card[0] == file_no]):
                one_file.add(card[2], place(card[0], card[1]), card[3])
            merged.merge(one_file)
        assert _summary(merged) == expected
