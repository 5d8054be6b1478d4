"""Issue 2 over the real-world corpus: every file scans, per-file counts add up and hold the recorded table."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner.core.model import Contact, Rejection, RejectReason
from scanner.core.reading import read_file

pytestmark = pytest.mark.corpus

EXPECTED = Path(__file__).with_name("expected_contacts.csv")
# The only cards the reader may reject, each checked by hand: none carries a name, number, e-mail or address.
DECIDED_REJECTIONS = {
    ("aosp-vcard/v21_android_custom_prop.vcf", 1),  # only X-ANDROID-CUSTOM rows of made-up MIME types
    ("calcard/063.vcf", 1),  # only BDAY 206-12-15, not a date
    ("calcard/063.vcf", 9),  # BEGIN and END with nothing between
    ("l0b0-vcard/missing_properties.vcf", 1),  # BEGIN and END with nothing between
    ("node-vcf/photo-base64.vcf", 1),  # only a (truncated) PHOTO
    ("qt-mobility/importannicorruptdata.vcf", 1),  # only REV, UID and a garbled X-ANNIVERSARY
    ("sabre-vobject/issue64.vcf", 1),  # only a PHOTO
}


def _expected() -> dict[str, tuple[int, int]]:
    with EXPECTED.open(encoding="utf-8", newline="") as table:
        return {row["file"]: (int(row["cards_found"]), int(row["min_contacts"])) for row in csv.DictReader(table)}


def _exports(corpus: Path) -> list[str]:
    return sorted(
        path.relative_to(corpus).as_posix()
        for path in corpus.rglob("*")
        if path.is_file() and path.suffix.lower() in (".vcf", ".vcard")
    )


def _read(corpus: Path, name: str) -> list[Contact | Rejection]:
    return list(read_file(corpus / name, display_path=name))


def test_the_table_lists_exactly_the_corpus_files(corpus_dir: Path) -> None:
    assert sorted(_expected()) == _exports(corpus_dir)
    assert len(_expected()) == 234


@pytest.mark.parametrize(("name", "counts"), sorted(_expected().items()))
def test_file_scans_and_counts_add_up(corpus_dir: Path, name: str, counts: tuple[int, int]) -> None:
    cards_found, min_contacts = counts
    items = _read(corpus_dir, name)
    contacts = sum(isinstance(item, Contact) for item in items)
    rejected = len(items) - contacts
    assert len(items) == contacts + rejected == cards_found
    assert sorted(item.source.index for item in items) == list(range(cards_found))
    assert contacts >= min_contacts
    assert {item.source.path for item in items} <= {name}


def test_at_least_99_percent_of_cards_are_contacts_and_rejections_are_the_decided_ones(corpus_dir: Path) -> None:
    found = read = 0
    rejected: set[tuple[str, int]] = set()
    for name in _exports(corpus_dir):
        for item in _read(corpus_dir, name):
            found += 1
            if isinstance(item, Contact):
                read += 1
            else:
                assert item.reason is RejectReason.EMPTY_CARD
                rejected.add((name, item.source.line))
    assert (found, read) == (3428, 3421)
    assert read >= 0.99 * found
    assert rejected == DECIDED_REJECTIONS


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))


def test_values_are_intact_no_replacement_characters_or_nul_bytes(corpus_dir: Path) -> None:
    """A U+FFFD or NUL in a value means bytes were decoded in the wrong charset or not cleaned."""
    damaged = []
    for name in _exports(corpus_dir):
        if "\ufffd".encode() in (corpus_dir / name).read_bytes():
            continue  # the file itself holds U+FFFD; the reader cannot be blamed for passing it on
        for item in _read(corpus_dir, name):
            if isinstance(item, Contact) and any("\ufffd" in text or "\x00" in text for text in _texts(item)):
                damaged.append((name, item.source.line))
    assert damaged == []
