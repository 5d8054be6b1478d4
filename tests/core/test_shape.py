"""Shapes: every profile judges a contact's shape exactly as it judges the contact, so counting shapes is exact."""

from __future__ import annotations

import datetime
from importlib import resources
from pathlib import Path

from scanner.core.classification import classify, load_rules
from scanner.core.exposure import UploadPlan, expose
from scanner.core.messengers import list_profiles, load_profile
from scanner.core.model import Contact
from scanner.core.reading_run import ReadingRun
from scanner.core.risk import contact_risk
from scanner.core.shape import shape_of

TODAY = datetime.date(2026, 11, 25)
FIXTURES = Path(__file__).parents[2] / "fixtures"


def _contacts(*arguments: str) -> list[Contact]:
    return list(ReadingRun(arguments=list(arguments)).contacts())


def _assert_same_judgement(contacts: list[Contact]) -> None:
    rules = load_rules()
    plans = [UploadPlan.of(load_profile(name)) for name in list_profiles()]
    for contact in contacts:
        classification = classify(contact, rules, today=TODAY)
        shape = shape_of(contact, classification)
        for plan in plans:
            exposure = expose(contact, plan)
            risk = contact_risk(classification, exposure, keeps_non_users=plan.keeps_non_users)
            assert shape.judged(plan) == (exposure, risk), (contact.source, plan)


def test_shapes_judge_like_contacts_on_the_demo_and_fixtures() -> None:
    demo = resources.files("scanner.data") / "demo" / "werkstatt.vcf"
    contacts = _contacts(str(demo), str(FIXTURES))
    assert len(contacts) > 100
    _assert_same_judgement(contacts)


def test_shapes_judge_like_contacts_on_the_real_world_corpus(corpus_dir: Path) -> None:
    _assert_same_judgement(_contacts(str(corpus_dir)))
