"""The options ``scan`` and ``demo`` share, declared once with ``Annotated``; help texts in English and German."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from scanner.core.risk import RiskLevel
from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat

MessengerOpt = Annotated[
    str | None,
    typer.Option("--messenger", "-m", help="Messenger profile (see 'contactleak messengers'). / Messenger-Profil."),
]
ProfileOpt = Annotated[
    Path | None, typer.Option("--profile", help="Your own messenger profile (TOML). / Eigenes Messenger-Profil.")
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format. / Berichtsformat.")]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write the report to FILE (- = stdout) after success. / Bericht in Datei."),
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Let -o replace the file a symbolic link points to. / -o darf das Ziel eines symbolischen Links ersetzen.",
    ),
]
MaxInputSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--max-input-size",
        metavar="SIZE",
        help="Stop reading a file or stdin beyond SIZE (e.g. 500M, 2G; default 2G). / Lesegrenze je Eingabe.",
    ),
]
LangOpt = Annotated[Language | None, typer.Option("--lang", help="Report language (default: locale). / Sprache.")]
RegionOpt = Annotated[
    str, typer.Option("--region", help="Country for numbers without +prefix (ISO code). / Land für Nummern ohne +.")
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Code page of values without CHARSET (e.g. cp1251). / Zeichensatz erzwingen."),
]
FailOnOpt = Annotated[
    RiskLevel | None,
    typer.Option("--fail-on", help="Exit 1 when the overall risk is at or above LEVEL. / Exit 1 ab dieser Stufe."),
]
ShowPiiOpt = Annotated[
    bool, typer.Option("--show-pii", help="Show names, numbers and e-mails unmasked. / Personendaten zeigen.")
]
CompanyDomainOpt = Annotated[
    list[str] | None,
    typer.Option("--company-domain", help="Your own company's e-mail domain (repeatable). / Eigene Firmendomain."),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Config file with your own lists (TOML). / Konfigurationsdatei.")
]
IdKeyOpt = Annotated[
    str | None,
    typer.Option(
        "--id-key",
        envvar="CONTACTLEAK_ID_KEY",
        help="Secret key for contact ids stable across runs (default: random per run). Visible to other users in the "
        "process list: prefer CONTACTLEAK_ID_KEY or --id-key-file. / Schlüssel für stabile IDs; in der Prozessliste "
        "sichtbar, besser CONTACTLEAK_ID_KEY oder --id-key-file.",
    ),
]
IdKeyFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--id-key-file",
        help="Read the --id-key from FILE (first line), kept out of the process list. / Schlüssel aus Datei lesen.",
    ),
]
AsOfOpt = Annotated[
    datetime.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="Judge ages on this date (default: today). / Stichtag."),
]
ClientOpt = Annotated[
    str | None,
    typer.Option("--client", help="Client named in the HTML report's header (or config [report]). / Auftraggeber."),
]
ConsultantOpt = Annotated[
    str | None,
    typer.Option("--consultant", help="Who made the report, for its header. / Ersteller des Berichts."),
]
CsvDelimiterOpt = Annotated[
    str, typer.Option("--csv-delimiter", help="Cell separator of -f csv (default ';'). / Trennzeichen für CSV.")
]
CompareWithOpt = Annotated[
    str | None,
    typer.Option(
        "--compare-with",
        metavar="BEFORE",
        help="Show before and after in the HTML/JSON report: BEFORE is an earlier JSON report or exports. "
        "/ Vorher und nachher im HTML-/JSON-Bericht: VORHER ist ein früherer JSON-Bericht oder Exporte.",
    ),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="List every repair made in cards. / Reparaturen.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or notes on stderr. / Keine Hinweise.")]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Show the traceback of an internal error (for bug reports). / Fehlersuche.")
]


@dataclass(frozen=True)
class ScanSettings:
    """Everything ``scan`` and ``demo`` were asked for, gathered from the options."""

    messenger: str | None = None
    profile: Path | None = None
    output_format: OutputFormat = OutputFormat.TABLE
    output: str | None = None
    force: bool = False
    max_input_size: str | None = None
    language: Language = Language.EN
    region: str = "DE"
    encoding: str | None = None
    fail_on: RiskLevel | None = None
    show_pii: bool = False
    company_domains: tuple[str, ...] = ()
    config: Path | None = None
    id_key: str | None = None
    id_key_file: Path | None = None
    as_of: datetime.date | None = None
    verbose: bool = False
    quiet: bool = False
    debug: bool = False
    trade: str | None = None  # --trade (else the config's [owner] trade, else inferred per phone)
    decisions: Path | None = None  # --decisions: the owner's own decisions (contactleak review)
    client: str | None = None
    consultant: str | None = None
    csv_delimiter: str = ";"
    compare_with: str | None = None  # --compare-with: the scan before (a JSON report or exports)
