"""The HTML report: valid, self-contained, with the client's header, the verdict first, every section in order."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

import html5lib
import pytest
from markupsafe import Markup
from reporter_builders import PEOPLE, build_result

from scanner.core.model import FileReport
from scanner.core.risk import RiskLevel
from scanner.core.scan import ScanResult, SourceRisk
from scanner.i18n import Language, translate
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for
from scanner.reporters.html import sections as html_sections
from scanner.reporters.html.context import HtmlContext
from scanner.reporters.html.sections import HtmlSection

SVG = "{http://www.w3.org/2000/svg}"


def _render(result: ScanResult, **view: object) -> str:
    return reporter_for(OutputFormat.HTML)(result, ReportView(view.pop("language", Language.DE), **view))  # type: ignore[arg-type]


def _parse(text: str) -> Element:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("show_pii", [False, True])
@pytest.mark.parametrize("which", ["full", "empty", "rejected_only"])
def test_every_report_is_valid_html5(
    which: str, language: Language, show_pii: bool, request: pytest.FixtureRequest
) -> None:
    result = request.getfixturevalue(f"{which}_result")
    document = _parse(_render(result, language=language, show_pii=show_pii))
    assert document.get("lang") == language.value
    assert document.find("body") is not None


def test_nothing_is_loaded_from_anywhere(full_result: ScanResult) -> None:
    text = _render(full_result)
    document = _parse(text)
    for element in document.iter():
        for attribute in ("src", "href", "action", "formaction", "xlink:href", "data", "poster", "srcset"):
            value = element.get(attribute)
            assert value is None or value.startswith("data:"), (element.tag, attribute, value)
    styles = " ".join(_text(style) for style in document.iter("style"))
    assert "@import" not in styles and "url(" not in styles
    assert "default-src 'none'" in document.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")


def test_the_script_runs_only_by_its_hash(full_result: ScanResult) -> None:
    document = _parse(_render(full_result))
    scripts = document.findall(".//script")
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256((scripts[0].text or "").encode()).digest()).decode()
    policy = document.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert f"script-src 'sha256-{digest}'" in policy


def test_title_and_metadata_say_nothing_about_the_contacts(full_result: ScanResult) -> None:
    document = _parse(_render(full_result, show_pii=True, client="Werkstatt Beispiel"))
    head = document.find("head")
    said = _text(head.find("title")) + " ".join(str(meta.attrib) for meta in head.findall("meta"))
    assert _text(head.find("title")) == translate("html.document_title", Language.DE)
    for person in PEOPLE:
        assert person.name not in said
        assert all((p.e164 or p.raw) not in said for p in person.phones)
    assert "phone.vcf" not in said


def test_client_consultant_and_date_head_the_first_page_and_every_printed_page(full_result: ScanResult) -> None:
    text = _render(full_result, client="Autohaus Kolbenring", consultant="Datenschutz Beispiel")
    document = _parse(text)
    cover = _text(document.find(".//section[@id='cover']"))
    assert "Autohaus Kolbenring" in cover and "Datenschutz Beispiel" in cover and "01.03.2026" in cover
    page_rule = "".join(document.findall(".//style")[1].itertext())
    assert "@top-left" in page_rule and "counter(page)" in page_rule and "counter(pages)" in page_rule
    assert "Autohaus Kolbenring" in page_rule


def test_a_hostile_client_name_cannot_leave_the_css_string(full_result: ScanResult) -> None:
    text = _render(full_result, client='x"; } body { display: none } </style><script>alert(1)</script>')
    page_rule = "".join(_parse(text).findall(".//style")[1].itertext())
    assert "</style" not in page_rule and "display: none" not in page_rule
    assert re.search(r'@top-left \{ content: "x\\0000.*"; \}', page_rule)


def test_first_page_has_the_verdict_the_level_and_the_three_numbers(full_result: ScanResult) -> None:
    summary = full_result.summary
    cover = _parse(_render(full_result, language=Language.EN)).find(".//section[@id='cover']")
    figures = [_text(figure.find("p")) for figure in cover.findall(".//div[@class='figure']")]
    assert figures == [str(summary.third_parties_exposed), str(summary.private_persons_exposed),
                       f"{summary.minors_exposed} / {summary.special_category_exposed}"]  # fmt: skip
    verdict = _text(cover.find(".//p[@class='sentence']"))
    assert verdict.startswith(f"WhatsApp uploads the data of {summary.third_parties_exposed} people")
    assert full_result.overall.level is RiskLevel.CRITICAL
    assert _text(cover.find(".//p[@class='level-badge']")).endswith(translate("risk.level.critical", Language.EN))


def test_sections_come_in_page_order_each_on_a_new_page(full_result: ScanResult) -> None:
    document = _parse(_render(full_result))
    found = [(section.get("id"), section.get("class")) for section in document.iter("section")]
    assert found == [("cover", "first-page"), ("flow", "new-page"), ("alternatives", "new-page"),
                     ("riskiest", "new-page"), ("advice", "new-page"), ("method", "new-page")]  # fmt: skip


def test_a_section_is_added_by_adding_its_renderer(full_result: ScanResult, monkeypatch: pytest.MonkeyPatch) -> None:
    def before_after(ctx: HtmlContext) -> HtmlSection:
        return HtmlSection("before-after", "Vorher / nachher", Markup("<p>{}</p>").format(ctx.result.summary.contacts))

    monkeypatch.setattr(html_sections, "SECTIONS", (*html_sections.SECTIONS[:-1], before_after,
                                                   html_sections.SECTIONS[-1]))  # fmt: skip
    from scanner.reporters.html import page

    monkeypatch.setattr(page, "SECTIONS", html_sections.SECTIONS)
    ids = [section.get("id") for section in _parse(_render(full_result)).iter("section")]
    assert ids[-2:] == ["before-after", "method"]


def test_the_flow_picture_shows_phone_operator_and_each_destination(full_result: ScanResult) -> None:
    flow = _parse(_render(full_result, language=Language.EN)).find(".//section[@id='flow']")
    svg = flow.find(f".//{SVG}svg")
    labels = _text(svg)
    assert "WhatsApp LLC (Meta)" in labels and "Ireland" in labels and "USA" in labels
    assert f"{full_result.summary.third_parties_exposed} people uploaded" in labels
    assert len(svg.findall(f".//{SVG}path")) == 1 + len(full_result.messenger.destinations.value or ())


def test_business_private_unknown_bar_is_sized_by_the_counts(full_result: ScanResult) -> None:
    bar = _parse(_render(full_result)).find(f".//{SVG}svg[@class='chart bar']")
    widths = {r.get("class").split("tone-")[1]: float(r.get("width")) for r in bar.findall(f"{SVG}rect")}
    summary = full_result.summary
    total = sum(widths.values())
    assert widths["business"] / total == pytest.approx(summary.business / summary.contacts, abs=0.01)
    assert widths["private"] / total == pytest.approx(summary.private / summary.contacts, abs=0.01)


def test_the_comparison_has_a_chart_and_a_table_row_per_messenger(full_result: ScanResult) -> None:
    section = _parse(_render(full_result)).find(".//section[@id='alternatives']")
    rows = section.findall(".//tbody/tr")
    assert len(rows) == 1 + len(full_result.alternatives)
    assert len(section.findall(f".//{SVG}svg//{SVG}g")) == len(rows)


def test_every_recommendation_carries_its_reason_and_sources(full_result: ScanResult) -> None:
    items = _parse(_render(full_result)).findall(".//ol[@class='advice']/li")
    assert len(items) == len(full_result.advice)
    for item, advice in zip(items, full_result.advice, strict=True):
        assert _text(item.find("p[@class='why']")).endswith(translate(f"html.advice.{advice.value}.why", Language.DE))
        assert "Art." in _text(item.find("p[@class='sources']"))


def test_method_lists_the_profile_sources_with_dates(full_result: ScanResult) -> None:
    method = _text(_parse(_render(full_result, language=Language.EN)).find(".//section[@id='method']"))
    for source in full_result.messenger.sources():
        assert f"[{source.key}]" in method
        if source.date:
            assert source.date in method
    assert "undated" in method or all(source.date for source in full_result.messenger.sources())
    assert "Unconfirmed in the profile" in method or not full_result.messenger.unconfirmed()


def test_a_fleet_gets_a_sortable_table_per_phone(result_of: Callable[..., ScanResult]) -> None:
    result = result_of(PEOPLE)
    risks = (SourceRisk("phones/anna.vcf", 3, 2, 1, 0, 0, RiskLevel.HIGH),
             SourceRisk("phones/ben.vcf", 3, 3, 1, 1, 1, RiskLevel.CRITICAL))  # fmt: skip
    files = tuple(FileReport(risk.path, 3, 3, 0) for risk in risks)
    fleet = ScanResult(**{**result.__dict__, "source_risks": risks, "files": files})
    table = _parse(_render(fleet)).find(".//section[@id='sources']//table")
    assert table.get("class") == "data sortable"
    assert [_text(row.find("td")) for row in table.findall(".//tbody/tr")] == ["phones/ben.vcf", "phones/anna.vcf"]
    assert len(table.findall(".//thead//button")) == 7
    assert _parse(_render(build_result(PEOPLE))).find(".//section[@id='sources']") is None
