"""Running the installed ``contactleak`` console script as a user would, always with a timeout so CI cannot hang."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "contactleak"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "scanner"]
TIMEOUT = 60


def run_contactleak(
    *arguments: str,
    cwd: Path | None = None,
    environment: Mapping[str, str] | None = None,
    stdin: int | None = subprocess.DEVNULL,
    timeout: float = TIMEOUT,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``contactleak ARGUMENTS`` in English; a run that does not end within ``timeout`` fails the test."""
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "100", **(environment or {})}
    env.pop("CONTACTLEAK_ID_KEY", None)
    return subprocess.run(
        [*COMMAND, *arguments, "--lang", "en"], cwd=cwd, env=env, stdin=stdin, capture_output=True, text=True,
        errors="replace", timeout=timeout, check=False, preexec_fn=preexec,
    )  # fmt: skip
