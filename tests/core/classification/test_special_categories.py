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
    # hinted either as data about the person or, on a business card naming no person, as the organisation's role
    assert (*result.special_categories, *result.uncounted_special) == (category,)
    code = f"special_{category.value}" if result.special_categories else "art9_organisation_role"
    assert params_of(result, code) == {"keyword": keyword}


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


def test_a_hint_that_is_only_a_business_contacts_organisation_is_its_role_not_the_persons_data() -> None:
    # a union secretary as the works council's counterpart, a parish as a customer: shown, not counted
    union = classify_lines("FN:Jan Beispiel", "ORG:IG Metall Verwaltungsstelle", "NOTE:Tarifrunde, Angebot Schulung")
    assert union.category.value == "business"
    assert union.special_categories == ()
    assert union.uncounted_special == (SpecialCategory.TRADE_UNION,)
    assert params_of(union, "art9_organisation_role") == {"keyword": "IG Metall"}
    parish = classify_lines("FN:Ev. Kirchengemeinde Nord", "KIND:org", "NOTE:Auftrag Altar", version="4.0")
    assert (parish.special_categories, parish.uncounted_special) == ((), (SpecialCategory.RELIGION,))


def test_a_hint_about_the_person_counts_also_on_a_business_card() -> None:
    # the note says something about this person: a customer on dialysis
    result = classify_lines("FN:Eva Beispiel", "ORG:Dialysezentrum Nord", "NOTE:Kundin, selbst Dialyse Mo/Mi/Fr")
    assert result.special_categories == (SpecialCategory.HEALTH,)


def test_the_owners_own_therapist_counts_as_the_owners_data() -> None:
    result = classify_lines("FN:Lena Beispiel", "ORG:Praxis für Psychotherapie")
    assert result.category.value == "private"
    assert result.special_categories == (SpecialCategory.HEALTH,)
