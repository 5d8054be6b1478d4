"""Benchmark: reading only, the full scan for the terminal summary and for JSON, on one generated fictional export.

Run: ``.venv/bin/python bench/bench_scan.py [--contacts N]``. Prints contacts/s for each, their ratios and the peak
memory of the two scan modes (the table keeps the 10 riskiest findings, JSON every one).
"""

from __future__ import annotations

import argparse
import datetime
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scanner.core.classification import load_rules
from scanner.core.messengers import default_profile, list_profiles, load_profile
from scanner.core.pseudonym import new_key
from scanner.core.reading_run import ReadingRun
from scanner.core.scan import ScanOptions, run_scan

TABLE_FINDINGS = 10  # as scanner.cli.scan_command.TABLE_CONTACTS

# Fictional data only: German drama numbers, Ofcom's drama range (+44 7700 900xxx), NANP's 555-01xx,
# example.* domains, invented names.
GIVEN = ("Anna", "Jonas", "Elif", "Mehmet", "Greta", "Paul", "Zofia", "Luca", "Ines", "Tobias", "Aylin", "Milan")
FAMILY = ("Beispiel", "Muster", "Probst", "Kaya", "Nowak", "Rossi", "Lindqvist", "Hartmann", "Yilmaz", "Brandt")
TRADES = ("Sanitär", "Dachdeckerei", "Elektro", "Autoteile", "Steuerkanzlei", "Fliesen", "Malerbetrieb")
FORMS = ("GmbH", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)", "OHG")
PRIVATE_WORDS = ("Mama", "Oma", "Nachbarin", "Fußball Trainer", "Kita", "Zahnarzt Notdienst")


def _mobile(rng: random.Random) -> str:
    return rng.choice(
        (
            f"+49 152 28817{rng.randrange(1000):03d}",
            f"+49 176 040690{rng.randrange(100):02d}",
            f"0171 39200{rng.randrange(100):02d}",
            f"+44 7700 900{rng.randrange(1000):03d}",
            f"+1 201-555-01{rng.randrange(100):02d}",
        )
    )


def _business(n: int, rng: random.Random) -> str:
    trade, form = rng.choice(TRADES), rng.choice(FORMS)
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\n"
        f"ORG:{trade} {rng.choice(FAMILY)} {form}\r\nTITLE:Meister\r\n"
        f"TEL;TYPE=WORK,VOICE:+49 30 23125{rng.randrange(1000):03d}\r\nTEL;TYPE=CELL:{_mobile(rng)}\r\n"
        f"EMAIL;TYPE=WORK:kontakt{n}@{trade.lower()}-{n % 97}.example.de\r\n"
        f"ADR;TYPE=WORK:;;Gewerbestraße {n % 90 + 1};Berlin;;10115;Deutschland\r\nEND:VCARD\r\n"
    )


def _private(n: int, rng: random.Random) -> str:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    name = rng.choice((f"{given} {family}", f"{given} {rng.choice(PRIVATE_WORDS)}", given))
    birthday = f"BDAY:{rng.randrange(1950, 2020)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}\r\n"
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL;TYPE=CELL:{_mobile(rng)}\r\n"
        f"{birthday if rng.random() < 0.3 else ''}"
        f"{f'EMAIL;TYPE=HOME:p{n}@example.org' + chr(13) + chr(10) if rng.random() < 0.4 else ''}"
        f"{'NOTE:kennt uns vom Verein' + chr(13) + chr(10) if rng.random() < 0.1 else ''}END:VCARD\r\n"
    )


def export(contacts: int, seed: int = 20) -> bytes:
    """A realistic mix: about 55 % business cards, the rest private, German and foreign numbers."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fictional data, no secret
    cards = (_business(n, rng) if rng.random() < 0.55 else _private(n, rng) for n in range(contacts))
    return "".join(cards).encode("utf-8")


@dataclass(frozen=True)
class Measurement:
    contacts: int
    seconds: float
    peak_bytes: int

    @property
    def rate(self) -> float:
        return self.contacts / self.seconds


def reading_only(path: Path) -> int:
    return sum(1 for _ in ReadingRun(arguments=[str(path)]).contacts())


def full_scan(path: Path, keep_findings: int | None) -> int:
    options = ScanOptions(
        profile=default_profile(),
        rules=load_rules(),
        today=datetime.date(2026, 1, 15),
        id_key=new_key(),
        keep_findings=keep_findings,
        alternatives=tuple(load_profile(name) for name in list_profiles()),
    )
    return run_scan(ReadingRun(arguments=[str(path)]), options).summary.contacts


def measure(job: Callable[[], int]) -> Measurement:
    """Time without tracing, then peak memory in a second, traced run (tracing slows the run down)."""
    start = time.perf_counter()
    contacts = job()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    job()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Measurement(contacts, seconds, peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=20_000, help="contacts in the generated export (20,000)")
    count = parser.parse_args().contacts
    data = export(count)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bench.vcf"
        path.write_bytes(data)
        full_scan(path, TABLE_FINDINGS)  # warm-up: packaged profiles, rules and phone metadata load once
        results = {
            "reading only": measure(lambda: reading_only(path)),
            "scan, table": measure(lambda: full_scan(path, TABLE_FINDINGS)),
            "scan, JSON": measure(lambda: full_scan(path, None)),
        }
    print(f"export: {count:,} contacts, {len(data) / 1e6:.1f} MB, {len(list_profiles())} messenger profiles")
    for name, result in results.items():
        print(f"{name:13} {result.contacts:>8,} contacts  {result.rate:>9,.0f} contacts/s  "
              f"peak {result.peak_bytes / 1e6:7.1f} MB")  # fmt: skip
    reading, table, json_mode = results.values()
    print(f"time relative to reading only: scan (table) {table.seconds / reading.seconds:.2f}x, "
          f"scan (JSON) {json_mode.seconds / reading.seconds:.2f}x")  # fmt: skip
    print(f"JSON/table: {json_mode.seconds / table.seconds:.2f}x time, "
          f"{json_mode.peak_bytes / max(table.peak_bytes, 1):.2f}x peak memory")  # fmt: skip


if __name__ == "__main__":
    main()
