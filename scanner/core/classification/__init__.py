"""Classifying contacts: business or private, natural person, minor, special categories of data."""

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
