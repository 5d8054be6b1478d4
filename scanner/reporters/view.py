"""How a report is to be shown: the one setting bundle every reporter receives besides the result."""

from __future__ import annotations

from dataclasses import dataclass

from scanner.i18n import Language


@dataclass(frozen=True)
class ReportView:
    """Language, whether personal data is revealed (``show_pii``), terminal colour and width in columns.

    ``client`` and ``consultant`` fill the header of documents handed to a client (HTML report, drafts);
    ``csv_delimiter`` separates CSV cells (``;`` is what a German Excel expects).
    """

    language: Language
    show_pii: bool = False
    color: bool = False
    width: int = 100
    client: str = ""
    consultant: str = ""
    csv_delimiter: str = ";"
