"""Benchmark: classifying one phone of 1,000 cards per phone (both passes, trade inference, duplicates) against
reading it, on a generated fictional export (``bench_scan.export``).

Run: ``.venv/bin/python bench/bench_classify_phone.py [--contacts 1000] [--repeat 5]``. Prints the best of the
repeats for reading, for ``classify_phone`` and for the first pass alone (``classify`` card by card), and their
ratios to reading; then the first phone of a fresh process (``--cold``, run as a child process per repeat), which
also pays for loading the rules and compiling the keyword patterns, as a one-phone ``contactleak scan`` does. The
issue's bound: a 1,000-card phone classifies in under 0.5 s on this machine. The machine is shared: compare the
ratios to reading measured in the same run, not the seconds of different runs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
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


def cold(path: Path) -> dict[str, float]:
    """In this (fresh) process: reading the file, then the first classify_phone, rules and patterns included."""
    start = time.perf_counter()
    contacts = [item for item in read_file(path) if isinstance(item, Contact)]
    read = time.perf_counter() - start
    start = time.perf_counter()
    classify_phone(contacts, load_rules(), PhoneContext(today=TODAY))
    return {"reading": read, "classify": time.perf_counter() - start}


def cold_runs(path: Path, repeat: int) -> dict[str, float]:
    """The best of ``repeat`` fresh processes, each reading and classifying the phone once."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(  # noqa: S603 (this interpreter, this script)
            [sys.executable, __file__, "--cold", str(path)], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(done.stdout))
    return {key: min(run[key] for run in runs) for key in ("reading", "classify")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", type=Path, help=argparse.SUPPRESS)  # the child process of cold_runs
    args = parser.parse_args()
    if args.cold is not None:
        print(json.dumps(cold(args.cold)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phone.vcf"
        path.write_bytes(export(args.contacts))
        first_run = cold_runs(path, args.repeat)
        rules = load_rules()
        contacts = [item for item in read_file(path) if isinstance(item, Contact)]
        classify_phone(contacts, rules, PhoneContext(today=TODAY))  # warm the caches (rules, trades)
        reading = best(lambda: [item for item in read_file(path) if isinstance(item, Contact)], args.repeat)
        phone = best(lambda: classify_phone(contacts, rules, PhoneContext(today=TODAY)), args.repeat)
        first = best(lambda: [classify(contact, rules, today=TODAY) for contact in contacts], args.repeat)
    cards = len(contacts)
    print(f"reading            {cards:>6,} cards  {reading:7.3f} s")
    print(f"classify_phone     {cards:>6,} cards  {phone:7.3f} s  ({phone / cards * 1e6:,.0f} µs/card)")
    print(f"first pass only    {cards:>6,} cards  {first:7.3f} s")
    print(f"ratio to reading: classify_phone {phone / reading:.2f}x, first pass {first / reading:.2f}x; "
          f"second pass and duplicates add {phone / first - 1:.0%}")  # fmt: skip
    fresh_reading, fresh_phone = first_run["reading"], first_run["classify"]
    print(f"first phone of a fresh process (rules loaded, patterns compiled): reading {fresh_reading:.3f} s, "
          f"classify_phone {fresh_phone:.3f} s, ratio {fresh_phone / fresh_reading:.2f}x")  # fmt: skip
    slowest = max(phone, first_run["classify"])
    print(f"bound: a {cards:,}-card phone under 0.5 s: {'yes' if slowest < 0.5 else 'NO'} "
          f"({phone:.3f} s warm, {first_run['classify']:.3f} s as the first phone of a process)")  # fmt: skip


if __name__ == "__main__":
    main()
