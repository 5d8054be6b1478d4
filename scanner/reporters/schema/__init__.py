"""The JSON Schema (draft 2020-12) of the JSON report, shipped with the package for scripts and tests."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

REPORT_SCHEMA_V1 = "report-v1.schema.json"


@cache
def _schema_text(name: str) -> str:
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


def load_report_schema(version: int = 1) -> dict[str, Any]:
    """The schema of JSON reports with ``schema_version`` ``version`` (only 1 exists), as a fresh dict."""
    if version != 1:
        raise ValueError(f"no JSON report schema for schema_version {version}; known: 1")
    schema: dict[str, Any] = json.loads(_schema_text(REPORT_SCHEMA_V1))
    return schema
