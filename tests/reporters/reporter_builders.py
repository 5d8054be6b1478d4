"""Hand-built scan results for the reporter tests: fictional people whose every personal detail is known."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from scanner.core.advice import advise
from scanner.core.classification.result import Category, Classification, Evidence, SpecialCategory
from scanner.core.exposure import NOT_UPLOADED, ExposedField, Exposure
from scanner.core.messengers import FieldStatus, MessengerProfile, PenetrationBasis, UploadField, load_profile
from scanner.core.model import FileReport, Phone, PhoneType, Rejection, RejectReason, SourceRef
from scanner.core.risk import RiskLevel, contact_risk, overall_risk
from scanner.core.scan import AlternativeExposure, ContactFinding, ScanResult
from scanner.core.summary import SummaryTally

SCANNED_AT = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 1)
SOURCE = "phone.vcf"


@dataclass(frozen=True)
class Person:
    """One test contact: what its card said and what the classifier and the profile made of it."""

    name: str
    phones: tuple[Phone, ...] = ()
    emails: tuple[str, ...] = ()
    category: Category = Category.PRIVATE
    confidence: float = 0.8
    natural_person: bool = True
    minor: bool = False
    special: tuple[SpecialCategory, ...] = ()
    uid: str | None = None
    evidence: tuple[Evidence, ...] = ()
    uploaded: bool = True
    destination: str = "US"
    non_user_probability: float = 0.12
    basis: PenetrationBasis = PenetrationBasis.COUNTRY


def phone(e164: str, region: str | None, number_type: PhoneType = PhoneType.MOBILE) -> Phone:
    return Phone(raw=e164, e164=e164, region=region, number_type=number_type, valid=True)


def finding(person: Person, index: int, profile: MessengerProfile) -> ContactFinding:
    classification = Classification(
        person.category, person.confidence, person.evidence, person.natural_person, person.minor, person.special
    )
    exposure = _exposure(person, profile)
    return ContactFinding(
        source=SourceRef(SOURCE, index, 1 + 6 * index),
        uid=person.uid,
        pseudonym=f"c_{index:016x}",
        display_name=person.name,
        phones=person.phones,
        emails=person.emails,
        classification=classification,
        exposure=exposure,
        risk=contact_risk(classification, exposure, keeps_non_users=True),
    )


def _exposure(person: Person, profile: MessengerProfile) -> Exposure:
    if not person.uploaded:
        return NOT_UPLOADED
    fields = [ExposedField(UploadField.PHONE, FieldStatus.YES)] if person.phones else []
    fields.append(ExposedField(UploadField.NAME, profile.fields.name.value))
    outside = person.destination not in ("IE", "DE")
    return Exposure(
        uploaded=True,
        fields=tuple(fields),
        destination=person.destination,
        third_country=outside,
        adequate=not outside,
        non_user_probability=person.non_user_probability,
        penetration_basis=person.basis,
    )


def build_result(
    people: Sequence[Person],
    *,
    rejections: Sequence[Rejection] = (),
    profile: MessengerProfile | None = None,
    alternatives: Sequence[AlternativeExposure] = (),
    files: Sequence[FileReport] | None = None,
) -> ScanResult:
    """A result as ``run_scan`` would give it for these people: summary, overall level and advice computed by core."""
    profile = profile or load_profile("whatsapp")
    findings = tuple(finding(person, index, profile) for index, person in enumerate(people))
    tally = SummaryTally()
    for item in findings:
        tally.add(item.classification, item.exposure, item.risk)
    found = len(people) + len(rejections)
    summary = tally.freeze(cards_found=found, contacts=len(people), rejected=len(rejections))
    overall = overall_risk(dict(tally.levels), dict(tally.reasons))
    better = any(other.level.rank < overall.level.rank for other in alternatives)
    return ScanResult(
        tool_version="0.1.0",
        messenger=profile,
        scanned_at=SCANNED_AT,
        today=TODAY,
        files=tuple(files if files is not None else [FileReport(SOURCE, found, len(people), len(rejections))]),
        rejections=tuple(rejections),
        findings=findings,
        findings_complete=True,
        summary=summary,
        overall=overall,
        alternatives=tuple(alternatives),
        advice=advise(summary, profile, overall.level, better_alternative=better),
    )


ERIKA = Person(
    "Erika Mustermann",
    (phone("+4915228817967", "DE"),),
    ("erika.privat@gmx.de",),
    uid="urn:uuid:5f1c2d3e-erika",
)
LENA = Person("Lena Beispielkind", (phone("+4917604069032", "DE"),), minor=True, non_user_probability=0.3)
HANS = Person(
    "Hans Therapeutikus",
    (phone("+41791234589", "CH"),),
    ("hans.therapie@praxis-beispiel.example",),
    category=Category.BUSINESS,
    confidence=0.65,
    special=(SpecialCategory.HEALTH,),
)
YUKI = Person(
    "Yuki Fernreisende", (phone("+819012345678", "JP"),), non_user_probability=0.9, basis=PenetrationBasis.NO_FIGURE
)
WERKSTATT = Person(
    "Autohaus Kolbenring GmbH",
    (phone("+493023125500", "DE", PhoneType.FIXED_LINE),),
    category=Category.BUSINESS,
    confidence=0.95,
    natural_person=False,
)
UNPARSEABLE = Person("Otto Ohnenummer", (Phone("12-34-5678", None, None, PhoneType.UNKNOWN, valid=False),))
PEOPLE = (ERIKA, LENA, HANS, YUKI, WERKSTATT, UNPARSEABLE)


def alternatives() -> tuple[AlternativeExposure, ...]:
    return (
        AlternativeExposure(load_profile("threema"), 0, 0, 0.0, 0, RiskLevel.NONE),
        AlternativeExposure(load_profile("viber"), 5, 5, 2.4, 1, RiskLevel.CRITICAL),
    )


REJECTED = (Rejection(SourceRef(SOURCE, 6, 37), RejectReason.EMPTY_CARD),)
