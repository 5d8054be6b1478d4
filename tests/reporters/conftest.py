"""Fixtures of the reporter tests: scan results built by hand from ``reporter_builders``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reporter_builders import PEOPLE, REJECTED, alternatives, build_result

from scanner.core.scan import ScanResult


@pytest.fixture
def full_result() -> ScanResult:
    return build_result(PEOPLE, rejections=REJECTED, alternatives=alternatives())


@pytest.fixture
def empty_result() -> ScanResult:
    return build_result([], files=[])


@pytest.fixture
def rejected_only_result() -> ScanResult:
    return build_result([], rejections=REJECTED)


@pytest.fixture
def result_of() -> Callable[..., ScanResult]:
    return build_result
