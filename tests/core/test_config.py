"""The user's config file: the [classification] lists, and errors that name the file, the key and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.core.config import ClassificationConfig, ConfigError, ConfigProblem, UserConfig, load_config
from scanner.i18n import Language, translate


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "contactleak.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(error: pytest.ExceptionInfo[ConfigError]) -> list[tuple[str, ConfigProblem, int]]:
    return [(issue.key, issue.problem, issue.entry) for issue in error.value.issues]


def test_reads_all_lists_and_cleans_domains(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[classification]\ncompany_domains = ["@Muster-Tischlerei.EXAMPLE."]\nbusiness_domains = ["kunde.example"]\n'
        'private_domains = ["familie.example"]\nbusiness_keywords = [" Baustelle* "]\nprivate_keywords = ["Kegeln"]\n',
    )
    assert load_config(path) == UserConfig(
        ClassificationConfig(
            company_domains=("muster-tischlerei.example",), business_domains=("kunde.example",),
            private_domains=("familie.example",), business_keywords=("Baustelle*",), private_keywords=("Kegeln",),
        )
    )  # fmt: skip


def test_empty_file_is_the_default(tmp_path: Path) -> None:
    assert load_config(_write(tmp_path, "")) == UserConfig()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / "absent.toml")
    assert _problems(error) == [("", ConfigProblem.NOT_FOUND, 0)]
    assert str(tmp_path / "absent.toml") in str(error.value)


def test_invalid_toml_names_the_place(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(_write(tmp_path, "[classification\n"))
    assert _problems(error)[0][1] is ConfigProblem.INVALID_TOML
    assert "line 1" in error.value.describe(Language.DE)


def test_unknown_keys_are_refused_everywhere(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(_write(tmp_path, 'colour = "red"\n[classification]\ncompany_domain = ["a.example"]\n'))
    assert _problems(error) == [
        ("colour", ConfigProblem.UNKNOWN_KEY, 0),
        ("classification.company_domain", ConfigProblem.UNKNOWN_KEY, 0),
    ]


def test_every_problem_is_reported_with_key_and_entry(tmp_path: Path) -> None:
    text = (
        '[classification]\ncompany_domains = ["ok.example", "not a domain", 3]\n'
        'private_keywords = "Oma"\nbusiness_keywords = [""]\n'
    )
    with pytest.raises(ConfigError) as error:
        load_config(_write(tmp_path, text))
    assert _problems(error) == [
        ("classification.company_domains", ConfigProblem.BAD_DOMAIN, 2),
        ("classification.company_domains", ConfigProblem.NOT_A_STRING, 3),
        ("classification.business_keywords", ConfigProblem.EMPTY_ENTRY, 1),
        ("classification.private_keywords", ConfigProblem.NOT_A_LIST, 0),
    ]
    lines = error.value.describe(Language.EN).splitlines()
    assert len(lines) == 4
    assert all(line.startswith(str(tmp_path)) for line in lines)
    assert "classification.company_domains', entry 2" in lines[0]


def test_classification_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(_write(tmp_path, 'classification = "yes"\n'))
    assert _problems(error) == [("classification", ConfigProblem.NOT_A_TABLE, 0)]


def test_message_key_and_params_give_the_first_problem_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(_write(tmp_path, "[classification]\nbusiness_domains = [1]\n"))
    german = translate(error.value.message_key, Language.DE, **error.value.params())
    english = translate(error.value.message_key, Language.EN, **error.value.params())
    assert "Eintrag 1" in german and "entry 1" in english
    assert str(tmp_path) in german


@pytest.mark.parametrize("problem", list(ConfigProblem))
def test_every_problem_has_text(problem: ConfigProblem) -> None:
    params = {"path": "x.toml", "key": "k", "entry": "1", "detail": "d"}
    assert translate(f"config.{problem.value}", Language.DE, **params).startswith("x.toml: ")
    assert translate(f"config.{problem.value}", Language.EN, **params).startswith("x.toml: ")
