"""What the people of a scan add up to: each person counted once, with combined flags, under every profile."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from scanner.core.classification.result import Category
from scanner.core.exposure import UploadPlan
from scanner.core.messengers import PenetrationBasis
from scanner.core.people import PeopleTally, Person, unpack_place
from scanner.core.risk import RiskLevel, RiskReason
from scanner.core.shape import ContactShape
from scanner.core.summary import ScanSummary

# Non-user probabilities have four decimals; summing them as integers keeps the estimate exact in any order.
_PROBABILITY_UNITS = 10_000


@dataclass(frozen=True)
class CardPlace:
    """A card by its file (as given) and 0-based index, as in the report's contacts."""

    path: str
    index: int


@dataclass(frozen=True)
class PersonRecord:
    """One person as reports list them: the cards that are this person, their phones, the combined flags.

    ``category_from``, ``minor_from``, ``special_from`` name the card that set each combined flag (most protective).
    """

    pseudonym: str
    cards: tuple[CardPlace, ...]
    phones: tuple[str, ...]
    category: Category
    category_from: CardPlace
    minor: bool
    minor_from: CardPlace | None
    special_categories: bool
    special_from: CardPlace | None
    uploaded: bool
    level: RiskLevel
    reasons: tuple[RiskReason, ...]


@dataclass(frozen=True)
class PeopleFigures:
    """One profile's figures over people (not cards): how many are uploaded, unprotected, likely non-users."""

    uploaded: int = 0
    third_country: int = 0
    unprotected: int = 0
    estimated_non_users: float = 0.0
    non_user_fallbacks: int = 0
    private_exposed: int = 0
    minors_exposed: int = 0
    special_exposed: int = 0
    level: RiskLevel = RiskLevel.NONE
    levels: dict[str, int] = field(default_factory=dict)
    reasons: dict[RiskReason, int] = field(default_factory=dict)
    destinations: dict[str, int] = field(default_factory=dict)
    fields: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PeopleSummary:
    """The scan's people: ``people`` natural persons in ``entries`` natural-person cards on ``phones`` files."""

    people: int = 0
    entries: int = 0
    phones: int = 0
    on_several_phones: int = 0
    minors: int = 0
    special_categories: int = 0
    figures: PeopleFigures = field(default_factory=PeopleFigures)


def cards_as_people(summary: ScanSummary, reasons: Mapping[RiskReason, int], files: int) -> PeopleSummary:
    """For a result no people stage ran over (built by hand): every natural-person card counts as one person."""
    figures = PeopleFigures(
        uploaded=summary.third_parties_exposed,
        third_country=summary.third_country_persons,
        unprotected=summary.unprotected_persons,
        estimated_non_users=summary.estimated_non_users,
        non_user_fallbacks=summary.non_user_fallbacks,
        private_exposed=summary.private_persons_exposed,
        minors_exposed=summary.minors_exposed,
        special_exposed=summary.special_category_exposed,
        level=RiskLevel.highest(RiskLevel(level) for level, count in summary.risk_levels.items() if count),
        levels=dict(summary.risk_levels),
        reasons=dict(reasons),
        destinations=dict(summary.destinations),
        fields=dict(summary.fields_exposed),
    )
    persons = summary.natural_persons
    return PeopleSummary(persons, persons, files, 0, summary.minors, summary.special_category_contacts, figures)


def figures_for(shapes: Counter[ContactShape], plan: UploadPlan) -> PeopleFigures:
    """Figures of people (or cards) with these shapes under one profile, each shape judged once."""
    uploaded = third = unprotected = non_user_units = fallbacks = private = minors = special = 0
    levels: Counter[RiskLevel] = Counter()
    reasons: Counter[RiskReason] = Counter()
    destinations: Counter[str] = Counter()
    fields: Counter[str] = Counter()
    for shape, count in shapes.items():
        exposure, risk = shape.judged(plan)
        levels[risk.level] += count
        if risk.level is not RiskLevel.NONE:
            reasons.update(dict.fromkeys(risk.reasons, count))
        if not (exposure.uploaded and shape.natural_person):
            continue
        uploaded += count
        destinations[exposure.destination or "unknown"] += count
        fields.update(dict.fromkeys(exposure.field_names, count))
        third += count * exposure.third_country
        unprotected += count * (exposure.third_country and not exposure.adequate)
        non_user_units += count * round((exposure.non_user_probability or 0.0) * _PROBABILITY_UNITS)
        fallbacks += count * (exposure.penetration_basis is PenetrationBasis.NO_FIGURE)
        private += count * (shape.category is Category.PRIVATE)
        minors += count * shape.minor
        special += count * shape.special
    return PeopleFigures(
        uploaded=uploaded,
        third_country=third,
        unprotected=unprotected,
        estimated_non_users=round(non_user_units / _PROBABILITY_UNITS, 1),
        non_user_fallbacks=fallbacks,
        private_exposed=private,
        minors_exposed=minors,
        special_exposed=special,
        level=RiskLevel.highest(level for level, count in levels.items() if count),
        levels={level.value: levels[level] for level in RiskLevel},
        reasons=dict(reasons),
        destinations=dict(sorted(destinations.items())),
        fields=dict(sorted(fields.items())),
    )


@dataclass(frozen=True)
class People:
    """The people of a finished scan: the summary, the shapes per person, and the records, listed on demand."""

    summary: PeopleSummary = field(default_factory=PeopleSummary)
    shapes: Counter[ContactShape] = field(default_factory=Counter)
    tally: PeopleTally = field(default_factory=PeopleTally)
    paths: tuple[str, ...] = ()
    plan: UploadPlan | None = None

    @classmethod
    def of(cls, tally: PeopleTally, paths: Sequence[str], plan: UploadPlan, readable_files: int) -> People:
        shapes: Counter[ContactShape] = Counter()
        entries = several = 0
        for person in tally.people():
            shapes[person.shape] += 1
            entries += len(person.places)
            several += len(person.phones) > 1
        summary = PeopleSummary(
            people=sum(shapes.values()),
            entries=entries,
            phones=readable_files,
            on_several_phones=several,
            minors=sum(count for shape, count in shapes.items() if shape.minor),
            special_categories=sum(count for shape, count in shapes.items() if shape.special),
            figures=figures_for(shapes, plan),
        )
        return cls(summary, shapes, tally, tuple(paths), plan)

    def records(self) -> Iterator[PersonRecord]:
        """Every person, in the order of their first card; built one at a time, so a large fleet stays cheap."""
        for person in self.tally.people():
            yield self.record(person)

    def record(self, person: Person) -> PersonRecord:
        if self.plan is None:
            raise ValueError("people records exist only for a finished scan")
        exposure, risk = person.shape.judged(self.plan)
        return PersonRecord(
            pseudonym=person.pseudonym,
            cards=tuple(self._place(packed) for packed in sorted(person.places)),
            phones=tuple(self.paths[number] for number in sorted(person.phones)),
            category=person.shape.category,
            category_from=self._place(person.category_from),
            minor=person.shape.minor,
            minor_from=self._optional_place(person.minor_from),
            special_categories=person.shape.special,
            special_from=self._optional_place(person.special_from),
            uploaded=exposure.uploaded,
            level=risk.level,
            reasons=risk.reasons,
        )

    def person_of(self, digest: int) -> Person | None:
        return self.tally.owner(digest)

    def _place(self, packed: int) -> CardPlace:
        file_no, index = unpack_place(packed)
        return CardPlace(self.paths[file_no], index)

    def _optional_place(self, packed: int | None) -> CardPlace | None:
        return None if packed is None else self._place(packed)
