"""Whether a card names a natural person, and whether its birthday says the person is a minor."""

from __future__ import annotations

import datetime

from scanner.core.classification.channels import is_service_number
from scanner.core.classification.evidence import Code
from scanner.core.classification.result import Evidence
from scanner.core.classification.rules import ClassificationRules
from scanner.core.classification.texts import ContactTexts
from scanner.core.classification.words import entity_word_in_name, legal_form_in_name, service_word_in_name
from scanner.core.model import Birthday, Contact, Kind, PhoneType

ADULT_AGE = 18
# Only people have birthdays, nicknames and families; these settle the question whatever else the card says.
_PERSON_CODES = frozenset({Code.FAMILY_WORD.value, Code.BIRTHDAY.value, Code.NICKNAME.value})


def is_natural_person(
    contact: Contact, texts: ContactTexts, found: tuple[Evidence, ...], rules: ClassificationRules
) -> bool:
    """In doubt a person: only a card that names an organisation, shop or hotline and nobody in it is not."""
    if any(item.code in _PERSON_CODES for item in found) or _has_person_name(texts, rules):
        return True
    if contact.kind == Kind.ORG or legal_form_in_name(texts, rules) or service_word_in_name(texts, rules):
        return False
    if rules.not_a_person.find(texts.name) is not None and not _names_someone(texts, found, rules):
        # a device, vehicle or place in the name field, whatever number it has ("Diensthandy Tour 2", "Kita Nord")
        return False
    if entity_word_in_name(texts, rules) or (texts.org and not texts.has_name()):
        # A shop's name over a mobile number is usually its owner's phone: a sole trader's mobile is personal data.
        return _has_mobile(contact)
    return not (contact.phones and all(is_service_number(phone) for phone in contact.phones))


_ADDRESSED = frozenset({Code.FORMAL_ADDRESS.value, Code.CLIENT_RELATIVE.value})


def _names_someone(texts: ContactTexts, found: tuple[Evidence, ...], rules: ClassificationRules) -> bool:
    """A person named beside the place: formal address ("Fr. Kühne HV") or a doctor ("Dr. Wolf Handy"), but not
    a place named after a person ("Praxis Dr. Vogt", "Notariat Dr. Pfeiffer")."""
    if any(item.code in _ADDRESSED for item in found):
        return True
    pattern = rules.not_a_person.pattern
    starts_with_place = pattern is not None and pattern.match(texts.name) is not None
    return "dr." in texts.name.split() and not starts_with_place


def _has_person_name(texts: ContactTexts, rules: ClassificationRules) -> bool:
    """Given and family name both filled, neither a firm's name, and not a copy of the organisation."""
    if not (texts.given and texts.family):
        return False
    full = f"{texts.given} {texts.family}"
    lists = (rules.legal_forms, rules.establishments, rules.services)
    if any(keywords.find(full) is not None for keywords in lists):
        return False
    return full not in {texts.org, *texts.org_units}


def _has_mobile(contact: Contact) -> bool:
    return any(phone.number_type == PhoneType.MOBILE for phone in contact.phones)


def is_minor(birthday: Birthday | None, today: datetime.date) -> bool:
    """True only when the birthday says for certain that the person is under 18 on ``today``.

    Without a year nothing can be said. A missing month or day counts as the earliest possible one, so a
    partial date only says "minor" when even the oldest age it allows is under 18.
    """
    if birthday is None or birthday.year is None or birthday.year > today.year:
        return False
    month = birthday.month or 1
    day = birthday.day if birthday.month and birthday.day else 1
    # Tuple comparison: someone born on 29 February turns 18 on 1 March in a common year (BGB §188(3)).
    had_birthday = (today.month, today.day) >= (month, day)
    oldest_age = today.year - birthday.year - (0 if had_birthday else 1)
    return 0 <= oldest_age < ADULT_AGE
