"""Keyword lists: whole words, compound markers, case folding, umlauts and ß, never a hit inside a word."""

from __future__ import annotations

import pytest

from scanner.core.classification.matching import compile_keywords, normalize

WORDS = compile_keywords(["Kunde", "*Werkstatt", "~Meister", "Psychotherap*", "AIDS", "AIDS-Hilfe", "Straße", "e.K."])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kunde Meier", "Kunde"),
        ("KUNDE", "Kunde"),
        ("Kfz-Werkstatt Huber", "Werkstatt"),
        ("Autowerkstatt", "Werkstatt"),
        ("Werkstatt", "Werkstatt"),
        ("Malermeister Schulz", "Meister"),
        ("Psychotherapeutin Lehmann", "Psychotherap"),
        ("Aids Hilfe Nord", "AIDS-Hilfe"),
        ("aids-hilfe", "AIDS-Hilfe"),
        ("HAUPTSTRASSE Straße", "Straße"),
        ("STRASSE", "Straße"),
        ("Schulz e.K.", "e.K."),
    ],
)
def test_finds_keyword_and_names_it_as_our_list_spells_it(text: str, expected: str) -> None:
    assert WORDS.find(normalize(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Kundenservice", "Meister Eder", "Tom Kaidsen", "Raids", "Hauptstraße", "Werkstätten", "Psycho", "eK Müller", ""],
)
def test_no_hit_inside_another_word_or_on_a_bare_compound_head(text: str) -> None:
    assert WORDS.find(normalize(text)) is None


def test_umlaut_is_a_letter_not_a_boundary() -> None:
    umlauts = compile_keywords(["Bär"])
    assert umlauts.find(normalize("Bärbel")) is None
    assert umlauts.find(normalize("BÄR")) == "Bär"


def test_longest_alternative_wins() -> None:
    forms = compile_keywords([("GmbH", "GmbH"), ("GmbH & Co. KG", "GmbH & Co. KG")])
    assert forms.find(normalize("Muster GmbH & Co. KG")) == "GmbH & Co. KG"


def test_at_end_needs_a_word_before_and_nothing_after() -> None:
    short = compile_keywords(["AG"], at_end=True)
    assert short.find(normalize("Muster AG")) == "AG"
    assert short.find(normalize("AG Muster")) is None
    assert short.find(normalize("AG")) is None


def test_empty_list_finds_nothing() -> None:
    assert compile_keywords([]).find("anything") is None
