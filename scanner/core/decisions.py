"""The owner's own business/private decisions, stored by keyed pseudonym: never a number, name or e-mail.

A decisions file is JSON written by ``contactleak review``; a CSV exported by ``review --format csv`` and filled in
by an admin is read too (only its ``id`` and ``decision`` columns). The file carries a fingerprint of the id key
(an HMAC of a fixed text, not the key), so a run with another key is refused instead of silently matching nothing.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from scanner.core.classification import Category
from scanner.core.pseudonym import ID_PREFIX

FORMAT = "contactleak-decisions"
VERSION = 1
_ID = re.compile(rf"^{re.escape(ID_PREFIX)}[0-9a-f]{{16}}$")
# What a person may write in the decision column of a CSV (German and English, first letters too).
_ANSWERS = {
    "b": Category.BUSINESS, "business": Category.BUSINESS, "g": Category.BUSINESS, "geschäftlich": Category.BUSINESS,
    "p": Category.PRIVATE, "private": Category.PRIVATE, "privat": Category.PRIVATE,
}  # fmt: skip
CSV_COLUMNS = ("id", "file", "line", "name", "classification", "confidence", "reasons", "decision", "key")


class DecisionsProblem(StrEnum):
    """Why a decisions file cannot be used; i18n ``decisions.<value>``."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    NOT_A_DECISIONS_FILE = "not_a_decisions_file"
    OTHER_KEY = "other_key"
    BAD_ENTRY = "bad_entry"


class DecisionsError(Exception):
    def __init__(self, path: Path, problem: DecisionsProblem, line: int = 0) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        super().__init__(f"{path}: {problem.value} (line {line})")


@dataclass(frozen=True)
class Decisions:
    """Decisions by pseudonym under one id key."""

    by_id: Mapping[str, Category]

    def __len__(self) -> int:
        return len(self.by_id)


def key_fingerprint(key: bytes) -> str:
    """Says which key the ids were made with, without revealing the key or any id."""
    return hmac.new(key, b"contactleak decisions file", hashlib.sha256).hexdigest()[:16]


def decisions_text(decisions: Mapping[str, Category], key: bytes) -> str:
    """The JSON decisions file: format, version, key fingerprint and ``{id: business|private}``, sorted."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "key_fingerprint": key_fingerprint(key),
        "decisions": {pid: decisions[pid].value for pid in sorted(decisions)},
    }
    return json.dumps(document, indent=2) + "\n"


def load_decisions(path: Path, key: bytes) -> Decisions:
    """A JSON decisions file or a filled-in CSV; raises DecisionsError naming the problem (and the CSV line)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as error:
        raise DecisionsError(path, DecisionsProblem.NOT_FOUND) from error
    except (OSError, UnicodeDecodeError) as error:
        raise DecisionsError(path, DecisionsProblem.UNREADABLE) from error
    if text.lstrip().startswith("{"):
        return _from_json(path, text, key)
    return _from_csv(path, text, key)


def _from_json(path: Path, text: str, key: bytes) -> Decisions:
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise DecisionsError(path, DecisionsProblem.NOT_A_DECISIONS_FILE) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") != VERSION:
        raise DecisionsError(path, DecisionsProblem.NOT_A_DECISIONS_FILE)
    if document.get("key_fingerprint") != key_fingerprint(key):
        raise DecisionsError(path, DecisionsProblem.OTHER_KEY)
    entries = document.get("decisions")
    if not isinstance(entries, dict):
        raise DecisionsError(path, DecisionsProblem.NOT_A_DECISIONS_FILE)
    found: dict[str, Category] = {}
    for pid, value in entries.items():
        if not _ID.match(str(pid)) or value not in (Category.BUSINESS.value, Category.PRIVATE.value):
            raise DecisionsError(path, DecisionsProblem.BAD_ENTRY)
        found[pid] = Category(value)
    return Decisions(found)


def _from_csv(path: Path, text: str, key: bytes) -> Decisions:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"id", "decision"} <= set(reader.fieldnames):
        raise DecisionsError(path, DecisionsProblem.NOT_A_DECISIONS_FILE)
    found: dict[str, Category] = {}
    for row in reader:
        answer = (row.get("decision") or "").strip().casefold()
        if not answer or answer in {"s", "skip", "?", "-"}:
            continue
        if (row.get("key") or key_fingerprint(key)).strip() != key_fingerprint(key):
            raise DecisionsError(path, DecisionsProblem.OTHER_KEY, line=reader.line_num)
        pid = (row.get("id") or "").strip()
        if not _ID.match(pid) or answer not in _ANSWERS:
            raise DecisionsError(path, DecisionsProblem.BAD_ENTRY, line=reader.line_num)
        found[pid] = _ANSWERS[answer]
    return Decisions(found)


def csv_text(rows: list[dict[str, str]]) -> str:
    """The CSV an admin fills in: one row per card to decide, ``decision`` empty (b / p / s)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
