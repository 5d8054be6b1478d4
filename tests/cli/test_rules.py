"""``contactleak rules``: every risk rule in plain words with its reason, in both languages."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from scanner.cli.app import app
from scanner.core.risk import RULES, RiskReason
from scanner.i18n import Language, translate

RUNNER = CliRunner()


@pytest.mark.parametrize("lang", list(Language))
def test_every_rule_is_printed_with_its_reason(lang: Language) -> None:
    result = RUNNER.invoke(app, ["rules", "--lang", lang.value])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for reason in RiskReason:
        assert " ".join(translate(f"risk.reason.{reason.value}.rule", lang).split()) in text
    assert " ".join(translate("risk.overall_rule", lang).split()) in text
    assert f"{len(RULES) + 1}." in text


def test_every_reason_belongs_to_exactly_one_rule() -> None:
    listed = [reason for rule in RULES for reason in rule]
    assert sorted(listed) == sorted(RiskReason)
