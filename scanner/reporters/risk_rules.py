"""``contactleak rules``: the risk rules in plain words, each with its legal reason, for consultants to defend."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scanner.core.risk import RULES, RiskReason
from scanner.i18n import Language, translate


def render(lang: Language, *, width: int) -> str:
    """Numbered rules, each reason's short label and its rule text; the overall rule last."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, markup=False, highlight=False, emoji=False)
    console.print(Text(translate("rules.title", lang), style="bold"))
    table = Table.grid(padding=(1, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column()
    for number, reasons in enumerate(RULES, start=1):
        table.add_row(f"{number}.", Text("\n".join(_reason(reason, lang) for reason in reasons)))
    table.add_row(f"{len(RULES) + 1}.", Text(translate("risk.overall_rule", lang)))
    console.print(table)
    console.print()
    console.print(Text(translate("rules.legal_frame", lang)))
    console.print()
    console.print(Text(translate("rules.footer", lang)))
    console.print(Text(translate("report.note.not_legal_advice", lang)))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _reason(reason: RiskReason, lang: Language) -> str:
    short = translate(f"risk.reason.{reason.value}.short", lang)
    return f"{short}: {translate(f'risk.reason.{reason.value}.rule', lang)}"
