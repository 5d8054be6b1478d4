"""The demo's HTML report in Debian's headless Chromium: no console error, no request, A4 pages, no table cut.

Chromium is driven over the DevTools protocol (``headless_chromium``). The check that no table is cut marks each
table's first and last row in the page, prints to PDF and reads the pages' text back (pypdf): both marks of a
table must be on one page, and only once (a repeated header row would repeat the first mark on the next page).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from headless_chromium import chromium_path, headless_chromium
from typer.testing import CliRunner

from scanner.cli.app import app

CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian package chromium not installed (.ci/run installs it with apt-get when it can)"
)
A4_POINTS = (595.28, 841.89)
RUNNER = CliRunner()
MARK_TABLES = """(() => {
  const tables = [...document.querySelectorAll("table")];
  tables.forEach((table, i) => {
    const rows = table.rows, last = rows[rows.length - 1];
    rows[0].cells[0].prepend("TABLESTART" + i + " ");
    last.cells[last.cells.length - 1].append(" TABLEEND" + i);
  });
  return tables.length;
})()"""


def _demo_html(folder: Path, language: str) -> Path:
    target = folder / f"bericht-{language}.html"
    header = ["--client", "Autowerkstatt Kolbenring GmbH", "--consultant", "Datenschutzberatung Beispiel"]
    arguments = ["demo", "-f", "html", "-o", str(target), "--lang", language, "--as-of", "2026-12-01", *header]
    result = RUNNER.invoke(app, arguments)
    assert result.exit_code == 0, result.stderr
    return target


@pytest.mark.parametrize("language", ["de", "en"])
def test_demo_report_renders_without_errors_or_requests(tmp_path: Path, language: str) -> None:
    report = _demo_html(tmp_path, language)
    assert CHROMIUM is not None
    with headless_chromium(CHROMIUM) as browser:
        record = browser.load(report)
        assert record.errors == []
        assert record.requests == [report.resolve().as_uri()]  # the file itself, nothing else
        assert browser.evaluate("document.querySelectorAll('section').length") >= 6
        assert browser.evaluate("document.documentElement.lang") == language


def test_print_is_a4_with_no_table_cut_across_pages(tmp_path: Path) -> None:
    report = _demo_html(tmp_path, "de")
    assert CHROMIUM is not None
    with headless_chromium(CHROMIUM) as browser:
        browser.load(report)
        tables = browser.evaluate(MARK_TABLES)
        pdf = pypdf.PdfReader(io.BytesIO(browser.pdf()))
    assert tables >= 3
    assert len(pdf.pages) >= 6
    for page in pdf.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=1.0)
    texts = [page.extract_text() for page in pdf.pages]
    for table in range(tables):
        starts = [number for number, text in enumerate(texts) if re.search(rf"TABLESTART{table}(?!\d)", text)]
        ends = [number for number, text in enumerate(texts) if re.search(rf"TABLEEND{table}(?!\d)", text)]
        assert starts == ends and len(starts) == 1, (table, starts, ends)
    assert "Autowerkstatt Kolbenring GmbH" in texts[1]  # the print header on every page
    assert re.search(r"Seite 2 von \d+", texts[1])


def test_page_numbers_count_all_pages(tmp_path: Path) -> None:
    report = _demo_html(tmp_path, "en")
    assert CHROMIUM is not None
    with headless_chromium(CHROMIUM) as browser:
        browser.load(report)
        pdf = pypdf.PdfReader(io.BytesIO(browser.pdf()))
    total = len(pdf.pages)
    assert f"Page {total} of {total}" in pdf.pages[-1].extract_text()


def test_sorting_a_fleet_table_by_a_column(tmp_path: Path) -> None:
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    phones = sorted(fixtures.rglob("*.vcf"))[:3]
    target = tmp_path / "fleet.html"
    result = RUNNER.invoke(app, ["scan", *map(str, phones), "-f", "html", "-o", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert CHROMIUM is not None
    with headless_chromium(CHROMIUM) as browser:
        record = browser.load(target)
        column = "[...document.querySelectorAll('#sources tbody tr')].map(r => Number(r.cells[1].textContent))"
        browser.evaluate("document.querySelectorAll('#sources thead button')[1].click()")
        ascending = browser.evaluate(column)
        browser.evaluate("document.querySelectorAll('#sources thead button')[1].click()")
        descending = browser.evaluate(column)
        assert record.errors == []
    assert ascending == sorted(ascending) and descending == sorted(ascending, reverse=True)
    assert len(ascending) == len(phones)


def test_the_before_after_section_renders_and_prints_whole(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "scanner" / "data" / "demo" / "werkstatt.vcf"
    parts, target = tmp_path / "parts", tmp_path / "compare.html"
    split = RUNNER.invoke(app, ["split", str(demo), "-o", str(parts), "--as-of", "2026-12-01"])
    assert split.exit_code == 0, split.stderr
    arguments = ["compare", str(demo), str(parts / "business.vcf"), "-f", "html", "-o", str(target), "--lang", "de"]
    result = RUNNER.invoke(app, [*arguments, "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.stderr
    assert CHROMIUM is not None
    with headless_chromium(CHROMIUM) as browser:
        record = browser.load(target)
        rows = browser.evaluate(
            "[...document.querySelectorAll('#before-after tbody tr')].map(r => [r.dataset.measure,"
            " ...[...r.cells].map(c => c.textContent.trim())])"
        )
        heading = browser.evaluate("document.querySelector('#before-after h2').textContent")
        visible = browser.evaluate("document.querySelector('#before-after table').getBoundingClientRect().height > 0")
        tables = browser.evaluate(MARK_TABLES)
        pdf = pypdf.PdfReader(io.BytesIO(browser.pdf()))
    assert record.errors == []
    assert record.requests == [target.resolve().as_uri()]
    assert heading == "Vorher und nachher" and visible
    by_measure = {row[0]: row[2:] for row in rows}
    for measure in ("private", "minors", "special"):
        before, after, _ = by_measure[measure]
        assert int(before) > 0 and after == "0"
    assert by_measure["level"][:2] == ["kritisch", "hoch"]
    texts = [page.extract_text() for page in pdf.pages]
    starts = [n for n, text in enumerate(texts) if "TABLESTART0 " in text]  # the section's table comes first
    ends = [n for n, text in enumerate(texts) if re.search(r"TABLEEND0(?!\d)", text)]
    assert tables >= 4 and starts == ends and len(starts) == 1
