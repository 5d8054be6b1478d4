"""How a report is to be shown: the one setting bundle every reporter receives besides the result."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from scanner.i18n import Language

if TYPE_CHECKING:  # the core's comparison; imported lazily so that --help does not load the core
    from scanner.core.remediation.compare import BeforeAfter


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
    # e-mail domains shown beside a masked address (ScanResult.known_email_domains); others show as •••.de
    known_email_domains: frozenset[str] = frozenset()
    # before and after (``compare -f html``, ``scan --compare-with``): the HTML and JSON reports show it
    before_after: BeforeAfter | None = None


def with_known_domains(view: ReportView, known: frozenset[str]) -> ReportView:
    """``view`` that also shows the domains ``known`` beside masked addresses (a scan's providers, organisations)."""
    if known <= view.known_email_domains:
        return view
    return replace(view, known_email_domains=view.known_email_domains | known)
