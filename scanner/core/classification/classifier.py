"""Classifying one contact: weigh the evidence for business against private, then person, minor and Art. 9 hints."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator

from scanner.core.classification.channels import channel_evidence
from scanner.core.classification.evidence import Code, evidence
from scanner.core.classification.person import is_minor, is_natural_person
from scanner.core.classification.result import Category, Classification, Evidence, SpecialCategory
from scanner.core.classification.rules import ClassificationRules
from scanner.core.classification.texts import contact_texts
from scanner.core.classification.words import special_categories, word_evidence
from scanner.core.model import Contact, Kind

# The summed weight must reach this to decide: one strong cue (a legal form, a family word, a hotline number)
# does, one weak cue (a birthday, a WORK label, a free-mail address) does not.
DECISION_THRESHOLD = 1.2
# Confidence tanh(|score| / 3): 1.2 gives 0.38, a legal form alone (3.0) 0.76, 5.0 and more above 0.9.
_CONFIDENCE_SCALE = 3.0
# On a person's card, ORG, TITLE and the firm words in them may all describe one thing, the person's employer: a
# friend's card carries the friend's employer. Together they count at most this much, so no single field decides.
EMPLOYER_CAP = 2.5
_EMPLOYER = frozenset({Code.ORG_FIELD, Code.LEGAL_FORM_ORG, Code.ESTABLISHMENT_WORD, Code.TITLE, Code.EMPLOYER_ROLE})
# KIND:org and "only an organisation" say the same thing twice; the stronger counts.
_ORGANISATION = frozenset({Code.KIND_ORG, Code.ORG_ONLY})
# A business relationship written on the card: then an Art. 9 hint is about a customer, not the owner's life.
_RELATIONSHIP = frozenset(
    {
        Code.ROLE_WORD,
        Code.JOB_WORD,
        Code.BUSINESS_CATEGORY,
        Code.SERVICE_WORD,
        Code.USER_BUSINESS_KEYWORD,
        Code.OWN_COMPANY_DOMAIN,
        Code.BUSINESS_DOMAIN,
    }
)
# A church, party or self-help group is an organisation, but not a place of business: its firm-like evidence
# does not count once the card is read as the owner's own community.
_COMMUNITY_IGNORES = _EMPLOYER | _ORGANISATION | {Code.LEGAL_FORM_NAME}
_NOT_PRIVATE_LIFE = frozenset({SpecialCategory.TRADE_UNION})


def classify(contact: Contact, rules: ClassificationRules, *, today: datetime.date) -> Classification:
    """Business, private or unknown with a confidence and readable reasons; never raises on odd cards."""
    texts = contact_texts(contact)
    minor = is_minor(contact.birthday, today)
    found = (*word_evidence(texts, rules), *_card_evidence(contact, minor=minor), *channel_evidence(contact, rules))
    weighed = tuple(dict.fromkeys(found))
    special = tuple(special_categories(texts, rules))
    person = is_natural_person(contact, texts, weighed, rules)
    weighed = _private_life(weighed, tuple(category for category, _ in special))
    notes = (*(item for _, item in special), *_person_notes(person=person))
    score = _score(weighed, person_card=texts.has_name())
    return Classification(
        category=_category(score),
        confidence=round(math.tanh(abs(score) / _CONFIDENCE_SCALE), 3),
        evidence=(*sorted(weighed, key=lambda item: -abs(item.weight)), *notes),
        natural_person=person,
        minor=minor,
        special_categories=tuple(category for category, _ in special),
    )


def _private_life(weighed: tuple[Evidence, ...], special: tuple[SpecialCategory, ...]) -> tuple[Evidence, ...]:
    """An Art. 9 hint with no business relationship on the card reads as the owner's own doctor or community."""
    codes = {item.code for item in weighed}
    if not set(special) - _NOT_PRIVATE_LIFE or codes & _RELATIONSHIP:
        return weighed
    kept = tuple(item for item in weighed if item.code not in _COMMUNITY_IGNORES)
    return (*kept, evidence(Code.ART9_PRIVATE_LIFE))


def _score(weighed: tuple[Evidence, ...], *, person_card: bool) -> float:
    """The summed weights: an employer's evidence on a person's card capped, KIND:org counted once, and under 18
    not counted against a business relationship written on the card (an apprentice)."""
    codes = {item.code for item in weighed}
    uncounted = _EMPLOYER | _ORGANISATION | ({Code.MINOR} if codes & _RELATIONSHIP else set())
    employer = sum(item.weight for item in weighed if item.code in _EMPLOYER)
    organisation = max((item.weight for item in weighed if item.code in _ORGANISATION), default=0.0)
    rest = sum(item.weight for item in weighed if item.code not in uncounted)
    return rest + organisation + (min(employer, EMPLOYER_CAP) if person_card else employer)


def _card_evidence(contact: Contact, *, minor: bool) -> Iterator[Evidence]:
    """Structured fields: KIND/X-ABShowAs, TITLE/ROLE, BDAY (and under 18), NICKNAME."""
    if contact.kind == Kind.ORG:
        yield evidence(Code.KIND_ORG)
    if contact.title.strip() or contact.role.strip():
        yield evidence(Code.TITLE)
    if contact.birthday is not None:
        yield evidence(Code.BIRTHDAY)
    if minor:
        yield evidence(Code.MINOR)
    if any(nick.strip() for nick in contact.nicknames):
        yield evidence(Code.NICKNAME)


def _person_notes(*, person: bool) -> Iterator[Evidence]:
    if not person:
        yield evidence(Code.NOT_A_PERSON)


def _category(score: float) -> Category:
    if score >= DECISION_THRESHOLD:
        return Category.BUSINESS
    if score <= -DECISION_THRESHOLD:
        return Category.PRIVATE
    return Category.UNKNOWN
