"""Personal data is masked in every output unless the view reveals it, and appears whole when it does."""

from __future__ import annotations

import html
import json
import re

import pytest
from reporter_builders import PEOPLE, phone

from scanner.core.model import Phone, PhoneType
from scanner.core.scan import ScanResult
from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.masking import mask_email, mask_name, mask_phone
from scanner.reporters.table_contacts import riskiest


def test_phone_keeps_country_code_and_last_two_digits() -> None:
    assert mask_phone(phone("+4915228817967", "DE")) == "+49 ••• •• 67"
    assert mask_phone(phone("+12025550143", "US")) == "+1 ••• •• 43"


def test_unparseable_phone_keeps_only_last_two_digits() -> None:
    assert mask_phone(Phone("12-34-5678", None, None, PhoneType.UNKNOWN, valid=False)) == "••• •• 78"


def test_short_number_shows_no_digits() -> None:
    assert mask_phone(Phone("112", None, None, PhoneType.UNKNOWN, valid=False)) == "•••"


def test_name_becomes_initials() -> None:
    assert mask_name("Erika Mustermann") == "E. M."
    assert mask_name("  élise  von der Heide ") == "É. V. D. H."
    assert mask_name("") == ""


def test_name_made_of_a_number_shows_no_digits() -> None:
    assert mask_name("+49 151 1234567") == "•••"


def test_email_keeps_only_the_domain() -> None:
    assert mask_email("erika.privat@gmx.de") == "•••@gmx.de"
    assert mask_email("no-at-sign") == "•••"


def _secrets() -> list[str]:
    """Everything personal in the built contacts: full numbers, e-mail local parts, names and their words, UIDs."""
    found: list[str] = []
    for person in PEOPLE:
        found.append(person.name)
        found.extend(word for word in person.name.split() if len(word) > 3)
        found.extend(p.e164 or p.raw for p in person.phones)
        found.extend((p.e164 or p.raw).lstrip("+") for p in person.phones)
        found.extend(address.partition("@")[0] for address in person.emails)
        found.extend([person.uid] if person.uid else [])
    return found


# Formats that list every contact; the others list the riskiest.
_EVERY_CONTACT = (OutputFormat.JSON, OutputFormat.CSV)


def readable(text: str, output_format: OutputFormat) -> str:
    """The text as a reader sees it: HTML entities decoded, Markdown backslash escapes removed."""
    if output_format is OutputFormat.HTML:
        return html.unescape(text)
    if output_format is OutputFormat.MARKDOWN:
        return re.sub(r"\\(.)", r"\1", text)
    return text


@pytest.mark.parametrize("output_format", list(OutputFormat))
@pytest.mark.parametrize("language", list(Language))
def test_default_output_holds_no_personal_data(
    output_format: OutputFormat, language: Language, full_result: ScanResult
) -> None:
    text = readable(reporter_for(output_format)(full_result, ReportView(language, width=120)), output_format)
    leaked = [secret for secret in _secrets() if secret in text]
    assert leaked == []


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_show_pii_reveals_names_numbers_and_emails(output_format: OutputFormat, full_result: ScanResult) -> None:
    text = readable(reporter_for(output_format)(full_result, ReportView(Language.DE, show_pii=True, width=200)),
                    output_format)  # fmt: skip
    # The terminal, HTML and Markdown list only contacts at risk; the organisation's switchboard is not among them.
    listed = full_result.findings if output_format in _EVERY_CONTACT else tuple(riskiest(full_result))
    assert len(listed) >= len(PEOPLE) - 1
    for finding in listed:
        assert finding.display_name in text
        assert all((p.e164 or p.raw) in text for p in finding.phones)
        assert all(address in text for address in finding.emails)


def test_json_uid_is_null_unless_shown(full_result: ScanResult) -> None:
    masked = json.loads(reporter_for(OutputFormat.JSON)(full_result, ReportView(Language.EN)))
    shown = json.loads(reporter_for(OutputFormat.JSON)(full_result, ReportView(Language.EN, show_pii=True)))
    assert [c["uid"] for c in masked["contacts"]] == [None] * len(PEOPLE)
    assert shown["contacts"][0]["uid"] == PEOPLE[0].uid
    assert masked["masked"] is True
    assert shown["masked"] is False


def test_json_masks_each_contact_field(full_result: ScanResult) -> None:
    erika = json.loads(reporter_for(OutputFormat.JSON)(full_result, ReportView(Language.EN)))["contacts"][0]
    assert erika["display_name"] == "E. M."
    assert erika["phones"][0]["number"] == "+49 ••• •• 67"
    assert erika["emails"] == ["•••@gmx.de"]
