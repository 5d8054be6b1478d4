"""The scoring that the evaluation reports: hand-counted pairs give hand-counted figures."""

from __future__ import annotations

import labelled_eval as ev


def _label(index: int, category: str, person: bool = True, minor: bool = False, special: str = "") -> ev.Label:
    return ev.Label("phone.vcf", index, f"Name {index}", category, person, minor,
                    frozenset(s for s in special.split(";") if s), "cue")


def _answer(category: str, person: bool = True, minor: bool = False, special: str = "") -> ev.Answer:
    return ev.Answer(category, person, minor, frozenset(s for s in special.split(";") if s))


PAIRS = [
    (_label(0, "business"), _answer("business")),
    (_label(1, "business", person=False), _answer("unknown", person=True)),
    (_label(2, "private", minor=True), _answer("private", minor=False)),
    (_label(3, "private", special="health;sex_life"), _answer("business", special="health;religion")),
    (_label(4, "unlabelable"), _answer("private", minor=True)),
]


def test_accuracy_counts_unknown_as_a_miss_and_skips_unlabelable() -> None:
    figures = ev.score(PAIRS)
    assert (figures.total, figures.labelable, figures.correct, figures.answered) == (5, 4, 2, 3)
    assert figures.accuracy == 0.5
    assert figures.coverage == 0.75
    assert figures.person_accuracy == 0.8
    assert figures.confusion[("business", "unknown")] == 1
    assert figures.confusion[("unlabelable", "private")] == 1


def test_minor_and_special_category_misses_and_false_alarms() -> None:
    figures = ev.score(PAIRS)
    assert figures.minor_misses == [("phone.vcf", 2)]
    assert figures.minor_false_alarms == [("phone.vcf", 4)]
    assert figures.special_missed == [("phone.vcf", 3)]
    assert figures.special_false == [("phone.vcf", 3)]
    assert figures.special_per_category[("sex_life", "missed")] == 1
    assert figures.special_per_category[("religion", "false")] == 1
    assert figures.special_per_category[("health", "missed")] == 0


def test_report_lists_wrong_rows_by_location_and_labels_without_names() -> None:
    lines = ev.render("test", ev.score(PAIRS))
    text = "\n".join(lines)
    assert "business/private accuracy: 50.0% (2/4 labelable), coverage 75.0% (3/4 answered)" in text
    wrong = "phone.vcf:3  label private/person/adult/health+sex_life  answer business/person/adult/health+religion"
    assert wrong in text
    assert "phone.vcf:0 " not in text
    assert "Name" not in text
    assert "rows with any difference: 4" in text
