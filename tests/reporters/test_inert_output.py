"""Text from an export cannot style, link, reorder or forge terminal output, and JSON stays valid for any input."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from reporter_builders import ERIKA, Person, phone

from scanner.core.scan import ScanResult
from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.inert_text import escape_json_text, inert

HOSTILE = (
    "[bold red]x[/] [link=http://evil.example]click[/link] \x1b[31mred\x1b[0m "
    "\x1b]8;;http://evil.example\x1b\\osc\x1b]8;;\x1b\\ \u202egpj.exe\r\nforged line\x00\x9b\u2066"
)


@pytest.fixture
def hostile_result(result_of: Callable[..., ScanResult]) -> ScanResult:
    hostile = Person(HOSTILE, (phone("+4915228817011", "DE"),), (f"{HOSTILE}@{HOSTILE}",), uid=HOSTILE)
    return result_of([hostile, ERIKA])


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("show_pii", [False, True])
def test_table_output_is_inert(hostile_result: ScanResult, show_pii: bool, color: bool) -> None:
    text = reporter_for(OutputFormat.TABLE)(hostile_result, ReportView(Language.EN, show_pii, color, width=120))
    body = _without_our_colour(text) if color else text
    assert "\x1b" not in body
    assert "\x1b[31mred" not in text
    assert "\x1b]" not in text
    assert "\x9b" not in body
    assert "\u202e" not in text
    assert "\u2066" not in text
    assert "\x00" not in text
    assert "\r" not in text
    assert "]8;;" not in text.replace("<U+001B>]8;;", "")  # no live OSC 8 hyperlink, only its visible remains


def test_table_shows_hostile_name_as_plain_visible_text(hostile_result: ScanResult) -> None:
    text = reporter_for(OutputFormat.TABLE)(hostile_result, ReportView(Language.EN, show_pii=True, width=400))
    assert "[bold red]x[/]" in text
    assert "[link=http://evil.example]click[/link]" in text
    assert "<U+001B>[31mred" in text
    assert "<U+202E>gpj.exe" in text
    assert "forged line" in text
    assert not any(line.startswith("forged line") for line in text.splitlines())


def test_colour_comes_only_from_the_report(hostile_result: ScanResult) -> None:
    plain = reporter_for(OutputFormat.TABLE)(hostile_result, ReportView(Language.EN, width=120))
    coloured = reporter_for(OutputFormat.TABLE)(hostile_result, ReportView(Language.EN, color=True, width=120))
    assert "\x1b" not in plain
    assert "\x1b[" in coloured
    assert _without_our_colour(coloured) == plain


@pytest.mark.parametrize("show_pii", [False, True])
def test_json_parses_and_round_trips_hostile_text(hostile_result: ScanResult, show_pii: bool) -> None:
    text = reporter_for(OutputFormat.JSON)(hostile_result, ReportView(Language.EN, show_pii=show_pii))
    for raw in ("\x1b", "\x9b", "\u202e", "\u2066", "\x00", "\r"):
        assert raw not in text
    text.encode("utf-8")
    contact = json.loads(text)["contacts"][0]
    if show_pii:
        assert contact["display_name"] == HOSTILE
        assert contact["uid"] == HOSTILE
        assert contact["emails"] == [f"{HOSTILE}@{HOSTILE}"]


def test_json_escape_keeps_values_and_lone_surrogates_writable() -> None:
    value = {"name": "a\u202eb\x85c\udc80\u2028"}
    text = escape_json_text(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(text) == value
    text.encode("utf-8")


def test_inert_shows_controls_as_placeholders_and_folds_line_breaks() -> None:
    assert inert("a\x1b[1mb\u202ec\td\ne") == "a<U+001B>[1mb<U+202E>c d e"


def _without_our_colour(text: str) -> str:
    """The coloured report minus the SGR sequences rich writes for our own styles (and the blanks they kept)."""
    stripped = re.sub("\x1b\\[[0-9;]*m", "", text)
    return "\n".join(line.rstrip() for line in stripped.splitlines()) + "\n"


@pytest.mark.parametrize("show_pii", [False, True])
def test_html_is_valid_and_hostile_text_stays_text(hostile_result: ScanResult, show_pii: bool) -> None:
    import html5lib

    view = ReportView(Language.EN, show_pii, client=HOSTILE + "</style><script>alert(1)</script>", consultant=HOSTILE)
    text = reporter_for(OutputFormat.HTML)(hostile_result, view)
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    assert len(document.findall(".//script")) == 1  # only the report's own
    assert document.findall(".//a") == []
    assert document.findall(".//img") == []
    for raw in ("\x1b", "\x9b", "\u202e", "\u2066", "\x00", "\r"):
        assert raw not in text
    assert "<script>alert" not in text
    text.encode("utf-8")
    if show_pii:
        assert "[link=http://evil.example]click[/link]" in "".join(document.itertext())


@pytest.mark.parametrize("show_pii", [False, True])
def test_csv_cells_are_inert_and_never_formulas(result_of: Callable[..., ScanResult], show_pii: bool) -> None:
    import csv as csv_module
    import io

    hyperlink = '=HYPERLINK("http://evil.example";"x")'
    formula = Person(hyperlink, (phone("+4915228817012", "DE"),), ("@evil@x.example",))
    text = reporter_for(OutputFormat.CSV)(result_of([formula, Person(HOSTILE, (phone("+4915228817011", "DE"),))]),
                                          ReportView(Language.DE, show_pii))  # fmt: skip
    for raw in ("\x1b", "\x9b", "\u202e", "\u2066", "\x00"):
        assert raw not in text
    rows = list(csv_module.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert len(rows) == 3
    assert all(len(row) == len(rows[0]) for row in rows)
    assert not [cell for row in rows for cell in row if cell.lstrip()[:1] in ("=", "+", "-", "@")]
    if show_pii:
        assert rows[1][3] == "'=HYPERLINK(\"http://evil.example\";\"x\")"


@pytest.mark.parametrize("show_pii", [False, True])
def test_markdown_shows_hostile_text_literally(hostile_result: ScanResult, show_pii: bool) -> None:
    view = ReportView(Language.EN, show_pii, client="[x](http://evil.example) <b>|")
    text = reporter_for(OutputFormat.MARKDOWN)(hostile_result, view)
    for raw in ("\x1b", "\x9b", "\u202e", "\u2066", "\x00", "\r"):
        assert raw not in text
    assert "](http" not in text
    assert "<b>" not in text
    assert "\\[x\\]\\(http\\:\\/\\/evil\\.example\\) \\<b\\>\\|" in text
    if show_pii:
        assert "\\[link\\=http\\:\\/\\/evil\\.example\\]click\\[\\/link\\]" in text
