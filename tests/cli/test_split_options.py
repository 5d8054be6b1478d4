"""``split --trade`` and ``split --decisions`` through the installed command: the parts follow the same
classification ``scan`` reports under the same options, and the owner's decisions decide first."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

from installed_command import COMMAND, TIMEOUT

REPOSITORY = Path(__file__).resolve().parents[2]
DEMO = REPOSITORY / "scanner" / "data" / "demo" / "werkstatt.vcf"
KEY = "split-options-key"
DAY = ("--as-of", "2026-12-02")
_CARD = re.compile(rb"BEGIN:VCARD.*?END:VCARD\r?\n?", re.DOTALL)


def run(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "100"}
    env.pop("CONTACTLEAK_ID_KEY", None)
    return subprocess.run(
        [*COMMAND, *arguments, "--lang", "en"], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT,
        check=False,
    )  # fmt: skip


def _lines_of(part: Path, original: bytes) -> set[int]:
    """The 1-based line in ``original`` where each card of ``part`` begins (found by its exact bytes)."""
    lines = set()
    for card in _CARD.findall(part.read_bytes()):
        offset = original.find(card)
        assert offset >= 0, "a card of the part is not byte for byte in the input"
        lines.add(original[:offset].count(b"\n") + 1)
    return lines


def _scan_lines(*extra: str) -> dict[str, set[int]]:
    done = run("scan", str(DEMO), "-f", "json", *DAY, *extra)
    assert done.returncode == 0, done.stderr
    by_class: dict[str, set[int]] = {"business": set(), "private": set(), "unknown": set()}
    for contact in json.loads(done.stdout)["contacts"]:
        by_class[contact["classification"]].add(int(contact["line"]))
    return by_class


def _split_lines(out: Path, *extra: str) -> dict[str, set[int]]:
    done = run("split", str(DEMO), "-o", str(out), *DAY, *extra)
    assert done.returncode == 0, done.stderr
    original = DEMO.read_bytes()
    return {part: _lines_of(out / f"{part}.vcf", original) for part in ("business", "private", "review")}


def test_split_honours_the_trade_like_scan(tmp_path: Path) -> None:
    plain = _split_lines(tmp_path / "plain")
    care = _split_lines(tmp_path / "care", "--trade", "care")
    scanned = _scan_lines("--trade", "care")
    assert care["business"] == scanned["business"]
    assert care["private"] == scanned["private"]
    assert care["review"] == scanned["unknown"]
    assert care["business"] > plain["business"]  # the trade's own words make more cards business


def test_split_decisions_decide_first(tmp_path: Path) -> None:
    exported = run("review", str(DEMO), "--id-key", KEY, "--decisions", str(tmp_path / "d.json"), "--format", "csv",
                   *DAY)  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout), delimiter=","))
    assert rows, "review offers cards to decide"
    # every offered card decided against its class: business ones private, the others business
    wanted = {int(row["line"]): "private" if row["classification"] == "business" else "business" for row in rows}
    for row in rows:
        row["decision"] = "p" if wanted[int(row["line"])] == "private" else "b"
    filled = io.StringIO()
    writer = csv.DictWriter(filled, fieldnames=list(rows[0]), delimiter=",")
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "filled.csv").write_text(filled.getvalue(), encoding="utf-8")

    decided = ("--decisions", str(tmp_path / "filled.csv"), "--id-key", KEY)
    parts = _split_lines(tmp_path / "out", *decided)
    for line, part in wanted.items():
        assert line in parts[part], (line, part)
    (tmp_path / "key").write_text(KEY + "\n", encoding="utf-8")
    from_file = _split_lines(tmp_path / "keyfile", decided[0], decided[1], "--id-key-file", str(tmp_path / "key"))
    assert from_file == parts
    summary = run("split", str(DEMO), "-o", str(tmp_path / "again"), *decided, *DAY)
    by_hand = re.findall(r"^\s+(\d+) decided by you \(decisions file\)$", summary.stdout, re.MULTILINE)
    assert sum(map(int, by_hand)) == len(wanted)


def test_split_decisions_need_the_id_key(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("id,decision\n", encoding="utf-8")
    done = run("split", str(DEMO), "-o", str(tmp_path / "out"), "--decisions", str(tmp_path / "d.csv"))
    assert done.returncode == 2
    assert "--id-key" in done.stderr
    assert not (tmp_path / "out").exists()
