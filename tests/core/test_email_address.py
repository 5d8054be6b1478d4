"""The domain of an address as written on a card: a bare address skips parseaddr and must read the same."""

from __future__ import annotations

import email.utils

import pytest

from scanner.core.email_address import email_domain


@pytest.mark.parametrize(
    ("raw", "domain"),
    [
        ("zora@gmx.de", "gmx.de"),
        ("A.B@GMX.DE", "gmx.de"),
        ("a+b@mail.firma-x.example", "mail.firma-x.example"),
        ("a@b.de.", "b.de"),
        ("a@.de", None),
        ("a@b..de", None),
        ("a@localhost", None),
        ("Zora <zora@web.de>", "web.de"),
        ("zora@example.org (Zora, mobil)", "example.org"),
        ("mailto:x@y.de?cc=z@w.de", "y.de"),
    ],
)
def test_domain(raw: str, domain: str | None) -> None:
    assert email_domain(raw) == domain


@pytest.mark.parametrize("raw", [".a@b.de", "a.@b.de", "a..b@x.de", "%@x.de", "-@-.de", "a_b@x.de", "1@2.de"])
def test_bare_address_reads_as_parseaddr_does(raw: str) -> None:
    parsed = email.utils.parseaddr(raw)[1]
    assert parsed == raw  # what the fast path takes for granted
    assert email_domain(raw) == email_domain(f"<{raw}>")  # the same address through parseaddr
