"""Weighing rules: the owner's groups and notes, employers on friends' cards, Art. 9 communities, minors."""

from __future__ import annotations

from classifier_helpers import classify_lines, codes

from scanner.core.classification.result import Category, SpecialCategory


def test_an_art9_hint_without_business_relationship_reads_as_the_owners_own_doctor() -> None:
    work_phone = "TEL;TYPE=WORK:+49 30 23125201"
    result = classify_lines("FN:Dr. med. Eva Beispiel", "ORG:Hausarztpraxis Dr. Beispiel", work_phone)
    assert result.category is Category.PRIVATE
    assert "art9_private_life" in codes(result)
    # a family doctor's card that states no condition is no Art. 9 data (December 2026 labelling guides)
    assert SpecialCategory.HEALTH in result.uncounted_special
    assert "routine_care" in codes(result)


def test_an_art9_community_organisation_is_private_life_not_a_supplier() -> None:
    name = "Moschee-Gemeinde Beispielstadt"
    result = classify_lines(f"FN:{name}", f"ORG:{name}", "X-ABShowAs:COMPANY")
    assert result.category is Category.PRIVATE
    assert not result.natural_person


def test_a_business_relationship_on_the_card_keeps_an_art9_contact_business() -> None:
    result = classify_lines("FN:Aidshilfe Beispielstadt", "ORG:Aidshilfe Beispielstadt", "NOTE:Mandant seit 2020")
    assert result.category is Category.BUSINESS
    assert "art9_private_life" not in codes(result)


def test_a_trade_union_hint_says_nothing_about_private_life() -> None:
    result = classify_lines("FN:Uwe Beispiel", "ORG:IG Metall Beispielstadt", "TITLE:Gewerkschaftssekretär")
    # a union secretary on a business card: the union is his organisation's role, not his membership (issue 12)
    assert result.uncounted_special == (SpecialCategory.TRADE_UNION,)
    assert result.special_categories == ()
    assert "art9_private_life" not in codes(result)
    assert result.category is Category.BUSINESS


FRIEND = (
    "FN:Kathi Beispiel",
    "BDAY:1986-11-02",
    "NICKNAME:Kathi",
    "EMAIL;TYPE=HOME:kathi@gmx.de",
    "ADR;TYPE=HOME:;;Weg 1;Ort;;12345;",
)


def test_the_employer_on_a_friends_card_counts_at_most_once() -> None:
    plain = classify_lines(*FRIEND, "ORG:Beispiel")
    employer = classify_lines(*FRIEND, "ORG:Stadtwerke Beispielstadt GmbH", "TITLE:Sachbearbeiterin")
    assert plain.category is employer.category is Category.PRIVATE
    assert "employer_role" in codes(employer)


def test_the_same_employer_evidence_on_a_company_card_is_not_capped() -> None:
    result = classify_lines("FN:Stadtwerke Beispielstadt GmbH", "ORG:Stadtwerke Beispielstadt GmbH")
    assert result.category is Category.BUSINESS
    assert result.confidence > 0.7


def test_a_child_with_only_a_birthday_is_private() -> None:
    result = classify_lines("FN:Mia Beispiel", "BDAY:2015-03-14", "TEL;TYPE=CELL:+49 152 28817201")
    assert result.minor
    assert result.category is Category.PRIVATE


def test_an_adult_with_only_a_birthday_stays_unknown() -> None:
    result = classify_lines("FN:Mia Beispiel", "BDAY:1980-03-14", "TEL;TYPE=CELL:+49 152 28817201")
    assert result.category is Category.UNKNOWN


def test_a_job_in_the_note_makes_a_customer() -> None:
    result = classify_lines("FN:Alois Beispiel", "NOTE:Ferienhaus, PV-Anlage Angebot", "TEL:+43 664 1234567")
    assert result.category is Category.BUSINESS
    assert "job_word" in codes(result)


def test_the_owners_own_groups_decide_against_a_weak_cue() -> None:
    result = classify_lines("FN:Birgit Beispiel", "CATEGORIES:Kunden", "EMAIL;TYPE=HOME:birgit@web.de")
    assert result.category is Category.BUSINESS


def test_family_words_of_germanys_immigrant_communities() -> None:
    for name in ("Annem", "Babam", "Babcia", "Nonna"):
        assert classify_lines(f"FN:{name}", "TEL:+49 152 28817202").category is Category.PRIVATE, name


def test_golf_is_a_car_on_a_workshop_phone_not_a_hobby() -> None:
    result = classify_lines("FN:Monika Beispiel", "NOTE:Golf VII, TÜV 03/26")
    assert result.category is Category.BUSINESS


def test_an_apprentice_under_18_is_business() -> None:
    result = classify_lines("FN:Lea Beispiel", "BDAY:2010-07-04", "NOTE:Azubi 2. Lehrjahr", "TEL:+49 152 28817203")
    assert result.minor
    assert result.category is Category.BUSINESS


def test_a_surname_ending_in_meister_is_no_master_craftsman() -> None:
    for name in ("Jens Hoffmeister", "Anna Baumeister", "Tom Burgmeister"):
        assert "role_word" not in codes(classify_lines(f"FN:{name}")), name
    assert "role_word" in codes(classify_lines("FN:Jens Beispiel", "NOTE:Malermeister, Angebot Fassade"))


def test_a_company_card_whose_name_repeats_org_without_the_legal_form_is_no_person() -> None:
    result = classify_lines("FN:Molkerei Beispielhof", "ORG:Molkerei Beispielhof eG", "TEL;TYPE=WORK:+49 30 23125204")
    assert not result.natural_person
    assert classify_lines("FN:Uwe Schulz", "ORG:Elektro Schulz", "TEL:+49 152 28817204").natural_person


def test_a_family_word_and_one_weak_cue_outweigh_a_full_employer_block() -> None:
    employer = ("ORG:Nordbank AG", "TITLE:Filialleiter")
    alone = classify_lines("FN:Jens Beispiel", *employer, "NOTE:Patenonkel von Mia")
    with_nickname = classify_lines("FN:Jens Beispiel", *employer, "NOTE:Patenonkel von Mia", "NICKNAME:Jenser")
    assert alone.category is not Category.BUSINESS  # the employer alone never makes a godfather business
    assert with_nickname.category is Category.PRIVATE
