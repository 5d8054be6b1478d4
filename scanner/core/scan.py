"""The product's main job in one call: read, classify, expose, assess; the result every reporter renders."""

from __future__ import annotations

import dataclasses
import datetime
import heapq
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from scanner import __version__
from scanner.core.advice import Advice, advise
from scanner.core.classification import ClassificationContext, ClassificationRules, PhoneContext, classify_phone
from scanner.core.classification.result import Category, Classification
from scanner.core.exposure import Exposure, UploadPlan, expose
from scanner.core.messengers import MessengerProfile, Retention
from scanner.core.model import Contact, FileReport, Phone, ReadWarning, Rejection, SourceRef
from scanner.core.people import PeopleTally, digests, place
from scanner.core.people_summary import People, PeopleFigures, PeopleSummary, cards_as_people, figures_for
from scanner.core.pseudonym import pseudonym
from scanner.core.reading_run import ReadingRun
from scanner.core.risk import (
    ContactRisk,
    OverallRisk,
    RiskLevel,
    RiskReason,
    contact_risk,
    overall_risk,
    transfer_reasons,
)
from scanner.core.shape import ContactShape, shape_of
from scanner.core.summary import ScanSummary, SummaryTally


@dataclass(frozen=True)
class ScanOptions:
    """What a scan needs besides its inputs. ``keep_findings``: None keeps every contact, N only the N riskiest."""

    profile: MessengerProfile
    rules: ClassificationRules
    today: datetime.date
    id_key: bytes
    keep_findings: int | None = None
    alternatives: tuple[MessengerProfile, ...] = ()
    phone: PhoneContext | None = None  # the owner's trade and decisions; default: inferred trade, no decisions


@dataclass(frozen=True)
class ContactFinding:
    """One contact as reports show it: only what they need, so a large scan does not hold whole contacts."""

    source: SourceRef
    uid: str | None
    pseudonym: str
    display_name: str
    phones: tuple[Phone, ...]
    emails: tuple[str, ...]
    classification: Classification
    exposure: Exposure
    risk: ContactRisk
    identity: tuple[int, ...] = ()  # keyed digests of the card's numbers and e-mails (scanner.core.people)
    person: str | None = None  # the person's pseudonym, for the riskiest list (set when the scan is complete)
    person_phones: tuple[str, ...] = ()  # every file (phone) the person is on


# Located repairs kept for ``--verbose``; beyond this only their number is kept, so a broken huge file stays cheap.
MAX_LISTED_REPAIRS = 1000


@dataclass(frozen=True)
class Repair:
    """Something the reader repaired in a card it still read, located by file and line."""

    path: str
    warning: ReadWarning


@dataclass(frozen=True)
class AlternativeExposure:
    """The same contacts under another messenger: how many people it would expose, how badly.

    ``unprotected_persons`` counts those sent to a third country without a full adequacy decision;
    ``non_user_fallbacks`` those whose non-user estimate used the fallback share (the estimate is then an upper bound).
    ``transfer_reasons``: why this messenger weighs as it does (destination and what the operator keeps, rules 3
    and 6), weightiest first; empty when nothing is uploaded.
    """

    profile: MessengerProfile
    persons_uploaded: int
    unprotected_persons: int
    estimated_non_users: float
    non_user_fallbacks: int
    level: RiskLevel
    people: PeopleFigures | None = None  # the same over people; None for a result built without the people stage
    transfer_reasons: tuple[RiskReason, ...] = ()

    @property
    def people_figures(self) -> PeopleFigures:
        if self.people is not None:
            return self.people
        return PeopleFigures(
            uploaded=self.persons_uploaded,
            unprotected=self.unprotected_persons,
            estimated_non_users=self.estimated_non_users,
            non_user_fallbacks=self.non_user_fallbacks,
            level=self.level,
        )


@dataclass(frozen=True)
class SourceRisk:
    """One input's share of the scan, for fleets: whose data each phone sends, and its highest level."""

    path: str
    contacts: int
    persons_exposed: int
    private_persons: int
    minors: int
    special_category_persons: int
    level: RiskLevel


@dataclass
class _SourceTally:
    path: str
    contacts: int = 0
    persons: int = 0
    private: int = 0
    minors: int = 0
    special: int = 0
    level: RiskLevel = RiskLevel.NONE

    def add(self, classification: Classification, exposure: Exposure, risk: ContactRisk) -> None:
        self.contacts += 1
        self.level = RiskLevel.highest((self.level, risk.level))
        if exposure.uploaded and classification.natural_person:
            self.persons += 1
            self.private += classification.category is Category.PRIVATE
            self.minors += classification.minor
            self.special += bool(classification.special_categories)

    def freeze(self) -> SourceRisk:
        return SourceRisk(self.path, self.contacts, self.persons, self.private, self.minors, self.special, self.level)


@dataclass(frozen=True)
class ScanResult:
    tool_version: str
    messenger: MessengerProfile
    scanned_at: datetime.datetime
    today: datetime.date
    files: tuple[FileReport, ...]
    rejections: tuple[Rejection, ...]
    findings: tuple[ContactFinding, ...]
    findings_complete: bool
    summary: ScanSummary
    overall: OverallRisk
    alternatives: tuple[AlternativeExposure, ...]
    advice: tuple[Advice, ...]
    repairs: tuple[Repair, ...] = ()
    repair_counts: tuple[tuple[str, int], ...] = ()  # per input path, in reading order
    source_risks: tuple[SourceRisk, ...] = ()
    people: People = field(default_factory=People)
    classification_contexts: tuple[tuple[str, ClassificationContext], ...] = ()  # per input path

    @property
    def repair_count(self) -> int:
        return sum(count for _, count in self.repair_counts)

    @property
    def readable_input(self) -> bool:
        return any(report.problem is None or report.cards_found > 0 for report in self.files)

    @property
    def people_summary(self) -> PeopleSummary:
        """The scan's people; for a result built without the people stage, each natural-person card is one."""
        if self.people.plan is not None:
            return self.people.summary
        readable = sum(report.problem is None for report in self.files)
        return cards_as_people(self.summary, dict(self.overall.reasons), readable)


def _alternative(
    profile: MessengerProfile, card_shapes: Counter[ContactShape], people_shapes: Counter[ContactShape]
) -> AlternativeExposure:
    """Another messenger on the same cards and people: each distinct shape judged once, times its count."""
    plan = UploadPlan.of(profile)
    cards = figures_for(card_shapes, plan)
    return AlternativeExposure(
        profile=profile,
        persons_uploaded=cards.uploaded,
        unprotected_persons=cards.unprotected,
        estimated_non_users=cards.estimated_non_users,
        non_user_fallbacks=cards.non_user_fallbacks,
        level=cards.level,
        people=figures_for(people_shapes, plan),
        transfer_reasons=transfer_reasons(cards.reasons),
    )


# The riskiest list shows each person once; it keeps this many times the cards it shows, so that copies of one
# person (merged only once the scan is complete) do not crowd others out.
_PERSON_SLACK = 3


@dataclass
class _Findings:
    """All findings in reading order, or the ``limit`` riskiest (ties: the earlier card first).

    With a limit, a finding is built only when it enters the kept set (``admits``), and a card with the pseudonym of
    a kept one (a copy of the same person) replaces it only when riskier.
    """

    limit: int | None
    kept: list[tuple[int, int, ContactFinding]] = field(default_factory=list)
    seen: int = 0

    @property
    def _room(self) -> int | None:
        return None if self.limit is None else self.limit * _PERSON_SLACK

    def admits(self, rank: int) -> bool:
        """Whether the next card, at ``rank``, would be kept; counts it as seen."""
        self.seen += 1
        room = self._room
        return room is None or len(self.kept) < room or (rank, -self.seen) > self.kept[0][:2]

    def add(self, finding: ContactFinding) -> None:
        """Keep ``finding``, which ``admits`` just let in."""
        entry = (finding.risk.level.rank, -self.seen, finding)
        if self._room is None:
            self.kept.append(entry)
            return
        twin = next((index for index, kept in enumerate(self.kept) if kept[2].pseudonym == finding.pseudonym), None)
        if twin is not None:
            if self.kept[twin][0] >= entry[0]:
                return
            self.kept[twin] = entry
            heapq.heapify(self.kept)
        elif len(self.kept) < self._room:
            heapq.heappush(self.kept, entry)
        else:
            heapq.heapreplace(self.kept, entry)

    def ordered(self, people: People) -> tuple[ContactFinding, ...]:
        if self.limit is None:
            return tuple(finding for _, _, finding in self.kept)
        ranked = [finding for _, _, finding in sorted(self.kept, key=lambda e: (-e[0], -e[1]))]
        return tuple(itertools.islice(_once_per_person(ranked, people), self.limit))


def _once_per_person(findings: Iterable[ContactFinding], people: People) -> Iterator[ContactFinding]:
    """Each person's riskiest card only, naming the person and every phone they are on."""
    shown: set[int] = set()
    for finding in findings:
        person = next((p for d in finding.identity if (p := people.person_of(d)) is not None), None)
        if person is None:
            yield finding
            continue
        if id(person) in shown:
            continue
        shown.add(id(person))
        phones = tuple(people.paths[number] for number in sorted(person.phones))
        yield dataclasses.replace(finding, person=person.pseudonym, person_phones=phones)


def run_scan(run: ReadingRun, options: ScanOptions) -> ScanResult:
    """Scan every input of ``run``; per-file counts, rejections and findings are complete when this returns."""
    scanned_at = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    scan = _Scan.start(options)
    phone: list[Contact] = []
    for contact in run.contacts():
        if phone and (contact.source.path != phone[0].source.path or len(phone) >= PHONE_WINDOW):
            scan.add_phone(phone)
            phone = []
        phone.append(contact)
    if phone:
        scan.add_phone(phone)
    return scan.result(run, scanned_at)


# Classification is per phone (a file): its cards are held until the file ends, at most this many at once, so a
# fleet never costs more memory than its largest phone and a huge single export stays bounded.
PHONE_WINDOW = 5000


@dataclass
class _Scan:
    """Everything a scan accumulates while the contacts stream past, one contact at a time."""

    options: ScanOptions
    plan: UploadPlan
    findings: _Findings
    tally: SummaryTally = field(default_factory=SummaryTally)
    sources: dict[str, _SourceTally] = field(default_factory=dict)
    repairs: list[Repair] = field(default_factory=list)
    repair_counts: Counter[str] = field(default_factory=Counter)
    shapes: Counter[ContactShape] = field(default_factory=Counter)
    people: PeopleTally = field(default_factory=PeopleTally)
    file_numbers: dict[str, int] = field(default_factory=dict)
    contexts: dict[str, ClassificationContext] = field(default_factory=dict)

    @classmethod
    def start(cls, options: ScanOptions) -> _Scan:
        return cls(options, UploadPlan.of(options.profile), _Findings(options.keep_findings))

    def add_phone(self, contacts: list[Contact]) -> None:
        """Classify one phone's cards together (``classify_phone``), then account for each."""
        phone = self.options.phone or PhoneContext(today=self.options.today)
        classified = classify_phone(contacts, self.options.rules, phone)
        path = contacts[0].source.path
        self.contacts_context(path, classified.context)
        for contact, classification in zip(contacts, classified.results, strict=True):
            self.add(contact, classification)

    def contacts_context(self, path: str, context: ClassificationContext) -> None:
        # a file longer than PHONE_WINDOW is classified in parts; the report keeps its first part's context
        self.contexts.setdefault(path, context)

    def add(self, contact: Contact, classification: Classification) -> None:
        exposure = expose(contact, self.plan)
        risk = contact_risk(classification, exposure, keeps_non_users=self.plan.keeps_non_users)
        self.tally.add(classification, exposure, risk)
        path = contact.source.path
        self.sources.setdefault(path, _SourceTally(path)).add(classification, exposure, risk)
        shape = shape_of(contact, classification)
        self.shapes[shape] += 1
        identity = digests(contact, self.options.id_key)
        if classification.natural_person:
            file_no = self.file_numbers.setdefault(path, len(self.file_numbers))
            self.people.add(identity, place(file_no, contact.source.index), shape)
        if self.findings.admits(risk.level.rank):
            key = self.options.id_key
            self.findings.add(
                _finding(
                    contact, classification=classification, exposure=exposure, risk=risk, key=key, identity=identity
                )
            )
        self._add_repairs(contact)

    def _add_repairs(self, contact: Contact) -> None:
        if contact.warnings:
            self.repair_counts[contact.source.path] += len(contact.warnings)
        room = MAX_LISTED_REPAIRS - len(self.repairs)
        self.repairs.extend(Repair(contact.source.path, warning) for warning in contact.warnings[:room])

    def result(self, run: ReadingRun, scanned_at: datetime.datetime) -> ScanResult:
        files = tuple(run.files)
        summary = self.tally.freeze(
            cards_found=sum(report.cards_found for report in files),
            contacts=sum(report.contacts for report in files),
            rejected=sum(report.rejected for report in files),
        )
        options = self.options
        readable = sum(report.problem is None for report in files)
        people = People.of(self.people, tuple(self.file_numbers), self.plan, readable)
        overall = _overall(self.tally, people)
        others = (p for p in options.alternatives if p.id != options.profile.id)
        alternatives = tuple(
            sorted((_alternative(p, self.shapes, people.shapes) for p in others), key=_alternative_order)
        )
        better = _has_better(summary, overall.level, alternatives)
        return ScanResult(
            tool_version=__version__,
            messenger=options.profile,
            scanned_at=scanned_at,
            today=options.today,
            files=files,
            rejections=tuple(run.rejections),
            findings=self.findings.ordered(people),
            findings_complete=options.keep_findings is None or self.findings.seen <= options.keep_findings,
            summary=summary,
            overall=overall,
            alternatives=alternatives,
            advice=advise(summary, options.profile, overall.level, better_alternative=better),
            repairs=tuple(self.repairs),
            repair_counts=tuple(self.repair_counts.items()),
            source_risks=tuple(source.freeze() for source in self.sources.values()),
            people=people,
            classification_contexts=tuple(self.contexts.items()),
        )


def _overall(tally: SummaryTally, people: People) -> OverallRisk:
    """The highest level of any card or person (a person's combined flags can weigh more than each card's)."""
    cards = overall_risk(dict(tally.levels), dict(tally.reasons))
    level = RiskLevel.highest((cards.level, people.summary.figures.level))
    return OverallRisk(level, cards.reasons)


def _finding(
    contact: Contact,
    *,
    classification: Classification,
    exposure: Exposure,
    risk: ContactRisk,
    key: bytes,
    identity: tuple[int, ...],
) -> ContactFinding:
    return ContactFinding(
        source=contact.source,
        uid=contact.uid,
        pseudonym=pseudonym(contact, key),
        display_name=contact.display_name,
        phones=contact.phones,
        emails=tuple(email.address for email in contact.emails),
        classification=classification,
        exposure=exposure,
        risk=risk,
        identity=identity,
    )


# At the same level, a messenger that keeps less ranks first (rule 6 of scanner/core/risk.py).
_RETENTION_ORDER = (Retention.NOT_SENT, Retention.DISCARDED, Retention.STORED_HASHED, Retention.STORED_CLEAR)


def _alternative_order(alternative: AlternativeExposure) -> tuple[int, int, int, str]:
    retention = _RETENTION_ORDER.index(alternative.profile.retention.value)
    return (alternative.level.rank, retention, alternative.unprotected_persons, alternative.profile.id)


def _has_better(summary: ScanSummary, level: RiskLevel, alternatives: Iterable[AlternativeExposure]) -> bool:
    """Whether a messenger would send fewer people to an unprotected third country, at a lower level."""
    return any(
        other.level.rank < level.rank and other.unprotected_persons < summary.unprotected_persons
        for other in alternatives
    )
