"""A profile's ``[retention]``: required to agree with the bulk upload, derived (and unconfirmed) when absent."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from scanner.core.messengers import Expected, ProfileError, ProfileProblem, Retention, load_profile_file

WHATSAPP = (resources.files("scanner.data") / "messengers" / "whatsapp.toml").read_text(encoding="utf-8")
RETENTION = re.compile(r"\[retention\]\n(?:#.*\n)*value = \"stored_clear\"\nsources = \[[^\]]*\]\nnote = \"[^\"]*\"\n")


def own(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_without_retention_gets_it_derived_and_marked_unconfirmed(tmp_path: Path) -> None:
    assert RETENTION.search(WHATSAPP)
    profile = load_profile_file(own(tmp_path, RETENTION.sub("", WHATSAPP)))
    assert profile.retention.value is Retention.STORED_CLEAR  # non-users stored, sent in clear
    assert "retention" in profile.unconfirmed()


def test_a_derived_retention_follows_transient_non_users(tmp_path: Path) -> None:
    text = RETENTION.sub("", WHATSAPP).replace('[non_users]\nvalue = "stored"', '[non_users]\nvalue = "transient"')
    assert load_profile_file(own(tmp_path, text)).retention.value is Retention.DISCARDED


def test_not_sent_with_a_bulk_upload_is_refused(tmp_path: Path) -> None:
    assert WHATSAPP.count('value = "stored_clear"') == 1
    with pytest.raises(ProfileError) as caught:
        load_profile_file(own(tmp_path, WHATSAPP.replace('value = "stored_clear"', 'value = "not_sent"')))
    error = caught.value
    assert (error.problem, error.key, error.expected) == (ProfileProblem.INVALID, "retention.value", Expected.ONE_OF)
    assert "not_sent" not in error.detail and "discarded" in error.detail
