"""The JSON Schema (draft 2020-12) of the JSON report, shipped with the package for scripts and tests."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

# Version 2 (people) supersedes version 1: every version-1 key kept its meaning; reports carry schema_version 2.
CURRENT_VERSION = 2
REPORT_SCHEMA = "report-v2.schema.json"


@cache
def _schema_text(name: str) -> str:
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


def load_report_schema(version: int = CURRENT_VERSION) -> dict[str, Any]:
    """The schema of JSON reports with ``schema_version`` ``version`` (the current one: 2), as a fresh dict."""
    if version != CURRENT_VERSION:
        raise ValueError(f"no JSON report schema for schema_version {version}; known: {CURRENT_VERSION}")
    schema: dict[str, Any] = json.loads(_schema_text(REPORT_SCHEMA))
    return schema
