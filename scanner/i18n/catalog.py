"""German and English texts for everything a person reads, looked up by key from the TOML files in ``messages/``."""

from __future__ import annotations

import locale
import os
import tomllib
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any


class Language(StrEnum):
    DE = "de"
    EN = "en"


def default_language() -> Language:
    """German when the locale says German (LC_ALL, LC_MESSAGES, LANG, then Python's locale), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return Language.DE if value.lower().startswith("de") else Language.EN
    current = locale.getlocale()[0] or ""
    return Language.DE if current.lower().startswith("de") else Language.EN


@cache
def _catalog() -> dict[str, dict[str, str]]:
    """All messages, merged from every file in ``messages/``: ``{key: {"de": ..., "en": ...}}``."""
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("scanner.i18n") / "messages"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        table = tomllib.loads(entry.read_text(encoding="utf-8"))
        for key, texts in _flatten(table):
            if key in merged:
                raise ValueError(f"message key {key!r} defined twice (second time in {entry.name})")
            merged[key] = texts
    return merged


def _flatten(table: dict[str, Any], prefix: str = "") -> list[tuple[str, dict[str, str]]]:
    """Nested TOML tables become dotted keys; a table holding both ``de`` and ``en`` strings is one message."""
    if isinstance(table.get("de"), str) and isinstance(table.get("en"), str):
        return [(prefix, {"de": table["de"], "en": table["en"]})]
    items: list[tuple[str, dict[str, str]]] = []
    for name, value in table.items():
        if isinstance(value, dict):
            items.extend(_flatten(value, f"{prefix}.{name}" if prefix else name))
    return items


@cache
def message_keys() -> frozenset[str]:
    return frozenset(_catalog())


def translate(key: str, lang: Language, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` with ``{name}`` placeholders filled; a missing key is a programming error."""
    texts = _catalog()[key]
    return texts[lang.value].format(**params)


def plural_form(count: int) -> str:
    """``one`` or ``other``: German and English share the rule that only exactly 1 takes the singular.

    Written here rather than taken from Babel: two languages with one identical two-form rule do not justify a
    dependency and its locale data; a language with more forms would (CLDR plural rules).
    """
    return "one" if count == 1 else "other"


def translate_plural(key: str, lang: Language, /, count: int, **params: object) -> str:
    """The singular (``key.one``) or plural (``key.other``) text for ``count``, with ``{count}`` filled in."""
    return translate(f"{key}.{plural_form(count)}", lang, count=count, **params)
