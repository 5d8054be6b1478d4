"""``contactleak messengers``: every profile's facts with their sources, unconfirmed facts marked, as table or JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scanner.core.messengers import (
    NO_EU_ENTITY,
    UNCONFIRMED,
    UNKNOWN_DESTINATION,
    Fact,
    MessengerProfile,
    Source,
    label_key,
    share_cap,
    usage_figures,
)
from scanner.i18n import Language, translate
from scanner.reporters.inert_text import escape_json_text, inert
from scanner.reporters.wording import country_name, date_text, fact_label


def render_table(profiles: Sequence[MessengerProfile], lang: Language, *, width: int, color: bool) -> str:
    """One block per profile: fact, value, sources; then the sources with title, address and date."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None, force_terminal=color)
    for profile in profiles:
        console.print(Text(_heading(profile, lang), style="bold"))
        console.print(_facts_table(profile, lang))
        console.print(Text(_usage_line(profile, lang)), soft_wrap=True)
        for source in _all_sources(profile):
            console.print(Text(f"  [{source.key}] {_source_line(source)}"), soft_wrap=True)
        console.print()
    console.print(Text(translate("list.footer", lang)), soft_wrap=True)
    return buffer.getvalue()


def _heading(profile: MessengerProfile, lang: Language) -> str:
    default = translate("list.default", lang) if profile.default else ""
    checked = translate("list.checked", lang, date=date_text(profile.checked, lang))
    return f"{profile.display_name} ({profile.id}){default}, {checked}"


def _facts_table(profile: MessengerProfile, lang: Language) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False, box=None, pad_edge=False)
    for header in ("list.fact", "list.value", "list.sources"):
        table.add_column(translate(header, lang), overflow="fold")
    for name, fact in profile.facts():
        table.add_row(fact_label(name, lang), Text(_value_with_mark(fact, lang)), " ".join(_keys(fact)))
    return table


def _value_with_mark(fact: Fact[Any], lang: Language) -> str:
    value = value_text(fact, lang)
    if fact.note:
        value += f" ({translate(fact.note, lang)})"
    return value if fact.confirmed else f"{value} [{translate(UNCONFIRMED, lang)}]"


def value_text(fact: Fact[Any], lang: Language) -> str:
    """A fact's value in words: enum labels, country names, yes/no, or the text of a note key."""
    value = fact.value
    if isinstance(value, StrEnum):
        return translate(label_key(value), lang)
    if isinstance(value, bool):
        return translate("messenger.bulk_upload.yes" if value else "messenger.bulk_upload.no", lang)
    if isinstance(value, tuple):
        return ", ".join(country_name(code, lang) for code in value)
    if value is None:
        return translate(UNKNOWN_DESTINATION, lang)
    text = str(value)
    return translate(text, lang) if text.startswith("messenger.note.") else inert(text)


def _usage_line(profile: MessengerProfile, lang: Language) -> str:
    """The usage figures the non-user estimate rests on, capped ones marked, with their source keys."""
    figures = usage_figures(profile.penetration)
    if not figures:
        return translate("list.usage_none", lang)
    shown = ", ".join(f"{code} {round(figure.share * 100)} %" for code, figure in sorted(figures.items()))
    keys = sorted({source.key for figure in figures.values() for source in figure.sources})
    line = translate("list.usage", lang, figures=shown, sources=" ".join(keys))
    capped = [code for code, figure in sorted(figures.items()) if figure.capped]
    if capped:
        cap = translate("messenger.penetration_capped", lang, cap=f"{round(share_cap() * 100)} %")
        line += f" {', '.join(capped)}: {cap}."
    return line


def _all_sources(profile: MessengerProfile) -> tuple[Source, ...]:
    figures = usage_figures(profile.penetration).values()
    cited = (*profile.sources(), *(source for figure in figures for source in figure.sources))
    return tuple(dict.fromkeys(cited))


def _keys(fact: Fact[Any]) -> list[str]:
    return [source.key for source in fact.sources]


def _source_line(source: Source) -> str:
    parts = [inert(source.title), inert(source.url), inert(source.date)]
    return ", ".join(part for part in parts if part)


def render_json(profiles: Sequence[MessengerProfile], lang: Language) -> str:
    """The same as data: each fact's value, confirmed flag, note text and source keys; the sources in full."""
    document = {"schema_version": 1, "messengers": [_profile_json(profile, lang) for profile in profiles]}
    return escape_json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _profile_json(profile: MessengerProfile, lang: Language) -> dict[str, Any]:
    facts = {
        name: {
            "value": _json_value(fact.value),
            "text": value_text(fact, lang),
            "confirmed": fact.confirmed,
            "note": translate(fact.note, lang) if fact.note else None,
            "sources": _keys(fact),
            "checked": fact.checked.isoformat(),
        }
        for name, fact in profile.facts()
    }
    if profile.eu_entity is None:
        facts["eu_entity"] = {"value": None, "text": translate(NO_EU_ENTITY, lang), "confirmed": True}
    sources = [{"key": s.key, "title": s.title, "url": s.url, "date": s.date} for s in _all_sources(profile)]
    usage = {code: {"share": figure.share, "capped": figure.capped, "sources": [s.key for s in figure.sources]}
             for code, figure in sorted(usage_figures(profile.penetration).items())}  # fmt: skip
    return {"id": profile.id, "name": profile.display_name, "default": profile.default, "facts": facts,
            "unconfirmed": list(profile.unconfirmed()), "usage": usage, "sources": sources}  # fmt: skip


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    return value
