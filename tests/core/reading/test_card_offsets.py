"""Each card's byte range in its file (SourceRef.start/end): the card exactly as written, for every layout."""

from __future__ import annotations

import codecs
import dataclasses
from pathlib import Path

import pytest

from scanner.core.model import Contact, Rejection
from scanner.core.reading import read_bytes

REPOSITORY = Path(__file__).resolve().parents[3]
QUIRKS = REPOSITORY / "fixtures" / "quirks"
FIXTURES = sorted(path for path in (REPOSITORY / "fixtures").rglob("*") if path.suffix.lower() in (".vcf", ".vcard"))


def _entries(data: bytes) -> list[Contact | Rejection]:
    return list(read_bytes(data, path="x.vcf"))


def _same_card(whole: Contact | Rejection, alone: Contact | Rejection) -> bool:
    """The card read from its own bytes is the card read in its file, but for where it stands."""
    if isinstance(whole, Rejection) or isinstance(alone, Rejection):
        return isinstance(whole, Rejection) and isinstance(alone, Rejection) and whole.reason == alone.reason
    moved = dataclasses.replace(alone, source=whole.source, warnings=())
    return moved == dataclasses.replace(whole, warnings=())


def assert_ranges_are_the_cards(data: bytes) -> None:
    """Every range lies in the file and, read on its own, gives back exactly that card (or the same rejection)."""
    entries = _entries(data)
    for entry in entries:
        start, end = entry.source.start, entry.source.end
        assert 0 <= start < end <= len(data), entry.source
        alone = _entries(data[start:end])
        nested = [e for e in entries if e is not entry and start <= e.source.start and e.source.end <= end]
        assert len(alone) == 1 + len(nested), entry.source
        assert _same_card(entry, alone[0]) or nested, entry.source


def test_a_card_range_runs_from_begin_to_the_end_of_its_end_line() -> None:
    data = b"\xef\xbb\xbfBEGIN:VCARD\r\nFN:Ana Beispiel\r\nEND:VCARD\r\n\r\njunk\nBEGIN:VCARD\nFN:Ben\n fold\nEND:VCARD"
    first, second = _entries(data)
    assert data[first.source.start : first.source.end] == b"BEGIN:VCARD\r\nFN:Ana Beispiel\r\nEND:VCARD\r\n"
    assert data[second.source.start : second.source.end] == b"BEGIN:VCARD\nFN:Ben\n fold\nEND:VCARD"


@pytest.mark.parametrize("layout", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False])
def test_utf16_ranges_are_offsets_in_the_file_not_in_the_decoded_text(layout: str, bom: bool) -> None:
    text = "BEGIN:VCARD\r\nFN:Jürgen 𝄞 Groß\r\nEND:VCARD\r\nBEGIN:VCARD\rFN:Zoë\rEND:VCARD\r"
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[layout] if bom else b""
    data = mark + text.encode(layout)
    first, second = _entries(data)
    assert (
        data[first.source.start : first.source.end].decode(layout) == "BEGIN:VCARD\r\nFN:Jürgen 𝄞 Groß\r\nEND:VCARD\r\n"
    )
    assert data[second.source.start : second.source.end].decode(layout) == "BEGIN:VCARD\rFN:Zoë\rEND:VCARD\r"


def test_a_broken_utf16_code_unit_keeps_the_offsets_exact() -> None:
    data = (
        "BEGIN:VCARD\r\nFN:A".encode("utf-16-le")
        + b"\x00\xd8"
        + "b\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:C\r\nEND:VCARD\r\n".encode("utf-16-le")
    )
    _, second = _entries(data)
    assert data[second.source.start : second.source.end].decode("utf-16-le") == "BEGIN:VCARD\r\nFN:C\r\nEND:VCARD\r\n"


def test_a_line_too_long_to_keep_still_counts_its_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("scanner.core.reading.reader.MAX_LINE_BYTES", 64)
    data = b"BEGIN:VCARD\nFN:A\nNOTE:" + b"x" * 500 + b"\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"
    first, second = _entries(data)
    assert data[first.source.start : first.source.end].endswith(b"x\nEND:VCARD\n")
    assert data[second.source.start : second.source.end] == b"BEGIN:VCARD\nFN:B\nEND:VCARD\n"


def test_missing_end_missing_begin_and_nesting_have_ranges() -> None:
    data = b"BEGIN:VCARD\nFN:Open\nBEGIN:VCARD\nFN:Inner\nEND:VCARD\nFN:Orphan\nTEL:+4915228817001\nEND:VCARD\n"
    entries = _entries(data)
    ranges = sorted((e.source.start, e.source.end) for e in entries)
    assert ranges[0][0] == 0
    assert any(data[s:e] == b"BEGIN:VCARD\nFN:Inner\nEND:VCARD\n" for s, e in ranges)


def test_rejected_cards_have_ranges() -> None:
    data = b"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nEND:VCARD\n"
    _, rejected = _entries(data)
    assert isinstance(rejected, Rejection)
    assert data[rejected.source.start : rejected.source.end] == b"BEGIN:VCARD\nEND:VCARD\n"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPOSITORY)))
def test_every_fixture_card_range_is_that_card(path: Path) -> None:
    assert_ranges_are_the_cards(path.read_bytes())


@pytest.mark.corpus
def test_every_corpus_card_range_is_that_card(corpus_dir: Path) -> None:
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in (".vcf", ".vcard"))
    assert len(files) == 234
    for path in files:
        data = path.read_bytes()
        try:
            assert_ranges_are_the_cards(data)
        except AssertionError as error:
            raise AssertionError(f"{path.relative_to(corpus_dir)}: {error}") from error


def test_quirk_fixtures_are_found() -> None:
    assert len([p for p in FIXTURES if p.parent == QUIRKS]) >= 30


_TWO_CARDS = "BEGIN:VCARD\r\nFN:Ä\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n"
_SECOND = "BEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(
    ("forced", "mark", "layout"),
    [
        ("utf-16", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-32", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-8-sig", codecs.BOM_UTF8, "utf-8"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_a_forced_encoding_keeps_the_ranges_in_the_file(forced: str, mark: bytes, layout: str) -> None:
    data = mark + _TWO_CARDS.encode(layout)
    first, second = read_bytes(data, encoding=forced)
    assert first.source.start == len(mark)
    assert data[second.source.start : second.source.end].decode(layout) == _SECOND
    assert second.source.end == len(data)
