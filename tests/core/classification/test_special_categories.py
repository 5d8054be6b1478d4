"""Art. 9 GDPR hints: one German and one English word per category, in every searched field; no false alarms."""

from __future__ import annotations

import pytest
from classifier_helpers import classify_lines, params_of

from scanner.core.classification import SpecialCategory

CASES = [
    (SpecialCategory.HEALTH, "Praxis für Psychotherapie Lind", "Psychotherapie"),
    (SpecialCategory.HEALTH, "Dialysezentrum Nord", "Dialysezentrum"),
    (SpecialCategory.HEALTH, "Selbsthilfegruppe Dienstag", "Selbsthilfegruppe"),
    (SpecialCategory.HEALTH, "Dr. Roe, oncologist", "oncologist"),
    (SpecialCategory.RELIGION, "Pfarrer Huber", "Pfarrer"),
    (SpecialCategory.RELIGION, "Moschee Nord", "Moschee"),
    (SpecialCategory.RELIGION, "St. Mary's parish office", "parish"),
    (SpecialCategory.TRADE_UNION, "IG Metall Verwaltungsstelle", "IG Metall"),
    (SpecialCategory.TRADE_UNION, "ver.di Bezirk Süd", "ver.di"),
    (SpecialCategory.TRADE_UNION, "Sam, shop steward", "shop steward"),
    (SpecialCategory.POLITICS, "SPD Ortsverein Musterstadt", "SPD"),
    (SpecialCategory.POLITICS, "Büro Beispiel MdB", "MdB"),
    (SpecialCategory.POLITICS, "Green Party campaign office", "Green Party"),
    (SpecialCategory.SEX_LIFE, "Lesbenberatung Nord", "Lesben"),
    (SpecialCategory.SEX_LIFE, "Chris (Grindr)", "Grindr"),
    (SpecialCategory.SEX_LIFE, "Ali, gay bar", "gay bar"),
    (SpecialCategory.ETHNIC_ORIGIN, "Migrationsberatung Caritas", "Migrationsberatung"),
    (SpecialCategory.ETHNIC_ORIGIN, "Kurdischer Kulturverein", "Kurdisch"),
    (SpecialCategory.ETHNIC_ORIGIN, "Refugee council", "refugee"),
]


def test_an_aids_help_group_hints_at_health_and_sex_life() -> None:
    # Deutsche Aidshilfe's local groups serve people with HIV and, explicitly, gay men and sex workers.
    result = classify_lines("FN:AIDS-Hilfe Musterstadt")
    assert result.special_categories == (SpecialCategory.HEALTH, SpecialCategory.SEX_LIFE)


@pytest.mark.parametrize(("category", "name", "keyword"), CASES)
def test_word_in_name_hints_at_its_category(category: SpecialCategory, name: str, keyword: str) -> None:
    result = classify_lines(f"FN:{name}")
    assert result.special_categories == (category,)
    assert params_of(result, f"special_{category.value}") == {"keyword": keyword}


@pytest.mark.parametrize("prop", ["ORG", "TITLE", "ROLE", "NOTE", "CATEGORIES", "NICKNAME"])
def test_every_text_field_is_searched(prop: str) -> None:
    assert classify_lines("FN:Eva Beispiel", f"{prop}:Selbsthilfegruppe").special_categories == (
        SpecialCategory.HEALTH,
    )


def test_several_categories_in_enum_order() -> None:
    result = classify_lines("FN:Pfarrer Huber", "NOTE:IG Metall; Dialyse dienstags")
    assert result.special_categories == (SpecialCategory.HEALTH, SpecialCategory.RELIGION, SpecialCategory.TRADE_UNION)


@pytest.mark.parametrize(
    "name",
    ["Christian Katholnig", "Tom Kaidsen", "Raids Logistik", "Verdi Pizzeria", "Roma Müller", "Anna Kaplan",
     "Traumauto Huber", "Peter Pastor", "Lesbar GmbH", "Dr. Peter Schmidt", "Hans Grün", "Volt Elektro"],
)  # fmt: skip
def test_no_false_alarm_on_ordinary_names(name: str) -> None:
    assert classify_lines(f"FN:{name}").special_categories == ()


def test_special_evidence_itself_does_not_weigh_business_or_private() -> None:
    result = classify_lines("FN:Eva Beispiel", "NOTE:Dialyse", "TITLE:Kundin")
    assert all(item.weight == 0 for item in result.evidence if item.code.startswith("special_"))
