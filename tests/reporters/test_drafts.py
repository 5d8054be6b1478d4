"""The documentation drafts: one test per draft that it carries the scan's figures and the messenger's facts, in
German and English; plus what every draft shares (first-line notice, sources, valid HTML, masking, escaping)."""

from __future__ import annotations

import re
from collections.abc import Callable

import html5lib
import pytest
from reporter_builders import HANS, LENA, PEOPLE, Person, phone

from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.drafts import DraftFile, render_drafts
from scanner.reporters.view import ReportView

KEYS = ("record_of_processing", "dpia", "consent", "privacy_notice", "revocation_notice", "processing_agreement")


def _drafts(result: ScanResult, language: Language, **view: object) -> dict[str, DraftFile]:
    return {draft.key: draft for draft in render_drafts(result, ReportView(language, **view))}  # type: ignore[arg-type]


def _plain(text: str) -> str:
    """Markdown as a reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", text)


def _both(draft: DraftFile) -> tuple[str, str]:
    body = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(draft.html).find("body")
    return _plain(draft.markdown), " ".join("".join(body.itertext()).split())


def test_there_are_six_drafts_in_order(full_result: ScanResult) -> None:
    assert tuple(_drafts(full_result, Language.DE)) == KEYS


@pytest.mark.parametrize("language", list(Language))
def test_every_draft_says_first_that_it_is_a_draft_and_names_its_sources(
    full_result: ScanResult, language: Language
) -> None:
    notice = translate("drafts.notice", language, client="Kolbenring", version="0.1.0", date="x").split(" ")[0]
    for draft in _drafts(full_result, language, client="Kolbenring").values():
        markdown, html = _both(draft)
        assert draft.markdown.splitlines()[0].startswith(f"**{notice}")
        assert html.startswith(notice)
        for text in (markdown, html):
            assert "DOMAIN.md" in text and "[W1]" in text and "WhatsApp im Unternehmen" in text
            assert "Kolbenring" in text
            assert "{" not in text and "}" not in text  # every placeholder filled


def test_record_of_processing(full_result: ScanResult) -> None:
    people = full_result.people_summary.figures
    for language, words in ((Language.DE, ("Art. 30", "Empfänger")), (Language.EN, ("Art. 30", "Recipients"))):
        for text in _both(_drafts(full_result, language)["record_of_processing"]):
            assert all(word in text for word in words)
            assert f"{full_result.summary.contacts} " in text and f"{people.uploaded} " in text
            assert "WhatsApp LLC (Meta)" in text and "WhatsApp Ireland Ltd" in text
            assert translate("messenger.transfer_basis.scc", language) in text


def test_dpia_section(full_result: ScanResult) -> None:
    people = full_result.people_summary.figures
    for language in Language:
        for text in _both(_drafts(full_result, language)["dpia"]):
            assert "Art. 35" in text
            assert f"{people.unprotected} " in text and f"{people.private_exposed} " in text
            assert translate("risk.level.critical", language) in text
            assert translate("advice.protect_minors", language) in text  # the measures are the scan's advice
            assert translate("messenger.non_users.stored", language) in text


def test_dpia_lists_minors_and_art9_contacts_masked_unless_shown(full_result: ScanResult) -> None:
    masked = _both(_drafts(full_result, Language.DE)["dpia"])
    shown = _both(_drafts(full_result, Language.DE, show_pii=True)["dpia"])
    for person in (LENA, HANS):
        number = person.phones[0].e164 or ""
        assert all(person.name not in text and number not in text for text in masked)
        assert all(person.name in text and number in text for text in shown)
    assert all("L. B." in text and "+49 ••• •• 32" in text for text in masked)


def test_consent_text(full_result: ScanResult) -> None:
    for language, word in ((Language.DE, "widerrufen"), (Language.EN, "revoke")):
        for text in _both(_drafts(full_result, language, client="Salon Beispiel")["consent"]):
            assert "Salon Beispiel" in text and "WhatsApp LLC (Meta)" in text and word in text
            assert "Art. 7" in text
            assert translate("report.country.US", language) in text


def test_privacy_notice_section(full_result: ScanResult) -> None:
    for language in Language:
        for text in _both(_drafts(full_result, language)["privacy_notice"]):
            assert "Art. 6" in text and "Art. 77" in text
            assert "WhatsApp Ireland Ltd" in text
            assert translate("messenger.transfer_basis.scc", language) in text
            assert translate("report.field.phone", language) in text


def test_revocation_notice(full_result: ScanResult) -> None:
    for language, word in ((Language.DE, "Widerruf"), (Language.EN, "withdraw")):
        for text in _both(_drafts(full_result, language)["revocation_notice"]):
            assert word in text and "Art. 7" in text and "WhatsApp" in text
            assert translate("messenger.non_users.stored", language) in text


def test_processing_agreement_checklist(full_result: ScanResult) -> None:
    people = full_result.people_summary.figures
    for language in Language:
        draft = _drafts(full_result, language)["processing_agreement"]
        assert draft.markdown.count("- [ ] ") == 9
        for text in _both(draft):
            assert "Art. 28" in text and "WhatsApp LLC (Meta)" in text
            assert f"{people.private_exposed} " in text
            assert translate("messenger.activation.default_on", language) in text


def test_drafts_hold_no_personal_data_by_default(full_result: ScanResult) -> None:
    for language in Language:
        for draft in _drafts(full_result, language).values():
            for text in _both(draft):
                for person in PEOPLE:
                    assert person.name not in text
                    assert all((p.e164 or p.raw) not in text for p in person.phones)
                    assert all(address not in text for address in person.emails)


HOSTILE = "<script>alert(1)</script>[x](http://evil.example) \x1b[31m\u202egpj"


def test_hostile_names_and_client_stay_text(result_of: Callable[..., ScanResult]) -> None:
    child = Person(HOSTILE, (phone("+4917604069033", "DE"),), minor=True)
    for show_pii in (False, True):
        drafts = render_drafts(result_of([child]), ReportView(Language.EN, show_pii, client=HOSTILE))
        for draft in drafts:
            document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(draft.html)
            assert document.findall(".//script") == [] and document.findall(".//a") == []
            for text in (draft.markdown, draft.html):
                assert "\x1b" not in text and "\u202e" not in text
            assert "](http" not in draft.markdown and "<script>" not in draft.html
            assert "<script>alert(1)</script>" in "".join(document.itertext())
