"""Driving Debian's headless Chromium over the DevTools protocol, through a pipe (no port, no websocket library).

``--remote-debugging-pipe`` makes Chromium read protocol commands from fd 3 and write replies and events to fd 4,
each a JSON text ended by a NUL byte. Used by the browser tests of the HTML report and by the screenshot script.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser")
TIMEOUT = 60.0
LOG = subprocess.DEVNULL


def chromium_path() -> str | None:
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


class BrowserError(RuntimeError):
    """Chromium did not answer in time, or answered a command with an error."""


@dataclass
class PageRecord:
    """What the page did while it loaded: every request it sent, every console error and uncaught exception."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Browser:
    """One headless Chromium with one page; ``load(path)`` records what the page does."""

    def __init__(self, process: subprocess.Popen[bytes], commands: int, replies: int) -> None:
        self._process = process
        self._commands = commands
        self._replies = replies
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._session = ""
        self.record = PageRecord()

    def call(self, method: str, params: dict[str, Any] | None = None, *, page: bool = True) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if page and self._session:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._note(reply)

    def open_page(self) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, page=False)["targetId"]
        self._session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, page=False)[
            "sessionId"
        ]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def load(self, path: Path, *, width: int = 1000, height: int = 1414) -> PageRecord:
        """Open ``path`` at a window of ``width`` x ``height`` CSS pixels; returns once it has loaded and settled."""
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip
        self._events.clear()
        self.record = PageRecord()
        self.call("Page.navigate", {"url": path.resolve().as_uri()})
        self._wait_for("Page.loadEventFired")
        self._drain(0.5)  # late console messages, requests started by scripts
        return self.record

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise BrowserError(f"evaluate: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, *, width: int = 1000, height: int = 1414, scale: float = 1.0) -> bytes:
        """The top ``width`` x ``height`` CSS pixels of the page, as PNG, scaled by ``scale``."""
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png", "clip": clip})["data"])

    def pdf(self) -> bytes:
        """Print to PDF as a browser's print dialog would, with the page's own @page size (A4) and backgrounds."""
        reply = self.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        return base64.b64decode(reply["data"])

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not any(event.get("method") == method for event in self._events):
            if time.monotonic() > deadline:
                raise BrowserError(f"no {method} within {TIMEOUT} s")
            self._note(self._read())

    def _drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if b"\0" not in self._buffer and not select.select([self._replies], [], [], left)[0]:
                return
            self._note(self._read())

    def _note(self, event: dict[str, Any]) -> None:
        self._events.append(event)
        method, params = event.get("method", ""), event.get("params", {})
        if method == "Network.requestWillBeSent":
            self.record.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            self.record.errors.append(f"exception: {params['exceptionDetails'].get('text', '')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.record.errors.append(f"console.{params['type']}: {params.get('args')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.record.errors.append(f"log: {params['entry'].get('text', '')}")

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._replies], [], [], left)[0]:
                raise BrowserError(f"Chromium sent nothing within {TIMEOUT} s")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed


@contextlib.contextmanager
def headless_chromium(executable: str) -> Iterator[Browser]:
    """A fresh Chromium (own profile in a temporary folder, no sandbox when root), killed on leaving."""
    commands_read, commands_write = os.pipe()
    replies_read, replies_write = os.pipe()

    def wire_pipes() -> None:
        """In the child: fd 3 = commands, fd 4 = replies, both inherited by Chromium (dup2 clears close-on-exec).

        Copied out of the way first, so that neither pipe end already sitting on fd 3 or 4 is overwritten or left
        close-on-exec.
        """
        commands, replies = os.dup(commands_read), os.dup(replies_write)
        os.dup2(commands, 3)
        os.dup2(replies, 4)

    with tempfile.TemporaryDirectory(prefix="contactleak-chromium-", ignore_cleanup_errors=True) as profile:
        arguments = [
            executable, "--headless", "--remote-debugging-pipe", f"--user-data-dir={profile}", "--disable-gpu",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--font-render-hinting=none",
        ]  # fmt: skip
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        process = subprocess.Popen(
            arguments, preexec_fn=wire_pipes,  # noqa: PLW1509 - fds 3 and 4 can only be wired in the child
            close_fds=False, start_new_session=True, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=LOG,
        )  # fmt: skip
        os.close(commands_read)
        os.close(replies_write)
        browser = Browser(process, commands_write, replies_read)
        try:
            browser.open_page()
            yield browser
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the group this function started: Chromium and its helpers
            process.wait(timeout=10)
            os.close(commands_write)
            os.close(replies_read)
