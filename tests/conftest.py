"""Shared test fixtures: the real-world corpus beside the repository and the fictional quirk fixtures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "real-world"
QUIRKS = REPOSITORY / "fixtures" / "quirks"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus/real-world`` resolved from the repository root; skips the test when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"real-world corpus not found at {CORPUS} (it sits beside the repository, not in it)")
    return CORPUS


def quirk_bytes(name: str) -> bytes:
    """The bytes of one fixture in ``fixtures/quirks/``, exactly as committed."""
    return (QUIRKS / name).read_bytes()


@pytest.fixture
def load_quirk() -> Callable[[str], bytes]:
    return quirk_bytes
