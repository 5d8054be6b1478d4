"""The product's main job in one call: read, classify, expose, assess; the result every reporter renders."""

from __future__ import annotations

import datetime
import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from scanner import __version__
from scanner.core.advice import Advice, advise
from scanner.core.classification import ClassificationContext, ClassificationRules, PhoneContext, classify_phone
from scanner.core.classification.result import Category, Classification
from scanner.core.exposure import Exposure, UploadPlan, expose
from scanner.core.messengers import MessengerProfile, PenetrationBasis
from scanner.core.model import Contact, FileReport, Phone, ReadWarning, Rejection, SourceRef
from scanner.core.pseudonym import pseudonym
from scanner.core.reading_run import ReadingRun
from scanner.core.risk import ContactRisk, OverallRisk, RiskLevel, contact_risk, overall_risk
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
    """

    profile: MessengerProfile
    persons_uploaded: int
    unprotected_persons: int
    estimated_non_users: float
    non_user_fallbacks: int
    level: RiskLevel


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
    classification_contexts: tuple[tuple[str, ClassificationContext], ...] = ()  # per input path

    @property
    def repair_count(self) -> int:
        return sum(count for _, count in self.repair_counts)

    @property
    def readable_input(self) -> bool:
        return any(report.problem is None or report.cards_found > 0 for report in self.files)


@dataclass
class _AlternativeTally:
    profile: MessengerProfile
    plan: UploadPlan
    persons: int = 0
    unprotected: int = 0
    non_users: float = 0.0
    fallbacks: int = 0
    level: RiskLevel = RiskLevel.NONE

    def add(self, contact: Contact, classification: Classification) -> None:
        exposure = expose(contact, self.plan)
        risk = contact_risk(classification, exposure, keeps_non_users=self.plan.keeps_non_users)
        self.level = RiskLevel.highest((self.level, risk.level))
        if exposure.uploaded and classification.natural_person:
            self.persons += 1
            self.unprotected += exposure.third_country and not exposure.adequate
            self.non_users += exposure.non_user_probability or 0.0
            self.fallbacks += exposure.penetration_basis is PenetrationBasis.NO_FIGURE

    def freeze(self) -> AlternativeExposure:
        non_users = round(self.non_users, 1)
        return AlternativeExposure(self.profile, self.persons, self.unprotected, non_users, self.fallbacks, self.level)


@dataclass
class _Findings:
    """All findings in reading order, or the ``limit`` riskiest (ties: the earlier card first)."""

    limit: int | None
    kept: list[tuple[int, int, ContactFinding]] = field(default_factory=list)
    seen: int = 0

    def add(self, finding: ContactFinding) -> None:
        self.seen += 1
        entry = (finding.risk.level.rank, -self.seen, finding)
        if self.limit is None:
            self.kept.append(entry)
        elif len(self.kept) < self.limit:
            heapq.heappush(self.kept, entry)
        elif entry[:2] > self.kept[0][:2]:
            heapq.heapreplace(self.kept, entry)

    def ordered(self) -> tuple[ContactFinding, ...]:
        if self.limit is None:
            return tuple(finding for _, _, finding in self.kept)
        return tuple(finding for _, _, finding in sorted(self.kept, key=lambda e: (-e[0], -e[1])))


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
    others: list[_AlternativeTally]
    tally: SummaryTally = field(default_factory=SummaryTally)
    sources: dict[str, _SourceTally] = field(default_factory=dict)
    repairs: list[Repair] = field(default_factory=list)
    repair_counts: Counter[str] = field(default_factory=Counter)
    contexts: dict[str, ClassificationContext] = field(default_factory=dict)

    @classmethod
    def start(cls, options: ScanOptions) -> _Scan:
        others = [_AlternativeTally(p, UploadPlan.of(p)) for p in options.alternatives if p.id != options.profile.id]
        return cls(options, UploadPlan.of(options.profile), _Findings(options.keep_findings), others)

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
        self.findings.add(_finding(contact, classification, exposure, risk, self.options.id_key))
        for other in self.others:
            other.add(contact, classification)
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
        overall = overall_risk(dict(self.tally.levels), dict(self.tally.reasons))
        alternatives = tuple(sorted((other.freeze() for other in self.others), key=_alternative_order))
        better = _has_better(summary, overall.level, alternatives)
        options = self.options
        return ScanResult(
            tool_version=__version__,
            messenger=options.profile,
            scanned_at=scanned_at,
            today=options.today,
            files=files,
            rejections=tuple(run.rejections),
            findings=self.findings.ordered(),
            findings_complete=options.keep_findings is None or self.findings.seen <= options.keep_findings,
            summary=summary,
            overall=overall,
            alternatives=alternatives,
            advice=advise(summary, options.profile, overall.level, better_alternative=better),
            repairs=tuple(self.repairs),
            repair_counts=tuple(self.repair_counts.items()),
            source_risks=tuple(source.freeze() for source in self.sources.values()),
            classification_contexts=tuple(self.contexts.items()),
        )


def _finding(
    contact: Contact, classification: Classification, exposure: Exposure, risk: ContactRisk, key: bytes
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
    )


def _alternative_order(alternative: AlternativeExposure) -> tuple[int, int, str]:
    return (alternative.level.rank, alternative.unprotected_persons, alternative.profile.id)


def _has_better(summary: ScanSummary, level: RiskLevel, alternatives: Iterable[AlternativeExposure]) -> bool:
    """Whether a messenger would send fewer people to an unprotected third country, at a lower level."""
    return any(
        other.level.rank < level.rank and other.unprotected_persons < summary.unprotected_persons
        for other in alternatives
    )
