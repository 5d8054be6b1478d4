"""Inputs that are not exports at all: each gives a located problem, and a run over many inputs goes on."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scanner.core.inputs import InputProblem, discover_inputs
from scanner.core.model import Contact, FileProblem, Rejection, RejectReason
from scanner.core.reading import InputError, read_bytes, read_file
from scanner.core.reading.cards import MAX_NESTING
from scanner.core.reading_run import ReadingRun

GOOD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Greta Gut\r\nTEL:+49 30 23125040\r\nEND:VCARD\r\n"
NESTED = 10_000


def _problem(read: Callable[[], object]) -> FileProblem:
    with pytest.raises(InputError) as raised:
        read()
    return raised.value.problem


def _binary() -> bytes:
    return random.Random(4).randbytes(20_000)


def test_ten_thousand_nested_begins_are_counted_and_rejected_beyond_the_limit() -> None:
    items = list(read_bytes(b"BEGIN:VCARD\r\n" * NESTED + b"FN:Tief Innen\r\n" + b"END:VCARD\r\n" * NESTED))
    assert sorted(item.source.index for item in items) == list(range(NESTED))
    rejected = [item for item in items if isinstance(item, Rejection)]
    too_deep = [item for item in rejected if item.reason is RejectReason.TOO_DEEPLY_NESTED]
    assert len(too_deep) == NESTED - MAX_NESTING
    assert min(item.source.line for item in too_deep) == MAX_NESTING + 1
    assert sum(isinstance(item, Contact) for item in items) + len(rejected) == NESTED


def test_binary_file_named_vcf(tmp_path: Path) -> None:
    export = tmp_path / "photo.vcf"
    export.write_bytes(_binary())
    assert _problem(lambda: list(read_file(export))) is FileProblem.BINARY


def test_empty_file(tmp_path: Path) -> None:
    export = tmp_path / "empty.vcf"
    export.write_bytes(b"")
    assert _problem(lambda: list(read_file(export))) is FileProblem.EMPTY


def test_text_without_cards() -> None:
    assert _problem(lambda: list(read_bytes(b"Name;Telefon\r\nGreta;030 23125040\r\n"))) is FileProblem.NO_CARDS


def test_missing_file(tmp_path: Path) -> None:
    assert _problem(lambda: list(read_file(tmp_path / "gone.vcf"))) is FileProblem.NOT_FOUND


def test_a_directory_named_like_an_export_given_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "x.vcf"
    folder.mkdir()
    assert _problem(lambda: list(read_file(folder))) is FileProblem.UNREADABLE


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = tmp_path / "locked.vcf"
    export.write_bytes(GOOD)
    _deny(monkeypatch, export)
    assert _problem(lambda: list(read_file(export))) is FileProblem.UNREADABLE


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Tests run as root, where chmod does not stop reading: refuse the open instead (the reader uses os.open)."""
    original = os.open

    def guarded(path: str | os.PathLike[str], flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


def test_symlink_loop_is_reported_once_and_the_walk_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "exports"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "loop").symlink_to(root, target_is_directory=True)
    (root / "inner" / "phone.vcf").write_bytes(GOOD)
    found = list(discover_inputs([str(root)]))
    problems = [item for item in found if isinstance(item, InputProblem)]
    assert [problem.problem for problem in problems] == [FileProblem.IS_DIRECTORY_LOOP]
    assert problems[0].display_path == str(root / "inner" / "loop")
    assert len(found) == 2


def test_a_run_over_bad_inputs_goes_on_and_every_count_adds_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exports = tmp_path / "exports"
    (exports / "x.vcf").mkdir(parents=True)
    (exports / "x.vcf" / "inside.vcf").write_bytes(GOOD)
    (exports / "a-empty.vcf").write_bytes(b"")
    (exports / "b-binary.vcf").write_bytes(_binary())
    (exports / "c-locked.vcf").write_bytes(GOOD)
    (exports / "d-nested.vcf").write_bytes(b"BEGIN:VCARD\r\n" * 100 + b"FN:Tief\r\n" + b"END:VCARD\r\n" * 100)
    (exports / "e-good.vcf").write_bytes(GOOD)
    (exports / "loop").symlink_to(exports, target_is_directory=True)
    _deny(monkeypatch, exports / "c-locked.vcf")
    run = ReadingRun([str(exports), str(tmp_path / "missing.vcf")])
    contacts = list(run.contacts())
    problems = {Path(report.path).name: report.problem for report in run.files if report.problem is not None}
    assert problems == {
        "a-empty.vcf": FileProblem.EMPTY,
        "b-binary.vcf": FileProblem.BINARY,
        "c-locked.vcf": FileProblem.UNREADABLE,
        "loop": FileProblem.IS_DIRECTORY_LOOP,
        "missing.vcf": FileProblem.NOT_FOUND,
    }
    assert all(report.cards_found == report.contacts + report.rejected for report in run.files)
    counts = {Path(report.path).name: report.cards_found for report in run.files if report.problem is None}
    assert counts == {"d-nested.vcf": 100, "e-good.vcf": 1, "inside.vcf": 1}
    assert len(contacts) + len(run.rejections) == 102
    assert [contact.formatted_name for contact in contacts].count("Greta Gut") == 2
