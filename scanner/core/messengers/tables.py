"""Checked access to a parsed TOML table: every failure is a ``ProfileError`` naming the file and the dotted key."""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import TypeVar

import phonenumbers

from scanner.i18n import Language, message_keys, translate

E = TypeVar("E", bound=StrEnum)
PACKAGED = "<contactleak>/"
NOTE_PREFIX = "messenger.note."


class ProfileProblem(StrEnum):
    """Why a messenger profile could not be loaded. Rendered by the i18n catalog (``messenger.profile_error.*``)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    NOT_TOML = "not_toml"
    MISSING = "missing"
    INVALID = "invalid"
    UNKNOWN_KEY = "unknown_key"
    UNKNOWN_SOURCE = "unknown_source"
    DUPLICATE_SOURCE = "duplicate_source"
    UNKNOWN_NOTE = "unknown_note"
    UNKNOWN_PROFILE = "unknown_profile"


class Expected(StrEnum):
    """What an invalid value should have been. Rendered by the i18n catalog (``messenger.expected.*``)."""

    TABLE = "table"
    TABLES = "tables"
    TEXT = "text"
    FLAG = "flag"
    DATE = "date"
    NUMBER = "number"
    SHARE = "share"
    STRINGS = "strings"
    COUNTRIES = "countries"
    ONE_OF = "one_of"
    ID = "id"
    SOURCES = "sources"


class ProfileError(Exception):
    """A profile or data file that cannot be used: which file, which key, what is wrong; never a traceback.

    The text is ``translate(error.message_key, lang, **error.params())``; an invalid value has one message per
    ``Expected`` (``messenger.profile_error.invalid.date``), so every message is whole in both languages.
    """

    def __init__(
        self, path: str, problem: ProfileProblem, key: str = "", detail: str = "", expected: Expected | None = None
    ) -> None:
        self.path = path
        self.problem = problem
        self.key = key
        self.detail = detail
        self.expected = expected
        super().__init__(str(self))

    @property
    def message_key(self) -> str:
        if self.problem is ProfileProblem.INVALID:
            return f"messenger.profile_error.invalid.{self.expected or Expected.TEXT}"
        return f"messenger.profile_error.{self.problem}"

    def params(self) -> dict[str, str]:
        return {"path": self.path, "key": self.key, "detail": self.detail}

    def message(self, lang: Language) -> str:
        return translate(self.message_key, lang, **self.params())

    def __str__(self) -> str:
        return self.message(Language.EN)


@dataclass(frozen=True)
class Table:
    """A TOML table inside the file at ``path``, reached by the dotted ``prefix``."""

    path: str
    prefix: str
    data: Mapping[str, object]

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def error(self, problem: ProfileProblem, name: str, detail: str = "") -> ProfileError:
        return ProfileError(self.path, problem, self.key(name), detail)

    def invalid(self, name: str, expected: Expected, values: str = "") -> ProfileError:
        return ProfileError(self.path, ProfileProblem.INVALID, self.key(name), values, expected)

    def only(self, *names: str) -> None:
        """Refuse keys nobody reads: a misspelt key in a user's profile must not be silently ignored."""
        for name in self.data:
            if name not in names:
                raise self.error(ProfileProblem.UNKNOWN_KEY, name, ", ".join(names))

    def has(self, name: str) -> bool:
        return name in self.data

    def raw(self, name: str) -> object:
        if name not in self.data:
            raise self.error(ProfileProblem.MISSING, name)
        return self.data[name]

    def table(self, name: str) -> Table:
        value = self.raw(name)
        if not isinstance(value, dict):
            raise self.invalid(name, Expected.TABLE)
        return Table(self.path, self.key(name), value)

    def subtables(self) -> tuple[tuple[str, Table], ...]:
        """Every entry of this table as a table of its own (``[sources.W1]``, ``[adequacy.CH]``)."""
        return tuple((name, self.table(name)) for name in self.data)

    def country_tables(self) -> tuple[tuple[str, Table], ...]:
        """Like ``subtables``, keyed by region codes (``[adequacy.CH]``, ``[messengers.whatsapp.DE]``)."""
        for code in self.data:
            if code not in phonenumbers.SUPPORTED_REGIONS:
                raise self.invalid(code, Expected.COUNTRIES)
        return self.subtables()

    def tables(self, name: str) -> tuple[Table, ...]:
        """An array of tables (``[[notes]]``); absent means none."""
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.invalid(name, Expected.TABLES)
        return tuple(Table(self.path, f"{self.key(name)}.{i}", item) for i, item in enumerate(value, start=1))

    def text(self, name: str, default: str | None = None) -> str:
        if default is not None and name not in self.data:
            return default
        value = self.raw(name)
        if not isinstance(value, str) or not value.strip():
            raise self.invalid(name, Expected.TEXT)
        return value.strip()

    def flag(self, name: str, default: bool | None = None) -> bool:
        if default is not None and name not in self.data:
            return default
        value = self.raw(name)
        if not isinstance(value, bool):
            raise self.invalid(name, Expected.FLAG)
        return value

    def date(self, name: str, default: datetime.date | None = None) -> datetime.date:
        if default is not None and name not in self.data:
            return default
        value = self.raw(name)
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise self.invalid(name, Expected.DATE)
        return value

    def number(self, name: str) -> float:
        """A non-negative int or float (TOML's booleans are not numbers here)."""
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.invalid(name, Expected.NUMBER)
        return float(value)

    def share(self, name: str) -> float:
        value = self.number(name)
        if value > 1:
            raise self.invalid(name, Expected.SHARE)
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.raw(name)
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.invalid(name, Expected.STRINGS)
        return tuple(item.strip() for item in value)

    def countries(self, name: str) -> tuple[str, ...]:
        """Region codes as phonenumbers knows them (``GB``, not ``UK``), so they match a contact's number."""
        codes = self.strings(name)
        if not codes or not all(code in phonenumbers.SUPPORTED_REGIONS for code in codes):
            raise self.invalid(name, Expected.COUNTRIES)
        return codes

    def choices(self, name: str, enum: type[E]) -> tuple[E, ...]:
        values = self.strings(name)
        allowed = [member.value for member in enum]
        if not all(value in allowed for value in values):
            raise self.invalid(name, Expected.ONE_OF, ", ".join(allowed))
        return tuple(enum(value) for value in values)

    def note_key(self, name: str) -> str:
        """Notes are i18n keys below ``messenger.note.``, so every note exists in German and English."""
        key = self.text(name)
        if not key.startswith(NOTE_PREFIX) or key not in message_keys():
            raise self.error(ProfileProblem.UNKNOWN_NOTE, name, key)
        return key

    def choice(self, name: str, enum: type[E]) -> E:
        value = self.raw(name)
        allowed = [member.value for member in enum]
        if not isinstance(value, str) or value not in allowed:
            raise self.invalid(name, Expected.ONE_OF, ", ".join(allowed))
        return enum(value)


@cache
def packaged_table(folder: str, file: str) -> Table:
    """A data file shipped inside ``scanner/data/``; its errors name it as ``<contactleak>/folder/file``."""
    entry = resources.files("scanner.data") / folder / file
    return Table(f"{PACKAGED}{folder}/{file}", "", tomllib.loads(entry.read_text(encoding="utf-8")))
