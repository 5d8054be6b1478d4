"""Text from an export, and paths, reach the terminal inert through the real command, also with --show-pii.

Markup is shown literally, never interpreted; control, escape and direction characters never reach stdout or stderr
raw (the reporters show them as ``<U+XXXX>``); JSON stays valid for any text and carries it unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from scanner.cli.app import app
from scanner.core.model import Contact
from scanner.core.reading import read_bytes
from scanner.reporters.masking import mask_email, mask_name

RUNNER = CliRunner()
MARKUP = "[bold red]x[/]"
LINK = "[link=http://evil.example]click[/link]"
CONTROLS = "\x1b[2J\x1b]8;;http://evil.example\x1b\\osc\x1b]8;;\x1b\\ \x07\x08\x7f\x9b31m\x85\u202egpj.exe\u2066\u2028"
# Written independently of the reporters: C0 (but newline), DEL, C1, bidi embeddings, overrides, isolates and marks,
# and the Unicode line separators that could forge an output line.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
HOSTILE_PATH = "evil\x1b[2J\u202egpj\x9b\nforged line.vcf"


def _card(properties: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\n{properties}END:VCARD\r\n"


def _escaped(value: str) -> str:
    """A vCard 3.0 text value: backslash, comma, semicolon and line breaks escaped."""
    for raw, escaped in (("\\", "\\\\"), (",", "\\,"), (";", "\\;"), ("\r\n", "\\n"), ("\r", "\\n"), ("\n", "\\n")):
        value = value.replace(raw, escaped)
    return value


HOSTILE_EXPORT = "".join(
    _card(properties)
    for properties in (
        f"FN:{MARKUP}\r\nTEL;TYPE=CELL:+49 152 28817101\r\n",
        f"FN:{LINK}\r\nTEL;TYPE=CELL:+49 152 28817102\r\n",
        f"FN:Eve {CONTROLS}\r\nTEL;TYPE=CELL:+49 152 28817103\r\nEMAIL:eve{CONTROLS}@example.org\r\n",
        f"ORG:{CONTROLS} {MARKUP}\r\nTEL;TYPE=WORK:+49 30 23125104\r\n",
        f"FN:Nora Notiz\r\nNOTE:{CONTROLS} {LINK}\r\nTEL;TYPE=CELL:+49 176 04069105\r\n",
        f"FN:{_escaped(CONTROLS)} Ida\r\nORG:{_escaped(CONTROLS)}\r\nTEL;TYPE=CELL:+49 171 3920010\r\n",
    )
).encode("utf-8")


def _invoke(*arguments: str, stdin: bytes | None = None) -> tuple[str, str]:
    result = RUNNER.invoke(app, ["scan", *arguments, "--lang", "en"], input=stdin)
    assert result.exit_code == 0, (result.stderr, result.exception)
    return result.stdout, result.stderr


def _unsafe(text: str) -> list[str]:
    return sorted({f"U+{ord(char):04X}" for char in UNSAFE.findall(text)})


@pytest.mark.parametrize("output_format", ["table", "json", "html", "csv", "markdown"])
@pytest.mark.parametrize("show_pii", [False, True])
def test_hostile_card_text_stays_inert(tmp_path: Path, output_format: str, show_pii: bool) -> None:
    export = tmp_path / "hostile.vcf"
    export.write_bytes(HOSTILE_EXPORT)
    stdout, stderr = _invoke(str(export), "-f", output_format, "--verbose", *(["--show-pii"] if show_pii else []))
    assert _unsafe(stdout) == []
    assert _unsafe(stderr) == []


def test_markup_is_shown_literally_not_interpreted(tmp_path: Path) -> None:
    export = tmp_path / "hostile.vcf"
    export.write_bytes(HOSTILE_EXPORT)
    stdout, _ = _invoke(str(export), "--show-pii")
    assert MARKUP in stdout
    assert LINK in stdout
    assert "<U+001B>[2J" in stdout  # the escape sequence visible as text
    assert "<U+202E>gpj" in stdout


def test_the_hostile_names_reach_the_output_unmasked(tmp_path: Path) -> None:
    """The checks above can fail: the hostile characters are in the names JSON carries (escaped as ``\\uXXXX``)."""
    export = tmp_path / "hostile.vcf"
    export.write_bytes(HOSTILE_EXPORT)
    stdout, _ = _invoke(str(export), "-f", "json", "--show-pii")
    names = [contact["display_name"] for contact in json.loads(stdout)["contacts"]]
    assert names == [contact.display_name for contact in _contacts(HOSTILE_EXPORT)]
    assert sum("\x1b[2J" in name and "\u202e" in name and "\x9b" in name for name in names) >= 2
    assert "\\u001b[2J" in stdout and "\\u202egpj" in stdout


@pytest.mark.parametrize("output_format", ["table", "json", "html", "csv", "markdown"])
def test_hostile_paths_in_diagnostics_stay_inert(tmp_path: Path, output_format: str) -> None:
    good = tmp_path / "good.vcf"
    good.write_bytes(_card("FN:Greta Gut\r\nTEL:+49 30 23125040\r\n").encode())
    rejected = tmp_path / HOSTILE_PATH
    rejected.write_bytes(_card("").encode() + _card("FN:Hanna Hinten\r\nTEL:+49 30 23125041\r\n").encode())
    empty = tmp_path / f"empty {HOSTILE_PATH}"
    empty.write_bytes(b"")
    stdout, stderr = _invoke(str(good), str(rejected), str(empty), "-f", output_format, "--verbose")
    assert _unsafe(stdout) == [] and _unsafe(stderr) == []
    shown = str(tmp_path / "evil<U+001B>[2J<U+202E>gpj<U+009B> forged line.vcf")
    assert f"{shown}:1: card 0 rejected" in stderr
    assert "file is empty" in stderr and "empty evil<U+001B>[2J" in stderr
    assert not any(line.startswith("forged") for line in stderr.splitlines())  # stdout wraps long lines: no proof


HOSTILE_PARTS = st.sampled_from([*"\x00\x1b\x07\x9b\x85\u202e\u2066\u2028\r\n\\;,:[]/\"'", LINK, MARKUP, "\x1b[2J"])
TEXT = st.lists(st.one_of(st.text(st.characters(codec="utf-8"), max_size=6), HOSTILE_PARTS), max_size=8).map("".join)


def _contacts(export: bytes) -> list[Contact]:
    return [item for item in read_bytes(export, path="-") if isinstance(item, Contact)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, org=TEXT, note=TEXT, local=TEXT)
def test_json_is_valid_and_round_trips_any_text(name: str, org: str, note: str, local: str) -> None:
    address = f"{local}@example.org"
    export = _card(
        f"FN:{_escaped(name)}\r\nORG:{_escaped(org)}\r\nNOTE:{_escaped(note)}\r\n"
        f"EMAIL:{_escaped(address)}\r\nTEL;TYPE=CELL:+49 152 28817199\r\n"
    ).encode("utf-8")
    expected = _contacts(export)
    for show_pii in (False, True):
        stdout, stderr = _invoke("-", "-f", "json", *(["--show-pii"] if show_pii else []), stdin=export)
        assert _unsafe(stdout) == [] and _unsafe(stderr) == []
        report = json.loads(stdout)
        shown = [(item["display_name"], item["emails"]) for item in report["contacts"]]
        assert shown == [_shown(contact, show_pii) for contact in expected]
        summary = report["summary"]
        assert summary["cards_found"] == summary["contacts"] + summary["rejected"] == 1


def _shown(contact: Contact, show_pii: bool) -> tuple[str, list[str]]:
    emails = [email.address for email in contact.emails]
    if show_pii:
        return contact.display_name, emails
    return mask_name(contact.display_name), [mask_email(address) for address in emails]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, org=TEXT)
def test_table_is_inert_for_any_text(name: str, org: str) -> None:
    export = _card(f"FN:{_escaped(name)}\r\nORG:{_escaped(org)}\r\nTEL;TYPE=CELL:+49 152 28817198\r\n").encode()
    stdout, stderr = _invoke("-", "--show-pii", stdin=export)
    assert _unsafe(stdout) == [] and _unsafe(stderr) == []


def test_hostile_names_and_file_names_stay_text_in_the_html_report(tmp_path: Path) -> None:
    """Through the real command: a card or file name with tags is shown as text; the page keeps its one script."""
    import html5lib

    tags = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=http://evil.example>x</a>"
    export = tmp_path / f"{tags.replace('/', '_')}.vcf"
    export.write_bytes(HOSTILE_EXPORT + _card(f"FN:{_escaped(tags)}\r\nTEL;TYPE=CELL:+49 152 28817106\r\n").encode())
    for show_pii in (False, True):
        stdout, _ = _invoke(str(export), "-f", "html", *(["--show-pii"] if show_pii else []))
        document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(stdout)
        assert len(document.findall(".//script")) == 1
        assert document.findall(".//img") == [] and document.findall(".//a") == []
        assert _unsafe(stdout) == []
    assert "<script>alert(1)</script>" in "".join(document.itertext())
