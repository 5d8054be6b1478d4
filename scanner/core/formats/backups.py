"""Phone backups: the address book of an unencrypted iPhone backup and an Android ``contacts2.db``.

Both are SQLite databases, read with the standard library's sqlite3 through a read-only, immutable URI
(``mode=ro&immutable=1``): SQLite then neither writes nor locks the file, nor creates a journal beside it, so the
backup keeps its bytes. An iPhone backup (Finder or iTunes, ``MobileSync/Backup/<device>``) stores its files under
hashed names; its ``Manifest.db`` says which one is ``HomeDomain/Library/AddressBook/AddressBook.sqlitedb``.
Each database record becomes a card: its ``line`` is the record's row id, so a rejection names the record.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from scanner.core.formats.sources import SQLITE_MAGIC, Entries, ReadSettings, Source
from scanner.core.model import (
    Address,
    Birthday,
    Contact,
    Email,
    FileProblem,
    NameParts,
    Rejection,
    RejectReason,
    SourceRef,
    Url,
)
from scanner.core.phones import card_phones
from scanner.core.reading import InputError
from scanner.core.reading.address_country import country_region
from scanner.core.reading.contact_builder import parse_birthday
from scanner.core.reading.reader import _open_regular as open_regular

MANIFEST = "Manifest.db"  # inputs.BACKUP_MANIFEST
ADDRESS_BOOK_DOMAIN = "HomeDomain"
ADDRESS_BOOK_PATH = "Library/AddressBook/AddressBook.sqlitedb"
_APPLE_EPOCH = datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
# AddressBook.sqlitedb ABMultiValue.property: what a multi-value holds.
_AB_PHONE, _AB_EMAIL, _AB_ADDRESS, _AB_URL = 3, 4, 5, 22
# Android ContactsContract type codes of phones and e-mails, as vCard TYPE words.
_ANDROID_PHONE_TYPES = {1: ("home",), 2: ("cell",), 3: ("work",), 4: ("work", "fax"), 5: ("home", "fax"), 6: ("pager",),
                        7: ("other",), 12: ("pref",), 17: ("work", "cell"), 18: ("work", "pager")}  # fmt: skip
_ANDROID_EMAIL_TYPES = {1: ("home",), 2: ("work",), 3: ("other",), 4: ("cell",)}
_MIME = "vnd.android.cursor.item/"


def is_database_file(path: Path) -> bool:
    try:
        with open_regular(path) as stream:
            return stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except InputError:
        return False


def is_ios_backup(directory: Path) -> bool:
    return (directory / MANIFEST).is_file()


def ios_backup_source(directory: Path, display_path: str, settings: ReadSettings) -> Source:
    """The address book of an iPhone backup folder, found through its Manifest.db."""

    def entries() -> Entries:
        database = _address_book_in(directory)
        yield from _read_database(database, display_path, settings)

    return Source(f"{display_path}:{ADDRESS_BOOK_PATH}", entries)


def database_source(path: Path, display_path: str, settings: ReadSettings) -> Source:
    return Source(display_path, lambda: _read_database(path, display_path, settings))


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.resolve()), safe='/')}?mode=ro&immutable=1"  # quote: ? and # in folder names
    try:
        return sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise InputError(FileProblem.BAD_DATABASE) from error


def _address_book_in(directory: Path) -> Path:
    connection = _connect(directory / MANIFEST)
    try:
        row = connection.execute(
            "SELECT fileID FROM Files WHERE domain = ? AND relativePath = ?", (ADDRESS_BOOK_DOMAIN, ADDRESS_BOOK_PATH)
        ).fetchone()
    except sqlite3.DatabaseError as error:  # an encrypted backup's Manifest.db is no SQLite database
        raise InputError(FileProblem.BAD_DATABASE) from error
    finally:
        connection.close()
    if row is None or not isinstance(row[0], str) or not row[0].isalnum():
        raise InputError(FileProblem.NO_CARDS)
    file_id = row[0]
    for candidate in (directory / file_id[:2] / file_id, directory / file_id):  # iOS 10+ and older layouts
        if candidate.is_file():
            return candidate
    raise InputError(FileProblem.NOT_FOUND)


def _read_database(path: Path, display_path: str, settings: ReadSettings) -> Entries:
    connection = _connect(path)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if {"ABPerson", "ABMultiValue"} <= tables:
            yield from _ios_contacts(connection, display_path, settings.region)
        elif {"raw_contacts", "data", "mimetypes"} <= tables:
            yield from _android_contacts(connection, display_path, settings.region)
        else:
            raise InputError(FileProblem.NO_CARDS)
    except sqlite3.DatabaseError as error:
        raise InputError(FileProblem.BAD_DATABASE) from error
    finally:
        connection.close()


@dataclass
class _Record:
    """A database record's fields on their way to a Contact."""

    rowid: int
    given: str = ""
    family: str = ""
    additional: str = ""
    prefix: str = ""
    suffix: str = ""
    full_name: str = ""
    organization: list[str] = field(default_factory=list)
    title: str = ""
    nicknames: list[str] = field(default_factory=list)
    note: str = ""
    birthday: Birthday | None = None
    phones: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    urls: list[Url] = field(default_factory=list)

    def contact(self, path: str, index: int, region: str) -> Contact | Rejection:
        ref = SourceRef(path, index, self.rowid)
        name = NameParts(self.family, self.given, self.additional, self.prefix, self.suffix)
        full = self.full_name or " ".join(
            p for p in (self.prefix, self.given, self.additional, self.family, self.suffix) if p
        )
        country = next((r for a in self.addresses if a.country and (r := country_region(a.country))), None)
        contact = Contact(
            source=ref,
            formatted_name=full,
            name=name,
            organization=tuple(unit for unit in self.organization if unit),
            title=self.title,
            nicknames=tuple(self.nicknames),
            note=self.note,
            birthday=self.birthday,
            phones=card_phones(self.phones, region, country),
            emails=tuple(self.emails),
            addresses=tuple(self.addresses),
            urls=tuple(self.urls),
        )
        if not (full or contact.organization or contact.phones or contact.emails or contact.addresses or self.note):
            return Rejection(ref, RejectReason.EMPTY_CARD)
        return contact


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _ios_contacts(connection: sqlite3.Connection, path: str, region: str) -> Iterator[Contact | Rejection]:
    labels = dict(connection.execute("SELECT ROWID, value FROM ABMultiValueLabel"))
    keys = dict(connection.execute("SELECT ROWID, value FROM ABMultiValueEntryKey"))
    values: dict[int, list[tuple[int, int, object, object]]] = defaultdict(list)
    for uid, record, prop, label, value in connection.execute(
        "SELECT UID, record_id, property, label, value FROM ABMultiValue ORDER BY record_id, UID"
    ):
        values[record].append((uid, prop, label, value))
    entries: dict[int, dict[str, str]] = defaultdict(dict)
    for parent, key, value in connection.execute("SELECT parent_id, key, value FROM ABMultiValueEntry"):
        entries[parent][str(keys.get(key, ""))] = _text(value)
    query = ("SELECT ROWID, First, Last, Middle, Prefix, Suffix, Nickname, Organization, Department, JobTitle, Note,"
             " Birthday FROM ABPerson ORDER BY ROWID")  # fmt: skip
    for index, row in enumerate(connection.execute(query)):
        rowid, first, last, middle, prefix, suffix, nickname, org, department, job, note, birthday = row
        record = _Record(rowid, _text(first), _text(last), _text(middle), _text(prefix), _text(suffix))
        record.nicknames = [_text(nickname)] if _text(nickname) else []
        record.organization = [_text(org), _text(department)]
        record.title, record.note, record.birthday = _text(job), _text(note), _apple_date(birthday)
        for uid, prop, label, value in values.get(rowid, []):
            _ios_value(record, prop, _apple_label(labels.get(label)), value, entries.get(uid, {}))
        yield record.contact(path, index, region)


def _ios_value(record: _Record, prop: int, labels: tuple[str, ...], value: object, parts: dict[str, str]) -> None:
    if prop == _AB_PHONE and _text(value):
        record.phones.append((_text(value), labels))
    elif prop == _AB_EMAIL and _text(value):
        record.emails.append(Email(_text(value), labels))
    elif prop == _AB_URL and _text(value):
        record.urls.append(Url(_text(value), labels))
    elif prop == _AB_ADDRESS and parts:
        record.addresses.append(
            Address(
                street=parts.get("Street", ""),
                locality=parts.get("City", ""),
                region=parts.get("State", ""),
                postal_code=parts.get("ZIP", ""),
                country=parts.get("Country", "") or parts.get("CountryCode", ""),
                labels=labels,
            )
        )


def _apple_label(label: object) -> tuple[str, ...]:
    text = _text(label)
    if text.startswith("_$!<") and text.endswith(">!$_"):
        text = text[4:-4]
    word = text.lower()
    return ("cell",) if word == "mobile" else (word,) if word else ()


def _apple_date(value: object) -> Birthday | None:
    """Birthdays are stored as seconds since 2001-01-01 (as text or a number)."""
    try:
        seconds = float(value) if isinstance(value, (int, float, str)) and str(value).strip() else None
    except ValueError:
        return None
    if seconds is None:
        return None
    try:
        moment = _APPLE_EPOCH + datetime.timedelta(seconds=seconds)
    except OverflowError:
        return None
    year = moment.year if moment.year not in (1604, 1) else None
    return Birthday(year=year, month=moment.month, day=moment.day)


def _android_contacts(connection: sqlite3.Connection, path: str, region: str) -> Iterator[Contact | Rejection]:
    """One card per aggregated contact (what the phone shows), from the rows of its raw contacts not deleted."""
    mimetypes = {rowid: _text(name) for rowid, name in connection.execute("SELECT _id, mimetype FROM mimetypes")}
    query = ("SELECT r.contact_id, r._id, d.mimetype_id, d.data1, d.data2, d.data3, d.data4, d.data5, d.data6,"
             " d.data7, d.data8, d.data9, d.data10 FROM raw_contacts r JOIN data d ON d.raw_contact_id = r._id"
             " WHERE COALESCE(r.deleted, 0) = 0 ORDER BY COALESCE(r.contact_id, -r._id), r._id, d._id")  # fmt: skip
    records: dict[int, _Record] = {}
    for contact_id, raw_id, mimetype, *data in connection.execute(query):
        key = contact_id if isinstance(contact_id, int) else -raw_id
        record = records.setdefault(key, _Record(contact_id if isinstance(contact_id, int) else raw_id))
        _android_row(record, mimetypes.get(mimetype, ""), data)
    for index, record in enumerate(records.values()):
        yield record.contact(path, index, region)


def _android_row(record: _Record, mimetype: str, data: list[object]) -> None:
    kind = mimetype.removeprefix(_MIME)
    d1, d2, d3, d4, d5, d6, d7, d8, d9, d10 = (_text(value) if not isinstance(value, int) else value for value in data)
    if kind == "name":
        record.full_name = record.full_name or _text(d1)
        record.given, record.family = record.given or _text(d2), record.family or _text(d3)
        record.prefix, record.additional, record.suffix = _text(d4), _text(d5), _text(d6)
    elif kind == "phone_v2" and _text(d1):
        record.phones.append((_text(d1), _ANDROID_PHONE_TYPES.get(_int(d2), ())))
    elif kind == "email_v2" and _text(d1):
        record.emails.append(Email(_text(d1), _ANDROID_EMAIL_TYPES.get(_int(d2), ())))
    elif kind == "organization":
        record.organization = record.organization or [_text(d1), _text(d5)]
        record.title = record.title or _text(d4)
    elif kind == "postal-address_v2":
        record.addresses.append(Address(street=_text(d4) or _text(d1), locality=_text(d7), region=_text(d8),
                                        postal_code=_text(d9), country=_text(d10)))  # fmt: skip
    elif kind == "note" and _text(d1):
        record.note = "\n".join(part for part in (record.note, _text(d1)) if part)
    elif kind == "nickname" and _text(d1):
        record.nicknames.append(_text(d1))
    elif kind == "website" and _text(d1):
        record.urls.append(Url(_text(d1)))
    elif kind == "contact_event" and _int(d2) == 3:
        record.birthday = record.birthday or _android_date(_text(d1))


def _int(value: object) -> int:
    if isinstance(value, int):
        return value
    text = _text(value)
    return int(text) if text.isdigit() else -1


def _android_date(text: str) -> Birthday | None:
    return parse_birthday(text)
