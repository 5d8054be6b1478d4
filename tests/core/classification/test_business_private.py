"""Business or private: one test per kind of evidence, and the weighing rules from DOMAIN.md section 4."""

from __future__ import annotations

import pytest
from classifier_helpers import classify_lines, codes, params_of

from scanner.core.classification import Category, load_rules
from scanner.core.config import ClassificationConfig

MOBILE = "TEL;TYPE=CELL:+49 171 3920078"


def test_no_cue_at_all_is_unknown_with_zero_confidence() -> None:
    result = classify_lines("FN:Dr. Peter Schmidt", MOBILE)
    assert result.category is Category.UNKNOWN
    assert result.confidence == 0.0
    assert result.evidence == ()


@pytest.mark.parametrize("name", ["Christian Bauer", "Jonas Katholnig", "Meister Eder", "Anna Schneider", "Maria Grün"])
def test_ordinary_names_give_no_evidence(name: str) -> None:
    result = classify_lines(f"FN:{name}", MOBILE)
    assert result.category is Category.UNKNOWN
    assert result.evidence == ()


def test_legal_form_in_name() -> None:
    result = classify_lines("FN:Holzhandel Kranich GmbH & Co. KG", "TEL:+49 30 1234567")
    assert result.category is Category.BUSINESS
    assert params_of(result, "legal_form_name") == {"form": "GmbH & Co. KG"}


@pytest.mark.parametrize(
    ("org", "form"),
    [
        ("Fliesen Kurz e.K.", "e.K."),
        ("Beispiel UG (haftungsbeschränkt)", "UG (haftungsbeschränkt)"),
        ("Muster AG", "AG"),
        ("Ejemplo S.r.l.", "S.r.l."),
        ("Probe Sp. z o.o.", "Sp. z o.o."),
        ("Voorbeeld B.V.", "B.V."),
    ],
)
def test_legal_form_in_org(org: str, form: str) -> None:
    result = classify_lines("FN:Paul Beispiel", "N:Beispiel;Paul;;;", f"ORG:{org}", MOBILE)
    assert params_of(result, "legal_form_org") == {"form": form}
    assert "org_field" in codes(result)
    assert result.category is Category.BUSINESS


def test_short_legal_form_only_at_the_end_of_org() -> None:
    assert "legal_form_org" not in codes(classify_lines("FN:Ana Sa", "N:Sa;Ana;;;", MOBILE))
    assert "legal_form_name" not in codes(classify_lines("FN:Ana Sa", "N:Sa;Ana;;;", MOBILE))
    assert "legal_form_org" not in codes(classify_lines("FN:Peter Da Costa", "ORG:AS Musterstadt Vorstand", MOBILE))


def test_kind_org_card_is_business_and_no_person() -> None:
    result = classify_lines("FN:Stadtwerke Musterstadt", "KIND:org", "TEL:+49 30 1234567", version="4.0")
    assert result.category is Category.BUSINESS
    assert "kind_org" in codes(result)
    assert result.natural_person is False


def test_apple_company_card() -> None:
    result = classify_lines("FN:Bäckerei Korn", "ORG:Bäckerei Korn", "X-ABShowAs:COMPANY", "TEL:+49 30 1234567")
    assert "kind_org" in codes(result)
    assert result.category is Category.BUSINESS


def test_free_mail_names_the_provider_and_is_weak() -> None:
    result = classify_lines("FN:Erika Beispiel", "EMAIL:erika@web.de")
    assert params_of(result, "free_mail") == {"domain": "web.de"}
    assert result.category is Category.UNKNOWN


@pytest.mark.parametrize(
    "domain",
    [
        "mailbox.org",
        "chello.at",
        "online.de",
        "vodafone.de",
        "kabelmail.de",
        "email.de",
        "hispeed.ch",
        "sunrise.ch",
        "gmx.ch",
        "t-online.de",
        "posteo.de",
        "bluewin.ch",
    ],
)
def test_free_mail_overlay_covers_german_austrian_swiss_providers(domain: str) -> None:
    result = classify_lines("FN:Erika Beispiel", f"EMAIL:erika@{domain}")
    assert params_of(result, "free_mail") == {"domain": domain}


def test_company_domain_is_not_named() -> None:
    result = classify_lines("FN:Erika Beispiel", "EMAIL:e.beispiel@kranich-holzhandel.example")
    assert params_of(result, "company_email") == {}
    assert all("kranich" not in value for item in result.evidence for value in item.params_dict().values())


def test_own_company_domain_from_argument_and_config_means_colleague() -> None:
    by_argument = load_rules(company_domains=["@Muster-Tischlerei.EXAMPLE"])
    by_config = load_rules(config=ClassificationConfig(company_domains=("muster-tischlerei.example",)))
    for rules in (by_argument, by_config):
        result = classify_lines("FN:Jan Hobel", "EMAIL:jan@mail.muster-tischlerei.example", rules=rules)
        assert params_of(result, "own_company_domain") == {"domain": "muster-tischlerei.example"}
        assert result.category is Category.BUSINESS


def test_config_business_and_private_domains_and_keywords() -> None:
    config = ClassificationConfig(
        business_domains=("kunde-a.example",), private_domains=("familie-b.example",),
        business_keywords=("Baustelle*",), private_keywords=("Kegelfreunde",),
    )  # fmt: skip
    rules = load_rules(config=config)
    assert classify_lines("FN:A B", "EMAIL:x@kunde-a.example", rules=rules).category is Category.BUSINESS
    assert classify_lines("FN:A B", "EMAIL:x@familie-b.example", rules=rules).category is Category.PRIVATE
    assert params_of(classify_lines("FN:A Baustellenleitung", rules=rules), "user_business_keyword") == {
        "keyword": "Baustelle"
    }
    assert classify_lines("FN:Kegelfreunde Dienstag", rules=rules).category is Category.PRIVATE


def test_family_word_in_name() -> None:
    result = classify_lines("FN:Oma", MOBILE)
    assert result.category is Category.PRIVATE
    assert params_of(result, "family_word") == {"keyword": "Oma"}


def test_family_word_in_nickname_and_note() -> None:
    assert "family_word" in codes(classify_lines("FN:Karin Beispiel", "NICKNAME:Schwesterherz"))
    assert "family_word" in codes(classify_lines("FN:Karin Beispiel", "NOTE:Nachbarin von gegenüber"))


def test_private_life_service_word() -> None:
    result = classify_lines("FN:Dr. Lind Hausarzt", "TEL:+49 30 1234567", "BDAY:1970-01-01")
    assert params_of(result, "private_service_word") == {"keyword": "Hausarzt"}
    assert result.category is Category.PRIVATE


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Klaus Elektriker", "role_word"),
        ("Müller (Kundin)", "role_word"),
        ("Autohaus Kranich", "establishment_word"),
        ("Kfz-Werkstatt Ost", "establishment_word"),
        ("Hotline Stadtwerke", "service_word"),
    ],
)
def test_business_words(name: str, code: str) -> None:
    result = classify_lines(f"FN:{name}", MOBILE)
    assert code in codes(result)
    assert result.category is Category.BUSINESS


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("Kunden", Category.BUSINESS),
        ("Business", Category.BUSINESS),
        ("Familie", Category.PRIVATE),
        ("Friends", Category.PRIVATE),
    ],
)
def test_address_book_groups(category: str, expected: Category) -> None:
    assert classify_lines("FN:Erika Beispiel", f"CATEGORIES:{category}").category is expected


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("0800 1234567", "toll_free"),
        ("01805 123456", "shared_cost"),
        ("0900 1234567", "premium_rate"),
        ("+44 56 1234 5678", "voip"),
    ],
)
def test_service_number_types(number: str, code: str) -> None:
    assert code in codes(classify_lines("FN:Info", f"TEL:{number}"))


def test_switchboard_and_direct_dial_on_fixed_lines_only() -> None:
    assert "switchboard" in codes(classify_lines("FN:X", "TEL:0711 12345-0"))
    assert "direct_dial" in codes(classify_lines("FN:X", "TEL:0711 12345-67"))
    assert {"switchboard", "direct_dial"}.isdisjoint(codes(classify_lines("FN:X", "TEL:0711-123456")))
    assert {"switchboard", "direct_dial"}.isdisjoint(codes(classify_lines("FN:X", "TEL:0171 12345-0")))


def test_lone_mobile_is_no_evidence() -> None:
    assert classify_lines("FN:X", MOBILE).evidence == ()


@pytest.mark.parametrize(
    ("prop", "work", "home"),
    [
        ("TEL", "work_phone", "home_phone"),
        ("EMAIL", "work_email", "home_email"),
        ("ADR", "work_address", "home_address"),
    ],
)
def test_work_and_home_labels(prop: str, work: str, home: str) -> None:
    value = {"TEL": "+49 30 1234567", "EMAIL": "a@web.de", "ADR": ";;Weg 1;Musterstadt;;12345;DE"}[prop]
    assert work in codes(classify_lines("FN:X", f"{prop};TYPE=WORK:{value}"))
    assert home in codes(classify_lines("FN:X", f"{prop};TYPE=HOME:{value}"))


def test_apple_work_label() -> None:
    result = classify_lines("FN:X", "item1.TEL:+49 30 1234567", "item1.X-ABLabel:_$!<Work>!$_")
    assert "work_phone" in codes(result)


def test_birthday_nickname_title_evidence() -> None:
    assert "birthday" in codes(classify_lines("FN:X", "BDAY:--0415"))
    assert "nickname" in codes(classify_lines("FN:X", "NICKNAME:Bienchen"))
    assert "title" in codes(classify_lines("FN:X", "TITLE:Projektleitung"))


def test_friend_with_employer_org_is_private() -> None:
    result = classify_lines(
        "FN:Jonas Weber", "N:Weber;Jonas;;;", "ORG:Großkonzern Beispiel AG", "BDAY:1985-03-02", "NICKNAME:Jo",
        "EMAIL;TYPE=HOME:jonas@gmx.de", "ADR;TYPE=HOME:;;Hauptstr. 1;Musterstadt;;12345;DE", MOBILE,
    )  # fmt: skip
    assert "legal_form_org" in codes(result)
    assert result.category is Category.PRIVATE
    assert result.natural_person is True


def test_sole_trader_with_gmx_is_business() -> None:
    result = classify_lines("FN:Malermeister Schulz", "EMAIL:maler.schulz@gmx.de", MOBILE)
    assert "free_mail" in codes(result)
    assert result.category is Category.BUSINESS
    assert result.natural_person is True


def test_evidence_is_strongest_first_and_confidence_grows_with_it() -> None:
    weak = classify_lines("FN:Autohaus Kranich")
    strong = classify_lines("FN:Autohaus Kranich GmbH", "TEL;TYPE=WORK:0711 12345-0", "EMAIL:info@kranich.example")
    weights = [abs(item.weight) for item in strong.evidence]
    assert weights == sorted(weights, reverse=True)
    assert 0 < weak.confidence < strong.confidence <= 1
