"""The CSV report: one masked row per contact, for filtering in a spreadsheet (UTF-8 with BOM, ``;`` by default).

Excel opens a UTF-8 file with umlauts right only when it starts with a byte order mark, and a German Excel splits
cells at ``;``. A cell that starts with ``=``, ``+``, ``-`` or ``@`` is a formula to a spreadsheet, so such a cell
is written with a leading apostrophe (OWASP "CSV injection"): a name like ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from scanner.core.scan import ContactFinding, ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.inert_text import inert
from scanner.reporters.masking import shown_email, shown_name, shown_phone
from scanner.reporters.view import ReportView
from scanner.reporters.wording import category_label, evidence_text, level_label, reason_short

BOM = "\ufeff"
DEFAULT_DELIMITER = ";"
LIST_SEPARATOR = " | "
_FORMULA_STARTS = ("=", "+", "-", "@")
_REFUSED_DELIMITERS = frozenset('"\'\r\n ')

COLUMNS = (
    "id",
    "file",
    "line",
    "name",
    "phones",
    "phone_countries",
    "emails",
    "category",
    "confidence",
    "natural_person",
    "minor",
    "special_categories",
    "uploaded",
    "uploaded_fields",
    "destination",
    "third_country",
    "non_user_probability",
    "risk",
    "risk_reasons",
    "classification_reasons",
)


def valid_delimiter(delimiter: str) -> bool:
    """One character that cannot be mistaken for a quote, a line break, a letter or a digit."""
    return len(delimiter) == 1 and delimiter not in _REFUSED_DELIMITERS and not delimiter.isalnum()


def render(result: ScanResult, view: ReportView) -> str:
    """The whole CSV text, BOM first; rows end in CRLF as RFC 4180 and Excel expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=view.csv_delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(translate(f"csv.column.{column}", view.language)) for column in COLUMNS])
    for finding in result.findings:
        writer.writerow([safe_cell(cell) for cell in _row(finding, view)])
    return BOM + buffer.getvalue()


def safe_cell(value: str) -> str:
    """``value`` without control or direction characters, and never read as a formula by a spreadsheet."""
    text = inert(value)
    return "'" + text if text.lstrip().startswith(_FORMULA_STARTS) else text


def _row(finding: ContactFinding, view: ReportView) -> Iterator[str]:
    lang, show = view.language, view.show_pii
    classification, exposure = finding.classification, finding.exposure
    yield finding.pseudonym
    yield finding.source.path
    yield str(finding.source.line)
    yield shown_name(finding.display_name, show)
    yield LIST_SEPARATOR.join(shown_phone(phone, show) for phone in finding.phones)
    yield LIST_SEPARATOR.join(dict.fromkeys(phone.region or "" for phone in finding.phones if phone.region))
    yield LIST_SEPARATOR.join(shown_email(address, show) for address in finding.emails)
    yield category_label(classification.category, lang)
    yield _number(classification.confidence, lang)
    yield _yes_no(classification.natural_person, lang)
    yield _yes_no(classification.minor, lang)
    yield LIST_SEPARATOR.join(category.value for category in classification.special_categories)
    yield _yes_no(exposure.uploaded, lang)
    yield LIST_SEPARATOR.join(exposure.field_names)
    yield exposure.destination or ""
    yield _yes_no(exposure.third_country, lang) if exposure.uploaded else ""
    probability = exposure.non_user_probability
    yield _number(probability, lang) if probability is not None else ""
    yield level_label(finding.risk.level, lang)
    yield LIST_SEPARATOR.join(reason_short(reason, lang) for reason in finding.risk.reasons)
    yield LIST_SEPARATOR.join(evidence_text(evidence, lang) for evidence in classification.evidence)


def _yes_no(value: bool, lang: Language) -> str:
    return translate("csv.value.yes" if value else "csv.value.no", lang)


def _number(value: float, lang: Language) -> str:
    """Two decimals, with a decimal comma in German (what a German spreadsheet reads as a number)."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang is Language.DE else text
