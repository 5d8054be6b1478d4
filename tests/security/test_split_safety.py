"""``split`` through the installed command: writes only into DIR, never modifies an input, refuses to overwrite,
writes nothing when the scan fails, and its summary carries no personal data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from installed_command import run_contactleak
from pii_values import leaks, personal_values

REPOSITORY = Path(__file__).resolve().parents[2]
DEMO = REPOSITORY / "scanner" / "data" / "demo" / "werkstatt.vcf"
LABELLED = sorted((REPOSITORY / "fixtures" / "labelled").rglob("*.vcf"))
PARTS = {"business.vcf", "private.vcf", "review.vcf"}


def fingerprint(directory: Path) -> dict[str, tuple[str, int, int]]:
    found: dict[str, tuple[str, int, int]] = {}
    for path in sorted(directory.rglob("*")):
        status = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        found[str(path.relative_to(directory))] = (digest, status.st_mtime_ns, status.st_mode)
    return found


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(DEMO, folder / "werkstatt.vcf")
    return folder


def test_split_writes_only_the_parts_into_dir_and_keeps_the_inputs(inputs: Path, tmp_path: Path) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    before = fingerprint(inputs)
    done = run_contactleak("split", str(inputs / "werkstatt.vcf"), "-o", str(tmp_path / "out"), cwd=work)
    assert done.returncode == 0, done.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} == PARTS
    assert fingerprint(inputs) == before
    assert not any(work.iterdir())
    assert {p.name for p in tmp_path.iterdir()} == {"inputs", "cwd", "out"}
    for part in (tmp_path / "out").iterdir():
        assert part.stat().st_mode & 0o077 == 0  # other people's data: readable by the owner only


def test_split_refuses_to_replace_an_existing_part_without_force(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "private.vcf").write_bytes(b"mine")
    done = run_contactleak("split", str(inputs / "werkstatt.vcf"), "-o", str(out))
    assert done.returncode == 2
    assert "private.vcf" in done.stderr and "--force" in done.stderr
    assert {p.name for p in out.iterdir()} == {"private.vcf"}
    assert (out / "private.vcf").read_bytes() == b"mine"
    forced = run_contactleak("split", str(inputs / "werkstatt.vcf"), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert (out / "private.vcf").read_bytes() != b"mine"


def test_split_never_writes_over_an_input(inputs: Path) -> None:
    (inputs / "business.vcf").write_bytes(DEMO.read_bytes())
    before = fingerprint(inputs)
    done = run_contactleak("split", str(inputs / "business.vcf"), "-o", str(inputs), "--force")
    assert done.returncode == 2
    assert fingerprint(inputs) == before


def test_a_failed_scan_writes_nothing(inputs: Path, tmp_path: Path) -> None:
    (inputs / "broken.vcf").write_bytes(b"no vCard here\r\n")
    done = run_contactleak("split", str(inputs), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert not (tmp_path / "out").exists()
    stdin = run_contactleak("split", "-", "-o", str(tmp_path / "out"))
    assert stdin.returncode == 2
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", [DEMO, *LABELLED[:3]], ids=lambda p: p.name)
def test_the_split_summary_is_masked(path: Path, tmp_path: Path) -> None:
    done = run_contactleak("split", str(path), "-o", str(tmp_path / "out"), "--separate-sensitive", "--verbose")
    assert done.returncode == 0, done.stderr
    assert "business.vcf" in done.stdout
    assert leaks([done.stdout, done.stderr], personal_values([path])) == []
    assert done.stdout.count("\n") < 20  # counts per part, not a list of contacts


def test_several_inputs_get_a_folder_each(tmp_path: Path) -> None:
    first, second = LABELLED[:2]
    done = run_contactleak("split", str(first), str(second), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} == {first.stem, second.stem}
    for sub in (tmp_path / "out").iterdir():
        assert {p.name for p in sub.iterdir()} == PARTS
