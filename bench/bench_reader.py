"""Benchmark: contactleak's reader against vobject.readComponents on the same generated fictional export.

Run: ``.venv/bin/python bench/bench_reader.py [--cards N]``. Prints cards/s, the ratio and peak memory of both.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import vobject

from scanner.core.reading import read_bytes

# Fictional data only: German drama numbers (+49 30 23125xxx, +49 152 28817xxx) and example.de addresses.
CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n} Beispiel\r\nN:Beispiel;Person {n};;;\r\n"
    "ORG:Beispiel Handwerk GmbH\r\nTEL;TYPE=CELL:+49 152 28817{m:03d}\r\nTEL;TYPE=WORK:030 23125{m:03d}\r\n"
    "EMAIL;TYPE=INTERNET:person{n}@example.de\r\nADR;TYPE=HOME:;;Musterweg {m};Berlin;;10115;Deutschland\r\n"
    "NOTE:Kunde seit 2019\\, bitte vormittags anrufen\r\nEND:VCARD\r\n"
)


@dataclass(frozen=True)
class Measurement:
    cards: int
    seconds: float
    peak_bytes: int


def export(cards: int) -> bytes:
    return "".join(CARD.format(n=n, m=n % 1000) for n in range(cards)).encode("utf-8")


def contactleak(data: bytes) -> int:
    return sum(1 for _ in read_bytes(data, path="bench.vcf"))


def vobject_reader(data: bytes) -> int:
    # vobject needs text; the decode is part of its cost, as it would be in any real use
    return sum(1 for _ in vobject.readComponents(data.decode("utf-8")))


def measure(reader: Callable[[bytes], int], data: bytes) -> Measurement:
    """Time without tracing, then peak memory in a second, traced run (tracing slows the run down)."""
    start = time.perf_counter()
    cards = reader(data)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    reader(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Measurement(cards, seconds, peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=50_000, help="cards in the generated export (default 50,000)")
    cards = parser.parse_args().cards
    data = export(cards)
    print(f"export: {cards:,} cards, {len(data) / 1e6:.1f} MB (held in memory by both, not counted below)")
    ours = measure(contactleak, data)
    theirs = measure(vobject_reader, data)
    for name, result in (("contactleak", ours), ("vobject", theirs)):
        rate = result.cards / result.seconds
        print(f"{name:12} {result.cards:>8,} cards  {rate:>10,.0f} cards/s  peak {result.peak_bytes / 1e6:8.1f} MB")
    print(f"ratio contactleak/vobject: {theirs.seconds / ours.seconds:.2f}x speed, "
          f"{ours.peak_bytes / max(theirs.peak_bytes, 1):.2f}x peak memory")


if __name__ == "__main__":
    main()
