"""Phone backups: fictional iPhone and Android address-book databases with the real schemas' relevant tables."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from scanner.core.formats.backups import ADDRESS_BOOK_PATH
from scanner.core.formats.sources import ReadSettings, file_sources
from scanner.core.inputs import InputFile, discover_inputs
from scanner.core.model import Contact, FileProblem, RegionSource, Rejection
from scanner.core.reading import InputError

ADDRESS_BOOK_ID = hashlib.sha1(f"HomeDomain-{ADDRESS_BOOK_PATH}".encode()).hexdigest()  # noqa: S324 (Apple's naming)


def _database(path: Path, script: str) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(script)
    connection.commit()
    connection.close()
    return path


IOS_SCHEMA = """
CREATE TABLE ABPerson (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, First TEXT, Last TEXT, Middle TEXT, Prefix TEXT,
  Suffix TEXT, Nickname TEXT, Organization TEXT, Department TEXT, JobTitle TEXT, Note TEXT,
  Birthday TEXT, Kind INTEGER);
CREATE TABLE ABMultiValue (UID INTEGER PRIMARY KEY, record_id INTEGER, property INTEGER, identifier INTEGER,
  label INTEGER, value TEXT);
CREATE TABLE ABMultiValueLabel (value TEXT, UNIQUE(value));
CREATE TABLE ABMultiValueEntry (parent_id INTEGER, key INTEGER, value TEXT, UNIQUE(parent_id, key));
CREATE TABLE ABMultiValueEntryKey (value TEXT, UNIQUE(value));
INSERT INTO ABMultiValueLabel (ROWID, value) VALUES (1, '_$!<Mobile>!$_'), (2, '_$!<Work>!$_'), (3, '_$!<Home>!$_');
INSERT INTO ABMultiValueEntryKey (ROWID, value) VALUES (1, 'Street'), (2, 'City'), (3, 'ZIP'), (4, 'Country');
INSERT INTO ABPerson (ROWID, First, Last, Organization, JobTitle, Birthday) VALUES
  (1, 'Ida', 'Beispiel', 'Bäckerei Beispiel GmbH', 'Inhaberin', '-653702400'),
  (2, 'Mary', 'Example', NULL, NULL, NULL),
  (3, NULL, NULL, NULL, NULL, NULL);
INSERT INTO ABMultiValue (UID, record_id, property, identifier, label, value) VALUES
  (1, 1, 3, 0, 1, '+49 152 28817201'),
  (2, 1, 4, 0, 2, 'ida@baeckerei-beispiel.example'),
  (3, 2, 3, 0, 2, '858-555-0142'),
  (4, 2, 5, 0, 2, NULL);
INSERT INTO ABMultiValueEntry (parent_id, key, value) VALUES (4, 1, '1 Example Road'), (4, 2, 'San Diego'),
  (4, 3, '92101'), (4, 4, 'USA');
"""

ANDROID_SCHEMA = """
CREATE TABLE mimetypes (_id INTEGER PRIMARY KEY AUTOINCREMENT, mimetype TEXT NOT NULL, UNIQUE (mimetype));
CREATE TABLE raw_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, contact_id INTEGER, deleted INTEGER NOT NULL
  DEFAULT 0, display_name TEXT, account_type TEXT);
CREATE TABLE data (_id INTEGER PRIMARY KEY AUTOINCREMENT, raw_contact_id INTEGER NOT NULL, mimetype_id INTEGER NOT NULL,
  data1 TEXT, data2 TEXT, data3 TEXT, data4 TEXT, data5 TEXT, data6 TEXT, data7 TEXT, data8 TEXT, data9 TEXT,
  data10 TEXT, data11 TEXT, data12 TEXT, data13 TEXT, data14 TEXT, data15 TEXT);
INSERT INTO mimetypes (_id, mimetype) VALUES (1, 'vnd.android.cursor.item/name'),
  (2, 'vnd.android.cursor.item/phone_v2'), (3, 'vnd.android.cursor.item/email_v2'),
  (4, 'vnd.android.cursor.item/organization'), (5, 'vnd.android.cursor.item/contact_event'),
  (6, 'vnd.android.cursor.item/note');
INSERT INTO raw_contacts (_id, contact_id, deleted, display_name, account_type) VALUES
  (1, 1, 0, 'Jan Beispiel', 'com.google'), (2, 1, 0, 'Jan Beispiel', 'com.whatsapp'),
  (3, 2, 0, 'Olga Beispiel', 'com.google'), (4, 3, 1, 'Gelöscht', 'com.google');
INSERT INTO data (raw_contact_id, mimetype_id, data1, data2, data3) VALUES
  (1, 1, 'Jan Beispiel', 'Jan', 'Beispiel'), (1, 2, '0171 3920011', '2', NULL),
  (2, 2, '+49 171 3920011', '2', NULL), (1, 3, 'jan@mail.example', '1', NULL),
  (1, 5, '1985-07-01', '3', NULL), (3, 1, 'Olga Beispiel', 'Olga', 'Beispiel'),
  (3, 4, 'Werkstatt Beispiel', NULL, NULL), (3, 6, 'Kundin seit 2019', NULL, NULL), (4, 1, 'Gelöscht', NULL, NULL);
"""


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def _read(path: Path, shown: str) -> tuple[str, list[Contact | Rejection]]:
    [source] = list(file_sources(path, shown, ReadSettings()))
    return source.display_path, list(source.entries())


def _ios_backup(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / ADDRESS_BOOK_ID[:2]).mkdir()
    _database(folder / ADDRESS_BOOK_ID[:2] / ADDRESS_BOOK_ID, IOS_SCHEMA)
    manifest = _database(
        folder / "Manifest.db",
        "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB);",
    )
    connection = sqlite3.connect(manifest)
    rows = [(ADDRESS_BOOK_ID, "HomeDomain", ADDRESS_BOOK_PATH), ("0" * 40, "CameraRollDomain", "Media/x")]
    connection.executemany("INSERT INTO Files VALUES (?, ?, ?, 1, NULL)", rows)
    connection.commit()
    connection.close()
    return folder


def test_an_iphone_backup_folder_is_read_through_its_manifest_and_keeps_its_hashes(tmp_path: Path) -> None:
    backup = _ios_backup(tmp_path / "00008030-000A1B2C3D4E5F60")
    before = _hashes(backup)
    shown, items = _read(backup, "backup")
    assert shown == f"backup:{ADDRESS_BOOK_PATH}"
    contacts = [item for item in items if isinstance(item, Contact)]
    rejected = [item for item in items if isinstance(item, Rejection)]
    assert (len(items), len(contacts), len(rejected)) == (3, 2, 1)
    ida, mary = contacts
    assert (ida.formatted_name, ida.organization, ida.title) == (
        "Ida Beispiel",
        ("Bäckerei Beispiel GmbH",),
        "Inhaberin",
    )
    assert [(p.e164, p.labels) for p in ida.phones] == [("+4915228817201", ("cell",))]
    assert [e.address for e in ida.emails] == ["ida@baeckerei-beispiel.example"]
    assert ida.birthday is not None and (ida.birthday.year, ida.birthday.month, ida.birthday.day) == (1980, 4, 15)
    # The US address reads the US number (region inference works for backups too).
    assert [(p.e164, p.region_source) for p in mary.phones] == [("+18585550142", RegionSource.ADDRESS)]
    assert rejected[0].source.line == 3  # the record's row id
    assert _hashes(backup) == before  # nothing written: no journal, no WAL, same bytes


def test_a_directory_scan_reads_a_backup_folder_as_one_input(tmp_path: Path) -> None:
    backup = _ios_backup(tmp_path / "Backup" / "device")
    found = list(discover_inputs([str(tmp_path / "Backup")]))
    assert found == [InputFile(display_path=str(tmp_path / "Backup" / "device"), path=backup)]


def test_an_android_contacts2_db_is_read_one_card_per_contact(tmp_path: Path) -> None:
    database = _database(tmp_path / "contacts2.db", ANDROID_SCHEMA)
    before = _hashes(tmp_path)
    shown, items = _read(database, "contacts2.db")
    assert shown == "contacts2.db"
    assert all(isinstance(item, Contact) for item in items)
    jan, olga = (item for item in items if isinstance(item, Contact))
    assert (jan.formatted_name, jan.name.given, jan.name.family) == ("Jan Beispiel", "Jan", "Beispiel")
    # Two raw contacts of one contact (Google and WhatsApp copies) are one card; the deleted one is none.
    assert sorted(p.e164 for p in jan.phones) == ["+491713920011", "+491713920011"]
    assert [e.address for e in jan.emails] == ["jan@mail.example"]
    assert jan.birthday is not None and (jan.birthday.year, jan.birthday.month) == (1985, 7)
    assert (olga.organization, olga.note) == (("Werkstatt Beispiel",), "Kundin seit 2019")
    assert _hashes(tmp_path) == before


def test_a_database_without_an_address_book_is_a_located_problem(tmp_path: Path) -> None:
    other = _database(tmp_path / "notes.db", "CREATE TABLE notes (id INTEGER, text TEXT);")
    [source] = list(file_sources(other, "notes.db", ReadSettings()))
    try:
        list(source.entries())
    except InputError as error:
        assert error.problem is FileProblem.NO_CARDS
    else:
        raise AssertionError("a database without contacts was read")


def test_an_encrypted_backup_manifest_is_a_located_problem(tmp_path: Path) -> None:
    backup = tmp_path / "encrypted"
    backup.mkdir()
    (backup / "Manifest.db").write_bytes(b"\x8f" * 4096)  # an encrypted Manifest.db is no SQLite file
    [source] = list(file_sources(backup, "encrypted", ReadSettings()))
    try:
        list(source.entries())
    except InputError as error:
        assert error.problem is FileProblem.BAD_DATABASE
    else:
        raise AssertionError("an encrypted backup was read")
