"""Texts about bad cards and files: complete in German and English, say what to do, never repeat the card."""

from __future__ import annotations

import re

import pytest

from scanner.core.model import CodePage, Contact, FileProblem, ReadWarning, Rejection, RejectReason, WarningCode
from scanner.core.reading import read_bytes
from scanner.i18n import Language, message_keys, translate
from scanner.reporters.reading_texts import warning_text

KEYS = (
    [f"warning.{code.value}" for code in WarningCode]
    + [f"reject.{reason.value}" for reason in RejectReason]
    + [f"file.{problem.value}" for problem in FileProblem]
)
# A card with every kind of damage and values that could not appear in a message by chance.
HOSTILE = (
    b"END:VCARD\r\n"
    b"BEGIN:VCARD\r\nFN:Zacharias Qwertzuiop\r\n# Geheimnotiz Xylophon\r\nBDAY:Blumenkohl\r\n"
    b"N;CHARSET=KLINGONISCH:Vrrrbuchstabe\r\nTEL:+49 152 2881\x007099\r\n;X=1:Quarkstrudel\r\n"
    b"PHOTO;ENCODING=BASE64:Wurstbrot!!\r\nEND:VCARD Schnitzeltext\r\n"
    b"BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Kuckucksuhr=ZZ\r\nTEL:+49 30 23125099\r\n"
)
CONTENT = re.compile(
    r"Zacharias|Qwertzuiop|Xylophon|Blumenkohl|Vrrr|KLINGON|28817099|Quarkstrudel|Wurstbrot|"
    r"Schnitzel|Kuckucksuhr|23125099|ZZ"
)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("language", list(Language))
def test_every_reader_message_exists_and_says_what_to_do(key: str, language: Language) -> None:
    assert key in message_keys()
    # ``code_page`` is only ever the display name of a CodePage member, never card content.
    text = translate(key, language, code_page=CodePage.CP1251.display_name)
    sentences = [part for part in re.split(r"[.?]\s+|[.?]$", text) if part.strip()]
    assert len(sentences) >= 2, f"{key} ({language}) states the problem but not what to do: {text!r}"
    assert "{" not in text  # no placeholder through which a card's value could enter


def _rendered(items: list[Contact | Rejection], language: Language) -> list[str]:
    texts = []
    for item in items:
        if isinstance(item, Rejection):
            texts.append(translate(f"reject.{item.reason.value}", language))
        else:
            texts.extend(warning_text(warning, language) for warning in item.warnings)
    return texts


def test_rendered_warnings_and_rejections_hold_nothing_from_the_card() -> None:
    items = list(read_bytes(HOSTILE))
    codes = {w.code for item in items if isinstance(item, Contact) for w in item.warnings}
    assert codes >= {
        WarningCode.MISSING_END,
        WarningCode.COMMENT_LINE,
        WarningCode.BAD_BIRTHDAY,
        WarningCode.BAD_CHARSET,
        WarningCode.NUL_BYTES,
        WarningCode.UNPARSEABLE_LINE,
        WarningCode.BAD_PHOTO,
        WarningCode.TRAILING_END_TEXT,
    }
    for language in Language:
        rendered = _rendered(items, language)
        assert len(rendered) >= len(codes)
        assert [text for text in rendered if CONTENT.search(text)] == []


def test_warnings_and_rejections_carry_no_content_fields() -> None:
    """The located records themselves hold only a line number and a code, so no renderer can leak a value."""
    assert list(ReadWarning.__dataclass_fields__) == ["line", "code", "code_page"]
    assert ReadWarning.__dataclass_fields__["code_page"].type == "CodePage | None"  # an Enum: no room for a value
    assert list(Rejection.__dataclass_fields__) == ["source", "reason"]
