"""The atomic report file module itself: what the block sees, and what stays behind when the block fails."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner.cli.errors import CliError
from scanner.cli.output_file import atomic_binary, atomic_text, check_output_target

PREVIOUS = "previous good report\n"


def _leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.endswith(".partial")]


def test_text_is_renamed_over_the_target_only_when_the_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, "utf-8")
    with atomic_text(check_output_target(str(target))) as stream:
        stream.write("{\n")
        assert target.read_text("utf-8") == PREVIOUS
        (temporary,) = _leftovers(tmp_path)
        assert stat.S_IMODE(temporary.stat().st_mode) == 0o600
        stream.write('"ä": 1}\n')
    assert target.read_bytes() == '{\n"ä": 1}\n'.encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_binary_mode_writes_bytes(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    with atomic_binary(check_output_target(str(target))) as stream:
        stream.write(b"a;b\r\n")
    assert target.read_bytes() == b"a;b\r\n"


@pytest.mark.parametrize("failure", [RuntimeError("scan broke"), KeyboardInterrupt(), SystemExit(143)])
def test_any_failure_in_the_block_keeps_the_previous_report_and_removes_the_temporary_file(
    tmp_path: Path, failure: BaseException
) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, "utf-8")
    with pytest.raises(type(failure)), atomic_text(check_output_target(str(target))) as stream:
        stream.write("half a report" * 10_000)
        raise failure
    assert target.read_text("utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []


@pytest.fixture
def small_file_limit() -> Iterator[None]:
    """Files of this process cannot grow beyond 10 kB (EFBIG, as on a full disk) while the test runs."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@pytest.mark.usefixtures("small_file_limit")
def test_a_failing_write_is_a_cannot_write_message(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    with pytest.raises(CliError) as raised, atomic_text(check_output_target(str(target))) as stream:
        stream.write("x" * 100_000)
    assert raised.value.key == "cli.cannot_write_output"
    assert raised.value.params["reason"] == os.strerror(errno.EFBIG)
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_other_os_errors_of_the_block_are_not_mistaken_for_write_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_text(check_output_target(str(tmp_path / "r.txt"))):
        (tmp_path / "missing-input.vcf").read_bytes()
    assert _leftovers(tmp_path) == []


def test_a_symlink_put_at_the_target_meanwhile_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep", "utf-8")
    target = tmp_path / "report.txt"
    checked = check_output_target(str(target))
    with atomic_text(checked) as stream:
        stream.write("report")
        target.symlink_to(victim)  # a race the check before could not see
    assert victim.read_text("utf-8") == "keep"
    assert not target.is_symlink()
    assert target.read_text("utf-8") == "report"
