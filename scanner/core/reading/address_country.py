"""The country an address names in its country field, as a phonenumbers region code (``DE``, ``US``, ``GB``).

Country names come from phonenumbers' own tables (every language it ships), so the reader needs no further
dependency; the data file ``countries/address_names.toml`` adds abbreviations and alpha-3 codes it lacks.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

import phonenumbers

_NOISE = re.compile(r"[.\s]+")


def country_region(text: str) -> str | None:
    """The region code for a country field (ISO code or name, any case), or None when it names no country."""
    key = _key(text)
    if not key:
        return None
    if len(key) == 2 and key.upper() in phonenumbers.SUPPORTED_REGIONS:
        return key.upper()
    return _names().get(key)


def _key(text: str) -> str:
    return _NOISE.sub(" ", text).strip().casefold()


@cache
def _names() -> dict[str, str]:
    """Every spelling to its region; a spelling that means two regions in different languages is dropped."""
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    for region, by_language in _locale_data().items():
        if region not in phonenumbers.SUPPORTED_REGIONS:
            continue
        for name in _resolved_names(by_language):
            key = _key(name)
            if names.setdefault(key, region) != region:
                ambiguous.add(key)
    for key in ambiguous:
        del names[key]
    names.update((_key(name), region) for name, region in _aliases().items())
    return names


def _locale_data() -> dict[str, dict[str, str]]:
    """phonenumbers' country names per language, loaded from its ``geodata/locale.py`` alone.

    ``import phonenumbers.geodata.locale`` would first run the ``geodata`` package, which loads the whole
    geocoding table (about 2 s and tens of MB) that nothing here uses; the module itself loads in milliseconds.
    """
    path = Path(phonenumbers.__file__).parent / "geodata" / "locale.py"
    spec = importlib.util.spec_from_file_location("phonenumbers.geodata.locale", path)
    if spec is None or spec.loader is None:  # pragma: no cover - phonenumbers always ships the file
        raise ImportError(f"phonenumbers country names not found at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data: dict[str, dict[str, str]] = module.LOCALE_DATA
    return data


def _resolved_names(by_language: dict[str, str]) -> set[str]:
    """LOCALE_DATA writes ``*xx`` for "the same as language xx"."""
    names = set()
    for value in by_language.values():
        name = by_language.get(value[1:], "") if value.startswith("*") else value
        if name and not name.startswith("*"):
            names.add(name)
    return names


def _aliases() -> dict[str, str]:
    text = (resources.files("scanner.data.countries") / "address_names.toml").read_text(encoding="utf-8")
    names = tomllib.loads(text)["names"]
    return {str(name): str(region) for name, region in names.items()}
