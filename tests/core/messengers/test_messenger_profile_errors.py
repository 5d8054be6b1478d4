"""A user's own profile file is checked as strictly as the packaged ones; every error names the file and the key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from scanner.core.messengers import (
    Expected,
    FieldStatus,
    ProfileError,
    ProfileProblem,
    load_profile,
    load_profile_file,
)
from scanner.i18n import Language

VALID = (resources.files("scanner.data") / "messengers" / "whatsapp.toml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def changed(old: str, new: str) -> str:
    """The packaged WhatsApp profile with one edit; fails loudly when the edit no longer applies."""
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


def load_error(path: Path) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    error = caught.value
    for lang in Language:
        assert str(path) in error.message(lang)
        assert error.key in error.message(lang)
    return error


def test_a_copy_of_a_packaged_profile_loads_from_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, changed('id = "whatsapp"', 'id = "my-whatsapp"'))
    profile = load_profile_file(path)
    assert profile.id == "my-whatsapp"
    assert profile.location == str(path)
    assert profile.fields.name.value is FieldStatus.DISPUTED


def test_own_sources_may_be_defined_and_cited(tmp_path: Path) -> None:
    text = changed('sources = ["W2"]\n\n[activation]', 'sources = ["MINE"]\n\n[activation]')
    text += '\n[sources.MINE]\ntitle = "Our own test of the upload"\ndate = "2026"\n'
    profile = load_profile_file(write(tmp_path, text))
    assert [source.title for source in profile.frequency.sources] == ["Our own test of the upload"]


@pytest.mark.parametrize(
    ("old", "new", "problem", "key"),
    [
        ('[frequency]\nvalue = "regularly"\nsources = ["W2"]\n', "", ProfileProblem.MISSING, "frequency"),
        ('value = "regularly"\n', "", ProfileProblem.MISSING, "frequency.value"),
        ('[frequency]\nvalue = "regularly"\nsources = ["W2"]\n', '[frequency]\nvalue = "regularly"\n',
         ProfileProblem.MISSING, "frequency.sources"),
        ('id = "whatsapp"', 'id = "whatsapp"\ncolour = "green"', ProfileProblem.UNKNOWN_KEY, "colour"),
        ('value = "regularly"', 'vaule = "regularly"', ProfileProblem.UNKNOWN_KEY, "frequency.vaule"),
        ('[fields.email]', '[fields.fax]\nvalue = "yes"\nsources = ["W1"]\n\n[fields.email]',
         ProfileProblem.UNKNOWN_KEY, "fields.fax"),
        ('value = "regularly"', 'value = "hourly"', ProfileProblem.INVALID, "frequency.value"),
        ('value = "disputed"', 'value = "maybe"', ProfileProblem.INVALID, "fields.name.value"),
        ('sources = ["W2"]\n\n[activation]', 'sources = ["W99"]\n\n[activation]',
         ProfileProblem.UNKNOWN_SOURCE, "frequency.sources"),
        ('note = "messenger.note.whatsapp_names_disputed"', 'note = "names are sent"',
         ProfileProblem.UNKNOWN_NOTE, "fields.name.note"),
    ],
)  # fmt: skip
def test_broken_profile_names_file_and_key(
    tmp_path: Path, old: str, new: str, problem: ProfileProblem, key: str
) -> None:
    error = load_error(write(tmp_path, changed(old, new)))
    assert (error.path, error.problem, error.key) == (str(tmp_path / "mine.toml"), problem, key)


@pytest.mark.parametrize(
    ("old", "new", "key", "expected"),
    [
        ('value = "regularly"', 'value = "hourly"', "frequency.value", Expected.ONE_OF),
        ("checked = 2026-12-02", 'checked = "last week"', "checked", Expected.DATE),
        ('value = ["IE", "US"]', 'value = ["IE", "UK"]', "destinations.value", Expected.COUNTRIES),
        ("value = true", 'value = "yes"', "bulk_upload.value", Expected.FLAG),
        ('sources = ["W2"]\n\n[activation]', "sources = []\n\n[activation]", "frequency.sources", Expected.SOURCES),
        ('id = "whatsapp"', 'id = "Whats App"', "id", Expected.ID),
        ('value = ["IE", "US"]', 'value = "somewhere"', "destinations.value", Expected.STRINGS),
        ('[operator]\nvalue = "WhatsApp LLC (Meta)"\nsources = ["W5"]\n', 'operator = "Meta"\n', "operator",
         Expected.TABLE),
    ],
)  # fmt: skip
def test_invalid_value_says_what_was_expected(tmp_path: Path, old: str, new: str, key: str, expected: Expected) -> None:
    error = load_error(write(tmp_path, changed(old, new)))
    assert (error.problem, error.key, error.expected) == (ProfileProblem.INVALID, key, expected)


def test_invalid_enum_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, changed('value = "regularly"', 'value = "hourly"')))
    assert "regularly" in error.detail
    assert "daily" in error.message(Language.DE)


def test_redefining_a_packaged_source_is_refused(tmp_path: Path) -> None:
    text = VALID + '\n[sources.W1]\ntitle = "Something else"\n'
    error = load_error(write(tmp_path, text))
    assert (error.problem, error.key) == (ProfileProblem.DUPLICATE_SOURCE, "sources.W1")


def test_not_toml(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "id = whatsapp\n[operator"))
    assert error.problem is ProfileProblem.NOT_TOML


def test_not_utf8_is_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('display_name = "Gr\xfc\xdfe"\n'.encode("latin-1"))
    assert load_error(path).problem is ProfileProblem.NOT_TOML


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert load_profile_file(path).id == "whatsapp"


def test_not_found(tmp_path: Path) -> None:
    error = load_error(tmp_path / "missing.toml")
    assert error.problem is ProfileProblem.NOT_FOUND


def test_a_directory_is_unreadable(tmp_path: Path) -> None:
    assert load_error(tmp_path).problem is ProfileProblem.UNREADABLE


@pytest.mark.parametrize("name", ["nope", "../countries/eea", "_sources", "WhatsApp"])
def test_unknown_packaged_profile_lists_the_known_ones(name: str) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(name)
    assert caught.value.problem is ProfileProblem.UNKNOWN_PROFILE
    assert "whatsapp-business" in caught.value.message(Language.EN)
