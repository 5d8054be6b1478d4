"""Scoring a classifier against hand-written labels: label rows, read-back cards, figures and their report."""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scanner.core.model import Contact, Rejection
from scanner.core.reading import read_file

REPOSITORY = Path(__file__).resolve().parent.parent.parent
LABELLED_DIR = REPOSITORY / "fixtures" / "labelled"
DEMO_DIR = REPOSITORY / "scanner" / "data" / "demo"
CATEGORIES = ("business", "private", "unlabelable")
ANSWERS = ("business", "private", "unknown")
SPECIAL = ("health", "religion", "trade_union", "politics", "sex_life", "ethnic_origin")

Key = tuple[str, int]


@dataclass(frozen=True)
class Label:
    """One row of a ``labels.csv``."""

    file: str
    index: int
    display_name: str
    category: str
    natural_person: bool
    minor: bool
    special_categories: frozenset[str]
    why: str

    @property
    def key(self) -> Key:
        return (self.file, self.index)


@dataclass(frozen=True)
class Answer:
    """What a classifier said about one card, reduced to the labelled questions."""

    category: str
    natural_person: bool
    minor: bool
    special_categories: frozenset[str]


def answers(
    labels: Iterable[Label], contacts: dict[Key, Contact], today: datetime.date, *, organisations_count: bool = True
) -> list[tuple[Label, Answer]]:
    """Classify each labelled file as the scan does, one phone at a time, and pair every label with its answer.

    ``organisations_count``: the set's guide labels an Art. 9 hint also when it is only an organisation's role on a
    business card (a parish as a customer); the classifier reports those apart (``uncounted_special``).
    """
    from scanner.core.classification import PhoneContext, classify_phone, load_rules

    rules = load_rules()
    wanted = list(labels)
    by_file: dict[str, list[Key]] = {}
    for key in sorted(contacts):
        by_file.setdefault(key[0], []).append(key)
    found: dict[Key, Answer] = {}
    for keys in by_file.values():
        phone = classify_phone([contacts[key] for key in keys], rules, PhoneContext(today=today))
        for key, result in zip(keys, phone.results, strict=True):
            special = (*result.special_categories, *(result.uncounted_special if organisations_count else ()))
            found[key] = Answer(result.category.value, result.natural_person, result.minor,
                                frozenset(category.value for category in special))
    return [(label, found[label.key]) for label in wanted]


def _flag(text: str) -> bool:
    if text not in {"true", "false"}:
        raise ValueError(f"expected true/false, got {text!r}")
    return text == "true"


def _label(row: dict[str, str]) -> Label:
    special = frozenset(s for s in row["special_categories"].split(";") if s)
    if row["category"] not in CATEGORIES or not special <= set(SPECIAL) or not row["why"].strip():
        raise ValueError(f"bad label row: {row['file']}:{row['index']}")
    return Label(row["file"], int(row["index"]), row["display_name"], row["category"], _flag(row["natural_person"]),
                 _flag(row["minor"]), special, row["why"])


def load_labels(csv_path: Path) -> list[Label]:
    """All rows of a labels file, in file order, each row validated."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return [_label(row) for row in csv.DictReader(handle)]


def read_cards(files: Iterable[str]) -> dict[Key, Contact | Rejection]:
    """Every card of the given repository-relative files, keyed by (file, index)."""
    cards: dict[Key, Contact | Rejection] = {}
    for name in files:
        for item in read_file(REPOSITORY / name, display_path=name, region="DE"):
            cards[(name, item.source.index)] = item
    return cards


@dataclass
class Figures:
    """The measured figures of one run over one labelled set."""

    total: int = 0
    labelable: int = 0
    correct: int = 0
    answered: int = 0
    person_correct: int = 0
    minors_labelled: int = 0
    special_labelled: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    minor_misses: list[Key] = field(default_factory=list)
    minor_false_alarms: list[Key] = field(default_factory=list)
    special_missed: list[Key] = field(default_factory=list)
    special_false: list[Key] = field(default_factory=list)
    special_per_category: Counter[tuple[str, str]] = field(default_factory=Counter)
    wrong: list[tuple[Label, Answer, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.labelable if self.labelable else 0.0

    @property
    def coverage(self) -> float:
        return self.answered / self.labelable if self.labelable else 0.0

    @property
    def person_accuracy(self) -> float:
        return self.person_correct / self.total if self.total else 0.0

    @property
    def confidently_wrong(self) -> int:
        """Business answered for private or the reverse (not "unknown")."""
        return self.confusion[("business", "private")] + self.confusion[("private", "business")]

    @property
    def unknown(self) -> int:
        return self.labelable - self.answered

    @property
    def special_recall(self) -> float:
        """Share of contacts labelled with an Art. 9 category whose categories were all found."""
        if not self.special_labelled:
            return 1.0
        return 1 - len(self.special_missed) / self.special_labelled

    def share(self, count: int, of: int | None = None) -> float:
        total = self.labelable if of is None else of
        return count / total if total else 0.0


def _mismatches(label: Label, answer: Answer) -> list[str]:
    problems = []
    if label.category not in ("unlabelable", answer.category):
        problems.append("category")
    if answer.natural_person != label.natural_person:
        problems.append("natural_person")
    if answer.minor != label.minor:
        problems.append("minor")
    if answer.special_categories != label.special_categories:
        problems.append("special")
    return problems


def _count_special(figures: Figures, label: Label, answer: Answer) -> None:
    missed = label.special_categories - answer.special_categories
    extra = answer.special_categories - label.special_categories
    for name in missed:
        figures.special_per_category[(name, "missed")] += 1
    for name in extra:
        figures.special_per_category[(name, "false")] += 1
    if missed:
        figures.special_missed.append(label.key)
    if extra:
        figures.special_false.append(label.key)


def score(pairs: Iterable[tuple[Label, Answer]]) -> Figures:
    """Counts every figure the evaluation reports from (label, answer) pairs."""
    figures = Figures()
    for label, answer in pairs:
        figures.total += 1
        figures.confusion[(label.category, answer.category)] += 1
        if label.category != "unlabelable":
            figures.labelable += 1
            figures.correct += answer.category == label.category
            figures.answered += answer.category != "unknown"
        figures.person_correct += answer.natural_person == label.natural_person
        figures.minors_labelled += label.minor
        figures.special_labelled += bool(label.special_categories)
        if label.minor and not answer.minor:
            figures.minor_misses.append(label.key)
        if answer.minor and not label.minor:
            figures.minor_false_alarms.append(label.key)
        _count_special(figures, label, answer)
        problems = _mismatches(label, answer)
        if problems:
            figures.wrong.append((label, answer, ",".join(problems)))
    return figures


def _short(category: str, person: bool, minor: bool, special: frozenset[str]) -> str:
    return "/".join((category, "person" if person else "no-person", "minor" if minor else "adult",
                     "+".join(sorted(special)) or "-"))


def _confusion_lines(figures: Figures) -> list[str]:
    lines = ["confusion (rows: label, columns: answer):", f"  {'':<12}" + "".join(f"{a:>10}" for a in ANSWERS)]
    for category in CATEGORIES:
        cells = "".join(f"{figures.confusion[(category, answer)]:>10}" for answer in ANSWERS)
        lines.append(f"  {category:<12}{cells}")
    return lines


def _special_lines(figures: Figures) -> list[str]:
    lines = [f"special categories: {len(figures.special_missed)} contacts missed, "
             f"{len(figures.special_false)} contacts with false alarms"]
    for name in SPECIAL:
        missed = figures.special_per_category[(name, "missed")]
        false = figures.special_per_category[(name, "false")]
        lines.append(f"  {name:<14} {missed} missed, {false} false alarms")
    return lines


def headline(figures: Figures) -> list[str]:
    """The figures the issue's targets are stated in, as shares."""
    found_minors = figures.minors_labelled - len(figures.minor_misses)
    found_special = figures.special_labelled - len(figures.special_missed)
    minors = f"{figures.share(found_minors, figures.minors_labelled):.0%}" if figures.minors_labelled else "-"
    return [
        f"targets: business/private {figures.accuracy:.1%}, confidently wrong "
        f"{figures.share(figures.confidently_wrong):.1%} ({figures.confidently_wrong}), unknown "
        f"{figures.share(figures.unknown):.1%} ({figures.unknown}), natural person {figures.person_accuracy:.1%}, "
        f"minors recall {minors} with {len(figures.minor_false_alarms)} false alarms, Art. 9 recall "
        f"{figures.special_recall:.1%} ({found_special}/{figures.special_labelled}) with "
        f"{figures.share(len(figures.special_false), figures.total):.1%} false alarms ({len(figures.special_false)})",
    ]


def render(title: str, figures: Figures, *, rows: bool = True) -> list[str]:
    """The report lines: figures, confusion matrix, and the wrong rows by file:index and labels (never names).

    ``rows=False`` for a frozen set: only aggregate figures, never which cards were missed.
    """
    lines = [
        f"== {title}: {figures.total} contacts ==",
        f"business/private accuracy: {figures.accuracy:.1%} ({figures.correct}/{figures.labelable} labelable), "
        f"coverage {figures.coverage:.1%} ({figures.answered}/{figures.labelable} answered)",
        *_confusion_lines(figures),
        f"natural person accuracy: {figures.person_accuracy:.1%} ({figures.person_correct}/{figures.total})",
        f"minors: {len(figures.minor_misses)} missed, {len(figures.minor_false_alarms)} false alarms "
        f"({figures.minors_labelled} labelled)",
        *_special_lines(figures),
        *headline(figures),
        f"rows with any difference: {len(figures.wrong)}",
    ]
    for label, answer, problems in figures.wrong if rows else ():
        wanted = _short(label.category, label.natural_person, label.minor, label.special_categories)
        got = _short(answer.category, answer.natural_person, answer.minor, answer.special_categories)
        lines.append(f"  {label.file}:{label.index}  label {wanted}  answer {got}  [{problems}]")
    return lines
