"""The glossary in scanner/i18n/glossary.toml: one term per concept, checked against every text in the catalog."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

import pytest

from scanner.i18n import Language
from scanner.i18n.catalog import _catalog


def _terms() -> list[dict[str, Any]]:
    text = (resources.files("scanner.i18n") / "glossary.toml").read_text(encoding="utf-8")
    terms: list[dict[str, Any]] = tomllib.loads(text)["term"]
    return terms


TERMS = _terms()


def _texts(language: Language) -> dict[str, str]:
    return {key: entry[language.value] for key, entry in _catalog().items()}


@pytest.mark.parametrize("term", TERMS, ids=[term["de"] for term in TERMS])
@pytest.mark.parametrize("language", list(Language))
def test_no_text_uses_a_variant_the_glossary_rules_out(term: dict[str, Any], language: Language) -> None:
    patterns = [re.compile(pattern) for pattern in term[f"avoid_{language.value}"]]
    offending = [(key, text) for key, text in _texts(language).items() for pattern in patterns if pattern.search(text)]
    assert not offending, f"{term['why']} Use {term[language.value]!r}: {offending}"


@pytest.mark.parametrize("term", TERMS, ids=[term["de"] for term in TERMS])
@pytest.mark.parametrize("language", list(Language))
def test_every_preferred_term_is_used_so_the_glossary_stays_current(term: dict[str, Any], language: Language) -> None:
    preferred = term[language.value]
    assert any(preferred in text for text in _texts(language).values()), preferred


def test_every_term_gives_its_reason() -> None:
    assert all(term["why"].strip() for term in TERMS)


def test_the_checks_would_catch_the_errors_a_reviewer_found() -> None:
    """The patterns match the very wordings the first review found, so a regression cannot slip past them."""
    found_in_review = [
        "Telefonnummern wird übertragen", "in Drittland ohne Angemessenheit", "keins", "Urteil des AG Bad Hersfeld",
        "Verantwortliche Stelle in der EU", "Geschätzte Nicht-Nutzer", "Einwilligung schriftlich einholen",
        "Bußgeld bis 20 Mio. EUR oder 4 % des Umsatzes", "Datenziele laut Profil", "ob es übertragen wird",
    ]  # fmt: skip
    patterns = [re.compile(pattern) for term in TERMS for pattern in term["avoid_de"]]
    for wording in found_in_review:
        assert any(pattern.search(wording) for pattern in patterns), wording


def test_plural_texts_come_in_pairs_in_both_languages() -> None:
    keys = set(_catalog())
    singular = {key.removesuffix(".one") for key in keys if key.endswith(".one")}
    plural = {key.removesuffix(".other") for key in keys if key.endswith(".other")}
    assert singular == plural
    for stem in singular:
        for language in Language:
            one, other = _catalog()[f"{stem}.one"][language.value], _catalog()[f"{stem}.other"][language.value]
            assert "{count}" in one and "{count}" in other and one != other, stem
