"""The packaged data files carry sources and a date; every evidence code has German and English text."""

from __future__ import annotations

import datetime
import tomllib
from importlib import resources

import pytest

from scanner.core.classification.evidence import WEIGHTS, Code
from scanner.core.classification.rules import load_rules
from scanner.i18n import Language, message_keys, translate

DATA = resources.files("scanner.data.classification")
DATA_FILES = sorted(entry.name for entry in DATA.iterdir() if entry.name.endswith(".toml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_has_sources_and_checked_date(name: str) -> None:
    data = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
    assert data["sources"] and all(isinstance(source, str) and source for source in data["sources"])
    assert isinstance(data["checked"], datetime.date)


def test_all_six_data_files_are_packaged() -> None:
    expected = {"business_words", "private_words", "categories", "special_categories", "legal_forms", "free_mail"}
    assert {name.removesuffix(".toml") for name in DATA_FILES} == expected


def test_no_keyword_twice_in_one_list() -> None:
    for name in DATA_FILES:
        data = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
        for key, value in data.items():
            if key != "sources" and isinstance(value, list):
                folded = [word.casefold() for word in value]
                assert len(folded) == len(set(folded)), f"{name}: {key} repeats a word"


@pytest.mark.parametrize("code", list(Code))
def test_every_evidence_code_has_both_languages(code: Code) -> None:
    key = f"evidence.{code.value}"
    assert key in message_keys()
    params = {"keyword": "Kunde", "form": "GmbH", "domain": "gmx.de", "count": "3", "value": "Kunden", "line": "12",
              "pattern": "zwei Wörter"}
    assert translate(key, Language.DE, **params) != translate(key, Language.EN, **params)


def test_weights_lean_the_documented_way() -> None:
    assert WEIGHTS[Code.LEGAL_FORM_NAME] > 0 > WEIGHTS[Code.FAMILY_WORD]
    assert abs(WEIGHTS[Code.FREE_MAIL]) < 1  # one-person trades use free mail: weak evidence only


def test_rules_are_cached_and_user_additions_do_not_leak() -> None:
    assert load_rules().roles is load_rules(company_domains=["a.example"]).roles
    assert load_rules().company_domains == ()
