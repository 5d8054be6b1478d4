"""One contact, one person and one rejected card as JSON objects of the report (schema_version 2), masked."""

from __future__ import annotations

from typing import Any

from scanner.core.model import Phone, Rejection
from scanner.core.people_summary import CardPlace, PersonRecord
from scanner.core.scan import ContactFinding
from scanner.reporters.masking import shown_email, shown_name, shown_phone
from scanner.reporters.view import ReportView
from scanner.reporters.wording import evidence_text


def contact(finding: ContactFinding, view: ReportView) -> dict[str, Any]:
    classification = finding.classification
    return {
        "source": finding.source.path,
        "index": finding.source.index,
        "line": finding.source.line,
        "uid": finding.uid if view.show_pii else None,
        "id": finding.pseudonym,
        "display_name": shown_name(finding.display_name, view.show_pii),
        "classification": classification.category.value,
        "confidence": classification.confidence,
        "reasons": [evidence_text(evidence, view.language) for evidence in classification.evidence],
        "reason_codes": [evidence.code for evidence in classification.evidence],
        "natural_person": classification.natural_person,
        "minor": classification.minor,
        "special_categories": [category.value for category in classification.special_categories],
        "organisation_special_categories": [category.value for category in classification.organisation_special],
        "decided_by": classification.decided_by.value,
        "phones": [_phone(phone, view) for phone in finding.phones],
        "emails": [shown_email(address, view.show_pii) for address in finding.emails],
        **_exposure(finding),
        "risk": finding.risk.level.value,
        "risk_reason_codes": [reason.value for reason in finding.risk.reasons],
    }


def _phone(phone: Phone, view: ReportView) -> dict[str, Any]:
    return {
        "number": shown_phone(phone, view.show_pii),
        "country": phone.region,
        "type": phone.number_type.value,
        "valid": phone.valid,
        "region_source": phone.region_source.value if phone.region_source is not None else None,
    }


def _exposure(finding: ContactFinding) -> dict[str, Any]:
    exposure = finding.exposure
    basis = exposure.penetration_basis
    return {
        "uploaded": exposure.uploaded,
        "uploaded_fields": list(exposure.field_names),
        "uploaded_field_status": {exposed.field.value: exposed.status.value for exposed in exposure.fields},
        "destination": exposure.destination,
        "third_country": exposure.third_country,
        "non_user_probability": exposure.non_user_probability,
        "non_user_basis": basis.value if basis is not None else None,
        "retention": exposure.retention.value if exposure.uploaded else None,
    }


def rejection(item: Rejection) -> dict[str, Any]:
    source = item.source
    return {"source": source.path, "index": source.index, "line": source.line, "reason": item.reason.value}


def person(record: PersonRecord) -> dict[str, Any]:
    """A person holds no personal data beyond its keyed pseudonym and where its cards are."""
    return {
        "id": record.pseudonym,
        "cards": [_place(place) for place in record.cards],
        "phones": list(record.phones),
        "classification": record.category.value,
        "classification_from": _place(record.category_from),
        "minor": record.minor,
        "minor_from": _optional_place(record.minor_from),
        "special_categories": record.special_categories,
        "special_categories_from": _optional_place(record.special_from),
        "uploaded": record.uploaded,
        "risk": record.level.value,
        "risk_reason_codes": [reason.value for reason in record.reasons],
    }


def _place(place: CardPlace) -> dict[str, Any]:
    return {"source": place.path, "index": place.index}


def _optional_place(place: CardPlace | None) -> dict[str, Any] | None:
    return None if place is None else _place(place)
