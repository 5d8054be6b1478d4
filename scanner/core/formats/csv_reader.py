"""Google and Outlook CSV exports (and other contact tables with known columns) read into the Contact model.

The standard library's csv module parses the rows (quoted newlines in notes included). Around it this module adds
what a hostile or damaged export needs and csv does not give: every row located by the physical line it starts on,
lines and records of bounded size (an unbalanced quote would otherwise swallow the rest of the file into one
field), and a broken record rejected at its line while the lines after its first are read again as rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from scanner.core.formats.csv_columns import Column, ColumnPlan, plan_columns
from scanner.core.formats.text_decoding import TextEncoding, text_encoding
from scanner.core.model import (
    Address,
    Birthday,
    Contact,
    Email,
    NameParts,
    ReadWarning,
    Rejection,
    RejectReason,
    SourceRef,
    Url,
    WarningCode,
)
from scanner.core.phones import card_phones
from scanner.core.reading.address_country import country_region
from scanner.core.reading.contact_builder import parse_birthday

MAX_LINE_CHARS = 1 << 20  # one physical line; a longer one is no contact data
MAX_RECORD_CHARS = 4 << 20  # one row, quoted newlines included
MAX_RECORD_LINES = 2000  # a note of 2000 lines is no note: an unbalanced quote
_MULTI = " ::: "  # Google joins several values of one column with this
_DELIMITERS = ",;\t"
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")
_SLASHED_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class _BrokenRecord(Exception):
    """A record over the size limits; raised from the line feed into the csv reader."""


@dataclass(frozen=True)
class CsvHead:
    """What the first bytes say: the encoding and the header row's plan (None: not a contact table)."""

    encoding: TextEncoding
    delimiter: str
    plan: ColumnPlan | None


def sniff_csv(head: bytes, forced: str | None = None) -> CsvHead:
    """Whether the head starts with the header row of a contact table, and how to read the file."""
    encoding = text_encoding(head, forced)
    text = head[encoding.bom :].decode(encoding.codec, errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")[:MAX_LINE_CHARS]
    delimiter = max(_DELIMITERS, key=first.count)
    try:
        header = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error:
        header = []
    return CsvHead(encoding, delimiter, plan_columns(header) if header else None)


def read_csv(stream: BinaryIO, head: CsvHead, *, path: str, region: str) -> Iterator[Contact | Rejection]:
    """Contacts and rejections of a CSV export whose first bytes gave ``head``; ``stream`` starts at byte 0."""
    if head.plan is None:
        return
    stream.read(head.encoding.bom)
    text = io.TextIOWrapper(stream, encoding=head.encoding.codec, errors=head.encoding.errors, newline="")
    source = _LineSource(text)
    if not _skip_header(source):
        return
    index = 0
    for line, row in _records(source, head.delimiter):
        if row is not None and not any(value.strip() for value in row):
            continue  # an empty row is no card, as a blank line between vCards is none
        ref = SourceRef(path, index, line)
        index += 1
        if row is None:
            yield Rejection(ref, RejectReason.BROKEN_ROW)
            continue
        built = _contact(row, head.plan, ref, region)
        yield built if isinstance(built, Contact) else Rejection(ref, built)


def _skip_header(source: _LineSource) -> bool:
    """Consume the header row (the first non-blank line); False when the file has none."""
    for line in source.lines():
        if line.strip():
            source.row_done()
            return True
        source.row_done()
    return False


@dataclass
class _LineSource:
    """Physical lines of bounded length, numbered, with the lines of the current record kept for a replay."""

    text: io.TextIOWrapper
    number: int = 0
    pending: deque[tuple[int, str]] = field(default_factory=deque)
    record: list[tuple[int, str]] = field(default_factory=list)
    chars: int = 0

    def lines(self) -> Iterator[str]:
        while True:
            item = self.pending.popleft() if self.pending else self._read()
            if item is None:
                return
            self.record.append(item)
            self.chars += len(item[1])
            if len(self.record) > MAX_RECORD_LINES or self.chars > MAX_RECORD_CHARS:
                raise _BrokenRecord
            yield item[1]

    @property
    def start(self) -> int:
        return self.record[0][0] if self.record else self.number + 1

    def row_done(self) -> None:
        self.record = []
        self.chars = 0

    def replay_after_first(self) -> None:
        """After a broken record: its first line is rejected, every later line is read again."""
        self.pending.extendleft(reversed(self.record[1:]))
        self.row_done()

    def _read(self) -> tuple[int, str] | None:
        line = self.text.readline(MAX_LINE_CHARS)
        if not line:
            return None
        self.number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            self._drain()
            self.record.append((self.number, ""))
            raise _BrokenRecord
        return self.number, line.replace("\x00", "")

    def _drain(self) -> None:
        """Skip the rest of an overlong line without holding it."""
        while True:
            rest = self.text.readline(MAX_LINE_CHARS)
            if not rest or rest.endswith(("\n", "\r")):
                return


def _records(source: _LineSource, delimiter: str) -> Iterator[tuple[int, list[str] | None]]:
    """(start line, fields) per record; fields None for a broken record. The reader restarts after each break."""
    while True:
        reader = csv.reader(source.lines(), delimiter=delimiter, strict=True)
        try:
            for row in reader:
                start = source.start
                source.row_done()
                yield start, row
        except (csv.Error, _BrokenRecord):
            start = source.start
            yield start, None
            source.replay_after_first()
            continue
        return


@dataclass
class _Slots:
    """Values of one row grouped by slot (one phone, one address) and part (value, label, street, ...)."""

    values: dict[str, dict[str, str]] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)

    def add(self, column: Column, value: str) -> None:
        self.values.setdefault(column.slot, {})[column.part] = value
        self.columns.setdefault(column.slot, column)

    def of(self, kind: str) -> Iterator[tuple[Column, dict[str, str]]]:
        for slot, parts in self.values.items():
            column = self.columns[slot]
            if column.field == kind:
                yield column, parts


def _contact(row: list[str], plan: ColumnPlan, ref: SourceRef, region: str) -> Contact | RejectReason:
    slots = _Slots()
    for column in plan.columns:
        value = row[column.index].strip() if column.index < len(row) else ""
        if value:
            slots.add(column, value)
    single = {
        column.field: parts.get("value", "")
        for slot, parts in slots.values.items()
        if (column := slots.columns[slot]).field not in _REPEATED
    }
    warnings = () if len(row) == plan.width else (ReadWarning(ref.line, WarningCode.CSV_ROW_WIDTH),)
    addresses = tuple(_address(column, parts) for column, parts in slots.of("address"))
    organization, title = _organization(single, slots)
    name = NameParts(
        single.get("family", ""),
        single.get("given", ""),
        single.get("additional", ""),
        single.get("prefix", ""),
        single.get("suffix", ""),
    )
    contact = Contact(
        source=ref,
        formatted_name=single.get("full_name", "") or _formatted(name),
        name=name,
        organization=organization,
        title=title,
        nicknames=tuple(_split(single.get("nickname", ""))),
        categories=tuple(_categories(single.get("categories", ""))),
        note=single.get("notes", ""),
        birthday=_birthday(single.get("birthday", "")),
        phones=card_phones(_labelled(slots, "phone"), region, _address_region(addresses)),
        emails=tuple(Email(address, labels) for address, labels in _labelled(slots, "email")),
        addresses=addresses,
        urls=tuple(Url(value, labels) for value, labels in _labelled(slots, "url")),
        warnings=warnings,
    )
    return contact if _identifies_someone(contact) else RejectReason.EMPTY_CARD


_REPEATED = frozenset({"phone", "email", "url", "address", "org"})


def _organization(single: dict[str, str], slots: _Slots) -> tuple[tuple[str, ...], str]:
    name, department, title = single.get("org", ""), single.get("department", ""), single.get("title", "")
    for _, parts in slots.of("org"):
        name = name or parts.get("name", "") or parts.get("value", "")
        department = department or parts.get("department", "")
        title = title or parts.get("title", "")
    return tuple(unit for unit in (name, department) if unit), title


def _formatted(name: NameParts) -> str:
    """The name as a vCard's FN would write it, for tables that have no column for the whole name."""
    parts = (name.prefixes, name.given, name.additional, name.family, name.suffixes)
    return " ".join(part for part in parts if part)


# Google's labels in the words vCard TYPE uses, so both formats give the same labels.
_GOOGLE_LABELS = {"mobile": ("cell",), "main": ("pref",), "work fax": ("work", "fax"), "home fax": ("home", "fax")}


def _labels(text: str) -> tuple[str, ...]:
    labels: list[str] = []
    for label in _split(text):
        word = label.lstrip("* ").strip().lower()
        labels.extend(_GOOGLE_LABELS.get(word, (word,)))
    return tuple(labels)


def _labelled(slots: _Slots, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    entries: list[tuple[str, tuple[str, ...]]] = []
    for column, parts in slots.of(kind):
        labels = _labels(parts.get("label", ""))
        fixed = (column.label,) if column.label else ()
        entries.extend((value, fixed + labels) for value in _split(parts.get("value", "")))
    return entries


def _address(column: Column, parts: dict[str, str]) -> Address:
    street = ", ".join(parts[key] for key in ("street", "street2", "street3") if parts.get(key))
    if not street and not parts.get("city") and parts.get("formatted"):
        street = parts["formatted"]
    labels = _labels(parts.get("label", ""))
    return Address(
        po_box=parts.get("po_box", ""),
        extended=parts.get("extended", ""),
        street=street,
        locality=parts.get("city", ""),
        region=parts.get("region", ""),
        postal_code=parts.get("postal_code", ""),
        country=parts.get("country", ""),
        labels=((column.label,) if column.label else ()) + labels,
    )


def _address_region(addresses: tuple[Address, ...]) -> str | None:
    for address in addresses:
        if address.country and (region := country_region(address.country)) is not None:
            return region
    return None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(_MULTI) if part.strip()]


def _categories(value: str) -> list[str]:
    """Google's ``* myContacts ::: Kunden`` and Outlook's ``Kunden;Lieferanten``."""
    items = [item.lstrip("* ").strip() for part in _split(value) for item in part.split(";")]
    return [item for item in items if item and item.lower() not in ("mycontacts", "starred")]


def _birthday(text: str) -> Birthday | None:
    """ISO dates as in vCard; Outlook's German ``15.4.1980`` and English ``4/15/1980``; ``0.0.00`` is none."""
    dotted = _DOTTED_DATE.match(text)
    slashed = _SLASHED_DATE.match(text)
    if dotted is not None:
        day, month, year = (int(part) for part in dotted.groups())
    elif slashed is not None:
        month, day, year = (int(part) for part in slashed.groups())
    else:
        return parse_birthday(text) if text else None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Birthday(year=year if year >= 1800 else None, month=month, day=day)


def _identifies_someone(contact: Contact) -> bool:
    return bool(
        contact.formatted_name
        or not contact.name.is_empty()
        or contact.organization
        or contact.phones
        or contact.emails
        or contact.addresses
        or contact.nicknames
        or contact.note
        or contact.urls
    )
