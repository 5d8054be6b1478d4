"""Before and after: the figures of two scans side by side (a scan's result, or a JSON report it wrote).

The usual pair is the original export and the ``business.vcf`` that ``split`` wrote from it. Figures count people
(each person once), as the terminal summary does: uploaded, private persons, minors and Art. 9 contacts uploaded,
estimated non-users, the overall level, and the people each other messenger would upload.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from scanner.core.risk import RiskLevel
from scanner.core.scan import ScanResult


class Measure(StrEnum):
    """A compared figure; i18n ``compare.measure.<value>``."""

    UPLOADED = "uploaded"
    PRIVATE = "private"
    MINORS = "minors"
    SPECIAL = "special"
    NON_USERS = "non_users"


class ReportError(Exception):
    """A JSON file that is no contactleak report (or misses a figure); carries the missing key, never content."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class MessengerFigures:
    messenger: str
    uploaded: int
    level: RiskLevel


@dataclass(frozen=True)
class Figures:
    """One scan's figures, over people."""

    messenger: str
    values: tuple[tuple[Measure, float], ...]
    level: RiskLevel
    messengers: tuple[MessengerFigures, ...]  # the scanned messenger first, then the others by id

    def value(self, measure: Measure) -> float:
        return dict(self.values)[measure]

    @classmethod
    def of_result(cls, result: ScanResult) -> Figures:
        figures = result.people_summary.figures
        values = (
            (Measure.UPLOADED, float(figures.uploaded)),
            (Measure.PRIVATE, float(figures.private_exposed)),
            (Measure.MINORS, float(figures.minors_exposed)),
            (Measure.SPECIAL, float(figures.special_exposed)),
            (Measure.NON_USERS, figures.estimated_non_users),
        )
        own = MessengerFigures(result.messenger.id, figures.uploaded, result.overall.level)
        others = sorted(
            (
                MessengerFigures(a.profile.id, a.people_figures.uploaded, a.people_figures.level)
                for a in result.alternatives
            ),
            key=lambda m: m.messenger,
        )
        return cls(result.messenger.id, values, result.overall.level, (own, *others))

    @classmethod
    def of_report(cls, document: Mapping[str, Any]) -> Figures:
        """From a JSON report (schema 1 or 2); raises ReportError naming the first key that is missing."""
        if not isinstance(document, Mapping) or document.get("tool", {}).get("name") != "contactleak":
            raise ReportError("tool")
        summary = _mapping(document, "summary")
        people = summary.get("people") if isinstance(summary.get("people"), Mapping) else None
        if people is not None:
            keys = ("uploaded", "private_exposed", "minors_exposed", "special_category_exposed", "estimated_non_users")
            source: Mapping[str, Any] = people
        else:
            keys = (
                "third_parties_exposed", "private_persons_exposed", "minors_exposed", "special_category_exposed",
                "estimated_non_users",
            )  # fmt: skip
            source = summary
        values = tuple((measure, _number(source, key)) for measure, key in zip(Measure, keys, strict=True))
        level = _level(summary, "risk")
        messenger = str(document.get("messenger") or "")
        own = MessengerFigures(messenger, int(values[0][1]), level)
        others = sorted((_other(item) for item in document.get("alternatives") or ()), key=lambda m: m.messenger)
        return cls(messenger, values, level, (own, *others))


def _other(item: Any) -> MessengerFigures:
    if not isinstance(item, Mapping):
        raise ReportError("alternatives")
    uploaded_key = "people_uploaded" if "people_uploaded" in item else "persons_uploaded"
    level_key = "people_risk" if "people_risk" in item else "risk"
    return MessengerFigures(str(item.get("messenger") or ""), int(_number(item, uploaded_key)), _level(item, level_key))


def _mapping(document: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = document.get(key)
    if not isinstance(value, Mapping):
        raise ReportError(key)
    return value


def _number(document: Mapping[str, Any], key: str) -> float:
    value = document.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ReportError(key)
    return float(value)


def _level(document: Mapping[str, Any], key: str) -> RiskLevel:
    try:
        return RiskLevel(str(document.get(key)))
    except ValueError:
        raise ReportError(key) from None


@dataclass(frozen=True)
class Change:
    measure: Measure
    before: float
    after: float

    @property
    def difference(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    before: Figures
    after: Figures

    def changes(self) -> tuple[Change, ...]:
        return tuple(Change(m, self.before.value(m), self.after.value(m)) for m in Measure)

    def messengers(self) -> tuple[tuple[str, MessengerFigures | None, MessengerFigures | None], ...]:
        """Each messenger on either side: (id, before, after), the scanned messenger first."""
        before = {m.messenger: m for m in self.before.messengers}
        after = {m.messenger: m for m in self.after.messengers}
        order = list(dict.fromkeys([*(m.messenger for m in self.before.messengers), *after]))
        return tuple((name, before.get(name), after.get(name)) for name in order)


def compare(before: Figures, after: Figures) -> Comparison:
    return Comparison(before, after)


@dataclass(frozen=True)
class BeforeAfter:
    """A comparison as a report shows it: the figures and how each side was given (a path, as the user typed it)."""

    comparison: Comparison
    before_label: str
    after_label: str

    def dropped_to_zero(self) -> tuple[Measure, ...]:
        """The sensitive figures (private persons, minors, Art. 9) that were above 0 before and are 0 after."""
        sensitive = (Measure.PRIVATE, Measure.MINORS, Measure.SPECIAL)
        return tuple(
            change.measure
            for change in self.comparison.changes()
            if change.measure in sensitive and change.before > 0 and change.after == 0
        )
