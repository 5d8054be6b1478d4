"""Every text on stderr is inert: escapes from profile and config keys, option values and paths show as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from installed_command import run_contactleak

GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zora Märker\r\nTEL;TYPE=CELL:+49 176 04069012\r\nEND:VCARD\r\n"
# Clear the screen, set the pane title, and forge a line.
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\rAll checks passed, risk: none\x9b31m"
HOSTILE_TOML = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
RAW = ("\x1b", "\x07", "\r", "\x9b")


def _assert_inert(stderr: str, *, echoed: bool = True) -> None:
    assert not [char for char in RAW if char in stderr], repr(stderr[:300])
    assert ("<U+001B>" in stderr) is echoed, stderr


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.vcf"
    path.write_text(GOOD, "utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "text", "echoed"),
    [
        ("--profile", f'"{HOSTILE_TOML}" = 1\n', True),
        ("--profile", f'id = "{HOSTILE_TOML}"\n', False),
        ("--config", f'[classification]\n"{HOSTILE_TOML}" = ["x"]\n', True),
        ("--config", f'[classification]\nbusiness_domains = ["{HOSTILE_TOML}"]\n', False),
    ],
)
def test_keys_and_values_of_profile_and_config_files(
    tmp_path: Path, good: Path, option: str, text: str, echoed: bool
) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(text, "utf-8")
    done = run_contactleak("scan", str(good), option, str(hostile), timeout=30)
    assert done.returncode == 2, done.stderr
    _assert_inert(done.stderr, echoed=echoed)


@pytest.mark.parametrize("option", ["-m", "--profile", "--config", "-o"])
def test_option_values_and_paths(tmp_path: Path, good: Path, option: str) -> None:
    value = str(tmp_path / "missing" / HOSTILE) if option != "-m" else HOSTILE
    done = run_contactleak("scan", str(good), option, value, timeout=30)
    assert done.returncode == 2, done.stderr
    _assert_inert(done.stderr)
