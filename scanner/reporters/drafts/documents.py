"""Each draft filled for one scan and one language, written as Markdown and as HTML from the same blocks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from scanner.core.scan import ContactFinding, ScanResult
from scanner.i18n import translate
from scanner.reporters.drafts.figures import figures
from scanner.reporters.drafts.specs import Block, BlockKind, DraftSpec, draft_specs
from scanner.reporters.html.environment import template
from scanner.reporters.markdown_report import md_text
from scanner.reporters.masking import shown_name, shown_phone
from scanner.reporters.view import ReportView

_CHECKBOX = "[ ]"


@dataclass(frozen=True)
class DraftFile:
    """One draft: ``stem`` names its files (``stem.md``, ``stem.html``)."""

    key: str
    stem: str
    markdown: str
    html: str


@dataclass(frozen=True)
class Filled:
    """A block with its texts in one language and its placeholders filled."""

    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, str], ...] = ()
    items: tuple[str, ...] = ()
    advice: tuple[tuple[str, str, str], ...] = ()


def render_drafts(result: ScanResult, view: ReportView) -> tuple[DraftFile, ...]:
    """Every draft for this scan in the view's language; personal data masked unless the view reveals it."""
    raw = figures(result, view)
    escaped = {key: md_text(value) for key, value in raw.items()}
    return tuple(_draft(spec, result, view, raw, escaped) for spec in draft_specs())


def _draft(
    spec: DraftSpec, result: ScanResult, view: ReportView, raw: Mapping[str, str], escaped: Mapping[str, str]
) -> DraftFile:
    lang = view.language
    sources = _sources(result, view, raw)
    markdown = _markdown(spec, tuple(_filled(spec, result, view, escaped, markdown=True)), escaped, view, sources)
    title = spec.title.get(lang).format_map(raw)
    html = template("draft.html.j2").render(
        lang=lang.value,
        notice=translate("drafts.notice", lang, **raw),
        title=title,
        blocks=_filled(spec, result, view, raw, markdown=False),
        sources_heading=translate("drafts.sources.heading", lang),
        sources=sources,
        why_label=translate("html.advice.why", lang),
        sources_label=translate("html.advice.sources", lang),
    )
    return DraftFile(spec.key, spec.file.get(lang), markdown, html)


def _filled(
    spec: DraftSpec, result: ScanResult, view: ReportView, values: Mapping[str, str], *, markdown: bool
) -> Iterator[Filled]:
    lang = view.language
    for block in spec.blocks:
        if block.kind is BlockKind.ADVICE:
            yield Filled(block.kind, advice=_advice(result, view))
        elif block.kind is BlockKind.REMOVE_LIST:
            lines = _to_remove(result, view)
            yield Filled(block.kind, items=tuple(md_text(line) for line in lines) if markdown else lines,
                         text=translate("drafts.value.none_to_remove", lang))  # fmt: skip
        else:
            yield _fill(block, values, view)


def _fill(block: Block, values: Mapping[str, str], view: ReportView) -> Filled:
    lang = view.language
    text = block.text.get(lang).format_map(values) if block.text else ""
    rows = tuple((label.get(lang).format_map(values), text_of.get(lang).format_map(values))
                 for label, text_of in block.rows)  # fmt: skip
    items = tuple(item.get(lang).format_map(values) for item in block.items)
    return Filled(block.kind, text, rows, items)


def _advice(result: ScanResult, view: ReportView) -> tuple[tuple[str, str, str], ...]:
    lang = view.language
    return tuple(
        (translate(f"advice.{code}", lang), translate(f"html.advice.{code}.why", lang),
         translate(f"html.advice.{code}.sources", lang))
        for code in (advice.value for advice in result.advice)
    )  # fmt: skip


def _to_remove(result: ScanResult, view: ReportView) -> tuple[str, ...]:
    """The uploaded minors and Art. 9 contacts, one line each: masked name, id, numbers, why."""
    return tuple(_removal_line(finding, view) for finding in result.findings if _must_go(finding))


def _must_go(finding: ContactFinding) -> bool:
    classification = finding.classification
    return finding.exposure.uploaded and (classification.minor or bool(classification.special_categories))


def _removal_line(finding: ContactFinding, view: ReportView) -> str:
    lang, show = view.language, view.show_pii
    reasons = []
    if finding.classification.minor:
        reasons.append(translate("drafts.value.minor", lang))
    reasons.extend(translate(f"drafts.special.{category.value}", lang)
                   for category in finding.classification.special_categories)  # fmt: skip
    numbers = ", ".join(shown_phone(phone, show) for phone in finding.phones)
    name = shown_name(finding.display_name, show)
    return f"{name} ({finding.pseudonym}), {numbers}: {', '.join(reasons)}"


def _sources(result: ScanResult, view: ReportView, values: Mapping[str, str]) -> tuple[str, ...]:
    """Where the draft's figures and facts come from: the scan, the profile's sources, the law, the articles."""
    lang, profile = view.language, result.messenger
    cited = "; ".join(
        f"[{source.key}] {source.title}" + (f" ({source.date})" if source.date else "") for source in profile.sources()
    )
    return (
        translate("drafts.sources.scan", lang, **values),
        translate("drafts.sources.profile", lang, messenger=profile.display_name, checked=values["checked"],
                  cited=cited),
        translate("drafts.sources.legal", lang, legal=translate("html.method.legal_sources", lang)),
        translate("drafts.sources.articles", lang),
    )


def _markdown(
    spec: DraftSpec, blocks: tuple[Filled, ...], values: Mapping[str, str], view: ReportView, sources: tuple[str, ...]
) -> str:
    lang = view.language
    title = spec.title.get(lang).format_map(values)
    lines = [f"**{translate('drafts.notice', lang, **values)}**", "", f"# {title}", ""]
    for block in blocks:
        lines.extend(_markdown_block(block, lang_advice=(translate("html.advice.why", lang),
                                                         translate("html.advice.sources", lang))))  # fmt: skip
        lines.append("")
    lines.extend([f"## {translate('drafts.sources.heading', lang)}", ""])
    lines.extend(f"- {md_text(source)}" for source in sources)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_block(block: Filled, *, lang_advice: tuple[str, str]) -> Iterator[str]:
    kind = block.kind
    if kind is BlockKind.HEADING:
        yield f"## {block.text}"
    elif kind is BlockKind.PARAGRAPH:
        yield block.text
    elif kind is BlockKind.FIELDS:
        yield from (f"- **{label}:** {value}" for label, value in block.rows)
    elif kind is BlockKind.LIST:
        yield from (f"- {item}" for item in block.items)
    elif kind is BlockKind.CHECKLIST:
        yield from (f"- {_CHECKBOX} {item}" for item in block.items)
    elif kind is BlockKind.ADVICE:
        why, sources = lang_advice
        for number, (text, reason, cited) in enumerate(block.advice, start=1):
            yield f"{number}. {text}"
            yield f"   *{why}:* {reason} *{sources}:* {cited}"
    elif kind is BlockKind.REMOVE_LIST:
        yield from (f"- {item}" for item in block.items) if block.items else (block.text,)
