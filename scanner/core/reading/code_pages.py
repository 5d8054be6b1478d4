"""Which legacy code page a file's values without a usable CHARSET are in, decided once per file.

Outlook and old phones on a Greek, Russian or Turkish Windows write names in that system's code page and say so
nowhere, or only on some properties. The hints, strongest first: ``--encoding``, a CHARSET on another property of
the same card, a CHARSET elsewhere in the file, a UTF-8 byte-order mark, and otherwise a statistical guess over the
file's non-UTF-8 value bytes. The guess combines charset-normalizer's mess and coherence measures with a check that
suits short texts like names (charset-normalizer needs more text than one card holds): a decoding is implausible
when it puts symbols inside words, mixes scripts within a word, makes a Latin word mostly of accented letters,
breaks the case pattern of a name, or spells every name in lower case where the script has capitals.
"""

from __future__ import annotations

import binascii
import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

import charset_normalizer

from scanner.core.reading.content_lines import ContentLine
from scanner.core.reading.encoding import codec_for_charset

# The Windows code pages of the scripts German businesses' contacts are written in, most likely first: ties between
# decodings that are equally plausible go to the earlier one (Windows-1252 for German, then Turkish before Polish).
CANDIDATES = ("cp1252", "cp1254", "cp1250", "cp1251", "cp1253", "cp1255", "cp1256")
DEFAULT_CODEC = "cp1252"
MAX_SAMPLE_BYTES = 64 * 1024  # plenty for a guess; charset-normalizer's cost grows with the sample
_UNICODE_CODECS = frozenset({"utf-8", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_CHARSET = re.compile(rb"CHARSET=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_QP_HIGH = re.compile(rb"=[89A-Fa-f][0-9A-Fa-f]")
_LINE = re.compile(rb"[^\r\n]+")
_TOKEN = re.compile(r"[^\W\d_]+")
# Letters rare in names, whose bytes are common Turkish letters in Windows-1254 (ş ğ Ş Ğ): Icelandic þ ð in
# Windows-1252, Croatian đ and old Romanian ţ in Windows-1250.
_RARE_LETTERS = frozenset("þðÞÐđĐţŢ")


class EncodingSource(StrEnum):
    """Which hint chose the code page of a value that named none (or named one that does not fit)."""

    FORCED = "forced"
    CARD_CHARSET = "card_charset"
    FILE_CHARSET = "file_charset"
    GUESSED = "guessed"
    DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Fallback:
    codec: str
    source: EncodingSource


def legacy_codec(charset: str | None) -> str | None:
    """The codec a CHARSET names when it is a legacy 8-bit code page (not UTF-8, ASCII or UTF-16)."""
    codec = codec_for_charset(charset)
    if codec is None or codec in _UNICODE_CODECS:
        return None
    return codec


def text_codec(name: str) -> str | None:
    """The Python codec for a user's ``--encoding``, or None when it names no text encoding Python knows."""
    codec = codec_for_charset(name)
    if codec is None or not codecs.lookup(codec)._is_text_encoding:
        return None
    return codec


@dataclass(slots=True)
class FileCodePage:
    """The code page decisions of one file; the statistical guess is made at most once, and only when needed."""

    forced: str | None = None
    utf8_bom: bool = False
    file_hint: str | None = None
    sample: bytes = b""
    _guess: str | None = field(default=None, init=False)
    _reported: set[tuple[EncodingSource, str]] = field(default_factory=set, init=False)

    def first_report(self, fallback: Fallback) -> bool:
        """Whether this choice is new in the file: each is reported once, at the first value read that way.

        Not reported: a forced code page (the user chose it) and a guessed Windows-1252, the reader's documented
        default for 8-bit files that German Windows and Outlook exports are written in.
        """
        if fallback.source is EncodingSource.FORCED:
            return False
        if fallback.source is EncodingSource.GUESSED and fallback.codec == DEFAULT_CODEC:
            return False
        key = (fallback.source, fallback.codec)
        if key in self._reported:
            return False
        self._reported.add(key)
        return True

    @classmethod
    def from_head(cls, head: bytes, *, forced: str | None = None, utf8_bom: bool = False) -> FileCodePage:
        """Hints from the file's first bytes: the most frequent legacy CHARSET and a sample of non-UTF-8 values."""
        if forced is not None or utf8_bom or not _has_high_bytes(head):
            return cls(forced=forced, utf8_bom=utf8_bom, file_hint=_file_hint(head) if forced is None else None)
        return cls(file_hint=_file_hint(head), sample=_sample(head))

    def fallback(self, card_hint: str | None, value: bytes) -> Fallback:
        """How to read ``value`` (not UTF-8, no usable CHARSET) in a card whose other properties name ``card_hint``."""
        if self.forced is not None:
            return Fallback(self.forced, EncodingSource.FORCED)
        if card_hint is not None:
            return Fallback(card_hint, EncodingSource.CARD_CHARSET)
        if self.file_hint is not None:
            return Fallback(self.file_hint, EncodingSource.FILE_CHARSET)
        if self.utf8_bom:
            return Fallback(DEFAULT_CODEC, EncodingSource.DEFAULT)
        if self._guess is None:
            self._guess = guess_code_page(self.sample or value)
        return Fallback(self._guess, EncodingSource.GUESSED)


@dataclass(slots=True)
class CardDecoding:
    """The code page hints for the values of one card: its own CHARSETs first, then the file's."""

    file: FileCodePage
    properties: tuple[ContentLine, ...]
    _hint: str | None = field(default=None, init=False)
    _looked: bool = field(default=False, init=False)

    @property
    def forced(self) -> str | None:
        return self.file.forced

    def fallback(self, value: bytes) -> Fallback:
        if not self._looked:
            self._hint = _card_hint(self.properties)
            self._looked = True
        return self.file.fallback(self._hint, value)


def _card_hint(properties: tuple[ContentLine, ...]) -> str | None:
    for content in properties:
        for charset in content.param("CHARSET"):
            codec = legacy_codec(charset)
            if codec is not None:
                return codec
    return None


def _has_high_bytes(head: bytes) -> bool:
    return not head.isascii() or _QP_HIGH.search(head) is not None


def _file_hint(head: bytes) -> str | None:
    found: Counter[str] = Counter()
    for match in _CHARSET.finditer(head):
        codec = legacy_codec(match.group(1).decode("ascii"))
        if codec is not None:
            found[codec] += 1
    return found.most_common(1)[0][0] if found else None


def _sample(head: bytes) -> bytes:
    """The non-UTF-8 value bytes of the head's lines, quoted-printable decoded, up to ``MAX_SAMPLE_BYTES``."""
    parts: list[bytes] = []
    size = 0
    for match in _LINE.finditer(head):
        value = _line_value(match.group())
        if value is None:
            continue
        parts.append(value)
        size += len(value) + 1
        if size >= MAX_SAMPLE_BYTES:
            break
    return b"\n".join(parts)[:MAX_SAMPLE_BYTES]


def _line_value(line: bytes) -> bytes | None:
    head, colon, value = line.partition(b":")
    if not colon:
        value = line
    if b"QUOTED-PRINTABLE" in head.upper():
        value = binascii.a2b_qp(value)
    if value.isascii():
        return None
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return value
    return None


@lru_cache(maxsize=256)
def guess_code_page(sample: bytes) -> str:
    """The candidate code page that reads ``sample`` most plausibly (see the module's docstring)."""
    measured = _normalizer_measures(sample)
    best: tuple[float, float, float, int] | None = None
    chosen = DEFAULT_CODEC
    for rank, codec in enumerate(CANDIDATES):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        chaos, coherence = measured.get(text, (1.0, 0.0))
        # Coherence (language fit) only counts in steps of 0.1: on a few names its finer differences are noise.
        key = (round(implausibility(text), 2), round(chaos, 2), -round(coherence, 1), rank)
        if best is None or key < best:
            best, chosen = key, codec
    return chosen


def _normalizer_measures(sample: bytes) -> dict[str, tuple[float, float]]:
    """charset-normalizer's mess and coherence per decoded text (it keeps one of several identical decodings)."""
    results = charset_normalizer.from_bytes(sample, cp_isolation=list(CANDIDATES), threshold=1.0)
    return {str(match): (match.chaos, match.coherence) for match in results}


def implausibility(text: str) -> float:
    """Faults per non-ASCII character of ``text`` read as names and addresses; 0.0 reads like real writing."""
    non_ascii = sum(1 for char in text if ord(char) > 127)
    if not non_ascii:
        return 0.0
    return (_character_faults(text) + _word_faults(text)) / non_ascii


def _character_faults(text: str) -> float:
    faults = 0.0
    for position, char in enumerate(text):
        if ord(char) < 128:
            continue
        if unicodedata.category(char) in ("Cc", "Cn", "Co", "Mn"):
            faults += 2
        elif char in _RARE_LETTERS:
            faults += 0.5
        elif not char.isalpha() and _next_to_letter(text, position):
            faults += 1
    return faults


def _next_to_letter(text: str, position: int) -> bool:
    return any(char.isalpha() for char in text[max(position - 1, 0) : position] + text[position + 1 : position + 2])


def _word_faults(text: str) -> float:
    faults = 0.0
    cased = capitalized = 0
    for word in _TOKEN.findall(text):
        if word.isascii():
            continue
        scripts = {_script(char) for char in word}
        faults += len(scripts) > 1
        faults += _latin_without_ascii(word, scripts) + ("ς" in word[:-1])  # Greek final sigma inside a word
        if word.upper() == word.lower():
            continue  # a script without case (Hebrew, Arabic)
        cased += 1
        capitalized += word[0].isupper()
        faults += not (word.islower() or word.isupper() or word[1:].islower())
    if cased and not capitalized:
        faults += 0.5 * cased
    return faults


def _latin_without_ascii(word: str, scripts: set[str]) -> bool:
    """A Latin word mostly of accented letters ("Ãíàòþê") is another script read in a Latin code page."""
    if scripts != {"LATIN"} or len(word) < 3:
        return False
    return sum(1 for char in word if ord(char) > 127) * 2 > len(word)


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]
