"""The personal values of an export, read with the real reader, and where they turn up in a command's output."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scanner.core.model import Contact, Phone
from scanner.core.reading import InputError, read_file

# Fewer digits than this is a service number (110, 11833) or a fragment, and collides with counts and years.
MIN_NUMBER_DIGITS = 7
# The report's keyed contact ids (c_ and 16 hex digits) may contain digit runs by chance; they are not numbers.
_PSEUDONYM = re.compile(r"c_[0-9a-f]{16}")


@dataclass
class PersonalValues:
    """Values that must never reach the output masked: numbers (E.164 digits, as written), e-mail locals, names."""

    digits: set[str] = field(default_factory=set)
    written: set[str] = field(default_factory=set)
    locals: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    # What --show-pii prints for the same data: every number as E.164 (or as written when unparseable).
    shown_numbers: set[str] = field(default_factory=set)

    def add(self, contact: Contact) -> None:
        for phone in contact.phones:
            self._add_phone(phone)
        for email in contact.emails:
            local, at, _ = email.address.strip().rpartition("@")
            if at and local:
                self.locals.add(f"{local}@")
        for name in (contact.formatted_name.strip(), contact.display_name):
            if len(name.split()) >= 2:
                self.names.add(name)

    def _add_phone(self, phone: Phone) -> None:
        if phone.e164 and _digit_count(phone.e164) >= MIN_NUMBER_DIGITS:
            self.digits.add(phone.e164.lstrip("+"))
            self.shown_numbers.add(phone.e164)
        raw = phone.raw.strip()
        if _digit_count(raw) >= MIN_NUMBER_DIGITS:
            self.written.add(raw)
            if not phone.e164:
                self.shown_numbers.add(raw)

    def revealed(self) -> set[str]:
        """What ``--show-pii`` JSON must carry: every name, number (E.164, else as written) and e-mail local part."""
        return self.names | self.shown_numbers | self.locals

    def all_values(self) -> Iterator[str]:
        yield from self.digits
        yield from self.written
        yield from self.locals
        yield from self.names


def _digit_count(text: str) -> int:
    return sum(ch.isascii() and ch.isdigit() for ch in text)


def contacts_of(path: Path) -> list[Contact]:
    """The contacts the real reader finds in ``path`` (none for a file it cannot read at all)."""
    try:
        return [item for item in read_file(path) if isinstance(item, Contact)]
    except InputError:
        return []


def personal_values(paths: Iterable[Path]) -> PersonalValues:
    values = PersonalValues()
    for path in paths:
        for contact in contacts_of(path):
            values.add(contact)
    return values


def searchable(output: str) -> str:
    """The output, plus every string inside it when it is JSON (escapes undone), minus the pseudonyms."""
    texts = [output]
    with contextlib.suppress(ValueError):
        texts.extend(_strings(json.loads(output)))
    return _PSEUDONYM.sub("c_", "\n".join(texts))


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def leaks(outputs: Iterable[str], values: PersonalValues) -> list[str]:
    """Personal values found verbatim in any of ``outputs``, sorted: empty exactly when none of them occurs."""
    return sorted(_matches([searchable(output) for output in outputs], set(values.all_values())))


def missing(outputs: Iterable[str], wanted: Iterable[str]) -> list[str]:
    """The ``wanted`` values that occur in none of ``outputs``, sorted."""
    texts = [searchable(output) for output in outputs]
    rest = set(wanted) - _matches(texts, set(wanted))
    return sorted(value for value in rest if not any(value in text for text in texts))


def _matches(texts: list[str], values: set[str]) -> set[str]:
    """One pass of a trie-shaped regex (thousands of ``in`` tests over a large JSON report take half a minute).

    Matches do not overlap, so a value inside another one found may go unlisted, never a value standing alone.
    """
    pattern = _trie_pattern(values)
    if pattern is None:
        return set()
    compiled = re.compile(pattern)
    return {match.group() for text in texts for match in compiled.finditer(text)}


_END = ""


def _trie_pattern(words: Iterable[str]) -> str | None:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_pattern(trie) if trie else None


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
