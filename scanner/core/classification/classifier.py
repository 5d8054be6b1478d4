"""Classifying one contact: weigh the evidence for business against private, then person, minor and Art. 9 hints."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from dataclasses import dataclass

from scanner.core.classification.abbreviations import expand_texts
from scanner.core.classification.channels import channel_evidence
from scanner.core.classification.evidence import SPECIAL_CODES, Code, evidence
from scanner.core.classification.habits import (
    affection_sign,
    appointment_in_name,
    formal_address,
    owner_speaking,
    relative_of_client,
)
from scanner.core.classification.person import is_minor, is_natural_person
from scanner.core.classification.result import Category, Classification, Evidence, SpecialCategory
from scanner.core.classification.rules import ClassificationRules
from scanner.core.classification.texts import ContactTexts, contact_texts
from scanner.core.classification.trades import Trade
from scanner.core.classification.words import SpecialHint, special_categories, word_evidence
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
        Code.TRADE_CUSTOMER,
        Code.TRADE_SERVICE,
        Code.TRADE_PARTNER,
        Code.CLIENT_RELATIVE,
    }
)
# A church, party or self-help group is an organisation, but not a place of business: its firm-like evidence
# does not count once the card is read as the owner's own community.
_COMMUNITY_IGNORES = _EMPLOYER | _ORGANISATION | {Code.LEGAL_FORM_NAME}
_NOT_PRIVATE_LIFE = frozenset({SpecialCategory.TRADE_UNION})
# A school, parish or practice reaches people through an office line and its own domain like any firm: once the
# card is read as the owner's private life, these say nothing more.
_OFFICE_CHANNELS = frozenset({Code.COMPANY_EMAIL, Code.WORK_PHONE, Code.WORK_EMAIL, Code.WORK_ADDRESS})


@dataclass(frozen=True)
class Weighed:
    """A first-pass result with the summed weight behind it (the second pass needs the sign and size)."""

    classification: Classification
    score: float
    texts: ContactTexts


def classify(
    contact: Contact, rules: ClassificationRules, *, today: datetime.date, trade: Trade | None = None
) -> Classification:
    """Business, private or unknown with a confidence and readable reasons; never raises on odd cards.

    ``trade``: the owner's trade; its clients', services' and partners' words are business evidence.
    """
    return weigh(contact, contact_texts(contact), rules, today=today, trade=trade).classification


def weigh(
    contact: Contact, texts: ContactTexts, rules: ClassificationRules, *, today: datetime.date, trade: Trade | None
) -> Weighed:
    """The first pass over one card's own evidence."""
    texts = expand_texts(texts, rules.vocabulary)
    minor = is_minor(contact.birthday, today)
    found = (
        *word_evidence(texts, rules),
        *_card_evidence(contact, minor=minor),
        *channel_evidence(contact, rules),
        *_habit_evidence(contact, texts),
        *_trade_evidence(texts, trade),
    )
    weighed = _relatives(tuple(dict.fromkeys(found)), texts, trade)
    person = is_natural_person(contact, texts, weighed, rules)
    hints = (*special_categories(texts, rules, person=person), *_trade_health(texts, trade, person=person))
    hints = tuple({hint.category: hint for hint in reversed(hints)}.values())[::-1]
    weighed = _private_life(weighed, hints, trade, organisation=_private_life_organisation(texts, rules))
    score = _score(weighed, person_card=texts.has_name())
    own = owner_speaking(_join(texts.name, texts.note))
    counted, roles = _counted_hints(hints, business=score >= DECISION_THRESHOLD, own=own)
    notes = (*(hint.evidence for hint in counted), *roles, *_person_notes(person=person))
    classification = Classification(
        category=category_of(score),
        confidence=confidence_of(score),
        evidence=(*sorted(weighed, key=lambda item: -abs(item.weight)), *notes),
        natural_person=person,
        minor=minor,
        special_categories=tuple(hint.category for hint in counted),
        uncounted_special=tuple(hint.category for hint in hints if hint not in counted),
    )
    return Weighed(classification, score, texts)


def confidence_of(score: float) -> float:
    return round(math.tanh(abs(score) / _CONFIDENCE_SCALE), 3)


def _habit_evidence(contact: Contact, texts: ContactTexts) -> Iterator[Evidence]:
    """Formal address before a surname (a customer) and hearts or rings (a loved one), in the name fields."""
    if formal_address(texts.name):
        yield evidence(Code.FORMAL_ADDRESS)
    if appointment_in_name(texts.name):
        yield evidence(Code.APPOINTMENT_IN_NAME)
    if owner_speaking(_join(texts.name, texts.nicknames, texts.note)):
        yield evidence(Code.OWNER_OWN)
    if affection_sign(" ".join((contact.formatted_name, *contact.nicknames))):
        yield evidence(Code.AFFECTION_SIGN)


def _trade_evidence(texts: ContactTexts, trade: Trade | None) -> Iterator[Evidence]:
    """The owner's trade: its clients' and services' words in name, note or groups; its partners' anywhere."""
    if trade is None:
        return
    written = _join(texts.name, texts.nicknames, texts.other, *texts.categories)
    if (keyword := trade.customers.find(written)) is not None:
        yield evidence(Code.TRADE_CUSTOMER, keyword=keyword, trade=trade.id)
    elif (keyword := trade.services.find(written)) is not None:
        yield evidence(Code.TRADE_SERVICE, keyword=keyword, trade=trade.id)
    # not in ORG: a friend's card may carry the friend's employer, which may be one of the trade's partners
    if (keyword := trade.partners.find(_join(texts.name, texts.other))) is not None:
        yield evidence(Code.TRADE_PARTNER, keyword=keyword, trade=trade.id)


def _trade_health(texts: ContactTexts, trade: Trade | None, *, person: bool) -> Iterator[SpecialHint]:
    """A client's complaint in the words of the owner's trade ("Fr. Engel Knie" at a physiotherapist's)."""
    if trade is None or not person:
        return
    keyword = trade.health.find(_join(texts.name, texts.note))
    if keyword is not None:
        found = evidence(SPECIAL_CODES[SpecialCategory.HEALTH], keyword=keyword)
        yield SpecialHint(SpecialCategory.HEALTH, found, organisation_only=False)


def _relatives(weighed: tuple[Evidence, ...], texts: ContactTexts, trade: Trade | None) -> tuple[Evidence, ...]:
    """'Tochter von Fr. K.' is a client's relative: the kinship word then says nothing about the owner's family."""
    clients = trade is not None and trade.relatives_are_clients
    if not relative_of_client(texts.person_fields, relatives_are_clients=clients):
        return weighed
    kept = tuple(item for item in weighed if item.code != Code.FAMILY_WORD)
    return (*kept, evidence(Code.CLIENT_RELATIVE))


def _private_life_organisation(texts: ContactTexts, rules: ClassificationRules) -> bool:
    """The card's own name or ORG is a school, Kita, club or the like (not a leisure word in a note)."""
    return rules.private_services.find(_join(texts.name, texts.org)) is not None


def _private_life(
    weighed: tuple[Evidence, ...], hints: tuple[SpecialHint, ...], trade: Trade | None, *, organisation: bool
) -> tuple[Evidence, ...]:
    """An Art. 9 hint with no business relationship on the card reads as the owner's own doctor or community;
    on a phone whose trade serves such clients (a care service's patients) as a client's data instead. A school,
    Kita or club without a business relationship is the owner's private life too, whatever firm words it has."""
    codes = {item.code for item in weighed}
    organisation_cues = _COMMUNITY_IGNORES | _OFFICE_CHANNELS | {Code.SERVICE_WORD}
    if organisation and codes & organisation_cues and not codes & (_RELATIONSHIP - {Code.SERVICE_WORD}):
        # the office of the children's school is a "Sekretariat", but the school is the owner's private life
        kept = tuple(item for item in weighed if item.code not in organisation_cues)
        return (*kept, evidence(Code.PRIVATE_LIFE_ORGANISATION))
    if codes & _RELATIONSHIP:
        return weighed
    categories = {hint.category for hint in hints} - _NOT_PRIVATE_LIFE
    client_hints = {hint.category for hint in hints if not hint.routine} - _NOT_PRIVATE_LIFE
    if trade is not None and client_hints and categories <= trade.client_special and Code.OWNER_OWN not in codes:
        return (*weighed, evidence(Code.ART9_CLIENT, trade=trade.id))
    if categories:
        kept = tuple(item for item in weighed if item.code not in _COMMUNITY_IGNORES | _OFFICE_CHANNELS)
        return (*kept, evidence(Code.ART9_PRIVATE_LIFE))
    return weighed


def _counted_hints(
    hints: tuple[SpecialHint, ...], *, business: bool, own: bool
) -> tuple[tuple[SpecialHint, ...], list[Evidence]]:
    """A hint only in an organisation's own fields of a business contact (a union secretary as the works council's
    counterpart, a parish as a customer, a dialysis centre as a partner) is that organisation's role, not data
    about the person: shown as such, not counted. On a private card it is the owner's own doctor or community.
    A routine doctor or practice that states no condition counts only when the owner writes of the owner's own
    treatment ("Physio mein Rücken")."""
    counted: list[SpecialHint] = []
    notes: list[Evidence] = []
    for hint in hints:
        keyword = hint.evidence.params_dict().get("keyword", "")
        if hint.routine and not own:
            notes.append(evidence(Code.ROUTINE_CARE, keyword=keyword))
        elif business and hint.organisation_only and not hint.routine:
            notes.append(evidence(Code.ART9_ORGANISATION_ROLE, keyword=keyword))
        else:
            counted.append(hint)
    return tuple(counted), notes


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


def category_of(score: float) -> Category:
    if score >= DECISION_THRESHOLD:
        return Category.BUSINESS
    if score <= -DECISION_THRESHOLD:
        return Category.PRIVATE
    return Category.UNKNOWN


def _join(*texts: str) -> str:
    return " | ".join(text for text in texts if text)
