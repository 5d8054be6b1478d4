"""Golden files: the whole pipeline on a small fictional export, rendered as table (de, en) and JSON.

Set ``CONTACTLEAK_UPDATE_GOLDEN=1`` to rewrite the files after an intended change; review the diff before committing.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
from pathlib import Path

import jsonschema
import pytest

from scanner.core.classification import load_rules
from scanner.core.messengers import ProfileKind, load_profile, profiles_of_kind
from scanner.core.reading_run import ReadingRun
from scanner.core.scan import ScanOptions, ScanResult, run_scan
from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.schema import load_report_schema

GOLDEN = Path(__file__).parent / "golden"
INPUT = "input.vcf"
TODAY = datetime.date(2026, 3, 1)
# run_scan takes the scan time from the clock; the golden files carry this one instead.
SCANNED_AT = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
ID_KEY = b"contactleak-golden-files"
TABLE_CONTACTS = 10  # what the CLI keeps for the terminal summary
# The table shows times in the reader's zone; fixed here (CET, as Berlin in March) for the same files everywhere.
ZONE = datetime.timezone(datetime.timedelta(hours=1))
UPDATE = os.environ.get("CONTACTLEAK_UPDATE_GOLDEN") == "1"


def _scan(monkeypatch: pytest.MonkeyPatch, keep_findings: int | None) -> ScanResult:
    monkeypatch.chdir(GOLDEN)  # the report shows the path as given: keep it the same on every machine
    options = ScanOptions(
        profile=load_profile("whatsapp"),
        rules=load_rules(),
        today=TODAY,
        id_key=ID_KEY,
        keep_findings=keep_findings,
        alternatives=profiles_of_kind(ProfileKind.MESSENGER, ProfileKind.APP),
        cloud_syncs=profiles_of_kind(ProfileKind.CLOUD_SYNC),
    )
    result = run_scan(ReadingRun(arguments=[INPUT]), options)
    return dataclasses.replace(result, scanned_at=SCANNED_AT)


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with CONTACTLEAK_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; if intended: CONTACTLEAK_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("language", list(Language))
def test_table_golden(monkeypatch: pytest.MonkeyPatch, language: Language) -> None:
    result = _scan(monkeypatch, TABLE_CONTACTS)
    view = ReportView(language, width=100, timezone=ZONE)
    _check(f"table-{language.value}.txt", reporter_for(OutputFormat.TABLE)(result, view))


def test_json_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    text = reporter_for(OutputFormat.JSON)(_scan(monkeypatch, None), ReportView(Language.EN))
    jsonschema.Draft202012Validator(load_report_schema()).validate(json.loads(text))
    _check("report.json", text)


def test_golden_input_exercises_what_the_reports_show(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the fixture: if the pipeline stops finding these, the golden files no longer cover them."""
    summary = _scan(monkeypatch, None).summary
    assert summary.rejected == 1
    assert summary.minors_exposed == 1
    assert summary.special_category_exposed == 1
    assert summary.business and summary.private and summary.unknown
