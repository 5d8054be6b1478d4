"""Classifying one contact: weigh the evidence for business against private, then person, minor and Art. 9 hints."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator

from scanner.core.classification.channels import channel_evidence
from scanner.core.classification.evidence import Code, evidence
from scanner.core.classification.person import is_minor, is_natural_person
from scanner.core.classification.result import Category, Classification, Evidence
from scanner.core.classification.rules import ClassificationRules
from scanner.core.classification.texts import contact_texts
from scanner.core.classification.words import special_categories, word_evidence
from scanner.core.model import Contact, Kind

# The summed weight must reach this to decide: one strong cue (a legal form, a family word, a hotline number)
# does, one weak cue (a birthday, a WORK label, a free-mail address) does not.
DECISION_THRESHOLD = 1.2
# Confidence tanh(|score| / 3): 1.2 gives 0.38, a legal form alone (3.0) 0.76, 5.0 and more above 0.9.
_CONFIDENCE_SCALE = 3.0


def classify(contact: Contact, rules: ClassificationRules, *, today: datetime.date) -> Classification:
    """Business, private or unknown with a confidence and readable reasons; never raises on odd cards."""
    texts = contact_texts(contact)
    found = (*word_evidence(texts, rules), *_card_evidence(contact), *channel_evidence(contact, rules))
    weighed = tuple(dict.fromkeys(found))
    special = tuple(special_categories(texts, rules))
    person = is_natural_person(contact, texts, weighed, rules)
    minor = is_minor(contact.birthday, today)
    notes = (*(item for _, item in special), *_person_notes(person=person, minor=minor))
    score = sum(item.weight for item in weighed)
    return Classification(
        category=_category(score),
        confidence=round(math.tanh(abs(score) / _CONFIDENCE_SCALE), 3),
        evidence=(*sorted(weighed, key=lambda item: -abs(item.weight)), *notes),
        natural_person=person,
        minor=minor,
        special_categories=tuple(category for category, _ in special),
    )


def _card_evidence(contact: Contact) -> Iterator[Evidence]:
    """Structured fields: KIND/X-ABShowAs, TITLE/ROLE, BDAY, NICKNAME."""
    if contact.kind == Kind.ORG:
        yield evidence(Code.KIND_ORG)
    if contact.title.strip() or contact.role.strip():
        yield evidence(Code.TITLE)
    if contact.birthday is not None:
        yield evidence(Code.BIRTHDAY)
    if any(nick.strip() for nick in contact.nicknames):
        yield evidence(Code.NICKNAME)


def _person_notes(*, person: bool, minor: bool) -> Iterator[Evidence]:
    if not person:
        yield evidence(Code.NOT_A_PERSON)
    if minor:
        yield evidence(Code.MINOR)


def _category(score: float) -> Category:
    if score >= DECISION_THRESHOLD:
        return Category.BUSINESS
    if score <= -DECISION_THRESHOLD:
        return Category.PRIVATE
    return Category.UNKNOWN
