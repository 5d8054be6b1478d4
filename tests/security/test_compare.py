"""``compare`` of the demo against its own business.vcf: private persons, minors and Art. 9 drop to 0."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from installed_command import run_contactleak
from pii_values import leaks, personal_values
from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()

REPOSITORY = Path(__file__).resolve().parents[2]
DEMO = REPOSITORY / "scanner" / "data" / "demo" / "werkstatt.vcf"


@pytest.fixture(scope="module")
def business(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("split")
    done = run_contactleak("split", str(DEMO), "-o", str(out), "--separate-sensitive", "--as-of", "2026-12-02")
    assert done.returncode == 0, done.stderr
    return out / "business.vcf"


def _row(output: str, label: str) -> list[str]:
    """The figures after ``label`` on its line (the table is wide enough that no label wraps)."""
    line = next(line for line in output.splitlines() if label in line)
    return re.findall(r"[+-]?\d+(?:\.\d)?", line.split(label, 1)[1])


LABELS = {
    "en": ("of them private persons", "of them minors", "of them with Art. 9 hints", "overall risk", "critical"),
    "de": (
        "davon Privatpersonen",
        "davon Minderjährige",
        "davon mit Hinweisen nach Art. 9",
        "Gesamtrisiko",
        "kritisch",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_compare_demo_with_its_business_part(business: Path, lang: str) -> None:
    *dropping, level, critical = LABELS[lang]
    done = RUNNER.invoke(app, ["compare", str(DEMO), str(business), "--as-of", "2026-12-02", "--lang", lang])
    assert done.exit_code == 0, done.output
    for label in dropping:
        before, after, change = _row(done.stdout, label)[:3]
        assert int(before) > 0, label
        assert int(after) == 0, label
        assert int(change) == -int(before)
    level_line = next(line for line in done.stdout.splitlines() if level in line)
    assert critical in level_line.split(level, 1)[1].split("│")[1]  # before: critical (minors, Art. 9)
    assert critical not in level_line.split(level, 1)[1].split("│")[2]  # after: the level that is left
    assert leaks([done.stdout], personal_values([DEMO])) == []


def test_compare_reads_json_reports(business: Path, tmp_path: Path) -> None:
    for name, source in (("before.json", DEMO), ("after.json", business)):
        done = run_contactleak("scan", str(source), "-f", "json", "-o", str(tmp_path / name), "--as-of", "2026-12-02")
        assert done.returncode == 0, done.stderr
    done = run_contactleak("compare", str(tmp_path / "before.json"), str(tmp_path / "after.json"))
    assert done.returncode == 0, done.stderr
    before, after, _ = _row(done.stdout, "of them minors")[:3]
    assert int(before) > 0 and int(after) == 0


def test_compare_refuses_a_json_file_that_is_no_report(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(json.dumps({"tool": {"name": "other"}}), encoding="utf-8")
    done = run_contactleak("compare", str(tmp_path / "x.json"), str(DEMO))
    assert done.returncode == 2
    assert "not a readable contactleak JSON report" in done.stderr
