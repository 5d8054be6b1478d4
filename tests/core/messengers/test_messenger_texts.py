"""Every label, note and profile error a report can show about a messenger has German and English text."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from scanner.core.messengers import (
    NO_EU_ENTITY,
    UNCONFIRMED,
    UNKNOWN_DESTINATION,
    Expected,
    ProfileError,
    ProfileProblem,
    fact_label_key,
    label_key,
    list_profiles,
    load_profile,
)
from scanner.core.messengers.labels import LABELLED
from scanner.i18n import Language, message_keys, translate

ENUM_VALUES = [member for enum in LABELLED for member in enum]
NOTE_IN_DATA = re.compile(r'"(messenger\.note\.[a-z0-9_]+)"')


def assert_bilingual(message_key: str, /, **params: object) -> None:
    texts = {lang: translate(message_key, lang, **params) for lang in Language}
    assert all(text.strip() for text in texts.values()), message_key
    assert "{" not in "".join(texts.values()), message_key  # a placeholder nobody filled


@pytest.mark.parametrize("value", ENUM_VALUES, ids=[f"{type(v).__name__}.{v}" for v in ENUM_VALUES])
def test_every_enum_value_has_a_label(value: object) -> None:
    assert_bilingual(label_key(value))  # type: ignore[arg-type]  # ENUM_VALUES holds StrEnum members


def test_label_key_scheme() -> None:
    from scanner.core.messengers import FieldStatus, Hashing

    assert label_key(FieldStatus.DISPUTED) == "messenger.field_status.disputed"
    assert label_key(Hashing.HASHED) == "messenger.hashing.hashed"


def test_marks_and_fact_headings_have_text() -> None:
    for key in (
        UNCONFIRMED,
        UNKNOWN_DESTINATION,
        NO_EU_ENTITY,
        "messenger.bulk_upload.yes",
        "messenger.bulk_upload.no",
    ):
        assert_bilingual(key)
    assert_bilingual("messenger.penetration_capped", cap="95 %")
    names = {name for profile_id in list_profiles() for name, _ in load_profile(profile_id).facts()}
    for name in names:
        assert_bilingual(fact_label_key(name))


def test_every_note_the_data_uses_exists_and_every_note_is_used() -> None:
    data = resources.files("scanner.data")
    files = [*(data / "messengers").iterdir(), *(data / "countries").iterdir()]
    used = {key for entry in files if entry.name.endswith(".toml") for key in NOTE_IN_DATA.findall(entry.read_text())}
    for key in used:
        assert_bilingual(key)
    assert used == {key for key in message_keys() if key.startswith("messenger.note.")}


@pytest.mark.parametrize("problem", [p for p in ProfileProblem if p is not ProfileProblem.INVALID])
def test_every_profile_problem_has_a_message(problem: ProfileProblem) -> None:
    error = ProfileError("mine.toml", problem, "fields.name", "W99")
    assert_bilingual(error.message_key, **error.params())


@pytest.mark.parametrize("expected", list(Expected))
def test_every_expected_value_has_a_message(expected: Expected) -> None:
    error = ProfileError("mine.toml", ProfileProblem.INVALID, "hashing.value", "none, hashed", expected)
    assert error.message_key == f"messenger.profile_error.invalid.{expected}"
    assert_bilingual(error.message_key, **error.params())
    assert "mine.toml" in error.message(Language.DE) and "hashing.value" in error.message(Language.DE)
