"""The -o report file through the installed command: 0600, atomic, never an input, a FIFO, a device or a symlink."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest
from installed_command import COMMAND, run_contactleak

EXPORT = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zora Markerfrau\r\nTEL;TYPE=CELL:+49 176 04069012\r\n"
    b"EMAIL:zora@example.org\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Beispiel Autoteile GmbH\r\nORG:Beispiel Autoteile GmbH\r\n"
    b"TEL;TYPE=WORK:+49 30 23125012\r\nEND:VCARD\r\n"
)
PREVIOUS = '{"previous": "good report"}'


def _card(index: int) -> bytes:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {index}\r\nTEL;TYPE=CELL:+49 176 040690{index % 100:02d}\r\n"
        f"NOTE:{'n' * 200}\r\nEND:VCARD\r\n"
    ).encode()


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "phone.vcf"
    path.write_bytes(EXPORT)
    return path


@pytest.fixture
def big_export(tmp_path: Path) -> Path:
    """Large enough that the JSON report takes a moment to write, small enough for CI (about 0.3 MB)."""
    path = tmp_path / "big.vcf"
    path.write_bytes(b"".join(_card(index) for index in range(1_000)))
    return path


def _leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".partial"))


def test_a_report_with_personal_data_is_private_to_its_owner_whatever_the_umask(export: Path, tmp_path: Path) -> None:
    target = tmp_path / "pii.json"
    done = run_contactleak(
        "scan", str(export), "--show-pii", "-f", "json", "-o", str(target), preexec=lambda: os.umask(0)
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text("utf-8"))["summary"]["contacts"] == 2


def test_a_replaced_report_is_private_too(export: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text(PREVIOUS, "utf-8")
    target.chmod(0o644)
    done = run_contactleak("scan", str(export), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Markerfrau" not in target.read_text("utf-8")
    assert _leftovers(tmp_path) == []


def test_a_symlink_is_not_followed_without_force(export: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("do not overwrite", "utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(victim)
    done = run_contactleak("scan", str(export), "-f", "json", "-o", str(link))
    assert done.returncode == 2
    assert "symbolic link" in done.stderr
    assert "--force" in done.stderr
    assert victim.read_text("utf-8") == "do not overwrite"
    assert link.is_symlink()
    assert done.stdout == ""


def test_force_replaces_the_file_the_symlink_points_to_and_keeps_the_link(export: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    real = reports / "latest.json"
    real.write_text(PREVIOUS, "utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    done = run_contactleak("scan", str(export), "-f", "json", "-o", str(link), "--force")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert json.loads(real.read_text("utf-8"))["summary"]["contacts"] == 2
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert _leftovers(reports) == []


@pytest.mark.parametrize("how", ["same path", "other spelling", "hard link", "symlink with force", "inside a folder"])
def test_an_input_is_never_the_report(export: Path, tmp_path: Path, how: str) -> None:
    before = export.read_bytes()
    arguments = [str(export)]
    if how == "same path":
        target = str(export)
    elif how == "other spelling":
        target = str(tmp_path / "." / "phone.vcf")
    elif how == "hard link":
        target = str(tmp_path / "alias.vcf")
        os.link(export, target)
    elif how == "symlink with force":
        target = str(tmp_path / "link.json")
        Path(target).symlink_to(export)
        arguments.append("--force")
    else:
        arguments = [str(tmp_path)]
        target = str(export)
    done = run_contactleak("scan", *arguments, "-o", target)
    assert done.returncode == 2, done.stdout
    assert "one of the inputs" in done.stderr
    assert export.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_fifo_as_report_is_refused_at_once(export: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    done = run_contactleak("scan", str(export), "-o", str(fifo), timeout=20)
    assert done.returncode == 2
    assert "not a regular file" in done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_as_report_is_refused(export: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist on this system")
    done = run_contactleak("scan", str(export), "-o", device, timeout=20)
    assert done.returncode == 2
    assert "not a regular file" in done.stderr


def test_a_directory_as_report_is_refused(export: Path, tmp_path: Path) -> None:
    done = run_contactleak("scan", str(export), "-o", str(tmp_path))
    assert done.returncode == 2
    assert "is a directory" in done.stderr


def _file_size_limit(limit: int) -> None:
    """In the child: writes beyond ``limit`` bytes fail with EFBIG, as on a full disk (SIGXFSZ ignored)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_keeps_the_previous_report(big_export: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, "utf-8")
    done = run_contactleak(
        "scan", str(big_export), "-f", "json", "-o", str(target), preexec=lambda: _file_size_limit(50_000)
    )
    assert done.returncode == 2
    assert "Cannot write the report" in done.stderr
    assert "Traceback" not in done.stderr
    assert target.read_text("utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []


def _interrupt_while_running(arguments: list[str], signum: int, delay: float) -> int:
    process = subprocess.Popen(
        [*COMMAND, *arguments], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "LANG": "C.UTF-8"},
    )  # fmt: skip
    timer = threading.Timer(delay, process.send_signal, (signum,))
    timer.start()
    try:
        return process.wait(timeout=60)
    finally:
        timer.cancel()


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_scan_leaves_the_previous_report_or_a_whole_new_one(
    big_export: Path, tmp_path: Path, signum: int
) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, "utf-8")
    started = time.monotonic()
    complete = run_contactleak("scan", str(big_export), "-f", "json", "-o", str(target))
    assert complete.returncode == 0, complete.stderr
    duration = time.monotonic() - started
    # Interrupts spread over the whole run (start-up, reading, writing): never a broken or partial file.
    for step in range(1, 4):
        target.write_text(PREVIOUS, "utf-8")
        code = _interrupt_while_running(
            ["scan", str(big_export), "-f", "json", "-o", str(target)], signum, duration * step / 4
        )
        text = target.read_text("utf-8")
        assert text == PREVIOUS or json.loads(text)["summary"]["contacts"] == 1_000, (code, text[:80])
        assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_two_scans_on_the_same_report_leave_one_whole_report(big_export: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    arguments = [*COMMAND, "scan", str(big_export), "-f", "json", "-o", str(target), "--lang", "en"]
    for _ in range(1):
        runs = [subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
        for process in runs:
            assert process.wait(timeout=120) == 0
        assert json.loads(target.read_text("utf-8"))["summary"]["contacts"] == 1_000
    assert _leftovers(tmp_path) == []


def test_a_missing_report_folder_is_exit_2_before_the_scan(export: Path, tmp_path: Path) -> None:
    done = run_contactleak("scan", str(export), "-o", str(tmp_path / "missing" / "report.json"))
    assert done.returncode == 2
    assert "Cannot write the report" in done.stderr
    assert not (tmp_path / "missing").exists()
