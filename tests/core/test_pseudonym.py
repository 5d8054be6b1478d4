"""Contact ids: stable for one key, different across keys, never the number itself."""

from __future__ import annotations

from scanner.core.model import Contact
from scanner.core.pseudonym import new_key, pseudonym
from scanner.core.reading import read_bytes


def contact(*lines: str, path: str = "a.vcf") -> Contact:
    text = "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""))
    (item,) = read_bytes(text.encode("utf-8"), path=path)
    assert isinstance(item, Contact)
    return item


def test_same_number_same_key_same_id_whatever_the_notation() -> None:
    key = b"k" * 32
    spaced = contact("FN:A", "TEL:+49 152 28817004")
    national = contact("FN:B", "TEL:0152 28817004", path="b.vcf")
    assert pseudonym(spaced, key) == pseudonym(national, key)


def test_another_key_gives_another_id() -> None:
    card = contact("FN:A", "TEL:+49 152 28817004")
    assert pseudonym(card, b"a" * 32) != pseudonym(card, b"b" * 32)
    assert new_key() != new_key()


def test_the_id_carries_no_digits_of_the_number() -> None:
    card = contact("FN:A", "TEL:+49 152 28817004")
    value = pseudonym(card, b"k" * 32)
    assert value.startswith("c_")
    assert len(value) == 18
    assert "28817004" not in value


def test_e_mail_then_card_place_when_there_is_no_number() -> None:
    key = b"k" * 32
    assert pseudonym(contact("EMAIL:Lena@Example.org"), key) == pseudonym(contact("EMAIL:lena@example.org"), key)
    assert pseudonym(contact("FN:Nur Name"), key) != pseudonym(contact("FN:Nur Name", path="other.vcf"), key)
