"""Texts both reporters share: labels for levels, reasons, categories, fields, countries and profile facts."""

from __future__ import annotations

import datetime

from scanner.core.classification.result import Category, Evidence
from scanner.core.messengers import Fact, FieldStatus, UploadField, fact_label_key
from scanner.core.risk import RiskLevel, RiskReason
from scanner.i18n import Language, message_keys, translate

UNKNOWN_COUNTRY = "unknown"


def country_name(code: str | None, lang: Language) -> str:
    """The country's name in ``lang``; a code the catalog does not name is shown as the code itself."""
    key = f"report.country.{code or UNKNOWN_COUNTRY}"
    return translate(key, lang) if key in message_keys() else str(code)


def destinations_text(destinations: dict[str, int], lang: Language) -> str:
    return ", ".join(f"{country_name(code, lang)}: {count}" for code, count in destinations.items())


def level_label(level: RiskLevel, lang: Language) -> str:
    return translate(f"risk.level.{level.value}", lang)


def reason_short(reason: RiskReason, lang: Language) -> str:
    return translate(f"risk.reason.{reason.value}.short", lang)


def evidence_text(evidence: Evidence, lang: Language) -> str:
    """The evidence in words; a param ``<name>_key`` is a message key, filled in as ``<name>`` in ``lang``."""
    params = {
        name.removesuffix("_key"): translate(value, lang) if name.endswith("_key") else value
        for name, value in evidence.params_dict().items()
    }
    return translate(f"evidence.{evidence.code}", lang, **params)


def category_label(category: Category, lang: Language) -> str:
    return translate(f"report.category.{category.value}", lang)


def field_label(field: UploadField | str, lang: Language) -> str:
    return translate(f"report.field.{field}", lang)


def field_marker(fact: Fact[FieldStatus]) -> str | None:
    """``disputed`` or ``unconfirmed`` when the profile does not state the field as certain, else None."""
    if fact.value is FieldStatus.DISPUTED:
        return FieldStatus.DISPUTED.value
    if fact.value is FieldStatus.UNCONFIRMED or not fact.confirmed:
        return FieldStatus.UNCONFIRMED.value
    return None


def marker_label(marker: str, lang: Language) -> str:
    return translate(f"report.status.{marker}", lang)


def fact_label(name: str, lang: Language) -> str:
    """A profile fact's name as ``MessengerProfile.facts`` gives it (``fields.name``, ``notes.2``), in words."""
    return translate(fact_label_key(name), lang)


def decimal(value: float, lang: Language) -> str:
    """One decimal, with a decimal comma in German."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang is Language.DE else text


def date_text(day: datetime.date, lang: Language) -> str:
    """``01.12.2026`` in German, ``1 December 2026`` in English."""
    month_name = translate("report.format.months", lang).split()[day.month - 1]
    return translate("report.format.date", lang, day=day.day, month=day.month, year=day.year, month_name=month_name)


def datetime_text(moment: datetime.datetime, lang: Language, zone: datetime.tzinfo | None = None) -> str:
    """``01.12.2026, 23:43 Uhr`` in the reader's time zone (the system's local zone unless ``zone`` is given)."""
    local = moment.astimezone(zone)
    return translate("report.format.datetime", lang, date=date_text(local.date(), lang), hour=local.hour,
                     minute=local.minute)  # fmt: skip
