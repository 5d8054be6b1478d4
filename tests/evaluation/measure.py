"""Measure a classifier on a labelled folder from the command line (the tests print the same figures).

    .venv/bin/python tests/evaluation/measure.py fixtures/labelled/blind-2026-12 --as-of 2026-12-01
    .venv/bin/python tests/evaluation/measure.py fixtures/labelled/frozen --as-of 2026-12-01 --aggregate-only
    PYTHONPATH=/tmp/cl-base .venv/bin/python tests/evaluation/measure.py DIR --as-of 2026-12-01 --per-contact

``--per-contact`` classifies card by card with ``classify`` (the only API before ``classify_phone``), so an older
checkout of the package (first on PYTHONPATH) can be measured on the same labels. ``--organisations-count``: the
set's guide labels Art. 9 hints also when they are only an organisation's role on a business card.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import labelled_eval as ev

from scanner.core.model import Contact


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", help="folders with *.vcf and labels.csv")
    parser.add_argument("--as-of", type=datetime.date.fromisoformat, required=True, help="the labels' reference date")
    parser.add_argument("--per-contact", action="store_true", help="classify card by card (older checkouts)")
    parser.add_argument("--aggregate-only", action="store_true", help="no per-card rows (a frozen set)")
    parser.add_argument("--organisations-count", action="store_true")
    args = parser.parse_args()
    folders = [folder.resolve() for folder in args.folders]
    labels = [label for folder in folders for label in ev.load_labels(folder / "labels.csv")]
    files = sorted(path.relative_to(ev.REPOSITORY).as_posix() for folder in folders for path in folder.glob("*.vcf"))
    contacts = {key: card for key, card in ev.read_cards(files).items() if isinstance(card, Contact)}
    if args.per_contact:
        pairs = _per_contact(labels, contacts, args.as_of)
    else:
        pairs = ev.answers(labels, contacts, args.as_of, organisations_count=args.organisations_count)
    import scanner

    names = " + ".join(folder.name for folder in folders)
    title = f"{names} ({len(files)} phones, reference date {args.as_of}, package {Path(scanner.__file__).parent})"
    print("\n".join(ev.render(title, ev.score(pairs), rows=not args.aggregate_only)))


def _per_contact(
    labels: list[ev.Label], contacts: dict[ev.Key, Contact], today: datetime.date
) -> list[tuple[ev.Label, ev.Answer]]:
    from scanner.core.classification import classify, load_rules

    rules = load_rules()
    pairs = []
    for label in labels:
        result = classify(contacts[label.key], rules, today=today)
        special = frozenset(category.value for category in result.special_categories)
        pairs.append((label, ev.Answer(result.category.value, result.natural_person, result.minor, special)))
    return pairs


if __name__ == "__main__":
    main()
