"""The sections of the HTML report, in page order; each is one renderer ``(context) -> HtmlSection | None``.

To add a section (e.g. a before/after comparison), write a renderer that returns an ``HtmlSection`` (its body from
a template in ``templates/sections/``) or None when it has nothing to show, and put it into ``SECTIONS`` where it
belongs. Renderers only present what the scan computed; they never compute findings themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from scanner.core.classification.result import Category
from scanner.core.exposure import UploadPlan
from scanner.core.messengers import Protection, UploadField, is_eea, third_countries
from scanner.core.remediation.compare import Measure, MessengerFigures
from scanner.core.risk import RiskLevel
from scanner.reporters.html.charts import (
    ComparisonRow,
    Destination,
    FlowFigures,
    Segment,
    comparison_chart,
    flow_chart,
    stacked_bar,
    wrapped,
)
from scanner.reporters.html.context import HtmlContext
from scanner.reporters.html.environment import render_markup
from scanner.reporters.masking import shown_email, shown_name, shown_phone
from scanner.reporters.table_contacts import riskiest
from scanner.reporters.wording import (
    category_label,
    country_name,
    date_text,
    decimal,
    fact_label,
    field_label,
    field_marker,
    marker_label,
    reason_short,
)

FIRST_STEPS = 3


@dataclass(frozen=True)
class HtmlSection:
    """One section: ``key`` is its HTML id, ``title`` its heading ("" for none), ``body`` its rendered markup.

    ``new_page``: printed on a new page (the print stylesheet breaks before it).
    """

    key: str
    title: str
    body: Markup
    new_page: bool = True


SectionRenderer = Callable[[HtmlContext], "HtmlSection | None"]


def cover(ctx: HtmlContext) -> HtmlSection:
    """Page one: who it is for, the verdict in one sentence, the level, the three numbers, the first steps."""
    result, people = ctx.result, ctx.result.people_summary.figures
    sources = len(result.files)
    heading = (
        ctx.t("html.cover.heading_fleet", messenger=ctx.messenger, count=sources)
        if sources > 1
        else ctx.t("html.cover.heading", messenger=ctx.messenger)
    )
    figures = (
        (people.uploaded, "html.figure.persons", ctx.t("html.figure.persons_note", messenger=ctx.messenger)),
        (people.private_exposed, "html.figure.private", ctx.t("html.figure.private_note")),
        (f"{people.minors_exposed} / {people.special_exposed}", "html.figure.sensitive",
         ctx.t("html.figure.sensitive_note")),
    )  # fmt: skip
    steps = tuple(ctx.t(f"advice.{advice.value}") for advice in result.advice[:FIRST_STEPS])
    body = render_markup(
        "sections/cover.html.j2", ctx=ctx, heading=heading, verdict=_verdict(ctx), level=result.overall.level.value,
        level_label=ctx.level(result.overall.level), figures=figures, steps=steps,
        more_steps=len(result.advice) > FIRST_STEPS,
    )  # fmt: skip
    return HtmlSection("cover", "", body, new_page=False)


def _verdict(ctx: HtmlContext) -> str:
    people, level = ctx.result.people_summary.figures, ctx.result.overall.level
    codes = list(people.destinations) or list(ctx.result.messenger.destinations.value or ())
    countries = ", ".join(country_name(code, ctx.lang) for code in codes) or country_name(None, ctx.lang)
    where = ctx.t("html.where.third_country" if people.unprotected else "html.where.protected",
                  countries=countries)  # fmt: skip
    return ctx.t(f"html.verdict.{level.value}", messenger=ctx.messenger, persons=people.uploaded,
                 countries=countries, where=where)  # fmt: skip


def before_after(ctx: HtmlContext) -> HtmlSection | None:
    """Before and after (``compare -f html``, ``scan --compare-with``): each figure, the level, every messenger."""
    shown = ctx.view.before_after
    if shown is None:
        return None
    comparison = shown.comparison
    rows = []
    for change in comparison.changes():
        digits = 1 if change.measure is Measure.NON_USERS else 0
        rows.append((ctx.t(f"compare.measure.{change.measure.value}"), _figure(change.before, ctx, digits),
                     _figure(change.after, ctx, digits), _signed(change.difference, ctx, digits),
                     change.measure.value))  # fmt: skip
    messengers = tuple(
        (ctx.t("compare.messenger", messenger=_messenger_name(name, ctx)), _cell(was, ctx), _cell(now, ctx),
         _signed(float((now.uploaded if now else 0) - (was.uploaded if was else 0)), ctx, 0))
        for name, was, now in comparison.messengers()
    )  # fmt: skip
    was, now = comparison.before.level, comparison.after.level
    dropped = ", ".join(ctx.t(f"html.before_after.group.{measure.value}") for measure in shown.dropped_to_zero())
    verdict = (
        ctx.t("html.before_after.dropped", figures=dropped, level=ctx.level(now), before=ctx.level(was))
        if dropped
        else ctx.t("html.before_after.level", level=ctx.level(now), before=ctx.level(was))
    )
    body = render_markup(
        "sections/before_after.html.j2", ctx=ctx, verdict=verdict, rows=tuple(rows), messengers=messengers,
        before=ctx.t("compare.before", path=shown.before_label), after=ctx.t("compare.after", path=shown.after_label),
        level_before=was.value, level_before_label=ctx.level(was), level_after=now.value,
        level_after_label=ctx.level(now),
    )  # fmt: skip
    return HtmlSection("before-after", ctx.t("html.section.before_after"), body)


def _figure(value: float, ctx: HtmlContext, digits: int) -> str:
    return decimal(value, ctx.lang) if digits else str(round(value))


def _signed(value: float, ctx: HtmlContext, digits: int) -> str:
    text = _figure(abs(value), ctx, digits)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text


def _cell(figures: MessengerFigures | None, ctx: HtmlContext) -> str:
    return "–" if figures is None else f"{figures.uploaded} ({ctx.level(figures.level)})"


def _messenger_name(profile_id: str, ctx: HtmlContext) -> str:
    if profile_id == ctx.result.messenger.id:
        return ctx.messenger
    named = {other.profile.id: other.profile.display_name for other in ctx.result.alternatives}
    return named.get(profile_id, profile_id)


def flow(ctx: HtmlContext) -> HtmlSection | None:
    """Where the data goes (phone -> operator -> countries) and the business/private/unknown bar."""
    result, summary, people = ctx.result, ctx.result.summary, ctx.result.people_summary.figures
    if not summary.contacts:
        return None
    not_uploaded = summary.contacts - summary.third_parties_exposed
    sources = len(result.files)
    phone_lines = (
        ctx.t("html.flow.address_books", count=sources) if sources > 1 else ctx.t("html.flow.address_book"),
        ctx.t("html.flow.contacts", count=summary.contacts),
        *wrapped(ctx.t("html.flow.persons", count=people.uploaded)),
        *wrapped(ctx.t("html.flow.not_uploaded", count=not_uploaded)),
    )
    figures = FlowFigures(
        contacts=summary.contacts,
        persons=people.uploaded,
        phone_lines=phone_lines,
        operator_lines=_operator_lines(ctx),
        destinations=_destinations(ctx),
        title=ctx.t("html.section.flow"),
    )
    segments = (
        Segment(ctx.t("report.category.business"), summary.business, Category.BUSINESS.value),
        Segment(ctx.t("report.category.private"), summary.private, Category.PRIVATE.value),
        Segment(ctx.t("report.category.unknown"), summary.unknown, Category.UNKNOWN.value),
    )
    legend = tuple(
        (segment.tone, ctx.t("html.categories.segment", label=segment.label, count=segment.count,
                             percent=round(100 * segment.count / summary.contacts)))
        for segment in segments
    )  # fmt: skip
    body = render_markup(
        "sections/flow.html.j2", ctx=ctx, chart=flow_chart(figures), notes=_flow_notes(ctx),
        bar=stacked_bar(segments, ctx.t("html.section.categories")), legend=legend,
    )  # fmt: skip
    return HtmlSection("flow", ctx.t("html.section.flow"), body)


def _operator_lines(ctx: HtmlContext) -> tuple[str, ...]:
    profile = ctx.result.messenger
    lines = [profile.display_name, *wrapped(profile.operator.value)]
    if profile.eu_entity is not None:
        lines.extend(wrapped(profile.eu_entity.value))
    return tuple(lines)


def _destinations(ctx: HtmlContext) -> tuple[Destination, ...]:
    """Each country the profile names, with the protection the risk rules give it (core's ``UploadPlan``)."""
    profile, persons = ctx.result.messenger, ctx.result.people_summary.figures.uploaded
    plan = UploadPlan.of(profile)
    protection = {third.country: third.protection for third in third_countries(profile)}
    codes: tuple[str | None, ...] = profile.destinations.value or (None,)
    shown = []
    for code in codes:
        if code is not None and is_eea(code):
            tone = "eea"
        elif code == plan.destination and not plan.adequate:
            tone = _unprotected_tone(protection.get(code, Protection.UNKNOWN_DESTINATION))
        else:
            tone = protection.get(code, Protection.UNKNOWN_DESTINATION).value
        count = ctx.t("html.flow.persons_short", count=persons)
        shown.append(Destination(country_name(code, ctx.lang), ctx.t(f"html.protection.{tone}"), tone, count))
    return tuple(shown)


def _unprotected_tone(protection: Protection) -> str:
    """A partial adequacy (US: DPF) the operator does not rely on protects nothing: it reads as no adequacy."""
    if protection is Protection.PARTIAL_ADEQUACY:
        return "partial_not_relied_on"
    return protection.value


def _flow_notes(ctx: HtmlContext) -> tuple[str, ...]:
    result, people = ctx.result, ctx.result.people_summary.figures
    fields = []
    for field in UploadField:
        fact = result.messenger.fields.get(field)
        if not fact.value.may_leave_phone:
            continue
        marker = field_marker(fact)
        label = field_label(field, ctx.lang)
        fields.append(f"{label} ({marker_label(marker, ctx.lang)})" if marker else label)
    notes = [ctx.t("html.flow.caption", messenger=ctx.messenger)]
    if fields:
        notes.append(ctx.t("html.flow.fields", fields=", ".join(fields)))
    if people.uploaded:
        estimate = decimal(people.estimated_non_users, ctx.lang)
        notes.append(ctx.t("html.flow.non_users", estimate=estimate, messenger=ctx.messenger))
    if people.non_user_fallbacks:
        notes.append(ctx.t("html.flow.non_users_bound", count=people.non_user_fallbacks))
    return tuple(notes)


def alternatives(ctx: HtmlContext) -> HtmlSection | None:
    """The same address book under the other messengers: chart and table."""
    result, people = ctx.result, ctx.result.people_summary.figures
    if not result.alternatives or not result.summary.contacts:
        return None
    current = ctx.t("report.value.current", name=ctx.messenger)
    rows = [(current, people.uploaded, people.unprotected, people.estimated_non_users, people.non_user_fallbacks,
             result.overall.level, True, bool(result.messenger.unconfirmed()))]
    for other in result.alternatives:
        figures = other.people_figures
        rows.append((other.profile.display_name, figures.uploaded, figures.unprotected, figures.estimated_non_users,
                     figures.non_user_fallbacks, other.level, False, bool(other.profile.unconfirmed())))  # fmt: skip
    chart_rows = tuple(ComparisonRow(name, up, unprot, now) for name, up, unprot, _, _, _, now, _ in rows)
    table = tuple(
        (name + (" *" if unconfirmed else ""), up, unprot, ("≤ " if bound else "") + decimal(users, ctx.lang),
         level.value, ctx.level(level), now)
        for name, up, unprot, users, bound, level, now, unconfirmed in rows
    )  # fmt: skip
    chart = comparison_chart(chart_rows, ctx.t("report.section.alternatives"))
    body = render_markup(
        "sections/alternatives.html.j2", ctx=ctx, chart=chart, rows=table,
        any_unconfirmed=any(row[7] for row in rows), any_bound=any(row[4] for row in rows),
    )  # fmt: skip
    return HtmlSection("alternatives", ctx.t("report.section.alternatives"), body)


def sources(ctx: HtmlContext) -> HtmlSection | None:
    """For a fleet: each phone's figures in a table the reader can sort, the riskiest first."""
    risks = ctx.result.source_risks
    if len(risks) < 2:
        return None
    ranked = sorted(risks, key=lambda source: -source.level.rank)
    rows = tuple(
        (source.path, source.contacts, source.persons_exposed, source.private_persons, source.minors,
         source.special_category_persons, source.level.rank, source.level.value, ctx.level(source.level))
        for source in ranked
    )  # fmt: skip
    body = render_markup("sections/sources.html.j2", ctx=ctx, rows=rows)
    return HtmlSection("sources", ctx.t("report.section.sources"), body)


def riskiest_contacts(ctx: HtmlContext) -> HtmlSection | None:
    """The contacts at highest risk, masked unless the view reveals personal data."""
    shown = riskiest(ctx.result)
    if not shown:
        return None
    show = ctx.view.show_pii
    rows = []
    for finding in shown:
        lines = [shown_phone(phone, show) for phone in finding.phones]
        lines.extend(shown_email(address, show) for address in finding.emails)
        category = ctx.t("html.value.category", category=category_label(finding.classification.category, ctx.lang),
                         confidence=round(finding.classification.confidence * 100))  # fmt: skip
        reasons = " · ".join(reason_short(reason, ctx.lang) for reason in finding.risk.reasons)
        rows.append((shown_name(finding.display_name, show), finding.pseudonym, ", ".join(lines),
                     finding.risk.level.value, ctx.level(finding.risk.level), category, reasons))  # fmt: skip
    levels = ctx.result.people_summary.figures.levels
    at_risk = sum(count for level, count in levels.items() if level != RiskLevel.NONE.value)
    partial = ctx.t("html.note.riskiest_partial", shown=len(shown), total=at_risk) if len(shown) < at_risk else ""
    body = render_markup("sections/riskiest.html.j2", ctx=ctx, rows=rows, partial=partial)
    return HtmlSection("riskiest", ctx.t("report.section.riskiest"), body)


def advice(ctx: HtmlContext) -> HtmlSection | None:
    """The recommendations, each with its legal reason and sources."""
    if not ctx.result.advice:
        return None
    items = tuple(
        (ctx.t(f"advice.{code}"), ctx.t(f"html.advice.{code}.why"), ctx.t(f"html.advice.{code}.sources"))
        for code in (advice.value for advice in ctx.result.advice)
    )
    body = render_markup("sections/advice.html.j2", ctx=ctx, items=items)
    return HtmlSection("advice", ctx.t("report.section.advice"), body)


def method(ctx: HtmlContext) -> HtmlSection:
    """How the figures came about, what is unconfirmed, and the sources with their dates."""
    result, summary, profile = ctx.result, ctx.result.summary, ctx.result.messenger
    unconfirmed = profile.unconfirmed()
    paragraphs = (
        ctx.t("html.method.reading", found=summary.cards_found, files=len(result.files), contacts=summary.contacts,
              rejected=summary.rejected),
        ctx.t("html.method.classification", today=date_text(result.today, ctx.lang)),
        ctx.t("html.method.exposure", messenger=ctx.messenger),
        ctx.t("html.method.non_users"),
        ctx.t("html.method.risk"),
        ctx.t("html.method.unconfirmed", messenger=ctx.messenger,
              facts=", ".join(fact_label(name, ctx.lang) for name in unconfirmed))
        if unconfirmed else ctx.t("html.method.all_confirmed", messenger=ctx.messenger),
        ctx.t("html.method.profile_checked", messenger=ctx.messenger, date=date_text(profile.checked, ctx.lang),
              version=result.tool_version, scanned=ctx.moment()),
    )  # fmt: skip
    cited = tuple(
        (source.key, source.title, source.date or ctx.t("html.method.undated"), source.url)
        for source in profile.sources()
    )
    body = render_markup("sections/method.html.j2", ctx=ctx, paragraphs=paragraphs, cited=cited,
                         files=result.files)  # fmt: skip
    return HtmlSection("method", ctx.t("html.section.method"), body)


SECTIONS: tuple[SectionRenderer, ...] = (
    cover, before_after, flow, alternatives, sources, riskiest_contacts, advice, method,
)  # fmt: skip
