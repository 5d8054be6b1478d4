"""Former hangs and internal errors, through the installed command: each ends within seconds, never with exit 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from installed_command import COMMAND, run_contactleak

GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zora Märker\r\nTEL;TYPE=CELL:+49 176 04069012\r\nEND:VCARD\r\n"
NOT_REGULAR = "not a regular file"
QUICK = 30  # seconds; every former hang must end well within this
NON_TEXT_CHARSETS = ("base64", "bz2", "hex", "rot13", "uu", "zlib", "punycode", "undefined", "idna", "no-such-set")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.vcf"
    path.write_text(GOOD, "utf-8")
    return path


def _contacts(stdout: str) -> int:
    count = json.loads(stdout)["summary"]["contacts"]
    assert isinstance(count, int)
    return count


def test_a_charset_that_is_no_text_encoding_is_a_located_warning_and_the_card_is_read(tmp_path: Path) -> None:
    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET={name}:Abc\r\nTEL:+49 30 231250{index:02d}\r\nEND:VCARD\r\n"
        for index, name in enumerate(NON_TEXT_CHARSETS)
    )
    export = tmp_path / "charsets.vcf"
    export.write_text(cards, "ascii")
    done = run_contactleak("scan", str(export), "-f", "json", "--verbose", timeout=QUICK)
    assert done.returncode == 0, done.stderr
    assert _contacts(done.stdout) == len(NON_TEXT_CHARSETS)
    for index in range(len(NON_TEXT_CHARSETS)):
        assert f"charsets.vcf:{3 + 5 * index}: unknown or wrong character set" in done.stderr


@pytest.mark.parametrize("value", [",", ",\n ", "p1"])
def test_a_megabyte_tel_value_ends_in_seconds(tmp_path: Path, value: str) -> None:
    export = tmp_path / "tel.vcf"
    body = value * (1_000_000 // len(value))
    export.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nTEL:+49 30 23125001{body}\r\nEND:VCARD\r\n", "ascii")
    done = run_contactleak("scan", str(export), "-f", "json", timeout=QUICK)
    assert done.returncode == 0, done.stderr
    assert _contacts(done.stdout) == 1


def test_fifos_and_devices_are_named_and_skipped(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "phones"
    folder.mkdir()
    os.mkfifo(folder / "inside.vcf")
    os.mkfifo(tmp_path / "given.vcf")
    (folder / "zero.vcf").symlink_to("/dev/zero")
    arguments = [str(good), str(folder), str(tmp_path / "given.vcf"), "/dev/zero", "/dev/urandom"]
    done = run_contactleak("scan", *arguments, "-f", "json", timeout=QUICK)
    assert done.returncode == 0, done.stderr
    assert _contacts(done.stdout) == 1
    for shown in ("phones/inside.vcf", "phones/zero.vcf", "given.vcf", "/dev/zero", "/dev/urandom"):
        assert any(shown in line and NOT_REGULAR in line for line in done.stderr.splitlines()), shown


def test_stdin_from_a_device_is_refused_at_once(good: Path) -> None:
    with Path("/dev/zero").open("rb") as zero:
        done = run_contactleak("scan", "-", str(good), stdin=zero.fileno(), timeout=QUICK)
    assert done.returncode == 0, done.stderr
    assert f"-: {NOT_REGULAR}" in done.stderr


def test_an_endless_pipe_stops_at_max_input_size(good: Path) -> None:
    """``cat /dev/zero | contactleak scan -``: the limit ends it with a message, the other input is reported."""
    endless = "import sys\nwhile True: sys.stdout.buffer.write(bytes(65536))"
    with subprocess.Popen([sys.executable, "-c", endless], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as source:
        assert source.stdout is not None
        done = run_contactleak(
            "scan", "-", str(good), "--max-input-size", "2M", "-f", "json", stdin=source.stdout.fileno(), timeout=QUICK
        )
        source.kill()
    assert done.returncode == 0, done.stderr
    assert "-: larger than --max-input-size" in done.stderr
    assert _contacts(done.stdout) == 1


def test_a_file_beyond_max_input_size_keeps_the_cards_before_the_limit(tmp_path: Path) -> None:
    export = tmp_path / "big.vcf"
    export.write_text(GOOD * 5_000, "utf-8")  # about 400 kB
    done = run_contactleak("scan", str(export), "--max-input-size", "100K", "-f", "json", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "big.vcf: larger than --max-input-size" in done.stderr
    assert _contacts(done.stdout) == 100 * 1024 // len(GOOD.encode())
    assert run_contactleak("scan", str(export), "--max-input-size", "lots").returncode == 2


@pytest.fixture
def deep_tree(tmp_path: Path) -> Iterator[Path]:
    """A folder 980 levels deep, built and removed one level at a time.

    ``Path.mkdir(parents=True)`` and ``shutil.rmtree`` recurse per level and fail this deep: without the removal
    here, pytest's own clean-up of old temporary folders would hit a RecursionError in later sessions.
    """
    root = tmp_path / "deep"
    levels = [root]
    root.mkdir()
    for _ in range(980):
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    (levels[-1] / "phone.vcf").write_text(GOOD, "utf-8")
    yield root
    (levels[-1] / "phone.vcf").unlink()
    for level in reversed(levels):
        level.rmdir()


def test_a_directory_980_levels_deep_is_walked(deep_tree: Path) -> None:
    done = run_contactleak("scan", str(deep_tree), "-f", "json", timeout=QUICK)
    assert done.returncode == 0, done.stderr
    assert _contacts(done.stdout) == 1


# The command as installed, in a process where everything below a folder named "locked" is denied as for a user
# who cannot enter it (root, who runs CI, passes every permission check, so the denial is made at the system calls).
LOCKED_SCRIPT = """
import os, sys
from scanner.cli.app import main

def denied(path):
    return "/locked/" in os.fsdecode(path) + "/" and not os.fsdecode(path).endswith("/locked")

def guard(real):
    def call(path, *args, **kwargs):
        if isinstance(path, (str, bytes, os.PathLike)) and denied(path):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path, *args, **kwargs)
    return call

for name in ("stat", "lstat", "open", "scandir"):
    setattr(os, name, guard(getattr(os, name)))
sys.argv = ["contactleak", *sys.argv[1:]]
main()
"""


def test_a_file_in_a_folder_the_user_cannot_enter_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "phone.vcf").write_text(GOOD, "utf-8")
    (locked / "inner").mkdir()
    good = tmp_path / "good.vcf"
    good.write_text(GOOD, "utf-8")
    arguments = ["scan", str(locked / "phone.vcf"), str(locked / "inner"), str(good), "--lang", "en"]
    done = subprocess.run(
        [sys.executable, "-c", LOCKED_SCRIPT, *arguments], capture_output=True, text=True, timeout=QUICK,
        check=False, env={**os.environ, "LANG": "C.UTF-8"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "locked/phone.vcf: no permission to read it" in done.stderr
    assert "locked/inner: no permission to read it" in done.stderr
    assert "Internal error" not in done.stderr


def test_closed_stdin_is_a_message_not_an_internal_error() -> None:
    done = subprocess.run(
        [*COMMAND, "scan", "-", "--lang", "en"], capture_output=True, text=True, timeout=QUICK, check=False,
        env={**os.environ, "LANG": "C.UTF-8"}, stdin=None, pass_fds=(), close_fds=True,
        preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "-: no permission to read it, or a read error" in done.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
@pytest.mark.parametrize("output_format", ["table", "json"])
def test_a_narrow_output_encoding_works(tmp_path: Path, encoding: str, output_format: str) -> None:
    export = tmp_path / "greek.vcf"
    export.write_text(GOOD.replace("Zora Märker", "Ζωή 😀 Märker"), "utf-8")
    done = subprocess.run(
        [*COMMAND, "scan", str(export), "--show-pii", "-f", output_format, "--lang", "en"], capture_output=True,
        timeout=QUICK, check=False, env={**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": encoding},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    if output_format == "json":
        assert _contacts(done.stdout.decode(encoding)) == 1


NESTED = "a = " + "[" * 1000 + "]" * 1000 + "\n"


@pytest.mark.parametrize(
    ("option", "text", "message"),
    [
        ("--config", NESTED, "nested too deeply"),
        ("--profile", NESTED, "nested too deeply"),
        ("--config", '[classification]\nbusiness_keywords = ["' + "Kfz" * 170 + '"]\n', "longer than 100 characters"),
    ],
)
def test_hostile_config_and_profile_files_are_located_messages(
    tmp_path: Path, good: Path, option: str, text: str, message: str
) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(text, "utf-8")
    done = run_contactleak("scan", str(good), option, str(hostile), timeout=QUICK)
    assert done.returncode == 2, done.stderr
    assert "hostile.toml" in done.stderr
    assert message in done.stderr
