"""Helpers for classifier tests: fictional vCards read through the real reader."""

from __future__ import annotations

import datetime

from scanner.core.classification import Classification, ClassificationRules, classify, load_rules
from scanner.core.model import Contact
from scanner.core.reading import read_bytes

TODAY = datetime.date(2026, 11, 25)


def contact_from(*lines: str, version: str = "3.0") -> Contact:
    """One contact from vCard property lines (BEGIN, VERSION and END are added)."""
    text = "\r\n".join(("BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD")) + "\r\n"
    (contact,) = read_bytes(text.encode("utf-8"), path="test.vcf")
    assert isinstance(contact, Contact)
    return contact


def classify_lines(*lines: str, rules: ClassificationRules | None = None, version: str = "3.0") -> Classification:
    return classify(contact_from(*lines, version=version), rules or default_rules(), today=TODAY)


def default_rules() -> ClassificationRules:
    return load_rules()


def codes(result: Classification) -> set[str]:
    return {item.code for item in result.evidence}


def params_of(result: Classification, code: str) -> dict[str, str]:
    return next(item.params_dict() for item in result.evidence if item.code == code)
