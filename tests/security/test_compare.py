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


def _section_text(html: str) -> str:
    """The before/after section's text, tags dropped."""
    start = html.index('id="before-after"')
    end = html.index("</section>", start)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start:end]))


def _section_row(section: str, label: str) -> list[str]:
    return re.findall(r"[+−-]?\d+(?:[.,]\d)?", section.split(label, 1)[1])[:3]


HTML_WORDS = {
    "en": ("Before and after", "no longer sends anyone", "now high"),
    "de": ("Vorher und nachher", "keine Daten mehr", "jetzt hoch"),
}


def test_compare_writes_the_html_report_with_the_before_after_section(business: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    arguments = ("compare", str(DEMO), str(business), "-f", "html", "-o", str(target), "--as-of", "2026-12-02")
    done = run_contactleak(*arguments, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    html = target.read_text(encoding="utf-8")
    section = _section_text(html)
    title, dropped, level = HTML_WORDS["en"]
    assert title in section and dropped in section and level in section
    *dropping, _, _ = LABELS["en"]
    for label in dropping:
        before, after, change = _section_row(section, label)
        assert int(before) > 0 and int(after) == 0 and change.lstrip("−-") == before
    assert leaks([html, done.stdout, done.stderr], personal_values([DEMO])) == []
    assert {p.name for p in tmp_path.iterdir()} == {"x.html"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_html_section_speaks_the_reports_language(business: Path, tmp_path: Path, lang: str) -> None:
    target = tmp_path / "x.html"
    arguments = ["compare", str(DEMO), str(business), "-f", "html", "-o", str(target), "--as-of", "2026-12-02"]
    done = RUNNER.invoke(app, [*arguments, "--lang", lang])
    assert done.exit_code == 0, done.output
    section = _section_text(target.read_text(encoding="utf-8"))
    title, dropped, level = HTML_WORDS[lang]
    assert title in section and dropped in section and level in section
    *dropping, _, _ = LABELS[lang]
    for label in dropping:
        before, after, _ = _section_row(section, label)
        assert int(before) > 0 and int(after) == 0


def test_scan_compare_with_a_json_report_adds_the_section_and_the_json_comparison(
    business: Path, tmp_path: Path
) -> None:
    day = ("--as-of", "2026-12-02")
    before = tmp_path / "before.json"
    assert run_contactleak("scan", str(DEMO), "-f", "json", "-o", str(before), *day).returncode == 0
    page = tmp_path / "after.html"
    done = run_contactleak("scan", str(business), "--compare-with", str(before), "-f", "html", "-o", str(page), *day)
    assert done.returncode == 0, done.stderr
    section = _section_text(page.read_text(encoding="utf-8"))
    assert _section_row(section, "of them minors")[1] == "0"
    report = run_contactleak("scan", str(business), "--compare-with", str(before), "-f", "json", *day)
    assert report.returncode == 0, report.stderr
    comparison = json.loads(report.stdout)["comparison"]
    assert comparison["before"] == str(before)
    for measure in ("private", "minors", "special"):
        figures = comparison["measures"][measure]
        assert figures["before"] > 0 and figures["after"] == 0 and figures["change"] == -figures["before"]
    assert comparison["risk"] == {"before": "critical", "after": json.loads(report.stdout)["summary"]["risk"]}
    assert comparison["messengers"][0]["messenger"] == "whatsapp"


def test_compare_html_needs_the_after_exports_and_a_known_format(business: Path, tmp_path: Path) -> None:
    after = tmp_path / "after.json"
    assert run_contactleak("scan", str(business), "-f", "json", "-o", str(after)).returncode == 0
    done = run_contactleak("compare", str(DEMO), str(after), "-f", "html", "-o", str(tmp_path / "x.html"))
    assert done.returncode == 2
    assert "needs AFTER as exports" in done.stderr
    csv = run_contactleak("compare", str(DEMO), str(business), "-f", "csv")
    assert csv.returncode == 2 and "table, html or json" in csv.stderr
    table_with = run_contactleak("scan", str(business), "--compare-with", str(after))
    assert table_with.returncode == 2 and "contactleak compare BEFORE AFTER" in table_with.stderr
    assert {p.name for p in tmp_path.iterdir()} == {"after.json"}


def test_compare_never_modifies_an_input_nor_replaces_a_file_without_force(business: Path, tmp_path: Path) -> None:
    before = tmp_path / "before.vcf"
    before.write_bytes(DEMO.read_bytes())
    stamp = before.stat().st_mtime_ns
    onto_input = run_contactleak("compare", str(before), str(business), "-f", "html", "-o", str(before), "--force")
    assert onto_input.returncode == 2
    assert before.read_bytes() == DEMO.read_bytes() and before.stat().st_mtime_ns == stamp
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    refused = run_contactleak("compare", str(before), str(business), "-f", "html", "-o", str(link))
    assert refused.returncode == 2
    assert not (tmp_path / "elsewhere.html").exists()
    work = tmp_path / "cwd"
    work.mkdir()
    printed = run_contactleak("compare", str(before), str(business), cwd=work)
    assert printed.returncode == 0 and not any(work.iterdir())  # the table goes to stdout, nothing is written
    assert leaks([printed.stdout, printed.stderr], personal_values([DEMO])) == []


def test_a_compare_whose_scan_fails_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.vcf"
    broken.write_bytes(b"no vCard here\r\n")
    done = run_contactleak("compare", str(DEMO), str(broken), "-f", "html", "-o", str(tmp_path / "x.html"))
    assert done.returncode == 2
    assert not (tmp_path / "x.html").exists()
