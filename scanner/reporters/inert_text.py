"""Making text from an export inert before any output: no control sequences, no bidi tricks, no markup."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts ANSI sequences), DEL, and the invisible bidi and direction marks that can
# reorder what a terminal shows (U+202E turns "gpj.exe" around). Tab and newline are folded to spaces too,
# so a name cannot break a table's layout or forge an extra output line.
# Also invisible fillers that can hide or forge text: soft hyphen, combining grapheme joiner, Hangul fillers,
# Khmer and Mongolian invisible vowels/separators, and the tag characters (U+E0000-E007F, used to smuggle text).
_INVISIBLE = (
    "\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[\x00-\x1f{_INVISIBLE}]")
# In JSON text C0 controls never occur raw inside strings (json.dumps escapes them) and newlines between values
# are layout, so only the rest needs escaping there.
_JSON_UNSAFE = re.compile(f"[{_INVISIBLE}]")


def inert(text: str) -> str:
    """``text`` with every control or direction character shown as a visible ``<U+XXXX>`` placeholder."""
    return _UNSAFE.sub(_placeholder, text)


def inert_message(text: str) -> str:
    """A message for stderr made inert line by line: its own line breaks stay, everything else as ``inert``."""
    return "\n".join(inert(line) for line in text.split("\n"))


def _placeholder(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in "\t\n\r":
        return " "
    return f"<U+{ord(char):04X}>"


def escape_json_text(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with the same characters written as ``\\uXXXX`` escapes.

    json.dumps escapes C0 controls but leaves DEL, C1 controls (U+009B is a CSI to some terminals), bidi overrides
    and lone surrogates raw: a script that prints a value, or ``cat`` on the file, would show them live, and a lone
    surrogate cannot even be written as UTF-8. These characters occur only inside JSON strings, so escaping them
    keeps the document valid and every value unchanged.
    """
    return _JSON_UNSAFE.sub(_json_escape, dumped)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"
