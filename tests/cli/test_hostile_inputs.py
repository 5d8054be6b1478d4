"""Hostile inputs beside one good export: each named on stderr, the good one reported, counts adding up, exit 0."""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scanner.cli.app import app

RUNNER = CliRunner()
GOOD = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Greta Gut\r\nTEL;TYPE=CELL:+49 152 28817140\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanna Hell\r\nEMAIL:hanna.hell@example.de\r\n"
    b"TEL:+49 30 23125141\r\nEND:VCARD\r\n"
)
NESTED = 10_000
NESTED_EXPORT = b"BEGIN:VCARD\r\n" * NESTED + b"FN:Tief Innen\r\nTEL:+49 171 3920014\r\n" + b"END:VCARD\r\n" * NESTED
HUGE_LINE = 100_000_000
# Card content that must never reach a message.
CONTENT = ("Greta", "Hanna", "hanna.hell", "Tief", "Innen", "Lang Zeile", "28817140", "23125141", "3920014", "xxxxxxxx")
LOCKED = "locked.vcf"


def _scan(*arguments: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, ["scan", *arguments, "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _lock_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files named ``locked.vcf`` cannot be opened: chmod 000 does not stop root, who runs these tests in CI."""
    real_open = os.open

    def guarded_open(path: str | os.PathLike[str], flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).name == LOCKED:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "exports"
    (root / "loop").mkdir(parents=True)
    (root / "loop" / "again").symlink_to(root, target_is_directory=True)
    (root / "self.vcf").symlink_to(root / "self.vcf")
    (root / "good.vcf").write_bytes(GOOD)
    (root / "binary.vcf").write_bytes(random.Random(7).randbytes(30_000))
    (root / "empty.vcf").write_bytes(b"")
    (root / "nested.vcf").write_bytes(NESTED_EXPORT)
    (root / LOCKED).write_bytes(GOOD)
    (root / LOCKED).chmod(0)
    _lock_files(monkeypatch)
    return root


def _sources(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {source["path"]: source for source in report["sources"]}


def _assert_counts_add_up(report: dict[str, Any]) -> None:
    summary, sources = report["summary"], report["sources"]
    for source in sources:
        assert source["cards_found"] == source["contacts"] + source["rejected"], source
    assert summary["cards_found"] == summary["contacts"] + summary["rejected"]
    for key in ("cards_found", "contacts", "rejected"):
        assert summary[key] == sum(source[key] for source in sources)
    assert summary["contacts"] == len(report["contacts"])
    assert summary["rejected"] == len(report["rejected"])


def _assert_no_card_content(*texts: str) -> None:
    assert [value for value in CONTENT if any(value in text for text in texts)] == []


def test_each_hostile_input_is_named_and_the_good_export_reported(exports: Path) -> None:
    code, stdout, stderr = _scan(str(exports), "-f", "json")
    assert code == 0, stderr
    report = json.loads(stdout)
    _assert_counts_add_up(report)
    sources = _sources(report)
    good = sources[f"{exports}/good.vcf"]
    assert (good["cards_found"], good["contacts"], good["rejected"], good["problem"]) == (2, 2, 0, None)
    assert sum(contact["source"] == f"{exports}/good.vcf" for contact in report["contacts"]) == 2
    expected = {
        "binary.vcf": ("binary", "not a text file"),
        "empty.vcf": ("empty", "file is empty"),
        LOCKED: ("unreadable", "no permission to read it"),
        "self.vcf": ("unreadable", "no permission to read it, or a read error"),
        "loop/again": ("directory_loop", "directory already visited (symlink loop)"),
    }
    for name, (problem, message) in expected.items():
        assert sources[f"{exports}/{name}"]["problem"] == problem
        assert sources[f"{exports}/{name}"]["cards_found"] == 0
        assert f"{exports}/{name}: {message}" in stderr
    _assert_no_card_content(stderr)


def test_every_rejected_nested_card_is_located_on_stderr(exports: Path) -> None:
    code, stdout, stderr = _scan(str(exports), "-f", "json")
    assert code == 0
    nested = _sources(json.loads(stdout))[f"{exports}/nested.vcf"]
    assert nested["cards_found"] == NESTED
    assert nested["problem"] is None and nested["rejected"] > NESTED - 100
    located = re.findall(rf"^{re.escape(str(exports))}/nested\.vcf:(\d+): card (\d+) rejected: ", stderr, re.MULTILINE)
    assert len(located) == nested["rejected"]
    assert all(1 <= int(line) <= NESTED for line, _ in located)
    assert len({index for _, index in located}) == nested["rejected"]


def test_the_terminal_summary_goes_on_as_well(exports: Path) -> None:
    code, stdout, stderr = _scan(str(exports))
    assert code == 0, stderr
    assert f"{exports}/empty.vcf: file is empty" in stderr
    assert "5 unreadable" in stdout
    assert "Address book" in stdout
    _assert_no_card_content(stdout, stderr)


def test_only_unreadable_inputs_exit_2(exports: Path) -> None:
    paths = [str(exports / name) for name in ("binary.vcf", "empty.vcf", LOCKED, "self.vcf")]
    code, stdout, stderr = _scan(*paths, "-f", "json")
    assert code == 2
    assert stdout == ""
    assert "No readable input" in stderr
    for path in paths:
        assert f"{path}: " in stderr


def test_a_file_of_rejected_cards_only_is_readable_input(tmp_path: Path) -> None:
    """Exit 2 is for no readable input; a file whose every card is rejected was read, so the scan completes."""
    export = tmp_path / "nested.vcf"
    export.write_bytes(b"BEGIN:VCARD\r\nEND:VCARD\r\n" * 3)
    code, stdout, stderr = _scan(str(export), "-f", "json")
    assert code == 0, stderr
    summary = json.loads(stdout)["summary"]
    assert (summary["cards_found"], summary["contacts"], summary["rejected"]) == (3, 0, 3)


@pytest.mark.slow
def test_a_100_mb_line_is_skipped_with_its_location_and_the_card_kept(tmp_path: Path) -> None:
    huge = tmp_path / "huge.vcf"
    with huge.open("wb") as stream:
        stream.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lang Zeile\r\nNOTE:")
        for _ in range(HUGE_LINE // 10_000_000):
            stream.write(b"x" * 10_000_000)
        stream.write(b"\r\nTEL;TYPE=CELL:+49 176 04069014\r\nEND:VCARD\r\n")
    good = tmp_path / "good.vcf"
    good.write_bytes(GOOD)
    assert huge.stat().st_size > HUGE_LINE
    code, stdout, stderr = _scan(str(huge), str(good), "-f", "json", "--verbose")
    assert code == 0, stderr
    report = json.loads(stdout)
    _assert_counts_add_up(report)
    sources = _sources(report)
    assert (sources[str(huge)]["contacts"], sources[str(good)]["contacts"]) == (1, 2)
    assert f"{huge}:4: line too long" in stderr
    _assert_no_card_content(stderr)
