"""The Markdown summary, for tickets and wikis: the figures, the risk, what to do, and the riskiest contacts masked.

Text from an export (names, file names) is made inert and every ASCII punctuation character in it is
backslash-escaped, so a card named ``[click](http://evil.example)`` or ``<img src=x>`` stays literal text in any
CommonMark or GitHub renderer, and ``|`` cannot split a table cell.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator

from scanner.core.risk import REASON_WEIGHT, RiskLevel
from scanner.core.scan import ContactFinding, ScanResult
from scanner.i18n import Language, translate, translate_plural
from scanner.reporters.inert_text import inert
from scanner.reporters.masking import shown_email, shown_name, shown_phone
from scanner.reporters.table_contacts import riskiest
from scanner.reporters.view import ReportView
from scanner.reporters.wording import (
    category_label,
    datetime_text,
    decimal,
    destinations_text,
    level_label,
    reason_short,
)

_PUNCTUATION = frozenset(string.punctuation)


def md_text(value: str) -> str:
    """``value`` as literal Markdown text: inert, with every ASCII punctuation character escaped."""
    return "".join(f"\\{char}" if char in _PUNCTUATION else char for char in inert(value))


def render(result: ScanResult, view: ReportView) -> str:
    return "\n".join(_lines(result, view)).rstrip("\n") + "\n"


def _lines(result: ScanResult, view: ReportView) -> Iterator[str]:
    lang = view.language
    yield f"# {translate('markdown.title', lang, messenger=md_text(result.messenger.display_name))}"
    yield ""
    yield from _header(result, view)
    yield from _figures(result, lang)
    yield from _advice(result, lang)
    yield from _sources(result, lang)
    yield from _alternatives(result, lang)
    yield from _riskiest(result, view)
    yield translate("report.note.unmasked" if view.show_pii else "report.note.masked", lang)
    yield ""
    yield translate("report.note.not_legal_advice", lang)


def _header(result: ScanResult, view: ReportView) -> Iterator[str]:
    lang = view.language
    level = level_label(result.overall.level, lang)
    yield f"**{translate('report.label.overall', lang)}: {level}**"
    yield ""
    if view.client:
        yield f"- {translate('html.label.client', lang)}: {md_text(view.client)}"
    if view.consultant:
        yield f"- {translate('html.label.consultant', lang)}: {md_text(view.consultant)}"
    when = datetime_text(result.scanned_at, lang, view.timezone)
    yield f"- {translate('report.label.scanned_at', lang)}: {when}"
    files = ", ".join(md_text(report.path) for report in result.files)
    yield f"- {translate('report.label.files', lang)}: {files}"
    yield f"- {translate('report.label.operator', lang)}: {md_text(result.messenger.operator.value)}"
    yield ""


def _figures(result: ScanResult, lang: Language) -> Iterator[str]:
    summary, people = result.summary, result.people_summary.figures
    rows = [
        ("report.label.cards_found", translate("report.value.cards_found", lang, found=summary.cards_found,
                                               contacts_read=translate_plural("report.value.contacts_read", lang,
                                                                              summary.contacts),
                                               rejected=summary.rejected)),
        ("report.label.categories", f"{summary.business} / {summary.private} / {summary.unknown}"),
        ("report.label.third_parties", str(people.uploaded)),
        ("report.label.third_country", str(people.third_country)),
        ("html.figure.private", str(people.private_exposed)),
        ("report.label.minors_exposed", str(people.minors_exposed)),
        ("report.label.special_exposed", str(people.special_exposed)),
        ("report.label.non_users", _estimate(people.estimated_non_users, people.non_user_fallbacks, lang)),
    ]  # fmt: skip
    if people.destinations:
        rows.insert(4, ("report.label.destinations", destinations_text(people.destinations, lang)))
    yield f"## {translate('report.section.exposure', lang)}"
    yield ""
    yield from _table((translate("markdown.column.figure", lang), translate("markdown.column.value", lang)),
                      ((translate(key, lang), value) for key, value in rows))  # fmt: skip
    reasons = [(reason, people.reasons[reason]) for reason in REASON_WEIGHT if people.reasons.get(reason)]
    if reasons:
        yield ""
        for reason, count in reasons:
            yield f"- {translate('report.value.reason_count', lang, reason=reason_short(reason, lang), count=count)}"
    yield ""


def _advice(result: ScanResult, lang: Language) -> Iterator[str]:
    if not result.advice:
        return
    yield f"## {translate('report.section.advice', lang)}"
    yield ""
    for number, advice in enumerate(result.advice, start=1):
        yield f"{number}. {translate(f'advice.{advice.value}', lang)}"
    yield ""


def _sources(result: ScanResult, lang: Language) -> Iterator[str]:
    if len(result.source_risks) < 2:
        return
    yield f"## {translate('report.section.sources', lang)}"
    yield ""
    columns = ("file", "contacts", "persons_uploaded", "private", "minors", "special", "level")
    ranked = sorted(result.source_risks, key=lambda source: -source.level.rank)
    rows = (
        (md_text(s.path), str(s.contacts), str(s.persons_exposed), str(s.private_persons), str(s.minors),
         str(s.special_category_persons), level_label(s.level, lang))
        for s in ranked
    )  # fmt: skip
    yield from _table(tuple(translate(f"report.column.{column}", lang) for column in columns), rows)
    yield ""


def _alternatives(result: ScanResult, lang: Language) -> Iterator[str]:
    if not result.alternatives or not result.summary.contacts:
        return
    yield f"## {translate('report.section.alternatives', lang)}"
    yield ""
    columns = ("messenger", "persons_uploaded", "unprotected", "non_users", "level")
    people = result.people_summary.figures
    current = translate("report.value.current", lang, name=md_text(result.messenger.display_name))
    rows = [(current, str(people.uploaded), str(people.unprotected),
             _estimate(people.estimated_non_users, people.non_user_fallbacks, lang),
             level_label(result.overall.level, lang))]  # fmt: skip
    rows.extend(
        (md_text(other.profile.display_name), str(other.people_figures.uploaded),
         str(other.people_figures.unprotected),
         _estimate(other.people_figures.estimated_non_users, other.people_figures.non_user_fallbacks, lang),
         level_label(other.level, lang))
        for other in result.alternatives
    )  # fmt: skip
    yield from _table(tuple(translate(f"report.column.{column}", lang) for column in columns), rows)
    yield ""


def _estimate(value: float, fallbacks: int, lang: Language) -> str:
    return ("≤ " if fallbacks else "") + decimal(value, lang)


def _riskiest(result: ScanResult, view: ReportView) -> Iterator[str]:
    shown = riskiest(result)
    if not shown:
        return
    lang = view.language
    yield f"## {translate('report.section.riskiest', lang)}"
    yield ""
    columns = ("number", "contact", "level", "category_short", "reasons")
    headers = tuple(translate(f"markdown.column.{column}", lang) for column in columns)
    rows = (_contact_row(number, finding, view) for number, finding in enumerate(shown, start=1))
    yield from _table(headers, rows)
    levels = result.people_summary.figures.levels
    at_risk = sum(count for level, count in levels.items() if level != RiskLevel.NONE.value)
    if len(shown) < at_risk:
        yield ""
        yield translate("html.note.riskiest_partial", lang, shown=len(shown), total=at_risk)
    yield ""


def _contact_row(number: int, finding: ContactFinding, view: ReportView) -> tuple[str, ...]:
    lang, show = view.language, view.show_pii
    parts = [shown_name(finding.display_name, show), finding.pseudonym]
    parts.extend(shown_phone(phone, show) for phone in finding.phones)
    parts.extend(shown_email(address, show) for address in finding.emails)
    contact = " · ".join(md_text(part) for part in parts if part)
    reasons = ", ".join(reason_short(reason, lang) for reason in finding.risk.reasons)
    category = category_label(finding.classification.category, lang)
    return (str(number), contact, level_label(finding.risk.level, lang), category, reasons)


def _table(headers: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    yield "| " + " | ".join(headers) + " |"
    yield "|" + "|".join(" --- " for _ in headers) + "|"
    for row in rows:
        yield "| " + " | ".join(row) + " |"
