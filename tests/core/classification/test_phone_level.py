"""Classifying a whole phone: the owner's trade, what the phone's confident cards teach, duplicates, hand decisions."""

from __future__ import annotations

import datetime

from classifier_helpers import TODAY

from scanner.core.classification import (
    Category,
    DecidedBy,
    PhoneContext,
    TradeChoice,
    classify_phone,
    find_trade,
    load_rules,
)
from scanner.core.model import Contact
from scanner.core.reading import read_bytes


def phone(*cards: tuple[str, ...]) -> list[Contact]:
    text = "".join(
        "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD")) + "\r\n" for lines in cards
    )
    contacts = [item for item in read_bytes(text.encode("utf-8"), path="phone.vcf") if isinstance(item, Contact)]
    assert len(contacts) == len(cards)
    return contacts


def classify(contacts: list[Contact], **context: object) -> tuple[list[Category], object]:
    result = classify_phone(contacts, load_rules(), PhoneContext(today=TODAY, **context))  # type: ignore[arg-type]
    return [item.category for item in result.results], result


CARE = [
    ("FN:Frau Lindner", "NOTE:Patientin, Pflegegrad 3, Wundversorgung Mo/Do", "TEL:+49 30 23125001"),
    ("FN:Herr Okafor", "NOTE:Insulin morgens und abends", "TEL:+49 30 23125002"),
    ("FN:Gisela", "NOTE:Verbandwechsel Di, Dialyse Mi", "TEL:+49 152 28817001"),
    ("FN:Tochter von Fr. Lindner", "TEL:+49 152 28817002"),
    ("FN:Sohn von Herbert", "TEL:+49 152 28817003"),
    ("FN:Kompression Hr. Baumann", "NOTE:Kompressionsstrümpfe anziehen", "TEL:+49 152 28817004"),
]


def test_a_care_phone_is_inferred_and_its_patients_and_relatives_are_business() -> None:
    categories, result = classify(phone(*CARE))
    context = result.context  # type: ignore[attr-defined]
    assert (context.trade, context.chosen) == ("care", TradeChoice.INFERRED)
    assert context.evidence_cards >= 4
    assert categories == [Category.BUSINESS] * len(CARE)
    # the health note of a patient is still Art. 9 data about that patient
    gisela = result.results[2]  # type: ignore[attr-defined]
    assert gisela.special_categories
    assert "art9_private_life" not in {item.code for item in gisela.evidence}


def test_without_a_dominant_trade_the_general_rules_apply() -> None:
    _, result = classify(phone(("FN:Anna Beispiel", "TEL:+49 152 28817010"), ("FN:Mama", "TEL:+49 152 28817011")))
    assert result.context.trade is None  # type: ignore[attr-defined]
    assert result.context.chosen is TradeChoice.UNKNOWN  # type: ignore[attr-defined]


def test_a_given_trade_is_used_even_on_a_phone_that_shows_another() -> None:
    _, result = classify(phone(*CARE), trade=find_trade("hair-beauty"))
    assert result.context.trade == "hair_beauty"  # type: ignore[attr-defined]
    assert result.context.chosen is TradeChoice.GIVEN  # type: ignore[attr-defined]


def _group_phone() -> list[Contact]:
    confident = [
        (f"FN:{name}", "CATEGORIES:Stammgruppe", f"TEL:+49 152 28817{number:03d}", "NOTE:Kundin, Rechnung offen")
        for number, name in enumerate(("Ada", "Bea", "Cleo", "Dora", "Elif"), start=100)
    ]
    family = [
        (f"FN:{name}", "CATEGORIES:Leute", f"TEL:+49 171 39200{number:02d}", "NOTE:Oma Geburtstag")
        for number, name in enumerate(("Tim", "Uwe", "Vera"), start=10)
    ]
    undecided = [("FN:Frieda", "CATEGORIES:Stammgruppe", "TEL:+49 176 04069001"),
                 ("FN:Willi", "CATEGORIES:Leute", "TEL:+49 176 04069002")]  # fmt: skip
    return phone(*confident, *family, *undecided)


def test_the_owners_own_groups_decide_for_undecided_members_with_the_reason() -> None:
    categories, result = classify(_group_phone())
    assert categories[-2:] == [Category.BUSINESS, Category.PRIVATE]
    frieda = result.results[-2]  # type: ignore[attr-defined]
    assert frieda.decided_by is DecidedBy.PHONE
    reason = frieda.evidence[0]
    assert (reason.code, reason.params_dict()) == ("phone_group", {"count": "5", "value": "stammgruppe"})
    assert result.context.learned == 2  # type: ignore[attr-defined]


def test_a_thin_duplicate_takes_the_fuller_cards_class_and_names_its_line() -> None:
    contacts = phone(
        ("FN:Petra Beispiel", "NOTE:Kundin, Angebot Küche", "TEL:+49 152 28817200", "EMAIL:p@kunde.example"),
        ("FN:Petra", "TEL:+49 152 28817200"),
    )
    categories, result = classify(contacts)
    assert categories == [Category.BUSINESS, Category.BUSINESS]
    duplicate = result.results[1]  # type: ignore[attr-defined]
    assert duplicate.decided_by is DecidedBy.DUPLICATE
    assert duplicate.evidence[0].code == "duplicate_number"
    assert duplicate.evidence[0].params_dict() == {"line": str(contacts[0].source.line)}


def test_hand_decisions_override_and_are_counted() -> None:
    contacts = phone(("FN:Mama", "TEL:+49 152 28817300"), ("FN:Kai", "TEL:+49 152 28817301"))
    decisions = {"key-of-kai": Category.BUSINESS}
    categories, result = classify(
        contacts, decisions=decisions, decision_key=lambda c: "key-of-kai" if c.formatted_name == "Kai" else "other"
    )
    assert categories == [Category.PRIVATE, Category.BUSINESS]
    assert result.results[1].decided_by is DecidedBy.HAND  # type: ignore[attr-defined]
    assert result.context.by_hand == 1  # type: ignore[attr-defined]


def test_no_second_pass_decision_without_support_on_the_phone() -> None:
    # one confident card sharing a group is an anecdote, not a habit of the phone
    contacts = phone(("FN:Kundin Ada", "CATEGORIES:X", "TEL:+49 152 28817400"), ("FN:Bo", "CATEGORIES:X"))
    categories, _ = classify(contacts)
    assert categories[1] is Category.UNKNOWN


def test_an_empty_phone_classifies_to_nothing() -> None:
    result = classify_phone([], load_rules(), PhoneContext(today=datetime.date(2026, 12, 2)))
    assert result.results == ()
    assert result.context.cards == 0


def test_every_trade_has_a_name_in_both_languages_and_sources() -> None:
    from scanner.core.classification import trade_ids
    from scanner.i18n import Language, message_keys, translate

    assert len(trade_ids()) >= 8
    for trade in trade_ids():
        assert f"trade.{trade}" in message_keys(), trade
        assert translate(f"trade.{trade}", Language.DE) != translate(f"trade.{trade}", Language.EN)
