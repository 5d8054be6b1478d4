"""Texts about what the reader repaired: a warning's message, with the code page it names where it names one."""

from __future__ import annotations

from scanner.core.model import ReadWarning
from scanner.i18n import Language, translate


def warning_text(warning: ReadWarning, lang: Language) -> str:
    """The message for a located repair; only a CodePage member's name ever fills a placeholder."""
    code_page = warning.code_page.display_name if warning.code_page is not None else ""
    return translate(f"warning.{warning.code.value}", lang, code_page=code_page)
