"""Every risk rule of scanner/core/risk.py, one test each, with the reasons it must name."""

from __future__ import annotations

import dataclasses

import pytest

from scanner.core.classification.result import Category, Classification, SpecialCategory
from scanner.core.exposure import NOT_UPLOADED, Exposure
from scanner.core.messengers import Retention
from scanner.core.risk import RiskLevel, RiskReason, contact_risk, overall_risk

US = Exposure(uploaded=True, destination="US", third_country=True, adequate=False, non_user_probability=0.12)
CH = Exposure(uploaded=True, destination="CH", third_country=True, adequate=True, non_user_probability=0.05)
DE = Exposure(uploaded=True, destination="DE", third_country=False, adequate=True, non_user_probability=0.12)


def person(
    category: Category = Category.BUSINESS,
    *,
    natural_person: bool = True,
    minor: bool = False,
    special: tuple[SpecialCategory, ...] = (),
) -> Classification:
    return Classification(category, 0.9, (), natural_person, minor, special)


def with_non_user(exposure: Exposure, probability: float) -> Exposure:
    return dataclasses.replace(exposure, non_user_probability=probability)


def kept_as(exposure: Exposure, retention: Retention) -> Exposure:
    return dataclasses.replace(exposure, retention=retention)


def test_rule_1_not_uploaded_is_none() -> None:
    risk = contact_risk(person(Category.PRIVATE, minor=True), NOT_UPLOADED, keeps_non_users=True)
    assert risk.level is RiskLevel.NONE
    assert risk.reasons == (RiskReason.NOT_UPLOADED,)


def test_rule_2_organisation_without_person_is_none() -> None:
    risk = contact_risk(person(natural_person=False), US, keeps_non_users=True)
    assert risk.level is RiskLevel.NONE
    assert risk.reasons == (RiskReason.NOT_PERSONAL_DATA,)


@pytest.mark.parametrize(
    ("exposure", "level", "reason"),
    [
        (US, RiskLevel.MEDIUM, RiskReason.THIRD_COUNTRY),
        (CH, RiskLevel.LOW, RiskReason.ADEQUATE_DESTINATION),
        (DE, RiskLevel.LOW, RiskReason.ADEQUATE_DESTINATION),
    ],
)
def test_rule_3_base_level_follows_the_destination(exposure: Exposure, level: RiskLevel, reason: RiskReason) -> None:
    risk = contact_risk(person(), exposure, keeps_non_users=True)
    assert (risk.level, risk.reasons) == (level, (reason, RiskReason.KEPT_IN_CLEAR))


def test_rule_3_unknown_destination_counts_as_third_country() -> None:
    unknown = Exposure(uploaded=True, destination=None, third_country=True, adequate=False, non_user_probability=0.2)
    assert contact_risk(person(), unknown, keeps_non_users=True).level is RiskLevel.MEDIUM


def test_rule_4_private_contact_raises_one_level() -> None:
    assert contact_risk(person(Category.PRIVATE), US, keeps_non_users=True).level is RiskLevel.HIGH
    assert contact_risk(person(Category.PRIVATE), DE, keeps_non_users=True).level is RiskLevel.MEDIUM


def test_rule_4_likely_non_user_raises_only_when_the_operator_keeps_them() -> None:
    landline = with_non_user(US, 0.97)
    kept = contact_risk(person(), landline, keeps_non_users=True)
    assert kept.level is RiskLevel.HIGH
    assert RiskReason.LIKELY_NON_USER in kept.reasons
    transient = contact_risk(person(), landline, keeps_non_users=False)
    assert transient.level is RiskLevel.MEDIUM
    assert RiskReason.LIKELY_NON_USER not in transient.reasons


def test_rule_4_threshold_is_more_likely_than_not() -> None:
    assert contact_risk(person(), with_non_user(US, 0.5), keeps_non_users=True).level is RiskLevel.MEDIUM
    assert contact_risk(person(), with_non_user(US, 0.51), keeps_non_users=True).level is RiskLevel.HIGH


def test_rule_4_private_and_non_user_count_once_high_is_the_ceiling() -> None:
    risk = contact_risk(person(Category.PRIVATE), with_non_user(US, 0.97), keeps_non_users=True)
    assert risk.level is RiskLevel.HIGH
    assert {RiskReason.PRIVATE_CONTACT, RiskReason.LIKELY_NON_USER} <= set(risk.reasons)


def test_unknown_category_is_flagged_without_raising() -> None:
    risk = contact_risk(person(Category.UNKNOWN), US, keeps_non_users=True)
    assert risk.level is RiskLevel.MEDIUM
    assert RiskReason.UNKNOWN_CATEGORY in risk.reasons


@pytest.mark.parametrize(
    "classification",
    [person(minor=True), person(special=(SpecialCategory.HEALTH,)), person(Category.PRIVATE, minor=True)],
)
def test_rule_5_minors_and_special_categories_are_critical_in_a_third_country(classification: Classification) -> None:
    assert contact_risk(classification, US, keeps_non_users=True).level is RiskLevel.CRITICAL
    assert contact_risk(classification, CH, keeps_non_users=True).level is RiskLevel.HIGH


def test_rule_5_reasons_name_minor_and_special_category() -> None:
    risk = contact_risk(person(minor=True, special=(SpecialCategory.RELIGION,)), US, keeps_non_users=True)
    assert RiskReason.MINOR in risk.reasons
    assert RiskReason.SPECIAL_CATEGORIES in risk.reasons


def test_rule_7_overall_is_the_highest_contact_level_with_reasons_weightiest_first() -> None:
    levels = {RiskLevel.NONE: 4, RiskLevel.MEDIUM: 10, RiskLevel.CRITICAL: 1, RiskLevel.HIGH: 0}
    reasons = {RiskReason.THIRD_COUNTRY: 11, RiskReason.SPECIAL_CATEGORIES: 1, RiskReason.PRIVATE_CONTACT: 3}
    overall = overall_risk(levels, reasons)
    assert overall.level is RiskLevel.CRITICAL
    assert overall.reasons == (
        (RiskReason.SPECIAL_CATEGORIES, 1),
        (RiskReason.PRIVATE_CONTACT, 3),
        (RiskReason.THIRD_COUNTRY, 11),
    )


def test_rule_7_nothing_uploaded_is_none() -> None:
    assert overall_risk({RiskLevel.NONE: 3}, {}).level is RiskLevel.NONE
    assert overall_risk({}, {}).level is RiskLevel.NONE


def test_every_reason_and_level_has_both_texts() -> None:
    from scanner.i18n import message_keys

    keys = message_keys()
    for reason in RiskReason:
        assert f"risk.reason.{reason.value}.short" in keys
        assert f"risk.reason.{reason.value}.rule" in keys
    for level in RiskLevel:
        assert f"risk.level.{level.value}" in keys


def test_rule_3_a_transfer_the_operator_bases_on_the_dpf_starts_low() -> None:
    dpf = Exposure(uploaded=True, destination="US", third_country=True, adequate=True, dpf=True)
    risk = contact_risk(person(), dpf, keeps_non_users=True)
    assert (risk.level, risk.reasons) == (RiskLevel.LOW, (RiskReason.DPF_TRANSFER, RiskReason.KEPT_IN_CLEAR))
    assert contact_risk(person(minor=True), dpf, keeps_non_users=True).level is RiskLevel.HIGH


@pytest.mark.parametrize(
    ("classification", "exposure", "stored", "discarded"),
    [
        (person(), US, RiskLevel.MEDIUM, RiskLevel.MEDIUM),  # never below the destination's base level
        (person(Category.PRIVATE), US, RiskLevel.HIGH, RiskLevel.MEDIUM),
        (person(minor=True), US, RiskLevel.CRITICAL, RiskLevel.HIGH),
        (person(special=(SpecialCategory.HEALTH,)), US, RiskLevel.CRITICAL, RiskLevel.HIGH),
        (person(), CH, RiskLevel.LOW, RiskLevel.LOW),
        (person(Category.PRIVATE), CH, RiskLevel.MEDIUM, RiskLevel.LOW),
        (person(minor=True), CH, RiskLevel.HIGH, RiskLevel.MEDIUM),
    ],
)
def test_rule_6_a_lookup_the_operator_discards_weighs_one_level_less(
    classification: Classification, exposure: Exposure, stored: RiskLevel, discarded: RiskLevel
) -> None:
    for retention in (Retention.STORED_CLEAR, Retention.STORED_HASHED):
        assert contact_risk(classification, kept_as(exposure, retention), keeps_non_users=True).level is stored
    lookup = contact_risk(classification, kept_as(exposure, Retention.DISCARDED), keeps_non_users=False)
    assert lookup.level is discarded
    assert RiskReason.DISCARDED_AFTER_LOOKUP in lookup.reasons


def test_rule_6_each_retention_names_its_reason() -> None:
    reasons = {
        retention: contact_risk(person(), kept_as(US, retention), keeps_non_users=True).reasons
        for retention in (Retention.STORED_CLEAR, Retention.STORED_HASHED, Retention.DISCARDED)
    }
    assert reasons == {
        Retention.STORED_CLEAR: (RiskReason.THIRD_COUNTRY, RiskReason.KEPT_IN_CLEAR),
        Retention.STORED_HASHED: (RiskReason.THIRD_COUNTRY, RiskReason.KEPT_HASHED),
        Retention.DISCARDED: (RiskReason.THIRD_COUNTRY, RiskReason.DISCARDED_AFTER_LOOKUP),
    }


def test_rule_6_a_discarded_lookup_still_counts_as_a_transfer() -> None:
    risk = contact_risk(person(), kept_as(DE, Retention.DISCARDED), keeps_non_users=False)
    assert risk.level is RiskLevel.LOW
