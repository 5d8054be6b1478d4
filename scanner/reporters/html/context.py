"""What every section renderer of the HTML report receives: the scan result, the view and a translator."""

from __future__ import annotations

from dataclasses import dataclass

from scanner.core.risk import RiskLevel
from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.view import ReportView
from scanner.reporters.wording import date_text, datetime_text, level_label


@dataclass(frozen=True)
class HtmlContext:
    result: ScanResult
    view: ReportView

    @property
    def lang(self) -> Language:
        return self.view.language

    @property
    def messenger(self) -> str:
        return self.result.messenger.display_name

    def t(self, key: str, /, **params: object) -> str:
        """The text for ``key`` in the report's language (escaped later, by the template)."""
        return translate(key, self.lang, **params)

    def level(self, level: RiskLevel) -> str:
        return level_label(level, self.lang)

    def date(self) -> str:
        """The scan day as the reader writes it (``wording.date_text``), in the view's time zone."""
        return date_text(self.result.scanned_at.astimezone(self.view.timezone).date(), self.lang)

    def moment(self) -> str:
        return datetime_text(self.result.scanned_at, self.lang, self.view.timezone)
