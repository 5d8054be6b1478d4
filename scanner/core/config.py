"""The user's config file: their own company domains and the domains and words they class as business or private."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from scanner.i18n import Language, translate

_DOMAIN = re.compile(r"^(?:[^\s@./\\]+\.)+[^\s@./\\\d][^\s@./\\]*$")
_LIST_KEYS = ("company_domains", "business_domains", "private_domains", "business_keywords", "private_keywords")
_DOMAIN_KEYS = frozenset(_LIST_KEYS[:3])


class ConfigProblem(StrEnum):
    """What is wrong at one place of the config file. Rendered by the i18n catalog (``config.<value>``)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    INVALID_TOML = "invalid_toml"
    UNKNOWN_KEY = "unknown_key"
    NOT_A_TABLE = "not_a_table"
    NOT_A_LIST = "not_a_list"
    NOT_A_STRING = "not_a_string"
    EMPTY_ENTRY = "empty_entry"
    BAD_DOMAIN = "bad_domain"
    TOO_LONG = "too_long"
    TOO_DEEP = "too_deep"


# A keyword or domain longer than this is no word a card holds (the longest German legal-form words have ~40
# letters, a domain at most 253); matching compiles keywords into a trie, whose depth is the longest keyword.
MAX_ENTRY_CHARS = 100


@dataclass(frozen=True)
class ConfigIssue:
    """One problem: the dotted key it concerns ("" for the whole file) and, for lists, the 1-based entry."""

    key: str
    problem: ConfigProblem
    entry: int = 0
    detail: str = ""


class ConfigError(Exception):
    """The config file cannot be used; names the file and, for every problem, the key to fix.

    ``translate(error.message_key, lang, **error.params())`` is the first problem; ``describe(lang)`` all of them.
    """

    def __init__(self, path: Path, issues: tuple[ConfigIssue, ...]) -> None:
        self.path = path
        self.issues = issues
        super().__init__(self.describe(Language.EN))

    @property
    def message_key(self) -> str:
        return _message_key(self.issues[0])

    def params(self) -> dict[str, str]:
        return _params(self.path, self.issues[0])

    def describe(self, lang: Language) -> str:
        """One line per problem: file, key and what to change."""
        return "\n".join(translate(_message_key(issue), lang, **_params(self.path, issue)) for issue in self.issues)


def _message_key(issue: ConfigIssue) -> str:
    return f"config.{issue.problem.value}"


def _params(path: Path, issue: ConfigIssue) -> dict[str, str]:
    return {"path": str(path), "key": issue.key, "entry": str(issue.entry), "detail": issue.detail}


@dataclass(frozen=True)
class ClassificationConfig:
    """The ``[classification]`` table. Domains are lower-case without a leading "@"; keywords as written."""

    company_domains: tuple[str, ...] = ()
    business_domains: tuple[str, ...] = ()
    private_domains: tuple[str, ...] = ()
    business_keywords: tuple[str, ...] = ()
    private_keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportConfig:
    """The ``[report]`` table: who a document handed to a client is for and who made it (HTML header, drafts)."""

    client: str = ""
    consultant: str = ""


_REPORT_KEYS = ("client", "consultant")
_TABLES = ("classification", "report")


@dataclass(frozen=True)
class UserConfig:
    classification: ClassificationConfig = ClassificationConfig()
    report: ReportConfig = ReportConfig()


def load_config(path: Path) -> UserConfig:
    """Read and check a config file; raises ConfigError listing every problem found."""
    document = _parse(path)
    issues = [ConfigIssue(key, ConfigProblem.UNKNOWN_KEY) for key in document if key not in _TABLES]
    table = document.get("classification", {})
    if not isinstance(table, dict):
        issues.append(ConfigIssue("classification", ConfigProblem.NOT_A_TABLE))
        table = {}
    issues.extend(
        ConfigIssue(f"classification.{key}", ConfigProblem.UNKNOWN_KEY) for key in table if key not in _LIST_KEYS
    )
    values = {key: _string_list(table, key, issues) for key in _LIST_KEYS}
    report = _report(document.get("report", {}), issues)
    if issues:
        raise ConfigError(path, tuple(issues))
    return UserConfig(classification=ClassificationConfig(**values), report=report)


def _report(table: object, issues: list[ConfigIssue]) -> ReportConfig:
    if not isinstance(table, dict):
        issues.append(ConfigIssue("report", ConfigProblem.NOT_A_TABLE))
        return ReportConfig()
    issues.extend(ConfigIssue(f"report.{key}", ConfigProblem.UNKNOWN_KEY) for key in table if key not in _REPORT_KEYS)
    values: dict[str, str] = {}
    for key in _REPORT_KEYS:
        value = table.get(key, "")
        if isinstance(value, str):
            values[key] = value.strip()
        else:
            issues.append(ConfigIssue(f"report.{key}", ConfigProblem.NOT_A_STRING))
    return ReportConfig(**values)


def _parse(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as error:
        raise ConfigError(path, (ConfigIssue("", ConfigProblem.NOT_FOUND),)) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, (ConfigIssue("", ConfigProblem.UNREADABLE),)) from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, (ConfigIssue("", ConfigProblem.INVALID_TOML, detail=str(error)),)) from error
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(path, (ConfigIssue("", ConfigProblem.TOO_DEEP),)) from None


def _string_list(table: dict[str, Any], key: str, issues: list[ConfigIssue]) -> tuple[str, ...]:
    """The checked entries of one list; problems go to ``issues``."""
    dotted = f"classification.{key}"
    raw = table.get(key, [])
    if not isinstance(raw, list):
        issues.append(ConfigIssue(dotted, ConfigProblem.NOT_A_LIST))
        return ()
    entries: list[str] = []
    for number, value in enumerate(raw, start=1):
        problem = _entry_problem(value, is_domain=key in _DOMAIN_KEYS)
        if problem is not None:
            issues.append(ConfigIssue(dotted, problem, entry=number))
        else:
            entries.append(_clean(value, is_domain=key in _DOMAIN_KEYS))
    return tuple(entries)


def _entry_problem(value: object, *, is_domain: bool) -> ConfigProblem | None:
    if not isinstance(value, str):
        return ConfigProblem.NOT_A_STRING
    if not value.strip():
        return ConfigProblem.EMPTY_ENTRY
    if len(value.strip()) > MAX_ENTRY_CHARS:
        return ConfigProblem.TOO_LONG
    if is_domain and not _DOMAIN.match(_clean(value, is_domain=True)):
        return ConfigProblem.BAD_DOMAIN
    return None


def _clean(value: str, *, is_domain: bool) -> str:
    return value.strip().lstrip("@").rstrip(".").lower() if is_domain else value.strip()
