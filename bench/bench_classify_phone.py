"""Benchmark: classifying one phone of 1,000 cards per phone (both passes, trade inference, duplicates) against
reading it, on a generated fictional export (``bench_scan.export``).

Run: ``.venv/bin/python bench/bench_classify_phone.py [--contacts 1000] [--repeat 5]``. Prints the best of the
repeats for reading, for ``classify_phone`` and for the first pass alone (``classify`` card by card), and their
ratios to reading. The issue's bound: a 1,000-card phone classifies in under 0.5 s on this machine.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scan import export

from scanner.core.classification import PhoneContext, classify, classify_phone, load_rules
from scanner.core.model import Contact
from scanner.core.reading import read_file

TODAY = datetime.date(2026, 12, 2)


def best(job: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rules = load_rules()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phone.vcf"
        path.write_bytes(export(args.contacts))
        contacts = [item for item in read_file(path) if isinstance(item, Contact)]
        classify_phone(contacts, rules, PhoneContext(today=TODAY))  # warm the caches (rules, trades)
        reading = best(lambda: [item for item in read_file(path) if isinstance(item, Contact)], args.repeat)
        phone = best(lambda: classify_phone(contacts, rules, PhoneContext(today=TODAY)), args.repeat)
        first = best(lambda: [classify(contact, rules, today=TODAY) for contact in contacts], args.repeat)
    print(f"reading            {len(contacts):>6,} cards  {reading:7.3f} s")
    print(f"classify_phone     {len(contacts):>6,} cards  {phone:7.3f} s  ({phone / len(contacts) * 1e6:,.0f} µs/card)")
    print(f"first pass only    {len(contacts):>6,} cards  {first:7.3f} s")
    print(f"ratio to reading: classify_phone {phone / reading:.2f}x, first pass {first / reading:.2f}x; "
          f"second pass and duplicates add {phone / first - 1:.0%}")  # fmt: skip
    print(f"bound: a {len(contacts):,}-card phone under 0.5 s: {'yes' if phone < 0.5 else 'NO'} ({phone:.3f} s)")


if __name__ == "__main__":
    main()
