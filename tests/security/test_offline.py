"""Offline: no command opens a socket (pytest-socket and an audit hook), no module of ``scanner`` imports networking."""

from __future__ import annotations

import _socket
import ast
import contextlib
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError
from typer.testing import CliRunner

import scanner.cli.scan_command
from scanner.cli.app import app
from scanner.core.reading_run import ReadingRun
from scanner.core.scan import ScanOptions, ScanResult, run_scan

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGE = REPOSITORY / "scanner"
RUNNER = CliRunner()
# Modules that open connections or start programs that could; urllib.parse and email (a parser) are fine.
FORBIDDEN = (
    "socket", "ssl", "http", "urllib.request", "urllib3", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
    "poplib", "imaplib", "telnetlib", "xmlrpc", "socketserver", "asyncio", "webbrowser", "subprocess", "ctypes",
)  # fmt: skip
# Audit events (PEP 578) of anything that reaches the network or another program.
AUDITED = (
    "socket.", "http.client.", "urllib.Request", "webbrowser.", "subprocess.", "os.system", "os.exec", "os.posix_spawn",
    "os.spawn", "ftplib.", "smtplib.", "poplib.", "imaplib.", "telnetlib.",
)  # fmt: skip

BLOCKED_WARNING = "ignore:A test tried to use socket:UserWarning"  # pytest-socket warns as well as raising
_recording: list[list[str]] = []


def _audit(event: str, _args: tuple[object, ...]) -> None:
    if _recording and event.startswith(AUDITED):
        _recording[-1].append(event)


sys.addaudithook(_audit)  # hooks cannot be removed; this one only records while a test listens


@pytest.fixture
def network_attempts(socket_disabled: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt, also one whose SocketBlockedError the code swallowed: pytest-socket's guard, recorded."""
    attempts: list[str] = []
    guarded = socket.socket

    class Recording(guarded):  # type: ignore[misc, valid-type]
        def __new__(cls, *args: object, **kwargs: object) -> Recording:
            attempts.append("socket.socket()")
            return super().__new__(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(socket, "socket", Recording)
    _recording.append(attempts)
    try:
        yield attempts
    finally:
        _recording.pop()


def _run(arguments: list[str]) -> int:
    result = RUNNER.invoke(app, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code


@pytest.mark.parametrize("output_format", ["table", "json", "html", "csv", "markdown"])
@pytest.mark.parametrize(
    "arguments",
    [["demo"], ["scan", str(REPOSITORY / "fixtures")], ["scan", str(PACKAGE / "data" / "demo")], ["messengers"]],
    ids=["demo", "fixtures", "demo-directory", "messengers"],
)
def test_commands_open_no_socket(network_attempts: list[str], arguments: list[str], output_format: str) -> None:
    assert _run([*arguments, "-f", output_format, "--lang", "en"]) == 0
    assert network_attempts == []


@pytest.mark.slow
@pytest.mark.corpus
def test_corpus_scan_opens_no_socket(network_attempts: list[str], corpus_dir: Path) -> None:
    assert _run(["scan", str(corpus_dir), "-f", "json", "--show-pii"]) == 0
    assert _run(["scan", str(corpus_dir)]) == 0
    assert network_attempts == []


@pytest.mark.filterwarnings(BLOCKED_WARNING)
def test_the_guard_blocks_sockets(socket_disabled: None) -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


@pytest.mark.filterwarnings(BLOCKED_WARNING)
def test_the_guard_notices_a_socket_a_scan_opens_and_swallows(
    network_attempts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def phoning_home(run: ReadingRun, options: ScanOptions) -> ScanResult:
        with contextlib.suppress(Exception):  # the point: a careless caller hides the blocked attempt
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        return run_scan(run, options)

    monkeypatch.setattr(scanner.cli.scan_command, "run_scan", phoning_home)
    assert _run(["demo"]) == 0
    assert network_attempts == ["socket.socket()"]


def test_the_audit_hook_notices_sockets_made_outside_the_guard(network_attempts: list[str]) -> None:
    _socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()  # the C class, past pytest-socket's guarded one
    assert network_attempts == ["socket.__new__"]


def _imports(source: str) -> Iterator[str]:
    """Every module a source imports, ``from x import y`` also as ``x.y``; dynamic imports as ``<dynamic>``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and _called_name(node.func) in ("__import__", "import_module"):
            yield "<dynamic>"


def _called_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _forbidden(source: str) -> list[str]:
    return sorted(
        name
        for name in set(_imports(source))
        if name == "<dynamic>" or any(name == bad or name.startswith(f"{bad}.") for bad in FORBIDDEN)
    )


def test_no_scanner_module_imports_networking() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 40
    found = {str(path.relative_to(REPOSITORY)): _forbidden(path.read_text("utf-8")) for path in modules}
    assert {path: names for path, names in found.items() if names} == {}


@pytest.mark.parametrize(
    "source",
    [
        "import socket",
        "import http.client",
        "from urllib import request",
        "from urllib.request import urlopen",
        "import requests as r",
        "def f():\n    import subprocess",
        "__import__('socket')",
        "import importlib\nimportlib.import_module('ssl')",
    ],
)
def test_the_import_check_finds_networking(source: str) -> None:
    assert _forbidden(source) != []


def test_the_import_check_allows_parsing_modules() -> None:
    assert _forbidden("import urllib.parse\nfrom email.utils import parseaddr\nimport json") == []
