"""Masked by default: no full number, e-mail local part or full name in any output, over every fixture and the corpus.

What the reporters show of a contact: the terminal summary lists the 10 riskiest contacts, JSON every contact; both
show the display name as initials, numbers as country code and last two digits, e-mails as ``•••@domain``.
Organisation names are never shown as such: no reporter prints ORG; a card whose display name falls back to its
organisation is masked to initials like a person's name. The only card-derived words left are the e-mail domain
and the classifier's matched keyword or legal form (``GmbH``) in JSON reasons.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pii_values import contacts_of, leaks, missing, personal_values
from typer.testing import CliRunner

from scanner.cli.app import app
from scanner.core.inputs import is_export

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURES = sorted(
    [*(REPOSITORY / "fixtures").rglob("*.vcf"), *(REPOSITORY / "scanner" / "data" / "demo").glob("*.vcf")]
)
RUNNER = CliRunner()
FORMATS = ("table", "json", "html", "csv", "markdown")


def readable(text: str, output_format: str) -> str:
    """The output as a reader sees it: HTML entities decoded, Markdown backslash escapes removed."""
    if output_format == "html":
        return html.unescape(text)
    if output_format == "markdown":
        return re.sub(r"\\(.)", r"\1", text)
    return text


def _scan(path: Path, *options: str) -> tuple[str, str]:
    result = RUNNER.invoke(app, ["scan", str(path), *options])
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def _fixture_id(path: Path) -> str:
    return str(path.relative_to(REPOSITORY))


def test_there_are_fixtures_with_values_to_hide() -> None:
    values = personal_values(FIXTURES)
    assert len(FIXTURES) >= 40
    assert len(values.names) >= 150 and len(values.digits) >= 150 and len(values.locals) >= 40


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("path", FIXTURES, ids=_fixture_id)
def test_fixture_output_is_masked(path: Path, output_format: str) -> None:
    stdout, stderr = _scan(path, "-f", output_format)
    assert leaks([readable(stdout, output_format), stderr], personal_values([path])) == []


@pytest.mark.parametrize("path", FIXTURES, ids=_fixture_id)
def test_show_pii_reveals_every_value_in_json(path: Path) -> None:
    """The check above can fail: unmasked, JSON carries every name, number (E.164) and e-mail it looks for."""
    values = personal_values([path])
    stdout = _scan(path, "-f", "json", "--show-pii")[0]
    assert missing([stdout], values.revealed()) == []


def test_show_pii_reveals_names_numbers_and_emails_in_the_table() -> None:
    demo = REPOSITORY / "scanner" / "data" / "demo" / "werkstatt.vcf"
    values = personal_values([demo])
    stdout = _scan(demo, "--show-pii")[0]
    assert leaks([stdout], values) != []
    assert any(name in stdout for name in values.names)
    assert any(number in stdout for number in values.shown_numbers)
    assert any(local in stdout for local in values.locals)


@pytest.mark.parametrize("output_format", ["html", "csv", "markdown"])
def test_show_pii_reveals_names_numbers_and_emails_in_html_csv_and_markdown(output_format: str) -> None:
    """The masking checks can fail for these formats too: unmasked, they carry names, numbers and e-mails."""
    demo = REPOSITORY / "scanner" / "data" / "demo" / "werkstatt.vcf"
    values = personal_values([demo])
    stdout = readable(_scan(demo, "-f", output_format, "--show-pii")[0], output_format)
    assert any(name in stdout for name in values.names)
    assert any(number in stdout for number in values.shown_numbers)
    if output_format == "csv":  # every contact: every value
        assert missing([stdout], values.revealed()) == []


@pytest.mark.slow
@pytest.mark.corpus
def test_corpus_output_is_masked(corpus_dir: Path) -> None:
    """Every corpus file scanned alone in both formats (each table shows its own riskiest ten)."""
    paths = sorted(path for path in corpus_dir.rglob("*") if path.is_file() and is_export(path.name))
    assert len(paths) > 200
    found: dict[str, list[str]] = {}
    for path in paths:
        values = personal_values([path])
        outputs = [readable(text, fmt) for fmt in FORMATS for text in _scan(path, "-f", fmt)]
        if leaked := leaks(outputs, values):
            found[str(path.relative_to(corpus_dir))] = leaked
    assert found == {}


@pytest.mark.slow
@pytest.mark.corpus
def test_corpus_show_pii_reveals_the_values_the_check_looks_for(corpus_dir: Path) -> None:
    stdout = _scan(corpus_dir, "-f", "json", "--show-pii")[0]
    paths = [path for path in corpus_dir.rglob("*") if path.is_file() and is_export(path.name)]
    values = personal_values(paths)
    assert sum(len(contacts_of(path)) for path in paths) > 1000
    assert missing([stdout], values.revealed()) == []
