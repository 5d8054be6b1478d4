"""The held-out labelled set: its integrity, then the classifier's figures on it and on the demo sample."""

from __future__ import annotations

import datetime
from pathlib import Path

import labelled_eval as ev
import pytest

from scanner.core.model import Contact

REFERENCE_DATE = datetime.date(2026, 11, 25)
BLIND_DATE = datetime.date(2026, 12, 1)
SETS = {
    "labelled set": ev.LABELLED_DIR / "labels.csv",
    "demo sample": ev.DEMO_DIR / "labels.csv",
    "blind development set": ev.LABELLED_DIR / "blind-2026-12" / "labels.csv",
    "frozen held-out set": ev.LABELLED_DIR / "frozen" / "labels.csv",
}
# The December 2026 sets: their own reference date, and their guides label no Art. 9 hint that is only an
# organisation's role on a business card. The frozen set is never tuned on: only its aggregate figures are shown.
DATES = {"blind development set": BLIND_DATE, "frozen held-out set": BLIND_DATE}
ORGANISATIONS_COUNT = {"labelled set", "demo sample"}
FROZEN = {"frozen held-out set"}


def _vcf_files(directory: Path) -> list[str]:
    return sorted(path.relative_to(ev.REPOSITORY).as_posix() for path in directory.glob("*.vcf"))


def _labels_and_cards(name: str) -> tuple[list[ev.Label], dict[tuple[str, int], Contact]]:
    labels_csv = SETS[name]
    labels = ev.load_labels(labels_csv)
    cards = ev.read_cards(_vcf_files(labels_csv.parent))
    contacts = {key: card for key, card in cards.items() if isinstance(card, Contact)}
    assert len(contacts) == len(cards), f"{name}: some cards were rejected"
    return labels, contacts


@pytest.mark.parametrize("name", SETS)
def test_every_card_has_exactly_one_label_and_every_label_a_card(name: str) -> None:
    labels, contacts = _labels_and_cards(name)
    keys = [label.key for label in labels]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"{name}: labelled twice: {duplicates}"
    assert not set(contacts) - set(keys), f"{name}: cards without a label: {sorted(set(contacts) - set(keys))}"
    assert not set(keys) - set(contacts), f"{name}: labels without a card: {sorted(set(keys) - set(contacts))}"
    named = [label.key for label in labels if contacts[label.key].display_name != label.display_name]
    assert not named, f"{name}: label rows whose display_name is not the card's: {named}"


def test_labelled_set_is_large_and_varied_enough() -> None:
    labels = ev.load_labels(SETS["labelled set"])
    files = {label.file for label in labels}
    assert len(labels) >= 150
    assert len(files) >= 5
    categories = {label.category for label in labels}
    assert categories == {"business", "private", "unlabelable"}
    assert sum(label.minor for label in labels) >= 10
    assert all(any(special in label.special_categories for label in labels) for special in
               ("health", "religion", "trade_union", "politics", "sex_life", "ethnic_origin"))


def test_demo_sample_size() -> None:
    labels = ev.load_labels(SETS["demo sample"])
    assert 45 <= len(labels) <= 60
    assert 2 <= sum(label.minor for label in labels) <= 3


def _measure(name: str) -> ev.Figures:
    labels, contacts = _labels_and_cards(name)
    today = DATES.get(name, REFERENCE_DATE)
    return ev.score(ev.answers(labels, contacts, today, organisations_count=name in ORGANISATIONS_COUNT))


@pytest.mark.parametrize("name", ["labelled set", "demo sample"])
def test_classifier_meets_the_bar(name: str, evaluation_report: list[str]) -> None:
    figures = _measure(name)
    report = ev.render(f"{name} (reference date {REFERENCE_DATE.isoformat()})", figures)
    evaluation_report.extend(report)
    text = "\n".join(report)
    assert figures.accuracy >= 0.95, text
    assert figures.person_accuracy >= 0.95, text
    assert len(figures.minor_misses) <= 2, text
    assert len(figures.minor_false_alarms) <= 2, text
    assert len(figures.special_missed) <= 3, text
    assert len(figures.special_false) <= 3, text


# What the README states for the December 2026 sets (fixtures/labelled/README.md); a change that lowers them fails.
# The targets are business/private >= 90 %, confidently wrong <= 3 %, unknown <= 8 %, natural person >= 97 %,
# minors recall 100 % with <= 1 false alarm, Art. 9 recall >= 85 % with <= 3 % false alarms.
FLOORS = {
    "blind development set": {"accuracy": 0.89, "wrong": 0.03, "unknown": 0.08, "person": 0.96, "special": 0.91},
    "frozen held-out set": {"accuracy": 0.88, "wrong": 0.04, "unknown": 0.08, "person": 0.99, "special": 0.99},
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_blind_sets_keep_their_stated_figures(name: str, evaluation_report: list[str]) -> None:
    figures = _measure(name)
    title = f"{name} (reference date {BLIND_DATE.isoformat()}{', aggregate figures only' if name in FROZEN else ''})"
    report = ev.render(title, figures, rows=name not in FROZEN)
    evaluation_report.extend(report)
    text = "\n".join(ev.headline(figures)) if name in FROZEN else "\n".join(report)
    floor = FLOORS[name]
    # plain numbers only: a failing assertion must not print the Figures (with the frozen set's rows)
    measured = {
        "accuracy": figures.accuracy,
        "wrong": figures.share(figures.confidently_wrong),
        "unknown": figures.share(figures.unknown),
        "person": figures.person_accuracy,
        "special": figures.special_recall,
        "special_false": figures.share(len(figures.special_false), figures.total),
        "minors_missed": float(len(figures.minor_misses)),
        "minor_false_alarms": float(len(figures.minor_false_alarms)),
    }
    below = [key for key in ("accuracy", "person", "special") if measured[key] < floor[key]]
    above = [key for key in ("wrong", "unknown") if measured[key] > floor[key]]
    above += [key for key, limit in (("special_false", 0.03), ("minors_missed", 0.0), ("minor_false_alarms", 1.0))
              if measured[key] > limit]  # fmt: skip
    problems = below + above
    assert not problems, f"{problems}: {text}"
