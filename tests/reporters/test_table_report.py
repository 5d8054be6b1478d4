"""The terminal summary: every section, in German and English, readable at 80 and 120 columns."""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Callable
from importlib import resources

import pytest
from reporter_builders import ERIKA, YUKI, Person, phone

from scanner.core.messengers import list_profiles, load_profile
from scanner.core.scan import ScanResult
from scanner.i18n import Language, message_keys, translate
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.table_contacts import RISKIEST_SHOWN
from scanner.reporters.wording import country_name


def _table(result: ScanResult, language: Language = Language.DE, width: int = 100, **view: bool) -> str:
    return reporter_for(OutputFormat.TABLE)(result, ReportView(language, width=width, **view))


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("language", list(Language))
def test_lines_fit_the_width(full_result: ScanResult, language: Language, width: int) -> None:
    lines = _table(full_result, language, width).splitlines()
    assert max(len(line) for line in lines) <= width


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (Language.DE, ["Adressbuch", "Was das Telefon verlässt", "Gesamtrisiko", "kritisch", "Was zu tun ist",
                       "Andere Messenger im Vergleich", "Kontakte mit dem höchsten Risiko", "Namen: 5 (umstritten)",
                       "USA: 5", "1,6"]),
        (Language.EN, ["Address book", "What leaves the phone", "Overall risk", "critical", "What to do",
                       "Other messengers compared", "Contacts at highest risk", "names: 5 (disputed)", "USA: 5",
                       "1.6"]),
    ],
)  # fmt: skip
def test_sections_in_each_language(full_result: ScanResult, language: Language, expected: list[str]) -> None:
    text = _table(full_result, language, width=120)
    missing = [phrase for phrase in expected if phrase not in text]
    assert missing == []


def test_header_names_messenger_operator_date_and_files(full_result: ScanResult) -> None:
    text = _table(full_result, Language.EN, timezone=datetime.UTC)
    assert "contactleak 0.1.0" in text
    assert "WhatsApp LLC (Meta)" in text
    assert "Ireland, USA" in text
    assert "1 March 2026, 09:30 (ages as of 1 March 2026)" in text
    assert "1 read" in text
    assert "7 (6 contacts read, 1 rejected)" in text


def test_counts_and_exposure(full_result: ScanResult) -> None:
    text = _table(full_result, Language.EN, width=120)
    assert "2 / 4 / 0" in text
    assert "phone numbers: 5, names: 5 (disputed)" in text
    assert "Special categories (Art. 9)  1 of 1 uploaded" in text
    assert "for 1 person there is no usage figure" in text


def test_no_fallback_note_when_every_country_had_figures(result_of: Callable[..., ScanResult]) -> None:
    assert "no usage figure" not in _table(result_of([ERIKA]), Language.EN)
    assert "no usage figure" in _table(result_of([ERIKA, YUKI]), Language.EN)


def test_reasons_and_advice_are_listed(full_result: ScanResult) -> None:
    text = _table(full_result, Language.EN, width=120)
    assert "- private contact on a business phone: 4" in text
    assert "1. " + translate("advice.remove_special_categories", Language.EN)[:40] in text


def test_unconfirmed_profiles_are_marked(full_result: ScanResult) -> None:
    text = _table(full_result, Language.DE, width=120)
    assert "Viber *" in text
    assert "Threema *" not in text
    assert "unbestätigte Angaben" in text


def test_riskiest_contacts_are_capped_and_the_rest_counted(result_of: Callable[..., ScanResult]) -> None:
    people = [Person(f"Person Nummer{index}", (phone(f"+49151000000{index:02d}", "DE"),)) for index in range(12)]
    text = _table(result_of(people), Language.EN, width=120)
    assert "c_000000000000000b" not in text
    assert f"Shown: the {RISKIEST_SHOWN} riskiest of 12 people with a risk above" in text


def test_empty_scan_says_so(empty_result: ScanResult) -> None:
    text = _table(empty_result, Language.EN)
    assert translate("report.note.no_contacts", Language.EN) in text
    assert "What leaves the phone" not in text
    assert translate("advice.nothing_to_do", Language.EN)[:30] in text


def test_rejected_cards_point_to_stderr(rejected_only_result: ScanResult) -> None:
    assert "Cards rejected: 1. File, line and reason are listed on standard error" in _table(
        rejected_only_result, Language.EN, width=120
    )


def test_masking_is_announced(full_result: ScanResult) -> None:
    assert "--show-pii" in _table(full_result, Language.EN)
    assert "contains personal data" in _table(full_result, Language.EN, show_pii=True)


def test_every_report_text_exists_in_both_languages() -> None:
    catalog = tomllib.loads((resources.files("scanner.i18n") / "messages" / "report.toml").read_text("utf-8"))
    incomplete = [key for key, texts in _messages(catalog) if set(texts) != {"de", "en"} or not all(texts.values())]
    assert incomplete == []
    assert sum(1 for _ in _messages(catalog)) > 90


def test_every_packaged_destination_has_a_country_name() -> None:
    codes = {code for name in list_profiles() for code in load_profile(name).destinations.value or ()}
    assert {"US", "IE", "CH"} <= codes
    assert [code for code in sorted(codes) if f"report.country.{code}" not in message_keys()] == []
    assert country_name("CH", Language.DE) == "Schweiz"
    assert country_name("ZZ", Language.DE) == "ZZ"


def _messages(table: dict[str, object], prefix: str = "") -> list[tuple[str, dict[str, str]]]:
    """Every leaf table (one message) with its dotted key; a leaf has only string values."""
    children = {name: value for name, value in table.items() if isinstance(value, dict)}
    if not children:
        return [(prefix, {name: str(value) for name, value in table.items()})]
    return [item for name, child in children.items() for item in _messages(child, f"{prefix}.{name}".strip("."))]
