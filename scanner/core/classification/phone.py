"""Classifying one phone's address book: the owner's trade, the cards' own evidence, then what the phone itself
teaches (its confident cards, its duplicates) and the owner's own decisions. Called once per file (a phone)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from scanner.core.classification import learning
from scanner.core.classification.classifier import Weighed, category_of, confidence_of, weigh
from scanner.core.classification.context import ClassificationContext, infer_trade
from scanner.core.classification.evidence import Code, evidence
from scanner.core.classification.result import Category, Classification, DecidedBy, Evidence
from scanner.core.classification.rules import ClassificationRules
from scanner.core.classification.texts import contact_texts
from scanner.core.classification.trades import Trade
from scanner.core.model import Contact


@dataclass(frozen=True)
class PhoneContext:
    """What classifying a phone needs besides its cards.

    ``trade``: the owner's trade if the user named it (else inferred). ``decisions``: the owner's own decisions,
    looked up by ``decision_key(contact)`` (the keyed pseudonym, so no number or name is needed to store them).
    """

    today: datetime.date
    trade: Trade | None = None
    decisions: Mapping[str, Category] = field(default_factory=dict)
    decision_key: Callable[[Contact], str] | None = None


@dataclass(frozen=True)
class PhoneClassification:
    results: tuple[Classification, ...]  # one per contact, in the order given
    context: ClassificationContext


def classify_phone(
    contacts: Sequence[Contact], rules: ClassificationRules, context: PhoneContext
) -> PhoneClassification:
    """Classify the cards of one phone; memory is bounded by its card count."""
    texts = [contact_texts(contact) for contact in contacts]
    inference = infer_trade(texts, context.trade)
    first = [
        weigh(contact, text, rules, today=context.today, trade=inference.trade)
        for contact, text in zip(contacts, texts, strict=True)
    ]
    scores = [item.score for item in first]
    results = [item.classification for item in first]
    by_hand = _apply_decisions(contacts, results, scores, context)
    _relatives_of_clients(contacts, first, results, scores)
    learned, seeds = _learn(contacts, first, results, scores)
    duplicates = _duplicates(contacts, results, scores)
    return PhoneClassification(
        results=tuple(results),
        context=ClassificationContext(
            trade=inference.trade.id if inference.trade else None,
            chosen=inference.chosen,
            evidence_cards=inference.evidence_cards,
            cards=len(contacts),
            seeds=seeds,
            learned=learned,
            duplicates=duplicates,
            by_hand=by_hand,
        ),
    )


_HAND_SCORE = 6.0


def _apply_decisions(
    contacts: Sequence[Contact], results: list[Classification], scores: list[float], context: PhoneContext
) -> int:
    if not context.decisions or context.decision_key is None:
        return 0
    count = 0
    for index, contact in enumerate(contacts):
        decided = context.decisions.get(context.decision_key(contact))
        if decided is None or decided is Category.UNKNOWN:
            continue
        score = _HAND_SCORE if decided is Category.BUSINESS else -_HAND_SCORE
        reason = Evidence(code=Code.HAND_DECISION.value, weight=score, params=(("side", decided.value),))
        results[index] = replace(
            results[index],
            category=decided,
            confidence=1.0,
            evidence=(reason, *results[index].evidence),
            decided_by=DecidedBy.HAND,
        )
        scores[index] = score
        count += 1
    return count


_SURNAME_AFTER_ADDRESS = re.compile(r"(?<!\w)(?:frau|fr\.|herrn?|hr\.|fam\.|familie)\s+(?:dr\.?\s+)?([^\W\d_]{3,})")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


def _relatives_of_clients(
    contacts: Sequence[Contact], first: Sequence[Weighed], results: list[Classification], scores: list[float]
) -> None:
    """'Birgit Nachbarin Hoppe' next to the client 'Frau Hoppe': a kinship or neighbour word with the surname of a
    confident business card on this phone is that client's relative or neighbour, not the owner's family."""
    surnames: dict[str, int] = {}
    for index, item in enumerate(first):
        if _is_seed(scores[index], results[index]) and scores[index] > 0 and item.classification.natural_person:
            for surname in _surnames(item.texts.family, item.texts.name):
                surnames.setdefault(surname, index)
    family = Code.FAMILY_WORD.value
    for index, item in enumerate(first):
        found = next((e for e in results[index].evidence if e.code == family), None)
        if found is None or scores[index] >= 0 or results[index].decided_by is DecidedBy.HAND:
            continue
        keyword = found.params_dict().get("keyword", "").casefold()
        words = [word for word in _NAME_WORD.findall(item.texts.name) if word not in (keyword, item.texts.given)]
        client = next((surnames[word] for word in words if word in surnames and surnames[word] != index), None)
        if client is None:
            continue
        weight = round(-found.weight + evidence(Code.CLIENT_RELATIVE).weight, 2)
        params = (("line", str(contacts[client].source.line)),)
        reason = Evidence(code=Code.CLIENT_RELATIVE_ON_PHONE.value, weight=weight, params=params)
        scores[index] += weight
        results[index] = replace(
            results[index],
            category=category_of(scores[index]),
            confidence=confidence_of(scores[index]),
            evidence=(reason, *results[index].evidence),
            decided_by=DecidedBy.PHONE,
        )


def _surnames(family: str, name: str) -> set[str]:
    found = set(_NAME_WORD.findall(family))
    found.update(match.group(1) for match in _SURNAME_AFTER_ADDRESS.finditer(name))
    return found


def _learn(
    contacts: Sequence[Contact], first: Sequence[Weighed], results: list[Classification], scores: list[float]
) -> tuple[int, int]:
    """The second pass over the cards the first left undecided or nearly so. Returns (decided, seeds)."""
    described = [
        learning.features(contact, item.texts, item.classification.evidence)
        for contact, item in zip(contacts, first, strict=True)
    ]
    seeds = [
        learning.Seed(described[index], category_of(score))
        for index, score in enumerate(scores)
        if _is_seed(score, results[index])
    ]
    model = learning.PhoneModel.train(seeds)
    shown = learning.shown_words([item.texts for item in first])
    decided = 0
    for index, score in enumerate(scores):
        if _is_seed(score, results[index]):
            continue
        found = model.judge(described[index], shown=shown)
        if found is None:
            continue
        new_score = score + found.weight
        before = results[index].category
        results[index] = replace(
            results[index],
            category=category_of(new_score),
            confidence=confidence_of(new_score),
            evidence=(found, *results[index].evidence),
            decided_by=DecidedBy.PHONE if category_of(new_score) is not before else results[index].decided_by,
        )
        scores[index] = new_score
        decided += category_of(new_score) is not before
    return decided, len(seeds)


# A seed needs one strong cue on its side (what the owner wrote: a role, a family word, a group, a legal form), not
# only weak ones adding up: a birthday and a free-mail address do not make a learner a member of the family.
_STRONG = 2.0


def _is_seed(score: float, result: Classification) -> bool:
    if result.decided_by is DecidedBy.HAND:
        return True
    if abs(score) < learning.SEED_SCORE:
        return False
    return any(item.weight * score > 0 and abs(item.weight) >= _STRONG for item in result.evidence)


def _duplicates(contacts: Sequence[Contact], results: list[Classification], scores: list[float]) -> int:
    """Cards with the same normalised number or the same full name are one person: their evidence is summed, and a
    card that alone says less takes the class of the whole, naming the fullest card that says so."""
    groups: dict[str, list[int]] = {}
    for index, contact in enumerate(contacts):
        for key in _identity_keys(contact):
            groups.setdefault(key, []).append(index)
    changed = 0
    for key, members in groups.items():
        if len(members) < 2:
            continue
        combined = sum(scores[index] for index in members)
        category = category_of(combined)
        if category is Category.UNKNOWN:
            continue
        agreeing = [index for index in members if scores[index] * combined > 0]
        source = max(agreeing, key=lambda i: (_fullness(contacts[i]), abs(scores[i]), -i))
        code = Code.DUPLICATE_NUMBER if key.startswith("tel:") else Code.DUPLICATE_NAME
        for index in members:
            if index == source or results[index].decided_by is DecidedBy.HAND:
                continue
            if results[index].category is category or abs(scores[index]) >= abs(combined):
                continue
            line = str(contacts[source].source.line)
            reason = Evidence(code=code.value, weight=round(combined - scores[index], 2), params=(("line", line),))
            results[index] = replace(
                results[index],
                category=category,
                confidence=confidence_of(combined),
                evidence=(reason, *results[index].evidence),
                decided_by=DecidedBy.DUPLICATE,
            )
            scores[index] = combined
            changed += 1
    return changed


def _identity_keys(contact: Contact) -> list[str]:
    keys = [f"tel:{phone.e164}" for phone in contact.phones if phone.e164]
    name = " ".join(contact.formatted_name.casefold().split())
    if len(name.split()) >= 2:
        keys.append(f"name:{name}")
    return list(dict.fromkeys(keys))


def _fullness(contact: Contact) -> int:
    """How much a card says: filled fields and values."""
    return (
        len(contact.phones)
        + len(contact.emails)
        + len(contact.addresses)
        + len(contact.categories)
        + len(contact.nicknames)
        + sum(1 for text in (contact.note, contact.title, contact.role, *contact.organization) if text.strip())
        + (contact.birthday is not None)
    )

