"""The lossless split over every fixture and corpus file: the parts hold exactly the input's cards, byte for byte."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest

from scanner.core.classification import load_rules
from scanner.core.classification.result import Category, DecidedBy
from scanner.core.messengers import default_profile
from scanner.core.model import Contact, Rejection
from scanner.core.reading import read_bytes
from scanner.core.reading_run import ReadingRun
from scanner.core.remediation.split import Part, Placement, SplitPlan, part_bytes, plan_split
from scanner.core.scan import ScanOptions, ScanResult, run_scan

REPOSITORY = Path(__file__).resolve().parents[3]
FIXTURES = sorted(p for p in (REPOSITORY / "fixtures").rglob("*") if p.suffix.lower() in (".vcf", ".vcard"))
DEMO = REPOSITORY / "scanner" / "data" / "demo" / "werkstatt.vcf"
TODAY = datetime.date(2026, 12, 2)
ALL_PARTS = (Part.BUSINESS, Part.PRIVATE, Part.REVIEW, Part.SENSITIVE)


def scan(*paths: Path) -> ScanResult:
    options = ScanOptions(profile=default_profile(), rules=load_rules(), today=TODAY, id_key=b"k" * 32)
    return run_scan(ReadingRun(arguments=[str(p) for p in paths]), options)


def parts_of(path: Path, *, sensitive: bool) -> tuple[SplitPlan, dict[Part, bytes]]:
    plan = plan_split(scan(path), separate_sensitive=sensitive)
    (file,) = plan.files
    with path.open("rb") as stream:
        return plan, {part: b"".join(part_bytes(file, part, stream)) for part in plan.parts}


def card_ranges(data: bytes) -> list[bytes]:
    return [data[e.source.start : e.source.end] for e in read_bytes(data, path="x.vcf")]


def assert_lossless(path: Path, *, sensitive: bool = False) -> None:
    """Every card's bytes stand in exactly one part, as a whole; the parts hold nothing else but BOM and line ends."""
    data = path.read_bytes()
    plan, parts = parts_of(path, sensitive=sensitive)
    (file,) = plan.files
    found = Counter(card_ranges(data))
    written: Counter[bytes] = Counter()
    for block in file.blocks:
        piece = data[block.start : block.end]
        assert piece in parts[block.part], (path.name, block)
        written[piece] += 1
    for part, content in parts.items():
        blocks = [data[b.start : b.end] for b in file.blocks if b.part is part]
        assert sum(len(b) for b in blocks) <= len(content) <= sum(len(b) for b in blocks) + 8 * (len(blocks) + 1)
    whole_cards = sum(found.values())
    assert sum(1 for _ in file.cards()) == whole_cards
    # a block that is one card is that card's exact range; every card range of the input is inside some block
    for card_bytes in found:
        assert any(card_bytes in parts[part] for part in plan.parts), path.name


def reread_same_cards(path: Path) -> None:
    """Reading the parts gives back exactly the input's contacts (their content, wherever they stand)."""
    data = path.read_bytes()
    _, parts = parts_of(path, sensitive=True)

    def contents(entries: list[Contact | Rejection]) -> Counter[object]:
        return Counter(
            e.reason if isinstance(e, Rejection) else (e.formatted_name, e.phones, e.emails, e.note, e.organization)
            for e in entries
        )

    original = contents(list(read_bytes(data, path="x")))
    again: Counter[object] = Counter()
    for content in parts.values():
        if content:
            again += contents(list(read_bytes(content, path="x")))
    assert again == original, path.name


@pytest.mark.parametrize("path", [*FIXTURES, DEMO], ids=lambda p: p.name)
def test_every_fixture_splits_losslessly(path: Path) -> None:
    assert_lossless(path)
    assert_lossless(path, sensitive=True)
    reread_same_cards(path)


@pytest.mark.corpus
def test_every_corpus_file_splits_losslessly(corpus_dir: Path) -> None:
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in (".vcf", ".vcard"))
    assert len(files) == 234
    for path in files:
        assert_lossless(path, sensitive=True)
        reread_same_cards(path)


def test_parts_follow_the_whole_phone_classification() -> None:
    result = scan(DEMO)
    plan = plan_split(result, separate_sensitive=False)
    by_index = {f.source.index: f.classification for f in result.findings}
    for card in plan.cards():
        category = by_index[card.source.index].category
        expected = {Category.BUSINESS: Part.BUSINESS, Category.PRIVATE: Part.PRIVATE, Category.UNKNOWN: Part.REVIEW}
        assert card.part is expected[category]


def test_separate_sensitive_takes_minors_and_art9_first() -> None:
    result = scan(DEMO)
    plan = plan_split(result, separate_sensitive=True)
    flagged = {f.source.index for f in result.findings if f.classification.minor or f.classification.special_categories}
    assert flagged
    assert {c.source.index for c in plan.cards() if c.part is Part.SENSITIVE} == flagged


def test_rejected_and_overlapping_cards_go_to_review_as_they_were(tmp_path: Path) -> None:
    data = (
        b"BEGIN:VCARD\r\nFN:Kunde Muster GmbH\r\nTEL:+493023125001\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nFN:Oma\r\nBEGIN:VCARD\r\nFN:Kunde Bau GmbH\r\nEND:VCARD\r\nEND:VCARD\r\n"
    )
    path = tmp_path / "x.vcf"
    path.write_bytes(data)
    plan, parts = parts_of(path, sensitive=False)
    assert plan.placements()[(Part.REVIEW, Placement.REJECTED)] == 1
    assert b"BEGIN:VCARD\r\nEND:VCARD\r\n" in parts[Part.REVIEW]
    nested = b"BEGIN:VCARD\r\nFN:Oma\r\nBEGIN:VCARD\r\nFN:Kunde Bau GmbH\r\nEND:VCARD\r\nEND:VCARD\r\n"
    assert nested in parts[Part.REVIEW] or nested in parts[Part.PRIVATE] or nested in parts[Part.BUSINESS]
    assert parts[Part.BUSINESS].startswith(b"BEGIN:VCARD\r\nFN:Kunde Muster GmbH")


def test_a_last_card_without_line_end_is_followed_by_the_files_line_end(tmp_path: Path) -> None:
    path = tmp_path / "x.vcf"
    path.write_bytes(b"BEGIN:VCARD\nFN:Kunde Eins GmbH\nEND:VCARD\nBEGIN:VCARD\nFN:Kunde Zwei GmbH\nEND:VCARD")
    _, parts = parts_of(path, sensitive=False)
    assert parts[Part.BUSINESS] == (
        b"BEGIN:VCARD\nFN:Kunde Eins GmbH\nEND:VCARD\nBEGIN:VCARD\nFN:Kunde Zwei GmbH\nEND:VCARD\n"
    )


def test_a_utf16_file_keeps_its_byte_order_mark_and_layout(tmp_path: Path) -> None:
    text = "BEGIN:VCARD\r\nFN:Kunde Jürgen GmbH\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Oma Grete\r\nEND:VCARD\r\n"
    path = tmp_path / "x.vcf"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    _, parts = parts_of(path, sensitive=False)
    assert parts[Part.BUSINESS] == b"\xff\xfe" + "BEGIN:VCARD\r\nFN:Kunde Jürgen GmbH\r\nEND:VCARD\r\n".encode(
        "utf-16-le"
    )
    assert parts[Part.PRIVATE] == b"\xff\xfe" + "BEGIN:VCARD\r\nFN:Oma Grete\r\nEND:VCARD\r\n".encode("utf-16-le")


def _classes(path: Path) -> dict[bytes, tuple[Category, DecidedBy]]:
    data = path.read_bytes()
    result = scan(path)
    # keyed by the card's bytes without its last line end: a file's last card may have none, its part adds one
    return {
        data[f.source.start : f.source.end].rstrip(b"\r\n\x00"): (
            f.classification.category,
            f.classification.decided_by,
        )
        for f in result.findings
    }


def parts_keep_rule_classes(path: Path, folder: Path) -> int:
    """Scans each part of ``path`` alone: every card its own evidence decided (rules) in the whole phone keeps its
    class; returns how many cards the phone's second pass or duplicates decided changed class (may be any number)."""
    whole = _classes(path)
    _, parts = parts_of(path, sensitive=False)
    changed_by_neighbours = 0
    for part, content in parts.items():
        if not content:
            continue
        part_path = folder / f"{path.stem}-{part.value}.vcf"
        part_path.write_bytes(content)
        for card, (category, _) in _classes(part_path).items():
            whole_category, decided_by = whole[card]
            if decided_by is DecidedBy.RULES:
                assert category is whole_category, (path.name, part)
            else:
                changed_by_neighbours += category is not whole_category
    return changed_by_neighbours


@pytest.mark.parametrize("path", [*FIXTURES, DEMO], ids=lambda p: p.name)
def test_scanning_the_parts_keeps_every_class_the_cards_own_evidence_decided(path: Path, tmp_path: Path) -> None:
    """The guarantee: a card decided by its own evidence (rules) in the whole phone has the same class when its
    part is scanned alone; cards the phone's second pass or duplicates decided may differ (their neighbours are
    gone), which is why split goes by the whole phone's classification and says how many cards that concerns."""
    parts_keep_rule_classes(path, tmp_path)


@pytest.mark.corpus
def test_scanning_corpus_parts_keeps_every_class_the_cards_own_evidence_decided(
    corpus_dir: Path, tmp_path: Path
) -> None:
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in (".vcf", ".vcard"))
    for number, path in enumerate(files):
        folder = tmp_path / str(number)
        folder.mkdir()
        parts_keep_rule_classes(path, folder)
