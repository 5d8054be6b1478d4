"""Evidence from words: legal forms, trade and family words, address-book groups, Art. 9 hints."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from scanner.core.classification.evidence import SPECIAL_CODES, Code, evidence
from scanner.core.classification.matching import KeywordList, compile_keywords
from scanner.core.classification.result import Evidence, SpecialCategory
from scanner.core.classification.rules import ClassificationRules
from scanner.core.classification.texts import ContactTexts


def word_evidence(texts: ContactTexts, rules: ClassificationRules) -> Iterator[Evidence]:
    """Each list contributes at most one piece of evidence, naming the first keyword of ours that matched."""
    yield from _legal_form(texts, rules)
    yield from _organisation(texts)
    yield from _role(texts, rules)
    name_org_other = _join(texts.name, texts.org, texts.other)
    categories = _join(*texts.categories)
    everything = texts.everything
    searches: tuple[tuple[Code, KeywordList, str], ...] = (
        (Code.JOB_WORD, rules.jobs, _join(texts.name, texts.other)),
        (Code.ESTABLISHMENT_WORD, rules.establishments, name_org_other),
        (Code.SERVICE_WORD, rules.services, _join(texts.name, texts.org)),
        (Code.FAMILY_WORD, rules.family_friends, texts.person_fields),
        (Code.PRIVATE_SERVICE_WORD, rules.private_services, name_org_other),
        (Code.BUSINESS_CATEGORY, rules.business_categories, categories),
        (Code.PRIVATE_CATEGORY, rules.private_categories, categories),
        (Code.USER_BUSINESS_KEYWORD, rules.user_business, everything),
        (Code.USER_PRIVATE_KEYWORD, rules.user_private, everything),
    )
    for code, keywords, text in searches:
        keyword = keywords.find(text) if text else None
        if keyword is not None:
            yield evidence(code, keyword=keyword)


@dataclass(frozen=True)
class SpecialHint:
    """One Art. 9 category hinted at, and whether only an organisation's own fields carry it (ORG, TITLE, ROLE,
    or the name of a card that names no person): then it may be the organisation's role, not the person's data."""

    category: SpecialCategory
    evidence: Evidence
    organisation_only: bool
    routine: bool = False  # a routine doctor or practice only, no condition stated

def special_categories(
    texts: ContactTexts, rules: ClassificationRules, *, person: bool = True
) -> Iterator[SpecialHint]:
    """The Art. 9 categories hinted at anywhere in the card's texts, in the order of SpecialCategory."""
    about_person = _join(texts.name if person else "", texts.nicknames, texts.note, *texts.categories)
    about_organisation = _join("" if person else texts.name, texts.org, texts.job)
    combined, owners = _special_index(rules.special)
    on_person = _first_per_category(combined, owners, about_person)
    on_organisation = _first_per_category(combined, owners, about_organisation) if about_organisation else {}
    for category, _ in rules.special:
        keyword = on_person.get(category)
        organisation_only = keyword is None
        if keyword is None:
            keyword = on_organisation.get(category)
        if keyword is not None:
            yield SpecialHint(category, evidence(SPECIAL_CODES[category], keyword=keyword), organisation_only)
        elif category is SpecialCategory.HEALTH:
            keyword = rules.routine_health.find(about_person) or rules.routine_health.find(about_organisation)
            if keyword is not None:
                found = evidence(SPECIAL_CODES[category], keyword=keyword)
                yield SpecialHint(category, found, organisation_only=True, routine=True)


@cache
def _special_index(
    special: tuple[tuple[SpecialCategory, KeywordList], ...],
) -> tuple[KeywordList, dict[str, tuple[SpecialCategory, ...]]]:
    """All six categories' words in one pattern (one search instead of six), with the categories of each word.
    Cached per rule set (the cache holds it, so a key is never a reused id)."""
    owners: dict[str, list[SpecialCategory]] = {}
    for category, keywords in special:
        for shown in dict.fromkeys(keywords.spelling.values()):
            owners.setdefault(shown, []).append(category)
    words = [word for _, keywords in special for word in keywords.raw]
    return compile_keywords(words), {word: tuple(cats) for word, cats in owners.items()}


def _first_per_category(
    combined: KeywordList, owners: dict[str, tuple[SpecialCategory, ...]], text: str
) -> dict[SpecialCategory, str]:
    found: dict[SpecialCategory, str] = {}
    if combined.pattern is None or not text:
        return found
    for match in combined.pattern.finditer(text):
        word = combined.spelling[match.group(0)]
        for category in owners.get(word, ()):
            found.setdefault(category, word)
    return found


def entity_word_in_name(texts: ContactTexts, rules: ClassificationRules) -> bool:
    """The card's own name is that of a firm, shop, office or hotline ("Autohaus Meier", "Service-Hotline")."""
    lists = (rules.legal_forms, rules.establishments, rules.services)
    return any(keywords.find(texts.name) is not None for keywords in lists)


def service_word_in_name(texts: ContactTexts, rules: ClassificationRules) -> bool:
    return rules.services.find(texts.name) is not None


def legal_form_in_name(texts: ContactTexts, rules: ClassificationRules) -> bool:
    return rules.legal_forms.find(texts.name) is not None


def _legal_form(texts: ContactTexts, rules: ClassificationRules) -> Iterator[Evidence]:
    in_name = rules.legal_forms.find(texts.name)
    if in_name is not None:
        yield evidence(Code.LEGAL_FORM_NAME, form=in_name)
        return
    in_org = rules.legal_forms.find(texts.org) or _first(rules.legal_forms_at_end, texts.org_units)
    if in_org is not None:
        yield evidence(Code.LEGAL_FORM_ORG, form=in_org)


def _role(texts: ContactTexts, rules: ClassificationRules) -> Iterator[Evidence]:
    """A role in the name or note is what the person is to the owner; in ORG, TITLE or ROLE, their own job."""
    keyword = rules.roles.find(_join(texts.name, texts.note))
    if keyword is not None:
        yield evidence(Code.ROLE_WORD, keyword=keyword)
    elif (keyword := rules.roles.find(_join(texts.org, texts.job))) is not None:
        yield evidence(Code.EMPLOYER_ROLE, keyword=keyword)


def _organisation(texts: ContactTexts) -> Iterator[Evidence]:
    if texts.org:
        yield evidence(Code.ORG_FIELD if texts.has_name() else Code.ORG_ONLY)


def _first(keywords: KeywordList, texts: tuple[str, ...]) -> str | None:
    return next((found for text in texts if (found := keywords.find(text)) is not None), None)


def _join(*texts: str) -> str:
    return " | ".join(text for text in texts if text)
