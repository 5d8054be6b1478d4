"""Every contact of the real-world corpus classifies without error and with evidence that has i18n text."""

from __future__ import annotations

from pathlib import Path

import pytest
from classifier_helpers import TODAY

from scanner.core.classification import classify, load_rules
from scanner.core.model import Contact
from scanner.core.reading import InputError, read_file
from scanner.i18n import Language, message_keys, translate

pytestmark = pytest.mark.corpus


def test_corpus_contacts_classify_with_known_evidence(corpus_dir: Path) -> None:
    rules = load_rules()
    keys = message_keys()
    classified = 0
    for path in sorted(corpus_dir.rglob("*")):
        if path.suffix.lower() not in {".vcf", ".vcard"} or not path.is_file():
            continue
        try:
            contacts = [item for item in read_file(path) if isinstance(item, Contact)]
        except InputError:
            continue
        for contact in contacts:
            result = classify(contact, rules, today=TODAY)
            assert 0 <= result.confidence <= 1
            for item in result.evidence:
                assert f"evidence.{item.code}" in keys, item.code
                translate(f"evidence.{item.code}", Language.DE, **item.params_dict())
            classified += 1
    assert classified > 100
