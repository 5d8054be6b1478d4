"""Abbreviated words as owners type them on small keyboards ("Hausm.", "Reinig.", "Obj.", "Pfarrb.", "Großh."):
each is read as the shortest word of our own lists that it begins, so the lists need no abbreviated entries."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from scanner.core.classification.texts import ContactTexts

# A word of at least three letters ended by a dot, in normalized text.
_ABBREVIATION = re.compile(r"(?<!\w)([^\W\d_]{3,})\.(?!\w)")
# Abbreviations of addresses, titles and dates: never expanded into a keyword.
_KEEP = frozenset(
    {
        "kath", "str", "tel", "geb", "inkl", "evtl", "bzw", "ggf", "usw", "abt", "dipl", "ing", "mag", "prof", "med",
        "jun", "sen", "gmbh", "mbh", "tsd", "mio", "mrd", "ges", "allg", "jan", "feb", "mär", "apr", "aug", "sep",
        "sept", "okt", "nov", "dez", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "etc",
    }
)


@cache
def _vocabulary(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({word for word in words if " " not in word and len(word) >= 4}))


def vocabulary(lists: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Single words of at least four letters from the given keyword stems, sorted for prefix search."""
    return _vocabulary(tuple(word for words in lists for word in words))


def expand(text: str, words: tuple[str, ...]) -> str:
    """``text`` with each abbreviation followed by the shortest listed word it begins ("obj." -> "obj. objekt")."""
    if "." not in text:
        return text

    def replacement(match: re.Match[str]) -> str:
        stem = match.group(1)
        if stem in _KEEP:
            return match.group(0)
        start = bisect.bisect_left(words, stem)
        candidates = []
        for word in words[start:]:
            if not word.startswith(stem):
                break
            if len(word) > len(stem):
                candidates.append(word)
        if not candidates:
            return match.group(0)
        return f"{match.group(0)} {min(candidates, key=lambda word: (len(word), word))}"

    return _ABBREVIATION.sub(replacement, text)


def expand_texts(texts: ContactTexts, words: tuple[str, ...]) -> ContactTexts:
    """The name, org and note fields with their abbreviations read out."""
    if "." not in texts.name and "." not in texts.org and "." not in texts.other:
        return texts
    return replace(
        texts,
        name=expand(texts.name, words),
        org=expand(texts.org, words),
        other=expand(texts.other, words),
        note=expand(texts.note, words),
    )
