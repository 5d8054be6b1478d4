"""The JSON report, schema_version 2 (``schema/report-v2.schema.json``): the contract scripts are written against.

Fields are only ever added within a schema version, never removed or renamed. Personal data is masked as in the
terminal summary unless the view reveals it; ``masked`` says which.
"""

from __future__ import annotations

import json
from typing import Any

from scanner.core.messengers import MessengerProfile, UploadField
from scanner.core.model import FileReport
from scanner.core.people_summary import PeopleFigures, PeopleSummary
from scanner.core.remediation.compare import BeforeAfter
from scanner.core.risk import REASON_WEIGHT, RiskLevel
from scanner.core.scan import AlternativeExposure, ScanResult, SourceRisk
from scanner.core.summary import ScanSummary
from scanner.i18n import translate
from scanner.reporters import classification_context
from scanner.reporters.cloud_sync import cloud_sync_json
from scanner.reporters.inert_text import escape_json_text
from scanner.reporters.json_contacts import contact, person, rejection
from scanner.reporters.view import ReportView, with_known_domains
from scanner.reporters.wording import reason_short

SCHEMA_VERSION = 2
TOOL_NAME = "contactleak"


def render(result: ScanResult, view: ReportView) -> str:
    dumped = json.dumps(document(result, view), ensure_ascii=False, indent=2)
    return escape_json_text(dumped) + "\n"


def document(result: ScanResult, view: ReportView) -> dict[str, Any]:
    """The report as plain data, before it is written as JSON text."""
    view = with_known_domains(view, result.known_email_domains)
    risks = {source.path: source for source in result.source_risks}
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": result.tool_version},
        "messenger": result.messenger.id,
        "scanned_at": result.scanned_at.isoformat(),
        "today": result.today.isoformat(),
        "language": view.language.value,
        "masked": not view.show_pii,
        "contacts_complete": result.findings_complete,
        "messenger_profile": _profile(result.messenger),
        "summary": _summary(result, view),
        "sources": [_source(report, risks.get(report.path)) for report in result.files],
        "contacts": [contact(finding, view) for finding in result.findings],
        "rejected": [rejection(item) for item in result.rejections],
        "people": [person(record) for record in result.people.records()],
        "alternatives": [_alternative(other) for other in result.alternatives],
        "classification_context": classification_context.document_json(result, view.language),
        "advice": [{"code": a.value, "text": translate(f"advice.{a.value}", view.language)} for a in result.advice],
        **({"comparison": _comparison(view.before_after)} if view.before_after is not None else {}),
    }


def _comparison(shown: BeforeAfter) -> dict[str, Any]:
    """Before and after (``compare -f json``, ``scan --compare-with``): people, as in ``summary.people``."""
    comparison = shown.comparison
    return {
        "before": shown.before_label,
        "after": shown.after_label,
        "measures": {
            change.measure.value: {"before": change.before, "after": change.after, "change": change.difference}
            for change in comparison.changes()
        },
        "risk": {"before": comparison.before.level.value, "after": comparison.after.level.value},
        "messengers": [
            {
                "messenger": name,
                "people_uploaded_before": was.uploaded if was else None,
                "people_uploaded_after": now.uploaded if now else None,
                "risk_before": was.level.value if was else None,
                "risk_after": now.level.value if now else None,
            }
            for name, was, now in comparison.messengers()
        ],
    }


def _profile(profile: MessengerProfile) -> dict[str, Any]:
    destinations = profile.destinations.value
    return {
        "id": profile.id,
        "display_name": profile.display_name,
        "operator": profile.operator.value,
        "eu_entity": profile.eu_entity.value if profile.eu_entity is not None else None,
        "destinations": list(destinations) if destinations is not None else None,
        "fields": {field.value: profile.fields.get(field).value.value for field in UploadField},
        "unconfirmed_facts": list(profile.unconfirmed()),
        "retention": profile.retention.value.value,
        "transfer_basis": profile.transfer_basis.value.value,
    }


def _summary(result: ScanResult, view: ReportView) -> dict[str, Any]:
    summary, reasons = result.summary, result.overall.reasons
    return {
        **_counts(summary),
        "estimated_non_users": summary.estimated_non_users,
        "non_user_fallbacks": result.summary.non_user_fallbacks,
        "risk": result.overall.level.value,
        "risk_reasons": [reason_short(reason, view.language) for reason, _ in reasons],
        "risk_reason_codes": [reason.value for reason, _ in reasons],
        "risk_reason_counts": {reason.value: count for reason, count in reasons},
        "risk_levels": dict(summary.risk_levels),
        "people": _people(result.people_summary),
        "cloud_sync": cloud_sync_json(result),
    }


def _people(people: PeopleSummary) -> dict[str, Any]:
    figures = people.figures
    return {
        "people": people.people,
        "entries": people.entries,
        "phones": people.phones,
        "on_several_phones": people.on_several_phones,
        "minors": people.minors,
        "special_categories": people.special_categories,
        "uploaded": figures.uploaded,
        "third_country": figures.third_country,
        "unprotected": figures.unprotected,
        "private_exposed": figures.private_exposed,
        "minors_exposed": figures.minors_exposed,
        "special_category_exposed": figures.special_exposed,
        "estimated_non_users": figures.estimated_non_users,
        "non_user_fallbacks": figures.non_user_fallbacks,
        "risk": figures.level.value,
        "risk_levels": dict(figures.levels),
        "risk_reason_counts": _reason_counts(figures),
    }


def _reason_counts(figures: PeopleFigures) -> dict[str, int]:
    return {reason.value: figures.reasons[reason] for reason in REASON_WEIGHT if figures.reasons.get(reason)}


def _counts(summary: ScanSummary) -> dict[str, Any]:
    return {
        "cards_found": summary.cards_found,
        "contacts": summary.contacts,
        "rejected": summary.rejected,
        "business": summary.business,
        "private": summary.private,
        "unknown": summary.unknown,
        "natural_persons": summary.natural_persons,
        "minors": summary.minors,
        "special_category_contacts": summary.special_category_contacts,
        "uploaded_contacts": summary.uploaded_contacts,
        "third_parties_exposed": summary.third_parties_exposed,
        "third_country_persons": summary.third_country_persons,
        "unprotected_persons": summary.unprotected_persons,
        "private_persons_exposed": summary.private_persons_exposed,
        "minors_exposed": summary.minors_exposed,
        "special_category_exposed": summary.special_category_exposed,
        "destinations": dict(summary.destinations),
        "fields_exposed": dict(summary.fields_exposed),
    }


def _source(report: FileReport, risk: SourceRisk | None) -> dict[str, Any]:
    return {
        "path": report.path,
        "cards_found": report.cards_found,
        "contacts": report.contacts,
        "rejected": report.rejected,
        "problem": report.problem.value if report.problem is not None else None,
        "third_parties_exposed": risk.persons_exposed if risk else 0,
        "private_persons_exposed": risk.private_persons if risk else 0,
        "minors_exposed": risk.minors if risk else 0,
        "special_category_exposed": risk.special_category_persons if risk else 0,
        "risk": (risk.level if risk else RiskLevel.NONE).value,
    }


def _alternative(other: AlternativeExposure) -> dict[str, Any]:
    return {
        "messenger": other.profile.id,
        "display_name": other.profile.display_name,
        "persons_uploaded": other.persons_uploaded,
        "unprotected_persons": other.unprotected_persons,
        "estimated_non_users": other.estimated_non_users,
        "non_user_fallbacks": other.non_user_fallbacks,
        "activation": other.profile.activation.value.value,
        "risk": other.level.value,
        "people_uploaded": other.people_figures.uploaded,
        "people_unprotected": other.people_figures.unprotected,
        "people_estimated_non_users": other.people_figures.estimated_non_users,
        "people_non_user_fallbacks": other.people_figures.non_user_fallbacks,
        "people_risk": other.people_figures.level.value,
        "unconfirmed_facts": list(other.profile.unconfirmed()),
        "retention": other.profile.retention.value.value,
        "transfer_basis": other.profile.transfer_basis.value.value,
        "transfer_reason_codes": [reason.value for reason in other.transfer_reasons],
    }
