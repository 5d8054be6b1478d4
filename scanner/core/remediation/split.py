"""The lossless split: every card of an export goes, with the exact bytes it had, to one part of the address book.

A card's part comes from the whole phone's classification (the same the report shows, the owner's decisions
first): business, private, or review (unknown class, rejected cards, cards whose bytes overlap another card's);
with ``separate_sensitive`` the minors and Art. 9 contacts go to their own part first. Nothing is re-serialised:
a part is the input's byte-order mark, then each card's byte range (``SourceRef.start``/``end``) in file order.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from scanner.core.classification.result import Category, Classification, DecidedBy
from scanner.core.model import SourceRef
from scanner.core.reading.encoding import FileEncoding, sniff_encoding
from scanner.core.scan import ScanResult


class Part(StrEnum):
    """The address books a split writes, by file stem."""

    BUSINESS = "business"
    PRIVATE = "private"
    REVIEW = "review"
    SENSITIVE = "removed-art9-minors"

    @property
    def file_name(self) -> str:
        return f"{self.value}.vcf"


class Placement(StrEnum):
    """Why a card went to its part; i18n ``split.placement.<value>``."""

    BUSINESS = "business"
    PRIVATE = "private"
    BY_HAND = "by_hand"  # the owner's decision
    UNKNOWN = "unknown"  # neither business nor private: a person should look
    REJECTED = "rejected"  # the reader could not make a contact of it
    OVERLAP = "overlap"  # its bytes overlap another card's (nested or unterminated cards): kept together
    MINOR = "minor"
    SPECIAL_CATEGORY = "special_category"


@dataclass(frozen=True)
class CardPlacement:
    source: SourceRef
    part: Part
    placement: Placement
    by_neighbours: bool = False  # the class came from the rest of the phone (second pass, duplicates)


@dataclass(frozen=True)
class Block:
    """A byte range written as one piece: one card, or overlapping cards that cannot be separated."""

    start: int
    end: int
    part: Part
    cards: tuple[CardPlacement, ...]


@dataclass(frozen=True)
class FileSplit:
    """One input's blocks in file order."""

    path: str
    blocks: tuple[Block, ...]

    def cards(self) -> Iterator[CardPlacement]:
        for block in self.blocks:
            yield from block.cards


@dataclass(frozen=True)
class SplitPlan:
    files: tuple[FileSplit, ...]
    separate_sensitive: bool

    @property
    def parts(self) -> tuple[Part, ...]:
        base = (Part.BUSINESS, Part.PRIVATE, Part.REVIEW)
        return (*base, Part.SENSITIVE) if self.separate_sensitive else base

    def cards(self) -> Iterator[CardPlacement]:
        for file in self.files:
            yield from file.cards()

    def counts(self) -> Counter[Part]:
        """Cards per part (a block of overlapping cards counts each of its cards)."""
        return Counter(card.part for card in self.cards())

    def placements(self) -> Counter[tuple[Part, Placement]]:
        return Counter((card.part, card.placement) for card in self.cards())

    @property
    def by_neighbours(self) -> int:
        return sum(card.by_neighbours for card in self.cards())


def plan_split(result: ScanResult, *, separate_sensitive: bool) -> SplitPlan:
    """Where each card of a complete scan (``keep_findings=None``) goes, grouped by file."""
    if not result.findings_complete:
        raise ValueError("a split needs every contact of the scan (keep_findings=None)")
    by_file: dict[str, list[CardPlacement]] = {report.path: [] for report in result.files}
    for finding in result.findings:
        card = _place(finding.source, finding.classification, separate_sensitive)
        by_file.setdefault(finding.source.path, []).append(card)
    for rejection in result.rejections:
        by_file.setdefault(rejection.source.path, []).append(
            CardPlacement(rejection.source, Part.REVIEW, Placement.REJECTED)
        )
    files = tuple(FileSplit(path, _blocks(cards)) for path, cards in by_file.items() if cards)
    return SplitPlan(files, separate_sensitive)


def _place(source: SourceRef, classification: Classification, separate_sensitive: bool) -> CardPlacement:
    neighbours = classification.decided_by in (DecidedBy.PHONE, DecidedBy.DUPLICATE)
    if separate_sensitive and classification.minor:
        return CardPlacement(source, Part.SENSITIVE, Placement.MINOR, neighbours)
    if separate_sensitive and classification.special_categories:
        return CardPlacement(source, Part.SENSITIVE, Placement.SPECIAL_CATEGORY, neighbours)
    category = classification.category
    if category is Category.UNKNOWN:
        return CardPlacement(source, Part.REVIEW, Placement.UNKNOWN, neighbours)
    part = Part.BUSINESS if category is Category.BUSINESS else Part.PRIVATE
    if classification.decided_by is DecidedBy.HAND:
        return CardPlacement(source, part, Placement.BY_HAND)
    placement = Placement.BUSINESS if part is Part.BUSINESS else Placement.PRIVATE
    return CardPlacement(source, part, placement, neighbours)


def _blocks(cards: Iterable[CardPlacement]) -> tuple[Block, ...]:
    """Cards in file order; cards whose byte ranges overlap form one block, in review unless all share a part."""
    ordered = sorted(cards, key=lambda card: (card.source.start, -card.source.end))
    groups: list[list[CardPlacement]] = []
    end = -1
    for card in ordered:
        if groups and card.source.start < end:
            groups[-1].append(card)
            end = max(end, card.source.end)
        else:
            groups.append([card])
            end = card.source.end
    return tuple(_block(group) for group in groups)


def _block(group: list[CardPlacement]) -> Block:
    start = min(card.source.start for card in group)
    end = max(card.source.end for card in group)
    if len(group) == 1:
        return Block(start, end, group[0].part, (group[0],))
    parts = {card.part for card in group}
    if len(parts) == 1:
        return Block(start, end, parts.pop(), tuple(group))
    moved = tuple(CardPlacement(card.source, Part.REVIEW, Placement.OVERLAP, card.by_neighbours) for card in group)
    return Block(start, end, Part.REVIEW, moved)


_HEAD = 1 << 16


@dataclass(frozen=True)
class Layout:
    """How an input's bytes are laid out: its byte-order mark (written first in each part) and its line end."""

    bom: bytes
    line_end: bytes

    @classmethod
    def of(cls, head: bytes) -> Layout:
        encoding, bom_length = sniff_encoding(head)
        if encoding is FileEncoding.EIGHT_BIT:
            return cls(head[:bom_length], _line_end(head))
        text = head[bom_length:].decode(encoding.value, errors="replace")
        return cls(head[:bom_length], _line_end(text.encode("utf-8")).decode("ascii").encode(encoding.value))


def _line_end(head: bytes) -> bytes:
    for end in (b"\r\n", b"\n", b"\r"):
        if end in head:
            return end
    return b"\r\n"


def part_bytes(plan: FileSplit, part: Part, source: BinaryIO) -> Iterator[bytes]:
    """The bytes of one part of one input: its byte-order mark, then its cards' exact bytes in file order.

    A card that ends without a line end (the file's last) is followed by the file's own line end, so the next
    card still begins on a line of its own; the card's bytes stay as they were.
    """
    source.seek(0)
    layout = Layout.of(source.read(_HEAD))
    written = False
    for block in plan.blocks:
        if block.part is not part:
            continue
        if not written:
            yield layout.bom
            written = True
        source.seek(block.start)
        data = source.read(block.end - block.start)
        yield data
        if not data.endswith((b"\n", b"\r", codecs.encode("\n", "utf-16-le"), codecs.encode("\n", "utf-16-be"))):
            yield layout.line_end
