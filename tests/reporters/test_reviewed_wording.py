"""What the German review of the reports asked for, in the rendered reports (not only in the catalog)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from reporter_builders import ERIKA, YUKI

from scanner.core.messengers import list_profiles, load_profile
from scanner.core.risk import RiskReason
from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate
from scanner.reporters import risk_rules
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.messenger_list import render_table
from scanner.reporters.wording import date_text, datetime_text


def _table(result: ScanResult, language: Language, width: int = 100) -> str:
    return reporter_for(OutputFormat.TABLE)(result, ReportView(language, width=width, timezone=datetime.UTC))


@pytest.mark.parametrize("language", list(Language))
def test_levels_are_written_the_same_way_everywhere(full_result: ScanResult, language: Language) -> None:
    text = _table(full_result, language)
    for level in ("none", "low", "medium", "high", "critical"):
        label = translate(f"risk.level.{level}", language)
        assert label.upper() not in text.split(), f"{label.upper()} shouted beside lower-case levels"
    assert translate("risk.level.critical", language) in text


@pytest.mark.parametrize("language", list(Language))
def test_every_report_ends_with_the_not_legal_advice_note(full_result: ScanResult, language: Language) -> None:
    note = translate("report.note.not_legal_advice", language)
    flat = " ".join(_table(full_result, language, width=400).split())
    assert flat.endswith(note)
    assert " ".join(risk_rules.render(language, width=400).split()).endswith(note)


def test_the_summary_marks_an_upper_bound_as_the_comparison_does(result_of: Callable[..., ScanResult]) -> None:
    with_fallback = _table(result_of([ERIKA, YUKI]), Language.DE)
    estimate_line = next(line for line in with_fallback.splitlines() if line.startswith("Geschätzte Nichtnutzer"))
    assert re.search(r"≤ \d+,\d", estimate_line), estimate_line
    without = _table(result_of([ERIKA]), Language.DE)
    estimate_line = next(line for line in without.splitlines() if line.startswith("Geschätzte Nichtnutzer"))
    assert "≤" not in estimate_line


@pytest.mark.parametrize("language", list(Language))
def test_the_expected_value_and_the_count_of_likely_non_users_are_told_apart(
    full_result: ScanResult, language: Language
) -> None:
    flat = " ".join(_table(full_result, language, width=400).split())
    likely = dict(full_result.overall.reasons)[RiskReason.LIKELY_NON_USER]
    assert ("Erwartungswert" if language is Language.DE else "expected value") in flat
    assert f"({likely})" in flat


def test_disputed_names_are_explained_where_they_appear(full_result: ScanResult) -> None:
    flat = " ".join(_table(full_result, Language.DE, width=400).split())
    assert "Namen: 5 (umstritten)" in flat
    assert "Namen „umstritten“: Die Quellen widersprechen sich" in flat
    assert "Beschluss vom 15.05.2017 (F 120/17 EASO)" in flat


def test_the_percentage_says_it_is_the_confidence_of_the_classification(full_result: ScanResult) -> None:
    assert re.search(r"Sicherheit der Einstufung: \d+\u00a0%", _table(full_result, Language.DE))
    assert re.search(r"classification confidence: \d+\u00a0%", _table(full_result, Language.EN))


def test_dates_and_times_are_written_as_the_reader_writes_them() -> None:
    moment = datetime.datetime(2026, 12, 1, 22, 43, tzinfo=datetime.UTC)
    berlin = datetime.timezone(datetime.timedelta(hours=1))
    assert datetime_text(moment, Language.DE, berlin) == "01.12.2026, 23:43 Uhr"
    assert datetime_text(moment, Language.EN, berlin) == "1 December 2026, 23:43"
    assert date_text(datetime.date(2026, 3, 1), Language.DE) == "01.03.2026"


def test_the_header_shows_the_scan_time_in_the_readers_zone(full_result: ScanResult) -> None:
    berlin = datetime.timezone(datetime.timedelta(hours=1))
    text = reporter_for(OutputFormat.TABLE)(full_result, ReportView(Language.DE, timezone=berlin))
    assert "Geprüft                     01.03.2026, 10:30 Uhr (Stichtag für das Alter: 01.03.2026)" in text


def test_field_statuses_agree_with_the_plural_field_names() -> None:
    profiles = [load_profile(name) for name in list_profiles()]
    text = render_table(profiles, Language.DE, width=200, color=False)
    lines = [line for line in text.splitlines() if line.startswith(("Telefonnummern", "Namen", "E-Mail-Adressen"))]
    assert lines
    assert not [line for line in lines if " wird " in line or " es " in line]


def test_one_contact_read_is_singular(result_of: Callable[..., ScanResult]) -> None:
    assert "1 (1 contact read, 0 rejected)" in _table(result_of([ERIKA]), Language.EN)
    assert "1 (1 Kontakt gelesen, 0 abgelehnt)" in _table(result_of([ERIKA]), Language.DE)
