"""How a report is to be shown: the one setting bundle every reporter receives besides the result."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from scanner.i18n import Language


@dataclass(frozen=True)
class ReportView:
    """Language, whether personal data is revealed (``show_pii``), terminal colour, width in columns, and the time
    zone dates are shown in (None: the reader's local zone).

    ``client`` and ``consultant`` fill the header of documents handed to a client (HTML report, drafts);
    ``csv_delimiter`` separates CSV cells (``;`` is what a German Excel expects).
    """

    language: Language
    show_pii: bool = False
    color: bool = False
    width: int = 100
    timezone: datetime.tzinfo | None = None
    client: str = ""
    consultant: str = ""
    csv_delimiter: str = ";"
