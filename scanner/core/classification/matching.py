"""Keyword lists compiled into one trie-shaped regular expression each, matched on normalized text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

# Hyphens, dashes, underscores and any whitespace all count as one space: "AIDS-Hilfe" = "Aids Hilfe".
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_]+")
_WORD_END = "(?!\\w)"
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


class _Left(Enum):
    """What may stand before a keyword: a word boundary, anything (compound head), or at least one letter."""

    WORD = "(?<!\\w)"
    ANY = ""
    TAIL = "(?<=\\w)"


def normalize(text: str) -> str:
    """Case-folded (ß = ss, Ä = ä) with separators collapsed, so that keywords and texts compare alike."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, eq=False)
class KeywordList:
    """One list of keywords; ``find`` returns the keyword as our list spells it, never the searched text.

    Keyword syntax: ``Werkstatt`` matches the whole word only; ``*werkstatt`` also ends a compound
    (Autowerkstatt); ``~meister`` only ends a compound (Malermeister, never the surname Meister);
    ``psychotherap*`` also begins one (Psychotherapeutin).
    """

    pattern: re.Pattern[str] | None
    spelling: dict[str, str] = field(default_factory=dict)
    raw: tuple[str, ...] = ()  # the keywords as listed (with their * and ~), to combine lists
    def find(self, text: str) -> str | None:
        """The first keyword found in already normalized ``text``."""
        if self.pattern is None:
            return None
        match = self.pattern.search(text)
        return None if match is None else self.spelling[match.group(0)]

    def find_all(self, text: str) -> set[str]:
        """Every keyword found in already normalized ``text`` (non-overlapping, leftmost-longest)."""
        if self.pattern is None:
            return set()
        return {self.spelling[match.group(0)] for match in self.pattern.finditer(text)}

    def __len__(self) -> int:
        return len(self.spelling)


def compile_keywords(keywords: Iterable[str | tuple[str, str]], *, at_end: bool = False) -> KeywordList:
    """Compile a list into one pattern; a trie keeps matching fast for hundreds of words (200,000 contacts).

    An item is a keyword or a pair (keyword, how to show it). ``at_end``: the keyword must be the text's last
    word and follow another word (short legal forms such as "AG" or "SA").
    """
    groups: dict[_Left, dict[str, bool]] = {left: {} for left in _Left}
    spelling: dict[str, str] = {}
    items = list(keywords)
    raw = tuple(item if isinstance(item, str) else item[0] for item in items)
    for item in items:
        keyword, shown = (item, item.strip("*~ ")) if isinstance(item, str) else item
        left, stem, open_end = _parse(keyword)
        # old phones and keyboards without umlauts: "Steuerbuero", "Baeckerei", "Strasse" match as well
        for variant in dict.fromkeys((stem, stem.translate(_TRANSLITERATION).replace("ß", "ss"))):
            if variant:
                groups[left][variant] = groups[left].get(variant, False) or open_end
                spelling.setdefault(variant, shown)
    parts = [left.value + _trie_regex(stems) for left, stems in groups.items() if stems]
    if not parts:
        return KeywordList(pattern=None, spelling=spelling, raw=raw)
    body = "|".join(f"(?:{part})" for part in parts)
    return KeywordList(pattern=re.compile(f"(?<=\\S )(?:{body})$" if at_end else body), spelling=spelling, raw=raw)


def _parse(keyword: str) -> tuple[_Left, str, bool]:
    text = keyword.strip()
    left = _Left.WORD
    if text.startswith("*"):
        left, text = _Left.ANY, text[1:]
    elif text.startswith("~"):
        left, text = _Left.TAIL, text[1:]
    open_end = text.endswith("*")
    return left, normalize(text.rstrip("*")), open_end


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    end: bool | None = None  # None: no stem ends here; False: ends at a word boundary; True: may run on


def _trie_regex(stems: dict[str, bool]) -> str:
    """A regex equivalent to the alternation of ``stems``; each stem ends at a word boundary unless open."""
    root = _Node()
    for stem, open_end in stems.items():
        node = root
        for char in stem:
            node = node.children.setdefault(char, _Node())
        node.end = bool(node.end) or open_end
    return _node_regex(root)


def _node_regex(node: _Node) -> str:
    # Longer continuations come first, so "GmbH & Co. KG" wins over "GmbH" at the same place.
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.children.items())]
    if node.end is not None:
        branches.append("" if node.end else _WORD_END)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
