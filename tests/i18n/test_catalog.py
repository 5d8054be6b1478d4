"""The message catalog: the language follows the locale, and every text exists in German and English."""

from __future__ import annotations

import pytest

from scanner.i18n import Language, default_language
from scanner.i18n.catalog import _catalog

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, Language.DE),
        ({"LANG": "de_AT.UTF-8"}, Language.DE),
        ({"LANG": "en_GB.UTF-8"}, Language.EN),
        ({"LANG": "C.UTF-8"}, Language.EN),
        ({"LC_ALL": "de_CH.UTF-8", "LANG": "en_US.UTF-8"}, Language.DE),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, Language.EN),
    ],
)
def test_the_default_language_follows_the_locale(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: Language
) -> None:
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert default_language() is expected


def test_every_text_exists_in_both_languages_and_is_translated() -> None:
    texts = _catalog()
    assert len(texts) > 300
    assert all(entry["de"].strip() and entry["en"].strip() for entry in texts.values())
    same = [key for key, entry in texts.items() if entry["de"] == entry["en"]]
    # Identical texts are allowed only where nothing is language-specific ("{path}: {problem}", "Art. 9").
    assert len(same) < 0.05 * len(texts), same
