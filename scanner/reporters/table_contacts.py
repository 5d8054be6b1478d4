"""The terminal summary's two tables: other messengers compared, and the riskiest contacts (masked by default)."""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from scanner.core.messengers import Activation, MessengerProfile, label_key
from scanner.core.risk import RiskLevel, RiskReason, transfer_reasons
from scanner.core.scan import ContactFinding, ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.masking import shown_email, shown_name, shown_phone
from scanner.reporters.rich_parts import bulleted, heading, level_text, plain
from scanner.reporters.view import ReportView
from scanner.reporters.wording import category_label, decimal, level_label, reason_short

RISKIEST_SHOWN = 10
SOURCES_SHOWN = 25
_UNCONFIRMED_MARK = " *"
_OPT_IN_MARK = " †"
# The pseudonym (c_ and 16 hex digits) should never be folded.
_PSEUDONYM_WIDTH = 18


def alternatives_section(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    if not result.alternatives or not result.summary.contacts:
        return
    lang = view.language
    yield heading(translate("report.section.alternatives", lang))
    table = _table(lang, ("messenger", "persons_uploaded", "unprotected", "non_users", "level"), numeric=(1, 2, 3))
    current = translate("report.value.current", lang, name=_marked_name(result.messenger))
    people = result.people_summary.figures
    figures = (people.uploaded, people.unprotected, people.estimated_non_users)
    bound = bool(people.non_user_fallbacks)
    why = _why(result.messenger, transfer_reasons(reason for reason, _ in result.overall.reasons), lang)
    table.add_row(*_alternative_row(current, why, figures, upper_bound=bound, level=result.overall.level, lang=lang))
    for other in result.alternatives:
        people = other.people_figures
        figures = (people.uploaded, people.unprotected, people.estimated_non_users)
        bound = bool(people.non_user_fallbacks)
        level = RiskLevel.highest((other.level, people.level))
        why = _why(other.profile, other.transfer_reasons, lang)
        named = _marked_name(other.profile)
        table.add_row(*_alternative_row(named, why, figures, upper_bound=bound, level=level, lang=lang))
    yield _fixed(table, (1, 2, 3, 4))
    yield from _alternative_notes(result, lang)


def sources_section(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    """For a fleet: each phone's own figures, the riskiest first, so an admin sees which phones to fix."""
    if len(result.source_risks) < 2:
        return
    lang = view.language
    yield heading(translate("report.section.sources", lang))
    columns = ("file", "contacts", "persons_uploaded", "private", "minors", "special", "level")
    table = _table(lang, columns, numeric=(1, 2, 3, 4, 5))
    table.columns[0].min_width = min(max(len(source.path) for source in result.source_risks), view.width // 3)
    ranked = sorted(result.source_risks, key=lambda source: -source.level.rank)
    for source in ranked[:SOURCES_SHOWN]:
        figures = (source.contacts, source.persons_exposed, source.private_persons, source.minors,
                   source.special_category_persons)  # fmt: skip
        level = level_text(level_label(source.level, lang), source.level)
        table.add_row(plain(source.path), *(plain(str(figure)) for figure in figures), level)
    yield _fixed(table, (1, 2, 3, 4, 5, 6))
    if len(ranked) > SOURCES_SHOWN:
        yield plain(translate("report.note.sources_shown", lang, shown=SOURCES_SHOWN, total=len(ranked)), "dim")


_DESTINATION_REASONS = (RiskReason.THIRD_COUNTRY, RiskReason.DPF_TRANSFER, RiskReason.ADEQUATE_DESTINATION)


def _why(profile: MessengerProfile, reasons: tuple[RiskReason, ...], lang: Language) -> str:
    """Where the data goes (rule 3) and what the operator keeps (rule 6): what sets messengers apart."""
    parts = [translate(f"report.why.{reason.value}", lang) for reason in reasons if reason in _DESTINATION_REASONS]
    parts.append(translate(label_key(profile.retention.value), lang))
    return "; ".join(parts)


def _marked_name(profile: MessengerProfile) -> str:
    """The name with ``*`` for unconfirmed facts and ``†`` for an upload that only runs once the user turns it on."""
    marks = (_UNCONFIRMED_MARK if profile.unconfirmed() else "") + (_OPT_IN_MARK if _opt_in(profile) else "")
    return profile.display_name + marks


def _opt_in(profile: MessengerProfile) -> bool:
    return profile.activation.value in (Activation.OPT_IN, Activation.USER_IMPORT)


def _alternative_notes(result: ScanResult, lang: Language) -> Iterator[RenderableType]:
    profiles = (result.messenger, *(other.profile for other in result.alternatives))
    if any(profile.unconfirmed() for profile in profiles):
        yield plain(translate("report.note.unconfirmed_marker", lang), "dim")
    if any(_opt_in(profile) for profile in profiles):
        yield plain(translate("report.note.opt_in_marker", lang), "dim")
    fallbacks = (
        result.people_summary.figures.non_user_fallbacks,
        *(other.people_figures.non_user_fallbacks for other in result.alternatives),
    )
    if any(fallbacks):
        yield plain(translate("report.note.upper_bound_marker", lang), "dim")


def _alternative_row(
    name: str, why: str, figures: tuple[int, int, float], *, upper_bound: bool, level: RiskLevel, lang: Language
) -> tuple[Text, ...]:
    """The messenger's name with, below it, where the data goes and what the operator keeps (why it ranks so)."""
    persons, unprotected, non_users = figures
    estimate = ("≤ " if upper_bound else "") + decimal(non_users, lang)
    shown = (str(persons), str(unprotected), estimate)
    named = Text.assemble(plain(name), "\n", plain(why, "dim"))
    return (named, *(plain(figure) for figure in shown), level_text(level_label(level, lang), level))


def _table(lang: Language, columns: tuple[str, ...], numeric: tuple[int, ...] = ()) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for number, column in enumerate(columns):
        text = translate(f"report.column.{column}", lang)
        # A header wraps between words, never inside one: the column is at least as wide as its longest word.
        longest = max(len(word) for word in text.split())
        table.add_column(plain(text), justify="right" if number in numeric else "left", overflow="fold",
                         min_width=longest)  # fmt: skip
    return table


def _fixed(table: Table, columns: tuple[int, ...]) -> Table:
    """Figures and levels are never cut: those columns get the width of their widest cell or header word, so that
    only the text columns (messenger, file path) wrap when the terminal is narrow."""
    for number in columns:
        column = table.columns[number]
        header = column.header.plain if isinstance(column.header, Text) else str(column.header)
        cells = [cell.plain if isinstance(cell, Text) else str(cell) for cell in column.cells]
        column.width = max([len(word) for word in header.split()] + [len(cell) for cell in cells])
    return table


def riskiest(result: ScanResult) -> list[ContactFinding]:
    """Contacts at some risk, the highest level first; within a level in the order the scan gives them."""
    at_risk = [finding for finding in result.findings if finding.risk.level is not RiskLevel.NONE]
    return sorted(at_risk, key=lambda finding: -finding.risk.level.rank)[:RISKIEST_SHOWN]


def riskiest_section(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    shown = riskiest(result)
    if not shown:
        return
    lang = view.language
    yield heading(translate("report.section.riskiest", lang))
    table = _table(lang, ("number", "contact", "assessment"), numeric=(0,))
    table.columns[1].min_width = _PSEUDONYM_WIDTH
    for number, finding in enumerate(shown, start=1):
        table.add_row(plain(str(number)), _contact(finding, view), _assessment(finding, lang))
    yield table
    levels = result.people_summary.figures.levels
    at_risk = sum(count for level, count in levels.items() if level != RiskLevel.NONE.value)
    if len(shown) < at_risk:
        yield plain(translate("report.note.people_partial", lang, shown=len(shown), total=at_risk), "dim")


def _contact(finding: ContactFinding, view: ReportView) -> Text:
    """Name, pseudonym, numbers and e-mails, one per line; masked unless the view reveals personal data."""
    lines = [plain(shown_name(finding.display_name, view.show_pii)), plain(finding.pseudonym, "dim")]
    lines.extend(plain(shown_phone(phone, view.show_pii)) for phone in finding.phones)
    lines.extend(plain(shown_email(address, view.show_pii)) for address in finding.emails)
    if len(finding.person_phones) > 1:
        paths = ", ".join(finding.person_phones)
        lines.append(plain(translate("report.value.person_phones", view.language, paths=paths)))
    return Text("\n").join(line for line in lines if line.plain)


def _assessment(finding: ContactFinding, lang: Language) -> Group:
    """The level and category on the first line, how sure the classification is on the second, then each reason."""
    classification, level = finding.classification, finding.risk.level
    category = category_label(classification.category, lang)
    first = Text.assemble(level_text(level_label(level, lang), level), plain(f" · {category}"))
    confidence = translate("report.value.confidence", lang, confidence=round(classification.confidence * 100))
    reasons = bulleted([reason_short(reason, lang) for reason in finding.risk.reasons])
    return Group(first, plain(confidence, "dim"), reasons)
