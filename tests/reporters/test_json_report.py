"""The JSON report keeps contract schema_version 2 and validates against the packaged schema for any scan."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from scanner.core.scan import ScanResult
from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.schema import load_report_schema

CONTRACT_TOP = {"schema_version", "tool", "messenger", "scanned_at", "summary", "sources", "contacts", "rejected"}
CONTRACT_SUMMARY = {
    "cards_found", "contacts", "rejected", "business", "private", "unknown", "natural_persons", "minors",
    "special_category_contacts", "uploaded_contacts", "third_parties_exposed", "destinations", "fields_exposed",
    "estimated_non_users", "risk", "risk_reasons",
}  # fmt: skip
CONTRACT_CONTACT = {
    "source", "index", "line", "uid", "id", "display_name", "classification", "confidence", "reasons",
    "natural_person", "minor", "special_categories", "phones", "uploaded", "uploaded_fields", "destination",
    "non_user_probability", "risk",
}  # fmt: skip


def _report(result: ScanResult, language: Language = Language.EN, show_pii: bool = False) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(reporter_for(OutputFormat.JSON)(result, ReportView(language, show_pii)))
    return document


def _validate(document: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(load_report_schema(), format_checker=jsonschema.FormatChecker())
    validator.validate(document)


@pytest.mark.parametrize("name", ["empty_result", "rejected_only_result", "full_result"])
@pytest.mark.parametrize("show_pii", [False, True])
def test_report_validates_against_schema(name: str, show_pii: bool, request: pytest.FixtureRequest) -> None:
    for language in Language:
        _validate(_report(request.getfixturevalue(name), language, show_pii))


def test_schema_refuses_what_scripts_must_not_get(full_result: ScanResult) -> None:
    document = _report(full_result)
    document["contacts"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        _validate(document)
    del document["contacts"][0]["surprise"]
    document["summary"]["risk"] = "apocalyptic"
    with pytest.raises(jsonschema.ValidationError):
        _validate(document)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_unknown_schema_version_is_refused() -> None:
    with pytest.raises(ValueError, match="schema_version 1"):
        load_report_schema(1)


def test_contract_fields_are_all_present(full_result: ScanResult) -> None:
    document = _report(full_result)
    assert document.keys() >= CONTRACT_TOP
    assert document["summary"].keys() >= CONTRACT_SUMMARY
    assert all(contact.keys() >= CONTRACT_CONTACT for contact in document["contacts"])
    assert document["schema_version"] == 2
    assert document["tool"] == {"name": "contactleak", "version": "0.1.0"}
    assert document["messenger"] == "whatsapp"
    assert document["scanned_at"] == "2026-03-01T09:30:00+00:00"


def test_counts_add_up_and_match_the_result(full_result: ScanResult) -> None:
    summary = _report(full_result)["summary"]
    assert summary["cards_found"] == summary["contacts"] + summary["rejected"] == 7
    assert (summary["business"], summary["private"], summary["unknown"]) == (2, 4, 0)
    assert summary["destinations"] == {"US": 5}
    assert summary["fields_exposed"] == {"name": 5, "phone": 5}
    assert summary["risk"] == "critical"
    assert summary["non_user_fallbacks"] == 1


def test_contacts_keep_source_location_and_exposure(full_result: ScanResult) -> None:
    contacts = _report(full_result)["contacts"]
    lena = contacts[1]
    assert (lena["source"], lena["index"], lena["line"]) == ("phone.vcf", 1, 7)
    assert lena["id"] == "c_0000000000000001"
    assert lena["minor"] is True
    assert lena["risk"] == "critical"
    assert lena["risk_reason_codes"] == ["third_country", "kept_in_clear", "private_contact", "minor"]
    assert lena["uploaded_field_status"] == {"phone": "yes", "name": "disputed"}
    assert lena["phones"] == [
        {"number": "+49 ••• •• 32", "country": "DE", "type": "mobile", "valid": True, "region_source": None}
    ]
    assert contacts[4]["natural_person"] is False
    assert contacts[4]["risk"] == "none"


def test_readable_reasons_follow_the_language(full_result: ScanResult) -> None:
    german = _report(full_result, Language.DE)["summary"]
    english = _report(full_result, Language.EN)["summary"]
    assert german["risk_reason_codes"] == english["risk_reason_codes"]
    assert "minderjährig" in german["risk_reasons"]
    assert "minor" in english["risk_reasons"]


def test_rejections_and_sources_are_listed(rejected_only_result: ScanResult) -> None:
    document = _report(rejected_only_result)
    assert document["rejected"] == [{"source": "phone.vcf", "index": 6, "line": 37, "reason": "empty_card"}]
    assert document["sources"] == [
        {
            "path": "phone.vcf",
            "cards_found": 1,
            "contacts": 0,
            "rejected": 1,
            "problem": None,
            "third_parties_exposed": 0,
            "private_persons_exposed": 0,
            "minors_exposed": 0,
            "special_category_exposed": 0,
            "risk": "none",
        }
    ]
    assert document["contacts"] == []
    assert document["summary"]["risk"] == "none"


def test_alternatives_mark_unconfirmed_profiles(full_result: ScanResult) -> None:
    alternatives = {item["messenger"]: item for item in _report(full_result)["alternatives"]}
    assert alternatives["threema"]["unconfirmed_facts"] == []
    assert "destinations" in alternatives["viber"]["unconfirmed_facts"]
    assert alternatives["viber"]["risk"] == "critical"
