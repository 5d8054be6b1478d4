"""Building blocks of the terminal report: inert text cells, headings, label/value grids, level colours."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from scanner.core.risk import RiskLevel
from scanner.reporters.inert_text import inert

LEVEL_STYLES = {
    RiskLevel.NONE: "dim",
    RiskLevel.LOW: "green",
    RiskLevel.MEDIUM: "yellow",
    RiskLevel.HIGH: "bold red",
    RiskLevel.CRITICAL: "bold white on red",
}


def plain(text: str, style: str = "") -> Text:
    """Every string reaches the terminal through here: made inert, never parsed as markup."""
    return Text(inert(text), style=style)


def heading(text: str) -> Group:
    """A blank line and a rule carrying the title: visible as a section break also without colour."""
    return Group(Text(""), Rule(plain(text, "bold"), characters="─", align="left"))


def level_text(label: str, level: RiskLevel) -> Text:
    """Every level in the same casing as the catalog spells it; colour, not capitals, marks the serious ones."""
    return plain(label, LEVEL_STYLES[level])


def grid(rows: Sequence[tuple[str, Text | str]], width: int) -> Table:
    """Labels on the left (at most two fifths of the width, wrapped beyond), values on the right."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", max_width=max(16, width * 2 // 5))
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(plain(label), value if isinstance(value, Text) else plain(value))
    return table


def numbered(items: Sequence[str]) -> Table:
    """``1. text`` with wrapped lines indented under the text, not under the number."""
    return _listed([f"{number}." for number in range(1, len(items) + 1)], items)


def bulleted(items: Sequence[str]) -> Table:
    return _listed(["-"] * len(items), items)


def _listed(markers: Sequence[str], items: Sequence[str]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(overflow="fold")
    for marker, item in zip(markers, items, strict=True):
        table.add_row(plain(marker), plain(item))
    return table
