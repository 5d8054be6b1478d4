"""The drafts' texts as data: one TOML file per draft in ``scanner/i18n/drafts/``, read and checked once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from scanner.i18n import Language

_FOLDER = "drafts"


class BlockKind(StrEnum):
    """What a block of a draft is: text written in the TOML file, or a part filled from the scan."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    FIELDS = "fields"  # label / value rows
    LIST = "list"
    CHECKLIST = "checklist"
    ADVICE = "advice"  # the scan's recommendations with their reasons and sources
    REMOVE_LIST = "remove_list"  # the minors and Art. 9 contacts to take off the phone first (masked)


@dataclass(frozen=True)
class Text:
    """One text in both languages, with ``{placeholders}`` for the scan's figures."""

    de: str
    en: str

    def get(self, lang: Language) -> str:
        return self.de if lang is Language.DE else self.en


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: Text | None = None
    rows: tuple[tuple[Text, Text], ...] = ()
    items: tuple[Text, ...] = ()


@dataclass(frozen=True)
class DraftSpec:
    key: str
    file: Text
    title: Text
    blocks: tuple[Block, ...]


@cache
def draft_specs() -> tuple[DraftSpec, ...]:
    """Every draft, in the order of their file names (``1_...``, ``2_...``)."""
    folder = resources.files("scanner.i18n") / _FOLDER
    entries = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".toml")), key=lambda e: e.name)
    return tuple(_spec(tomllib.loads(entry.read_text(encoding="utf-8"))) for entry in entries)


def _spec(table: dict[str, Any]) -> DraftSpec:
    return DraftSpec(
        key=table["key"],
        file=_text(table["file"]),
        title=_text(table["title"]),
        blocks=tuple(_block(block) for block in table["block"]),
    )


def _block(table: dict[str, Any]) -> Block:
    kind = BlockKind(table["kind"])
    text = _text(table) if "de" in table else None
    rows = tuple((_text(row["label"]), _text(row["value"])) for row in table.get("rows", ()))
    items = tuple(_text(item) for item in table.get("items", ()))
    return Block(kind, text, rows, items)


def _text(table: dict[str, Any]) -> Text:
    return Text(de=str(table["de"]), en=str(table["en"]))
