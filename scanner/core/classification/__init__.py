"""Classifying contacts: business or private, natural person, minor, special categories of data."""

from scanner.core.classification.classifier import classify
from scanner.core.classification.result import Category, Classification, Evidence, SpecialCategory
from scanner.core.classification.rules import ClassificationRules, load_rules

__all__ = [
    "Category",
    "Classification",
    "ClassificationRules",
    "Evidence",
    "SpecialCategory",
    "classify",
    "load_rules",
]
