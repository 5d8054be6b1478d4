"""The comparison with other messengers: unprotected transfers, opt-in uploads and upper-bound estimates marked."""

from __future__ import annotations

import json

from reporter_builders import PEOPLE, alternatives, build_result

from scanner.i18n import Language
from scanner.reporters.formats import OutputFormat, ReportView, reporter_for


def table(lang: Language) -> str:
    result = build_result(PEOPLE, alternatives=alternatives())
    return reporter_for(OutputFormat.TABLE)(result, ReportView(language=lang, width=120))


def test_opt_in_messengers_are_marked_with_their_footnote() -> None:
    text = table(Language.EN)
    assert "Threema †" in text
    assert "off by default" in text
    assert "Viber †" not in text


def test_an_estimate_with_fallback_shares_is_shown_as_an_upper_bound() -> None:
    text = table(Language.DE)
    assert "≤ 2,4" in text
    assert "Obergrenze" in text


def test_the_column_counts_only_third_countries_without_adequacy() -> None:
    words = table(Language.EN).split()
    header = ["To", "a", "third", "country", "without", "an", "adequacy", "decision"]
    assert all(word in words for word in header)
    assert "Angemessenheitsbeschluss" in table(Language.DE).split()  # the long word whole, never split


def test_json_alternatives_carry_activation_and_fallbacks() -> None:
    result = build_result(PEOPLE, alternatives=alternatives())
    document = json.loads(reporter_for(OutputFormat.JSON)(result, ReportView(language=Language.EN)))
    threema, viber = document["alternatives"]
    assert (threema["activation"], threema["non_user_fallbacks"]) == ("opt_in", 0)
    assert (viber["unprotected_persons"], viber["non_user_fallbacks"]) == (5, 1)
