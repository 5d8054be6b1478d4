"""The real console script writes nothing but the report it was asked for, and never touches its inputs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "contactleak"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "scanner"]
WATCHED = ("cwd", "home", "tmp", "cache")
UNREADABLE_ONLY = b"no vCard here\r\n"


@dataclass(frozen=True)
class Sandbox:
    """Empty working, home, temporary and cache directories, and a copied input set outside them."""

    root: Path
    inputs: Path

    def dir(self, name: str) -> Path:
        return self.root / name

    def run(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.dir("home")),
            "TMPDIR": str(self.dir("tmp")),
            "XDG_CACHE_HOME": str(self.dir("cache")),
            "XDG_CONFIG_HOME": str(self.dir("home") / ".config"),
            "XDG_DATA_HOME": str(self.dir("home") / ".local" / "share"),
            "XDG_STATE_HOME": str(self.dir("home") / ".local" / "state"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": "C.UTF-8",
        }
        return subprocess.run(
            [*COMMAND, *arguments], cwd=self.dir("cwd"), env=environment, capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip

    def tree(self) -> set[str]:
        """Every file and directory below the watched directories."""
        return {str(path.relative_to(self.root)) for name in WATCHED for path in self.dir(name).rglob("*")}


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    root = tmp_path / "sandbox"
    for name in WATCHED:
        (root / name).mkdir(parents=True)
    inputs = tmp_path / "inputs"
    shutil.copytree(REPOSITORY / "fixtures", inputs / "fixtures")
    shutil.copytree(REPOSITORY / "scanner" / "data" / "demo", inputs / "demo", ignore=shutil.ignore_patterns("*.py*"))
    return Sandbox(root, inputs)


def fingerprint(directory: Path) -> dict[str, tuple[str, int, int]]:
    """Every path below ``directory`` with the SHA-256, mtime (ns) and mode of each file."""
    found: dict[str, tuple[str, int, int]] = {}
    for path in sorted(directory.rglob("*")):
        status = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        found[str(path.relative_to(directory))] = (digest, status.st_mtime_ns, status.st_mode)
    return found


def test_report_file_is_the_only_thing_written(sandbox: Sandbox) -> None:
    before = fingerprint(sandbox.inputs)
    done = sandbox.run("scan", str(sandbox.inputs), "-f", "json", "-o", "report.json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert sandbox.tree() == {"cwd/report.json"}
    report = json.loads((sandbox.dir("cwd") / "report.json").read_text("utf-8"))
    assert report["summary"]["contacts"] > 200
    assert done.stdout == ""
    assert fingerprint(sandbox.inputs) == before


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_without_output_option_nothing_is_written(sandbox: Sandbox, output_format: str) -> None:
    before = fingerprint(sandbox.inputs)
    done = sandbox.run("scan", str(sandbox.inputs), "-f", output_format, "--verbose", "--show-pii")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 1000
    assert sandbox.tree() == set()
    assert fingerprint(sandbox.inputs) == before


def test_demo_writes_nothing(sandbox: Sandbox) -> None:
    done = sandbox.run("demo", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert sandbox.tree() == set()


def test_a_failed_scan_leaves_no_report_file(sandbox: Sandbox) -> None:
    (sandbox.inputs / "notes.vcf").write_bytes(UNREADABLE_ONLY)
    done = sandbox.run("scan", str(sandbox.inputs / "notes.vcf"), "-o", "report.json", "--lang", "en")
    assert done.returncode == 2
    assert "notes.vcf" in done.stderr
    assert sandbox.tree() == set()
