"""Memory stays flat however large the export: the reader streams card by card."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from scanner.core.model import Contact, WarningCode
from scanner.core.reading import InputError, read_file

CARDS = 200_000
FILLER = "x" * 200  # long values make the file large without making the reader do more work per card


def _write_export(path: Path, cards: int) -> None:
    with path.open("wb") as export:
        for number in range(cards):
            export.write(b"BEGIN:VCARD\r\nFN:Person %d %s\r\nEND:VCARD\r\n" % (number, FILLER.encode()))


def _peak(action: object) -> tuple[object, int]:
    assert callable(action)
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_streaming_200000_cards_costs_a_fraction_of_the_file_held_whole(tmp_path: Path) -> None:
    export = tmp_path / "big.vcf"
    _write_export(export, CARDS)
    counted, streaming_peak = _peak(lambda: sum(1 for item in read_file(export) if isinstance(item, Contact)))
    whole, whole_peak = _peak(export.read_bytes)
    assert counted == CARDS
    assert isinstance(whole, bytes) and len(whole) > 40_000_000
    # Holding the text is the least any whole-file parser (vobject.readComponents) pays; streaming pays a chunk.
    assert streaming_peak * 10 < whole_peak, (streaming_peak, whole_peak)


@pytest.mark.slow
def test_a_single_line_of_100_mb_is_skipped_with_a_located_warning(tmp_path: Path) -> None:
    export = tmp_path / "long-line.vcf"
    with export.open("wb") as out:
        out.write(b"BEGIN:VCARD\r\nFN:Anna Lang\r\nNOTE:")
        for _ in range(100):
            out.write(b"y" * 1_000_000)
        out.write(b"\r\nTEL:+49 30 23125030\r\nEND:VCARD\r\n")
    [contact], peak = _peak(lambda: list(read_file(export)))
    assert isinstance(contact, Contact)
    assert (contact.formatted_name, contact.note, [p.e164 for p in contact.phones]) == (
        "Anna Lang",
        "",
        ["+493023125030"],
    )
    assert [(w.line, w.code) for w in contact.warnings] == [(3, WarningCode.LINE_TOO_LONG)]
    assert peak < 40_000_000  # the line is dropped as it streams past, never held whole (100 MB)


@pytest.mark.slow
def test_100_mb_without_any_line_end_or_card_is_no_export(tmp_path: Path) -> None:
    export = tmp_path / "one-line.vcf"
    with export.open("wb") as out:
        for _ in range(100):
            out.write(b"A" * 1_000_000)
    with pytest.raises(InputError) as raised:
        list(read_file(export))
    assert raised.value.problem.value == "no_cards"
