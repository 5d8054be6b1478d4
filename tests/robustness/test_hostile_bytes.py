"""Property-based: whatever the bytes, the reader raises only InputError and every card found is accounted for once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanner.core.model import Contact, Rejection
from scanner.core.reading import InputError, read_bytes

FUZZ = settings(max_examples=150, deadline=2000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SEEDS = ["qp-soft-line-breaks.vcf", "utf16-le-no-bom.vcf", "nested-begin.vcf", "bad-base64-photo.vcf", "all-fields.vcf"]
CORPUS_SEEDS = [
    "gammu/se-3.vcf",
    "ez-vcard/John_Doe_ANDROID.vcf",
    "qt-mobility/Entourage11-basic.vcf",
    "aosp-vcard/v21_japanese_2.vcf",
    "calcard/009.vcf",
    "kcontacts/vcard9.vcf",
]


def _check(data: bytes) -> list[Contact | Rejection]:
    """Read everything; only InputError may escape, and the indices are 0..n-1, each once."""
    try:
        items = list(read_bytes(data, path="fuzz.vcf"))
    except InputError:
        return []
    assert sorted(item.source.index for item in items) == list(range(len(items)))
    assert all(isinstance(item, Contact | Rejection) and item.source.line >= 1 for item in items)
    return items


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [data]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed export after a few byte flips, truncations, duplicated or removed lines, inserted BEGIN/END."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["flip", "truncate", "duplicate", "remove", "begin", "end", "nul"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "flip":
            data[position : position + 1] = bytes([draw(st.integers(0, 255))])
        elif operation == "truncate":
            del data[position:]
        elif operation == "nul":
            data[position:position] = b"\x00"
        else:
            lines = _lines(bytes(data))
            at = position % len(lines)
            insert = {"duplicate": [lines[at]], "remove": [], "begin": [b"BEGIN:VCARD\r\n"], "end": [b"END:VCARD\r\n"]}
            lines[at : at + (operation == "remove")] = insert[operation]
            data = bytearray(b"".join(lines))
    return bytes(data)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@FUZZ
@given(st.lists(st.sampled_from([b"BEGIN:VCARD", b"END:VCARD", b"FN:A", b" x", b"=", b"N", b"#", b"\r", b"\n"])))
def test_random_card_structure(parts: list[bytes]) -> None:
    _check(b"\r\n".join(parts))


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_quirk_fixtures(load_quirk: Callable[[str], bytes], seed: str) -> None:
    original = load_quirk(seed)

    @FUZZ
    @given(mutated(original))
    def run(data: bytes) -> None:
        _check(data)

    run()


@pytest.mark.corpus
@pytest.mark.parametrize("seed", CORPUS_SEEDS)
def test_mutated_corpus_files(corpus_dir: Path, seed: str) -> None:
    original = (corpus_dir / seed).read_bytes()

    @settings(FUZZ, max_examples=25)
    @given(mutated(original))
    def run(data: bytes) -> None:
        _check(data)

    run()
