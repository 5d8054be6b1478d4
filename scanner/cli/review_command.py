"""``review``: the owner decides the cards the classifier could not, in the terminal; ``--format csv`` for admins.

This is the owner's own data on the owner's machine, so the interactive review shows the cards' values; what it
saves holds only keyed pseudonyms and business/private (``scanner.core.decisions``), never a number, name or e-mail.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.prompt import Prompt
from rich.table import Table
from rich.text import Text

from scanner.cli.classification_options import REVIEW_LIMIT
from scanner.cli.console import error_console
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.output import write_report
from scanner.core.classification import Category, Classification, PhoneContext, Trade, classify_phone
from scanner.core.classification.rules import ClassificationRules
from scanner.core.decisions import Decisions, DecisionsError, csv_text, decisions_text, key_fingerprint, load_decisions
from scanner.core.model import Contact
from scanner.core.pseudonym import pseudonym
from scanner.core.reading_run import ReadingRun
from scanner.i18n import Language, translate
from scanner.reporters.masking import shown_name
from scanner.reporters.wording import category_label, evidence_text

# How many cards one review offers: the undecided first, then the least confident.
DEFAULT_LIMIT = REVIEW_LIMIT
_REASONS_SHOWN = 3
# Decided cards below this confidence are offered too: tanh(1.5 / 3), a single medium cue.
LEAST_CONFIDENT = 0.46
_ANSWERS = {"b": Category.BUSINESS, "p": Category.PRIVATE}


@dataclass(frozen=True)
class ReviewSettings:
    language: Language
    id_key: str
    decisions: Path
    rules: ClassificationRules
    today: datetime.date
    trade: Trade | None = None
    region: str = "DE"
    limit: int = DEFAULT_LIMIT
    csv: bool = False
    output: str | None = None
    show_pii: bool = False


@dataclass(frozen=True)
class Candidate:
    contact: Contact
    classification: Classification
    pid: str


def run_review_command(arguments: Sequence[str], settings: ReviewSettings) -> ExitCode:
    key = settings.id_key.encode("utf-8")
    known = _existing(settings.decisions, key, settings.language)
    candidates = _candidates(arguments, settings, key, known)
    if settings.csv:
        write_report(csv_text([_csv_row(c, key, settings) for c in candidates]), settings.output, inputs=arguments)
        return ExitCode.COMPLETED
    console = Console(highlight=False, markup=False, emoji=False, soft_wrap=True)
    lang = settings.language
    if not candidates:
        console.print(Text(translate("review.nothing_to_review", lang)))
        return ExitCode.COMPLETED
    console.print(Text(translate("review.intro", lang, count=len(candidates)), style="bold"))
    decided = dict(known.by_id)
    new = 0
    for number, candidate in enumerate(candidates, start=1):
        console.print(_panel(candidate, number, len(candidates), lang))
        try:
            answer = Prompt.ask(
                translate("review.prompt", lang), choices=["b", "p", "s", "q"], default="s", console=console
            )
        except EOFError:  # the input ended (a script, Ctrl-D): keep what was decided so far
            answer = "q"
        if answer == "q":
            break
        if answer in _ANSWERS:
            decided[candidate.pid] = _ANSWERS[answer]
            new += 1
    write_report(decisions_text(decided, key), str(settings.decisions), inputs=arguments, force=False)
    business = sum(category is Category.BUSINESS for category in decided.values())
    console.print(Text(translate("review.saved", lang, new=new, total=len(decided), business=business,
                                 private=len(decided) - business, path=str(settings.decisions))))  # fmt: skip
    return ExitCode.COMPLETED


def _existing(path: Path, key: bytes, lang: Language) -> Decisions:
    if not path.exists():
        return Decisions({})
    try:
        return load_decisions(path, key)
    except DecisionsError as error:
        raise decisions_cli_error(error) from None


def decisions_cli_error(error: DecisionsError) -> CliError:
    return CliError(f"decisions.{error.problem.value}", {"path": str(error.path), "line": str(error.line)})


def _candidates(arguments: Sequence[str], settings: ReviewSettings, key: bytes, known: Decisions) -> list[Candidate]:
    run = ReadingRun(arguments=list(arguments), region=settings.region)
    phones: dict[str, list[Contact]] = {}
    for contact in run.contacts():
        phones.setdefault(contact.source.path, []).append(contact)
    if not run.readable_input:
        raise CliError("cli.no_readable_input")
    context = PhoneContext(today=settings.today, trade=settings.trade, decisions=known.by_id,
                           decision_key=partial(_pid, key=key))  # fmt: skip
    found: list[Candidate] = []
    for contacts in phones.values():
        results = classify_phone(contacts, settings.rules, context).results
        found.extend(
            Candidate(contact, result, _pid(contact, key))
            for contact, result in zip(contacts, results, strict=True)
            if _pid(contact, key) not in known.by_id and _uncertain(result)
        )
    found.sort(key=lambda c: (c.classification.category is not Category.UNKNOWN, c.classification.confidence))
    return found[: settings.limit]


def _uncertain(result: Classification) -> bool:
    """Undecided, or decided with less than this confidence (one strong cue alone, against some doubt)."""
    return result.category is Category.UNKNOWN or result.confidence < LEAST_CONFIDENT


def _pid(contact: Contact, key: bytes) -> str:
    return pseudonym(contact, key)


def _panel(candidate: Candidate, number: int, total: int, lang: Language) -> Panel:
    contact, result = candidate.contact, candidate.classification
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    rows = [
        ("name", contact.display_name),
        ("organisation", " / ".join(part for part in contact.organization if part)),
        ("title", " ".join(part for part in (contact.title, contact.role) if part)),
        ("note", contact.note),
        ("groups", ", ".join(contact.categories)),
        ("phones", ", ".join(phone.e164 or phone.raw for phone in contact.phones)),
        ("emails", ", ".join(email.address for email in contact.emails)),
    ]
    for field, value in rows:
        if value.strip():
            table.add_row(translate(f"review.field.{field}", lang), Text(value))
    guess = translate("review.guess", lang, category=category_label(result.category, lang),
                      confidence=round(result.confidence * 100))  # fmt: skip
    table.add_row(translate("review.field.guess", lang), guess)
    for item in [e for e in result.evidence if e.weight][:_REASONS_SHOWN]:
        table.add_row("", Text("· " + evidence_text(item, lang)))
    title = translate("review.card", lang, number=number, total=total, path=contact.source.path,
                      line=contact.source.line)  # fmt: skip
    return Panel(table, title=Text(title), title_align="left")


def _csv_row(candidate: Candidate, key: bytes, settings: ReviewSettings) -> dict[str, str]:
    result, lang = candidate.classification, settings.language
    return {
        "id": candidate.pid,
        "file": candidate.contact.source.path,
        "line": str(candidate.contact.source.line),
        "name": shown_name(candidate.contact.display_name, settings.show_pii),
        "classification": result.category.value,
        "confidence": f"{result.confidence:.2f}",
        "reasons": "; ".join(evidence_text(item, lang) for item in result.evidence if item.weight),
        "decision": "",
        "key": key_fingerprint(key),
    }


def warn(message: str) -> None:
    error_console().print(Text(message), soft_wrap=True)
