"""run_scan end to end in the core: summary figures, kept findings, alternatives, advice, repairs."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from scanner.core.advice import Advice
from scanner.core.classification import load_rules
from scanner.core.messengers import list_profiles, load_profile
from scanner.core.reading_run import ReadingRun
from scanner.core.risk import RiskLevel
from scanner.core.scan import ScanOptions, ScanResult, run_scan

TODAY = datetime.date(2026, 11, 25)
CARDS = {
    "mama": "FN:Mama\r\nTEL;TYPE=CELL:+49 152 28817301",
    "supplier": (
        "FN:Beispiel Großhandel GmbH\r\nORG:Beispiel Großhandel GmbH\r\nX-ABShowAs:COMPANY\r\nTEL:+49 30 23125301"
    ),
    "customer": "FN:Otto Beispiel\r\nNOTE:Kunde, Angebot Dach\r\nTEL;TYPE=CELL:+49 152 28817302",
    "kid": "FN:Mia Beispiel\r\nBDAY:2015-04-01\r\nTEL;TYPE=CELL:+49 176 04069301",
    "therapist": "FN:Frau Beispiel\r\nNOTE:Psychotherapie Do\r\nTEL;TYPE=CELL:+49 152 28817303",
    "landline_friend": "FN:Kumpel Jens\r\nTEL;TYPE=HOME:+49 30 23125302",
    "mail_only": "FN:Lena Beispiel\r\nEMAIL:lena@example.org",
    "abroad": "FN:Ana Beispiel\r\nNOTE:Kundin\r\nTEL:+56 9 6123 4567",
}


def export(tmp_path: Path, *names: str, extra: str = "") -> Path:
    cards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{CARDS[name]}\r\nEND:VCARD\r\n" for name in names)
    path = tmp_path / "phone.vcf"
    path.write_bytes((cards + extra).encode("utf-8"))
    return path


def scan(path: Path, messenger: str = "whatsapp", keep: int | None = None) -> ScanResult:
    options = ScanOptions(
        profile=load_profile(messenger),
        rules=load_rules(),
        today=TODAY,
        id_key=b"k" * 32,
        keep_findings=keep,
        alternatives=tuple(load_profile(name) for name in list_profiles()),
    )
    return run_scan(ReadingRun(arguments=[str(path)]), options)


def test_summary_counts_add_up_and_only_people_are_third_parties(tmp_path: Path) -> None:
    result = scan(export(tmp_path, *CARDS, extra="BEGIN:VCARD\r\nEND:VCARD\r\n"))
    summary = result.summary
    assert (summary.cards_found, summary.contacts, summary.rejected) == (9, 8, 1)
    assert summary.business + summary.private + summary.unknown == summary.contacts
    assert summary.uploaded_contacts == 7  # all but the e-mail-only contact
    assert summary.third_parties_exposed == 6  # the supplier's switchboard is no person
    assert summary.destinations == {"US": 6}
    assert summary.fields_exposed == {"name": 6, "phone": 6}
    assert sum(summary.risk_levels.values()) == summary.contacts
    assert summary.minors_exposed == 1
    assert summary.special_category_exposed == 1


def test_a_number_from_a_country_without_figures_is_counted_as_a_fallback(tmp_path: Path) -> None:
    result = scan(export(tmp_path, "abroad", "mama"))
    assert result.summary.non_user_fallbacks == 1
    assert result.summary.estimated_non_users >= 1.0


def test_overall_is_critical_with_a_child_and_a_therapist(tmp_path: Path) -> None:
    result = scan(export(tmp_path, *CARDS))
    assert result.overall.level is RiskLevel.CRITICAL
    assert Advice.REMOVE_SPECIAL_CATEGORIES in result.advice
    assert Advice.PROTECT_MINORS in result.advice
    assert Advice.SEPARATE_CONTACTS in result.advice


def test_a_phone_with_only_companies_needs_nothing(tmp_path: Path) -> None:
    result = scan(export(tmp_path, "supplier"))
    assert result.overall.level is RiskLevel.NONE
    assert result.advice == (Advice.NOTHING_TO_DO,)


def test_all_findings_in_reading_order_or_only_the_riskiest(tmp_path: Path) -> None:
    path = export(tmp_path, *CARDS)
    everything = scan(path)
    assert [finding.source.index for finding in everything.findings] == list(range(8))
    assert everything.findings_complete
    top = scan(path, keep=3)
    assert not top.findings_complete
    assert [finding.risk.level for finding in top.findings][:2] == [RiskLevel.CRITICAL, RiskLevel.CRITICAL]
    assert len(top.findings) == 3
    ranks = [finding.risk.level.rank for finding in top.findings]
    assert ranks == sorted(ranks, reverse=True)


def test_alternatives_compare_every_other_messenger_and_an_adequate_one_is_better(tmp_path: Path) -> None:
    result = scan(export(tmp_path, *CARDS))
    compared = {alternative.profile.id for alternative in result.alternatives}
    assert compared == set(list_profiles()) - {"whatsapp"}
    threema = next(a for a in result.alternatives if a.profile.id == "threema")
    assert threema.unprotected_persons == 0  # Switzerland has a full adequacy decision
    assert threema.level.rank < result.overall.level.rank
    assert Advice.ALTERNATIVES in result.advice


def test_repairs_are_located_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "repaired.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\n# comment\r\nFN:Otto Beispiel\r\nTEL:+49 152 28817304\r\n")
    result = scan(path)
    assert result.repair_count == 2  # the comment line and the missing END
    assert {repair.path for repair in result.repairs} == {str(path)}


@pytest.mark.parametrize("messenger", list_profiles())
def test_every_packaged_messenger_scans(tmp_path: Path, messenger: str) -> None:
    result = scan(export(tmp_path, *CARDS), messenger=messenger)
    assert result.messenger.id == messenger
    assert result.summary.contacts == 8
