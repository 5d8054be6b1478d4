"""The whole HTML page: head (content security policy, inline style, print header), the sections, the script.

The policy forbids every fetch (``default-src 'none'``) and runs only our own script (by its hash), so even a
browser that found something to load could not. The title and metadata name neither contacts nor files.
"""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from scanner.core.scan import ScanResult
from scanner.reporters.html.context import HtmlContext
from scanner.reporters.html.environment import asset, css_string, template
from scanner.reporters.html.sections import SECTIONS, HtmlSection
from scanner.reporters.view import ReportView

_HEADER_SEPARATOR = " · "


def render(result: ScanResult, view: ReportView) -> str:
    ctx = HtmlContext(result, view)
    sections = [section for renderer in SECTIONS if (section := renderer(ctx)) is not None]
    return page(ctx, sections)


def page(ctx: HtmlContext, sections: list[HtmlSection]) -> str:
    script = asset("sort.js")
    return template("page.html.j2").render(
        lang=ctx.lang.value,
        title=ctx.t("html.document_title"),
        version=ctx.result.tool_version,
        script_hash=script_hash(script),
        style=Markup(asset("style.css")),  # noqa: S704 - our own packaged style sheet
        script=Markup(script),  # noqa: S704 - our own packaged script
        header_left=css_string(_header_left(ctx)),
        header_right=css_string(ctx.t("html.label.report")),
        page_label=css_string(ctx.t("html.label.page")),
        page_of=css_string(ctx.t("html.label.page_of")),
        unmasked=ctx.view.show_pii,
        pii_warning=ctx.t("html.note.pii_warning"),
        sections=sections,
    )


def _header_left(ctx: HtmlContext) -> str:
    """The print header: client (and consultant) and date, never anything about the contacts."""
    parts = [part for part in (ctx.view.client, ctx.view.consultant) if part.strip()]
    parts.append(ctx.date())
    return _HEADER_SEPARATOR.join(parts)


def script_hash(script: str) -> str:
    """The CSP source for an inline script: ``sha256-`` and the base64 digest of its exact text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
