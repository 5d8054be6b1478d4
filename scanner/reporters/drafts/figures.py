"""The values the drafts' placeholders take: figures the scan computed and the messenger profile's facts, in words."""

from __future__ import annotations

from typing import Any

from scanner.core.messengers import Fact, UploadField, is_eea
from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.messenger_list import value_text
from scanner.reporters.view import ReportView
from scanner.reporters.wording import (
    country_name,
    date_text,
    decimal,
    field_label,
    field_marker,
    level_label,
    marker_label,
)


def figures(result: ScanResult, view: ReportView) -> dict[str, str]:
    """``{placeholder: text}`` for every placeholder a draft may use; unknown ones are a programming error."""
    lang, summary, profile = view.language, result.summary, result.messenger
    people = result.people_summary.figures
    return {
        "client": view.client.strip() or translate("drafts.fill.client", lang),
        "consultant": view.consultant.strip() or translate("drafts.fill.consultant", lang),
        "date": _day(result, view),
        "scan_day": _day(result, view),
        "checked": profile.checked.isoformat(),
        "version": result.tool_version,
        "messenger": profile.display_name,
        "operator": _marked(value_text(profile.operator, lang), profile.operator.confirmed, lang),
        "eu_entity": _eu_entity(result, lang),
        "destinations": _marked(value_text(profile.destinations, lang), profile.destinations.confirmed, lang),
        "third_countries": _third_countries(result, lang),
        "transfer_basis": _fact(profile.transfer_basis, lang),
        "fields": _fields(result, lang),
        "non_users_handling": _fact(profile.non_users, lang),
        "frequency": _fact(profile.frequency, lang),
        "activation": _fact(profile.activation, lang),
        "hashing": _fact(profile.hashing, lang),
        "files": str(len(result.files)),
        "cards": str(summary.cards_found),
        "contacts": str(summary.contacts),
        "rejected": str(summary.rejected),
        "business": str(summary.business),
        "private": str(summary.private),
        "unknown": str(summary.unknown),
        "persons": str(people.uploaded),
        "third_country_persons": str(people.third_country),
        "unprotected": str(people.unprotected),
        "private_exposed": str(people.private_exposed),
        "minors_exposed": str(people.minors_exposed),
        "special_exposed": str(people.special_exposed),
        "non_users": ("≤ " if people.non_user_fallbacks else "") + decimal(people.estimated_non_users, lang),
        "level": level_label(result.overall.level, lang),
    }


def _day(result: ScanResult, view: ReportView) -> str:
    return date_text(result.scanned_at.astimezone(view.timezone).date(), view.language)


def _marked(text: str, confirmed: bool, lang: Language) -> str:
    return text if confirmed else f"{text} ({marker_label('unconfirmed', lang)})"


def _fact(fact: Fact[Any], lang: Language) -> str:
    return _marked(value_text(fact, lang), fact.confirmed, lang)


def _eu_entity(result: ScanResult, lang: Language) -> str:
    entity = result.messenger.eu_entity
    if entity is None:
        return translate("messenger.eu_entity_not_named", lang)
    return _marked(value_text(entity, lang), entity.confirmed, lang)


def _third_countries(result: ScanResult, lang: Language) -> str:
    codes = result.messenger.destinations.value
    if codes is None:
        return country_name(None, lang)
    outside = [country_name(code, lang) for code in codes if not is_eea(code)]
    return ", ".join(outside) or translate("drafts.value.no_third_country", lang)


def _fields(result: ScanResult, lang: Language) -> str:
    """The fields the profile lets leave the phone, with how many persons each concerns and its doubt."""
    parts = []
    for field in UploadField:
        fact = result.messenger.fields.get(field)
        if not fact.value.may_leave_phone:
            continue
        count = result.people_summary.figures.fields.get(field.value, 0)
        marker = field_marker(fact)
        label = f"{field_label(field, lang)} ({count})"
        parts.append(f"{label}, {marker_label(marker, lang)}" if marker else label)
    return "; ".join(parts) or translate("report.value.nothing", lang)
