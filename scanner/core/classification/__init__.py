"""Classifying contacts: business or private, natural person, minor, special categories of data.

Names are imported on first use (PEP 562): importing ``scanner.core.classification.result`` for its enums, as the
command-line options do, must not load the classifier and its word lists (start-up time of ``contactleak --help``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scanner.core.classification.classifier import classify
    from scanner.core.classification.context import ClassificationContext, TradeChoice
    from scanner.core.classification.phone import PhoneClassification, PhoneContext, classify_phone
    from scanner.core.classification.result import Category, Classification, DecidedBy, Evidence, SpecialCategory
    from scanner.core.classification.rules import ClassificationRules, load_rules
    from scanner.core.classification.trades import Trade, UnknownTradeError, find_trade, trade_ids


__all__ = [
    "Category",
    "Classification",
    "ClassificationContext",
    "ClassificationRules",
    "DecidedBy",
    "Evidence",
    "PhoneClassification",
    "PhoneContext",
    "SpecialCategory",
    "Trade",
    "TradeChoice",
    "UnknownTradeError",
    "classify",
    "classify_phone",
    "find_trade",
    "load_rules",
    "trade_ids",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from scanner.core.classification import classifier, context, phone, result, rules, trades  # noqa: PLC0415

    home = next(module for module in (classifier, context, phone, result, rules, trades) if hasattr(module, name))
    value = getattr(home, name)
    globals()[name] = value
    return value
