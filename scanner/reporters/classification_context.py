"""How each phone was classified: the owner's trade (given, inferred with its evidence, or unknown) and what the
second pass decided. Both reporters use it; the texts are in ``i18n/messages/trades.toml``."""

from __future__ import annotations

from typing import Any

from scanner.core.classification import ClassificationContext, TradeChoice
from scanner.core.scan import ScanResult
from scanner.i18n import Language, translate

# A fleet's table lists at most this many phones' trades; JSON lists every one.
LISTED_PHONES = 10


def trade_text(context: ClassificationContext, lang: Language) -> str:
    trade = translate(f"trade.{context.trade}", lang) if context.trade else ""
    key = f"context.trade.{context.chosen.value}"
    return translate(key, lang, trade=trade, cards=context.evidence_cards, total=context.cards)


def second_pass_text(context: ClassificationContext, lang: Language) -> str:
    return translate(
        "context.second_pass", lang, learned=context.learned, seeds=context.seeds, duplicates=context.duplicates,
        by_hand=context.by_hand,
    )  # fmt: skip


def table_rows(result: ScanResult, lang: Language) -> list[tuple[str, str]]:
    """One phone: its trade and second pass; a fleet: each phone's trade (path: trade), then the totals."""
    contexts = result.classification_contexts
    label = translate("context.title", lang)
    if not contexts:
        return []
    if len(contexts) == 1:
        context = contexts[0][1]
        return [(label, trade_text(context, lang)), ("", second_pass_text(context, lang))]
    rows = [(label if i == 0 else "", f"{path}: {trade_text(c, lang)}") for i, (path, c) in enumerate(contexts)]
    return [*rows[:LISTED_PHONES], ("", second_pass_text(total(contexts), lang))]


def total(contexts: tuple[tuple[str, ClassificationContext], ...]) -> ClassificationContext:
    """The second-pass counts over all phones (the trade fields say nothing for a fleet)."""
    return ClassificationContext(
        trade=None,
        chosen=TradeChoice.UNKNOWN,
        evidence_cards=0,
        cards=sum(c.cards for _, c in contexts),
        seeds=sum(c.seeds for _, c in contexts),
        learned=sum(c.learned for _, c in contexts),
        duplicates=sum(c.duplicates for _, c in contexts),
        by_hand=sum(c.by_hand for _, c in contexts),
    )


def context_json(context: ClassificationContext, lang: Language) -> dict[str, Any]:
    return {
        "trade": context.trade,
        "trade_chosen": context.chosen.value,
        "trade_evidence_cards": context.evidence_cards,
        "cards": context.cards,
        "seeds": context.seeds,
        "learned": context.learned,
        "duplicates": context.duplicates,
        "decided_by_hand": context.by_hand,
        "text": trade_text(context, lang),
    }


def document_json(result: ScanResult, lang: Language) -> dict[str, Any]:
    """Top-level ``classification_context``: totals over the scan and one entry per phone."""
    contexts = result.classification_contexts
    overall = total(contexts)
    return {
        "learned": overall.learned,
        "duplicates": overall.duplicates,
        "decided_by_hand": overall.by_hand,
        "phones": [{"path": path, **context_json(context, lang)} for path, context in contexts],
    }
