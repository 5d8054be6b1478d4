"""The owner context of one phone: which trade was used and why, and what the second pass decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from scanner.core.classification.matching import KeywordList, compile_keywords
from scanner.core.classification.texts import ContactTexts
from scanner.core.classification.trades import Trade, load_trades

# A trade is inferred when its own words are on at least this many cards, on this share of the phone's cards,
# and on clearly more cards than the next trade's: a phone with three salon words among 300 cards is no salon.
MIN_TRADE_CARDS = 3
MIN_TRADE_SHARE = 0.04
MIN_LEAD = 1.5


class TradeChoice(StrEnum):
    """How the trade was chosen."""

    GIVEN = "given"  # --trade or the config's [owner] trade
    INFERRED = "inferred"  # the trade whose words dominate the phone
    UNKNOWN = "unknown"  # no trade dominates: the general rules alone


@dataclass(frozen=True)
class TradeInference:
    trade: Trade | None
    chosen: TradeChoice
    evidence_cards: int  # cards carrying the chosen (or the leading) trade's words
    runner_up_cards: int  # cards carrying the next trade's words


@dataclass(frozen=True)
class ClassificationContext:
    """What the report says about how one phone was classified.

    ``trade`` is a trade id (i18n ``trade.<id>``) or None; ``learned`` cards were decided by the second pass from
    the phone's confident cards, ``duplicates`` took a fuller card's class, ``by_hand`` came from a decisions file.
    """

    trade: str | None
    chosen: TradeChoice
    evidence_cards: int
    cards: int
    seeds: int = 0
    learned: int = 0
    duplicates: int = 0
    by_hand: int = 0


@cache
def _all_trade_words() -> tuple[KeywordList, dict[str, frozenset[str]]]:
    """One pattern over every trade's client and service words (one search per card, not two per trade), and
    for each word the trades that list it."""
    owners: dict[str, set[str]] = {}
    words: list[str] = []
    for trade in load_trades():
        for keywords in (trade.customers, trade.services):
            for shown in keywords.spelling.values():
                owners.setdefault(shown, set()).add(trade.id)
            words.extend(keywords.raw)
    return compile_keywords(words), {word: frozenset(ids) for word, ids in owners.items()}


def infer_trade(texts: Sequence[ContactTexts], given: Trade | None = None) -> TradeInference:
    """The given trade, else the one whose client and service words are on the most cards, if it dominates."""
    counts = {trade.id: 0 for trade in load_trades()}
    trades = {trade.id: trade for trade in load_trades()}
    pattern, owners = _all_trade_words()
    for card in texts:
        written = " | ".join((card.name, card.nicknames, card.other, *card.categories))
        found: set[str] = set()
        for word in pattern.find_all(written):
            found |= owners.get(word, frozenset())
        for trade_id in found:
            counts[trade_id] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    (best, cards), (_, runner_up) = ranked[0], ranked[1]
    if given is not None:
        others = max(count for trade_id, count in counts.items() if trade_id != given.id)
        return TradeInference(given, TradeChoice.GIVEN, counts[given.id], others)
    dominant = cards >= MIN_TRADE_CARDS and cards >= MIN_TRADE_SHARE * len(texts) and cards >= MIN_LEAD * runner_up
    if not dominant:
        return TradeInference(None, TradeChoice.UNKNOWN, cards, runner_up)
    return TradeInference(trades[best], TradeChoice.INFERRED, cards, runner_up)
