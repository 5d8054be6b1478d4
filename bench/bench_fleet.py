"""Benchmark: a generated fictional fleet scanned through the command, against plain vobject on the same files.

Run: ``.venv/bin/python bench/bench_fleet.py [--phones 500] [--cards 2000] [--jobs N]``. The default is the issue's
fleet (500 phones x 2,000 cards = 1,000,000 contacts, several minutes on a shared 2-core machine); ``--phones 25``
gives a quick look. Each phone mixes vCard 2.1 (quoted-printable), 3.0 and 4.0 dialects, about 5 % of the cards carry
a photo, and customers recur across phones (a shared pool), so the people count is smaller than the card count.

Every measurement runs in its own fresh process and reports that process's wall time and peak RSS (``ru_maxrss``),
so formats do not share warm caches or memory: ``contactleak scan`` for the table and for JSON (``-o`` to a file),
and ``vobject.readComponents`` over the same files. Start-up is the fastest of five ``contactleak --help`` runs.
Ratios come from the same run; absolute figures depend on what else the machine is doing.

All data is fictional: German numbers from the drama ranges (+49 30 23125xxx, +49 152 28817xxx, +49 171 39200xx,
+49 176 040690xx), Ofcom's drama range (+44 7700 900xxx), NANP's 555-01xx (in many area codes), example.* domains.
The small fictional number space makes unrelated cards share a number more often than real ones would.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run in a fresh interpreter: time and peak RSS of one job. Only the job's own process is measured.
_MEASURE = r"""
import json, resource, sys, time
job, args = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
if job == "vobject":
    import vobject
    cards = 0
    for path in args:
        with open(path, encoding="utf-8", errors="replace") as handle:
            try:
                for _ in vobject.readComponents(handle, ignoreUnreadable=True):
                    cards += 1
            except Exception:
                pass
    result = cards
else:
    from scanner.cli.app import app
    sys.stdout = open("/dev/null", "w")
    try:
        app(args, standalone_mode=False)
    except SystemExit:
        pass
    sys.stdout = sys.__stdout__
    result = 0
seconds = time.perf_counter() - start
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
peak_kb = max(own.ru_maxrss, children.ru_maxrss)
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kb": peak_kb, "result": result}))
"""

GIVEN = ("Anna", "Jonas", "Elif", "Mehmet", "Greta", "Paul", "Zofia", "Luca", "Ines", "Tobias", "Aylin", "Milan",
         "Jörg", "Sören", "Özlem", "Björn")  # fmt: skip
FAMILY = ("Beispiel", "Muster", "Probst", "Kaya", "Nowak", "Rossi", "Lindqvist", "Hartmann", "Yilmaz", "Brandt",
          "Müller", "Weiß")  # fmt: skip
TRADES = ("Sanitär", "Dachdeckerei", "Elektro", "Autoteile", "Steuerkanzlei", "Fliesen", "Malerbetrieb")
FORMS = ("GmbH", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)", "OHG")
PRIVATE_WORDS = ("Mama", "Oma", "Nachbarin", "Fußball Trainer", "Kita", "Zahnarzt Notdienst", "Hausarzt")
AREA_CODES = tuple(code for code in range(201, 990) if code % 100 not in (0, 11) and code % 111)
PHOTO = base64.b64encode(bytes(random.Random(5).randrange(256) for _ in range(3000))).decode("ascii")  # noqa: S311


def number(rng: random.Random) -> str:
    """A fictional number, written as phones store them (international, national, with separators)."""
    pick = rng.random()
    if pick < 0.25:
        return f"+49 152 28817{rng.randrange(1000):03d}"
    if pick < 0.35:
        return f"0171 39200{rng.randrange(100):02d}"
    if pick < 0.42:
        return f"+49 176 040690{rng.randrange(100):02d}"
    if pick < 0.55:
        return f"+49 30 23125{rng.randrange(1000):03d}"
    if pick < 0.65:
        return f"+44 7700 900{rng.randrange(1000):03d}"
    return f"+1 {rng.choice(AREA_CODES)}-555-01{rng.randrange(100):02d}"


def card(fields: dict[str, str], dialect: str, rng: random.Random) -> str:
    """One card in a dialect: 2.1 (quoted-printable umlauts, TEL;CELL), 3.0 or 4.0 (tel: URIs)."""
    lines = [f"VERSION:{dialect}"]
    name = fields["name"]
    if dialect == "2.1":
        encoded = name.encode("utf-8")
        if any(byte > 127 for byte in encoded):
            qp = "".join(f"={byte:02X}" if byte > 127 or byte == 61 else chr(byte) for byte in encoded)
            lines.append(f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp}")
        else:
            lines.append(f"FN:{name}")
        lines.extend(f"TEL;{kind}:{tel}" for kind, tel in fields["tels"])
    else:
        lines.append(f"FN:{name}")
        for kind, tel in fields["tels"]:
            if dialect == "4.0":
                lines.append(f"TEL;TYPE={kind.lower()};VALUE=uri:tel:{tel.replace(' ', '-')}")
            else:
                lines.append(f"TEL;TYPE={kind}:{tel}")
    lines.extend(fields.get("extra", ()))
    if rng.random() < 0.05:
        photo = "PHOTO;ENCODING=BASE64;TYPE=JPEG:" if dialect != "4.0" else "PHOTO:data:image/jpeg;base64,"
        lines.append(photo + PHOTO[:76] + "".join("\r\n " + PHOTO[i : i + 76] for i in range(76, len(PHOTO), 76)))
    return "BEGIN:VCARD\r\n" + "\r\n".join(lines) + "\r\nEND:VCARD\r\n"


def customer(n: int, rng: random.Random) -> dict[str, str]:
    trade, form = rng.choice(TRADES), rng.choice(FORMS)
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    return {
        "name": f"{given} {family}",
        "tels": [("WORK", number(rng)), ("CELL", number(rng))],
        "extra": [f"ORG:{trade} {rng.choice(FAMILY)} {form}", "NOTE:Kunde seit 2019",
                  f"EMAIL;TYPE=WORK:kontakt{n}@{trade.lower()}-{n % 97}.example.de"],
    }  # type: ignore[dict-item]  # fmt: skip


def private(n: int, rng: random.Random) -> dict[str, str]:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    name = rng.choice((f"{given} {family}", f"{given} {rng.choice(PRIVATE_WORDS)}", given))
    extra = []
    if rng.random() < 0.3:
        extra.append(f"BDAY:{rng.randrange(1950, 2020)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")
    if rng.random() < 0.4:
        extra.append(f"EMAIL;TYPE=HOME:p{n}@example.org")
    return {"name": name, "tels": [("CELL", number(rng))], "extra": extra}  # type: ignore[dict-item]


def phone_export(phone: int, cards: int, pool: list[dict[str, str]]) -> bytes:
    """One phone: its dialect mix, about 40 % customers from the shared pool, the rest its own contacts."""
    rng = random.Random(phone)  # noqa: S311 - reproducible fictional data
    dialect = ("2.1", "3.0", "3.0", "4.0")[phone % 4]
    out = []
    for index in range(cards):
        fields = rng.choice(pool) if rng.random() < 0.4 else private(phone * cards + index, rng)
        out.append(card(fields, dialect if rng.random() < 0.9 else "3.0", rng))
    return "".join(out).encode("utf-8")


def generate(directory: Path, phones: int, cards: int) -> tuple[list[str], int]:
    pool_rng = random.Random(14)  # noqa: S311
    pool = [customer(n, pool_rng) for n in range(max(cards * 5, 1000))]
    paths, size = [], 0
    for phone in range(phones):
        path = directory / f"phone-{phone:03d}.vcf"
        data = phone_export(phone, cards, pool)
        path.write_bytes(data)
        paths.append(str(path))
        size += len(data)
    return paths, size


def measure(job: str, arguments: list[str]) -> dict[str, float]:
    run = subprocess.run(  # noqa: S603 - our own interpreter and generated paths
        [sys.executable, "-c", _MEASURE, job, *arguments], capture_output=True, text=True, check=False, timeout=7200
    )
    if run.returncode != 0:
        raise SystemExit(f"{job} failed: {run.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return figures


def startup() -> float:
    command = Path(sys.executable).with_name("contactleak")
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(command), "--help"], capture_output=True, check=True, timeout=60)  # noqa: S603
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=500, help="files (phones) in the fleet (500)")
    parser.add_argument("--cards", type=int, default=2000, help="cards per phone (2,000)")
    parser.add_argument("--jobs", type=int, default=0, help="pass --jobs N to the scan (0: the scan's default)")
    options = parser.parse_args()
    contacts = options.phones * options.cards
    with tempfile.TemporaryDirectory() as directory:
        fleet = Path(directory) / "fleet"
        fleet.mkdir()
        paths, size = generate(fleet, options.phones, options.cards)
        jobs = ["--jobs", str(options.jobs)] if options.jobs else []
        common = ["scan", str(fleet), "--id-key", "bench", "-q", *jobs]
        report = str(Path(directory) / "report.json")
        runs = {
            "vobject": measure("vobject", paths),
            "scan, table": measure("scan", common),
            "scan, JSON": measure("scan", [*common, "-f", "json", "-o", report]),
        }
        people = json.loads(Path(report).read_text(encoding="utf-8"))["summary"].get("people", {})
    print(f"fleet: {options.phones} phones x {options.cards:,} cards = {contacts:,} contacts, {size / 1e6:,.0f} MB")
    if people:
        print(f"people: {people['people']:,} in {people['entries']:,} entries, "
              f"{people['on_several_phones']:,} on more than one phone")  # fmt: skip
    for name, figures in runs.items():
        rate, per_cpu = contacts / figures["seconds"], contacts / figures["cpu"]
        print(f"{name:12} {figures['seconds']:8.1f} s wall {rate:>8,.0f} contacts/s  {figures['cpu']:8.1f} CPU-s "
              f"{per_cpu:>8,.0f} contacts/CPU-s  peak RSS {figures['peak_kb'] / 1024:6.0f} MB")  # fmt: skip
    for name in ("scan, table", "scan, JSON"):
        wall = runs["vobject"]["seconds"] / runs[name]["seconds"]
        cpu = runs["vobject"]["cpu"] / runs[name]["cpu"]
        print(f"throughput {name} / plain vobject: {wall:.2f}x (wall), {cpu:.2f}x (CPU)")
    print(f"start-up: contactleak --help {startup():.2f} s (fastest of 5)")
    print(f"cores: {os.cpu_count()}, load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
