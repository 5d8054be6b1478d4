"""The terminal summary (default format): what the upload exposes, how risky it is, what to do, for people to read."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Console, RenderableType
from rich.text import Text

from scanner.core.messengers import MessengerProfile, UploadField
from scanner.core.risk import REASON_WEIGHT, RiskReason
from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate, translate_plural
from scanner.reporters import classification_context
from scanner.reporters.rich_parts import bulleted, grid, heading, level_text, numbered, plain
from scanner.reporters.table_contacts import alternatives_section, riskiest_section, sources_section
from scanner.reporters.view import ReportView
from scanner.reporters.wording import (
    country_name,
    date_text,
    datetime_text,
    decimal,
    destinations_text,
    fact_label,
    field_label,
    field_marker,
    level_label,
    marker_label,
    reason_short,
)


def render(result: ScanResult, view: ReportView) -> str:
    console = Console(
        file=io.StringIO(),
        width=view.width,
        color_system="standard" if view.color else None,
        force_terminal=view.color,
        no_color=not view.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    for part in _parts(result, view):
        console.print(part)
    output = console.file.getvalue() if isinstance(console.file, io.StringIO) else ""
    # Grid cells are padded to the full width; trailing blanks only make diffs and copies worse.
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def _parts(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    yield from _header(result, view)
    yield from _counts(result, view)
    if result.summary.contacts:
        yield from _exposure(result, view)
        yield from _risk(result, view)
    yield from _advice(result, view)
    yield from sources_section(result, view)
    yield from alternatives_section(result, view)
    yield from riskiest_section(result, view)
    yield from _notes(result, view)


def _header(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    lang = view.language
    profile = result.messenger
    yield plain(translate("report.title", lang, version=result.tool_version), "bold")
    rows: list[tuple[str, Text | str]] = [
        (translate("report.label.messenger", lang), profile.display_name),
        (translate("report.label.operator", lang), _operator(profile, lang)),
    ]
    if profile.eu_entity is not None:
        entity = _marked(profile.eu_entity.value, profile, "eu_entity", lang)
        rows.append((translate("report.label.eu_entity", lang), entity))
    rows.append((translate("report.label.profile_destinations", lang), _profile_destinations(profile, lang)))
    rows.append((translate("report.label.scanned_at", lang), _scanned(result, view)))
    rows.append((translate("report.label.files", lang), _files(result, lang)))
    if profile.unconfirmed():
        labels = ", ".join(fact_label(name, lang) for name in profile.unconfirmed())
        rows.append((translate("report.label.unconfirmed_facts", lang), labels))
    yield grid(rows, view.width)
    for report in result.files:
        if report.problem is not None:
            problem = translate(f"file.{report.problem.value}", lang)
            yield plain("  " + translate("report.value.file_problem", lang, path=report.path, problem=problem))


def _operator(profile: MessengerProfile, lang: Language) -> str:
    return _marked(profile.operator.value, profile, "operator", lang)


def _marked(value: str, profile: MessengerProfile, fact: str, lang: Language) -> str:
    if fact in profile.unconfirmed():
        return f"{value} ({marker_label('unconfirmed', lang)})"
    return value


def _profile_destinations(profile: MessengerProfile, lang: Language) -> str:
    codes = profile.destinations.value
    names = ", ".join(country_name(code, lang) for code in codes) if codes else country_name(None, lang)
    return _marked(names, profile, "destinations", lang)


def _scanned(result: ScanResult, view: ReportView) -> str:
    lang = view.language
    when = datetime_text(result.scanned_at, lang, view.timezone)
    return translate("report.value.scanned_at", lang, when=when, today=date_text(result.today, lang))


def _files(result: ScanResult, lang: Language) -> str:
    """Read and unreadable add up to the files given (a directory given counts as the files found in it)."""
    problems = sum(report.problem is not None for report in result.files)
    read = len(result.files) - problems
    if problems:
        return translate("report.value.files_with_problems", lang, count=read, problems=problems)
    return translate("report.value.files", lang, count=read)


def _counts(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    lang, summary = view.language, result.summary
    yield heading(translate("report.section.counts", lang))
    contacts_read = translate_plural("report.value.contacts_read", lang, summary.contacts)
    found = translate("report.value.cards_found", lang, found=summary.cards_found, contacts_read=contacts_read,
                      rejected=summary.rejected)  # fmt: skip
    rows: list[tuple[str, Text | str]] = [
        (translate("report.label.cards_found", lang), found),
        (translate("report.label.categories", lang), f"{summary.business} / {summary.private} / {summary.unknown}"),
        (translate("report.label.natural_persons", lang), str(summary.natural_persons)),
        (translate("report.label.people", lang), _people(result, lang)),
        *classification_context.table_rows(result, lang),
    ]
    yield grid(rows, view.width)


def _people(result: ScanResult, lang: Language) -> str:
    """ "42 people in 126 entries on 3 phones, 42 of them on more than one phone": people first, then cards."""
    people = result.people_summary
    figures = {"people": people.people, "entries": people.entries, "phones": people.phones}
    text = translate("report.value.people" if people.phones > 1 else "report.value.people_one_phone", lang, **figures)
    if people.on_several_phones:
        text += ", " + translate("report.value.people_several", lang, several=people.on_several_phones)
    return text


def _exposure(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    lang, people = view.language, result.people_summary
    figures = people.figures
    yield heading(translate("report.section.exposure", lang))
    rows: list[tuple[str, Text | str]] = [
        (translate("report.label.third_parties", lang), str(figures.uploaded)),
        (translate("report.label.third_country", lang), str(figures.third_country)),
    ]
    if figures.destinations:
        rows.append((translate("report.label.destinations", lang), destinations_text(figures.destinations, lang)))
    rows.append((translate("report.label.fields", lang), _fields(result, lang)))
    rows.extend(("", note) for note in _field_notes(result, lang))
    rows.extend(_non_users(result, lang))
    special = _of_total(figures.special_exposed, people.special_categories, lang)
    rows.append((translate("report.label.special_exposed", lang), special))
    minors = _of_total(figures.minors_exposed, people.minors, lang)
    rows.append((translate("report.label.minors_exposed", lang), minors))
    yield grid(rows, view.width)
    if people.entries > people.people:
        yield plain(translate("report.note.people_counted_once", lang), "dim")


def _of_total(count: int, total: int, lang: Language) -> str:
    return translate("report.value.of_total", lang, count=count, total=total)


def _fields(result: ScanResult, lang: Language) -> str:
    """Each field the profile lets leave the phone, with how many persons it concerns and the profile's doubt."""
    parts: list[str] = []
    for field in UploadField:
        fact = result.messenger.fields.get(field)
        if not fact.value.may_leave_phone:
            continue
        count = result.people_summary.figures.fields.get(field.value, 0)
        parts.append(_field(field, count, field_marker(fact), lang))
    return ", ".join(parts) or translate("report.value.nothing", lang)


def _field(field: UploadField, count: int, marker: str | None, lang: Language) -> str:
    label = field_label(field, lang)
    if marker is None:
        return translate("report.value.field", lang, field=label, count=count)
    return translate("report.value.field_marked", lang, field=label, count=count, status=marker_label(marker, lang))


def _field_notes(result: ScanResult, lang: Language) -> list[str]:
    """What "disputed" or "unconfirmed" beside a field means, where it appears, with the profile's own note."""
    notes: list[str] = []
    for field in UploadField:
        fact = result.messenger.fields.get(field)
        marker = field_marker(fact)
        if not fact.value.may_leave_phone or marker is None:
            continue
        if fact.note:
            explanation = translate(f"report.note.field_{marker}_because", lang, note=translate(fact.note, lang))
        else:
            explanation = translate(f"report.note.field_{marker}", lang)
        notes.append(translate("report.note.field_status", lang, field=_capitalised(field_label(field, lang)),
                               status=marker_label(marker, lang), explanation=explanation))  # fmt: skip
    return notes


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _non_users(result: ScanResult, lang: Language) -> list[tuple[str, Text | str]]:
    """The expected number of non-users (people), marked as an upper bound where figures were missing, and why it
    differs from the count of people who carry the reason "probably not a user"."""
    figures = result.people_summary.figures
    fallbacks = figures.non_user_fallbacks
    estimate = ("≤ " if fallbacks else "") + decimal(figures.estimated_non_users, lang)
    rows: list[tuple[str, Text | str]] = [
        (translate("report.label.non_users", lang), translate("report.value.non_users", lang, estimate=estimate))
    ]
    likely = figures.reasons.get(RiskReason.LIKELY_NON_USER, 0)
    if figures.estimated_non_users:
        reason = reason_short(RiskReason.LIKELY_NON_USER, lang)
        rows.append(("", translate_plural("report.note.non_user_count", lang, likely, reason=reason)))
    if fallbacks:
        rows.append(("", translate_plural("report.note.non_user_fallback", lang, fallbacks)))
    return rows


def _risk(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    lang, overall = view.language, result.overall
    yield heading(translate("report.section.risk", lang))
    level = level_text(level_label(overall.level, lang), overall.level)
    yield grid([(translate("report.label.overall", lang), level)], view.width)
    counts = result.people_summary.figures.reasons
    reasons = [reason for reason in REASON_WEIGHT if counts.get(reason)]
    if reasons:
        yield bulleted([_reason_count(reason, counts[reason], lang) for reason in reasons])
        yield plain(translate("report.note.reason_counts", lang), "dim")


def _reason_count(reason: RiskReason, count: int, lang: Language) -> str:
    return translate("report.value.reason_count", lang, reason=reason_short(reason, lang), count=count)


def _advice(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    if not result.advice:
        return
    yield heading(translate("report.section.advice", view.language))
    yield numbered([translate(f"advice.{advice.value}", view.language) for advice in result.advice])


def _notes(result: ScanResult, view: ReportView) -> Iterator[RenderableType]:
    lang = view.language
    yield Text("")
    if not result.summary.contacts:
        yield plain(translate("report.note.no_contacts", lang))
    if result.summary.rejected:
        yield plain(translate("report.note.rejected", lang, count=result.summary.rejected))
    yield plain(translate("report.note.unmasked" if view.show_pii else "report.note.masked", lang), "dim")
    yield plain(translate("report.note.not_legal_advice", lang), "dim")
