"""Zip archives: a Takeout-shaped archive, a nested one, and zip bombs refused with a clear message, memory flat."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

from scanner.core.formats import archives
from scanner.core.formats.sources import ReadSettings, file_sources
from scanner.core.model import Contact, FileProblem
from scanner.core.reading import InputError

FORMATS = Path(__file__).resolve().parents[3] / "fixtures" / "formats"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _read(path: Path) -> dict[str, tuple[int, int, FileProblem | None]]:
    """Per source: cards found, contacts, the problem that stopped it."""
    counts: dict[str, tuple[int, int, FileProblem | None]] = {}
    for source in file_sources(path, path.name, ReadSettings()):
        found = contacts = 0
        problem = None
        try:
            for item in source.entries():
                found += 1
                contacts += isinstance(item, Contact)
        except InputError as error:
            problem = error.problem
        counts[source.display_path] = (found, contacts, problem)
    return counts


def test_a_takeout_shaped_archive_reads_each_export_named_inside_the_archive(tmp_path: Path) -> None:
    takeout = _zip(
        tmp_path / "takeout-20261201T101010Z-001.zip",
        {
            "Takeout/archive_browser.html": b"<html></html>",
            "Takeout/Contacts/My Contacts/My Contacts.vcf": (FORMATS / "equivalent.vcf").read_bytes(),
            "Takeout/Contacts/Familie/Familie.csv": (FORMATS / "google_contacts.csv").read_bytes(),
        },
    )
    assert _read(takeout) == {
        "takeout-20261201T101010Z-001.zip:Takeout/Contacts/My Contacts/My Contacts.vcf": (3, 3, None),
        "takeout-20261201T101010Z-001.zip:Takeout/Contacts/Familie/Familie.csv": (3, 3, None),
    }


def test_rejections_name_the_member(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", {"phone/x.vcf": b"BEGIN:VCARD\r\nEND:VCARD\r\n"})
    for source in file_sources(archive, "a.zip", ReadSettings()):  # read while the archive is open
        [rejection] = list(source.entries())
        assert (rejection.source.path, rejection.source.line) == ("a.zip:phone/x.vcf", 1)


def test_a_nested_archive_is_read_and_named_through_both(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("inner/phone.vcf", (FORMATS / "equivalent.vcf").read_bytes())
    outer = _zip(tmp_path / "fleet.zip", {"phones/anna.zip": inner.getvalue()})
    assert _read(outer) == {"fleet.zip:phones/anna.zip:inner/phone.vcf": (3, 3, None)}


def test_archives_nested_too_deep_are_refused_as_one_source(tmp_path: Path) -> None:
    data = b"BEGIN:VCARD\r\nFN:Ida Beispiel\r\nEND:VCARD\r\n"
    name = "phone.vcf"
    for depth in range(archives.MAX_DEPTH + 1):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, data)
        data, name = buffer.getvalue(), f"level{depth}.zip"
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    [(shown, counts)] = _read(path).items()
    assert counts == (0, 0, FileProblem.ARCHIVE_LIMIT)
    assert shown.count(".zip:") == archives.MAX_DEPTH


def test_a_zip_bomb_is_refused_with_memory_flat_and_its_neighbours_are_read(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ok.vcf", b"BEGIN:VCARD\r\nFN:Ida Beispiel\r\nEND:VCARD\r\n")
        with archive.open("bomb.vcf", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(256):  # 256 MB of zeros, about 250 KB compressed
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024**2
    tracemalloc.start()
    try:
        counts = _read(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert counts == {"bomb.zip:ok.vcf": (1, 1, None), "bomb.zip:bomb.vcf": (0, 0, FileProblem.ARCHIVE_LIMIT)}
    assert peak < 32 * 1024**2


def test_a_member_over_the_archive_budget_is_refused(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(archives, "MAX_TOTAL_BYTES", 100)
    archive = _zip(tmp_path / "a.zip", {"a.vcf": b"BEGIN:VCARD\r\nFN:" + b"x" * 200 + b"\r\nEND:VCARD\r\n"})
    assert _read(archive) == {"a.zip:a.vcf": (0, 0, FileProblem.ARCHIVE_LIMIT)}


def test_an_archive_with_too_many_entries_is_refused_before_it_is_loaded(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(archives, "MAX_ENTRIES", 3)
    archive = _zip(tmp_path / "many.zip", {f"{n}.vcf": b"BEGIN:VCARD\r\nFN:Ida\r\nEND:VCARD\r\n" for n in range(4)})
    assert _read(archive) == {"many.zip": (0, 0, FileProblem.ARCHIVE_LIMIT)}


def test_a_damaged_archive_is_one_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert _read(path) == {"broken.zip": (0, 0, FileProblem.BAD_ARCHIVE)}
