"""Options of the owner context: the trade (``--trade``) and the owner's own decisions (``--decisions``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from scanner.cli.errors import CliError

if TYPE_CHECKING:
    from scanner.core.classification import Trade

# How many cards `review` asks about by default: the least confident first.
REVIEW_LIMIT = 25

TradeOpt = Annotated[
    str | None,
    typer.Option(
        "--trade",
        help="The owner's trade (care, hair-beauty, crafts, law-tax, landscaping-agriculture, gastronomy-retail, "
        "transport, cleaning, driving-school); default: inferred from the phone. / Branche des Betriebs.",
    ),
]
DecisionsOpt = Annotated[
    Path | None,
    typer.Option(
        "--decisions",
        help="Decisions file from 'contactleak review' (or its filled-in CSV); needs the same --id-key. "
        "/ Entscheidungsdatei aus 'contactleak review'.",
    ),
]
ReviewDecisionsOpt = Annotated[
    Path,
    typer.Option("--decisions", help="Where the decisions are saved and read again. / Entscheidungsdatei."),
]
class ReviewFormat(StrEnum):
    PROMPT = "prompt"  # one card after the other in the terminal, b / p / s
    CSV = "csv"  # the cards to decide as CSV, to fill in the decision column and read back with --decisions


ReviewFormatOpt = Annotated[
    ReviewFormat, typer.Option("--format", "-f", help="prompt (interactive) or csv (to fill in). / Format.")
]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, help="Cards offered at most. / Höchstens so viele Karten.")]


def resolve_trade(given: str | None, configured: str | None) -> Trade | None:
    """``--trade`` wins over the config's ``[owner] trade``; None lets the phone decide."""
    # Imported here so `contactleak --help` does not load the classifier (tests/cli/test_startup.py).
    from scanner.core.classification import UnknownTradeError, find_trade  # noqa: PLC0415

    name = given or configured
    if name is None:
        return None
    try:
        return find_trade(name)
    except UnknownTradeError as error:
        known = ", ".join(trade.replace("_", "-") for trade in error.known)
        raise CliError("cli.unknown_trade", {"trade": name, "known": known}) from None
